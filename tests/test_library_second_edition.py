"""The second edition's bar, which the shipped library must meet.

Each test names the scenarios or numbers that fall short, so a writer knows what to change.
`python main.py validate --report` prints the same figures.
"""

from __future__ import annotations

from game.core.guessing import LONGEST_BAR, RULE_BAR, RULES, guessing_report
from game.core.library import load_library
from game.core.library_rules import (
    MAX_PASSIVE_DEAD_ENDS,
    MIN_SCENARIOS,
    scenarios_without_second_chance,
)
from game.paths import SHIPPED_SCENARIOS

LIB = load_library([SHIPPED_SCENARIOS])
SCENARIOS = LIB.scenarios
GUESSING = guessing_report(SCENARIOS)


def test_the_library_loads_cleanly():
    assert LIB.errors == [], [str(p) for p in LIB.errors]


def test_at_least_fifty_scenarios():
    assert len(SCENARIOS) >= MIN_SCENARIOS, f"{len(SCENARIOS)} scenarios"


def test_the_best_reply_is_the_longest_in_at_most_40_percent_of_beats():
    worst = sorted(GUESSING.scenarios, key=lambda s: s.best_is_longest / s.beats, reverse=True)[:10]
    assert GUESSING.best_is_longest_share <= LONGEST_BAR, (
        f"best is longest in {GUESSING.best_is_longest}/{GUESSING.beats} beats; most of all in "
        + ", ".join(f"{s.scenario_id} {s.best_is_longest}/{s.beats}" for s in worst)
    )


def test_no_guessing_rule_finds_the_best_reply_in_more_than_half_of_the_beats():
    over = {
        rule: f"{GUESSING.hits[rule]}/{GUESSING.beats}"
        for rule in RULES
        if GUESSING.share(rule) > RULE_BAR
    }
    assert not over, f"rules that guess the best reply too often: {over}"


def test_at_most_three_scenarios_end_after_a_single_passive_first_reply():
    dead = scenarios_without_second_chance(SCENARIOS)
    assert len(dead) <= MAX_PASSIVE_DEAD_ENDS, (
        f"{len(dead)} scenarios end after one passive first reply: {', '.join(dead)}"
    )
