"""Diagnostics: the validator's problems, as the editor shows them while you type."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from game.authoring.lsp.document import Doc
from game.core.loader import load_scenario_bytes

SOURCE = "firm-and-kind"


def problems_of(doc: Doc, path: Path, extra_checks=()) -> list:
    """Every problem ``validate`` would print for this text, as if saved at ``path``."""
    _, problems = load_scenario_bytes(doc.text.encode("utf-8"), path)
    problems = list(problems)
    for check in extra_checks:
        problems.extend(check(doc.text, path))
    return sorted(problems, key=lambda p: (p.line, p.column))


def diagnostics(doc: Doc, path: Path, extra_checks=()) -> list[types.Diagnostic]:
    out = []
    for p in problems_of(doc, path, extra_checks):
        line, column = max(p.line - 1, 0), max(p.column - 1, 0)
        if line >= len(doc.lines):  # past the end (an empty file): the last place there is
            line = max(len(doc.lines) - 1, 0)
            column = doc.line_length(line)
        out.append(
            types.Diagnostic(
                range=doc.range(line, column, line, doc.token_end(line, column)),
                message=p.message,
                severity=(
                    types.DiagnosticSeverity.Error
                    if p.is_error
                    else types.DiagnosticSeverity.Warning
                ),
                source=SOURCE,
            )
        )
    return out
