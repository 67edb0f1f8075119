"""Benchmark the merge flow on a 1,000-post site.

Run by hand:  .venv/bin/python bench/bench_merge_flow.py [N]
Targets (issue #6): `kpu build` <= 1.1x plain `mkdocs build` of the same tree, measured in the
same run; the whole local merge flow (kpu promote + kpu build + kpu publish to the outbox) <= 60 s.
The generated posts are the site's history: the ledger records them as posted on every channel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import VALID_DRAFT  # noqa: E402
from tests.fake_github import running  # noqa: E402
from tests.merge_flow import Scenario  # noqa: E402

POST = """\
---
title: "Publikasi informasi hukum nomor {i}"
description: "Ringkasan publikasi nomor {i} tentang keterbukaan informasi publik."
date: 2026-{month:02d}-{day:02d}T09:00:00+07:00
categories: [Informasi Hukum]
tags: [pemilu, ppid]
authors: [tim-desain]
request:
  number: "{i:04d}/ND/HK.03/Kab/X/2026"
  date: 2026-01-01
  unit: "Subbagian Hukum dan SDM"
election_stage: informasi-umum
legal_basis:
  - "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"
status: ready
---

Paragraf pembuka publikasi nomor {i} tentang hak atas informasi publik.

<!-- more -->

Penjelasan lanjutan: apa isi peraturannya, siapa yang terdampak, dan apa yang perlu dilakukan.
"""


def make_site(dest: Path, count: int) -> Path:
    dest.mkdir(parents=True)
    for name in ("kpu.yml", "mkdocs.yml"):
        shutil.copy(ROOT / name, dest / name)
    for name in ("data", "content"):
        shutil.copytree(ROOT / name, dest / name)
    (dest / "drafts").mkdir()
    posts = dest / "content" / "posts" / "2026"
    posts.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = POST.format(i=i, month=1 + i % 12, day=1 + i % 28)
        (posts / f"bench-publikasi-{i:04d}.md").write_text(text, encoding="utf-8")
    return dest


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1) or "Traceback" in done.stderr:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return elapsed


def plain_config(site: Path) -> Path:
    """mkdocs.yml without the kpu plugin: what MkDocs Material alone costs for the same tree.

    The site's address is set as any Material site sets it (the kpu plugin fills it from kpu.yml),
    so that the feeds, the sitemap and the canonical links are made as in the real build.
    Without the plugin the generated pages are missing from the nav, so this build is not strict.
    """
    from pipeline.core.config import load_config

    text = (site / "mkdocs.yml").read_text(encoding="utf-8")
    plain = site / "mkdocs-plain.yml"
    address = f"site_url: {load_config(site).base_url}\n"
    plain.write_text(address + text.replace("\n  - kpu\n", "\n"), encoding="utf-8")
    assert plain.read_text(encoding="utf-8") != text, "the kpu plugin line was not found"
    return plain


def record_history(site: Path) -> None:
    """The site's posts were published long ago: every channel of each is in the ledger."""
    from pipeline.check.validate import load_context, validate
    from pipeline.publish.posts import channels_of
    from pipeline.records.ledger import Ledger
    from pipeline.site.urls import post_path

    ctx = load_context(site)
    ledger = Ledger.of(site)
    book = ledger.load()
    for pub in validate(ctx, [site / "content" / "posts"]).publications:
        url = ctx.config.base_url + post_path(site / "mkdocs.yml", pub)
        book.page(pub.slug, pub.front.title, pub.path.as_posix(), url)
        for channel in channels_of(pub, ctx.config.channels.enabled):
            url = f"https://example.invalid/{channel}/{pub.slug}"
            book.mark(pub.slug, channel, "posted", remote_id=pub.slug, url=url, attempts=1)
    ledger.save(book)


def main(count: int) -> None:
    kpu = [sys.executable, "-m", "pipeline"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        site = make_site(Path(tmp) / "site", count)
        record_history(site)
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f"]
        plain_yml, same_yml = str(plain_config(site)), str(site / "mkdocs.yml")
        timed(mkdocs + [same_yml, "-d", str(Path(tmp) / "warm")], site, env)  # warm the caches
        same = timed(mkdocs + [same_yml, "--strict", "-d", str(Path(tmp) / "same")], site, env)
        plain = timed(mkdocs + [plain_yml, "-d", str(Path(tmp) / "plain")], site, env)
        ours = timed(kpu + ["build", "--site-dir", str(Path(tmp) / "kpu")], site, env)
        print(
            f"{count} posts: kpu build {ours:.1f} s; plain `mkdocs build --strict` of the same tree "
            f"{same:.1f} s (ratio {ours / same:.2f}x); Material alone, without the kpu plugin and "
            f"the pages it adds, {plain:.1f} s (ratio {ours / plain:.2f}x)"
        )

        with running() as github:
            flow = Scenario(Path(tmp), site, github)
            flow.merge_pr(12, {"drafts/2026-10-05-mengenal-uu-pemilu.md": VALID_DRAFT})
            github.review(12, "hukum-kpubabar", "APPROVED")
            github.review(12, "ketua-kpubabar", "APPROVED")
            clone = flow.clone()
            env_ci = {
                **env,
                "GITHUB_API_URL": github.url,
                "GITHUB_REPOSITORY": github.repository,
                "GITHUB_TOKEN": "fake",
            }
            start = time.perf_counter()
            promote = timed(kpu + ["promote"], clone, env_ci)
            build = timed(kpu + ["build", "--site-dir", "_site"], clone, env_ci)
            publish = timed(kpu + ["publish"], clone, env_ci)
            total = time.perf_counter() - start
        posted = sorted(p.name for p in (clone / "outbox").glob("*/*"))
        print(
            f"merge flow: kpu promote {promote:.1f} s + kpu build {build:.1f} s + "
            f"kpu publish (outbox) {publish:.1f} s = {total:.1f} s; outbox: {posted}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
