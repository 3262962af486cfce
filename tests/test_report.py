"""The author's report, checked against brute force over every path."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from game.core.model import Beat, Character, Choice, Ending, Scenario
from game.core.report import format_report, scenario_report
from game.core.scoring import Score


def make_scenario(beats: dict, endings: dict | None = None, start: str | None = None) -> Scenario:
    """beats: id -> list of (style, points, next, skills)."""
    endings = endings or {"good-end": "good", "poor-end": "poor"}
    built = {}
    for beat_id, choices in beats.items():
        built[beat_id] = Beat(
            id=beat_id,
            speaker="sam",
            line=f"Line of {beat_id}",
            choices=tuple(
                Choice(
                    text=f"reply {i} of {beat_id}",
                    style=style,
                    points=points,
                    feedback="because",
                    next=nxt,
                    skills=tuple(skills),
                    index=i,
                )
                for i, (style, points, nxt, skills) in enumerate(choices)
            ),
        )
    return Scenario(
        id="sample",
        title="A sample",
        category="work",
        difficulty=2,
        summary="A test.",
        characters={"sam": Character("sam", "Sam", "Coworker")},
        start=start or next(iter(beats)),
        beats=built,
        endings={e: Ending(e, e.title(), "Afterwards.", tone) for e, tone in endings.items()},
    )


def brute_force(scenario: Scenario) -> list[tuple[list[int], str]]:
    """Every path as (points per decision, ending id)."""
    out = []

    def walk(node, points):
        if node in scenario.endings:
            out.append((points, node))
            return
        for c in scenario.beats[node].choices:
            walk(c.next, points + [c.points])

    walk(scenario.start, [])
    return out


SIMPLE = make_scenario(
    {
        "ask": [
            ("assertive", 10, "push", ["clear-no", "validate"]),
            ("passive", 2, "poor-end", []),
            ("aggressive", 0, "mixed-end", []),
        ],
        "push": [
            ("assertive", 10, "good-end", ["broken-record", "validate"]),
            ("passive-aggressive", 1, "poor-end", []),
        ],
    },
    {"good-end": "good", "mixed-end": "mixed", "poor-end": "poor"},
)


def test_simple_report():
    r = scenario_report(SIMPLE)
    assert r.paths == 4
    assert (r.shortest, r.longest) == (1, 2)
    # paths: 10+10 (100%), 10+1 (55%), 2 (20%), 0 (0%)
    assert (r.lowest_percent, r.highest_percent) == (0, 100)
    assert (r.lowest_stars, r.highest_stars) == (0, 3)
    assert r.endings_by_tone == {
        "good": ("good-end",),
        "mixed": ("mixed-end",),
        "poor": ("poor-end",),
    }
    assert r.paths_by_ending == {"good-end": 1, "mixed-end": 1, "poor-end": 2}
    assert r.styles == {"assertive": 2, "passive": 1, "passive-aggressive": 1, "aggressive": 1}
    assert r.skills == {"clear-no": 1, "validate": 2, "broken-record": 1}
    assert (r.beats, r.endings, r.replies) == (2, 3, 5)


def test_percent_is_per_path_not_pooled():
    # Short path 4/10 = 40 %; long path 5+5+5 = 15/30 = 50 %. Pooled bounds would be wrong.
    s = make_scenario(
        {
            "a": [("assertive", 5, "b", []), ("passive", 4, "good-end", [])],
            "b": [("assertive", 5, "c", []), ("assertive", 5, "c", [])],
            "c": [("assertive", 5, "good-end", []), ("assertive", 5, "poor-end", [])],
        }
    )
    r = scenario_report(s)
    assert (r.lowest_percent, r.highest_percent) == (40, 50)
    assert r.paths == 5


def test_halves_round_up():
    s = make_scenario(
        {
            "a": [("assertive", 5, "b", []), ("assertive", 6, "b", [])],
            "b": [("assertive", 10, "c", []), ("assertive", 10, "c", [])],
            "c": [("assertive", 10, "d", []), ("assertive", 10, "d", [])],
            "d": [("passive", 0, "good-end", []), ("assertive", 10, "good-end", [])],
        }
    )
    r = scenario_report(s)
    assert r.lowest_percent == 63  # 25/40 = 62.5 -> 63
    assert r.highest_percent == 90  # 36/40


def test_many_paths_stay_fast():
    # 60 beats in a ladder, 3 replies each: 3**60 paths, computed without walking them.
    beats = {}
    for i in range(60):
        nxt = f"b{i + 1}" if i < 59 else "good-end"
        beats[f"b{i}"] = [
            ("assertive", 10, nxt, []),
            ("passive", 0, nxt, []),
            ("aggressive", 3, "poor-end" if i % 2 else nxt, []),
        ]
    r = scenario_report(make_scenario(beats))
    assert r.paths > 3**40
    assert r.longest == 60 and r.shortest == 2
    assert r.lowest_percent == 0 and r.highest_percent == 100


def test_format_report_lines():
    text = format_report(scenario_report(SIMPLE))
    assert text.splitlines()[0] == "sample: A sample"
    assert "  paths: 4" in text
    assert "  decisions: 1 on the shortest path, 2 on the longest" in text
    assert "  score range: 0% to 100% (0 stars to 3 stars)" in text
    assert "  endings: good 1 (good-end); mixed 1 (mixed-end); poor 1 (poor-end)" in text
    assert "styles: assertive 2, passive 1, passive-aggressive 1, aggressive 1" in text
    assert "skills: clear-no 1, validate 2, broken-record 1" in text


def test_format_report_no_skills_and_missing_tone():
    s = make_scenario(
        {"a": [("assertive", 10, "good-end", []), ("passive", 2, "good-end", [])]},
        {"good-end": "good"},
    )
    text = format_report(scenario_report(s))
    assert "skills: none listed" in text
    assert "mixed 0" in text and "poor 0" in text
    assert "1 beat, 1 ending, 2 replies" in text


STYLE_POINTS = {
    "assertive": (5, 10),
    "passive": (0, 4),
    "aggressive": (0, 3),
    "passive-aggressive": (0, 3),
}


@st.composite
def random_dag(draw):
    n = draw(st.integers(1, 7))
    ids = [f"b{i}" for i in range(n)]
    endings = {"e-good": "good", "e-mixed": "mixed", "e-poor": "poor"}
    beats = {}
    for i, beat_id in enumerate(ids):
        targets = ids[i + 1 :] + list(endings)
        k = draw(st.integers(2, 4))
        choices = []
        for j in range(k):
            style = "assertive" if j == 0 else draw(st.sampled_from(sorted(STYLE_POINTS)))
            lo, hi = STYLE_POINTS[style]
            choices.append((style, draw(st.integers(lo, hi)), draw(st.sampled_from(targets)), []))
        beats[beat_id] = choices
    return make_scenario(beats, endings, start="b0")


@settings(max_examples=150, deadline=None)
@given(random_dag())
def test_report_matches_brute_force(scenario):
    paths = brute_force(scenario)
    r = scenario_report(scenario)
    percents = [Score.of(p).percent for p, _ in paths]
    assert r.paths == len(paths)
    assert r.shortest == min(len(p) for p, _ in paths) == scenario.shortest_path()
    assert r.longest == max(len(p) for p, _ in paths) == scenario.longest_path()
    assert r.lowest_percent == min(percents)
    assert r.highest_percent == max(percents)
    counts = {e: 0 for e in scenario.endings}
    for _, e in paths:
        counts[e] += 1
    assert r.paths_by_ending == counts


def test_reports_for_shipped_scenarios_when_loader_exists():
    import importlib.util

    if importlib.util.find_spec("game.core.loader") is None:
        return
    from game.core.loader import load_scenario_file
    from game.paths import SHIPPED_SCENARIOS

    for path in itertools.chain(
        SHIPPED_SCENARIOS.rglob("*.yaml"), SHIPPED_SCENARIOS.rglob("*.yml")
    ):
        scenario, problems = load_scenario_file(path)
        assert scenario is not None, [str(p) for p in problems]
        r = scenario_report(scenario)
        assert r.paths >= 1 and r.highest_percent == 100
        assert format_report(r).startswith(scenario.id + ": ")
