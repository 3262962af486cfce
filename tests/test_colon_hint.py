"""The commonest YAML trap, ``line: Note: this breaks``, gets the quoted line as a hint."""

from __future__ import annotations

import pytest

from tests.support.scenarios import BASE, load, pos
from tests.test_cli import run

BOTH = pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure"])


def only_error(problems):
    errors = [p for p in problems if p.is_error]
    assert len(errors) == 1, problems
    return errors[0]


@BOTH
def test_colon_inside_a_line_suggests_the_quoted_line(tmp_path, fast):
    text = BASE.replace("line: Could you help me?", "line: Note: this breaks")
    err = only_error(load(tmp_path, text, fast=fast)[1])
    assert err.message == (
        "YAML syntax error: mapping values are not allowed here; "
        'put the text in quotes: line: "Note: this breaks"'
    )
    assert (err.line, err.column) == pos(text, ": this breaks")


@BOTH
def test_quotes_and_backslashes_in_the_text_are_escaped(tmp_path, fast):
    text = BASE.replace("- text: Fine, I guess.", '- text: I said: "fine" \\ ok')
    err = only_error(load(tmp_path, text, fast=fast)[1])
    assert err.message.endswith('put the text in quotes: text: "I said: \\"fine\\" \\\\ ok"')


@BOTH
def test_no_hint_when_the_colon_is_not_inside_a_value(tmp_path, fast):
    # A wrongly indented key is the same libyaml error, but quoting would not help.
    text = BASE.replace("    mood: hopeful\n", "    mood: hopeful\n     line: oops\n", 1)
    err = only_error(load(tmp_path, text, fast=fast)[1])
    assert "mapping values are not allowed here" in err.message
    assert "put the text in quotes" not in err.message


def test_validate_prints_the_hint(tmp_path):
    (tmp_path / "s.yaml").write_text(
        BASE.replace("line: Please?", "line: Listen: please?"), encoding="utf-8"
    )
    r = run("validate", "s.yaml", cwd=tmp_path)
    assert r.returncode == 1
    line, col = pos(BASE.replace("line: Please?", "line: Listen: please?"), ": please?")
    assert r.stdout.splitlines()[0] == (
        f"s.yaml:{line}:{col}: error: YAML syntax error: mapping values are not allowed here; "
        'put the text in quotes: line: "Listen: please?"'
    )
