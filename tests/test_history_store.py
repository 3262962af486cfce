"""The history store: saving, reopening, damage, read-only folders, migrations, a killed writer."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest

from game.core.engine import Playthrough
from game.history import History, schema
from tests.support.history import (
    GAVE_IN,
    GAVE_IN_LATE,
    PERFECT,
    SOURED,
    T0,
    make_scenario,
    play,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def db(tmp_path):
    return tmp_path / "data" / "history.sqlite3"


def record(h, scenario, picks, day=0, seed=1):
    when = T0 + timedelta(days=day)
    return h.record(play(scenario, picks, seed=seed), when - timedelta(minutes=3), when)


def test_a_playthrough_survives_reopening(db):
    sc = make_scenario()
    with History.open(db) as h:
        a = record(h, sc, PERFECT, seed=42)
        assert h.notice is None
    assert a is not None and a.percent == 100 and a.stars == 3
    with History.open(db) as h:
        (b,) = h.attempts()
        assert b == a
        assert b.scenario_id == "extra-shift" and b.content_hash == "h1" and b.seed == 42
        assert (b.score, b.maximum, b.ending_id, b.ending_tone) == (20, 20, "held", "good")
        assert b.started_at == T0 - timedelta(minutes=3) and b.ended_at == T0
        assert b.started_at.utcoffset() == timedelta(0)
        assert [(s.beat_id, s.choice_index, s.style, s.points) for s in b.steps] == [
            ("ask", 0, "assertive", 10),
            ("pushback", 0, "assertive", 10),
        ]
        assert b.steps[0].skills == ("clear-no", "validate")
        assert b.steps[0].text and b.steps[0].feedback and b.steps[0].speaker == "Sam"
        assert h.endings_found("extra-shift") == {"held"}
        assert h.summary("extra-shift").attempts == 1
        assert h.summary("missing") is None


def test_times_are_stored_as_utc_iso(db):
    with History.open(db) as h:
        record(h, make_scenario(), PERFECT)
    conn = sqlite3.connect(db)
    started, ended = conn.execute("SELECT started_at, ended_at FROM attempt").fetchone()
    conn.close()
    assert ended == "2026-03-01T18:00:00+00:00" and started.endswith("+00:00")


def test_files_are_private_and_journal_is_wal(db):
    with History.open(db) as h:
        record(h, make_scenario(), PERFECT)
        assert stat.S_IMODE(db.stat().st_mode) == 0o600
        assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
        wal = db.with_name(db.name + "-wal")
        if wal.exists():
            assert stat.S_IMODE(wal.stat().st_mode) == 0o600
        assert h._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert schema.version(h._conn) == schema.LATEST


def test_an_unfinished_playthrough_is_never_recorded(db):
    sc = make_scenario()
    p = Playthrough(sc, seed=1)
    p.choose(next(i for i, c in enumerate(p.choices) if c.index == 0))  # on to "pushback"
    assert not p.finished
    with History.open(db) as h:
        assert h.record(p, T0, T0) is None
        assert h.attempts() == []
        assert h.notice is None


def test_best_and_improvement_over_several_attempts(db):
    sc = make_scenario()
    with History.open(db) as h:
        a1 = record(h, sc, GAVE_IN, day=0)  # 20
        a2 = record(h, sc, GAVE_IN_LATE, day=1)  # 55
        a3 = record(h, sc, SOURED, day=2)  # 0
        a4 = record(h, sc, PERFECT, day=3)  # 100
        a5 = record(h, sc, GAVE_IN_LATE, day=4)  # 55
        assert [a.percent for a in (a1, a2, a3, a4, a5)] == [20, 55, 0, 100, 55]
        i1, i2, i3, i4, i5 = (h.improvement(a) for a in (a1, a2, a3, a4, a5))
        assert i1.first_attempt and not i1.is_new_best and i1.difference_from_last is None
        assert (i2.previous_best, i2.is_new_best, i2.difference_from_last) == (20, True, 35)
        assert (i3.previous_best, i3.is_new_best, i3.difference_from_last) == (55, False, -55)
        assert (i4.previous_best, i4.is_new_best, i4.difference_from_last) == (55, True, 100)
        assert (i5.previous_best, i5.is_new_best, i5.difference_from_last) == (100, False, -45)
        assert (i4.endings_found, i4.endings_total) == (3, 3)
        s = h.summary("extra-shift")
        assert (s.best_percent, s.best_stars, s.attempts, s.last_percent) == (100, 3, 5, 55)
        assert s.last_played == a5.ended_at
        assert s.endings_found == {"gave-in", "soured", "held"}
        assert [a.id for a in h.attempts()] == [a5.id, a4.id, a3.id, a2.id, a1.id]
    with History.open(db) as h:  # the same after a restart
        assert h.summaries()["extra-shift"].best_percent == 100


def test_an_edited_scenario_keeps_its_history_marked_older(db):
    old, new = make_scenario(content_hash="h1"), make_scenario(content_hash="h2", extra_ending=True)
    with History.open(db) as h:
        a_old = record(h, old, PERFECT, day=0)
        a_new = record(h, new, GAVE_IN, day=1)
        s = h.summary("extra-shift")
    assert a_old.is_older_version("h2") and not a_new.is_older_version("h2")
    assert not a_old.is_older_version(None)  # removed scenario: not "older", just kept
    assert s.attempts == 2 and s.best_percent == 100
    assert s.best_is_older_version("h2") and not s.is_older_version("h2")


def test_a_removed_scenario_keeps_its_history(db):
    with History.open(db) as h:
        record(h, make_scenario("gone", title="Gone for good"), PERFECT)
    with History.open(db) as h:  # no library involved: the history does not depend on it
        s = h.summaries()["gone"]
        assert s.title == "Gone for good" and s.best_percent == 100


@pytest.mark.parametrize("damage", ["garbage", "truncate", "not-history"])
def test_a_damaged_database_is_set_aside_and_a_fresh_one_started(db, damage):
    with History.open(db) as h:
        for day in range(40):
            record(h, make_scenario(), PERFECT, day=day)
    size = db.stat().st_size
    assert size > 4096
    if damage == "garbage":
        db.write_bytes(os.urandom(size))
    elif damage == "truncate":
        with open(db, "r+b") as f:
            f.truncate(size // 3)
    else:
        db.unlink()
        conn = sqlite3.connect(db)
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.commit()
        conn.close()
    before = db.read_bytes()

    h = History.open(db)
    aside = [
        p for p in db.parent.iterdir() if ".damaged-" in p.name and not p.name.endswith("-wal")
    ]
    assert len(aside) == 1, list(db.parent.iterdir())
    assert aside[0].read_bytes() == before  # nothing wiped
    assert h.notice and aside[0].name in h.notice and "fresh" in h.notice
    assert h.take_notice() and h.notice is None  # told once
    assert h.attempts() == []
    assert record(h, make_scenario(), PERFECT) is not None
    h.close()
    with History.open(db) as h2:
        assert h2.notice is None and len(h2.attempts()) == 1


def test_an_empty_file_is_an_empty_history(db):
    db.parent.mkdir(parents=True)
    db.write_bytes(b"")
    with History.open(db) as h:
        assert h.notice is None and h.attempts() == []
        assert record(h, make_scenario(), PERFECT) is not None


def test_a_folder_that_cannot_be_created_keeps_the_game_playing(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    h = History.open(blocker / "history.sqlite3")
    assert "can't be saved" in h.notice
    assert h.record(play(make_scenario(), PERFECT), T0, T0) is None
    assert h.attempts() == [] and h.summaries() == {} and not h.can_save
    h.close()


def test_a_full_disk_keeps_the_game_playing(db):
    with History.open(db) as h:
        record(h, make_scenario(), PERFECT)
        pages = h._conn.execute("PRAGMA page_count").fetchone()[0]
        h._conn.execute(f"PRAGMA max_page_count = {pages}")  # as if the disk were full
        big = make_scenario(title="x" * 20000)
        assert record(h, big, PERFECT, day=1) is None
        assert "disk is full" in h.notice
        assert len(h.attempts()) == 1  # the failed save left nothing half-written
        assert h._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


READ_ONLY_SCRIPT = textwrap.dedent(
    """
    import os, sys
    sys.path[:0] = [{root!r}, {tests!r}]
    from datetime import timedelta
    from tests.support.history import make_scenario, play, PERFECT, T0
    from game.history import History
    import game.history.store, csv, json, sqlite3, logging, encodings.idna  # load all first
    if os.getuid() == 0:  # then drop root's rights
        os.setgid(65534); os.setuid(65534)
    h = History.open({db!r})
    n = len(h.attempts())
    a = h.record(play(make_scenario(), PERFECT), T0, T0 + timedelta(days=9))
    print(n, a is None, h.notice)
    """
)


def test_a_read_only_folder_shows_history_but_does_not_save(db):
    # A folder the player cannot write. As root, permissions do not bind, so the
    # check runs as an unprivileged user in a child process.
    base = Path(tempfile.mkdtemp(prefix="fk-ro-"))
    try:
        os.chmod(base, 0o755)
        folder = base / "data"
        path = folder / "history.sqlite3"
        with History.open(path) as h:
            record(h, make_scenario(), PERFECT)
        if os.getuid() == 0:
            os.chown(folder, 65534, 65534)
            for p in folder.iterdir():
                os.chown(p, 65534, 65534)
        for p in folder.iterdir():
            os.chmod(p, 0o400)
        os.chmod(folder, 0o500)
        script = READ_ONLY_SCRIPT.format(root=str(ROOT), tests=str(ROOT / "tests"), db=str(path))
        out = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
        )
        assert out.returncode == 0, out.stderr
        count, none, notice = out.stdout.strip().split(" ", 2)
        assert count == "1" and none == "True"
        assert "can't be saved" in notice and "read-only" in notice
        assert not any(".damaged-" in p.name for p in folder.iterdir())
    finally:
        os.chmod(base / "data", 0o700)
        import shutil

        shutil.rmtree(base)


def _build_v1(path: Path) -> None:
    """A history file exactly as the first schema wrote it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(schema.SCHEMA_1)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO attempt VALUES (7, 'extra-shift', 'h0', '2025-01-02T10:00:00+00:00',"
        " '2025-01-02T10:05:00+00:00', 99, 10, 20, 50, 1, 'gave-in')"
    )
    conn.executemany(
        "INSERT INTO step VALUES (7, ?, ?, ?, ?, ?)",
        [(0, "ask", 0, "assertive", 10), (1, "pushback", 1, "passive-aggressive", 0)],
    )
    conn.commit()
    conn.close()


