"""The outline: a text tree, Mermaid and Graphviz, and the outline command."""

from __future__ import annotations

import io
import re

import pytest

from game.cli import main
from game.cli.context import Context
from game.core.model import Beat, Character, Choice, Ending, Scenario
from game.core.outline import (
    MAX_DEPTH,
    TEXT_WIDTH,
    outline,
    outline_dot,
    outline_mermaid,
    outline_text,
    shorten,
)
from game.paths import SHIPPED_SCENARIOS, AppPaths


def make(beats: dict, endings: dict, start: str, lines: dict | None = None) -> Scenario:
    lines = lines or {}
    return Scenario(
        id="sample",
        title='A "sample"',
        category="work",
        difficulty=2,
        summary="A test.",
        characters={"sam": Character("sam", "Sam")},
        start=start,
        beats={
            bid: Beat(
                id=bid,
                speaker="sam",
                line=lines.get(bid, f"Line of {bid}"),
                choices=tuple(
                    Choice(f"reply {i}", style, pts, "fb", nxt, index=i)
                    for i, (style, pts, nxt) in enumerate(choices)
                ),
            )
            for bid, choices in beats.items()
        },
        endings={eid: Ending(eid, f"Title {eid}", "After.", tone) for eid, tone in endings.items()},
    )


DIAMOND = make(
    {
        "ask": [("assertive", 10, "push"), ("passive", 2, "soft"), ("aggressive", 0, "bad")],
        "push": [("assertive", 10, "last"), ("passive", 3, "bad")],
        "soft": [("assertive", 8, "last"), ("passive-aggressive", 1, "bad")],
        "last": [("assertive", 10, "good"), ("passive", 2, "bad")],
    },
    {"good": "good", "bad": "poor"},
    "ask",
)


def test_text_tree_shows_each_beat_once_then_refers_to_it():
    text = outline_text(DIAMOND)
    assert text.splitlines()[0] == 'A "sample" (sample, work, firm)'
    assert text.count("beat last (Sam)") == 1
    assert text.count("→ see beat last") == 1
    assert '├─ assertive 10: "reply 0"' in text
    assert '└─ aggressive 0: "reply 2"' in text
    assert "→ ending good (good): Title good" in text
    # every reply appears once per time its beat is drawn: 3 + 2 + 2 + 2
    assert (
        len(re.findall(r"(├─|└─) (assertive|passive|aggressive|passive-aggressive) \d+:", text))
        == 9
    )


def test_text_tree_indents_children_under_their_reply():
    lines = outline_text(DIAMOND).splitlines()
    i = lines.index('├─ assertive 10: "reply 0"')
    assert lines[i + 1] == '│  → beat push (Sam): "Line of push"'
    assert lines[i + 2].startswith("│  ├─ assertive 10")
    last = lines.index('└─ aggressive 0: "reply 2"')
    assert lines[last + 1] == "   → ending bad (poor): Title bad"


def test_ascii_tree():
    text = outline_text(DIAMOND, ascii_only=True)
    assert text.isascii()
    assert "-> see beat last" in text


def test_shorten():
    assert shorten("a  b\nc", 10) == "a b c"
    assert shorten("x" * 20, 10) == "x" * 9 + "…"
    assert len(shorten("word " * 30, 60)) <= 60


def test_long_chain_does_not_recurse():
    n = 1500
    beats = {
        f"b{i}": [("assertive", 10, f"b{i + 1}" if i < n - 1 else "good"), ("passive", 2, "bad")]
        for i in range(n)
    }
    s = make(beats, {"good": "good", "bad": "poor"}, "b0")
    text = outline_text(s)
    assert text.count("→ beat ") == n - 1
    # the indentation is capped: every line stays readable, the whole stays linear in beats
    widest = max(len(line) for line in text.splitlines())
    assert widest <= MAX_DEPTH * 3 + TEXT_WIDTH + 40
    assert len(text) < 200 * n
    assert text.count("continues at the margin") == n // (MAX_DEPTH + 1)
    assert outline_dot(s).count("->") == 2 * n


TRICKY = make(
    {
        'a"b': [("assertive", 10, "x\\y"), ("passive", 2, "end <1>")],
        "x\\y": [("assertive", 10, "end <1>"), ("aggressive", 0, "end#2")],
    },
    {"end <1>": "good", "end#2": "mixed"},
    'a"b',
    lines={'a"b': 'She says "no" & <b>means</b> it; #1\nnew line', "x\\y": 'C:\\path\\ "q"'},
)

DOT_LINE = re.compile(
    r'^\s+"(?:[^"\\]|\\.)*"(?: -> "(?:[^"\\]|\\.)*")? \[(?:\w+=(?:"(?:[^"\\]|\\.)*"|\w+)(?:, )?)+\];$'
)


