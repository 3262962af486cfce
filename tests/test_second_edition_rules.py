"""The library-wide rules of the second edition, on small scenarios built for each case."""

from __future__ import annotations

from game.core.library_rules import (
    MAX_PASSIVE_DEAD_ENDS,
    MIN_SCENARIOS,
    format_second_edition,
    passive_dead_ends,
    scenarios_without_second_chance,
    second_edition_problems,
)
from tests.test_guessing import scenario


def dead_end(sid: str):
    """A passive first reply ends it at once."""
    return scenario(
        sid,
        {
            "ask": [
                ("Sure, fine.", "passive", 2, "poor"),
                ("No.", "assertive", 10, "push"),
            ],
            "push": [
                ("Please?", "passive", 2, "poor"),
                ("Still no, thanks.", "assertive", 10, "good"),
            ],
        },
    )


def second_chance(sid: str):
    """A passive first reply leads on to a beat where the player can take it back; a passive
    reply later on may still end it. The best reply is never the longest or the shortest."""
    return scenario(
        sid,
        {
            "ask": [
                ("Sure, fine, whatever works best for you.", "passive", 2, "again"),
                ("No thank you.", "assertive", 10, "good"),
                ("Ugh.", "aggressive", 0, "poor"),
            ],
            "again": [
                ("Actually, I said yes too fast.", "assertive", 10, "good"),
                ("Okay, fine.", "passive", 2, "poor"),
                (
                    "Well, since you can't cope without me, fine, I'll do it.",
                    "passive-aggressive",
                    0,
                    "poor",
                ),
            ],
        },
    )


def test_a_passive_first_reply_into_an_ending_is_a_dead_end():
    s = dead_end("a")
    assert [c.text for c in passive_dead_ends(s)] == ["Sure, fine."]
    assert passive_dead_ends(second_chance("b")) == ()


def test_only_the_start_beat_counts():
    # second_chance ends after a passive reply in its second beat; that is not a first reply.
    assert scenarios_without_second_chance([second_chance("b"), dead_end("a")]) == ["a"]


def test_the_bar_lists_each_shortfall():
    few = [dead_end(f"d{i}") for i in range(MAX_PASSIVE_DEAD_ENDS + 1)]
    problems = second_edition_problems(few)
    assert problems[0] == f"{len(few)} scenarios; the library needs at least {MIN_SCENARIOS}"
    # In dead_end the best reply is the shortest at "ask" and the longest at "push": 50%.
    assert any(p.startswith("the best reply is the longest in 4/8 beats (50%)") for p in problems)
    assert not any("'longest'" in p for p in problems)  # 50% is not more than half
    assert (
        any(p.startswith("the rule 'shortest' picks the best reply in 4/8") for p in problems)
        is False
    )
    assert problems[-1].startswith(f"{len(few)} scenarios end after a single passive first reply")


def test_a_library_that_meets_the_bar_has_no_problems():
    # No rule finds the best reply in second_chance, which has no dead end.
    good = [second_chance(f"s{i}") for i in range(MIN_SCENARIOS)]
    assert second_edition_problems(good) == []
    assert format_second_edition(good, with_bar=True).endswith("The library's bar is met.")


def test_the_printed_line_names_the_dead_ends():
    text = format_second_edition([dead_end("x"), second_chance("y")])
    assert text == (
        "Second chances: 1 of 2 scenarios end after a single passive first reply "
        f"(aim for at most {MAX_PASSIVE_DEAD_ENDS} in the library): x"
    )
