"""`kpu bundle`: the Dokumentasi Offline zip of the whole site, with its SHA-256 manifests."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.core import console
from pipeline.core.config import load_config
from pipeline.core.github import GitHub
from pipeline.core.timeutil import now
from pipeline.messages import cli as cli_msg
from pipeline.messages import records as msg
from pipeline.records.bundle import build_bundle, release_bundle


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "bundle",
        help="buat dokumentasi offline (zip)",
        description="Bangun seluruh situs dalam mode offline (dapat dibuka dari disk tanpa server "
        "dan tanpa internet, termasuk pencarian dan versi cetak setiap publikasi), lalu kemas "
        "menjadi zip beserta daftar checksum SHA256SUMS di dalam dan di samping zip.",
    )
    p.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="FOLDER",
        help="folder hasil (bawaan: build/ di akar repositori)",
    )
    p.add_argument(
        "--release",
        action="store_true",
        help="lampirkan zip dan SHA256SUMS ke rilis GitHub bulan ini (dokumentasi-offline-TTTT-BB), "
        "memakai GITHUB_TOKEN dan GITHUB_API_URL",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    when = now()
    github = GitHub.from_env(load_config(args.root).repository) if args.release else None
    progress = console.Progress(cli_msg.PROGRESS_BUNDLE)
    try:
        bundle = build_bundle(args.root, args.out or args.root / "build", when, progress)
    finally:
        progress.close()
    console.info(
        msg.BUNDLE_OK.format(zip=bundle.zip_path, files=bundle.files, sha256=bundle.sha256)
    )
    console.info(msg.BUNDLE_MANIFEST.format(manifest=bundle.manifest))
    if github is not None:
        release = release_bundle(github, bundle, when)
        console.info(
            msg.BUNDLE_RELEASED.format(tag=release.get("tag_name"), url=release.get("html_url"))
        )
    return 0
