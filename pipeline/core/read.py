"""Read a Markdown file with YAML front matter safely: size, encoding, syntax, no aliases.

Keeps the YAML node tree so that any problem can be pointed at its line.
"""

from __future__ import annotations

import errno
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pipeline.core import os_errors, yaml_problems
from pipeline.core.files import TooBig, read_limited
from pipeline.core.problems import Problem, error
from pipeline.messages import check as msg
from pipeline.messages import traps as traps_msg

MAX_FILE_BYTES = 1_000_000

# libyaml's parser and composer alone (CSafeLoader's Python constructor and resolver are not used:
# `_construct` builds the data, `_Loader.resolve` resolves), else PyYAML's pure-Python loader
_BaseLoader: type = yaml._yaml.CParser if yaml.__with_libyaml__ else yaml.SafeLoader
_RESOLVED_MAX = 50_000
_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()  # the safe loader's: implicit resolvers, no path resolvers


@functools.lru_cache(maxsize=_RESOLVED_MAX)
def _resolve(kind: type, value: Any, implicit: Any) -> str:
    return _RESOLVER.resolve(kind, value, implicit)  # type: ignore[no-any-return]


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The C loader with PyYAML's resolver made cheap: the C composer calls three Python methods
    for every node. The safe loader has no path resolvers, so descending and ascending do
    nothing: two builtins that take the same arguments and whose results the composer ignores
    stand in for them. A node's tag then depends only on its kind, text and implicit flags, so
    it is PyYAML's own resolution, cached (field names and most values repeat from file to
    file); a cache hit runs no Python code."""

    descend_resolver = slice  # slice(node, index): called, result ignored
    ascend_resolver = tuple  # tuple(): likewise
    resolve = staticmethod(_resolve)


_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SAFE = yaml.SafeLoader("")
_SCALARS = {
    tag: getattr(_SAFE, name)
    for tag, name in (
        ("tag:yaml.org,2002:null", "construct_yaml_null"),
        ("tag:yaml.org,2002:bool", "construct_yaml_bool"),
        ("tag:yaml.org,2002:int", "construct_yaml_int"),
        ("tag:yaml.org,2002:float", "construct_yaml_float"),
        (_TIMESTAMP, "construct_yaml_timestamp"),
    )
}


MAX_DEPTH = 20
"""Front matter nests three levels at most; anything deeper is a mistake or an attack."""


class _BadNode(Exception):
    """A node that parsed but cannot become data; carries the Indonesian message and line."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _construct(node: yaml.Node, depth: int = 0) -> Any:
    """Plain data from a composed tree. Aliases were refused before, so it is a tree, not a graph;
    this small walk replaces PyYAML's general constructor and halves the cost of loading."""
    if depth > MAX_DEPTH:
        raise _BadNode(msg.YAML_TOO_DEEP.format(limit=MAX_DEPTH), node.start_mark.line)
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    deeper = depth + 1
    # a string child is taken here, without a call (most values are strings); the rest recurses
    strings = deeper <= MAX_DEPTH
    if isinstance(node, yaml.SequenceNode):
        return [
            item.value
            if strings and item.tag == _STR and isinstance(item, yaml.ScalarNode)
            else _construct(item, deeper)
            for item in node.value
        ]
    result: dict[Any, Any] = {}
    lines: dict[Any, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise _BadNode(msg.YAML_KEY_NOT_TEXT, key_node.start_mark.line)
        key = key_node.value if key_node.tag == _STR else _scalar(key_node)
        if not isinstance(key, str):
            key = key_node.value  # `1:` or `true:` is a field name, compared as written
        line = key_node.start_mark.line
        if key in result:
            text = msg.YAML_DUPLICATE_KEY.format(key=key, first=lines[key] + 1, second=line + 1)
            raise _BadNode(text, line)
        lines[key] = line
        if strings and value_node.tag == _STR and isinstance(value_node, yaml.ScalarNode):
            result[key] = value_node.value
        else:
            result[key] = _construct(value_node, deeper)
    return result


def _scalar(node: yaml.ScalarNode) -> Any:
    """One scalar by its resolved tag; a value PyYAML cannot build (`!!timestamp x`) is a problem
    on its line, never an exception from inside PyYAML."""
    if node.tag == _STR:
        return node.value
    construct = _SCALARS.get(node.tag)
    if construct is None:
        raise _BadNode(msg.YAML_TAG.format(tag=node.tag), node.start_mark.line)
    try:
        return construct(node)
    except Exception as exc:  # PyYAML's constructors raise whatever their regex match leaves
        if node.tag == _TIMESTAMP and isinstance(exc, (ValueError, OverflowError)):
            text = msg.YAML_BAD_DATE.format(
                got=node.value
            )  # looks like a date, is none: 13th month
        else:
            kind = msg.YAML_KINDS.get(node.tag.rsplit(":", 1)[-1], node.tag)
            text = msg.YAML_BAD_VALUE.format(got=node.value, tag=kind)
        raise _BadNode(text, node.start_mark.line) from exc


class ReadFailed(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass
class YamlDoc:
    """Parsed YAML with its node tree; `first_line` is the file line of the YAML's first line."""

    data: Any
    node: yaml.Node | None
    first_line: int
    text: str = ""
    """The YAML as written: comments and the way values were typed are not in the tree."""

    def line_of(self, loc: tuple[str | int, ...]) -> int:
        """The file line of the value at `loc` (or of the nearest existing parent)."""
        node = self.node
        line = node.start_mark.line if node is not None else 0
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if key.value == part:
                        line, node = key.start_mark.line, value
                        break
                else:
                    break
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if part >= len(node.value):
                    break
                node = node.value[part]
                line = node.start_mark.line
            else:
                break
        return self.first_line + line


@dataclass
class Document:
    """A Markdown file split into its front matter and body."""

    path: Path
    display: str
    front: YamlDoc
    body: str
    body_line: int

    @property
    def meta(self) -> dict[str, Any]:
        return self.front.data  # type: ignore[no-any-return]


def load_as(text: str, loader: type[yaml.SafeLoader]) -> Any:
    """`yaml.load(text, Loader=loader)` for a trusted file such as mkdocs.yml, parsed by libyaml:
    the same constructors and resolvers (copies of `loader`'s) on the C parser, about ten times
    faster. A document libyaml refuses is loaded again with `loader` itself, so its error is
    PyYAML's."""
    if not yaml.__with_libyaml__:
        return yaml.load(text, Loader=loader)
    try:
        twin = _C_TWINS.get(loader) or _C_TWINS.setdefault(loader, _c_twin(loader))
        return yaml.load(text, Loader=twin)
    except yaml.YAMLError:
        return yaml.load(text, Loader=loader)


_C_TWINS: dict[type, type] = {}


def _c_twin(loader: type[yaml.SafeLoader]) -> type:
    return type(
        f"C{loader.__name__}",
        (yaml.CSafeLoader,),
        {
            "yaml_constructors": dict(loader.yaml_constructors),
            "yaml_multi_constructors": dict(loader.yaml_multi_constructors),
            "yaml_implicit_resolvers": dict(loader.yaml_implicit_resolvers),
        },
    )


def load_yaml(text: str, display: str, first_line: int = 1) -> YamlDoc:
    """Parse YAML with the C loader; refuse anchors/aliases (billion-laughs) outright."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None and ("&" in text or "*" in text) and _has_alias(node):
            raise ReadFailed(error(display, first_line, msg.YAML_ALIAS))
        data = _construct(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        pinned = yaml_problems.explain(exc, text)
        if pinned is not None:
            at, problem = pinned
            message = traps_msg.YAML_WRONG.format(problem=problem)
            raise ReadFailed(error(display, first_line + at, message)) from exc
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        problem = _say_problem(exc.problem or str(exc))
        raise ReadFailed(error(display, line, msg.YAML_SYNTAX.format(problem=problem))) from exc
    except _BadNode as exc:
        raise ReadFailed(error(display, first_line + exc.line, exc.message)) from exc
    except yaml.YAMLError as exc:  # e.g. reader errors on control characters
        problem = _say_problem(str(exc))
        raise ReadFailed(
            error(display, first_line, msg.YAML_SYNTAX.format(problem=problem))
        ) from exc
    finally:
        loader.dispose()
    return YamlDoc(data, node, first_line, text)


def _say_problem(problem: str) -> str:
    return msg.YAML_PROBLEMS.get(problem) or msg.YAML_PROBLEM_OTHER.format(problem=problem)


def _has_alias(root: yaml.Node) -> bool:
    """An alias makes the composer reuse a node object; any node reached twice is one."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False


def read_text(path: Path, display: str) -> str:
    """Read a file as UTF-8 text within the size limit, or raise ReadFailed with the fix."""
    try:
        raw = read_limited(path, MAX_FILE_BYTES)  # bytes read, not st_size (0 for a device)
    except TooBig as exc:
        too_big = msg.TOO_BIG.format(limit=MAX_FILE_BYTES)
        raise ReadFailed(error(display, None, too_big)) from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # a symlink, never followed: it could point anywhere
            raise ReadFailed(error(display, None, msg.SYMLINK_NOT_READ)) from exc
        raise ReadFailed(
            error(display, None, msg.UNREADABLE.format(reason=os_errors.reason(exc)))
        ) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ReadFailed(error(display, line, msg.NOT_UTF8.format(pos=exc.start))) from exc
    return text.removeprefix("\ufeff")


_BOUNDARY = re.compile(r"^-{3,}\s*$", re.MULTILINE)  # python-frontmatter's YAMLHandler.FM_BOUNDARY


def read_document(path: Path, display: str) -> Document:
    """Read and split one Markdown file; every failure is a ReadFailed naming file and line."""
    text = read_text(path, display)
    if not _BOUNDARY.match(text):  # python-frontmatter's YAML test, without importing it
        raise ReadFailed(error(display, 1, msg.NO_FRONT_MATTER))
    parts = _BOUNDARY.split(text, 2)
    if len(parts) < 3:
        raise ReadFailed(error(display, 1, msg.NO_FRONT_MATTER))
    _, fm, body = parts
    front = load_yaml(fm, display, first_line=1)
    if not isinstance(front.data, dict):
        got = "kosong" if front.data is None else type(front.data).__name__
        raise ReadFailed(error(display, 1, msg.NOT_A_MAPPING.format(got=got)))
    body_line = fm.count("\n") + 2
    return Document(path, display, front, body.lstrip("\n"), body_line + _leading_newlines(body))


def _leading_newlines(body: str) -> int:
    return len(body) - len(body.lstrip("\n"))
