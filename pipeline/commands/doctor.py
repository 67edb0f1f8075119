"""`kpu doctor`: check that this checkout is ready to publish; one line per finding."""

from __future__ import annotations

import argparse

from pipeline.doctor import REMOTE_TIMEOUT, Status, diagnose
from pipeline.messages import doctor as msg


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "doctor",
        help="periksa kesiapan repositori untuk menerbitkan",
        description="Periksa kpu.yml dan data/*.yml, kredensial setiap kanal yang aktif (hanya "
        "namanya; nilainya tidak pernah ditampilkan), alamat GitHub Pages, langkah kpu di "
        "workflow, kontak PPID (telepon, surel), sisa identitas kantor lain di kpu.yml, content/, "
        "mkdocs.yml, .github/ dan cms/, dan apakah remote origin dapat dihubungi. Keluar dengan "
        "kode 1 jika ada "
        "yang GAGAL.",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=REMOTE_TIMEOUT,
        metavar="DETIK",
        help=f"batas waktu menghubungi remote origin (bawaan {REMOTE_TIMEOUT:g} detik)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    findings = diagnose(args.root, remote_timeout=args.timeout)
    print(msg.TITLE)
    for finding in findings:
        print(msg.MARKS[finding.status.value] + finding.text)
    failures = sum(f.status is Status.FAIL for f in findings)
    infos = sum(f.status is Status.INFO for f in findings)
    if failures:
        print(msg.SUMMARY_FAIL.format(count=failures))
        return 1
    print(msg.SUMMARY_OK.format(infos=infos))
    return 0
