"""The theme's templates compiled once: a build with the cache loads the compiled code the build
before kept, and code that is damaged or not code is compiled again, never run."""

from __future__ import annotations

import base64
import hashlib
import json
import marshal
import sqlite3
from pathlib import Path
from typing import Any

import jinja2
import pytest

from pipeline.site.cached_templates import KIND, CachedTemplates
from pipeline.site.render_cache import RenderCache

TEMPLATES = {
    "base.html": "<title>{{ title }}</title>{% block body %}{% endblock %}",
    "page.html": '{% extends "base.html" %}{% block body %}<p>{{ text }}</p>{% endblock %}',
}


class Counting(jinja2.Environment):
    compiled: list[str | None]

    def compile(self, source: Any, name: str | None = None, *args: Any, **kwargs: Any) -> Any:
        self.compiled.append(name)
        return super().compile(source, name, *args, **kwargs)


def _render(folder: Path, fingerprint: str = "f") -> tuple[str, list[str | None]]:
    """One build: a new environment over the cache in `folder`, committed at its end."""
    cache = RenderCache(folder)
    environment = Counting(
        loader=jinja2.DictLoader(TEMPLATES),
        autoescape=True,
        bytecode_cache=CachedTemplates(cache, fingerprint),
    )
    environment.compiled = []
    html = environment.get_template("page.html").render(title="Judul", text="<b>isi</b>")
    cache.prune([KIND])
    cache.close()
    return html, environment.compiled


def _set_entries(folder: Path, change: Any) -> None:
    """`change(entry, other)` for each of the two templates' entries (`other`: the other's)."""
    with sqlite3.connect(folder / "entries.sqlite") as db:
        rows = db.execute("SELECT rowid, entry FROM entries WHERE kind = ?", (KIND,)).fetchall()
        assert len(rows) == 2
        entries = [json.loads(text) for _, text in rows]
        for (rowid, _), entry, other in zip(rows, entries, entries[::-1], strict=True):
            changed = json.dumps(change(entry, other))
            db.execute("UPDATE entries SET entry = ? WHERE rowid = ?", (changed, rowid))


def test_the_next_build_loads_the_compiled_templates_instead_of_compiling(tmp_path: Path) -> None:
    first, compiled = _render(tmp_path)
    assert first == "<title>Judul</title><p>&lt;b&gt;isi&lt;/b&gt;</p>"
    assert sorted(compiled) == ["base.html", "page.html"]
    again, compiled = _render(tmp_path)
    assert (again, compiled) == (first, [])
    # another fingerprint (configuration, theme, packages): compiled anew
    assert _render(tmp_path, fingerprint="g")[1] == ["page.html", "base.html"]


@pytest.mark.parametrize(
    "damage",
    [
        # code that loads, but not the code its hash was taken of (the other template's)
        lambda entry, other: {**entry, "code": other["code"]},
        # not base64, no hash
        lambda entry, other: {**entry, "code": "%%%"},
        lambda entry, other: {key: value for key, value in entry.items() if key != "sha256"},
        # marshal data that is no code, with its right hash
        lambda entry, other: {
            **entry,
            "code": base64.b64encode(marshal.dumps(42)).decode(),
            "sha256": hashlib.sha256(marshal.dumps(42)).hexdigest(),
        },
    ],
)
def test_damaged_compiled_code_is_compiled_again_and_the_page_is_the_same(
    tmp_path: Path, damage: Any
) -> None:
    first, _ = _render(tmp_path)
    _set_entries(tmp_path, damage)
    again, compiled = _render(tmp_path)
    assert again == first
    assert sorted(compiled) == ["base.html", "page.html"]
    assert _render(tmp_path)[1] == []  # written again, whole
