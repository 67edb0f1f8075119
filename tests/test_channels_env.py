"""Credentials: only from the environment, listed in one table, never shown to anyone."""

from __future__ import annotations

from pathlib import Path

from pipeline.check.validate import load_context
from pipeline.core.model import CHANNEL_NAMES
from pipeline.publish.channels.base import scrub
from pipeline.publish.channels.registry import REGISTRY, environment, environment_markdown
from pipeline.publish.social import configured_channels, stand_in

EXPECTED = {
    "X_API_KEY",
    "X_API_SECRET",
    "X_ACCESS_TOKEN",
    "X_ACCESS_TOKEN_SECRET",
    "X_API_BASE",
    "FACEBOOK_PAGE_ID",
    "FACEBOOK_PAGE_TOKEN",
    "FACEBOOK_API_BASE",
    "INSTAGRAM_USER_ID",
    "INSTAGRAM_TOKEN",
    "INSTAGRAM_API_BASE",
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_CHAT_ID",
    "TELEGRAM_API_BASE",
    "MASTODON_BASE_URL",
    "MASTODON_TOKEN",
}


def test_every_channel_of_the_schema_is_registered() -> None:
    assert tuple(REGISTRY) == CHANNEL_NAMES
    assert all(cls.name == name for name, cls in REGISTRY.items())


def test_the_credential_table_lists_every_variable_once() -> None:
    names = [var.name for _, var in environment()]
    assert sorted(names) == sorted(EXPECTED)
    secret = {var.name for _, var in environment() if var.secret}
    assert secret == {n for n in EXPECTED if n.endswith(("_KEY", "_SECRET", "_TOKEN"))}


def test_the_readme_table_is_generated_from_the_code() -> None:
    table = environment_markdown()
    assert table.startswith("| variabel | kanal | rahasia | wajib | keterangan |\n")
    assert (
        "| `TELEGRAM_BOT_TOKEN` | telegram | ya | ya | Token bot dari @BotFather; bot harus admin kanal |"
        in table
    )
    assert table.count("\n") == len(EXPECTED) + 2


def test_a_channel_needs_all_its_required_credentials(repo: Path) -> None:
    ctx = load_context(repo)
    env = {
        "X_API_KEY": "k",
        "X_API_SECRET": "s",
        "X_ACCESS_TOKEN": "t",
        "X_ACCESS_TOKEN_SECRET": "u",
        "TELEGRAM_BOT_TOKEN": "1:abc",
    }
    channels = configured_channels(ctx, ["x", "telegram", "outbox"], env)
    assert not stand_in(channels["x"])
    assert stand_in(channels["telegram"])  # TELEGRAM_CHAT_ID is missing
    assert channels["outbox"].name == "outbox" and not stand_in(channels["outbox"])


def test_scrub_removes_values_tokens_in_urls_and_auth_headers() -> None:
    environ = {"MASTODON_TOKEN": "mastodon-secret-value", "OTHER": "not-a-secret"}
    text = (
        "HTTPConnectionPool: Max retries exceeded with url: /bot123456:AAE-xyz_42/sendPhoto; "
        "token mastodon-secret-value; https://graph/x?access_token=EAAB123&fields=id; "
        "Authorization: Bearer abcdefghijkl; signed with oauth_signature=abc%3D"
    )
    cleaned = scrub(text, environ, REGISTRY["mastodon"].env)
    assert "123456:AAE-xyz_42" not in cleaned and "/***/sendPhoto" in cleaned
    assert "mastodon-secret-value" not in cleaned
    assert "EAAB123" not in cleaned and "access_token=***&fields=id" in cleaned
    assert "abcdefghijkl" not in cleaned
    assert "oauth_signature=***" in cleaned


def test_every_channel_reads_its_credentials_and_traits_from_the_tables() -> None:
    """The scrubber knows a channel's secrets and `kpu check` its limits from the two tables
    alone (core/credentials.py, publish/channels/traits.py): a class that declared its own
    would post with a secret the scrubber does not mask, or be measured by the wrong limits."""
    from pipeline.core.credentials import CHANNEL_ENV, secret_names
    from pipeline.publish.channels.traits import TRAITS

    for name, cls in REGISTRY.items():
        assert cls.env == CHANNEL_ENV.get(name, ()), name
        assert (cls.label, cls.limits, cls.square_image) == (
            TRAITS[name].label,
            TRAITS[name].limits,
            TRAITS[name].square_image,
        ), name
    declared = {var.name for _, var in environment() if var.secret}
    assert declared == secret_names()
