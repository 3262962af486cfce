"""Go to definition and find references for beat, ending and character ids."""

from __future__ import annotations

from lsprotocol import types

from game.authoring.lsp.document import Doc
from game.authoring.lsp.index import TARGETS, Symbol


def symbol_under(doc: Doc, line: int, column: int) -> Symbol | None:
    """The beat, ending or character the cursor names (at a use or at its key)."""
    index = doc.index
    ref = index.ref_at(line, column)
    if ref is not None:
        return index.find(ref.name, TARGETS[ref.key])
    return index.symbol_at(line, column)


def _location(uri: str, doc: Doc, line: int, column: int, length: int) -> types.Location:
    return types.Location(uri=uri, range=doc.range(line, column, line, column + length))


def definition(uri: str, doc: Doc, line: int, column: int) -> types.Location | None:
    sym = symbol_under(doc, line, column)
    if sym is None:
        return None
    return _location(uri, doc, sym.line, sym.column, sym.length)


def references(
    uri: str, doc: Doc, line: int, column: int, include_declaration: bool
) -> list[types.Location] | None:
    sym = symbol_under(doc, line, column)
    if sym is None:
        return None
    found = [_location(uri, doc, r.line, r.column, r.length) for r in doc.index.uses(sym)]
    if include_declaration:
        found.insert(0, _location(uri, doc, sym.line, sym.column, sym.length))
    return found
