"""Where the ids of a scenario are defined and used, read from its text.

:func:`build_index` reads the text with :mod:`game.core.yamltree` (exact
positions) and, when the text does not parse yet (it is being typed), falls back
to reading it line by line, so completion and navigation keep working in a
half-written file. Positions here are 0-based (line, column in code points).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from game.core.vocab import NARRATOR
from game.core.yamltree import MAPPING, SCALAR, SEQUENCE, Node, YamlProblem, parse

BEAT, ENDING, CHARACTER = "beat", "ending", "character"
SECTIONS = {"beats": BEAT, "endings": ENDING, "characters": CHARACTER}
# Which kinds of id each referring key may name.
TARGETS = {"next": (BEAT, ENDING), "start": (BEAT,), "speaker": (CHARACTER,)}


@dataclass(frozen=True)
class Symbol:
    """A beat, ending or character, at its key."""

    kind: str
    name: str
    line: int
    column: int
    length: int
    end_line: int  # the last line of its block
    detail: str = ""


@dataclass(frozen=True)
class Ref:
    """A ``next``, ``start`` or ``speaker`` value naming an id."""

    key: str
    name: str
    line: int
    column: int
    length: int


@dataclass
class DocIndex:
    symbols: list[Symbol] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    parsed: bool = False  # True when built from the YAML tree

    def ids(self, kind: str) -> list[Symbol]:
        return [s for s in self.symbols if s.kind == kind]

    def find(self, name: str, kinds) -> Symbol | None:
        return next((s for s in self.symbols if s.name == name and s.kind in kinds), None)

    def symbol_at(self, line: int, column: int) -> Symbol | None:
        return next((s for s in self.symbols if _within(s, line, column)), None)

    def ref_at(self, line: int, column: int) -> Ref | None:
        return next((r for r in self.refs if _within(r, line, column)), None)

    def uses(self, symbol: Symbol) -> list[Ref]:
        if symbol.kind == CHARACTER:
            return [r for r in self.refs if r.key == "speaker" and r.name == symbol.name]
        return [r for r in self.refs if r.name == symbol.name and symbol.kind in TARGETS[r.key]]


def _within(item, line: int, column: int) -> bool:
    return item.line == line and item.column <= column <= item.column + item.length


def build_index(text: str) -> DocIndex:
    lines = text.splitlines()
    try:
        root = parse(text)
    except YamlProblem:
        return _from_lines(lines)
    return _from_tree(root, lines)


# -- from the YAML tree ---------------------------------------------------------
def _length(node: Node, lines: list[str]) -> int:
    if node.plain:
        return len(str(node.value))
    row = lines[node.line - 1] if node.line - 1 < len(lines) else ""
    quote = row[node.column - 1 : node.column]
    end = row.find(quote, node.column) if quote in "\"'" and quote else -1
    return end - (node.column - 1) + 1 if end >= 0 else len(str(node.value)) + 2


def _ref(key: str, node: Node | None, lines: list[str]) -> Ref | None:
    if node is None or node.kind != SCALAR or not str(node.value).strip():
        return None
    return Ref(key, str(node.value), node.line - 1, node.column - 1, _length(node, lines))


def _detail(kind: str, value: Node) -> str:
    if value.kind != MAPPING:
        return ""
    v = value.items

    def text(key: str) -> str:
        node = v.get(key)
        return " ".join(str(node.value).split()) if node is not None and node.kind == SCALAR else ""

    if kind == BEAT:
        who, line = text("speaker"), text("line")
        return f"{who}: {line}" if who else line
    if kind == ENDING:
        return f"{text('tone')}: {text('title')}" if text("tone") else text("title")
    return f"{text('name')}, {text('role')}" if text("role") else text("name")


def _from_tree(root: Node, lines: list[str]) -> DocIndex:
    index = DocIndex(parsed=True)
    items = root.items
    for section, kind in SECTIONS.items():
        node = items.get(section)
        if node is None or node.kind != MAPPING:
            continue
        for name, value in node.items.items():
            key = node.keys[name]
            line0 = key.line - 1
            index.symbols.append(
                Symbol(
                    kind, name, line0, key.column - 1, _length(key, lines),
                    block_end(lines, line0), _detail(kind, value),
                )
            )  # fmt: skip
            if kind == BEAT and value.kind == MAPPING:
                _beat_refs(index, value, lines)
    ref = _ref("start", items.get("start"), lines)
    if ref is not None:
        index.refs.append(ref)
    index.refs.sort(key=lambda r: (r.line, r.column))
    index.symbols.sort(key=lambda s: (s.line, s.column))
    return index


def _beat_refs(index: DocIndex, beat: Node, lines: list[str]) -> None:
    ref = _ref("speaker", beat.items.get("speaker"), lines)
    if ref is not None:
        index.refs.append(ref)
    choices = beat.items.get("choices")
    if choices is None or choices.kind != SEQUENCE:
        return
    for choice in choices.value:
        if choice.kind == MAPPING:
            ref = _ref("next", choice.items.get("next"), lines)
            if ref is not None:
                index.refs.append(ref)


# -- line by line, for text that does not parse yet ------------------------------
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*):(?:\s|$)")
_CHILD_KEY = re.compile(r"^(\s+)([^\s#:'\"\[{-][^:#]*?|\"[^\"]*\"|'[^']*'):(?:\s|$)")
_REF_LINE = re.compile(r"^(\s*(?:-\s+)?)(next|speaker|start):[ \t]*(.*?)\s*(?:\s#.*)?$")


def indent_of(row: str) -> int:
    return len(row) - len(row.lstrip(" "))


def _is_content(row: str) -> bool:
    stripped = row.strip()
    return bool(stripped) and not stripped.startswith("#")


def block_end(lines: list[str], line0: int) -> int:
    """The last line of the block that starts at ``line0`` (its deeper-indented lines)."""
    own = indent_of(lines[line0]) if line0 < len(lines) else 0
    last = line0
    for i in range(line0 + 1, len(lines)):
        if not _is_content(lines[i]):
            continue
        if indent_of(lines[i]) <= own:
            break
        last = i
    return last


def _from_lines(lines: list[str]) -> DocIndex:
    index = DocIndex()
    section, child_indent = None, None
    for i, row in enumerate(lines):
        if not _is_content(row):
            continue
        top = _TOP_KEY.match(row)
        if top:
            section, child_indent = SECTIONS.get(top.group(1)), None
        elif section is not None:
            m = _CHILD_KEY.match(row)
            indent = indent_of(row)
            if child_indent is None and m:
                child_indent = indent
            if m and indent == child_indent:
                name = m.group(2).strip("\"'")
                index.symbols.append(
                    Symbol(section, name, i, indent, len(m.group(2)), block_end(lines, i))
                )
        m = _REF_LINE.match(row)
        if m and m.group(3) and (m.group(2) != "start" or not m.group(1)):
            raw = m.group(3)
            name = raw[1:-1] if len(raw) > 1 and raw[0] == raw[-1] and raw[0] in "\"'" else raw
            index.refs.append(Ref(m.group(2), name, i, m.start(3), len(raw)))
    return index


def character_ids(index: DocIndex) -> list[str]:
    return [s.name for s in index.ids(CHARACTER)] + [NARRATOR]
