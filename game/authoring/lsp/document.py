"""One open scenario as the features see it: its lines, its index, and LSP ranges.

The analysis counts columns in code points; the editor may count in UTF-16 units
(the LSP default). :meth:`Doc.range` converts, through pygls' position codec
when one is given.
"""

from __future__ import annotations

import re
from functools import cached_property

from lsprotocol import types

from game.authoring.lsp.index import DocIndex, build_index


class Doc:
    def __init__(self, text: str, codec=None) -> None:
        self.text = text
        self.lines = text.splitlines()
        self._codec = codec

    @cached_property
    def index(self) -> DocIndex:
        return build_index(self.text)

    def position(self, line: int, column: int) -> types.Position:
        pos = types.Position(line=line, character=column)
        return self._codec.position_to_client_units(self.lines, pos) if self._codec else pos

    def range(self, line: int, start: int, end_line: int | None = None, end: int | None = None):
        end_line = line if end_line is None else end_line
        end = start if end is None else end
        return types.Range(start=self.position(line, start), end=self.position(end_line, end))

    def from_client(self, pos: types.Position) -> tuple[int, int]:
        if self._codec:
            pos = self._codec.position_from_client_units(self.lines, pos)
        return pos.line, pos.character

    def line_length(self, line: int) -> int:
        return len(self.lines[line]) if 0 <= line < len(self.lines) else 0

    def token_end(self, line: int, column: int) -> int:
        """Where the value or key starting at ``column`` ends on its line."""
        if not 0 <= line < len(self.lines):
            return column
        row = self.lines[line]
        if column >= len(row):
            return column
        quote = row[column]
        if quote in "\"'":
            close = row.find(quote, column + 1)
            return close + 1 if close > 0 else len(row.rstrip())
        in_flow = "[" in row[:column] or "{" in row[:column]
        stop = re.compile(r":(\s|$)| #" + (r"|[,\]}]" if in_flow else ""))
        m = stop.search(row, column)
        end = m.start() if m else len(row)
        return max(column + 1, len(row[:end].rstrip()))
