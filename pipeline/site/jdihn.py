"""The JDIHN member feed: /jdihn/document.json, a JSON array of BPHN's member-feed records
(schema/document-schema.json of bphndigitalservice/ildis), built with the site.

`last_updated` comes from the git history of the document's own lines (registry entries) or
files (the office's decisions); outside git, or for uncommitted changes, it is the document's
date of promulgation (else enactment) at midnight WIB, so that a rebuild gives the same feed.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from collections.abc import Iterable, Mapping
from pathlib import Path
from zoneinfo import ZoneInfo

import git
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from pipeline.core.config import KpuConfig
from pipeline.core.model import Publication
from pipeline.legal.office_documents import to_regulation
from pipeline.legal.regulations import Registry, Regulation
from pipeline.site.regulation_pages import STATUS_LABELS, page_uri, pdf_target

FEED_PATH = "jdihn/document.json"
REGISTRY_FILE = "data/regulations.yml"
WIB = ZoneInfo("Asia/Jakarta")
UNCOMMITTED = "0" * 40
DECISIONS = ("kpts-kpu", "kpts-kpukab")  # a Keputusan is not promulgated: its date is the enactment


def url_of(base_url: str, docs_uri: str) -> str:
    """The public URL of a page or file in docs_dir (directory URLs, as the site is deployed)."""
    path = docs_uri.removesuffix("index.md").removesuffix(".md")
    if docs_uri.endswith(".md") and not docs_uri.endswith("index.md"):
        path += "/"
    return base_url.rstrip("/") + "/" + path


def record(
    reg: Regulation, registry: Registry, base_url: str, updated: dt.datetime
) -> dict[str, object]:
    """One member-feed record; "-" where the Lembar Kerja field is not recorded."""
    promulgated = reg.promulgated_on or reg.enacted_on
    assert reg.enacted_on is not None and promulgated is not None
    page = url_of(base_url, page_uri(reg.key))
    pdf = pdf_target(reg)
    download = url_of(base_url, pdf) if pdf else (reg.link or "-")
    status = registry.status(reg.key)
    return {
        "idData": reg.key,
        "tahun_pengundangan": f"{promulgated.year:04d}",
        "tanggal_penetapan": reg.enacted_on.isoformat(),
        "tanggal_pengundangan": promulgated.isoformat(),
        "jenis": reg.kind_name.upper(),
        "noPeraturan": reg.number or "-",
        "judul": reg.canonical + (f" tentang {reg.title}" if reg.title else ""),
        "noPanggil": None,
        "singkatanJenis": reg.abbreviation,
        "tempatTerbit": reg.enacted_place or "-",
        "penerbit": None,
        "deskripsiFisik": None,
        "sumber": reg.source or "-",
        "isbn": None,
        "status": "Tidak Berlaku" if status == "dicabut" else STATUS_LABELS[status],
        "bahasa": reg.language,
        "bidangHukum": reg.legal_field or "-",
        "teuBadan": reg.teu or None,
        "nomorIndukBuku": None,
        "abstrak": reg.abstract or "-",
        "last_updated": updated.isoformat(timespec="seconds"),
        "urlAbstrak": page + "#keterangan-dokumen",
        "urlDetailPeraturan": page,
        "fileDownload": posixpath.basename(pdf) if pdf else "-",
        "urlDownload": download,
        "subjek": ", ".join(reg.subjects),
        "operasi": "4",
        "display": "1",
    }


def feed(
    registry: Registry,
    own: Iterable[str],
    include: str,
    base_url: str,
    updated: Mapping[str, dt.datetime],
) -> list[dict[str, object]]:
    """The records: the office's own documents, and with include "all" every registry document
    whose dates are recorded (the feed requires both; a Keputusan's is its date of enactment)."""
    own_keys = set(own)
    chosen = [
        reg
        for reg in registry
        if reg.enacted_on is not None
        and (reg.promulgated_on is not None or reg.type in DECISIONS)
        and (include == "all" or reg.key in own_keys)
    ]
    return [
        record(reg, registry, base_url, updated.get(reg.key) or fallback_time(reg))
        for reg in chosen
    ]


def fallback_time(reg: Regulation) -> dt.datetime:
    day = reg.promulgated_on or reg.enacted_on or dt.date(reg.year, 1, 1)
    return dt.datetime.combine(day, dt.time(), WIB)


def registry_times(root: Path, registry: Registry) -> dict[str, dt.datetime]:
    """Per registry entry, the newest commit time among its own lines (one `git blame`)."""
    try:
        repo = git.Repo(root, search_parent_directories=False)
        out = repo.git.blame("--line-porcelain", "--", REGISTRY_FILE)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError, git.GitCommandError):
        return {}
    line_times: list[dt.datetime | None] = []
    sha, time, zone = "", 0, "+0000"
    for text in out.splitlines():
        if text.startswith("\t"):
            line_times.append(None if sha == UNCOMMITTED else _at(time, zone))
        elif text.startswith("committer-time "):
            time = int(text.split()[1])
        elif text.startswith("committer-tz "):
            zone = text.split()[1]
        elif len(text) > 40 and text[40] == " ":
            sha = text[:40]
    starts = sorted((line, key) for key, line in registry.lines.items())
    found = {}
    for i, (start, key) in enumerate(starts):
        end = starts[i + 1][0] - 1 if i + 1 < len(starts) else len(line_times)
        times = line_times[start - 1 : end]
        if times and None not in times:  # an uncommitted line: the date is not history yet
            found[key] = max(t for t in times if t is not None)
    return found


def file_times(root: Path, paths: Mapping[str, Iterable[str]]) -> dict[str, dt.datetime]:
    """Per key, the last commit time touching any of its files; none when a file is uncommitted."""
    try:
        repo = git.Repo(root, search_parent_directories=False)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return {}
    found = {}
    for key, files in paths.items():
        files = list(files)
        try:
            dirty = repo.git.status("--porcelain", "--", *files).strip()
            last = repo.git.log("-1", "--format=%cI", "--", *files).strip()
        except git.GitCommandError:
            continue
        if last and not dirty:
            found[key] = dt.datetime.fromisoformat(last)
    return found


def _at(timestamp: int, zone: str) -> dt.datetime:
    sign = -1 if zone.startswith("-") else 1
    offset = dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5])) * sign
    return dt.datetime.fromtimestamp(timestamp, dt.timezone(offset))


def feed_json(records: list[dict[str, object]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def add_feed(
    files: Files,
    config: MkDocsConfig,
    registry: Registry,
    publications: Mapping[str, Publication],
    kpu: KpuConfig,
) -> None:
    """Register jdihn/document.json: the office's own documents (kpu.yml jdihn.include)."""
    root = Path(config.config_file_path).parent
    own: dict[str, list[str]] = {}
    for pub in publications.values():
        reg = to_regulation(pub.front, kpu.office.name)
        if reg is not None and pub.front.withdrawn is None:
            own[reg.key] = [pub.path.as_posix(), *([reg.pdf] if reg.pdf else [])]
    updated = {**registry_times(root, registry), **file_times(root, own)}
    records = feed(registry, own, kpu.jdihn.include, kpu.base_url, updated)
    files.append(File.generated(config, FEED_PATH, content=feed_json(records)))
