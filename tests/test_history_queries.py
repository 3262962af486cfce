"""The SQL aggregates give exactly what the pure stats give over every checked attempt."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.core.engine import Playthrough
from game.history import History, queries, schema, stats
from tests.support.history import T0, make_scenario

SCENARIOS = [
    make_scenario("extra-shift"),
    make_scenario("the-loan", title="The loan", difficulty=3, extra_ending=True),
    make_scenario("quiet-night", title="A quiet night", difficulty=2, content_hash="h2"),
]
PATHS = [(0, 0), (0, 1), (1,), (2,), (0, 2)]

# One playthrough: which scenario, which path, minutes after the previous one
# (0 makes ties in time), practice or not.
plays = st.lists(
    st.tuples(
        st.integers(0, len(SCENARIOS) - 1),
        st.integers(0, len(PATHS) - 1),
        st.integers(0, 3),
        st.booleans(),
    ),
    max_size=30,
)


def _record(h: History, sc, path, when, practice: bool) -> None:
    p = Playthrough(sc, seed=1)
    for index in path:
        if p.finished:
            break
        choices = [i for i, c in enumerate(p.choices) if c.index == index]
        p.choose(choices[0] if choices else 0)
    while not p.finished:
        p.choose(0)
    if practice:
        p.try_another()
        p.choose(len(p.choices) - 1)
        while not p.finished:
            p.choose(0)
    h.record(p, when - timedelta(minutes=1), when)


def _history(tmp_path, history_plays) -> History:
    db = tmp_path / f"h{len(list(tmp_path.iterdir()))}.sqlite3"
    h = History.open(db)
    when = T0
    for k, path, gap, practice in history_plays:
        when += timedelta(minutes=gap)
        _record(h, SCENARIOS[k], PATHS[path], when, practice)
    return h


def _same_everywhere(h: History) -> None:
    attempts = h.attempts()
    assert all(not a.practice for a in attempts)
    assert h.summaries() == stats.summaries(attempts)
    assert list(h.summaries()) == list(stats.summaries(attempts))
    for sc in SCENARIOS:
        assert h.summary(sc.id) == stats.summaries(attempts).get(sc.id)
    assert h.progress_rows() == stats.progress_rows(attempts)
    assert h.trends() == stats.trends(attempts)
    assert h.style_totals() == stats.style_totals(attempts)
    assert h.skill_counts() == stats.skill_counts(attempts)
    for n in (1, 3, 8):
        assert h.style_mix(n) == stats.style_mix(attempts, n)
    facts = {s.id: stats.ScenarioFacts.of(s) for s in SCENARIOS[:2]}
    assert h.milestones(facts) == stats.milestones(attempts, facts)
    assert h.milestones() == stats.milestones(attempts)
    assert h.counted() == len(attempts)
    for a in h.attempts(include_practice=True):
        assert h.improvement(a) == stats.improvement(attempts, a)
    for sid in (None, SCENARIOS[0].id):
        series = stats.percent_series(attempts, sid)
        chart = h.chart(sid, limit=1000)
        assert chart.points == series and chart.best == stats.running_best(series)
        assert chart.total == len(series)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plays)
def test_sql_aggregates_equal_the_pure_stats(tmp_path, history_plays):
    with _history(tmp_path, history_plays) as h:
        _same_everywhere(h)


def test_an_old_read_only_file_gets_the_same_answers(tmp_path):
    """A file without the aggregate indexes (older schema, read-only) answers the slow way."""
    h = _history(tmp_path, [(k % 3, k % 5, k % 2, k % 4 == 0) for k in range(25)])
    fast = (h.summaries(), h.trends(), h.style_mix(4), h.skill_counts(), h.progress_rows())
    h.close()
    conn = sqlite3.connect(tmp_path / "h0.sqlite3", isolation_level=None)
    conn.execute("DROP TABLE attempt_styles")
    conn.close()
    with History.open(tmp_path / "h0.sqlite3") as old:
        assert not old._indexed()
        slow = (
            old.summaries(), old.trends(), old.style_mix(4), old.skill_counts(),
            old.progress_rows(),
        )  # fmt: skip
        _same_everywhere(old)
    assert slow == fast


def test_a_chart_draws_a_bounded_number_of_real_playthroughs(tmp_path):
    with _history(tmp_path, [(k % 3, k % 5, 1, False) for k in range(60)]) as h:
        attempts = h.attempts()
        full = stats.percent_series(attempts)
        best = stats.running_best(full)
        chart = h.chart(limit=10)
        assert len(chart.points) == 10 and chart.total == 60
        assert chart.points[0] == full[0] and chart.points[-1] == full[-1]
        for point, b in zip(chart.points, chart.best, strict=True):
            assert point in full
            assert b == best[full.index(point)]  # the best of every playthrough so far
        one = h.chart("extra-shift", limit=5)
        assert len(one.points) == 5 and {p.scenario_id for p in one.points} == {"extra-shift"}
        assert queries.CHART_POINTS >= 100


def test_reset_clears_the_tallies(tmp_path):
    with _history(tmp_path, [(0, 0, 1, False), (1, 2, 1, False)]) as h:
        assert sum(h.style_totals().values()) > 0
        assert h.reset()
        assert h.style_totals() == stats.style_totals([]) and h.skill_counts() == {}
        assert h.style_mix() == [] and h.summaries() == {} and h.progress_rows() == []


def test_the_migration_backfills_the_tallies(tmp_path):
    """A schema-4 file with playthroughs gets tallies equal to its steps when migrated."""
    h = _history(tmp_path, [(k % 3, k % 5, 1, k % 3 == 0) for k in range(12)])
    expected = (h.style_totals(), h.skill_counts(), h.style_mix(5))
    h.close()
    db = tmp_path / "h0.sqlite3"
    conn = sqlite3.connect(db, isolation_level=None)
    for statement in (
        "DROP TRIGGER step_tallied", "DROP TABLE tally", "DROP TABLE attempt_styles",
        "DROP INDEX attempt_best", "DROP INDEX attempt_firsts", "DROP INDEX attempt_timeline",
        "PRAGMA user_version = 4",
    ):  # fmt: skip
        conn.execute(statement)
    conn.close()
    with History.open(db) as h:
        assert schema.version(h._conn) == schema.LATEST
        assert (h.style_totals(), h.skill_counts(), h.style_mix(5)) == expected
