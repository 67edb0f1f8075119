"""`kpu bundle`: the Dokumentasi Offline zip of the whole site, with its SHA-256 manifests."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.bundle import build_bundle
from pipeline.messages import records as msg


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "bundle",
        help="buat dokumentasi offline (zip)",
        description="Bangun seluruh situs dalam mode offline (dapat dibuka dari disk tanpa server "
        "dan tanpa internet, termasuk pencarian dan versi cetak setiap publikasi), lalu kemas "
        "menjadi zip beserta daftar checksum SHA256SUMS di dalam dan di samping zip.",
    )
    p.add_argument(
        "--out", type=Path, default=None, help="folder hasil (bawaan: build/ di akar repositori)"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    bundle = build_bundle(args.root, args.out or args.root / "build")
    print(msg.BUNDLE_OK.format(zip=bundle.zip_path, files=bundle.files, sha256=bundle.sha256))
    print(msg.BUNDLE_MANIFEST.format(manifest=bundle.manifest))
    return 0
