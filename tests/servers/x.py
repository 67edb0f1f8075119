"""X API v2 (tweets, users) and the v1.1 media upload, as tweepy calls them, OAuth 1.0a checked."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from types import SimpleNamespace
from urllib.parse import parse_qsl

from oauthlib.oauth1.rfc5849 import signature

from tests.servers.base import FakeApi, Reply, Request

CREDENTIALS = {
    "X_API_KEY": "Xk4Rv8TqZ2mWp6Ls",
    "X_API_SECRET": "Xs9Ny3Bv7Qc1Hm5Jt8Kd2Lw4",
    "X_ACCESS_TOKEN": "4242-Xa7Tp3Wq9Rz5Vm2Nk",
    "X_ACCESS_TOKEN_SECRET": "Xz6Jh1Fd8Gs4Ck7Bn3Mv9Pq",
}
USER_ID = "4242"


@dataclass
class Tweet:
    id: str
    text: str
    media_ids: list[str]
    deleted: bool = False


class FakeX(FakeApi):
    def __init__(self) -> None:
        super().__init__()
        self.tweets: list[Tweet] = []
        self.media: dict[str, bytes] = {}
        self.ids = itertools.count(1_800_000_000_000_000_001)

    def env(self) -> dict[str, str]:
        return {**CREDENTIALS, "X_API_BASE": self.url}

    @property
    def live(self) -> list[Tweet]:
        return [t for t in self.tweets if not t.deleted]

    def handle(self, request: Request) -> Reply:
        problem = _oauth_problem(request)
        if problem:
            return Reply(401, {"title": "Unauthorized", "detail": problem, "status": 401})
        path, method = request.path, request.method
        if method == "POST" and path == "/1.1/media/upload.json":
            media_id = str(next(self.ids))
            self.media[media_id] = request.files["media"][1]
            return Reply(
                200,
                {
                    "media_id": int(media_id),
                    "media_id_string": media_id,
                    "size": len(self.media[media_id]),
                },
            )
        if method == "POST" and path == "/2/tweets":
            return self._create(request)
        if method == "DELETE" and (match := re.fullmatch(r"/2/tweets/(\d+)", path)):
            tweet = next((t for t in self.live if t.id == match.group(1)), None)
            if tweet is None:
                return Reply(404, {"title": "Not Found Error", "detail": "No tweet", "status": 404})
            tweet.deleted = True
            return Reply(200, {"data": {"deleted": True}})
        if method == "GET" and path == "/2/users/me":
            return Reply(
                200,
                {"data": {"id": USER_ID, "name": "KPU Bangka Barat", "username": "kpubangkabarat"}},
            )
        if method == "GET" and path == f"/2/users/{USER_ID}/tweets":
            data = [_json(t) for t in reversed(self.live)][
                : int(request.query.get("max_results", 10))
            ]
            return Reply(200, {"data": data, "meta": {"result_count": len(data)}})
        return Reply(404, {"title": "Not Found", "status": 404})

    def _create(self, request: Request) -> Reply:
        body = request.json or {}
        media_ids = (body.get("media") or {}).get("media_ids") or []
        unknown = [m for m in media_ids if m not in self.media]
        if unknown:
            return Reply(
                400,
                {"errors": [{"message": f"unknown media {unknown}"}], "title": "Invalid Request"},
            )
        tweet = Tweet(str(next(self.ids)), body["text"], media_ids)
        self.tweets.append(tweet)
        return Reply(
            201,
            {"data": {"id": tweet.id, "text": tweet.text, "edit_history_tweet_ids": [tweet.id]}},
        )


def _json(tweet: Tweet) -> dict[str, object]:
    urls = [
        {"url": "https://t.co/abc", "expanded_url": u}
        for u in re.findall(r"https?://\S+", tweet.text)
    ]
    return {
        "id": tweet.id,
        "text": tweet.text,
        "entities": {"urls": urls},
        "edit_history_tweet_ids": [tweet.id],
    }


def _oauth_problem(request: Request) -> str | None:
    """Verify the OAuth 1.0a HMAC-SHA1 signature against the URL tweepy meant to call."""
    header = request.header("Authorization")
    if not header.startswith("OAuth "):
        return "no OAuth 1.0a header"
    params = dict(
        signature.collect_parameters(
            headers={"Authorization": header}, exclude_oauth_signature=False
        )
    )
    if params.get("oauth_consumer_key") != CREDENTIALS["X_API_KEY"]:
        return "wrong consumer key"
    if params.get("oauth_token") != CREDENTIALS["X_ACCESS_TOKEN"]:
        return "wrong access token"
    host = "upload.twitter.com" if request.path.startswith("/1.1/media") else "api.twitter.com"
    body = (
        request.body.decode()
        if request.header("Content-Type").startswith("application/x-www-form")
        else ""
    )
    collected = signature.collect_parameters(
        uri_query="&".join(f"{k}={v}" for k, v in request.query.items()),
        body=parse_qsl(body),
        headers={"Authorization": header},
        exclude_oauth_signature=True,
    )
    base = signature.signature_base_string(
        request.method, f"https://{host}{request.path}", signature.normalize_parameters(collected)
    )
    keys = SimpleNamespace(
        client_secret=CREDENTIALS["X_API_SECRET"],
        resource_owner_secret=CREDENTIALS["X_ACCESS_TOKEN_SECRET"],
    )
    expected = signature.sign_hmac_sha1_with_client(base, keys)
    return None if expected == params.get("oauth_signature") else "bad OAuth signature"
