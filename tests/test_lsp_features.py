"""The language server's analysis, in-process, over every position of real scenarios,
whole and half-typed: it never fails, and what it finds agrees with the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring.lsp import completion, hover, navigation, outline
from game.authoring.lsp.document import Doc
from game.authoring.lsp.index import TARGETS, build_index

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "scenarios").rglob("*.yaml"))[:3]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_reference_resolves_in_a_shipped_scenario(path):
    index = build_index(path.read_text(encoding="utf-8"))
    assert index.parsed
    assert index.refs and index.symbols
    for ref in index.refs:
        target = index.find(ref.name, TARGETS[ref.key])
        assert target is not None or ref.name == "narrator", ref


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_line_fallback_agrees_with_the_tree(path):
    text = path.read_text(encoding="utf-8")
    tree = build_index(text)
    lines = build_index(text + "\nbroken: [\n")  # unreadable YAML: the line reader answers
    assert not lines.parsed
    key = lambda s: (s.kind, s.name, s.line, s.column, s.end_line)  # noqa: E731
    assert [key(s) for s in lines.symbols] == [key(s) for s in tree.symbols]
    assert [(r.key, r.name, r.line, r.column) for r in lines.refs] == [
        (r.key, r.name, r.line, r.column) for r in tree.refs
    ]


def test_no_position_of_a_half_typed_file_breaks_a_feature():
    text = SAMPLES[0].read_text(encoding="utf-8")
    cuts = [i for i, c in enumerate(text) if c == "\n"][::7] + [len(text) // 3 + 1]
    for cut in cuts:
        doc = Doc(text[:cut])
        outline.document_symbols(doc)
        for line, row in enumerate(doc.lines):
            for column in {0, len(row) // 2, len(row)}:
                completion.complete(doc, line, column)
                hover.hover(doc, line, column)
                navigation.definition("file:///s.yaml", doc, line, column)
                navigation.references("file:///s.yaml", doc, line, column, True)
