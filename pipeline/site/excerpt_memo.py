"""Blog excerpts converted once per build instead of once per view.

Material's blog converts a post's whole Markdown again for every view that lists it (the blog
index page, its month archive, its category), with one Markdown instance per post, only to point
the links at the view. Of that conversion only two tree processors depend on the view: Material's
`relpath` (links relative to the view) and `excerpt` (headings linked to the post). `memoize`
makes the instance keep the tree as it stands before the first of them, for the last Markdown
source it converted, and run only those processors and the ones after them, the serializer and
the postprocessors on a copy of it: the same steps in the same order, so the same HTML.
"""

from __future__ import annotations

import copy
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Markdown

VIEW_DEPENDENT = ("relpath", "excerpt")  # Material's blog: plugins/blog/structure/__init__.py


class _Memo:
    def __init__(self, md: Markdown, convert: Any) -> None:
        self.md = md
        self.convert = convert  # the instance's own method, for a source nothing to cache in
        self.source: str | None = None
        self.tree: Element | None = None

    def __call__(self, source: str) -> str:
        md = self.md
        processors = list(md.treeprocessors)  # in the order convert runs them
        names = [item.name for item in md.treeprocessors._priority]  # type: ignore[attr-defined]
        split = min((names.index(name) for name in VIEW_DEPENDENT if name in names), default=0)
        if split == 0 or not source.strip():
            return str(self.convert(source))
        if source != self.source or self.tree is None:
            self.tree = None
            md.lines = source.split("\n")
            for prep in md.preprocessors:
                md.lines = prep.run(md.lines)
            root = md.parser.parseDocument(md.lines).getroot()
            for processor in processors[:split]:
                root = processor.run(root) or root
            self.source, self.tree = source, root
        root = copy.deepcopy(self.tree)
        for processor in processors[split:]:
            root = processor.run(root) or root
        output = md.serializer(root)
        if md.stripTopLevelTags:  # as Markdown.convert
            start = output.find(f"<{md.doc_tag}>")
            end = output.rfind(f"</{md.doc_tag}>")
            if start < 0 or end < 0:
                return str(self.convert(source))
            output = output[start + len(md.doc_tag) + 2 : end].strip()
        for postprocessor in md.postprocessors:
            output = postprocessor.run(output)
        return output.strip()


def memoize(md: Markdown) -> None:
    """Make `md.convert` reuse the view-independent work for a source it converted last
    (once per instance)."""
    if not isinstance(md.__dict__.get("convert"), _Memo):
        md.convert = _Memo(md, md.convert)  # type: ignore[method-assign]
