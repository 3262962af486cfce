"""The guessability measure, on small scenarios whose answers are known by construction."""

from __future__ import annotations

import pytest

from game.core.guessing import (
    RULES,
    format_guessing,
    guessing_report,
    scenario_guessing,
    sentence_count,
)
from game.core.model import Beat, Character, Choice, Ending, Scenario


def scenario(sid: str, beats: dict[str, list[tuple[str, str, int, str]]]) -> Scenario:
    """beats: id -> [(text, style, points, next)], in file order; the first beat starts."""
    built = {
        bid: Beat(
            id=bid,
            speaker="sam",
            line="Well?",
            choices=tuple(
                Choice(text, style, points, "because", nxt, index=i)
                for i, (text, style, points, nxt) in enumerate(choices)
            ),
        )
        for bid, choices in beats.items()
    }
    return Scenario(
        id=sid, title=sid, category="work", difficulty=1, summary="A test.",
        characters={"sam": Character("sam", "Sam")}, start=next(iter(beats)), beats=built,
        endings={"good": Ending("good", "Good", "Fine.", "good"),
                 "poor": Ending("poor", "Poor", "Not fine.", "poor")},
    )  # fmt: skip


# Beat "ask": the best reply is short, has no hedge and starts with "No".
# Beat "push": the best reply is the longest, has two sentences, two commas and " and ".
SHORT_BEST = scenario(
    "short-best",
    {
        "ask": [
            ("Sorry, I just think maybe I can't, if that's okay?", "assertive", 6, "poor"),
            ("No.", "assertive", 10, "push"),
            ("Whatever you say, I guess", "passive", 2, "poor"),
        ],
        "push": [
            ("Fine!", "passive-aggressive", 1, "poor"),
            ("I hear you, I do. It's still no, and that's okay.", "assertive", 10, "good"),
        ],
    },
)


def hits_by_beat(s: Scenario) -> dict[str, dict[str, bool]]:
    from game.core.guessing import beat_hits

    return {bid: beat_hits(b) for bid, b in s.beats.items()}


def test_each_rule_on_a_short_best_reply():
    ask = hits_by_beat(SHORT_BEST)["ask"]
    assert ask == {
        "longest": False,
        "most words": False,
        "most sentences": False,  # all three are one sentence; the longest wins the tie
        "no hedge, then longest": True,  # the only reply without sorry/just/maybe/I guess
        "no ? or !, then longest": False,  # "Whatever you say, I guess" is longer than "No."
        "starts with I, then longest": False,  # none starts with the word I
        "most commas": False,
        "contains ' and ', then longest": False,
        "shortest": True,
    }


def test_each_rule_on_a_long_best_reply():
    push = hits_by_beat(SHORT_BEST)["push"]
    assert push == {
        "longest": True,
        "most words": True,
        "most sentences": True,
        "no hedge, then longest": True,
        "no ? or !, then longest": True,
        "starts with I, then longest": True,
        "most commas": True,
        "contains ' and ', then longest": True,
        "shortest": False,
    }


def test_scenario_counts_and_the_always_longest_path():
    g = scenario_guessing(SHORT_BEST)
    assert (g.scenario_id, g.beats, g.best_is_longest) == ("short-best", 2, 1)
    assert g.hits["shortest"] == 1 and g.hits["no hedge, then longest"] == 2
    assert g.chance == pytest.approx(1 / 3 + 1 / 2)
    # Longest at "ask" is the 6-point hedge, which leads straight to the poor ending.
    assert (g.always_longest_percent, g.always_longest_tone) == (60, "poor")


def test_ties_go_to_the_first_reply_in_the_file():
    tie = scenario(
        "tie",
        {
            "ask": [
                ("Sure thing.", "passive", 2, "poor"),
                ("No thanks.", "assertive", 10, "good"),
                ("Okay, fine", "passive", 2, "poor"),
            ]
        },
    )
    # "No thanks." and "Okay, fine" are both 10 characters; "Sure thing." is 11.
    assert scenario_guessing(tie).best_is_longest == 0
    first = scenario(
        "first",
        {"ask": [("No thanks.", "assertive", 10, "good"), ("Okay, fine", "passive", 2, "poor")]},
    )
    assert scenario_guessing(first).best_is_longest == 1


def test_starts_with_i_means_the_word_i():
    s = scenario(
        "i-word",
        {
            "ask": [
                ("It is a lot to ask of anyone, honestly.", "passive", 2, "poor"),
                ("I'm out.", "assertive", 10, "good"),
            ]
        },
    )
    assert scenario_guessing(s).hits["starts with I, then longest"] == 1


def test_the_library_totals_add_up_across_scenarios():
    long_best = scenario(
        "long-best",
        {
            "ask": [
                ("Okay.", "passive", 2, "poor"),
                ("Not tonight, thanks.", "assertive", 10, "good"),
            ]
        },
    )
    report = guessing_report([SHORT_BEST, long_best])
    assert report.beats == 3 and report.best_is_longest == 2
    assert report.hits["longest"] == 2 and report.share("longest") == pytest.approx(2 / 3)
    assert report.strongest_rule == ("no hedge, then longest", 1.0)
    assert set(report.hits) == set(RULES)


def test_an_empty_set_reports_zero_without_dividing_by_it():
    report = guessing_report([])
    assert report.beats == 0 and report.share("longest") == 0.0
    assert "0 beats in 0 scenarios" in format_guessing(report)


def test_the_printed_report_names_every_rule_and_scenario():
    text = format_guessing(guessing_report([SHORT_BEST]))
    assert "the best reply is the longest in 1/2 beats (50%" in text
    for name in RULES:
        line = next(ln for ln in text.splitlines() if ln.strip().startswith(name))
        hits = scenario_guessing(SHORT_BEST).hits[name]
        assert f"{hits}/2" in line
    assert any(ln.split()[:2] == ["short-best", "1/2"] for ln in text.splitlines())


@pytest.mark.parametrize(
    ("text", "count"),
    [("No.", 1), ("No", 1), ("I hear you. Still no!", 2), ("Um... okay? Fine.", 3), ("", 1)],
)
def test_sentence_count(text, count):
    assert sentence_count(text) == count


def test_validate_report_prints_the_guessing_section(tmp_path):
    import io

    from game.cli import main
    from game.cli.context import Context
    from game.paths import AppPaths
    from tests.support.scenarios import BASE, write

    path = write(tmp_path, BASE)
    out = io.StringIO()
    code = main(["validate", "--report", str(path)], Context(paths=AppPaths.default(), out=out))
    text = out.getvalue()
    assert code == 0, text
    # BASE: "No, thank you." beats "Fine, I guess." (14 characters each, first wins);
    # "Still no." (9) is shorter than "Ugh, whatever." (14).
    assert "Guessing the best reply by its shape (2 beats in 1 scenario):" in text
    assert "the best reply is the longest in 1/2 beats" in text
    assert text.index("Guessing") < text.index("1 file checked")
    # "Fine, I guess." at the start leads straight to the ending gave-in.
    assert "Second chances: 1 of 1 scenarios end after a single passive first reply" in text
    assert "bar" not in text  # the library's bar is for the shipped folder, not one file
