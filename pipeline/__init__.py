"""KPU publishing pipeline: read -> validate -> promote -> build -> post -> record."""

from __future__ import annotations

__version__ = "0.1.0"
