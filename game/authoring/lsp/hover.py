"""Hover text: what a skill means, a style's point range, and what an id names."""

from __future__ import annotations

from lsprotocol import types

from game.authoring.lsp.context import key_of_line, word_at
from game.authoring.lsp.document import Doc
from game.authoring.lsp.navigation import symbol_under
from game.core.vocab import PARTLY_ASSERTIVE_MAX, SKILLS, STYLES


def skill_text(skill_id: str) -> str:
    s = SKILLS[skill_id]
    return f"**{s.name}** (`{s.id}`, skill)\n\n{s.meaning}."


def style_text(style_id: str) -> str:
    s = STYLES[style_id]
    text = f"**{s.word}** (`{s.id}`, style): {s.low} to {s.high} points; {s.default} if `points` is left out."
    if s.id == "assertive":
        text += (
            f"\n\nA reply of {s.low} to {PARTLY_ASSERTIVE_MAX} points is shown to the player as "
            f"**Partly assertive**; {PARTLY_ASSERTIVE_MAX + 1} to {s.high} as **Assertive**. "
            "Its feedback should say what would make it stronger."
        )
    return text


def _markdown(value: str, doc: Doc, line: int, start: int, end: int) -> types.Hover:
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=value),
        range=doc.range(line, start, line, end),
    )


def hover(doc: Doc, line: int, column: int) -> types.Hover | None:
    found = word_at(doc.lines, line, column)
    key = key_of_line(doc.lines, line)
    if found is not None:
        word, start, end = found
        if key == "skills" and word in SKILLS:
            return _markdown(skill_text(word), doc, line, start, end)
        if key == "style" and word in STYLES and word != "style":
            return _markdown(style_text(word), doc, line, start, end)
    sym = symbol_under(doc, line, column)
    if sym is None:
        return None
    text = f"**{sym.kind}** `{sym.name}` (line {sym.line + 1})"
    if sym.detail:
        text += f"\n\n{sym.detail}"
    ref = doc.index.ref_at(line, column)
    where = ref if ref is not None else sym
    return _markdown(text, doc, where.line, where.column, where.column + where.length)
