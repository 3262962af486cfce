"""The editor schema: in step with the vocabulary, the shipped scenarios and the guide."""

from __future__ import annotations

import copy
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from game.core import schema as schema_mod
from game.core.loader import load_scenario_file
from game.core.schema import (
    MODELINE_PREFIX,
    SCHEMA_PATH,
    build_schema,
    load_schema,
    schema_modeline,
)
from game.core.vocab import MOODS, SKILLS, STYLES, TONES
from game.paths import PROJECT_ROOT, SHIPPED_SCENARIOS

GUIDE = PROJECT_ROOT / "docs" / "authoring.md"

BASE = """
id: extra-shift
title: The extra shift
category: work
difficulty: 1
summary: Sam asks you to cover a shift.
characters:
  sam: {name: Sam, role: Coworker}
start: ask
beats:
  ask:
    speaker: sam
    line: Could you take my Saturday shift?
    choices:
      - text: I can't this Saturday.
        style: assertive
        skills: [clear-no]
        feedback: Clear and kind.
        next: held
      - text: Um, okay.
        style: passive
        feedback: You gave up your plans.
        next: gave-in
endings:
  held: {title: Boundary held, tone: good, text: You keep your Saturday.}
  gave-in: {title: Plans cancelled, tone: poor, text: You work Saturday.}
"""


@pytest.fixture(scope="module")
def validator():
    return jsonschema.Draft7Validator(load_schema())


def base() -> dict:
    return yaml.safe_load(BASE)


