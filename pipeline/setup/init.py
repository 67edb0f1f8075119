"""`kpu init`: a new office's kpu.yml from answers, validated through the real schema before it is
written; the sample publications cleared on request; the secrets GitHub must hold, by name only.

The existing kpu.yml supplies every default, so running it again changes only what is answered.
"""

from __future__ import annotations

import copy
import json
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pipeline.core.config import CONFIG_FILE, ROLE_LABELS, KpuConfig
from pipeline.core.errors import PipelineError
from pipeline.core.identity import hashtag, split_name
from pipeline.core.read import ReadFailed, load_yaml, read_document, read_text
from pipeline.core.schema import describe, validate_model
from pipeline.messages import init as msg
from pipeline.publish.channels.base import EnvVar
from pipeline.publish.channels.registry import REGISTRY, environment
from pipeline.records.ledger import LEDGER_FILE, Ledger

POSTS_DIR = "content/posts"
CONTENT_DIR = "content"
FLAGS: dict[tuple[str, ...], str] = {
    ("office", "name"): "--office-name",
    ("office", "short_name"): "--short-name",
    ("office", "address"): "--address",
    ("office", "type"): "--office-type",
    ("office", "province"): "--province",
    ("office", "seat"): "--seat",
    ("office", "phone"): "--phone",
    ("office", "email"): "--email",
    ("site_url",): "--site-url",
    ("repository",): "--repository",
    ("channels", "enabled"): "--channels",
    ("channels", "accounts"): "--account",
    ("roles",): "--role",
}
_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(\s*([^)\s]+)(?:\s+\"[^\"]*\")?\s*\)")