def test_a_first_schema_database_is_migrated(db):
    _build_v1(db)
    with History.open(db) as h:
        assert h.notice is None
        assert schema.version(h._conn) == schema.LATEST
        (a,) = h.attempts()
        assert (a.id, a.percent, a.ending_id, a.ending_tone, a.scenario_title) == (
            7,
            50,
            "gave-in",
            None,
            "",
        )
        assert [(s.beat_id, s.style, s.skills) for s in a.steps] == [
            ("ask", "assertive", ()),
            ("pushback", "passive-aggressive", ()),
        ]
        assert a.is_older_version("h1")
        b = record(h, make_scenario(), PERFECT)
        assert h.improvement(b).previous_best == 50 and h.improvement(b).is_new_best
    with History.open(db) as h:
        assert len(h.attempts()) == 2


def test_a_failed_migration_leaves_the_file_untouched(db, monkeypatch):
    _build_v1(db)

    def broken(conn):
        conn.execute("ALTER TABLE attempt ADD COLUMN half_done TEXT")
        raise sqlite3.OperationalError("interrupted")

    monkeypatch.setattr(schema, "MIGRATIONS", [schema.MIGRATIONS[0], broken])
    h = History.open(db)
    assert not h.can_save
    h.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    cols = [r[1] for r in conn.execute("PRAGMA table_info(attempt)")]
    conn.close()
    assert "half_done" not in cols