def test_schema_is_valid_draft7():
    jsonschema.Draft7Validator.check_schema(load_schema())
    assert load_schema()["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_shipped_file_is_what_the_vocabulary_builds():
    assert load_schema() == build_schema(), (
        "game/data/scenario.schema.json is out of date; run "
        'python -c "from game.core.schema import write_schema; write_schema()"'
    )
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_mod.schema_text()


def test_enums_follow_the_vocabulary():
    s = load_schema()["definitions"]
    assert s["choice"]["properties"]["style"]["enum"] == list(STYLES)
    assert s["choice"]["properties"]["skills"]["items"]["enum"] == list(SKILLS)
    assert s["beat"]["properties"]["mood"]["enum"] == list(MOODS)
    assert s["ending"]["properties"]["tone"]["enum"] == list(TONES)


def test_base_example_passes(validator):
    assert list(validator.iter_errors(base())) == []


def _shipped_files() -> list[Path]:
    return sorted(
        p for p in SHIPPED_SCENARIOS.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
    )


def test_there_are_shipped_scenarios():
    assert _shipped_files()


@pytest.mark.parametrize("path", _shipped_files(), ids=lambda p: p.name)
def test_every_shipped_scenario_passes(path, validator):
    data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    assert isinstance(data, dict)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []


def _guide_examples() -> list[tuple[int, str | None, str]]:
    """(line, fragment kind or None, text) of each ```yaml block in the guide."""
    if not GUIDE.exists():
        return []
    text = GUIDE.read_text(encoding="utf-8")
    found = []
    for m in re.finditer(r"(?:<!-- fragment: (\w+) -->\s*\n)?```yaml\n(.*?)```", text, re.S):
        found.append((text.count("\n", 0, m.start()) + 1, m.group(1), m.group(2)))
    return found


def test_guide_has_examples():
    assert GUIDE.exists(), "docs/authoring.md is missing"
    assert len(_guide_examples()) >= 2


@pytest.mark.parametrize("example", _guide_examples(), ids=lambda e: f"line{e[0]}")
def test_every_guide_example_passes(example):
    _line, fragment, text = example
    data = yaml.safe_load(text)
    full = load_schema()
    if fragment:
        target = {**full["definitions"][fragment], "definitions": full["definitions"]}
        if fragment in ("beats", "endings", "characters"):
            target = {**full["properties"][fragment], "definitions": full["definitions"]}
            target.pop("minProperties", None)
    else:
        target = full
    errors = [
        f"{list(e.absolute_path)}: {e.message}"
        for e in jsonschema.Draft7Validator(target).iter_errors(data)
    ]
    assert errors == []


def _set(path, value):
    def mutate(d):
        *parents, last = path
        for key in parents:
            d = d[key]
        d[last] = value

    return mutate


def _delete(path):
    def mutate(d):
        *parents, last = path
        for key in parents:
            d = d[key]
        del d[last]

    return mutate


CHOICE0 = ("beats", "ask", "choices", 0)
CHOICE1 = ("beats", "ask", "choices", 1)

BROKEN = {
    "missing title": _delete(("title",)),
    "missing beats": _delete(("beats",)),
    "missing endings": _delete(("endings",)),
    "unknown top-level key": _set(("choises",), []),
    "id with capitals": _set(("id",), "Extra-Shift"),
    "id with double hyphen": _set(("id",), "extra--shift"),
    "id too long": _set(("id",), "a" * 65),
    "empty title": _set(("title",), ""),
    "title too long": _set(("title",), "x" * 81),
    "difficulty as word": _set(("difficulty",), "hard"),
    "difficulty 4": _set(("difficulty",), 4),
    "difficulty quoted": _set(("difficulty",), "2"),
    "format 2": _set(("format",), 2),
    "summary too long": _set(("summary",), "x" * 601),
    "goal too long": _set(("goal",), "x" * 201),
    "tags not a list": _set(("tags",), "work"),
    "reserved character you": _set(("characters", "you"), {"name": "You"}),
    "reserved character narrator": _set(("characters", "narrator"), {"name": "N"}),
    "character id starts with digit": _set(("characters", "1sam"), {"name": "Sam"}),
    "character without name": _set(("characters", "sam"), {"role": "Coworker"}),
    "character unknown key": _set(("characters", "sam", "nmae"), "Sam"),
    "portrait absolute": _set(("characters", "sam", "portrait"), "/etc/passwd"),
    "portrait url": _set(("characters", "sam", "portrait"), "https://example.com/a.png"),
    "portrait windows drive": _set(("characters", "sam", "portrait"), "C:\\a.png"),
    "beats empty": _set(("beats",), {}),
    "beat id blank": _set(("beats", " "), {}),
    "beat id too long": _set(("beats", "b" * 65), {}),
    "ending id too long": _set(("endings", "e" * 65), {"title": "T", "text": "T", "tone": "good"}),
    "blank title": _set(("title",), "   "),
    "blank feedback": _set(CHOICE0 + ("feedback",), " "),
    "tag too long": _set(("tags",), ["x" * 41]),
    "empty tag": _set(("tags",), [""]),
    "characters empty": _set(("characters",), {}),
    "portrait data uri": _set(("characters", "sam", "portrait"), "data:image/png;base64,AAAA"),
    "portrait home": _set(("characters", "sam", "portrait"), "~/me.png"),
    "mood empty": _set(("beats", "ask", "mood"), None),
    "blank next": _set(CHOICE0 + ("next",), " "),
    "beat without line": _delete(("beats", "ask", "line")),
    "beat unknown key": _set(("beats", "ask", "lines"), "x"),
    "bad mood": _set(("beats", "ask", "mood"), "furious"),
    "line too long": _set(("beats", "ask", "line"), "x" * 501),
    "hint too long": _set(("beats", "ask", "hint"), "x" * 201),
    "hint a list": _set(("beats", "ask", "hint"), ["a"]),
    "one choice": _delete(CHOICE1),
    "five choices": lambda d: d["beats"]["ask"]["choices"].extend(
        copy.deepcopy(d["beats"]["ask"]["choices"][1]) for _ in range(3)
    ),
    "no assertive choice": _set(CHOICE0 + ("style",), "passive"),
    "bad style": _set(CHOICE0 + ("style",), "assertve"),
    "assertive points 4": _set(CHOICE0 + ("points",), 4),
    "assertive points 11": _set(CHOICE0 + ("points",), 11),
    "passive points 5": _set(CHOICE1 + ("points",), 5),
    "aggressive points 4": lambda d: d["beats"]["ask"]["choices"][1].update(
        style="aggressive", points=4
    ),
    "passive-aggressive points 4": lambda d: d["beats"]["ask"]["choices"][1].update(
        style="passive-aggressive", points=4
    ),
    "points as text": _set(CHOICE0 + ("points",), "ten"),
    "points fraction": _set(CHOICE0 + ("points",), 7.5),
    "skills on passive": _set(CHOICE1 + ("skills",), ["clear-no"]),
    "unknown skill": _set(CHOICE0 + ("skills",), ["clear-yes"]),
    "repeated skill": _set(CHOICE0 + ("skills",), ["clear-no", "clear-no"]),
    "choice without feedback": _delete(CHOICE0 + ("feedback",)),
    "choice without next": _delete(CHOICE0 + ("next",)),
    "choice unknown key": _set(CHOICE0 + ("nxt",), "held"),
    "empty choice text": _set(CHOICE0 + ("text",), ""),
    "null choice text": _set(CHOICE0 + ("text",), None),
    "choice text a list": _set(CHOICE0 + ("text",), ["a"]),
    "bad reply mood": _set(CHOICE0 + ("reply_mood",), "meh"),
    "ending without tone": _delete(("endings", "held", "tone")),
    "ending bad tone": _set(("endings", "held", "tone"), "great"),
    "ending title too long": _set(("endings", "held", "title"), "x" * 61),
    "endings empty": _set(("endings",), {}),
    "top level a list": lambda d: None,  # replaced below
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_fixtures_fail(name, validator):
    data = base()
    if name == "top level a list":
        data = [data]
    else:
        BROKEN[name](data)
    assert list(validator.iter_errors(data)), f"{name} should fail the schema"


@pytest.mark.parametrize(
    "text",
    ["No", "yes", "42", "1:30 then?", "3.5", "true", "off"],
)
def test_unquoted_scalars_in_text_fields_pass(text, validator):
    """What an editor may type an unquoted scalar as is still fine in a text field."""
    data = yaml.safe_load(BASE.replace("text: Um, okay.", f"text: {text}"))
    assert list(validator.iter_errors(data)) == []


# Files the schema flags but the game accepts: `text: null` is the word "null" to the game,
# but an editor reads it as nothing. Authors never mean it, so the editor's warning is kind.
SCHEMA_STRICTER = {"null choice text"}


@pytest.mark.parametrize("name", sorted(set(BROKEN) - SCHEMA_STRICTER))
def test_the_game_rejects_every_broken_fixture_too(name, tmp_path):
    """The schema and the game's validator agree on every broken fixture."""
    data = base()
    if name == "top level a list":
        data = [data]
    else:
        BROKEN[name](data)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    scenario, problems = load_scenario_file(path)
    assert scenario is None and any(p.is_error for p in problems), name


def test_the_game_accepts_the_base_example(tmp_path):
    path = tmp_path / "base.yaml"
    path.write_text(BASE, encoding="utf-8")
    scenario, problems = load_scenario_file(path)
    assert scenario is not None, [str(p) for p in problems]


def test_empty_optional_text_passes(validator):
    data = yaml.safe_load(BASE + "goal:\ntakeaway:\n")
    assert data["goal"] is None
    assert list(validator.iter_errors(data)) == []


def test_free_form_beat_ids_pass(validator):
    data = yaml.safe_load(
        BASE.replace("next: held", "next: Held_Firm").replace("  held:", "  Held_Firm:")
    )
    assert list(validator.iter_errors(data)) == []


def test_partly_assertive_and_defaults_pass(validator):
    data = base()
    data["beats"]["ask"]["choices"][0]["points"] = 6
    data["beats"]["ask"]["choices"][1]["points"] = 4
    data["format"] = 1
    data["content_warning"] = "Mentions money worries."
    data["tags"] = ["work", "declining"]
    data["characters"]["narrator_2"] = {"name": "Inner voice", "portrait": "portraits/me.png"}
    assert list(validator.iter_errors(data)) == []


def test_modeline_inside_project_is_relative():
    line = schema_modeline(SHIPPED_SCENARIOS / "work" / "new-one.yaml")
    assert line == MODELINE_PREFIX + "../../game/data/scenario.schema.json"
    target = (SHIPPED_SCENARIOS / "work" / line.removeprefix(MODELINE_PREFIX)).resolve()
    assert target == SCHEMA_PATH


def test_modeline_for_a_file_in_the_project_root():
    line = schema_modeline(PROJECT_ROOT / "mine.yaml")
    assert line == MODELINE_PREFIX + "game/data/scenario.schema.json"


def test_modeline_outside_project_names_a_copy_beside_the_file(tmp_path):
    line = schema_modeline(tmp_path / "not-yet" / "mine.yaml")
    assert line == MODELINE_PREFIX + "scenario.schema.json"
    assert "file://" not in line and str(tmp_path) not in line


def test_schema_command_prints_the_schema(tmp_path, monkeypatch):
    from game.cli import main
    from game.cli.context import Context
    from game.paths import AppPaths

    out, err = io.StringIO(), io.StringIO()
    ctx = Context(AppPaths(tmp_path / "d", tmp_path / "c", tmp_path / "l"), out, err)
    assert main(["schema"], ctx) == 0
    assert json.loads(out.getvalue()) == load_schema()

    target = tmp_path / "sub" / "scenario.schema.json"
    out2 = io.StringIO()
    ctx2 = Context(ctx.paths, out2, err)
    assert main(["schema", "--output", str(target)], ctx2) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == load_schema()
    assert str(target) in out2.getvalue()
