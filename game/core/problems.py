"""Positioned problems: what the validator tells an author.

A :class:`Problem` prints as ``PATH:LINE:COLUMN: error: MESSAGE`` (or
``warning:``), with LINE and COLUMN counted from 1, the form editors and
terminals turn into links.
"""

from __future__ import annotations

import os
import re
import unicodedata
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

    def __post_init__(self) -> None:
        # Invisible characters (zero-width, bidi controls, control codes) are shown escaped,
        # so a lookalike such as '\u200bpushback' never reads the same as 'pushback'.
        object.__setattr__(self, "path", visible(self.path))
        object.__setattr__(self, "message", visible(self.message))

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"


# Anything outside printable ASCII is checked by category; printable text passes at once.
_MAYBE_INVISIBLE = re.compile(r"[^\x20-\x7e]")
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def _escape(ch: str) -> str:
    if ch == " ":
        return ch
    code = ord(ch)
    if unicodedata.category(ch) in _INVISIBLE_CATEGORIES or (
        unicodedata.category(ch) == "Zs" and code != 0x20
    ):
        if code < 0x100:
            return {"\t": "\\t", "\n": "\\n", "\r": "\\r"}.get(ch, f"\\x{code:02x}")
        return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
    return ch


def visible(text: str) -> str:
    """``text`` with control, format (zero-width, bidi), unpaired-surrogate and unusual space
    characters written as escapes (``\\u200b``), so what a message quotes can be seen and
    printed on any terminal."""
    if not _MAYBE_INVISIBLE.search(text):
        return text
    return _MAYBE_INVISIBLE.sub(lambda m: _escape(m.group()), text)


def display_path(path: Path | str) -> str:
    """A path as an author would type it: relative to the working folder when inside it.

    A name that is not valid UTF-8 shows its undecodable bytes as ``\\xff``, so it can be
    printed, drawn with a font and written to a log.
    """
    p = Path(path)
    try:
        shown = str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        shown = str(p)
    if any("\udc80" <= ch <= "\udcff" for ch in shown):
        shown = os.fsencode(shown).decode("utf-8", "backslashreplace")
    return visible(shown)
