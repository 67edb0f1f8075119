"""Two costs of Material's blog plugin that grow with the square or the bulk of the posts, made
proportional for the length of one MkDocs build, with the same results.

- **"Is this page a post?"** The blog asks `page not in self.blog.posts` in its `on_page_markdown`
  and `on_page_content`, for every page of the site. `in` on a list compares the page with every
  post through MkDocs' `Page.__eq__`, a Python method: 1,000 posts and 1,360 pages make 2.1
  million calls, about a tenth of the whole build. `wrap_posts` makes that list answer with an
  identity scan in C first. Where that finds nothing the answer is exactly the list's own: `False`
  at once when the page is an instance of none of the posts' classes (`Page.__eq__` is then false
  for every post), else the list's own comparisons.
- **The posts' front matter.** The blog reads every post's YAML again with PyYAML's pure-Python
  `SafeLoader` (MkDocs and our staging have parsed it already). `activate` gives the blog's module
  a loader that parses with libyaml (`CSafeLoader`: the same constructor and resolver, a C
  scanner and parser) and, should libyaml refuse the text, parses it again with `SafeLoader`, so
  that an author still sees the blog's own message for a YAML mistake.

- **An excerpt's Markdown instance**, one per post, with every extension of the site (about half a
  millisecond each), made when the blog reads its posts, is made when the excerpt is first
  converted. A build whose excerpts all come from the build cache makes none. Until then the
  instance only records the two tree processors the blog registers on it (and hands them back by
  name, which is all the cache asks of it); they are registered, in the same order, as soon as
  the real instance is made.

Each step is skipped, and the blog runs as it is, when Material's internals are not what this
module was written against (a module attribute missing or different).
`deactivate` undoes `activate`; `wrap_posts` changes one build's list, which dies with the build.
"""

from __future__ import annotations

import logging
from itertools import repeat
from operator import is_
from typing import Any

import yaml
from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.kpu")
_originals: dict[str, Any] = {}


class _LibyamlFirst:
    """What `yaml.load(text, Loader)` needs of a loader: the document through libyaml, or
    through `SafeLoader` (its result and its error message) when libyaml refuses it."""

    def __init__(self, stream: str) -> None:
        self.stream = stream

    def get_single_data(self) -> Any:
        try:
            return yaml.load(self.stream, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            return yaml.load(self.stream, Loader=yaml.SafeLoader)

    def dispose(self) -> None:
        pass


def activate() -> None:
    """The blog reads its posts' front matter with libyaml (once per process until deactivate)."""
    if _originals or not getattr(yaml, "__with_libyaml__", False):
        return
    try:
        import material.plugins.blog.structure as structure
    except ImportError:  # no blog in this Material
        return
    if getattr(structure, "SafeLoader", None) is not yaml.SafeLoader:
        log.debug("blog front matter: Material reads it differently, left as it is")
        return
    _originals["SafeLoader"] = structure.SafeLoader
    structure.SafeLoader = _LibyamlFirst  # type: ignore[assignment,misc]
    if getattr(structure, "Markdown", None) is Markdown:
        _originals["Markdown"] = structure.Markdown
        structure.Markdown = LazyMarkdown  # type: ignore[misc]


def deactivate() -> None:
    if _originals:
        import material.plugins.blog.structure as structure

        structure.SafeLoader = _originals.pop("SafeLoader")
        if "Markdown" in _originals:
            structure.Markdown = _originals.pop("Markdown")  # type: ignore[misc]


class LazyMarkdown(Markdown):
    """A Markdown instance made on first use; until then its tree processors are recorded."""

    def __init__(self, **settings: Any) -> None:
        self.__dict__["_kpu_pending"] = (settings, [])

    def __getattr__(self, name: str) -> Any:  # only for what the instance does not have yet
        if name.startswith("__") or "_kpu_pending" not in self.__dict__:
            raise AttributeError(name)
        if name == "treeprocessors":
            return _Registrations(self)
        made(self)
        return getattr(self, name)


def made(md: Markdown) -> Markdown:
    """`md` with its extensions loaded and the recorded tree processors registered."""
    pending = md.__dict__.pop("_kpu_pending", None)
    if pending is not None:
        settings, registered = pending
        Markdown.__init__(md, **settings)
        for item, name, priority in registered:
            md.treeprocessors.register(item, name, priority)
    return md


class _Registrations:
    """An unmade instance's tree processors: registrations are recorded, a registered processor
    is handed back by name; anything else makes the instance and asks the real registry."""

    def __init__(self, md: LazyMarkdown) -> None:
        self.md = md

    def _pending(self) -> list[tuple[Any, str, float]] | None:
        pending = self.md.__dict__.get("_kpu_pending")
        return None if pending is None else pending[1]

    def register(self, item: Any, name: str, priority: float) -> None:
        registered = self._pending()
        if registered is None:
            made(self.md).treeprocessors.register(item, name, priority)
        else:
            registered.append((item, name, priority))

    def __getitem__(self, key: Any) -> Any:
        registered = self._pending()
        if registered is not None and isinstance(key, str):
            for item, name, _ in reversed(registered):
                if name == key:
                    return item
        return made(self.md).treeprocessors[key]

    def __getattr__(self, name: str) -> Any:
        return getattr(made(self.md).treeprocessors, name)

    def __iter__(self) -> Any:
        return iter(made(self.md).treeprocessors)

    def __len__(self) -> int:
        return len(made(self.md).treeprocessors)

    def __contains__(self, item: object) -> bool:
        return item in made(self.md).treeprocessors


class Posts(list):  # type: ignore[type-arg]
    """A blog's list of posts whose `in` costs an identity scan in C, with the list's answer."""

    def __contains__(self, page: object) -> bool:
        if any(map(is_, self, repeat(page))):
            return True
        if all(
            kind.__eq__ is Page.__eq__ and not isinstance(page, kind) for kind in {*map(type, self)}
        ):
            return False  # Page.__eq__ accepts only an instance of the post's own class
        return super().__contains__(page)


def wrap_posts(config: MkDocsConfig) -> None:
    """After the blogs' on_files: each blog's post list as `Posts` (same items, same order)."""
    for plugin in config.plugins.values():
        blog = getattr(plugin, "blog", None)
        posts = getattr(blog, "posts", None)
        if type(posts) is not list or isinstance(posts, Posts):
            continue
        blog.posts = Posts(posts)  # type: ignore[union-attr]
