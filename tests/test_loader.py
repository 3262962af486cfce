"""Loader hazards: what the YAML layer must refuse, with a position, and never crash on."""

from __future__ import annotations

import pytest

from game.core import yamltree
from game.core.loader import MAX_BYTES, load_scenario_bytes, load_scenario_file
from tests.support.scenarios import BASE, errors, load, pos, write

BOTH = pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure"])


def only_error(problems):
    errs = errors(problems)
    assert len(errs) == 1, [str(p) for p in problems]
    return errs[0]


@BOTH
def test_alias_bomb_is_refused_without_expanding(tmp_path, fast):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 30):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    text = "\n".join(lines) + "\n"
    scenario, problems = load(tmp_path, text, fast=fast)
    err = only_error(problems)
    assert scenario is None
    assert "anchors (&a0) are not allowed" in err.message
    assert (err.line, err.column) == pos(text, "&a0")


@BOTH
def test_alias_is_refused(tmp_path, fast):
    text = BASE.replace("title: A test", "title: *t")
    err = only_error(load(tmp_path, text, fast=fast)[1])
    assert "aliases (*t) are not allowed" in err.message
    assert (err.line, err.column) == pos(text, "*t")


@BOTH
def test_merge_key_is_refused(tmp_path, fast):
    text = BASE.replace("  sam: {name: Sam, role: Coworker}", "  sam: {<<: {name: Sam}}")
    err = only_error(load(tmp_path, text, fast=fast)[1])
    assert "merge keys (<<) are not allowed" in err.message
    assert (err.line, err.column) == pos(text, "<<")


@BOTH
@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!foo", "!!str", "!"])
def test_tags_are_refused(tmp_path, fast, tag):
    text = BASE.replace("title: A test", f"title: {tag} A test")
    err = only_error(load(tmp_path, text, fast=fast)[1])
    assert "tags (" in err.message and "are not allowed" in err.message
    assert (err.line, err.column) == pos(text, tag)


@BOTH
def test_duplicate_key_names_the_first(tmp_path, fast):
    text = BASE.replace(
        "        feedback: Clear and kind.\n",
        "        feedback: Clear and kind.\n        text: again\n",
    )
    err = only_error(load(tmp_path, text, fast=fast)[1])
    first_line = pos(text, "text: No, thank")[0]
    assert err.message == f"duplicate key 'text' (first at line {first_line})"
    assert (err.line, err.column) == pos(text, "text: again")


@BOTH
@pytest.mark.parametrize("opener,closer", [("[", "]"), ("{a: ", "}")])
def test_deep_nesting_is_refused_not_crashing(tmp_path, fast, opener, closer):
    depth = 100_000 if opener == "[" else 5_000
    text = "id: x\ntags: " + opener * depth + closer * depth + "\n"
    scenario, problems = load(tmp_path, text, fast=fast)
    err = only_error(problems)
    assert "nested too deeply" in err.message
    assert err.line == 2


def test_huge_file_is_refused_before_parsing(tmp_path, monkeypatch):
    path = write(tmp_path, BASE + "#" * (MAX_BYTES + 1))
    monkeypatch.setattr(yamltree, "parse", lambda *a, **k: pytest.fail("parsed a huge file"))
    err = only_error(load_scenario_file(path)[1])
    assert "at most 256 KiB" in err.message
    assert (err.line, err.column) == (1, 1)


def test_exactly_256_kib_is_allowed(tmp_path):
    padding = MAX_BYTES - len(BASE.encode())
    scenario, problems = load_scenario_bytes(
        (BASE + "#" * (padding - 1) + "\n").encode(), tmp_path / "s.yaml"
    )
    assert scenario is not None, [str(p) for p in problems]


def test_non_utf8_names_the_position(tmp_path):
    data = BASE.replace("title: A test", "title: Caf\xe9").encode("latin-1")
    path = tmp_path / "s.yaml"
    path.write_bytes(data)
    err = only_error(load_scenario_file(path)[1])
    assert "not UTF-8" in err.message and "0xe9" in err.message
    assert (err.line, err.column) == (2, 11)


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_bytes(bytes(range(256)) * 4)
    scenario, problems = load_scenario_file(path)
    assert scenario is None and errors(problems)


def test_nul_byte_is_refused(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_bytes(b"id: a\x00b\n")
    err = only_error(load_scenario_file(path)[1])
    assert "NUL" in err.message and (err.line, err.column) == (1, 6)


@BOTH
def test_bom_and_modeline_are_allowed(tmp_path, fast):
    path = tmp_path / "s.yaml"
    path.write_bytes(b"\xef\xbb\xbf# yaml-language-server: $schema=./x.json\n" + BASE.encode())
    scenario, problems = load_scenario_file(path, fast=fast)
    assert problems == [] and scenario.id == "test-scenario"


@BOTH
@pytest.mark.parametrize(
    "text,message",
    [
        ("", "the file is empty"),
        ("# only a comment\n", "the file is empty"),
        ("---\n", "the file is empty"),
        ("- a\n- b\n", "must be a mapping of keys (id, title, ...), not a list"),
        ("just words\n", "must be a mapping of keys (id, title, ...), not text"),
        ("id: a\n---\nid: b\n", "only one scenario (one YAML document) per file"),
    ],
)
def test_top_level_shape(tmp_path, fast, text, message):
    err = only_error(load(tmp_path, text, fast=fast)[1])
    assert message in err.message


@pytest.mark.parametrize(
    "text,needle",
    [
        ("id: a\ntitle: b: c\n", "b: c"),
        ("id: a\n  title: b\n", "title"),
        ("id: [a, b\n", None),
        ("id: 'unclosed\n", None),
        ("id: a\n\ttitle: b\n", None),
        ("a:\n  - b\n c: d\n", "c: d"),
        ("a:\n  - b\n  c: d\n", "c: d"),
        ("id: @x\n", "@x"),
        ('id: "open\ntitle: [\n', None),
    ],
)
def test_syntax_errors_are_positioned_and_the_same_in_both_loaders(tmp_path, text, needle):
    fast = only_error(load(tmp_path, text, fast=True)[1])
    pure = only_error(load(tmp_path, text, fast=False)[1])
    assert fast.message.startswith("YAML syntax error")
    assert (fast.line, fast.column) == (pure.line, pure.column)
    assert fast.message == pure.message
    if needle:
        assert fast.line == pos(text, needle)[0]


def test_both_loaders_build_the_same_scenario(tmp_path):
    from pathlib import Path

    for path in sorted(Path("scenarios").rglob("*.yaml"))[:10]:
        a, pa = load_scenario_file(path, fast=True)
        b, pb = load_scenario_file(path, fast=False)
        assert [str(p) for p in pa] == [str(p) for p in pb]
        if a is not None:
            assert a.beats == b.beats and a.endings == b.endings and a.characters == b.characters


def test_missing_and_folder_paths(tmp_path):
    assert "no such file" in only_error(load_scenario_file(tmp_path / "nope.yaml")[1]).message
    assert "folder" in only_error(load_scenario_file(tmp_path)[1]).message
