"""The theme's templates compiled once, not in every build: Jinja compiles each of the ~80
templates a build loads from its source (about 0.24 s of CPU a build); with the build cache the
compiled code of a template whose source did not change is loaded from it instead, through
Jinja's own bytecode-cache interface.

The entry's key holds the build's fingerprint (configuration, theme, package versions: what
decides how Jinja compiles), the Python version (the format of compiled code), the template's
name and file, and the hash of its source. The entry keeps the compiled code with its SHA-256:
code whose bytes do not match it, or that does not load, is compiled anew. Loaded code runs in
the build, so the cache is trusted as much as the repository: only main's own publish job writes
the Actions cache that restores it (see .github/workflows/publish.yml), as it writes the HTML
the cache gives back.
"""

from __future__ import annotations

import base64
import hashlib
import marshal
import sys
from collections.abc import Callable
from types import CodeType

import jinja2
from jinja2.bccache import Bucket
from mkdocs.theme import Theme

from pipeline.site.render_cache import RenderCache, digest

KIND = "template"
_original: Callable[[Theme], jinja2.Environment] | None = None
_templates: CachedTemplates | None = None


class CachedTemplates(jinja2.BytecodeCache):
    """Compiled templates in `cache` (kind "template"), under `fingerprint`."""

    def __init__(self, cache: RenderCache, fingerprint: str) -> None:
        self.cache = cache
        self.fingerprint = fingerprint

    def _key(self, bucket: Bucket) -> str:
        return digest(self.fingerprint, sys.version_info[:2], bucket.key, bucket.checksum)

    def load_bytecode(self, bucket: Bucket) -> None:
        entry = self.cache.get(KIND, self._key(bucket))
        if entry is None:
            return
        try:
            data = base64.b64decode(entry["code"], validate=True)
            if hashlib.sha256(data).hexdigest() != entry["sha256"]:
                return  # damaged: compiled anew
            code = marshal.loads(data)
        except (KeyError, TypeError, ValueError, EOFError):
            return
        if isinstance(code, CodeType):
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is None:
            return
        data = marshal.dumps(bucket.code)
        code, sha256 = base64.b64encode(data).decode("ascii"), hashlib.sha256(data).hexdigest()
        self.cache.put(KIND, self._key(bucket), {"code": code, "sha256": sha256})


def activate(cache: RenderCache, fingerprint: str) -> None:
    """Every environment of the theme (the build's own, the blog's, the search's) loads its
    templates through `cache` until `deactivate`."""
    global _original, _templates
    _templates = CachedTemplates(cache, fingerprint)
    if _original is None:
        _original = Theme.get_env
        Theme.get_env = _get_env  # type: ignore[method-assign]


def deactivate() -> None:
    global _original, _templates
    _templates = None
    if _original is not None:
        Theme.get_env = _original  # type: ignore[method-assign,assignment]
        _original = None


def _get_env(self: Theme) -> jinja2.Environment:
    assert _original is not None
    environment = _original(self)
    if _templates is not None:
        environment.bytecode_cache = _templates
    return environment
