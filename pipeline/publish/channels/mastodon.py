"""Mastodon: a status with its image through Mastodon.py; the Idempotency-Key header makes a
repeated send of the same post return the first status instead of creating a second."""

from __future__ import annotations

import contextlib
import importlib
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import mastodon as mastodon_py
from pipeline.core.credentials import CHANNEL_ENV
from pipeline.publish.channels import http
from pipeline.publish.channels.base import (
    Channel,
    ChannelError,
    Post,
    RateLimited,
    Result,
    Retryable,
    parsed,
)
from pipeline.publish.channels.traits import TRAITS

T = TypeVar("T")


class Mastodon(Channel):
    name = "mastodon"
    label = TRAITS["mastodon"].label
    env = CHANNEL_ENV["mastodon"]
    limits = TRAITS["mastodon"].limits
    idempotent = True
    """Within the hour Mastodon keeps an Idempotency-Key; after that, `lookup` finds the status."""
    can_lookup = True

    _api: mastodon_py.Mastodon | None = None

    def _connect(self) -> mastodon_py.Mastodon:
        mastodon_py = _mastodon()
        if self._api is None:
            self._api = mastodon_py.Mastodon(
                access_token=self.setting("MASTODON_TOKEN"),
                api_base_url=self.setting("MASTODON_BASE_URL"),
                ratelimit_method="throw",  # we wait ourselves, bounded
                # A fixed version: asking the server (which may be down) is what made Mastodon.py
                # recurse without end; 4.0 has every endpoint used here.
                mastodon_version="4.0.0",
                version_check_mode="created",
                request_timeout=http.default_timeout(self.environ),
                session=http.session(timeout=http.default_timeout(self.environ)),
            )
        return self._api

    def publish(self, post: Post) -> Result:
        api = self._connect()
        media_ids = None
        if post.image is not None:
            image = post.image
            media = self._call(
                lambda: api.media_post(
                    image.data, mime_type=image.mime, description=post.alt, file_name=image.filename
                )
            )
            media_ids = [parsed(self.label, lambda: media["id"])]
        status = self._call(
            lambda: api.status_post(
                post.text, media_ids=media_ids, visibility="public", idempotency_key=post.key
            )
        )
        return parsed(self.label, lambda: _result(status), creates=True)

    def delete(self, remote_id: str) -> None:
        api = self._connect()
        with contextlib.suppress(_Gone):
            self._call(lambda: api.status_delete(remote_id))

    def lookup(self, post: Post) -> Result | None:
        api = self._connect()
        me = self._call(api.account_verify_credentials)
        account = parsed(self.label, lambda: me["id"])
        statuses = self._call(lambda: api.account_statuses(account, limit=40))
        return parsed(self.label, lambda: _find(statuses, post.link))

    def _call(self, call: Callable[[], T]) -> T:
        mastodon_py = _mastodon()
        try:
            return call()
        except mastodon_py.MastodonRatelimitError as exc:
            reset = self._api.ratelimit_reset if self._api is not None else None
            wait = max(0.0, reset - time.time()) if reset else None
            raise RateLimited(self.scrub(str(exc)), wait) from None
        except (mastodon_py.MastodonNetworkError, mastodon_py.MastodonServerError) as exc:
            # Safe to repeat even after a timeout: the idempotency key prevents a second status.
            raise Retryable(self.scrub(str(exc))) from None
        except mastodon_py.MastodonNotFoundError as exc:
            raise _Gone(self.scrub(str(exc))) from None
        except mastodon_py.MastodonAPIError as exc:
            if "Could not parse response as JSON" in str(exc):
                raise Retryable(self.scrub(str(exc))) from None  # idempotent: safe to repeat
            raise ChannelError(self.scrub(str(exc))) from None
        except mastodon_py.MastodonError as exc:
            raise ChannelError(self.scrub(str(exc))) from None
        except RecursionError:  # Mastodon.py's version check of a server that does not answer
            raise Retryable(msg_unreachable(self.label)) from None

    def id_from_url(self, url: str) -> str | None:
        tail = url.rstrip("/").rsplit("/", 1)[-1]
        return tail if tail.isdigit() else None


def _result(status: Any) -> Result:
    return Result(str(status["id"]), str(status["url"] or status["uri"]))


def _find(statuses: Any, link: str) -> Result | None:
    for status in statuses:
        if link in (status["content"] or ""):
            return _result(status)
    return None


def msg_unreachable(label: str) -> str:
    return f"server {label} tidak menjawab dengan benar"


class _Gone(ChannelError):
    """HTTP 404: the status does not exist (any more)."""


def _mastodon():  # type: ignore[no-untyped-def]
    """Mastodon.py, imported when Mastodon is really called: `kpu check` never needs it."""
    return importlib.import_module("mastodon")
