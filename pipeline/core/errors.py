"""One exception tree for the pipeline; library errors are translated at the edge."""

from __future__ import annotations

from pipeline.core.problems import Problem


class PipelineError(Exception):
    """Base of every error the pipeline reports to a person (message in Indonesian)."""


class ConfigError(PipelineError):
    """kpu.yml or a data file is invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.format_text() for p in problems))
        self.problems = problems


class ValidationFailed(PipelineError):
    """Publications failed validation; nothing downstream may run."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.format_text() for p in problems))
        self.problems = problems


class BuildError(PipelineError):
    """mkdocs build failed."""


class GitError(PipelineError):
    """A git operation failed (translated from GitPython)."""


class RemoteError(PipelineError):
    """A remote API (GitHub, a social network) failed after retries."""

    status: int | None = None  # the HTTP status, when the remote answered
