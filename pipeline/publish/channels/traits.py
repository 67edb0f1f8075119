"""What each network accepts in one post and how it is named: plain data, so that `kpu check`
measures posts without importing the channel modules (their HTTP calls and answers' shapes).
Each channel class takes its `label`, `limits` and `square_image` from here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """What a network accepts in one post."""

    text: int
    """Maximum length of the text (the caption, since every post carries an image)."""
    weighted: bool = False
    """X counts characters by weight (CJK and emoji count 2) and every URL as 23."""
    urls_as: int | None = None
    """Length every URL counts as (Mastodon and X: 23), or None to count it as written."""
    hashtags: int | None = None
    """Maximum number of hashtags (Instagram: 30)."""


@dataclass(frozen=True)
class Traits:
    label: str
    limits: Limits
    square_image: bool = False
    """Instagram wants a square JPEG it can fetch from the site; the others take an upload."""


TRAITS: dict[str, Traits] = {
    "x": Traits("X (Twitter)", Limits(text=280, weighted=True, urls_as=23)),
    "facebook": Traits("Facebook", Limits(text=2200)),
    "instagram": Traits("Instagram", Limits(text=2200, hashtags=30), square_image=True),
    # a photo caption; a text-only message would allow 4096
    "telegram": Traits("Telegram", Limits(text=1024)),
    "mastodon": Traits("Mastodon", Limits(text=500, urls_as=23)),
    "outbox": Traits("Outbox (berkas lokal)", Limits(text=100_000)),
}
"""By channel name, in the registry's order (`pipeline/publish/channels/registry.py`)."""
