"""Translate pydantic validation errors into Indonesian problems pointing at YAML lines."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from pipeline.core.problems import Problem, error
from pipeline.core.read import YamlDoc
from pipeline.messages import check as msg

M = TypeVar("M", bound=BaseModel)


def validate_model(
    model: type[M], doc: YamlDoc, display: str, context: dict[str, Any] | None = None
) -> tuple[M | None, list[Problem]]:
    """Build `model` from the YAML data; on failure return every problem, one per field.

    `context` reaches the field validators (e.g. `tz`: naive times are read in kpu.yml's zone).
    """
    try:
        return model.model_validate(doc.data, context=context), []
    except ValidationError as exc:
        problems = []
        seen: set[tuple[Any, ...]] = set()
        for err in exc.errors(include_url=False):
            loc = data_loc(doc.data, err["loc"], missing=err["type"] == "missing")
            if loc in seen:  # unions report one error per branch; one message per field is enough
                continue
            seen.add(loc)
            problems.append(error(display, doc.line_of(loc), describe(err, loc, model)))
        return None, problems


def data_loc(data: Any, loc: tuple[Any, ...], missing: bool = False) -> tuple[Any, ...]:
    """The parts of a pydantic location that are keys or indexes in the data.

    Pydantic adds the names of union branches and validators (`str`, `function-after[...]`);
    only the data can tell those from a field the author really wrote, whatever its name. A
    missing field is, by definition, not in the data: its name is the last part.
    """
    kept: list[Any] = []
    current = data
    for i, part in enumerate(loc):
        if missing and i == len(loc) - 1 and isinstance(current, dict):
            kept.append(part)
            break
        in_dict = isinstance(current, dict) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if not (in_dict or in_list):
            continue
        current = current[part]
        kept.append(part)
    return tuple(kept)


def field_name(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc) or "(front matter)"


def _got(value: Any) -> str:
    if value is None:
        return "kosong"
    if isinstance(value, str):
        return f'"{value}"' if value.strip() else "teks kosong"
    if isinstance(value, list):
        return "sebuah daftar"
    if isinstance(value, dict):
        return "sekumpulan sub-kolom"
    if isinstance(value, bool):
        return str(value).lower()
    return f'"{value}"'


def _known_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _model_of(field.annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}).keys())


def _model_of(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def describe(err: Any, loc: tuple[Any, ...], model: type[BaseModel]) -> str:
    """One Indonesian sentence (or two) for one pydantic error."""
    kind: str = err["type"]
    field = field_name(loc)
    value = err.get("input")
    ctx = err.get("ctx") or {}
    got = _got(value)
    if kind == "missing":
        return msg.FIELD_REQUIRED.format(field=field)
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else ""
        close = difflib.get_close_matches(name, _known_fields(model, loc), n=1)
        suggestion = msg.FIELD_UNKNOWN_SUGGEST.format(close=close[0]) if close else ""
        return msg.FIELD_UNKNOWN.format(field=field, suggestion=suggestion)
    if kind == "string_too_short" or (kind == "too_short" and value in ("", None)):
        return msg.FIELD_EMPTY.format(field=field)
    if kind == "too_short":
        return msg.FIELD_LIST_MIN.format(field=field, min=ctx.get("min_length", 1))
    if kind in ("string_too_long", "too_long"):
        return msg.FIELD_TOO_LONG.format(
            field=field, length=len(str(value).strip()), limit=ctx.get("max_length")
        )
    if kind == "string_type":
        return msg.FIELD_TEXT.format(field=field, got=got)
    if kind in ("list_type", "tuple_type", "set_type"):
        return msg.FIELD_LIST.format(field=field)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return msg.FIELD_MAPPING.format(field=field, got=got)
    if kind.startswith("date_") and not kind.startswith("datetime"):
        return msg.FIELD_DATE.format(field=field, got=got)
    if kind.startswith("datetime") or kind.startswith("timezone"):
        return msg.FIELD_DATETIME.format(field=field, got=got)
    if kind in ("literal_error", "enum"):
        choices = str(ctx.get("expected", "")).replace(" or ", " atau ")
        return msg.FIELD_CHOICE.format(field=field, choices=choices, got=got)
    if kind.startswith("url"):
        return msg.FIELD_URL.format(field=field, got=got)
    if kind.startswith("bool"):
        return msg.FIELD_BOOL.format(field=field, got=got)
    if kind.startswith("int"):
        return msg.FIELD_INT.format(field=field, got=got)
    if kind == "value_error":
        return msg.FIELD_RULE.format(field=field, detail=ctx.get("error", ""))
    detail = str(ctx.get("error", err.get("msg", "")))
    return msg.FIELD_INVALID.format(field=field, detail=detail, got=got)
