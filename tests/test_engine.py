"""The playthrough engine: paths, shuffling, scoring and the model answer."""

import pytest

from game.core.engine import Playthrough, shuffled_choices
from game.errors import PlaythroughError
from tests.support.scenarios import BASE, load


@pytest.fixture
def scenario(tmp_path):
    s, problems = load(tmp_path, BASE)
    assert s is not None, problems
    return s


def pick(p, text):
    return p.choose([c.text for c in p.choices].index(text))


def test_best_path_scores_as_defined(scenario):
    p = Playthrough(scenario, seed=1)
    assert p.beat.id == "ask" and not p.finished
    d = pick(p, "No, thank you.")
    assert d.points == 10 and d.was_best
    assert p.beat.id == "second"
    d = pick(p, "Still no.")
    assert d.points == 8 and d.was_best
    assert p.finished and p.ending.id == "held" and p.beat is None and p.choices == ()
    assert (p.score.score, p.score.maximum, p.score.percent, p.score.stars) == (18, 20, 90, 3)
    assert p.path == ["ask", "second", "held"]


def test_short_path(scenario):
    p = Playthrough(scenario, seed=1)
    d = pick(p, "Fine, I guess.")
    assert not d.was_best and d.beat.model_answer.text == "No, thank you."
    assert p.ending.id == "gave-in"
    assert p.score.line() == "score: 2/10 (20%) stars: 0"


def test_same_seed_same_order_and_independent_of_path(scenario):
    orders = {
        tuple(c.text for c in shuffled_choices(scenario.beats["second"], 42)) for _ in range(5)
    }
    assert len(orders) == 1
    p = Playthrough(scenario, seed=42)
    pick(p, "No, thank you.")
    assert tuple(c.text for c in p.choices) == orders.pop()


def test_shuffle_varies_with_seed(scenario):
    beat = scenario.beats["ask"]
    seen = {tuple(c.text for c in shuffled_choices(beat, seed)) for seed in range(40)}
    assert len(seen) == 2


def test_unseeded_playthroughs_get_a_seed(scenario):
    p = Playthrough(scenario)
    assert isinstance(p.seed, int)
    assert [c.text for c in Playthrough(scenario, p.seed).choices] == [c.text for c in p.choices]


def test_choose_out_of_range_and_after_end(scenario):
    p = Playthrough(scenario, seed=3)
    with pytest.raises(PlaythroughError):
        p.choose(5)
    pick(p, "Fine, I guess.")
    with pytest.raises(PlaythroughError):
        p.choose(0)


def test_restart_gives_fresh_state(scenario):
    p = Playthrough(scenario, seed=3)
    pick(p, "Fine, I guess.")
    q = p.restart()
    assert q.decisions == [] and q.beat.id == "ask"


def test_path_lengths_on_a_very_long_chain(tmp_path):
    lines = ["id: chain", "title: Chain", "category: work", "difficulty: 1", "summary: Long.",
             "characters:", "  sam: {name: Sam}", "start: b0", "beats:"]  # fmt: skip
    n = 1300
    for i in range(n):
        nxt = f"b{i + 1}" if i < n - 1 else "end"
        lines += [f"  b{i}:", "    speaker: sam", "    line: Again?", "    choices:",
                  "      - {text: No., style: assertive, feedback: Held., next: " + nxt + "}",
                  "      - {text: Fine., style: passive, feedback: Gave in., next: end}"]  # fmt: skip
    lines += ["endings:", "  end: {title: End, tone: good, text: Done.}"]
    scenario, problems = load(tmp_path, "\n".join(lines) + "\n")
    assert scenario is not None, problems[:3]
    assert scenario.longest_path() == n
    assert scenario.shortest_path() == 1
    assert scenario.decisions_left("b1290") == 10
    from game.core.report import scenario_report

    report = scenario_report(scenario)
    assert (report.shortest, report.longest) == (1, n)
