"""Validate publications: read each file, check its schema, then the SOP rules; report everything."""

from __future__ import annotations

import datetime as dt
import functools
import gc
import io
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.check.characters import check_document as check_characters
from pipeline.check.stages import Stage, load_stages
from pipeline.check.traps import check_traps
from pipeline.core.config import KpuConfig, load_config
from pipeline.core.errors import ConfigError
from pipeline.core.files import MAX_IMAGE_BYTES, TooBig, read_limited, refused_entries
from pipeline.core.model import (
    STATUS_ALIASES,
    FrontMatter,
    Publication,
    canonical_status,
    slug_for,
    valid_slug,
)
from pipeline.core.problems import Level, Problem, error, notice, warning
from pipeline.core.read import Document, ReadFailed, read_document
from pipeline.core.schema import validate_model
from pipeline.core.timeutil import format_day, now
from pipeline.legal.office_documents import check_document, published_keys
from pipeline.legal.regulations import (
    Registry,
    RegistryError,
    check_citation,
    link_warnings,
    load_registry,
)
from pipeline.messages import check as msg
from pipeline.publish.posts import check_posts
from pipeline.site.blogrules import BlogRules, load_blog_rules

if TYPE_CHECKING:
    from pipeline.site.render import BodyRenderer

REGISTRY_FILE = "data/regulations.yml"
PUBLICATION_DIRS = ("drafts", "content/posts")
README_NAME = "readme.md"
IMAGE_TYPES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}


@dataclass
class Context:
    """Everything the rules need besides the file itself, loaded once per run."""

    root: Path
    config: KpuConfig
    stages: dict[str, Stage]
    registry: Registry
    today: dt.date
    blog: BlogRules = field(default_factory=BlogRules)
    _renderer: BodyRenderer | None = field(default=None, repr=False)

    def render(self, body: str) -> str:
        """The body as the site's Markdown renders it (built on first use)."""
        if self._renderer is None:
            from pipeline.site.render import BodyRenderer  # Python-Markdown: only for such a body

            self._renderer = BodyRenderer(self.root)
        return self._renderer(body)

    _published: dict[str, str] | None = field(default=None, repr=False)
    _citations: dict[str, tuple[str, str] | None] = field(default_factory=dict, repr=False)

    def citation_problem(self, text: str) -> tuple[str, str] | None:
        """`check_citation` against this run's registry, once per distinct citation: drafts
        cite the same few laws over and over."""
        if text not in self._citations:
            self._citations[text] = check_citation(text, self.registry)
        return self._citations[text]

    def published_documents(self) -> dict[str, str]:
        """The office's decisions already in content/posts (key -> file), read once, on demand."""
        if self._published is None:
            self._published = published_keys(self.root)
        return self._published


def load_context(root: Path, today: dt.date | None = None) -> Context:
    """Load kpu.yml, the stages and the regulation registry; ConfigError lists every problem."""
    config = load_config(root)
    problems: list[Problem] = []
    stages: dict[str, Stage] = {}
    registry = None
    try:
        stages = load_stages(root)
    except ConfigError as exc:
        problems.extend(exc.problems)
    try:
        registry = load_registry(root / REGISTRY_FILE)
    except RegistryError as exc:
        problems.extend(error(REGISTRY_FILE, None, text) for text in exc.problems)
    if problems or registry is None:
        raise ConfigError(problems)
    today = today or now(config.tz).date()
    return Context(root, config, stages, registry, today, load_blog_rules(root))


class _DocumentLines(dict[str, int]):
    """Lines of `document.<field>` in the front matter, looked up on demand."""

    def __init__(self, line: Callable[[tuple[str | int, ...]], int]) -> None:
        super().__init__()
        self._line = line

    def __missing__(self, field: str) -> int:
        return self._line(("document", field))


@dataclass
class Result:
    publications: list[Publication] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    # what kpu check understood and says at info level (a status written in Indonesian)
    notes: list[Problem] = field(default_factory=list)


def publication_files(folder: Path) -> list[Path]:
    """The publications under `folder`: its Markdown files, except hidden ones and READMEs.

    A README.md (drafts/README.md tells designers how to start) is documentation, not a draft.
    """
    return [path for path, _ in _publication_entries(folder)]


def _publication_entries(folder: Path) -> list[tuple[Path, bool]]:
    """(path, is a symlink) of each publication under `folder`, in path order: the entries
    `folder.rglob("*.md")` finds (it descends into folders, never through a link, and skips a
    folder it may not read), told apart by their directory entries, without a stat per file."""
    found: list[tuple[Path, bool]] = []
    _collect(folder, found)
    found.sort(key=_parts_of_path)  # Path's own order on POSIX, without a comparison per pair
    return found


