"""Typed readers for scenario fields, each reporting problems at the right place.

Every reader takes a :class:`~game.core.yamltree.Node` and a field name, and
returns the value, or ``None`` after reporting a problem through the
:class:`Reporter`. The wording here is what authors read, so it names the field,
says what was expected, and quotes what was found.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from game.core.problems import ERROR, WARNING, Problem
from game.core.yamltree import MAPPING, SCALAR, SEQUENCE, Node

_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_MAX_LENGTH = 20


class Reporter:
    """Collects the problems of one file."""

    # "Did you mean" costs one comparison per option; a file gets this many in all, so a file
    # full of bad references is checked in linear time (each reference is still reported).
    SUGGESTION_BUDGET = 100_000

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.suggestion_work = 0
        self._suggestions: dict[tuple[str, int], tuple[object, str | None]] = {}
        self._indexes: dict[int, tuple[object, dict[str, list[str]]]] = {}

    def error(self, node: Node | None, message: str, line: int = 1, column: int = 1) -> None:
        self._add(ERROR, node, message, line, column)

    def warn(self, node: Node | None, message: str, line: int = 1, column: int = 1) -> None:
        self._add(WARNING, node, message, line, column)

    def _add(self, severity: str, node: Node | None, message: str, line: int, column: int):
        if node is not None:
            line, column = node.line, node.column
        self.problems.append(Problem(self.path, line, column, severity, message))

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)


_SUGGEST_MAX_LENGTH = 80  # ids are at most 64 characters; nothing longer is a typo of one
_SMALL_SET = 64  # up to this many options, each is compared; above, only near neighbours are


def _deletions(word: str) -> set[str]:
    """``word`` and every string one character shorter: two words within one edit of each
    other (or two, for a swap) share one of these."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _neighbour_index(options: Iterable[str]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for option in options:
        if len(option) <= _SUGGEST_MAX_LENGTH:
            for key in _deletions(option):
                index.setdefault(key, []).append(option)
    return index


def closest(word: str, options: Iterable[str], rep: Reporter | None = None) -> str | None:
    """The option closest to ``word`` if one is close enough, else None.

    With a ``rep``, answers are remembered per word (and set of options), a large set of
    options is searched through an index of near neighbours (so each lookup costs about
    the length of the word, not the number of options), and the comparisons a file may
    spend are capped by :attr:`Reporter.SUGGESTION_BUDGET`; past it, no suggestion is offered.
    """
    if len(word) > _SUGGEST_MAX_LENGTH:
        return None
    if rep is None:
        close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
        return close[0] if close else None
    key = (word, id(options))
    if key in rep._suggestions:
        return rep._suggestions[key][1]
    candidates = list(options)
    if len(candidates) > _SMALL_SET:
        if id(options) not in rep._indexes:
            rep.suggestion_work += len(candidates)
            rep._indexes[id(options)] = (options, _neighbour_index(candidates))
        index = rep._indexes[id(options)][1]
        candidates = sorted({option for k in _deletions(word) for option in index.get(k, ())})
    if rep.suggestion_work + len(candidates) > rep.SUGGESTION_BUDGET:
        return None
    rep.suggestion_work += len(candidates)
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    # The options object is kept alive with the answer, so its id cannot be reused.
    rep._suggestions[key] = (options, close[0] if close else None)
    return close[0] if close else None


def suggestion(word: str, options: Iterable[str], rep: Reporter | None = None) -> str:
    """ "; did you mean 'x'?" when one option is close to ``word``, else ""."""
    close = closest(word, options, rep)
    return f"; did you mean '{close}'?" if close else ""


def shown(node: Node) -> str:
    """How a found value is quoted back in a message."""
    if node.kind != SCALAR:
        return node.describe()
    value = str(node.value)
    if len(value) > 40:
        value = value[:37] + "..."
    return f"'{value}'"


