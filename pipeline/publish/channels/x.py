"""X (Twitter): tweets through tweepy's Client (API v2), images through tweepy's v1.1 upload."""

from __future__ import annotations

import contextlib
import importlib
import io
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import tweepy

from pipeline.core.credentials import CHANNEL_ENV
from pipeline.publish.channels import http
from pipeline.publish.channels.base import (
    Channel,
    ChannelError,
    OutcomeUnknown,
    Post,
    RateLimited,
    Result,
    Retryable,
    parsed,
)
from pipeline.publish.channels.traits import TRAITS

T = TypeVar("T")


class X(Channel):
    name = "x"
    label = TRAITS["x"].label
    env = CHANNEL_ENV["x"]
    limits = TRAITS["x"].limits
    can_lookup = True

    _client: tweepy.Client | None = None
    _api: tweepy.API | None = None

    def _connect(self) -> tuple[tweepy.Client, tweepy.API]:
        tweepy = _tweepy()
        if self._client is None or self._api is None:
            keys = [self.setting(v.name) for v in self.env[:4]]
            # tweepy builds URLs from fixed hosts; the session's adapter adds timeouts and, in
            # tests, sends both hosts to the local server, so tweepy's own code runs unchanged.
            session = http.session(
                self.setting("X_API_BASE") or None, http.default_timeout(self.environ)
            )
            self._client = tweepy.Client(
                consumer_key=keys[0],
                consumer_secret=keys[1],
                access_token=keys[2],
                access_token_secret=keys[3],
            )
            self._client.session = session
            self._api = tweepy.API(
                tweepy.OAuth1UserHandler(*keys), timeout=http.default_timeout(self.environ)
            )
            self._api.session = session
        return self._client, self._api

    def publish(self, post: Post) -> Result:
        client, api = self._connect()
        media_ids = None
        if post.image is not None:
            image = post.image
            media = self._call(
                lambda: api.simple_upload(image.filename, file=io.BytesIO(image.data))
            )
            media_ids = [parsed(self.label, lambda: str(media.media_id_string))]
        response = self._call(
            lambda: client.create_tweet(text=post.text, media_ids=media_ids), creates=True
        )
        tweet_id = parsed(self.label, lambda: str(response.data["id"]), creates=True)
        return Result(tweet_id, self._url(tweet_id))

    def delete(self, remote_id: str) -> None:
        client, _ = self._connect()
        with contextlib.suppress(_Gone):  # already deleted
            self._call(lambda: client.delete_tweet(remote_id))

    def lookup(self, post: Post) -> Result | None:
        client, _ = self._connect()
        me = self._call(lambda: client.get_me(user_auth=True))
        user = parsed(self.label, lambda: me.data.id)
        tweets = self._call(
            lambda: client.get_users_tweets(
                user, max_results=20, tweet_fields=["entities"], user_auth=True
            )
        )
        return parsed(self.label, lambda: self._find(tweets.data or [], post.link))

    def _find(self, tweets: list[Any], link: str) -> Result | None:
        for tweet in tweets:
            urls = (tweet.entities or {}).get("urls", [])
            if link in tweet.text or any(u.get("expanded_url") == link for u in urls):
                return Result(str(tweet.id), self._url(str(tweet.id)))
        return None

    def id_from_url(self, url: str) -> str | None:
        tail = url.rstrip("/").rsplit("/status/", 1)
        return tail[1] if len(tail) == 2 and tail[1].isdigit() else None

    def _url(self, tweet_id: str) -> str:
        account = self.config.channels.accounts.get("x")
        handle = account.handle.lstrip("@") if account else "i/web"
        return f"https://x.com/{handle}/status/{tweet_id}"

    def _call(self, call: Callable[[], T], creates: bool = False) -> T:
        """Run one tweepy call; translate tweepy and requests errors into channel errors."""
        tweepy = _tweepy()
        import requests  # tweepy has imported it already

        try:
            return call()
        except tweepy.TooManyRequests as exc:
            raise RateLimited(self._say(exc), http.retry_after(exc.response)) from None
        except tweepy.TwitterServerError as exc:
            raise Retryable(self._say(exc)) from None
        except tweepy.NotFound as exc:
            raise _Gone(self._say(exc)) from None
        except tweepy.HTTPException as exc:
            raise ChannelError(self._say(exc)) from None
        except (requests.ConnectionError, requests.Timeout) as exc:
            if http.never_sent(exc):
                raise Retryable(self.scrub(f"tidak tersambung: {exc}")) from None
            raise _unknown(creates, self.scrub(f"tidak ada jawaban: {exc}")) from None
        except ValueError as exc:  # a success whose body is not JSON
            raise _unknown(creates, self.scrub(f"jawaban bukan JSON yang sah: {exc}")) from None
        except tweepy.TweepyException as exc:  # the v1.1 client wraps network failures
            raise Retryable(self.scrub(str(exc))) from None

    def _say(self, exc: tweepy.HTTPException) -> str:
        detail = "; ".join(map(str, exc.api_messages)) or getattr(exc.response, "reason", "")
        return self.scrub(f"HTTP {exc.response.status_code} {detail}")


def _tweepy():  # type: ignore[no-untyped-def]
    """tweepy, imported when X is really called: `kpu check` and `kpu build` never need it."""
    return importlib.import_module("tweepy")


class _Gone(ChannelError):
    """HTTP 404: the tweet does not exist (any more)."""


def _unknown(creates: bool, message: str) -> ChannelError:
    return OutcomeUnknown(message) if creates else Retryable(message)