def _collect(folder: Path, found: list[tuple[Path, bool]]) -> None:
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except PermissionError:
        return
    for entry in entries:
        name = entry.name
        link = entry.is_symlink()
        if name.endswith(".md") and not name.startswith(".") and name.lower() != README_NAME:
            found.append((folder / name, link))
        try:
            descend = not link and entry.is_dir(follow_symlinks=False)
        except OSError:
            descend = False
        if descend:
            _collect(folder / name, found)


def _parts_of_path(item: tuple[Path, bool]) -> tuple[str, ...]:
    return item[0].parts


def discover(root: Path, paths: Iterable[Path] = ()) -> Iterator[Path]:
    """Markdown files to check: the given files/folders, else drafts/ and content/posts/."""
    targets = list(paths) or [root / d for d in PUBLICATION_DIRS if (root / d).is_dir()]
    for target in targets:
        if target.is_dir():
            # symlinks are reported by refused_entries, never read
            yield from (p for p, link in _publication_entries(target) if not link)
        else:
            yield target


def display_path(root: Path, path: Path, cwd: str | None = None) -> str:
    """`path` relative to `root`, with `/` (as `path.absolute().relative_to(root.absolute())`,
    compared by parts, without building two absolute paths for each of thousands of files).
    `cwd`: the working folder, when the caller already knows it."""
    cwd = cwd or os.getcwd()
    base = _absolute_parts(cwd, root)
    parts = path.parts if path.is_absolute() else _absolute_parts(cwd, _HERE) + path.parts
    if parts[: len(base)] != base:
        return str(path)
    return "/".join(parts[len(base) :]) or "."


_HERE = Path()


@functools.lru_cache(maxsize=64)
def _absolute_parts(cwd: str, path: Path) -> tuple[str, ...]:
    return (Path(cwd) / path).parts


@contextmanager
def _batch() -> Iterator[None]:
    """Pause the cyclic garbage collector while thousands of files are parsed.

    Parsing creates no reference cycles, yet every collection rescans all results kept so far;
    on 10,000 drafts that rescanning cost more than the validation itself.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _refused_within(root: Path, paths: list[Path]) -> list[Problem]:
    """The tree's symlinks and special files; only those inside `paths` when some are given, so
    that checking one draft never reports (or fails on) another draft's symlink."""
    refused = refused_entries(root)
    if not paths:
        return refused
    scopes = [display_path(root, p).rstrip("/") for p in paths]
    return [p for p in refused if any(p.path == s or p.path.startswith(s + "/") for s in scopes)]


def validate(ctx: Context, paths: Iterable[Path] = (), *, keep: bool = True) -> Result:
    """Check every file, then the rules across files (duplicate slugs).

    `keep=False` (kpu check) reports problems only and leaves `publications` empty.
    """
    paths = list(paths)
    files = list(discover(ctx.root, paths))
    with _batch():
        checked = _check_all(ctx, files, keep)
    result = Result(files=len(files))
    result.problems.extend(_refused_within(ctx.root, paths))
    slugs: dict[str, str] = {}
    for shown, slug, publication, found in checked:
        problems = [p for p in found if p.level is not Level.NOTICE]
        result.notes += [p for p in found if p.level is Level.NOTICE]
        result.problems.extend(problems)
        if slug is None:
            continue
        if slug in slugs:
            message = msg.DUPLICATE_SLUG.format(slug=slug, other=slugs[slug])
            result.problems.append(error(shown, 1, message))
            continue
        slugs[slug] = shown
        if publication is not None:
            result.publications.append(publication)
    if not paths:  # the whole repository: the registry's links are part of it
        links = link_warnings(ctx.registry, marked=False)
        result.problems += [warning(REGISTRY_FILE, line, text) for line, text in links]
    return result


# (shown path, slug when valid, the publication when kept, problems)
Checked = tuple[str, str | None, Publication | None, list[Problem]]


def _check_all(ctx: Context, files: list[Path], keep: bool) -> list[Checked]:
    """Check files in order, in this process. (Large batches were once split over forked
    workers: faster on the wall clock, but about 0.1 s more CPU for 10,000 drafts, issue #14.)"""
    cwd = os.getcwd()  # once for the batch
    return [_check_one(ctx, path, keep, cwd) for path in files]


def _check_one(ctx: Context, path: Path, keep: bool, cwd: str | None = None) -> Checked:
    shown = display_path(ctx.root, path, cwd)
    publication, problems = validate_file(ctx, path, shown)
    if publication is None and not path.exists():  # asked only when the file was refused
        return shown, None, None, [error(shown, None, msg.PATH_MISSING.format(path=shown))]
    slug = publication.slug if publication is not None else None
    return shown, slug, publication if keep else None, problems


