"""Practice that teaches, in the pure core: try another reply, practice runs, a kept place."""

from __future__ import annotations

import json
import os
import stat
from datetime import timedelta

import pytest

from game.core.engine import Playthrough
from game.errors import PlaythroughError
from game.history import History
from game.history.resume import Place, clear_place, load_place, save_place
from tests.support.history import PERFECT, T0, make_scenario, play


def by_index(p, index):
    """Choose the reply that is ``index`` in the file, wherever the shuffle put it."""
    return p.choose(p.choices.index(p.beat.choices[index]))


def test_try_another_returns_to_the_same_moment_with_the_same_order():
    sc = make_scenario()
    p = Playthrough(sc, seed=5)
    order = p.choices
    by_index(p, 0)
    assert p.beat.id == "pushback" and not p.practice
    beat = p.try_another()
    assert beat.id == "ask" and p.beat.id == "ask" and p.choices == order
    assert p.decisions == [] and p.practice and p.tries == 1


def test_try_another_works_after_the_ending_and_repeatedly():
    sc = make_scenario()
    p = Playthrough(sc, seed=9)
    by_index(p, 1)  # passive -> gave-in (an ending)
    assert p.finished
    p.try_another()
    assert not p.finished and p.beat.id == "ask"
    for i in (2, 0):
        by_index(p, i)
        p.try_another()
    assert p.tries == 3 and p.beat.id == "ask"
    by_index(p, 0)
    by_index(p, 0)
    assert p.finished and p.ending.id == "held" and p.practice
    assert p.score.percent == 100  # the score of the path taken, shown as practice


def test_try_another_needs_a_decision():
    p = Playthrough(make_scenario(), seed=1)
    with pytest.raises(PlaythroughError):
        p.try_another()


def test_replay_follows_file_positions_and_refuses_bad_ones():
    sc = make_scenario()
    p = Playthrough(sc, seed=77)
    p.replay([0, 0])
    assert p.finished and p.ending.id == "held"
    assert [d.choice.index for d in p.decisions] == [0, 0]
    with pytest.raises(PlaythroughError, match="has no reply 4"):
        Playthrough(sc, seed=1).replay([3])
    with pytest.raises(PlaythroughError, match="past an ending"):
        Playthrough(sc, seed=1).replay([1, 0])


def test_a_practice_run_never_counts(tmp_path):
    sc = make_scenario()
    db = tmp_path / "h.sqlite3"
    with History.open(db) as h:
        first = h.record(play(sc, [1], seed=1), T0 - timedelta(minutes=2), T0)
        assert first is not None and not first.practice
        p = Playthrough(sc, seed=2)
        by_index(p, 1)
        p.try_another()
        p.replay([0, 0])
        assert p.practice and p.score.percent == 100
        practice = h.record(p, T0, T0 + timedelta(minutes=3))
        assert practice is not None and practice.practice
    with History.open(db) as h:
        assert [a.id for a in h.attempts()] == [first.id]
        assert {a.id for a in h.attempts(include_practice=True)} == {first.id, practice.id}
        s = h.summaries()["extra-shift"]
        assert (s.attempts, s.best_percent, s.best_stars) == (1, first.percent, first.stars)
        assert h.endings_found("extra-shift") == {"gave-in"}
        out = tmp_path / "h.csv"
        assert h.export_csv(out) == 2
        rows = out.read_text().splitlines()
        assert (
            rows[0].endswith(",practice") and rows[1].endswith(",no") and rows[2].endswith(",yes")
        )


def test_a_real_run_after_practice_still_counts(tmp_path):
    sc = make_scenario()
    with History.open(tmp_path / "h.sqlite3") as h:
        a = h.record(play(sc, PERFECT, seed=3), T0, T0 + timedelta(minutes=1))
        assert h.summaries()["extra-shift"].best_percent == a.percent == 100


def test_a_place_is_kept_and_restored_with_the_same_order(tmp_path):
    sc = make_scenario()
    p = Playthrough(sc, seed=2**40 + 3)
    by_index(p, 0)
    path = tmp_path / "data" / "place.json"
    assert save_place(path, Place.of(p, T0))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    place = load_place(path)
    assert place is not None and place.title == "The extra shift" and place.path == (0,)
    q = place.restore(sc)
    assert q is not None and q.beat.id == "pushback" and q.choices == p.choices
    assert q.seed == p.seed and not q.practice
    clear_place(path)
    assert load_place(path) is None
    clear_place(path)  # clearing twice is fine


