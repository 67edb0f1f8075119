"""One post to one network with bounded retries, and what came of it.

Before sending again after a failure that may have taken effect (a timeout, a 5xx), the post is
looked for; where the network cannot be asked and a re-send is not harmless, it stops and leaves
the post to a person.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from pipeline.messages import publish as msg
from pipeline.publish.channels.base import (
    Channel,
    ChannelError,
    OutcomeUnknown,
    Post,
    RateLimited,
    Result,
    Retryable,
)

Status = Literal["posted", "skipped", "failed", "unresolved", "outbox", "waiting", "deferred"]


@dataclass(frozen=True)
class Outcome:
    slug: str
    channel: str
    status: Status
    url: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try one call: a few attempts, doubling waits, rate limits honoured if short."""

    attempts: int = 4
    backoff: float = 2.0
    max_wait: float = 300.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> RetryPolicy:
        def number(name: str, default: float) -> float:
            try:
                return float(environ.get(name, "") or default)
            except ValueError:
                return default

        return cls(
            attempts=int(number("KPU_RETRY_ATTEMPTS", cls.attempts)),
            backoff=number("KPU_RETRY_BACKOFF", cls.backoff),
            max_wait=number("KPU_RATE_LIMIT_MAX_WAIT", cls.max_wait),
        )

    def wait(self, error: Retryable, attempt: int) -> float:
        """Seconds before the next attempt; a rate limit longer than `max_wait` ends the tries."""
        if isinstance(error, RateLimited) and error.retry_after is not None:
            if error.retry_after > self.max_wait:
                raise ChannelError(
                    msg.RATE_LIMIT_TOO_LONG.format(detail=error, minutes=error.retry_after / 60)
                )
            return error.retry_after + 0.5
        return self.backoff * 2 ** (attempt - 1)


def deliver(
    channel: Channel, post: Post, policy: RetryPolicy, sleep: Callable[[float], None] = time.sleep
) -> Result:
    """Publish with bounded retries. Before sending again after a failure that may have taken
    effect (a timeout, a 5xx), look for the post; where the network cannot be asked and a re-send
    is not harmless, stop (OutcomeUnknown) and leave it to a person."""
    attempt = 0
    while True:
        attempt += 1
        try:
            return channel.publish(post)
        except OutcomeUnknown as exc:
            if not (channel.idempotent or channel.can_lookup):
                raise
            error: Retryable = Retryable(str(exc))
        except Retryable as exc:
            error = exc
        if not isinstance(error, RateLimited):  # a 429 means the request was refused
            found = _look_again(channel, post, error)
            if found is not None:
                return found
        if attempt >= policy.attempts:
            raise ChannelError(msg.GAVE_UP.format(attempts=attempt, detail=error))
        sleep(policy.wait(error, attempt))


def _look_again(channel: Channel, post: Post, error: ChannelError) -> Result | None:
    if channel.idempotent or not channel.can_lookup:
        return None  # an idempotent re-send cannot duplicate; without look-up there is no choice
    try:
        return channel.lookup(post)
    except ChannelError as exc:
        raise OutcomeUnknown(msg.LOOKUP_AFTER_ERROR.format(error=error, detail=exc)) from None