def validate_file(ctx: Context, path: Path, shown: str) -> tuple[Publication | None, list[Problem]]:
    """All problems of one file; a Publication only when there is no error."""
    try:
        doc = read_document(path, shown)
    except ReadFailed as exc:
        return None, [exc.problem]
    traps = check_traps(doc) + _status_alias(doc, shown)
    hidden = list(check_characters(doc))
    front, problems = validate_model(FrontMatter, doc.front, shown, {"tz": ctx.config.tz})
    if front is None:
        return None, traps + _not_on_trap_lines(traps, hidden + problems)
    problems = traps + _not_on_trap_lines(traps, hidden) + list(_rules(ctx, doc, front, path))
    if any(p.level.value == "error" for p in problems):
        return None, problems
    relative = path if path.as_posix() == shown else Path(shown)  # the same path: kept
    publication = Publication(relative, front, doc.body, doc.body_line)
    # Social posts over a network's limit fail here, before merge, not at publish time.
    too_long = check_posts(ctx, publication)
    if too_long:  # the line is looked up only for a post that breaks a limit
        line = doc.front.line_of(("social",) if "social" in doc.meta else ("title",))
        problems += [error(shown, line, text) for _, text in too_long]
    if any(p.level.value == "error" for p in problems):
        return None, problems
    return publication, problems


def _status_alias(doc: Document, shown: str) -> list[Problem]:
    """A note when `status` is written in Indonesian (siap): it is read as its English value."""
    written = doc.meta.get("status")
    value = canonical_status(written)
    if not isinstance(written, str) or value == written or value not in STATUS_ALIASES.values():
        return []
    if written.strip(" \t").casefold() not in STATUS_ALIASES:
        return []  # "Ready" is the English value in capitals, not an alias
    line = doc.front.line_of(("status",))
    return [notice(shown, line, msg.STATUS_ALIAS_READ.format(written=written, value=value))]


def _not_on_trap_lines(traps: list[Problem], problems: list[Problem]) -> list[Problem]:
    """The schema's and the hidden characters' problems, except on a line where a trap already
    says what went wrong: `text: #Pemilu` is one mistake, not also "social.text is empty"."""
    lines = {p.line for p in traps if p.level.value == "error"}
    return [p for p in problems if p.line not in lines]


def _rules(ctx: Context, doc: Document, front: FrontMatter, path: Path) -> Iterator[Problem]:
    shown, line = doc.display, doc.front.line_of
    slug = slug_for(path, front)
    if not valid_slug(slug):
        yield error(shown, 1, msg.SLUG_INVALID.format(name=path.name))
    yield from _stage(ctx, shown, front, lambda: line(("election_stage",)))
    for i, citation in enumerate(front.legal_basis):
        found = ctx.citation_problem(citation)
        if found:
            level, text = found
            make = error if level == "error" else warning
            yield make(shown, line(("legal_basis", i)), text)
    if front.image is not None:
        yield from _image(ctx, shown, front, line(("image",)))
    if front.document is not None:  # the office's own Keputusan: checked like a registry entry
        lines = _DocumentLines(line)
        issues = check_document(
            ctx.root, shown, front, ctx.registry, lines, ctx.published_documents
        )
        for at, text in issues:
            yield error(shown, at, text)
    channels = front.channels or []
    enabled = set(ctx.config.channels.enabled) | {"outbox"}
    for i, channel in enumerate(channels):
        if channel not in enabled:
            choices = ", ".join(sorted(enabled))
            yield error(
                shown,
                line(("channels", i)),
                msg.CHANNEL_UNKNOWN.format(got=channel, choices=choices),
            )
    if not shown.startswith("drafts/"):
        if front.date is None:
            yield error(shown, 1, msg.DATE_MISSING_IN_CONTENT)
        if front.publish_at is not None:
            yield warning(shown, line(("publish_at",)), msg.PUBLISH_AT_IN_CONTENT)
    yield from _blog(ctx, doc, front)
    yield from _stripped(ctx, doc)


# Bodies without any of these cannot produce HTML the sanitiser would change (raw HTML, attr_list,
# entities, escapes, a URL scheme other than http/https/mailto/tel); the rest is rendered.
_MAYBE_ACTIVE = re.compile(
    r"[<{&\\\x00-\x08\x0b\x0c\x0e-\x1f]|(?<![\w+.\-])(?!(?:https?|mailto|tel):)[a-z][\w+.\-]*:\S",
    re.IGNORECASE,
)
_ACTIVE_CHARS = re.compile(r"[<{&\\\x00-\x08\x0b\x0c\x0e-\x1f]")


