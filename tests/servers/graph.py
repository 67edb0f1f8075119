"""The Graph API for a Facebook Page and an Instagram business account."""

from __future__ import annotations

import itertools
import re
import time
from dataclasses import dataclass, field
from typing import Any

from tests.servers.base import FakeApi, Reply, Request

PAGE_ID = "101"
PAGE_TOKEN = "EAAGq7ZkP2vLw8sRj3NbT5xQ"
IG_USER = "17841400000000001"
IG_TOKEN = "IGQWRm4Tz8Vb2Kx9LpQ7sYw3"
VERSION = "/v21.0"


@dataclass
class Item:
    id: str
    text: str
    image: bytes | None = None
    image_url: str | None = None
    deleted: bool = False


DAY = 24 * 3600


@dataclass
class TokenInfo:
    """What `GET /debug_token` tells about a token (a long-lived one lasts about 60 days)."""

    scopes: list[str]
    expires_at: int = field(default_factory=lambda: int(time.time()) + 60 * DAY)
    data_access_expires_at: int = field(default_factory=lambda: int(time.time()) + 90 * DAY)
    is_valid: bool = True

    def data(self, kind: str) -> dict[str, Any]:
        found: dict[str, Any] = {
            "app_id": "1234567890",
            "type": kind,
            "application": "KPU Publikasi",
            "data_access_expires_at": self.data_access_expires_at,
            "expires_at": self.expires_at,
            "is_valid": self.is_valid,
            "issued_at": int(time.time()) - DAY,
            "scopes": self.scopes,
            "user_id": "10229" if kind == "USER" else None,
        }
        if kind == "PAGE":
            found["profile_id"] = PAGE_ID
        if not self.is_valid:
            found["error"] = {
                "code": 190,
                "subcode": 460,
                "message": "The session has been invalidated because the user changed their "
                "password or Facebook has changed the session for security reasons.",
            }
        return {k: v for k, v in found.items() if v is not None}


class FakeGraph(FakeApi):
    def __init__(self) -> None:
        super().__init__()
        self.tokens = {
            PAGE_TOKEN: TokenInfo(
                ["pages_show_list", "pages_manage_posts", "pages_read_engagement"]
            ),
            IG_TOKEN: TokenInfo(["instagram_basic", "instagram_content_publish"]),
        }
        self.fb_posts: list[Item] = []
        self.containers: dict[str, Item] = {}
        self.ig_media: list[Item] = []
        self.ids = itertools.count(900_001)

    def env(self) -> dict[str, str]:
        return {
            "FACEBOOK_PAGE_ID": PAGE_ID,
            "FACEBOOK_PAGE_TOKEN": PAGE_TOKEN,
            "FACEBOOK_API_BASE": self.url + VERSION,
            "INSTAGRAM_USER_ID": IG_USER,
            "INSTAGRAM_TOKEN": IG_TOKEN,
            "INSTAGRAM_API_BASE": self.url + VERSION,
        }

    def live(self, items: list[Item]) -> list[Item]:
        return [i for i in items if not i.deleted]

    def handle(self, request: Request) -> Reply:
        token = request.header("Authorization").removeprefix("Bearer ")
        if token not in (PAGE_TOKEN, IG_TOKEN):
            return _error(190, "Invalid OAuth access token.", 401)
        info = self.tokens[token]
        if info.expires_at and info.expires_at < time.time():
            return _error(190, "Error validating access token: Session has expired.", 400)
        path = request.path.removeprefix(VERSION)
        method = request.method
        if method == "GET" and path == "/debug_token":
            inspected = self.tokens.get(request.query.get("input_token", ""))
            if inspected is None:
                return _error(190, "Invalid OAuth access token - Cannot parse access token", 400)
            kind = "PAGE" if request.query["input_token"] == PAGE_TOKEN else "USER"
            return Reply(200, {"data": inspected.data(kind)})
        if method == "POST" and path == f"/{PAGE_ID}/photos":
            post = Item(
                f"{PAGE_ID}_{next(self.ids)}", request.form["caption"], request.files["source"][1]
            )
            self.fb_posts.append(post)
            return Reply(200, {"id": str(next(self.ids)), "post_id": post.id})
        if method == "GET" and path == f"/{PAGE_ID}/posts":
            data = [
                {"id": p.id, "message": p.text, "permalink_url": f"https://www.facebook.com/{p.id}"}
                for p in reversed(self.live(self.fb_posts))
            ]
            return Reply(200, {"data": data})
        if method == "POST" and path == f"/{IG_USER}/media":
            container = Item(
                str(next(self.ids)), request.form["caption"], image_url=request.form["image_url"]
            )
            self.containers[container.id] = container
            return Reply(200, {"id": container.id})
        if method == "POST" and path == f"/{IG_USER}/media_publish":
            container = self.containers.pop(request.form["creation_id"], None)
            if container is None:
                return _error(100, "Invalid creation_id", 400)
            media = Item(str(next(self.ids)), container.text, image_url=container.image_url)
            self.ig_media.append(media)
            return Reply(200, {"id": media.id})
        if method == "GET" and path == f"/{IG_USER}/media":
            data = [
                {"id": m.id, "caption": m.text, "permalink": _permalink(m)}
                for m in reversed(self.live(self.ig_media))
            ]
            return Reply(200, {"data": data})
        if match := re.fullmatch(r"/(\d+(?:_\d+)?)", path):
            return self._object(method, match.group(1))
        return _error(100, "Unsupported request", 400)

    def _object(self, method: str, object_id: str) -> Reply:
        if object_id in self.containers:
            return Reply(200, {"id": object_id, "status_code": "FINISHED"})
        found = next(
            (i for i in self.live(self.fb_posts + self.ig_media) if i.id == object_id), None
        )
        if found is None:
            return _error(100, "Object does not exist", 400)
        if method == "DELETE":
            found.deleted = True
            return Reply(200, {"success": True})
        return Reply(200, {"id": found.id, "permalink": _permalink(found)})


def _permalink(item: Item) -> str:
    return f"https://www.instagram.com/p/K{item.id}/"


def _error(code: int, message: str, status: int) -> Reply:
    return Reply(
        status,
        {"error": {"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "A1"}},
    )