def test_a_practice_place_stays_practice(tmp_path):
    sc = make_scenario()
    p = Playthrough(sc, seed=4)
    by_index(p, 1)
    p.try_another()
    by_index(p, 0)
    path = tmp_path / "place.json"
    save_place(path, Place.of(p, T0))
    q = load_place(path).restore(sc)
    assert q.practice and q.tries == 1 and q.beat.id == "pushback"


def test_a_changed_scenario_is_not_restored(tmp_path):
    p = Playthrough(make_scenario(), seed=4)
    by_index(p, 0)
    path = tmp_path / "place.json"
    save_place(path, Place.of(p, T0))
    place = load_place(path)
    assert place.restore(make_scenario(content_hash="h2")) is None
    assert place.restore(make_scenario(sid="other")) is None


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"[1, 2]",
        b'{"version": 99}',
        b"[" * 100_000,
        b"\xff\xfe",
        b'{"version": 1, "scenario_id": "x", "title": "t", "content_hash": "h", "seed": "1",'
        b' "path": [9], "tries": 0, "started_at": "2026-01-01T00:00:00+00:00"}',
        b'{"version": 1, "scenario_id": "x", "title": "t", "content_hash": "h", "seed": "1",'
        b' "path": [0], "tries": true, "started_at": "2026-01-01T00:00:00+00:00"}',
        b" " * (70 * 1024),
    ],
)
def test_a_damaged_place_reads_as_none(tmp_path, content):
    path = tmp_path / "place.json"
    path.write_bytes(content)
    assert load_place(path) is None


def test_a_place_that_cannot_be_written_is_reported_not_raised(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    p = Playthrough(make_scenario(), seed=1)
    assert save_place(blocker / "place.json", Place.of(p, T0)) is False


def test_the_kept_place_is_json_a_person_can_read(tmp_path):
    p = Playthrough(make_scenario(), seed=12)
    by_index(p, 0)
    path = tmp_path / "place.json"
    save_place(path, Place.of(p, T0))
    data = json.loads(path.read_text())
    assert data["scenario_id"] == "extra-shift" and data["path"] == [0] and data["seed"] == "12"



def test_trends_compare_each_scenario_with_itself(tmp_path):
    from game.history import stats

    easy, tough = make_scenario(), make_scenario("tough", title="Tough one")
    with History.open(tmp_path / "h.sqlite3") as h:
        h.record(play(easy, [1], seed=1), T0, T0)  # 20 %
        h.record(play(easy, PERFECT, seed=1), T0, T0 + timedelta(days=1))  # 100 %
        h.record(play(tough, [2], seed=1), T0, T0 + timedelta(days=2))  # 0 %
        h.record(play(easy, [0, 1], seed=1), T0, T0 + timedelta(days=3))  # 55 %
        p = Playthrough(tough, seed=1)
        p.replay([1])
        p.try_another()
        p.replay([0, 0])
        h.record(p, T0, T0 + timedelta(days=4))  # practice: not a point on any trend
        got = stats.trends(h.attempts())
    assert [(t.scenario_id, t.first, t.best, t.last, t.attempts) for t in got] == [
        ("extra-shift", 20, 100, 55, 3),
        ("tough", 0, 0, 0, 1),
    ]
    assert got[0].gain == 80 and got[0].title == "The extra shift"


def test_a_playtest_from_a_later_beat_is_never_recorded(tmp_path):
    sc = make_scenario()
    p = Playthrough(sc, seed=1, start="pushback")
    assert p.playtest and p.beat.id == "pushback" and p.restart().beat.id == "pushback"
    p.replay([0])
    assert p.finished and p.score.percent == 100
    with History.open(tmp_path / "h.sqlite3") as h:
        assert h.record(p, T0, T0) is None
        assert h.attempts(include_practice=True) == []
    assert not Playthrough(sc, seed=1, start="ask").playtest
    with pytest.raises(PlaythroughError, match="no beat 'nope'"):
        Playthrough(sc, start="nope")