def _stripped(ctx: Context, doc: Document) -> Iterator[Problem]:
    """What the site's sanitiser would remove from the body: an error for anything that runs code,
    loads another page or dresses the page up (scripts, handlers, forms, styles), else a warning."""
    body = doc.body
    plain = body.replace(ctx.blog.required_separator or "<!-- more -->", "")
    # the scheme alternative needs a ":": without one, the characters alone decide (faster)
    maybe = _MAYBE_ACTIVE if ":" in plain else _ACTIVE_CHARS
    if not maybe.search(plain):
        return
    from pipeline.core.safety import findings, locate  # nh3: only for a body that may hold markup

    seen = set()
    found_all = findings(ctx.render(body))
    for found, offset in zip(found_all, locate(body, found_all), strict=True):
        line = doc.body_line + offset
        what = msg.stripped_what(found.kind, found.name, found.tag)
        if (line, what) in seen:
            continue
        seen.add((line, what))
        if found.executable:
            yield error(doc.display, line, msg.UNSAFE_HTML.format(what=what))
        else:
            yield warning(doc.display, line, msg.STRIPPED_HTML.format(what=what))


def _blog(ctx: Context, doc: Document, front: FrontMatter) -> Iterator[Problem]:
    """What the blog plugin would stop the build for, said before the merge instead."""
    allowed = ctx.blog.categories_allowed
    if allowed is not None:
        for i, category in enumerate(front.categories):
            if category not in allowed:
                text = msg.CATEGORY_UNKNOWN.format(got=category, choices=", ".join(allowed))
                yield error(doc.display, doc.front.line_of(("categories", i)), text)
    separator = ctx.blog.required_separator
    if separator is not None and separator not in doc.body:
        yield error(doc.display, doc.body_line, msg.EXCERPT_MISSING.format(separator=separator))


def _stage(
    ctx: Context, shown: str, front: FrontMatter, line: Callable[[], int]
) -> Iterator[Problem]:
    """`line()`: the field's line, looked up only when there is something to say."""
    stage = ctx.stages.get(front.election_stage)
    if stage is None:
        choices = ", ".join(ctx.stages)
        yield error(
            shown, line(), msg.STAGE_UNKNOWN.format(got=front.election_stage, choices=choices)
        )
        return
    if not shown.startswith("drafts/"):
        return  # published pages are history: the stage check applied when they were drafts
    if stage.ended(ctx.today):
        yield warning(shown, line(), msg.STAGE_ENDED.format(name=stage.name, end=_d(stage.end)))
    elif stage.not_started(ctx.today):
        yield warning(
            shown, line(), msg.STAGE_NOT_STARTED.format(name=stage.name, start=_d(stage.start))
        )


def _d(value: dt.date | None) -> str:
    return format_day(value) if value else "-"


def _image(ctx: Context, shown: str, front: FrontMatter, line: int) -> Iterator[Problem]:
    raw = front.image or ""
    if front.image_alt is None:
        yield error(shown, line, msg.IMAGE_ALT_MISSING)
    root = ctx.root.resolve()
    relative = Path(raw)
    if relative.is_absolute() or ".." in relative.parts:
        yield error(shown, line, msg.IMAGE_OUTSIDE.format(got=raw))
        return
    target = root / relative
    try:
        symlink = target.is_symlink()
        exists = target.exists()
        outside = exists and not target.resolve().is_relative_to(root)
    except (OSError, ValueError):  # a name too long for the file system, or with a NUL
        symlink = exists = outside = False
    if symlink:
        yield error(shown, line, msg.IMAGE_SYMLINK.format(got=raw))
        return
    if not exists:
        yield error(shown, line, msg.IMAGE_MISSING.format(got=raw))
        return
    if outside:  # a symlink pointing out of the repository
        yield error(shown, line, msg.IMAGE_OUTSIDE.format(got=raw))
        return
    kind = IMAGE_TYPES.get(target.suffix.lower())
    if kind is None:
        yield error(shown, line, msg.IMAGE_TYPE.format(got=raw))
        return
    try:
        data = read_limited(target, MAX_IMAGE_BYTES)  # bytes read, not st_size
    except TooBig:
        limit_mb = MAX_IMAGE_BYTES // (1024 * 1024)
        yield error(shown, line, msg.IMAGE_TOO_BIG.format(got=raw, limit_mb=limit_mb))
        return
    except OSError:
        data = b""
    from PIL import Image, UnidentifiedImageError  # only for drafts with an image

    try:
        with Image.open(io.BytesIO(data)) as img:
            actual = img.format
    except (UnidentifiedImageError, OSError):
        actual = None
    if actual != kind:
        yield error(shown, line, msg.IMAGE_CORRUPT.format(got=raw, kind=kind))
