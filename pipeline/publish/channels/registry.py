"""Every channel by name: adding a network = one module, its credentials in
pipeline/core/credentials.py, and one line below."""

from __future__ import annotations

from pipeline.publish.channels.base import Channel, EnvVar
from pipeline.publish.channels.facebook import Facebook
from pipeline.publish.channels.instagram import Instagram
from pipeline.publish.channels.mastodon import Mastodon
from pipeline.publish.channels.outbox import Outbox
from pipeline.publish.channels.telegram import Telegram
from pipeline.publish.channels.x import X

REGISTRY: dict[str, type[Channel]] = {
    "x": X,
    "facebook": Facebook,
    "instagram": Instagram,
    "telegram": Telegram,
    "mastodon": Mastodon,
    "outbox": Outbox,
}


def environment() -> list[tuple[str, EnvVar]]:
    """Every environment variable any channel reads, as (channel, variable), for the README."""
    return [(name, var) for name, cls in REGISTRY.items() for var in cls.env]


def environment_markdown() -> str:
    """The README table of credentials, generated so that it cannot drift from the code."""
    rows = ["| variabel | kanal | rahasia | wajib | keterangan |", "|---|---|---|---|---|"]
    for name, var in environment():
        secret = "ya" if var.secret else "tidak"
        required = "ya" if var.required else "tidak"
        rows.append(f"| `{var.name}` | {name} | {secret} | {required} | {var.description} |")
    return "\n".join(rows) + "\n"
