"""A tiny threaded HTTP server with a request log and scripted faults, shared by every fake API."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.parser import BytesParser
from fnmatch import fnmatchcase
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    """One request as the server received it, parsed the way the real API would parse it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    form: dict[str, str] = field(default_factory=dict)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    json: Any = None

    def header(self, name: str) -> str:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), "")


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None


@dataclass
class Fault:
    """Instead of (or around) the normal answer to a matching request, once."""

    status: int | None = None
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Act normally, then wait this long before answering (a client timeout after the fact)."""
    malformed: bool = False
    """Act normally, then answer 200 with a body that is not JSON."""
    acted: bool = False
    """With `status`: act normally first, then answer with `status` (a 502 after the post)."""
    raw: bytes | None = None
    """With `status`: this body as it is (an HTML error page) instead of JSON."""


class FakeApi:
    """Subclasses implement `handle`; tests read `requests` and script `faults`."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.faults: dict[str, list[Fault]] = {}
        self.sick: dict[str, Fault] = {}
        """Path prefix -> a fault for every request under it, for as long as it is set."""
        self.lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeApi:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def fail(self, route: str, *faults: Fault) -> None:
        """Script faults for `route` ("POST /2/tweets"), used in order, one per request."""
        self.faults.setdefault(route, []).extend(faults)

    def calls(self, route: str) -> list[Request]:
        method, _, path = route.partition(" ")
        return [r for r in self.requests if r.method == method and _route_match(path, r.path)]

    def handle(self, request: Request) -> Reply:
        raise NotImplementedError

    def route_of(self, request: Request) -> str:
        return f"{request.method} {request.path}"

    def serve(self, request: Request) -> tuple[Reply, float]:
        with self.lock:
            self.requests.append(request)
            queue = [
                q
                for key, q in self.faults.items()
                if q
                and _route_match(key.partition(" ")[2], request.path)
                and key.partition(" ")[0] == request.method
            ]
            fault = queue[0].pop(0) if queue else None
            fault = fault or next(
                (f for prefix, f in self.sick.items() if request.path.startswith(prefix)), None
            )
            if fault is not None and fault.status is not None:
                if fault.acted:
                    self.handle(request)
                return Reply(fault.status, fault.body, fault.headers, fault.raw), fault.delay
            reply = self.handle(request)
        if fault is not None and fault.malformed:
            return Reply(200, raw=b'{"data": {"id": '), fault.delay
        return reply, fault.delay if fault else 0.0


def _route_match(pattern: str, path: str) -> bool:
    parts, got = pattern.strip("/").split("/"), path.strip("/").split("/")
    return len(parts) == len(got) and all(
        fnmatchcase(g, p) for p, g in zip(parts, got, strict=True)
    )


def _handler_for(api: FakeApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            split = urlsplit(self.path)
            query = {k: v[-1] for k, v in parse_qs(split.query).items()}
            request = Request(self.command, split.path, query, dict(self.headers.items()), body)
            _parse_body(request)
            try:
                reply, delay = api.serve(request)
            except Exception as exc:  # a bug in a fake must show up as an answer, not a hang
                reply, delay = Reply(500, {"error": f"fake server bug: {exc!r}"}), 0.0
            if delay:
                time.sleep(delay)
            raw = reply.raw if reply.raw is not None else json.dumps(reply.body).encode()
            try:
                self.send_response(reply.status)
                headers = {"Content-Type": "application/json; charset=utf-8", **reply.headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting: exactly what a timeout test wants

        do_GET = do_POST = do_DELETE = do_PUT = _serve

    return Handler


def _parse_body(request: Request) -> None:
    kind = request.header("Content-Type")
    if kind.startswith("multipart/form-data"):
        message = BytesParser(policy=policy.HTTP).parsebytes(
            b"Content-Type: " + kind.encode() + b"\r\n\r\n" + request.body
        )
        for part in message.iter_parts():  # type: ignore[attr-defined]
            name = part.get_param("name", header="content-disposition")
            filename = part.get_filename()
            payload = part.get_payload(decode=True) or b""
            if filename is not None:
                request.files[name] = (filename, payload)
            else:
                request.form[name] = payload.decode("utf-8")
    elif kind.startswith("application/x-www-form-urlencoded"):
        request.form = {k: v[-1] for k, v in parse_qs(request.body.decode("utf-8")).items()}
    elif kind.startswith("application/json") and request.body:
        request.json = json.loads(request.body)


def running(*apis: FakeApi) -> Iterator[None]:
    for api in apis:
        api.start()
    try:
        yield
    finally:
        for api in apis:
            api.stop()
