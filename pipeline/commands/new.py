"""`kpu new "Judul"`: write a fully commented draft into drafts/, never overwriting."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from pipeline.core import console
from pipeline.core.timeutil import now
from pipeline.intake.slug import slugify
from pipeline.messages import check as msg
from pipeline.messages.new_template import DRAFT


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "new",
        help="buat draf publikasi baru",
        description="Buat draf baru drafts/<tanggal>-<judul>.md berisi semua kolom beserta penjelasannya.",
    )
    p.add_argument(
        "title", nargs="?", metavar="JUDUL", help='judul publikasi, contoh "Mengenal UU Pemilu"'
    )
    p.add_argument(
        "--from-issue",
        metavar="BERKAS|NOMOR",
        help="buat draf dari issue Permintaan Publikasi (Nota Dinas): nomor issue, atau berkas isi issue",
    )
    p.add_argument(
        "--from-docx",
        metavar="NASKAH.docx",
        type=Path,
        help="buat draf dari dokumen Word: judul, subjudul, daftar, tebal/miring, tautan, tabel "
        "dan gambar (beserta teks alternatifnya) ikut",
    )
    p.set_defaults(run=run)


def create_draft(root: Path, title: str) -> Path:
    """Write the draft; FileExistsError if that file is already there."""
    today = now().date()
    slug = slugify(title)
    if not title.strip() or not slug:
        raise ValueError(msg.NEW_TITLE_EMPTY)
    path = root / "drafts" / f"{today.isoformat()}-{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = DRAFT.format(title=title.strip().replace('"', '\\"'), today=today.isoformat())
    with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(text)
    return path


def run(args: argparse.Namespace) -> int:
    if args.from_issue:
        return _run_from_issue(args)
    if args.from_docx:
        return _run_from_docx(args)
    try:
        path = create_draft(args.root, args.title or "")
    except ValueError as exc:
        print(exc)
        return 1
    except FileExistsError as exc:
        shown = os.path.relpath(exc.filename, args.root) if exc.filename else args.title
        print(msg.NEW_EXISTS.format(path=shown))
        return 1
    shown = path.relative_to(args.root).as_posix()
    console.info(msg.NEW_CREATED.format(path=shown))
    return 0


def _run_from_issue(args: argparse.Namespace) -> int:
    from pipeline.intake.issue_form import IntakeError, create_from_issue, load_request
    from pipeline.messages import intake

    try:
        request = load_request(args.root, args.from_issue)
        path = create_from_issue(args.root, request)
    except IntakeError as exc:
        print("\n".join(exc.problems))
        return 1
    except FileExistsError as exc:
        shown = os.path.relpath(exc.filename, args.root) if exc.filename else args.from_issue
        print(msg.NEW_EXISTS.format(path=shown))
        return 1
    issue = f" #{request.issue}" if request.issue else ""
    console.info(intake.CREATED.format(issue=issue, path=path.relative_to(args.root).as_posix()))
    return 0


def _run_from_docx(args: argparse.Namespace) -> int:
    from pipeline.intake.docx import DocxError, create_from_docx
    from pipeline.messages import docx

    try:
        path, images = create_from_docx(args.root, args.from_docx)
    except DocxError as exc:
        print("\n".join(exc.problems))
        return 1
    except FileExistsError as exc:
        shown = os.path.relpath(exc.filename, args.root) if exc.filename else str(args.from_docx)
        print(msg.NEW_EXISTS.format(path=shown))
        return 1
    shown = path.relative_to(args.root).as_posix()
    listed = ", ".join(p.relative_to(args.root).as_posix() for p in images)
    console.info(
        docx.CREATED.format(
            source=args.from_docx.name,
            path=shown,
            images=docx.IMAGES.format(paths=listed) if images else "",
        )
    )
    return 0
