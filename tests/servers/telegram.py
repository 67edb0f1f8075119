"""The Telegram Bot API for a channel: sendPhoto, deleteMessage."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from tests.servers.base import FakeApi, Reply, Request

TOKEN = "7301945826:AAGq3Zr8vKx2LmN5pT9wYb4Hc6Jd0Fs1E"
CHAT = "@kpubangkabarat"


@dataclass
class Message:
    id: int
    caption: str
    photo: bytes
    deleted: bool = False


class FakeTelegram(FakeApi):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[Message] = []
        self.ids = itertools.count(11)

    def env(self) -> dict[str, str]:
        return {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_CHAT_ID": CHAT,
            "TELEGRAM_API_BASE": self.url,
        }

    @property
    def live(self) -> list[Message]:
        return [m for m in self.messages if not m.deleted]

    def handle(self, request: Request) -> Reply:
        match = re.fullmatch(r"/bot([^/]+)/(\w+)", request.path)
        if match is None or match.group(1) != TOKEN:
            return Reply(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        method = match.group(2)
        if method == "getMe":
            bot = {
                "id": int(TOKEN.split(":")[0]),
                "is_bot": True,
                "first_name": "KPU Publikasi",
                "username": "kpu_publikasi_bot",
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
            }
            return Reply(200, {"ok": True, "result": bot})
        if request.form.get("chat_id") != CHAT:
            return Reply(
                400, {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}
            )
        if method == "sendPhoto":
            message = Message(
                next(self.ids), request.form.get("caption", ""), request.files["photo"][1]
            )
            self.messages.append(message)
            chat = {
                "id": -1001234567890,
                "title": "KPU Bangka Barat",
                "username": "kpubangkabarat",
                "type": "channel",
            }
            result = {
                "message_id": message.id,
                "chat": chat,
                "date": 1790000000,
                "caption": message.caption,
            }
            return Reply(200, {"ok": True, "result": result})
        if method == "deleteMessage":
            found = next(
                (m for m in self.live if str(m.id) == request.form.get("message_id")), None
            )
            if found is None:
                return Reply(
                    400,
                    {
                        "ok": False,
                        "error_code": 400,
                        "description": "Bad Request: message to delete not found",
                    },
                )
            found.deleted = True
            return Reply(200, {"ok": True, "result": True})
        return Reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
