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

Either step is skipped, and the blog runs as it is, when Material's internals are not what this
module was written against (a module attribute missing, a post class with its own `__eq__`).
`deactivate` undoes `activate`; `wrap_posts` changes one build's list, which dies with the build.
"""

from __future__ import annotations

import logging
from itertools import repeat
from operator import is_
from typing import Any

import yaml
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


def deactivate() -> None:
    if _originals:
        import material.plugins.blog.structure as structure

        structure.SafeLoader = _originals.pop("SafeLoader")


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
