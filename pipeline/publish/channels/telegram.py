"""Telegram: a post in the office channel through the Bot API (`sendPhoto`, `deleteMessage`).

The Bot API cannot read a channel's history, so a post whose outcome is unknown goes to a person.
"""

from __future__ import annotations

from typing import Any

from pipeline.core.credentials import CHANNEL_ENV
from pipeline.publish.channels import http
from pipeline.publish.channels.base import Channel, ChannelError, Post, Result, parsed
from pipeline.publish.channels.traits import TRAITS

DEFAULT_BASE = "https://api.telegram.org"


def _describe(body: Any) -> str:
    return f"{body.get('description', '')} (kode {body.get('error_code', '-')})"


def _wait(body: Any) -> float | None:
    value = (body.get("parameters") or {}).get("retry_after")
    return float(value) if value is not None else None


DIALECT = http.Dialect(describe=_describe, wait=_wait)


class Telegram(Channel):
    name = "telegram"
    label = TRAITS["telegram"].label
    env = CHANNEL_ENV["telegram"]
    limits = TRAITS["telegram"].limits

    def _call(self, method: str, *, creates: bool = False, **kwargs: Any) -> Any:
        base = self.setting("TELEGRAM_API_BASE", DEFAULT_BASE).rstrip("/")
        url = f"{base}/bot{self.setting('TELEGRAM_BOT_TOKEN')}/{method}"
        body = http.request_json(
            http.session(timeout=http.default_timeout(self.environ)),
            "POST",
            url,
            creates=creates,
            scrub=self.scrub,
            dialect=DIALECT,
            **kwargs,
        )
        if not parsed(self.label, lambda: body.get("ok"), creates=creates):
            raise ChannelError(self.scrub(parsed(self.label, lambda: _describe(body))))
        return parsed(self.label, lambda: body["result"], creates=creates)

    def publish(self, post: Post) -> Result:
        chat = self.setting("TELEGRAM_CHAT_ID")
        if post.image is None:
            message = self._call(
                "sendMessage", creates=True, data={"chat_id": chat, "text": post.text}
            )
        else:
            files = {"photo": (post.image.filename, post.image.data, post.image.mime)}
            data = {"chat_id": chat, "caption": post.text}
            message = self._call("sendPhoto", creates=True, data=data, files=files)
        return parsed(self.label, lambda: self._result(message), creates=True)

    def _result(self, message: Any) -> Result:
        message_id = str(message["message_id"])
        return Result(message_id, self._url(message.get("chat") or {}, message_id))

    def delete(self, remote_id: str) -> None:
        try:
            self._call(
                "deleteMessage",
                data={"chat_id": self.setting("TELEGRAM_CHAT_ID"), "message_id": remote_id},
            )
        except ChannelError as exc:
            if "message to delete not found" not in str(exc):
                raise

    def _url(self, chat: dict[str, Any], message_id: str) -> str:
        if chat.get("username"):
            return f"https://t.me/{chat['username']}/{message_id}"
        internal = str(chat.get("id", "")).removeprefix("-100")
        return f"https://t.me/c/{internal}/{message_id}"