def check_keys(
    rep: Reporter,
    node: Node,
    what: str,
    required: Iterable[str],
    optional: Iterable[str],
    *,
    missing_at: Node | None = None,
) -> bool:
    """Report unknown and missing keys of a mapping; False if it is not a mapping."""
    if node.kind != MAPPING:
        rep.error(node, f"{what} must be a mapping of keys, not {node.describe()}")
        return False
    required = tuple(required)
    allowed = required + tuple(optional)
    misspelt: set[str] = set()  # required keys an unknown key looks like a typo of
    for key, key_node in node.keys.items():
        if key not in allowed:
            close = closest(key, allowed, rep)
            if close:
                misspelt.add(close)
                hint = f"; did you mean '{close}'?"
            else:
                hint = f" (a {what} takes: {', '.join(allowed)})"
            rep.error(key_node, f"unknown key '{key}' in {_a(what)}{hint}")
    for key in required:
        if key not in node.keys and key not in misspelt:  # a typo is reported once, at the typo
            rep.error(missing_at or node, f"{_a(what)} needs '{key}'")
    return True


def _a(what: str) -> str:
    if what.startswith(("this ", "the ")):
        return what
    return ("an " if what[0] in "aeiou" else "a ") + what


def text(rep: Reporter, node: Node | None, name: str, *, low: int = 0, high: int) -> str | None:
    """Text as written. Required fields pass ``low=1``."""
    if node is None:
        return None
    if node.kind != SCALAR:
        rep.error(node, f"{name} must be text, not {node.describe()}")
        return None
    value = str(node.value)
    if low and not value.strip():
        rep.error(node, f"{name} is empty; write at least {low} character{'s' * (low > 1)}")
        return None
    if len(value) > high:
        rep.error(node, f"{name} is {len(value)} characters long; the limit is {high}")
        return None
    return value


def integer(rep: Reporter, node: Node | None, name: str, expected: str) -> int | None:
    """A whole number written as a plain (unquoted) number."""
    if node is None:
        return None
    value = str(node.value)
    # A long run of digits is no scenario's number (and int() refuses over 4,300 digits).
    if node.kind == SCALAR and node.plain and len(value) <= _INT_MAX_LENGTH and _INT.match(value):
        return int(value)
    rep.error(node, f"{name} must be {expected}, not {shown(node)}")
    return None


def choice_of(rep: Reporter, node: Node | None, name: str, options: Iterable[str]) -> str | None:
    """One word from a fixed list."""
    if node is None:
        return None
    options = tuple(options)
    if node.kind == SCALAR and node.value in options:
        return str(node.value)
    if node.kind != SCALAR:
        rep.error(node, f"{name} must be one of {', '.join(options)}, not {node.describe()}")
        return None
    hint = suggestion(str(node.value), options, rep)
    if not hint:
        hint = f" (one of: {', '.join(options)})"
    rep.error(node, f"unknown {name} {shown(node)}{hint}")
    return None


def identifier(rep: Reporter, node: Node, name: str, pattern: re.Pattern, rule: str) -> str | None:
    if node.kind != SCALAR:
        rep.error(node, f"{name} must be text, not {node.describe()}")
        return None
    value = str(node.value)
    if not pattern.match(value):
        rep.error(node, f"{name} {shown(node)} is not a valid id: {rule}")
        return None
    return value


def text_list(rep: Reporter, node: Node | None, name: str, *, high: int = 40) -> list[Node]:
    """A list of text items; returns the item nodes that are text."""
    if node is None:
        return []
    if node.kind != SEQUENCE:
        rep.error(node, f"{name} must be a list, like [one, two], not {node.describe()}")
        return []
    good = []
    for item in node.value:  # type: ignore[union-attr]
        if text(rep, item, f"each item of {name}", low=1, high=high) is not None:
            good.append(item)
    return good


def reference_scalar(rep: Reporter, node: Node | None, name: str) -> str | None:
    """An id that refers to something else (start, next, speaker)."""
    if node is None:
        return None
    if node.kind != SCALAR or not str(node.value).strip():
        rep.error(
            node,
            f"{name} must name an id, not {'nothing' if node.kind == SCALAR else node.describe()}",
        )
        return None
    return str(node.value)


def long_text_warning(rep: Reporter, node: Node | None, name: str, comfortable: int) -> None:
    if node is not None and node.kind == SCALAR and len(str(node.value)) > comfortable:
        rep.warn(
            node,
            f"{name} is {len(str(node.value))} characters long; over {comfortable} is hard to "
            "read comfortably on screen",
        )