class InitError(PipelineError):
    """The answers do not make a valid kpu.yml; nothing was written. Carries every problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Answers:
    """What the office said; None keeps the current kpu.yml value."""

    office_name: str | None = None
    short_name: str | None = None
    address: str | None = None
    office_type: str | None = None
    province: str | None = None
    seat: str | None = None
    phone: str | None = None
    email: str | None = None
    site_url: str | None = None
    repository: str | None = None
    channels: list[str] | None = None
    accounts: dict[str, dict[str, str]] = field(default_factory=dict)
    roles: dict[str, list[str]] = field(default_factory=dict)


# --- reading answers ---------------------------------------------------------------------------
def split_list(text: str) -> list[str]:
    """ "a, b,,c" -> [a, b, c]; "-" (the prompt's "empty") -> []."""
    if text.strip() == "-":
        return []
    return [part.strip() for part in text.split(",") if part.strip()]


def parse_account(text: str) -> tuple[str, dict[str, str]]:
    """`x=@handle,https://x.com/handle` -> ("x", {handle, url}); ValueError says how to write it."""
    channel, equals, rest = text.partition("=")
    handle, comma, url = rest.rpartition(",")  # a Facebook page name may hold a comma; a URL not
    if not equals or not comma or not channel.strip() or not handle.strip() or not url.strip():
        raise ValueError(msg.ACCOUNT_FORMAT.format(got=text))
    return channel.strip(), {"handle": handle.strip(), "url": url.strip()}


def parse_role(text: str) -> tuple[str, list[str]]:
    """`subbag_hukum=login1,login2` -> ("subbag_hukum", [login1, login2])."""
    role, equals, logins = text.partition("=")
    if not equals or not role.strip():
        raise ValueError(msg.ROLE_FORMAT.format(got=text, roles=", ".join(ROLE_LABELS)))
    return role.strip(), split_list(logins)


def current_settings(root: Path) -> tuple[dict[str, Any], str | None]:
    """The existing kpu.yml as plain data (the defaults), or {} and why it could not be read."""
    path = root / CONFIG_FILE
    if not path.exists():
        return {}, None
    try:
        data = load_yaml(read_text(path, CONFIG_FILE), CONFIG_FILE).data
    except ReadFailed as exc:
        return {}, exc.problem.message
    return (data, None) if isinstance(data, dict) else ({}, None)


def apply(current: dict[str, Any], answers: Answers) -> dict[str, Any]:
    """The current data with every answer put in its place (current is left untouched)."""
    data = copy.deepcopy(current)
    office = _mapping(data, "office")
    former = {key: office.get(key) for key in ("name", "short_name", "seat")}
    if answers.office_name and office.get("type") and answers.office_type is None:
        office.pop("type")  # the new name says the type (a stale one would contradict it)
    for key, value in (
        ("name", answers.office_name),
        ("short_name", answers.short_name),
        ("type", answers.office_type),
        ("province", answers.province),
        ("seat", answers.seat),
        ("address", answers.address),
        ("phone", answers.phone),
        ("email", answers.email),
    ):
        if value == "-":
            office.pop(key, None)  # "-" empties an optional field
        elif value is not None:
            office[key] = value
    if answers.office_name and answers.seat is None and office.get("seat") == former["seat"]:
        # A city office sits in its city; another's seat is asked for, never kept.
        office.pop("seat", None)
        if split_name(answers.office_name)[0] == "kota":
            office["seat"] = split_name(answers.office_name)[1]
    if answers.office_name and answers.office_name != former["name"]:
        # Another office's contacts are never kept: the new ones are asked, or doctor fails.
        for key, answer in (("phone", answers.phone), ("email", answers.email)):
            if answer is None:
                office.pop(key, None)
    _follow_identity(data, former, office)
    for key, value in (("site_url", answers.site_url), ("repository", answers.repository)):
        if value is not None:
            data[key] = value
    if answers.channels is not None or answers.accounts:
        channels = _mapping(data, "channels")
        if answers.channels is not None:
            channels["enabled"] = list(answers.channels)
            # The footer links every account: one of a channel the office does not use must go.
            accounts = channels.get("accounts")
            if isinstance(accounts, dict):
                channels["accounts"] = {k: v for k, v in accounts.items() if k in answers.channels}
        if answers.accounts:
            _mapping(channels, "accounts").update(copy.deepcopy(answers.accounts))
    if answers.roles:
        _mapping(data, "roles").update({k: list(v) for k, v in answers.roles.items()})
    return data


def _follow_identity(data: dict[str, Any], former: dict[str, Any], office: dict[str, Any]) -> None:
    """What kpu.yml derives from the office's names follows a new name: the DIP defaults
    ("PPID KPU Kabupaten ...", the place), and the office's hashtag ("#KPUBangkaBarat")."""
    pairs = [
        (former[key], office.get(key))
        for key in ("name", "short_name", "seat")
        if isinstance(former[key], str) and former[key].strip() and former[key] != office.get(key)
    ]
    dip = data.get("dip")
    if isinstance(dip, dict):
        for key, value in list(dip.items()):
            if not isinstance(value, str):
                continue
            for old, new in pairs:
                if new is None and value.strip() == old.strip():
                    dip.pop(key)  # the place of another office: unset, not kept
                    break
                if new is not None:
                    value = value.replace(old.strip(), str(new).strip())
            else:
                dip[key] = value
        if "place" not in dip and office.get("seat"):
            dip["place"] = office["seat"]
    short = former["short_name"]
    channels = data.get("channels")
    if isinstance(short, str) and isinstance(channels, dict) and office.get("short_name") != short:
        tags = channels.get("hashtags")
        if isinstance(tags, list):
            mine, new = hashtag(short), hashtag(str(office.get("short_name", "")))
            channels["hashtags"] = [new if t == mine else t for t in tags]


def _mapping(data: dict[str, Any], key: str) -> dict[str, Any]:
    if not isinstance(data.get(key), dict):
        data[key] = {}
    return data[key]


# --- validating and writing --------------------------------------------------------------------
def check(data: dict[str, Any]) -> tuple[KpuConfig | None, list[str]]:
    """Validate through KpuConfig; each problem names the field and the flag that sets it."""
    try:
        return KpuConfig.model_validate(data), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p))
            problems.append(
                msg.PROBLEM.format(message=describe(err, loc, KpuConfig), hint=_hint(loc))
            )
        return None, list(dict.fromkeys(problems))


def _hint(loc: tuple[Any, ...]) -> str:
    for size in range(len(loc), 0, -1):
        flag = FLAGS.get(tuple(str(p) for p in loc[:size]))
        if flag:
            return msg.HINT_FLAG.format(flag=flag)
    return msg.HINT_FILE


def write_config(root: Path, answers: Answers, current: dict[str, Any]) -> KpuConfig:
    """Validate, render and write kpu.yml; InitError (and nothing written) when invalid."""
    config, problems = check(apply(current, answers))
    if config is None:
        raise InitError(problems)
    text = render(config)
    # Read back through the loader kpu itself uses: what is written is what loads.
    written, again = validate_model(KpuConfig, load_yaml(text, CONFIG_FILE), CONFIG_FILE)
    if again or written is None:
        raise InitError([p.format_text() for p in again])
    path = root / CONFIG_FILE
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)
    return written


def render(config: KpuConfig) -> str:
    """kpu.yml with Indonesian comments; every value JSON-quoted (JSON is YAML), so none changes type."""
    lines = [msg.HEADER.rstrip("\n")]
    for key, value in config.model_dump(mode="json", exclude_none=True).items():
        if key in msg.SECTION_COMMENTS:
            lines += ["", msg.SECTION_COMMENTS[key]]
        lines += _block(key, value, key, 0)
    return "\n".join(lines) + "\n"


