"""The credentials each channel reads from the environment: declared here, below the channels,
so that the scrubber (pipeline/core/redact.py) knows every secret without importing a network."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EnvVar:
    """An environment variable a channel reads; `secret` ones are scrubbed from every message."""

    name: str
    description: str
    secret: bool = True
    required: bool = True


CHANNEL_ENV: dict[str, tuple[EnvVar, ...]] = {
    "x": (
        EnvVar("X_API_KEY", "API key (consumer key) aplikasi X"),
        EnvVar("X_API_SECRET", "API key secret (consumer secret) aplikasi X"),
        EnvVar("X_ACCESS_TOKEN", "Access token akun X kantor"),
        EnvVar("X_ACCESS_TOKEN_SECRET", "Access token secret akun X kantor"),
        EnvVar("X_API_BASE", "Ganti alamat API (hanya untuk uji)", secret=False, required=False),
    ),
    "facebook": (
        EnvVar("FACEBOOK_PAGE_ID", "ID Halaman (Page) Facebook kantor", secret=False),
        EnvVar("FACEBOOK_PAGE_TOKEN", "Page access token dengan izin pages_manage_posts"),
        EnvVar(
            "FACEBOOK_API_BASE",
            "Ganti alamat Graph API (hanya untuk uji)",
            secret=False,
            required=False,
        ),
    ),
    "instagram": (
        EnvVar("INSTAGRAM_USER_ID", "ID akun Instagram bisnis (ig-user-id)", secret=False),
        EnvVar("INSTAGRAM_TOKEN", "Access token dengan izin instagram_content_publish"),
        EnvVar(
            "INSTAGRAM_API_BASE",
            "Ganti alamat Graph API (hanya untuk uji)",
            secret=False,
            required=False,
        ),
    ),
    "telegram": (
        EnvVar("TELEGRAM_BOT_TOKEN", "Token bot dari @BotFather; bot harus admin kanal"),
        EnvVar("TELEGRAM_CHAT_ID", "Kanal tujuan: @namakanal atau -100...", secret=False),
        EnvVar(
            "TELEGRAM_API_BASE",
            "Ganti alamat Bot API (hanya untuk uji)",
            secret=False,
            required=False,
        ),
    ),
    "mastodon": (
        EnvVar("MASTODON_BASE_URL", "Alamat server, contoh https://mastodon.social", secret=False),
        EnvVar(
            "MASTODON_TOKEN", "Access token aplikasi dengan izin write:statuses dan write:media"
        ),
    ),
}
"""Each channel's variables, by channel name; the channel's class reads its own row (`env`)."""


def secret_names() -> set[str]:
    """The names of every channel secret."""
    return {var.name for variables in CHANNEL_ENV.values() for var in variables if var.secret}
