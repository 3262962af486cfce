"""Strict, positioned YAML reading for scenario files.

Scenario files are read as YAML *events*, not with ``yaml.load``, and turned
into a small tree of :class:`Node` objects that remember where each key and
value starts. That gives the validator exact ``line:column`` positions, and it
lets this module refuse what the format forbids before anything is built:

* anchors, aliases and merge keys (so no alias bomb can expand),
* explicit tags (``!!python/object``, ``!foo``),
* duplicate keys in a mapping,
* nesting deep enough to exhaust a parser,
* more than one document, an empty file, a top level that is not a mapping.

Scalars are kept exactly as written (``No`` stays the text "No"): whether a
value is text or a number is the validator's decision, made per key.

The libyaml C parser is used where PyYAML was built with it, the pure-Python
parser otherwise; both give the same tree and the same messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

try:  # libyaml, when PyYAML was built with it
    from yaml import CSafeLoader as _FastLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    _FastLoader = None

MAX_DEPTH = 32

SCALAR = "scalar"
MAPPING = "mapping"
SEQUENCE = "sequence"


@dataclass
class Node:
    """One YAML value with the position (1-based) where it starts."""

    kind: str
    line: int
    column: int
    value: object = None  # str for scalars, list[Node] for sequences, dict for mappings
    plain: bool = True  # scalars: written without quotes or block indicators
    keys: dict[str, Node] = field(default_factory=dict)  # mappings: key nodes by key

    @property
    def items(self) -> dict[str, Node]:
        assert self.kind == MAPPING
        return self.value  # type: ignore[return-value]

    def describe(self) -> str:
        return {MAPPING: "a mapping", SEQUENCE: "a list", SCALAR: "text"}[self.kind]


class YamlProblem(Exception):
    """A positioned reason why the file cannot be read as a scenario."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message


def _pos(mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


# libyaml and PyYAML word a few syntax errors differently; authors should see one wording.
_SYNTAX_WORDING = {
    "mapping values are not allowed in this context": "mapping values are not allowed here",
    "found character that cannot start any token": "found a character that cannot start a value",
    "found a tab character that violates indentation": (
        "a tab character here breaks the indentation; use spaces"
    ),
    "found character '\\t' that cannot start any token": (
        "a tab character here breaks the indentation; use spaces"
    ),
}
_INDENTATION = "the indentation here does not fit the lines above"


def _reword(problem: str) -> str:
    """One wording for libyaml's and PyYAML's versions of the same syntax error."""
    if problem in _SYNTAX_WORDING:
        return _SYNTAX_WORDING[problem]
    if problem.startswith("found character '") and problem.endswith("cannot start any token"):
        return _SYNTAX_WORDING["found character that cannot start any token"]
    if "<block end>" in problem or "expected key" in problem or "'-' indicator" in problem:
        return _INDENTATION
    m = re.match(r"^(?:did not find )?expected (.+?)(?:, but (?:got|found) .*)?$", problem)
    return f"expected {m.group(1)} here" if m else problem


# ``line: Note: this breaks``: a plain value with ": " inside reads as a second key.
_KEY_AND_TEXT = re.compile(r"^\s*(?:-\s+)?([^\s#'\"{\[][^:#]*?):\s+(.*?)\s*$")
_COLON_TRAP = "mapping values are not allowed here"


def _quote_hint(text: str, line: int, column: int) -> str:
    """The hint `put the text in quotes: KEY: "TEXT"` when the ``: `` found is in a value."""
    lines = text.splitlines()
    m = _KEY_AND_TEXT.match(lines[line - 1]) if 0 < line <= len(lines) else None
    if m is None or column - 1 < m.start(2) or m.group(2)[0] in "\"'|>":
        return ""
    quoted = m.group(2).replace("\\", "\\\\").replace('"', '\\"')
    return f'; put the text in quotes: {m.group(1)}: "{quoted}"'


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line)
    if line - 1 < len(lines) and 0 <= column - 1 < len(lines[line - 1]):
        return lines[line - 1][column - 1]
    return ""


