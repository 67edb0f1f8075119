"""The Mastodon API as Mastodon.py calls it: instance, media, statuses with Idempotency-Key."""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass
from typing import Any

from tests.servers.base import FakeApi, Reply, Request

TOKEN = "Zr5qW8nB3vXk7LmT2pYc9HdJ"


@dataclass
class Status:
    id: str
    text: str
    media_ids: list[str]
    key: str
    deleted: bool = False


class FakeMastodon(FakeApi):
    def __init__(self) -> None:
        super().__init__()
        self.statuses: list[Status] = []
        self.media: dict[str, bytes] = {}
        self.by_key: dict[str, Status] = {}
        self.ids = itertools.count(112_000_000_000_000_001)

    def env(self) -> dict[str, str]:
        return {"MASTODON_BASE_URL": self.url, "MASTODON_TOKEN": TOKEN}

    @property
    def live(self) -> list[Status]:
        return [s for s in self.statuses if not s.deleted]

    def handle(self, request: Request) -> Reply:
        if request.path.rstrip("/") in ("/api/v1/instance", "/api/v2/instance"):
            return Reply(
                200,
                {
                    "uri": "mastodon.example",
                    "domain": "mastodon.example",
                    "title": "Fake",
                    "version": "4.3.0",
                    "api_versions": {"mastodon": 2},
                },
            )
        if request.header("Authorization") != f"Bearer {TOKEN}":
            return Reply(401, {"error": "The access token is invalid"})
        if request.method == "GET" and request.path == "/api/v1/accounts/verify_credentials":
            return Reply(200, {"id": "1", "username": "kpubangkabarat", "acct": "kpubangkabarat"})
        if request.method == "GET" and request.path == "/api/v1/accounts/1/statuses":
            return Reply(200, [self._json(s) for s in reversed(self.live)])
        if request.method == "POST" and request.path == "/api/v2/media":
            media_id = str(next(self.ids))
            self.media[media_id] = request.files["file"][1]
            return Reply(
                200,
                {
                    "id": media_id,
                    "type": "image",
                    "url": f"{self.url}/m/{media_id}.png",
                    "preview_url": None,
                    "remote_url": None,
                    "description": request.form.get("description"),
                },
            )
        if request.method == "POST" and request.path == "/api/v1/statuses":
            return self._create(request)
        if request.method == "DELETE" and (
            match := re.fullmatch(r"/api/v1/statuses/(\d+)", request.path)
        ):
            found = next((s for s in self.live if s.id == match.group(1)), None)
            if found is None:
                return Reply(404, {"error": "Record not found"})
            found.deleted = True
            return Reply(200, self._json(found))
        return Reply(404, {"error": "Not found"})

    def _create(self, request: Request) -> Reply:
        fields: dict[str, Any] = request.json if request.json is not None else request.form
        key = request.header("Idempotency-Key")
        if key and key in self.by_key:
            return Reply(200, self._json(self.by_key[key]))
        media_ids = fields.get("media_ids") or fields.get("media_ids[]") or []
        media_ids = [media_ids] if isinstance(media_ids, str) else media_ids
        status = Status(str(next(self.ids)), fields["status"], [str(m) for m in media_ids], key)
        self.statuses.append(status)
        if key:
            self.by_key[key] = status
        return Reply(200, self._json(status))

    def _json(self, status: Status) -> dict[str, Any]:
        return {
            "id": status.id,
            "uri": f"{self.url}/users/kpu/statuses/{status.id}",
            "url": f"https://mastodon.example/@kpubangkabarat/{status.id}",
            "content": f"<p>{_html(status.text)}</p>",
            "visibility": "public",
            "created_at": "2026-10-05T02:00:00.000Z",
            "media_attachments": [{"id": m, "type": "image"} for m in status.media_ids],
            "account": {"id": "1", "username": "kpubangkabarat", "acct": "kpubangkabarat"},
        }


def _html(text: str) -> str:
    """As Mastodon renders a status: escaped text, links as anchors, line breaks as <br>."""
    escaped = html.escape(text)
    linked = re.sub(r"https?://\S+", lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped)
    return linked.replace("\n", "<br />")