def test_a_newer_database_is_read_but_not_written(db):
    with History.open(db) as h:
        record(h, make_scenario(), PERFECT)
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    conn.commit()
    conn.close()
    with History.open(db) as h:
        assert "newer version" in h.notice
        assert len(h.attempts()) == 1
        assert record(h, make_scenario(), PERFECT, day=1) is None
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM attempt").fetchone()[0] == 1
    conn.close()


WRITER = textwrap.dedent(
    """
    import sys
    sys.path[:0] = [{root!r}, {tests!r}]
    from datetime import timedelta
    from tests.support.history import make_scenario, play, PERFECT, GAVE_IN_LATE, T0
    from game.history import History
    h = History.open({db!r})
    sc = make_scenario(title="t" * 3000)
    i = 0
    while True:
        when = T0 + timedelta(minutes=i)
        a = h.record(play(sc, PERFECT if i % 2 else GAVE_IN_LATE, seed=i), when, when)
        print(a.id, flush=True)
        i += 1
    """
)


def test_a_writer_killed_mid_save_loses_nothing_acknowledged(db):
    with History.open(db):
        pass
    script = WRITER.format(root=str(ROOT), tests=str(ROOT / "tests"), db=str(db))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    acknowledged = []
    try:
        for line in proc.stdout:
            acknowledged.append(int(line))
            if len(acknowledged) >= 60:
                break
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        acknowledged += [int(x) for x in proc.stdout.read().split()]
    assert len(acknowledged) >= 60
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with History.open(db) as h:
        assert h.notice is None
        attempts = {a.id: a for a in h.attempts()}
    assert set(acknowledged) <= set(attempts)
    for a in attempts.values():  # every saved playthrough is whole
        assert len(a.steps) == 2 and a.maximum == 20


