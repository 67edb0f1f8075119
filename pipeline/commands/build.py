"""`kpu build`: the real `mkdocs build --strict` of content/ (drafts are outside docs_dir)."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from pipeline.core import console
from pipeline.intake.cms import install_admin
from pipeline.messages import check as msg
from pipeline.messages import cli as cli_msg
from pipeline.messages import cms
from pipeline.messages import verify as vmsg
from pipeline.review import verify
from pipeline.site import preview
from pipeline.site.build import build_site, configured_engine

ENGINES = ("mkdocs", "zensical")  # pipeline/core/config.py KpuConfig.engine
CACHE_DIR = Path("build") / "cache"  # pipeline/site/render_cache.py


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "build",
        help="bangun situs",
        description="Bangun situs statis dari content/ dengan MkDocs Material (mode --strict) atau Zensical: "
        "halaman yang dibuat pipeline ditulis dulu ke salinan build/staging/. "
        "Draf di drafts/ tidak pernah ikut dibangun. Editor web (Decap CMS) dipasang di /admin/ "
        "bila paketnya terpasang (npm ci --prefix cms).",
    )
    p.add_argument(
        "--site-dir", type=Path, default=None, metavar="FOLDER", help="folder hasil (bawaan: site/)"
    )
    p.add_argument(
        "--only-verified",
        type=Path,
        metavar="DAFTAR",
        help="bangun hanya publikasi yang tercantum di daftar kpu verify (untuk deploy)",
    )
    p.add_argument(
        "--preview-drafts",
        action="store_true",
        help="bangun juga draf yang lolos pemeriksaan, seperti nanti terbit, bertanda PRATINJAU "
        "(untuk pull request; tidak masuk pencarian, RSS, maupun sitemap)",
    )
    p.add_argument(
        "--engine",
        choices=ENGINES,
        default=None,
        help="mesin situs: mkdocs (MkDocs Material) atau zensical (bawaan: engine di kpu.yml)",
    )
    p.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        metavar="FOLDER",
        help="folder cache build: hasil render halaman yang tidak berubah dipakai lagi "
        f"(bawaan: {CACHE_DIR.as_posix()}/; mesin mkdocs saja)",
    )
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="render setiap halaman dari awal, tanpa membaca atau menulis cache build",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.preview_drafts and args.only_verified is not None:
        print(msg.PREVIEW_NOT_WITH_VERIFIED)
        return 2
    progress = console.Progress(cli_msg.PROGRESS_BUILD)
    try:
        site_dir = _build(args, progress)
    finally:
        progress.close()
    admin = install_admin(args.root, site_dir)
    console.info(msg.BUILD_OK.format(path=site_dir))
    console.info(cms.ADMIN_BUILT.format(path=admin) if admin else cms.ADMIN_SKIPPED)
    return 0


def _build(args: argparse.Namespace, progress: console.Progress) -> Path:
    site_dir: Path = (args.site_dir or args.root / "site").absolute()
    if args.preview_drafts:
        with tempfile.TemporaryDirectory(prefix="kpu-preview-") as folder:
            pages = preview.stage(args.root, Path(folder))
            build_site(Path(folder), site_dir, _engine(args), progress=progress, cache=_cache(args))
            preview.finish(args.root, site_dir, pages)
        for page in pages:
            console.info(msg.PREVIEW_PAGE.format(draft=page.draft, path=page.path))
        return site_dir
    if args.only_verified is None:
        return build_site(
            args.root, args.site_dir, args.engine, progress=progress, cache=_cache(args)
        )
    listed = verify.read_list(args.only_verified)
    with tempfile.TemporaryDirectory(prefix="kpu-verified-") as folder:
        left_out = verify.verified_tree(args.root, Path(folder), listed)
        for path in left_out:
            print(vmsg.SKIPPED_UNVERIFIED.format(path=path, what="dibangun"))
        build_site(Path(folder), site_dir, _engine(args), progress=progress, cache=_cache(args))
    return site_dir


def _engine(args: argparse.Namespace) -> str:
    """--engine, else the checkout's kpu.yml `engine` (for a build of a staged copy)."""
    return str(args.engine or configured_engine(args.root))


def _cache(args: argparse.Namespace) -> Path | None:
    """The build cache's folder, in the checkout even when a staged copy is built."""
    if args.no_cache:
        return None
    return Path(args.cache_dir or args.root / CACHE_DIR).absolute()
