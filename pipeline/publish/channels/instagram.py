"""Instagram: a business account through the Graph API, in two steps (container, then publish).

Instagram fetches the image itself, so the post points at the deployed site's copy of the card.
"""

from __future__ import annotations

import time
from functools import partial
from typing import Any

from pipeline.core.credentials import CHANNEL_ENV
from pipeline.publish.channels import http
from pipeline.publish.channels.base import (
    Channel,
    ChannelError,
    Post,
    Result,
    Retryable,
    parsed,
)
from pipeline.publish.channels.graph import DEFAULT_BASE, Graph
from pipeline.publish.channels.traits import TRAITS

READY_CHECKS = 10
READY_WAIT = 2.0


class Instagram(Channel):
    name = "instagram"
    label = TRAITS["instagram"].label
    env = CHANNEL_ENV["instagram"]
    limits = TRAITS["instagram"].limits
    square_image = TRAITS["instagram"].square_image
    can_lookup = True

    @property
    def graph(self) -> Graph:
        base = self.setting("INSTAGRAM_API_BASE", DEFAULT_BASE)
        return Graph(
            base, self.setting("INSTAGRAM_TOKEN"), self.scrub, http.default_timeout(self.environ)
        )

    @property
    def user(self) -> str:
        return self.setting("INSTAGRAM_USER_ID")

    def publish(self, post: Post) -> Result:
        if not post.image_url:
            raise ChannelError("Instagram memerlukan gambar dengan alamat publik")
        graph = self.graph
        container = graph.call(
            "POST", f"{self.user}/media", data={"image_url": post.image_url, "caption": post.text}
        )
        container_id = parsed(self.label, lambda: str(container["id"]))
        self._wait_until_ready(graph, container_id)
        # Creating a container posts nothing; publishing it does, so only this step "creates".
        body = graph.call(
            "POST",
            f"{self.user}/media_publish",
            creates=True,
            data={"creation_id": container_id},
        )
        media_id = parsed(self.label, lambda: str(body["id"]), creates=True)
        return Result(media_id, self._permalink(graph, media_id))

    def _wait_until_ready(self, graph: Graph, container: str) -> None:
        """Instagram fetches and checks the image before the container can be published."""
        for _ in range(READY_CHECKS):
            answer = graph.call("GET", container, params={"fields": "status_code"})
            status = parsed(self.label, partial(_status_code, answer))
            if status in (None, "FINISHED"):
                return
            if status in ("ERROR", "EXPIRED"):
                raise ChannelError(f"Instagram menolak gambar {container}: status {status}")
            time.sleep(READY_WAIT)
        raise Retryable(f"Instagram belum selesai memproses gambar {container}")

    def delete(self, remote_id: str) -> None:
        try:
            self.graph.call("DELETE", remote_id)
        except ChannelError as exc:
            if "(kode 100)" not in str(exc):
                raise

    def lookup(self, post: Post) -> Result | None:
        params = {"fields": "id,caption,permalink", "limit": "25"}
        body = self.graph.call("GET", f"{self.user}/media", params=params)
        found = parsed(self.label, lambda: _find(body, post.link))
        if found is None or found.url:
            return found
        return Result(found.remote_id, self._permalink(self.graph, found.remote_id))

    def _permalink(self, graph: Graph, media_id: str) -> str:
        try:
            body = graph.call("GET", media_id, params={"fields": "permalink"})
            return str(body["permalink"])
        except (ChannelError, KeyError, TypeError, AttributeError):
            return f"https://www.instagram.com/ (media {media_id})"

    def id_from_url(self, url: str) -> str | None:
        return None  # a permalink carries a shortcode, not the media id


def _find(body: Any, link: str) -> Result | None:
    """The media whose caption carries `link`; its url is empty when the answer had no permalink."""
    for item in body.get("data", []):
        if link in (item.get("caption") or ""):
            return Result(str(item["id"]), str(item.get("permalink") or ""))
    return None


def _status_code(answer: Any) -> Any:
    return answer.get("status_code")
