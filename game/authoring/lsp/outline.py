"""The document outline: the scenario's beats and endings, each with its block."""

from __future__ import annotations

from lsprotocol import types

from game.authoring.lsp.document import Doc
from game.authoring.lsp.index import BEAT, ENDING

GROUPS = (
    ("beats", BEAT, types.SymbolKind.Function),
    ("endings", ENDING, types.SymbolKind.Constant),
)


def document_symbols(doc: Doc) -> list[types.DocumentSymbol]:
    out = []
    for title, kind, symbol_kind in GROUPS:
        members = doc.index.ids(kind)
        if not members:
            continue
        children = [
            types.DocumentSymbol(
                name=s.name,
                detail=s.detail[:80],
                kind=symbol_kind,
                range=doc.range(s.line, 0, s.end_line, doc.line_length(s.end_line)),
                selection_range=doc.range(s.line, s.column, s.line, s.column + s.length),
            )
            for s in members
        ]
        header = next(
            (i for i, row in enumerate(doc.lines) if row.startswith(f"{title}:")),
            members[0].line,
        )
        out.append(
            types.DocumentSymbol(
                name=title,
                kind=types.SymbolKind.Namespace,
                range=types.Range(start=doc.position(header, 0), end=children[-1].range.end),
                selection_range=doc.range(
                    header, 0, header, min(len(title), doc.line_length(header))
                ),
                children=children,
            )
        )
    return out
