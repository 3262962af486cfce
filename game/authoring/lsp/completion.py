"""Completion of the values the format fixes: ids at next/start/speaker, moods, styles,
tones and skills."""

from __future__ import annotations

from lsprotocol import types

from game.authoring.lsp.context import Slot, slot_at
from game.authoring.lsp.document import Doc
from game.authoring.lsp.index import BEAT, CHARACTER, ENDING
from game.core.vocab import MOODS, NARRATOR, SKILLS, STYLES, TONES

TRIGGERS = [" ", ":", "[", ","]
K = types.CompletionItemKind


def _items(doc: Doc, slot: Slot) -> list[tuple[str, str, types.CompletionItemKind, str]]:
    """(label, detail, kind, documentation) for the slot."""
    index = doc.index
    if slot.key == "next" or (slot.key == "start" and slot.top_level):
        kinds = (BEAT,) if slot.key == "start" else (BEAT, ENDING)
        return [
            (s.name, f"{s.kind} · {s.detail}" if s.detail else s.kind,
             K.Function if s.kind == BEAT else K.Constant, "")
            for s in index.symbols if s.kind in kinds
        ]  # fmt: skip
    if slot.key == "speaker":
        chars = [(s.name, f"character · {s.detail}", K.Variable, "") for s in index.ids(CHARACTER)]
        return [*chars, (NARRATOR, "the narrator (no portrait)", K.Keyword, "")]
    if slot.key in ("mood", "reply_mood"):
        return [(m, "mood", K.EnumMember, "") for m in MOODS]
    if slot.key == "tone":
        return [(t, "ending tone", K.EnumMember, "") for t in TONES]
    if slot.key == "style":
        return [
            (s.id, f"{s.low} to {s.high} points, default {s.default}", K.EnumMember, "")
            for s in STYLES.values()
        ]
    if slot.key == "skills":
        return [(s.id, s.name, K.EnumMember, s.meaning) for s in SKILLS.values()]
    return []


def complete(doc: Doc, line: int, column: int) -> types.CompletionList | None:
    slot = slot_at(doc.lines, line, column)
    if slot is None:
        return None
    items = _items(doc, slot)
    if not items:
        return None
    edit_range = doc.range(line, slot.start, line, column)
    pad = " " if slot.needs_space else ""
    out = [
        types.CompletionItem(
            label=label,
            kind=kind,
            detail=detail,
            documentation=doc_text or None,
            sort_text=f"{n:03d}",
            filter_text=label,
            text_edit=types.TextEdit(range=edit_range, new_text=pad + label),
        )
        for n, (label, detail, kind, doc_text) in enumerate(items)
    ]
    return types.CompletionList(is_incomplete=False, items=out)
