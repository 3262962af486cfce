"""What is computed from the history: bests, mixes, skills, milestones, the progress command."""

from __future__ import annotations

import io
import json
from argparse import Namespace
from datetime import timedelta

from game.cli.commands import progress
from game.cli.context import Context
from game.history import History, stats
from game.paths import AppPaths
from tests.support.history import (
    GAVE_IN,
    GAVE_IN_LATE,
    PERFECT,
    SOURED,
    T0,
    fill,
    make_scenario,
    play,
)


def rec(h, sc, picks, day):
    when = T0 + timedelta(days=day)
    return h.record(play(sc, picks), when - timedelta(minutes=2), when)


def test_style_mix_and_skills(tmp_path):
    sc = make_scenario()
    with History.open(tmp_path / "h.db") as h:
        rec(h, sc, SOURED, 0)
        rec(h, sc, GAVE_IN_LATE, 1)
        rec(h, sc, PERFECT, 2)
        attempts = h.attempts()
    mix = stats.style_mix(attempts, buckets=8)
    assert len(mix) == 3  # never more buckets than attempts
    assert mix[0].counts["aggressive"] == 1 and mix[0].total == 1
    assert mix[2].counts["assertive"] == 2 and mix[2].share("assertive") == 1.0
    assert stats.style_totals(attempts) == {
        "assertive": 3,
        "passive": 0,
        "passive-aggressive": 1,
        "aggressive": 1,
    }
    assert stats.skill_counts(attempts) == {"clear-no": 2, "validate": 2, "broken-record": 1}
    series = stats.percent_series(attempts)
    assert [p.percent for p in series] == [0, 55, 100]
    assert stats.running_best(series) == [0, 55, 100]


def test_buckets_cover_every_attempt_once(tmp_path):
    with History.open(tmp_path / "h.db") as h:
        fill(h, 37, n_scenarios=4)
        attempts = h.attempts()
    mix = stats.style_mix(attempts, buckets=8)
    assert len(mix) == 8 and sum(b.attempts for b in mix) == 37
    assert sum(b.total for b in mix) == sum(len(a.steps) for a in attempts)


def test_counts_and_milestones(tmp_path):
    tough = make_scenario("tough-one", title="Tough one", difficulty=3)
    with History.open(tmp_path / "h.db") as h:
        rec(h, make_scenario(), GAVE_IN, 0)
        assert [m.reached for m in stats.milestones(h.attempts())] == [False] * 4
        rec(h, make_scenario(), PERFECT, 1)
        rec(h, tough, SOURED, 2)
        rec(h, make_scenario(), SOURED, 3)
        for k in range(8):
            rec(h, make_scenario(f"s-{k}"), GAVE_IN, 4 + k)
        attempts = h.attempts()
    by_id = {m.id: m for m in stats.milestones(attempts)}
    assert by_id["first-boundary"].reached_at == T0 + timedelta(days=1)
    assert by_id["first-boundary"].detail == "The extra shift"
    assert by_id["first-tough"].reached_at == T0 + timedelta(days=2)
    assert by_id["all-endings"].reached_at == T0 + timedelta(days=3)
    assert by_id["ten-scenarios"].reached_at == T0 + timedelta(days=11)
    assert stats.scenarios_played(attempts) == 10
    assert stats.three_star_count(attempts) == 1


def test_milestones_use_the_library_for_old_rows(tmp_path):
    """Schema-1 rows carry no tone or difficulty: the current scenario fills them in."""
    sc = make_scenario(difficulty=3)
    with History.open(tmp_path / "h.db") as h:
        rec(h, sc, PERFECT, 0)
        h._conn.execute("UPDATE attempt SET ending_tone = NULL, difficulty = NULL, ending_ids='[]'")
        attempts = h.attempts()
    assert not any(m.reached for m in stats.milestones(attempts))
    facts = {sc.id: stats.ScenarioFacts.of(sc)}
    reached = {m.id for m in stats.milestones(attempts, facts) if m.reached}
    assert reached == {"first-boundary", "first-tough"}


def test_improvements_in_one_pass_match_one_by_one(tmp_path):
    with History.open(tmp_path / "h.db") as h:
        fill(h, 30, n_scenarios=3)
        attempts = h.attempts()
        all_at_once = stats.improvements(attempts)
        for a in attempts:
            assert all_at_once[a.id] == h.improvement(a)


def ctx_for(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    paths = AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "logs")
    return Context(paths=paths, out=out, err=err), out, err


def test_progress_command_with_no_history(tmp_path):
    ctx, out, _ = ctx_for(tmp_path)
    assert progress.run(Namespace(json=False), ctx) == 0
    assert out.getvalue().startswith("No playthroughs yet")
    ctx, out, _ = ctx_for(tmp_path)
    assert progress.run(Namespace(json=True), ctx) == 0
    assert json.loads(out.getvalue()) == []
    assert not ctx.paths.history_db.exists()  # looking does not create a file


def test_progress_command_lists_each_scenario(tmp_path):
    ctx, out, _ = ctx_for(tmp_path)
    with History.open(ctx.paths.history_db) as h:
        rec(h, make_scenario(), GAVE_IN, 0)
        rec(h, make_scenario(), PERFECT, 1)
        rec(h, make_scenario("other", title="Another one"), GAVE_IN_LATE, 2)
    assert progress.run(Namespace(json=True), ctx) == 0
    rows = json.loads(out.getvalue())
    assert rows == [
        {
            "id": "other",
            "best_percent": 55,
            "best_stars": 1,
            "attempts": 1,
            "last_played": "2026-03-03T18:00:00+00:00",
        },
        {
            "id": "extra-shift",
            "best_percent": 100,
            "best_stars": 3,
            "attempts": 2,
            "last_played": "2026-03-02T18:00:00+00:00",
        },
    ]
    ctx, out, _ = ctx_for(tmp_path)
    assert progress.run(Namespace(json=False), ctx) == 0
    text = out.getvalue()
    assert "2 scenarios played" in text and "The extra shift" in text and "100%" in text


def test_progress_command_through_main(tmp_path, monkeypatch):
    from game.cli import main

    ctx, out, _ = ctx_for(tmp_path)
    assert main(["progress", "--json"], ctx) == 0
    assert json.loads(out.getvalue()) == []
