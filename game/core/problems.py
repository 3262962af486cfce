"""Positioned problems: what the validator tells an author.

A :class:`Problem` prints as ``PATH:LINE:COLUMN: error: MESSAGE`` (or
``warning:``), with LINE and COLUMN counted from 1, the form editors and
terminals turn into links.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    column: int
    severity: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"


def display_path(path: Path | str) -> str:
    """A path as an author would type it: relative to the working folder when inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(p)
