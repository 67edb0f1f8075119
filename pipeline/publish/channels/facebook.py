"""Facebook: a photo post on the office Page through the Graph API (`POST /{page-id}/photos`)."""

from __future__ import annotations

from typing import Any

from pipeline.core.credentials import CHANNEL_ENV
from pipeline.publish.channels import http
from pipeline.publish.channels.base import Channel, ChannelError, Post, Result, parsed
from pipeline.publish.channels.graph import DEFAULT_BASE, Graph
from pipeline.publish.channels.traits import TRAITS


class Facebook(Channel):
    name = "facebook"
    label = TRAITS["facebook"].label
    env = CHANNEL_ENV["facebook"]
    limits = TRAITS["facebook"].limits
    can_lookup = True

    @property
    def graph(self) -> Graph:
        base = self.setting("FACEBOOK_API_BASE", DEFAULT_BASE)
        return Graph(
            base,
            self.setting("FACEBOOK_PAGE_TOKEN"),
            self.scrub,
            http.default_timeout(self.environ),
        )

    @property
    def page(self) -> str:
        return self.setting("FACEBOOK_PAGE_ID")

    def publish(self, post: Post) -> Result:
        data = {"caption": post.text, "published": "true"}
        if post.image is None:
            body = self.graph.call(
                "POST",
                f"{self.page}/feed",
                creates=True,
                data={"message": post.text, "link": post.link},
            )
            post_id = parsed(self.label, lambda: str(body["id"]), creates=True)
        else:
            files = {"source": (post.image.filename, post.image.data, post.image.mime)}
            body = self.graph.call(
                "POST", f"{self.page}/photos", creates=True, data=data, files=files
            )
            post_id = parsed(
                self.label, lambda: str(body.get("post_id") or body["id"]), creates=True
            )
        return Result(post_id, f"https://www.facebook.com/{post_id}")

    def delete(self, remote_id: str) -> None:
        try:
            self.graph.call("DELETE", remote_id)
        except ChannelError as exc:
            if "(kode 100)" not in str(exc):  # 100: the object does not exist (any more)
                raise

    def lookup(self, post: Post) -> Result | None:
        params = {"fields": "id,message,permalink_url", "limit": "25"}
        body = self.graph.call("GET", f"{self.page}/posts", params=params)
        return parsed(self.label, lambda: _find(body, post.link))

    def id_from_url(self, url: str) -> str | None:
        tail = url.rstrip("/").rsplit("/", 1)[-1]
        return tail if tail.replace("_", "").isdigit() else None


def _find(body: Any, link: str) -> Result | None:
    for item in body.get("data", []):
        if link in (item.get("message") or ""):
            post_id = str(item["id"])
            return Result(
                post_id, item.get("permalink_url") or f"https://www.facebook.com/{post_id}"
            )
    return None
