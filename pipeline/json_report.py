"""The `--json` output of `kpu check`, `kpu approvals` and `kpu publish --dry-run`.

One JSON object on stdout, nothing else there; the shapes are documented in README ("JSON
output") and carry `"version": 1`, raised only when a field changes meaning or goes away.
Keys and status values are stable English identifiers; messages stay Indonesian.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.core.problems import Level, Problem
from pipeline.publish.delivery import Outcome
from pipeline.review.approvals import ApprovalState

VERSION = 1


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)


def check(problems: Iterable[Problem], files: int, notice: str | None) -> dict[str, Any]:
    rows = sorted(problems, key=lambda p: (p.path, p.line or 0))
    errors = sum(p.level is Level.ERROR for p in rows)
    return {
        "version": VERSION,
        "ok": errors == 0,
        "files": files,
        "errors": errors,
        "warnings": len(rows) - errors,
        "problems": [
            {"path": p.path, "line": p.line, "level": p.level.value, "message": p.message}
            for p in rows
        ],
        "notice": notice,
    }


def approvals(
    number: int, state: ApprovalState, rules_from: str | None, governed: Iterable[str]
) -> dict[str, Any]:
    return {
        "version": VERSION,
        "pull_request": number,
        "author": state.author,
        "complete": state.complete,
        "signoffs": [{"rule": s.rule, "login": s.login, "role": s.role} for s in state.signoffs],
        "missing": [{"rule": r.name, "any_of": list(r.any_of)} for r in state.missing],
        "blockers": [{"login": b.login, "role": b.role} for b in state.blockers],
        "self_approved": state.self_approved,
        "without_role": list(state.without_role),
        "stale": [
            {"login": s.login, "commit": s.commit, "files": list(s.files)} for s in state.stale
        ],
        "governed_files": list(governed),
        "rules_from": rules_from,
    }


def dry_run(outcomes: Iterable[Outcome], folder: Path, skipped: Iterable[str]) -> dict[str, Any]:
    rows = list(outcomes)
    return {
        "version": VERSION,
        "dry_run": True,
        "folder": str(folder),
        "ok": not any(o.status in ("failed", "unresolved") for o in rows),
        "posts": [
            {
                "slug": o.slug,
                "channel": o.channel,
                "status": o.status,
                "url": o.url,
                "detail": o.detail,
            }
            for o in rows
        ],
        "not_verified": list(skipped),
    }