def _syntax_problem(exc: yaml.YAMLError, text: str = "") -> YamlProblem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = _pos(mark)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if problem.endswith("cannot start any token") and _char_at(text, line, col) == "\t":
        problem = "found a tab character that violates indentation"  # libyaml names no character
    if "nesting depth" in problem:
        return YamlProblem(line, col, f"nested too deeply (more than {MAX_DEPTH} levels)")
    problem = _reword(problem)
    context = getattr(exc, "context", None)
    message = f"YAML syntax error: {problem}"
    if problem == _COLON_TRAP:
        message += _quote_hint(text, line, col)
    if context and "while scanning" not in context and "while parsing" not in context:
        message += f" ({context})"
    return YamlProblem(line, col, message)


_BREAKS = "\r\n\x85\u2028\u2029"
_LIBYAML_MAX_FLOW = 999


class _PureLoader(yaml.SafeLoader):
    """PyYAML's pure-Python loader, reading tabs as libyaml does.

    PyYAML refuses every tab outside quotes; libyaml (and YAML) allow a tab as
    space between words and tokens, and refuse it only as indentation. Without
    this the two parsers disagreed on files with a stray tab.
    """

    def fetch_flow_collection_start(self, TokenClass):
        # libyaml stops at 1,000 open brackets; PyYAML has no limit, and each open bracket
        # makes every later token slower (thousands of '[' took seconds, then hours).
        if self.flow_level >= _LIBYAML_MAX_FLOW:
            raise yaml.scanner.ScannerError(
                "while increasing flow level", None, "exceeded maximum nesting depth",
                self.get_mark(),
            )  # fmt: skip
        super().fetch_flow_collection_start(TokenClass)

    def _tab_allowed(self) -> bool:
        """libyaml's rule: a tab separates tokens in flow context, after a value's text, or
        after ':'; never as indentation or right after a block '-' or '?'."""
        if self.flow_level or not self.allow_simple_key:
            return True
        at = self.pointer - 1
        while at >= 0 and self.buffer[at] in " \t":
            at -= 1
        return at >= 0 and self.buffer[at] == ":"

    def scan_to_next_token(self):
        if self.index == 0 and self.peek() == "\ufeff":
            self.forward()
        found = False
        while not found:
            tab_ok = None  # decided once per run of blanks, so a long run costs its length
            while True:
                ch = self.peek()
                if ch == " " or (ch == "\t" and tab_ok):
                    self.forward()
                elif ch == "\t" and tab_ok is None:
                    tab_ok = self._tab_allowed()
                else:
                    break
            if self.peek() == "#":
                while self.peek() not in "\0" + _BREAKS:
                    self.forward()
            if self.scan_line_break():
                if not self.flow_level:
                    self.allow_simple_key = True
            else:
                found = True

    def scan_plain_spaces(self, indent, start_mark):
        """PyYAML's own, with tabs counted as blanks (except where they would indent)."""
        chunks = []
        length = 0
        while self.peek(length) in " \t":
            length += 1
        whitespaces = self.prefix(length)
        self.forward(length)
        if self.peek() not in _BREAKS:
            return [whitespaces] if whitespaces else chunks
        line_break = self.scan_line_break()
        self.allow_simple_key = True
        if self.prefix(3) in ("---", "...") and self.peek(3) in "\0 \t" + _BREAKS:
            return None
        breaks = []
        while True:
            ch = self.peek()
            if ch == " " or (ch == "\t" and self.column >= indent):
                self.forward()
            elif ch in _BREAKS:
                breaks.append(self.scan_line_break())
                if self.prefix(3) in ("---", "...") and self.peek(3) in "\0 \t" + _BREAKS:
                    return None
            else:
                break
        if line_break != "\n":
            chunks.append(line_break)
        elif not breaks:
            chunks.append(" ")
        chunks.extend(breaks)
        return chunks


