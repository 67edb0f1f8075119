"""Dokumentasi Offline (SOP records): the whole site as one zip that opens from disk, without a
server or internet, search included, with a print page per publication and SHA-256 manifests.

The offline build is the normal build with `KPU_OFFLINE=true`, which mkdocs.yml passes to Material's
`offline` plugin; that plugin turns directory URLs off and inlines the search index.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date

from pipeline.core.errors import BuildError
from pipeline.core.github import GitHub, Json
from pipeline.core.timeutil import WIB, now
from pipeline.messages import records as msg
from pipeline.site.build import build_site

OFFLINE_ENV = {"KPU_OFFLINE": "true"}
MANIFEST = "SHA256SUMS"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Bundle:
    """What `kpu bundle` made: the zip, the manifest beside it, and the zip's own checksum."""

    zip_path: Path
    manifest: Path
    sha256: str
    files: int


def build_bundle(
    root: Path,
    out_dir: Path,
    when: dt.datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Bundle:
    """Build the offline site, write SHA256SUMS into it, zip it under one folder, then record the
    zip's checksum in the SHA256SUMS beside it (kept for earlier zips in the same folder)."""
    when = (when or now()).astimezone(WIB)
    name = f"dokumentasi-offline-{when:%Y-%m-%d}"
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kpu-bundle-") as tmp:
        site = Path(tmp) / name
        with _environ(OFFLINE_ENV):
            build_site(root, site, engine="mkdocs")  # Material's offline plugin (README "Engines")
        if not (site / "search" / "search_index.js").is_file():
            raise BuildError(msg.BUNDLE_NOT_OFFLINE)
        write_manifest(site)
        zip_path = out_dir / f"{name}.zip"
        count = write_zip(site, zip_path, when, progress)
    digest = sha256_of(zip_path)
    manifest = out_dir / MANIFEST
    record_checksum(manifest, zip_path.name, digest)
    return Bundle(zip_path, manifest, digest, count)


@contextlib.contextmanager
def _environ(values: Mapping[str, str]) -> Iterator[None]:
    """build_site runs mkdocs as a child process, which inherits these variables."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _site_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file())


def write_manifest(site: Path) -> Path:
    """SHA256SUMS of every file, in `sha256sum -c` format, paths relative to the site folder."""
    lines = [
        f"{sha256_of(path)}  {path.relative_to(site).as_posix()}"
        for path in _site_files(site)
        if path.name != MANIFEST
    ]
    manifest = site / MANIFEST
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest


def write_zip(
    site: Path,
    zip_path: Path,
    when: dt.datetime,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Every file under one top folder named like the site folder; sorted, with one timestamp, so
    that the same site gives the same zip. `progress(done, total)` after each file."""
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    files = _site_files(site)
    temp = zip_path.with_suffix(".zip.tmp")
    with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for done, path in enumerate(files, start=1):
            info = zipfile.ZipInfo(f"{site.name}/{path.relative_to(site).as_posix()}", stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            with path.open("rb") as source, zf.open(info, "w") as target:
                while chunk := source.read(_CHUNK):
                    target.write(chunk)
            if progress is not None:
                progress(done, len(files))
    os.replace(temp, zip_path)
    return len(files)


def record_checksum(manifest: Path, name: str, digest: str) -> None:
    """Add or replace the line of `name` in a SHA256SUMS file."""
    lines = manifest.read_text(encoding="utf-8").splitlines() if manifest.exists() else []
    kept = [line for line in lines if line.split("  ", 1)[-1] != name]
    lines = sorted([*kept, f"{digest}  {name}"], key=lambda line: line.split("  ", 1)[-1])
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")


def merge_checksums(manifest: Path, earlier: str) -> None:
    """Add the lines of an earlier SHA256SUMS for files this one does not list."""
    listed = manifest.read_text(encoding="utf-8") if manifest.exists() else ""
    names = {line.split("  ", 1)[-1] for line in listed.splitlines()}
    for line in earlier.splitlines():
        digest, sep, name = line.partition("  ")
        if sep and name not in names:
            record_checksum(manifest, name, digest)


def release_bundle(github: GitHub, bundle: Bundle, when: dt.datetime) -> Json:
    """Attach the zip and SHA256SUMS to the month's release, created if missing; an asset of the
    same name is replaced. The release's SHA256SUMS is merged in first, so that it still verifies
    every zip of the month."""
    month = when.astimezone(WIB)
    tag = f"dokumentasi-offline-{month:%Y-%m}"
    release = next((r for r in github.releases() if r.get("tag_name") == tag), None)
    if release is None:
        label = format_date(month, format="MMMM yyyy", locale="id")
        release = github.create_release(tag, msg.RELEASE_NAME.format(month=label), msg.RELEASE_BODY)
    assets = {str(a.get("name")): a for a in github.release_assets(int(release["id"]))}
    if MANIFEST in assets:
        earlier = github.download_asset(int(assets[MANIFEST]["id"])).decode("utf-8", "replace")
        merge_checksums(bundle.manifest, earlier)
    for path, kind in ((bundle.zip_path, "application/zip"), (bundle.manifest, "text/plain")):
        if path.name in assets:
            github.delete_asset(int(assets[path.name]["id"]))
        github.upload_asset(release, path.name, path.read_bytes(), kind)
    return release
