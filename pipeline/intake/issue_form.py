"""SOP step 1 intake: the "Permintaan Publikasi" issue form (the Nota Dinas) becomes a draft.

GitHub renders issue form answers as Markdown sections ("### Label", blank line, value);
this reads them back, checks them, and fills the `kpu new` draft template with them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.core import frontmatter_edit as fm
from pipeline.core.errors import PipelineError
from pipeline.core.timeutil import now
from pipeline.intake.slug import slugify
from pipeline.messages import intake as msg
from pipeline.messages.new_template import DRAFT

LABELS = {
    "title": "Judul publikasi",
    "number": "Nomor Nota Dinas",
    "date": "Tanggal Nota Dinas",
    "unit": "Unit pengusul",
    "need": "Kebutuhan publikasi",
    "stage": "Tahapan pemilu",
    "regulations": "Dasar hukum",
}
NO_RESPONSE = "_No response_"
_HEADING = re.compile(r"^###\s+(.+?)\s*$", re.MULTILINE)


class IntakeError(PipelineError):
    """The issue cannot become a draft; carries every reason, in Indonesian."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class PublicationRequest:
    """What the memo asks for, as read from the issue form."""

    title: str
    number: str
    date: dt.date
    unit: str
    need: str
    stage: str
    regulations: tuple[str, ...]
    issue: int | None = None


def sections(body: str) -> dict[str, str]:
    """`### Label` -> value; GitHub's "_No response_" becomes empty."""
    found: dict[str, str] = {}
    parts = _HEADING.split(body.replace("\r\n", "\n"))
    for label, value in zip(parts[1::2], parts[2::2], strict=True):
        text = value.strip()
        found[label.strip()] = "" if text == NO_RESPONSE else text
    return found


def parse(body: str, stages: list[str], issue: int | None = None) -> PublicationRequest:
    """Every problem at once (IntakeError), or the request."""
    found = sections(body)
    if not found:
        raise IntakeError([msg.NO_SECTIONS])
    values = {key: found.get(label, "") for key, label in LABELS.items()}
    problems = [msg.FIELD_MISSING.format(label=LABELS[k]) for k, v in values.items() if not v]
    date = None
    if values["date"]:
        try:
            date = dt.date.fromisoformat(values["date"])
        except ValueError:
            problems.append(msg.DATE_INVALID.format(got=values["date"]))
    stage = values["stage"].split(" — ")[0].strip()
    if stage and stage not in stages:
        problems.append(msg.STAGE_UNKNOWN.format(got=stage, choices=", ".join(stages)))
    if problems or date is None:
        raise IntakeError(problems)
    regulations = tuple(
        line.strip().lstrip("-*").strip()
        for line in values["regulations"].splitlines()
        if line.strip()
    )
    return PublicationRequest(
        values["title"],
        values["number"],
        date,
        values["unit"],
        values["need"],
        stage,
        regulations,
        issue,
    )


def draft_text(request: PublicationRequest, today: dt.date) -> str:
    """The `kpu new` template, with the memo's answers in place of its blanks."""
    text = DRAFT.format(title=request.title.replace('"', '\\"'), today=today.isoformat())
    memo = {"number": request.number, "date": request.date, "unit": request.unit}
    issue = f" #{request.issue}" if request.issue else ""
    need = "\n".join(f"#   {line}" for line in request.need.splitlines())
    block = fm.render("request", memo) + msg.NEED_COMMENT.format(issue=issue) + "\n" + need + "\n"
    text = fm.set_key(text, "request", block)
    text = fm.set_key(text, "election_stage", fm.render("election_stage", request.stage))
    return fm.set_key(text, "legal_basis", fm.render("legal_basis", list(request.regulations)))


def create_from_issue(root: Path, request: PublicationRequest) -> Path:
    """Write drafts/<today>-<slug>.md; FileExistsError if it is already there."""
    today = now().date()
    path = root / "drafts" / f"{today.isoformat()}-{slugify(request.title)}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(draft_text(request, today))
    return path


def load_request(root: Path, source: str) -> PublicationRequest:
    """`source` is an issue number (read through the GitHub API) or a file with the issue body."""
    from pipeline.check.stages import load_stages
    from pipeline.core.config import load_config
    from pipeline.core.github import GitHub

    stages = list(load_stages(root))
    if source.isdigit():
        issue = GitHub.from_env(load_config(root).repository).issue(int(source))
        return parse(str(issue.get("body") or ""), stages, int(source))
    path = Path(source)
    if not path.is_file():
        raise IntakeError([msg.NOT_FOUND.format(path=source)])
    return parse(path.read_text(encoding="utf-8"), stages)


FORM_FILE = ".github/ISSUE_TEMPLATE/permintaan-publikasi.yml"
_OPTIONS = re.compile(
    r"(?P<head>^\s+id: tahapan\n(?:.*\n)*?(?P<indent>\s+)options:\n)(?P<items>(?:\s+- .*\n)*)",
    re.MULTILINE,
)


_NOTE_CODE = re.compile(r"(placeholder: \d+/ND/HK\.03/)(?:Kab|Kota|Prov)(/)")


def form_with_stages(text: str, stages: dict[str, str], note_code: str | None = None) -> str:
    """The issue form with its stage dropdown listing `stages` (key -> name) and, given the
    office's code (Kab, Kota, Prov), the example Nota Dinas number; all else kept."""
    if note_code is not None:
        text = _NOTE_CODE.sub(lambda m: m.group(1) + note_code + m.group(2), text)
    match = _OPTIONS.search(text)
    if match is None:
        raise ValueError(f"{FORM_FILE}: no options under the dropdown 'tahapan'")
    indent = match.group("indent") + "  "
    items = "".join(f"{indent}- {key} — {name}\n" for key, name in stages.items())
    return text[: match.start("items")] + items + text[match.end("items") :]
