"""What the cursor is on, read from the line it is in (works on half-typed text).

Positions are 0-based, columns in code points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from game.authoring.lsp.index import indent_of

_KEY_VALUE = re.compile(r"^(\s*)(-\s+)?([A-Za-z_][\w-]*):(\s*)(.*)$")
_LIST_ITEM = re.compile(r"^(\s*)-[ \t]*([\w-]*)$")
_WORD = re.compile(r"[\w-]+")


@dataclass(frozen=True)
class Slot:
    """The value being typed at the cursor: which key it belongs to and where it starts."""

    key: str  # next, start, speaker, mood, reply_mood, style, tone, skills
    start: int  # column where the typed value starts
    typed: str  # what is typed so far
    needs_space: bool = False  # the cursor is right after "key:"
    top_level: bool = False


def _parent_key(lines: list[str], line: int) -> str | None:
    """The key of the nearest line above that is indented less than ``line``."""
    own = indent_of(lines[line])
    for i in range(line - 1, -1, -1):
        row = lines[i]
        if not row.strip() or row.lstrip().startswith("#"):
            continue
        if indent_of(row) < own or (indent_of(row) == own and not row.lstrip().startswith("-")):
            m = _KEY_VALUE.match(row)
            return m.group(3) if m and not m.group(5).strip() else None
    return None


def slot_at(lines: list[str], line: int, column: int) -> Slot | None:
    """The value slot the cursor is in, or None when it is not in one we complete."""
    if line >= len(lines):
        return None
    prefix = lines[line][:column]
    m = _KEY_VALUE.match(prefix)
    if m:
        key, value = m.group(3), m.group(5)
        value_start = m.start(5)
        if key == "skills":
            if not value.startswith("["):
                return None
            cut = max(value.rfind("["), value.rfind(","))
            typed = value[cut + 1 :].lstrip()
            return Slot("skills", column - len(typed), typed)
        if not re.fullmatch(r"[^\s#]*", value):
            return None
        return Slot(
            key, value_start, value, needs_space=not m.group(4),
            top_level=not m.group(1) and not m.group(2),
        )  # fmt: skip
    item = _LIST_ITEM.match(prefix)
    if item and _parent_key(lines, line) == "skills":
        return Slot("skills", item.start(2), item.group(2))
    return None


def word_at(lines: list[str], line: int, column: int) -> tuple[str, int, int] | None:
    """The id-like word under the cursor: (word, start, end)."""
    if line >= len(lines):
        return None
    for m in _WORD.finditer(lines[line]):
        if m.start() <= column <= m.end():
            return m.group(0), m.start(), m.end()
    return None


def key_of_line(lines: list[str], line: int) -> str | None:
    """The key a line's value belongs to (``style`` for ``style: passive``), or
    ``skills`` for an item of a block list under ``skills:``."""
    if line >= len(lines):
        return None
    m = _KEY_VALUE.match(lines[line])
    if m:
        return m.group(3)
    if _LIST_ITEM.match(lines[line].rstrip()) and _parent_key(lines, line) == "skills":
        return "skills"
    return None


def value_start(lines: list[str], line: int) -> int | None:
    m = _KEY_VALUE.match(lines[line]) if line < len(lines) else None
    return m.start(5) if m else None
