"""The outbox: posts written to local files instead of a network.

The embedded default: used for a channel that has no credentials (so the whole flow runs on a fresh
machine), for dry runs (into a temporary folder) and as the recording fake in tests.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.core import redact
from pipeline.core.timeutil import now
from pipeline.publish.channels.base import Channel, Post, Result
from pipeline.publish.channels.traits import TRAITS

if TYPE_CHECKING:
    from pipeline.core.config import KpuConfig

OUTBOX_DIR = "outbox"


class Outbox(Channel):
    name = "outbox"
    label = TRAITS["outbox"].label
    limits = TRAITS["outbox"].limits
    can_lookup = True

    def __init__(
        self,
        root: Path,
        config: KpuConfig,
        environ: Mapping[str, str] | None = None,
        *,
        directory: Path | None = None,
        standing_in: type[Channel] | None = None,
        note: str = "",
    ) -> None:
        super().__init__(root, config, environ)
        self.directory = directory or root / OUTBOX_DIR
        self.standing_in = standing_in
        """The channel this outbox replaces: its text and image are rendered, not outbox's."""
        self.note = note
        """Why the post went here instead (shown to staff), e.g. missing credentials."""

    def voice(self) -> Channel:
        if self.standing_in is None:
            return self
        return self.standing_in(self.root, self.config, {})

    def folder(self, post: Post) -> Path:
        return self.directory / post.channel / post.slug

    def publish(self, post: Post) -> Result:
        folder = self.folder(post)
        folder.mkdir(parents=True, exist_ok=True)
        scrub = redact.from_env(self.environ)
        meta = {
            "channel": post.channel,
            "slug": post.slug,
            "text": post.text,
            "link": post.link,
            "key": post.key,
            "image": post.image.filename if post.image else None,
            "image_url": post.image_url,
            "alt": post.alt,
            "time": now().isoformat(timespec="seconds"),
        }
        if post.image is not None:
            _write(folder / post.image.filename, post.image.data)
        _write(folder / "post.txt", scrub(post.text).encode("utf-8"))
        meta = scrub.data(meta)
        _write(folder / "post.json", json.dumps(meta, ensure_ascii=False, indent=2).encode("utf-8"))
        return Result(f"{post.channel}/{post.slug}", self._shown(folder))

    def delete(self, remote_id: str) -> None:
        shutil.rmtree(self.directory / remote_id, ignore_errors=True)

    def lookup(self, post: Post) -> Result | None:
        meta = self.folder(post) / "post.json"
        if not meta.exists():
            return None
        if json.loads(meta.read_text(encoding="utf-8")).get("key") != post.key:
            return None
        return Result(f"{post.channel}/{post.slug}", self._shown(self.folder(post)))

    def id_from_url(self, url: str) -> str | None:
        parts = Path(url).parts
        return "/".join(parts[-2:]) if len(parts) >= 2 else None

    def _shown(self, folder: Path) -> str:
        try:
            return folder.relative_to(self.root).as_posix() + "/"
        except ValueError:
            return folder.as_posix() + "/"


def _write(path: Path, data: bytes) -> None:
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_bytes(data)
    os.replace(temp, path)