def test_export_csv(db, tmp_path):
    sc = make_scenario()
    with History.open(db) as h:
        record(h, sc, GAVE_IN, day=0)
        record(h, sc, PERFECT, day=1)
        out = tmp_path / "export.csv"
        assert h.export_csv(out) == 2
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["percent"] for r in rows] == ["20", "100"]
    assert rows[1]["choices"] == "ask:assertive:10 > pushback:assertive:10"
    assert rows[1]["ending_tone"] == "good" and rows[1]["ended_at"].endswith("+00:00")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_export_csv_to_a_bad_place_raises_a_calm_error(db, tmp_path):
    from game.errors import HistoryError

    with History.open(db) as h, pytest.raises(HistoryError):
        h.export_csv(tmp_path / "missing" / "x.csv")


def test_reset_clears_everything(db):
    with History.open(db) as h:
        record(h, make_scenario(), PERFECT)
        assert h.reset() is True
        assert h.attempts() == [] and h.summaries() == {}
        assert record(h, make_scenario(), GAVE_IN) is not None
    with History.open(db) as h:
        assert len(h.attempts()) == 1


def test_open_without_create_does_not_make_a_file(db):
    with History.open(db, create=False) as h:
        assert h.attempts() == [] and h.notice is None
    assert not db.exists()


def test_json_columns_tolerate_bad_values(db):
    with History.open(db) as h:
        record(h, make_scenario(), PERFECT)
        h._conn.execute("UPDATE step SET skills = 'not json'")
        h._conn.execute("UPDATE attempt SET ending_ids = ?", (json.dumps({"a": 1}),))
        (a,) = h.attempts()
        assert a.steps[0].skills == () and a.ending_ids == ()
