"""Every fake network at once, and a test repository with exactly one promoted publication."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.servers.graph import FakeGraph
from tests.servers.mastodon import FakeMastodon
from tests.servers.telegram import FakeTelegram
from tests.servers.x import FakeX

SLUG = "uu-7-2017-pemilihan-umum"
POST = f"content/posts/2026/{SLUG}.md"
PAGE_URL = f"https://kab-bangkabarat.kpu.go.id/publikasi/2026/{SLUG}/"
FAST = {"KPU_RETRY_BACKOFF": "0.05", "KPU_HTTP_TIMEOUT": "2", "KPU_RATE_LIMIT_MAX_WAIT": "10"}


@dataclass
class World:
    x: FakeX
    graph: FakeGraph
    telegram: FakeTelegram
    mastodon: FakeMastodon

    @classmethod
    def start(cls) -> World:
        world = cls(FakeX(), FakeGraph(), FakeTelegram(), FakeMastodon())
        for api in world.apis:
            api.start()
        return world

    @property
    def apis(self) -> tuple[Any, ...]:
        return (self.x, self.graph, self.telegram, self.mastodon)

    def stop(self) -> None:
        for api in self.apis:
            api.stop()

    def env(self) -> dict[str, str]:
        result = dict(FAST)
        for api in self.apis:
            result.update(api.env())
        return result

    def env_only(self, *channels: str) -> dict[str, str]:
        """Credentials of `channels` only: every other channel falls back to the outbox."""
        prefixes = tuple(f"{c.upper()}_" for c in channels)
        return {k: v for k, v in self.env().items() if k in FAST or k.startswith(prefixes)}

    def counts(self) -> dict[str, int]:
        """Live posts per network."""
        return {
            "x": len(self.x.live),
            "facebook": len(self.graph.live(self.graph.fb_posts)),
            "instagram": len(self.graph.live(self.graph.ig_media)),
            "telegram": len(self.telegram.live),
            "mastodon": len(self.mastodon.live),
        }


def only_one_publication(repo: Path) -> Path:
    """Keep a single sample post, so every network gets exactly one post per run."""
    for path in (repo / "content" / "posts").rglob("*.md"):
        if path.name != f"{SLUG}.md":
            path.unlink()
    return repo / POST


def ledger(repo: Path) -> dict[str, Any]:
    return json.loads((repo / "data" / "ledger.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def entry(repo: Path, channel: str, slug: str = SLUG) -> dict[str, Any]:
    return ledger(repo)["publications"][slug]["channels"][channel]  # type: ignore[no-any-return]
