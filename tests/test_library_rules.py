"""The shipped library's breadth and depth rules, kept true as scenarios are added."""

from collections import Counter

import pytest

from game.core.library import load_library
from game.core.vocab import KNOWN_CATEGORIES, PARTLY_ASSERTIVE, SKILLS
from game.paths import SHIPPED_SCENARIOS

LIB = load_library([SHIPPED_SCENARIOS])
SCENARIOS = LIB.scenarios
IDS = [s.id for s in SCENARIOS]


def test_enough_scenarios():
    assert len(SCENARIOS) >= 30


def test_every_category_has_at_least_two_and_lives_in_its_folder():
    counts = Counter(s.category for s in SCENARIOS)
    for category in KNOWN_CATEGORIES:
        assert counts[category] >= 2, f"{category}: {counts[category]}"
    for s in SCENARIOS:
        assert s.path.parent.name == s.category, f"{s.id} should live in scenarios/{s.category}/"


def test_every_difficulty_has_at_least_eight():
    counts = Counter(s.difficulty for s in SCENARIOS)
    assert all(counts[d] >= 8 for d in (1, 2, 3)), counts


def test_every_skill_is_practised_in_three_scenarios():
    used = Counter()
    for s in SCENARIOS:
        skills = {
            k
            for b in s.beats.values()
            for c in b.choices
            if c.style == "assertive"
            for k in c.skills
        }
        used.update(skills)
    short = {k: used[k] for k in SKILLS if used[k] < 3}
    assert not short, f"skills in fewer than 3 scenarios: {short}"


def test_partly_assertive_replies_appear_across_the_library():
    with_partial = [
        s.id for s in SCENARIOS
        if any(c.label.key == PARTLY_ASSERTIVE for b in s.beats.values() for c in b.choices)
    ]  # fmt: skip
    assert len(with_partial) >= len(SCENARIOS) // 3


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_scenario_depth(scenario):
    s = scenario
    assert s.longest_path() >= 3, "the longest path needs at least 3 decisions"
    tones = {e.tone for e in s.endings.values()}
    assert len(s.endings) >= 3 and tones == {"good", "mixed", "poor"}, (
        "3+ endings covering every tone"
    )
    # Pushback: somewhere an assertive reply leads on to another beat, not straight to an ending.
    assert any(
        c.style == "assertive" and c.next in s.beats for b in s.beats.values() for c in b.choices
    ), "the other person should push back at least once after an assertive reply"
    rich = [
        b
        for b in s.beats.values()
        if len(b.choices) >= 3 and len({c.style for c in b.choices}) >= 3
    ]
    assert len(rich) * 2 > len(s.beats), "most beats offer 3-4 replies spanning 3+ styles"
    assert s.goal and s.takeaway, "goal and takeaway help the player"
    for b in s.beats.values():
        best = b.model_answer
        assert best.style == "assertive", f"beat {b.id}: the best reply must be assertive"
