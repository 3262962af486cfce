"""The optional beat `hint` (format 1.1) and the general hint built when there is none."""

from __future__ import annotations

import pytest

from game.core.model import Beat, Choice, hint_for
from game.core.vocab import GENERAL_HINT, SKILL_HINTS, SKILLS
from tests.support.scenarios import BASE, errors, load, pos

LOADERS = pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure"])
LINE = "    line: Could you help me?\n"  # in the first beat, 'ask'


def with_hint(value: str) -> str:
    assert LINE in BASE
    return BASE.replace(LINE, LINE + f"    hint: {value}\n", 1)


@LOADERS
def test_a_hint_is_carried_into_the_beat(tmp_path, fast):
    scenario, problems = load(tmp_path, with_hint("Say the no first."), fast=fast)
    assert problems == []
    assert scenario.beats["ask"].hint == "Say the no first."
    assert scenario.beats["second"].hint is None
    assert scenario.beats["ask"].hint_text() == "Say the no first."


@LOADERS
def test_a_hint_of_200_characters_is_fine_and_201_is_not(tmp_path, fast):
    scenario, problems = load(tmp_path, with_hint("h" * 200), fast=fast)
    assert errors(problems) == [] and scenario.beats["ask"].hint == "h" * 200
    text = with_hint("h" * 201)
    scenario, problems = load(tmp_path, text, fast=fast)
    assert scenario is None
    [problem] = errors(problems)
    assert problem.message == "hint is 201 characters long; the limit is 200"
    assert (problem.line, problem.column) == pos(text, "hhhh")


@LOADERS
@pytest.mark.parametrize(
    ("value", "needle", "found"),
    [("[one, two]", "[one", "a list"), ("{a: b}", "{a", "a mapping")],
)
def test_a_hint_must_be_text(tmp_path, fast, value, needle, found):
    text = with_hint(value)
    scenario, problems = load(tmp_path, text, fast=fast)
    assert scenario is None
    [problem] = errors(problems)
    assert problem.message == f"hint must be text, not {found}"
    assert (problem.line, problem.column) == pos(text, needle)


@LOADERS
def test_a_misspelt_hint_gets_a_suggestion(tmp_path, fast):
    text = with_hint("x").replace("    hint: x", "    hnit: x")
    _, problems = load(tmp_path, text, fast=fast)
    [problem] = errors(problems)
    assert problem.message == "unknown key 'hnit' in a beat; did you mean 'hint'?"
    assert (problem.line, problem.column) == pos(text, "hnit")


@LOADERS
@pytest.mark.parametrize("value", ["", "'   '", "No", "42"])
def test_blank_hints_count_as_none_and_words_stay_text(tmp_path, fast, value):
    scenario, problems = load(tmp_path, with_hint(value), fast=fast)
    assert errors(problems) == []
    expected = {"": None, "'   '": None, "No": "No", "42": "42"}[value]
    assert scenario.beats["ask"].hint == expected


def beat(skills: tuple[str, ...], hint: str | None = None, best_points: int = 10) -> Beat:
    return Beat(
        id="b",
        speaker="sam",
        line="Could you?",
        hint=hint,
        choices=(
            Choice("Sure.", "passive", 2, "f", "end", index=0),
            Choice("No.", "assertive", best_points, "f", "end", skills=skills, index=1),
            Choice("Maybe not.", "assertive", 6, "f", "end", skills=("validate",), index=2),
        ),
    )


def test_without_a_hint_the_first_skill_of_the_best_reply_gives_it():
    assert hint_for(beat(("ask-directly", "clear-no"))) == (
        "Try naming what you need in one short sentence."
    )
    assert hint_for(beat(("clear-no", "ask-directly"))) == SKILL_HINTS["clear-no"]


def test_the_best_reply_is_the_one_asked_about_not_a_weaker_one():
    # The 6-point reply lists validate; the best (10) lists fogging.
    assert hint_for(beat(("fogging",))) == SKILL_HINTS["fogging"]
    # When the 6-point reply is the best, its skill speaks.
    assert hint_for(beat(("fogging",), best_points=5)) == SKILL_HINTS["validate"]


def test_a_best_reply_without_skills_gets_the_general_hint():
    assert hint_for(beat(())) == GENERAL_HINT


def test_the_authors_hint_wins():
    assert hint_for(beat(("clear-no",), hint="Breathe first.")) == "Breathe first."


def test_every_skill_has_one_short_general_hint():
    assert set(SKILL_HINTS) == set(SKILLS)
    for skill, line in SKILL_HINTS.items():
        assert 10 < len(line) <= 100, skill
        assert line.endswith((".", "?")), skill
        assert '"' not in line, f"{skill}: a general hint quotes no reply"
