"""BPHN's JDIHN member-feed schema (vendored, see tests/schemas/README.md) as a feed validator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jsonschema import Draft7Validator, FormatChecker

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "jdihn-document-schema.json").read_text())
FEED = Draft7Validator({"type": "array", "items": SCHEMA}, format_checker=FormatChecker())
BASE = "https://kab-bangkabarat.kpu.go.id/"


def errors(records: Any) -> list[str]:
    """Every schema violation of a feed, format checks included (the built feed is validated by
    tests/test_regulation_site.py, which shares one build)."""
    return [f"{list(e.absolute_path)}: {e.message}" for e in FEED.iter_errors(records)]
