"""Election stages (SOP step 3): is the publication's need still within a current stage?"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictStr, StringConstraints, model_validator

from pipeline.core.errors import ConfigError
from pipeline.core.read import ReadFailed, load_yaml, read_text
from pipeline.core.schema import validate_model

STAGES_FILE = "data/election_stages.yml"
Text = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1)]


class Stage(BaseModel):
    """One stage or activity; `general` ones (information outside any stage) never end."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: Text = Field(description="Indonesian name shown to staff.")
    general: bool = Field(False, description="Outside any stage: always current.")
    start: dt.date | None = Field(None, description="First day of the stage.")
    end: dt.date | None = Field(None, description="Last day of the stage.")

    @model_validator(mode="after")
    def _window(self) -> Stage:
        if not self.general and (self.start is None or self.end is None):
            raise ValueError("tahapan wajib punya start dan end, atau general: true")
        if self.start and self.end and self.end < self.start:
            raise ValueError("tanggal end lebih awal dari start")
        return self

    def ended(self, today: dt.date) -> bool:
        return not self.general and self.end is not None and today > self.end

    def not_started(self, today: dt.date) -> bool:
        return not self.general and self.start is not None and today < self.start


class Stages(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    stages: dict[Text, Stage] = Field(min_length=1)


def load_stages(root: Path) -> dict[str, Stage]:
    try:
        doc = load_yaml(read_text(root / STAGES_FILE, STAGES_FILE), STAGES_FILE)
    except ReadFailed as exc:
        raise ConfigError([exc.problem]) from exc
    parsed, problems = validate_model(Stages, doc, STAGES_FILE)
    if parsed is None:
        raise ConfigError(problems)
    return dict(parsed.stages)
