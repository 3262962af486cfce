"""Quick fixes for the checker's own suggestions: "did you mean 'x'?" and the quoted line
of the ``: `` trap."""

from __future__ import annotations

import re

from lsprotocol import types

from game.authoring.lsp.diagnostics import SOURCE
from game.authoring.lsp.document import Doc

_DID_YOU_MEAN = re.compile(r"did you mean '([^']+)'\?")
_QUOTED_LINE = re.compile(r"put the text in quotes: (.+)$")
_LINE_START = re.compile(r"^\s*(?:-\s+)?")


def _action(title, uri, diagnostic, edit_range, text) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=True,
        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=edit_range, new_text=text)]}),
    )


def code_actions(uri: str, doc: Doc, diagnostics: list[types.Diagnostic]) -> list:
    out = []
    for d in diagnostics:
        if d.source != SOURCE:
            continue
        guess = _DID_YOU_MEAN.search(d.message)
        if guess:
            out.append(_action(f"Change to '{guess.group(1)}'", uri, d, d.range, guess.group(1)))
            continue
        quoted = _QUOTED_LINE.search(d.message)
        line = d.range.start.line
        if quoted and 0 <= line < len(doc.lines):
            row = doc.lines[line]
            start = _LINE_START.match(row).end()
            edit_range = doc.range(line, start, line, len(row.rstrip()))
            out.append(_action("Put the text in quotes", uri, d, edit_range, quoted.group(1)))
    return out