def _check_dot(text: str) -> None:
    lines = text.splitlines()
    assert re.match(r'^digraph "(?:[^"\\]|\\.)*" \{$', lines[0])
    assert lines[-1] == "}"
    for line in lines[1:-1]:
        if re.match(r"^\s+\w+=(\"(?:[^\"\\]|\\.)*\"|\w+);$", line):
            continue  # graph attribute
        if re.match(r"^\s+(node|edge) \[.*\];$", line):
            continue
        assert DOT_LINE.match(line), line


@pytest.mark.parametrize("scenario", [DIAMOND, TRICKY], ids=["diamond", "tricky"])
def test_dot_is_well_formed(scenario):
    text = outline_dot(scenario)
    _check_dot(text)
    edges = sum(len(b.choices) for b in scenario.beats.values())
    assert text.count(" -> ") == edges


def test_dot_escapes_quotes_backslashes_and_newlines():
    text = outline_dot(TRICKY)
    assert '"a\\"b" -> "x\\\\y"' in text
    assert "#1 new line" not in text  # the label is shortened, new lines become spaces
    assert '\n    "ending:end <1>"' in text


MERMAID_NODE = re.compile(r'^    [be]\d+(\["[^"]*"\]|\(\["[^"]*"\]\))$')
MERMAID_EDGE = re.compile(r'^    [be]\d+ -->\|"[^"]*"\| [be]\d+$')


@pytest.mark.parametrize("scenario", [DIAMOND, TRICKY], ids=["diamond", "tricky"])
def test_mermaid_is_well_formed(scenario):
    text = outline_mermaid(scenario)
    lines = text.splitlines()
    assert lines[0] == "flowchart TD"
    for line in lines[1:]:
        assert (
            MERMAID_NODE.match(line)
            or MERMAID_EDGE.match(line)
            or re.match(r"^    classDef \w+ [\w:#,]+$", line)
            or re.match(r"^    class [be]\d+(,[be]\d+)* \w+$", line)
        ), line
    # no raw quotes, hashes or angle brackets inside labels except the line break
    for label in re.findall(r'"([^"]*)"', text):
        assert "<" not in label.replace("<br/>", "") and ">" not in label.replace("<br/>", "")
        assert not re.search(r"#(?!quot;|35;|lt;|gt;)", label)
    assert len(re.findall(r" -->\|", text)) == sum(len(b.choices) for b in scenario.beats.values())


def test_mermaid_escapes():
    text = outline_mermaid(TRICKY)
    assert "a#quot;b<br/>Sam: She says #quot;no#quot; & #lt;b#gt;means" in text


def test_outline_dispatch_and_unknown_format():
    assert outline(DIAMOND, "text") == outline_text(DIAMOND)
    assert outline(DIAMOND, "mermaid") == outline_mermaid(DIAMOND)
    assert outline(DIAMOND, "dot") == outline_dot(DIAMOND)
    with pytest.raises(ValueError):
        outline(DIAMOND, "svg")


# -- the command ----------------------------------------------------------------
def run_cli(argv, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    ctx = Context(AppPaths(tmp_path / "d", tmp_path / "c", tmp_path / "l"), out, err)
    code = main(argv, ctx)
    return code, out.getvalue(), err.getvalue()


def _a_shipped_file():
    return sorted(SHIPPED_SCENARIOS.rglob("*.yaml"))[0]


@pytest.mark.parametrize("fmt", ["text", "mermaid", "dot"])
def test_outline_command(fmt, tmp_path):
    code, out, err = run_cli(["outline", str(_a_shipped_file()), "--format", fmt], tmp_path)
    assert code == 0, err
    assert err == ""
    if fmt == "dot":
        _check_dot(out.rstrip("\n"))
    elif fmt == "mermaid":
        assert out.startswith("flowchart TD\n")
    else:
        assert "beat " in out and "ending " in out


def test_outline_command_with_a_broken_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\ntitle: Bad\ncategory: work\ndifficulty: 5\n", encoding="utf-8")
    code, out, err = run_cli(["outline", str(bad)], tmp_path)
    assert code == 1
    assert out == ""
    assert re.search(r"bad\.yaml:4:13: error: difficulty must be 1, 2 or 3", err)
    assert "Traceback" not in err
    assert "cannot outline" in err


def test_outline_command_with_a_missing_file(tmp_path):
    code, out, err = run_cli(["outline", str(tmp_path / "nope.yaml")], tmp_path)
    assert code == 1
    assert "nope.yaml:1:1: error:" in err
