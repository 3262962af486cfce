"""The debrief's lead words: what went well, one thing to try next, and the safety variant."""

from dataclasses import replace

from game.core.coaching import coach, shorten
from game.core.engine import Playthrough
from tests.support.history import make_scenario


def run(scenario, picks, seed=1):
    p = Playthrough(scenario, seed)
    p.replay(picks)
    return p


def test_a_perfect_run_names_what_went_well_and_suggests_nothing():
    p = run(make_scenario(), [0, 0])
    c = coach(p.scenario, p.decisions)
    assert c.went_well == "You said a clear no and acknowledged how the other person felt at “Could you take my Saturday shift?”."
    assert c.try_next is None and c.try_reply is None and not c.safety


def test_a_weak_reply_gets_the_strongest_reply_as_the_one_thing_to_try():
    p = run(make_scenario(), [0, 1])  # strong start, passive-aggressive under pushback
    c = coach(p.scenario, p.decisions)
    assert c.went_well.startswith("You said a clear no")
    model = p.scenario.beats["pushback"].model_answer
    assert c.try_reply == model.text
    assert c.try_next.startswith("At “Please? I'd owe you.”, you could try:")
    assert "Broken record: calmly repeats" in c.try_next


def test_no_assertive_reply_still_gets_a_kind_genuine_line():
    p = run(make_scenario(), [1])
    c = coach(p.scenario, p.decisions)
    assert "practice too" in c.went_well
    assert c.try_reply == p.scenario.beats["ask"].model_answer.text


def test_a_partly_assertive_reply_is_called_a_start():
    p = run(make_scenario(extra_ending=True), [0, 2])
    d = p.decisions[1]
    assert d.points == 7
    c = coach(p.scenario, [d])
    assert "partly assertive reply is a real start" in c.went_well


def test_the_biggest_gap_wins_and_ties_go_to_the_earliest():
    p = run(make_scenario(), [2])  # aggressive, 0 of 10
    c = coach(p.scenario, p.decisions)
    assert c.try_reply == p.scenario.beats["ask"].model_answer.text


def test_a_content_note_scenario_talks_about_safest_replies_not_grades():
    sc = replace(make_scenario(), content_warning="Pressure from a stranger.")
    p = run(sc, [1])
    c = coach(sc, p.decisions)
    assert c.safety and "courage" in c.went_well
    assert c.safest_replies == (sc.beats["ask"].model_answer.text,)
    assert "safest" in c.try_next


def test_shorten_cuts_at_a_word():
    assert shorten("short") == "short"
    s = shorten("word " * 40, 20)
    assert len(s) <= 20 and s.endswith("…") and not s.endswith(" …")
