"""Words of another office left in a checkout: the sample office's names, logins, accounts,
contacts and site (this repository started as KPU Kabupaten Bangka Barat's), any "KPU Kota X"
that is not this office, and "Kabupaten" at an office that is a kota or provinsi.

`kpu doctor` scans the files an office keeps (content/ pages, mkdocs.yml, .github/, the web
editor's config); the tests scan the built site and the outbox with the same rules."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.core.config import KpuConfig
from pipeline.core.identity import identity, identity_strings

# The office this repository was written for, as its kpu.yml stood (tests/test_identity.py
# checks this against the sample kpu.yml, so the two cannot drift apart).
SAMPLE_OFFICE: dict[str, object] = {
    "office": {
        "name": "KPU Kabupaten Bangka Barat",
        "short_name": "KPU Bangka Barat",
        "type": "kabupaten",
        "province": "Kepulauan Bangka Belitung",
        "seat": "Muntok",
        "address": "Muntok, Kabupaten Bangka Barat, Provinsi Kepulauan Bangka Belitung",
        "phone": "(0716) 000000",
        "email": "ppid@kab-bangkabarat.kpu.go.id",
    },
    "site_url": "https://kab-bangkabarat.kpu.go.id/",
    "repository": "kpu-bangkabarat/informasi-hukum",
    "channels": {
        "accounts": {
            "x": {"handle": "@kpubangkabarat", "url": "https://x.com/kpubangkabarat"},
            "facebook": {
                "handle": "KPU Kabupaten Bangka Barat",
                "url": "https://www.facebook.com/kpubangkabarat",
            },
            "instagram": {
                "handle": "@kpubangkabarat",
                "url": "https://www.instagram.com/kpubangkabarat",
            },
            "telegram": {"handle": "@kpubangkabarat", "url": "https://t.me/kpubangkabarat"},
            "mastodon": {
                "handle": "@kpubangkabarat@mastodon.social",
                "url": "https://mastodon.social/@kpubangkabarat",
            },
        },
        "hashtags": ["#KPUBangkaBarat", "#InformasiHukum"],
    },
    "roles": {
        "tim_desain": ["desain-kpubabar"],
        "subbag_hukum": ["hukum-kpubabar"],
        "sekretaris": ["sekretaris-kpubabar"],
        "divisi_pengusul": ["divisi-teknis-kpubabar", "divisi-hukum-kpubabar"],
        "ketua": ["ketua-kpubabar"],
    },
    "dip": {
        "holder": "Subbagian Hukum dan SDM, Sekretariat KPU Kabupaten Bangka Barat",
        "responsible": "PPID KPU Kabupaten Bangka Barat",
        "place": "Muntok",
    },
}
SCANNED = ("kpu.yml", "content", "mkdocs.yml", ".github", "cms/config.yml")
SKIPPED = ("content/posts/",)  # publications may name other offices; they are reviewed
EXAMPLE_REGION = "Contoh"  # the guide's example office, "KPU Kota Contoh"
_OFFICE = re.compile(
    r"(?<!Ketua )(?<!Sekretaris )\b(?:KPU|Komisi Pemilihan Umum)\s+(?:\(KPU\)\s+)?(Kabupaten|Kota|Provinsi)"
    r"((?:[ \t]+[A-Z][\w-]*)+)"
)
COMPACT_MIN = 8  # shorter words only as words: "babar" must not match inside "probabar..."
_STOP = {"Nomor", "Tahun", "Republik", "Indonesia"}
_KABUPATEN = re.compile(r"\bKabupaten\b(?!/Kota)")


def sample_config() -> KpuConfig:
    return KpuConfig.model_validate(SAMPLE_OFFICE)


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def foreign_strings(config: KpuConfig, previous: KpuConfig | None = None) -> set[str]:
    """The previous office's words (by default the sample's) that are not this office's own."""
    previous = previous or sample_config()
    if previous.office.name == config.office.name:
        return set()  # the same office: its logins, accounts and contacts are its own
    ident = identity(config)
    # Only the new office's names excuse a word: logins, accounts, contacts and hashtags the
    # previous office left in kpu.yml are leftovers there too.
    names = (ident.name, ident.short_name, ident.area, ident.region, ident.seat, ident.province)
    mine = {_compact(n) for n in names if n}
    return {s for s in identity_strings(previous) if _compact(s) not in mine}


def find(text: str, config: KpuConfig, foreign: Iterable[str]) -> list[str]:
    """Every leftover in `text`, each once, in the order of the rules."""
    found: list[str] = []
    lowered, compact = text.lower(), _compact(text)
    for word in sorted(foreign, key=len, reverse=True):
        key = _compact(word)
        if (
            len(key) >= COMPACT_MIN
            and key in compact
            or re.search(r"(?<![a-z0-9])" + re.escape(word.lower()) + r"(?![a-z0-9])", lowered)
        ):  # "Bangka Barat" in "kab-bangkabarat"
            found.append(word)
    ident = identity(config)
    own = {ident.region, ident.province or "", EXAMPLE_REGION}
    for match in _OFFICE.finditer(text):
        words = []
        for word in match.group(2).split():
            if word in _STOP:
                break
            words.append(word)
        region = " ".join(words)
        if region and not any(region.startswith(o) for o in own if o):
            found.append(f"KPU {match.group(1)} {region}")
    if ident.type != "kabupaten" and _KABUPATEN.search(text):
        found.append("Kabupaten")
    return list(dict.fromkeys(found))


def scanned_files(root: Path) -> Iterator[Path]:
    for name in SCANNED:
        base = root / name
        paths = [base] if base.is_file() else sorted(base.rglob("*")) if base.is_dir() else []
        for path in paths:
            rel = path.relative_to(root).as_posix()
            if path.is_symlink() or not path.is_file() or rel.startswith(SKIPPED):
                continue
            yield path


def scan(root: Path, config: KpuConfig, previous: KpuConfig | None = None) -> dict[str, list[str]]:
    """File (relative to root) -> the leftovers in it, for every text file of SCANNED."""
    foreign = foreign_strings(config, previous)
    result: dict[str, list[str]] = {}
    for path in scanned_files(root):
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # images and other binary files
        found = find(text, config, foreign)
        if found:
            result[path.relative_to(root).as_posix()] = found
    return result
