"""The honest label: an assertive reply of 5 to 7 points is shown as "Partly assertive"."""

from __future__ import annotations

import io

import pytest

from game.cli.textplay import TextPlayer
from game.core.vocab import PARTLY_ASSERTIVE, STYLES, display_style
from tests.support.scenarios import BASE, load


@pytest.mark.parametrize("points", [5, 6, 7])
def test_assertive_5_to_7_is_partly_assertive(points):
    label = display_style("assertive", points)
    assert (label.key, label.word, label.style) == (
        PARTLY_ASSERTIVE,
        "Partly assertive",
        "assertive",
    )


@pytest.mark.parametrize("points", [8, 9, 10])
def test_assertive_8_to_10_is_assertive(points):
    label = display_style("assertive", points)
    assert (label.key, label.word, label.style) == ("assertive", "Assertive", "assertive")


@pytest.mark.parametrize("style", ["passive", "passive-aggressive", "aggressive"])
@pytest.mark.parametrize("points", [0, 1, 3])
def test_other_styles_keep_their_own_word_at_any_points(style, points):
    label = display_style(style, points)
    assert (label.key, label.word, label.style) == (style, STYLES[style].word, style)


def test_an_unknown_style_is_shown_by_its_id_without_failing():
    label = display_style("sarcastic-ish", 2)
    assert (label.key, label.word) == ("sarcastic-ish", "Sarcastic ish")


def test_a_choice_carries_its_label(tmp_path):
    scenario, _ = load(tmp_path, BASE.replace("points: 8", "points: 6"))
    still_no = scenario.beats["second"].choices[0]
    assert still_no.label.word == "Partly assertive"
    assert scenario.beats["ask"].choices[0].label.word == "Assertive"


@pytest.mark.parametrize(("points", "word"), [(6, "Partly assertive"), (8, "Assertive")])
def test_the_terminal_player_shows_the_label(tmp_path, points, word):
    scenario, _ = load(tmp_path, BASE.replace("points: 8", f"points: {points}"))
    out = io.StringIO()
    player = TextPlayer(scenario, 1, io.StringIO(), out)
    p = player.playthrough
    p.choose(next(i for i, c in enumerate(p.choices) if c.style == "assertive"))
    decision = p.choose(next(i for i, c in enumerate(p.choices) if c.style == "assertive"))
    player.show_outcome(decision)
    assert f"\n{word} reply · +{points} points" in "\n" + out.getvalue()