def _block(key: str, value: Any, path: str, depth: int) -> list[str]:
    pad = "  " * depth
    if isinstance(value, dict) and value and depth < 2:
        out = [f"{pad}{key}:"]
        for sub, item in value.items():
            out += _block(sub, item, f"{path}.{sub}", depth + 1)
        out += [
            "  " * (depth + 1) + text
            for where, text in msg.PLACEHOLDERS.items()
            if where.rpartition(".")[0] == path and where.rpartition(".")[2] not in value
        ]
        return out
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        out = [f"{pad}{key}:"]
        for item in value:
            entries = [f"{k}: {_flow(v)}" for k, v in item.items()]
            out += [f"{pad}  - {entries[0]}"] + [f"{pad}    {e}" for e in entries[1:]]
        return out
    note = msg.FIELD_COMMENTS.get(path)
    return [f"{pad}{key}: {_flow(value)}" + (f"   # {note}" if note else "")]


def _flow(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# --- what GitHub must hold ---------------------------------------------------------------------
def secrets_to_set(config: KpuConfig) -> list[tuple[str, list[EnvVar]]]:
    """(channel label, variables) for every enabled channel: the required ones of the channel
    table. The optional `*_API_BASE` variables only point tests at local servers."""
    enabled = set(config.channels.enabled)
    found: dict[str, list[EnvVar]] = {}
    for name, var in environment():
        if name in enabled and var.required:
            found.setdefault(name, []).append(var)
    return [(REGISTRY[name].label, found[name]) for name in REGISTRY if name in found]


# --- --clear-samples ---------------------------------------------------------------------------
@dataclass
class Cleared:
    posts: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    links: dict[str, int] = field(default_factory=dict)
    """Page -> how many links to a removed post became plain text (else --strict would fail)."""
    ledger_entries: int = 0


def clear_samples(root: Path) -> Cleared:
    """Remove content/posts/**, images only they used, their ledger entries, and links to them.
    Pages (content/*.md outside posts/) and the guide stay."""
    done = Cleared()
    posts_dir = root / POSTS_DIR
    files = sorted(p for p in posts_dir.rglob("*") if p.is_file()) if posts_dir.is_dir() else []
    images = {_post_image(root, p) for p in files if p.suffix == ".md"} - {None}
    for path in files:
        path.unlink()
        done.posts.append(path.relative_to(root).as_posix())
    for folder in sorted((p for p in posts_dir.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    removed = {posixpath.relpath(p, CONTENT_DIR) for p in done.posts}
    pages = sorted((root / CONTENT_DIR).rglob("*.md")) if (root / CONTENT_DIR).is_dir() else []
    texts: list[str] = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        changed, count = _unlink(text, page.relative_to(root / CONTENT_DIR).as_posix(), removed)
        if count:
            page.write_text(changed, encoding="utf-8")
            done.links[page.relative_to(root).as_posix()] = count
        texts.append(changed)
    for image in sorted(str(i) for i in images):
        target = root / image
        if target.is_file() and not any(Path(image).name in text for text in texts):
            target.unlink()
            done.images.append(image)
    done.ledger_entries = _clear_ledger(root)
    return done


def _post_image(root: Path, path: Path) -> str | None:
    try:
        image = read_document(path, path.relative_to(root).as_posix()).meta.get("image")
    except (ReadFailed, AttributeError):
        return None
    if not isinstance(image, str) or not image.startswith(CONTENT_DIR + "/") or ".." in image:
        return None
    return image


def _unlink(text: str, page: str, removed: set[str]) -> tuple[str, int]:
    """Links from `page` (relative to content/) to a removed post become their text."""
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        target = match.group(2).split("#", 1)[0]
        if not target or "://" in target or target.startswith(("/", "mailto:")):
            return match.group(0)
        if posixpath.normpath(posixpath.join(posixpath.dirname(page), target)) not in removed:
            return match.group(0)
        count += 1
        return match.group(1)

    return _LINK.sub(replace, text), count


def _clear_ledger(root: Path) -> int:
    ledger = Ledger.of(root)
    if not (root / LEDGER_FILE).exists():
        return 0
    with ledger.locked() as book:
        gone = [slug for slug, page in book.pages.items() if page.path.startswith(POSTS_DIR + "/")]
        for slug in gone:
            del book.pages[slug]
        if gone:
            ledger.save(book)
    return len(gone)
