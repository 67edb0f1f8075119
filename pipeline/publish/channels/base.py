"""The channel interface: render a publication, publish it, delete it, find it again.

A channel is a small plain class; every network-specific detail stays in its own module and every
library error is translated here into the few errors the publisher understands.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from pipeline.core import redact
from pipeline.core.credentials import EnvVar
from pipeline.core.errors import RemoteError
from pipeline.publish.channels.traits import Limits

if TYPE_CHECKING:  # annotations only: listing the channels needs no pydantic models
    from pipeline.core.config import KpuConfig

T = TypeVar("T")


@dataclass(frozen=True)
class Image:
    data: bytes
    filename: str
    mime: str


@dataclass(frozen=True)
class Post:
    """One rendered post, ready to send: exactly what the network will show."""

    channel: str
    slug: str
    text: str
    link: str
    """The web page URL; also the marker a channel looks for to find the post again."""
    key: str
    """Stable per publication and channel: an idempotency key where the API takes one."""
    image: Image | None = None
    image_url: str | None = None
    """Public URL of the image on the deployed site (Instagram fetches images itself)."""
    alt: str | None = None


@dataclass(frozen=True)
class Result:
    """What the network answered: its id for the post and the post's public URL."""

    remote_id: str
    url: str


class ChannelError(RemoteError):
    """A call failed for good; the message is already scrubbed of credentials."""


class Retryable(ChannelError):
    """The call did not take effect and may be repeated (5xx, connection refused, 429)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class RateLimited(Retryable):
    """HTTP 429: wait `retry_after` seconds (from the reset headers) before the next call."""


class OutcomeUnknown(ChannelError):
    """The request was sent but no usable answer came back: the post may exist."""


MALFORMED = "jawaban {label} tidak berbentuk seperti biasa ({error}: {detail})"


def parsed(label: str, read: Callable[[], T], *, creates: bool = False) -> T:
    """`read()` picks values out of an answer; an answer of the wrong shape (a 200 with a list
    where an object was due, a missing id) becomes a channel error instead of a crash. After a
    call that creates a post, the post may exist all the same: OutcomeUnknown."""
    try:
        return read()
    except (KeyError, IndexError, TypeError, AttributeError, ValueError) as exc:
        text = MALFORMED.format(label=label, error=type(exc).__name__, detail=str(exc)[:200])
        raise (OutcomeUnknown(text) if creates else ChannelError(text)) from None


class Channel:
    """Base of every network adapter; subclasses set the class attributes and the methods."""

    name: ClassVar[str]
    label: ClassVar[str]
    env: ClassVar[tuple[EnvVar, ...]] = ()
    limits: ClassVar[Limits]
    square_image: ClassVar[bool] = False
    """Instagram wants a square JPEG it can fetch from the site; the others take an upload."""
    idempotent: ClassVar[bool] = False
    """Sending the same `Post.key` twice cannot create two posts (Mastodon Idempotency-Key)."""
    can_lookup: ClassVar[bool] = False
    """The API can list recent posts, so a post whose outcome is unknown can be found again."""

    def __init__(
        self, root: Path, config: KpuConfig, environ: Mapping[str, str] | None = None
    ) -> None:
        self.root = root
        self.config = config
        self.environ = os.environ if environ is None else environ

    @classmethod
    def configured(cls, environ: Mapping[str, str]) -> bool:
        """All required credentials are set (else the publisher uses the outbox instead)."""
        return all(environ.get(var.name, "").strip() for var in cls.env if var.required)

    def setting(self, name: str, default: str = "") -> str:
        return self.environ.get(name, "").strip() or default

    def voice(self) -> Channel:
        """The channel whose text and image this one sends (pipeline/publish/posts.py renders
        them): itself, except an outbox standing in for a network, which sends that network's."""
        return self

    def publish(self, post: Post) -> Result:
        raise NotImplementedError

    def delete(self, remote_id: str) -> None:
        raise NotImplementedError

    def lookup(self, post: Post) -> Result | None:
        """The post if it exists on the network (searched by `post.link`), else None."""
        raise NotImplementedError

    def id_from_url(self, url: str) -> str | None:
        """The remote id inside a post's public URL (used by `kpu publish --resolve`)."""
        match = re.search(r"(\d+)/?$", url)
        return match.group(1) if match else None

    def scrub(self, text: str) -> str:
        """`text` without any credential of this channel (values, tokens in URLs, auth headers)."""
        return scrub(text, self.environ, self.env)


def scrub(text: str, environ: Mapping[str, str], variables: tuple[EnvVar, ...] = ()) -> str:
    """Every secret value (any encoding, any fragment) and token-looking part of `text` masked."""
    declared = [environ.get(v.name, "").strip() for v in variables if v.secret]
    return redact.from_env(environ, declared)(text)