def _events(text: str, fast: bool):
    loader_cls = _FastLoader if (fast and _FastLoader is not None) else _PureLoader
    loader = loader_cls(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    finally:
        loader.dispose()


# What YAML accepts in a stream (PyYAML's and libyaml's readers refuse the rest, but only
# with the position of the whole stream, and in two wordings).
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _check_characters(text: str) -> None:
    """Refuse a control character at its own line and column, with one wording."""
    bad = _NOT_PRINTABLE.search(text)
    if bad is None:
        return
    at = bad.start()
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    raise YamlProblem(
        line,
        column,
        f"a control character (U+{ord(bad.group()):04X}) is not allowed in a scenario file; "
        "delete it",
    )


def parse(text: str, *, fast: bool = True) -> Node:
    """Read ``text`` into a :class:`Node` tree, or raise :class:`YamlProblem`."""
    _check_characters(text)
    try:
        return _build(_events(text, fast))
    except YamlProblem:
        raise
    except yaml.YAMLError as exc:
        raise _syntax_problem(exc, text) from None
    except (RecursionError, MemoryError):
        raise YamlProblem(1, 1, "the file is nested too deeply to read") from None


def _check_event(ev) -> None:
    line, col = _pos(ev.start_mark)
    if isinstance(ev, yaml.AliasEvent):
        raise YamlProblem(line, col, f"aliases (*{ev.anchor}) are not allowed in scenario files")
    anchor = getattr(ev, "anchor", None)
    if anchor is not None:
        raise YamlProblem(line, col, f"anchors (&{anchor}) are not allowed in scenario files")
    tag = getattr(ev, "tag", None)
    if tag is not None:
        raise YamlProblem(line, col, f"tags ({tag}) are not allowed in scenario files")


def _build(events) -> Node:
    root: Node | None = None
    documents = 0
    # Each open collection: (node, pending_key_node or None)
    stack: list[list] = []

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        top = stack[-1]
        parent: Node = top[0]
        if parent.kind == SEQUENCE:
            parent.value.append(node)  # type: ignore[union-attr]
            return
        if top[1] is None:  # this node is a key
            if node.kind != SCALAR:
                raise YamlProblem(
                    node.line, node.column, "a key must be a plain name, not " + node.describe()
                )
            key = node.value
            if key == "<<" and node.plain:
                raise YamlProblem(
                    node.line, node.column, "merge keys (<<) are not allowed in scenario files"
                )
            if key in parent.keys:
                first = parent.keys[key]
                raise YamlProblem(
                    node.line, node.column, f"duplicate key '{key}' (first at line {first.line})"
                )
            top[1] = node
        else:
            key_node: Node = top[1]
            if node.kind == SCALAR and node.plain and node.value == "":
                # An empty value has no place of its own; point at its key instead.
                node.line, node.column = key_node.line, key_node.column
            parent.keys[key_node.value] = key_node  # type: ignore[index]
            parent.value[key_node.value] = node  # type: ignore[index]
            top[1] = None

    for ev in events:
        if isinstance(ev, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            continue
        if isinstance(ev, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                line, col = _pos(ev.start_mark)
                raise YamlProblem(line, col, "only one scenario (one YAML document) per file")
            continue
        _check_event(ev)
        line, col = _pos(ev.start_mark)
        if isinstance(ev, yaml.ScalarEvent):
            attach(Node(SCALAR, line, col, ev.value, plain=not ev.style))
        elif isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(stack) >= MAX_DEPTH:
                raise YamlProblem(line, col, f"nested too deeply (more than {MAX_DEPTH} levels)")
            is_map = isinstance(ev, yaml.MappingStartEvent)
            node = Node(MAPPING if is_map else SEQUENCE, line, col, {} if is_map else [])
            attach(node)
            stack.append([node, None])
        elif isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()

    if root is None or (root.kind == SCALAR and root.plain and root.value == ""):
        raise YamlProblem(1, 1, "the file is empty: a scenario starts with 'id:', 'title:' ...")
    if root.kind != MAPPING:
        raise YamlProblem(
            root.line,
            root.column,
            f"a scenario file must be a mapping of keys (id, title, ...), not {root.describe()}",
        )
    return root
