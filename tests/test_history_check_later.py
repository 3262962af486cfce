"""The full integrity check runs off the way to the first frame, and the damage promise holds."""

from __future__ import annotations

import sqlite3
import threading
from datetime import timedelta

from game.history import History, integrity, schema
from tests.support.history import PERFECT, T0, make_scenario, play

MALFORMED = "database disk image is malformed"


def record(h, day=0):
    when = T0 + timedelta(days=day)
    return h.record(play(make_scenario(), PERFECT), when - timedelta(minutes=3), when)


def aside(db):
    return [p for p in db.parent.iterdir() if ".damaged-" in p.name and "-wal" not in p.name]


def test_opening_and_reading_do_not_wait_for_the_check_and_a_save_does(tmp_path, monkeypatch):
    db = tmp_path / "history.sqlite3"
    with History.open(db) as h:
        for day in range(3):
            record(h, day)
    before = db.read_bytes()
    entered, release = threading.Event(), threading.Event()
    threads = []

    def slow_check(path):
        threads.append(threading.current_thread())
        entered.set()
        assert release.wait(30)
        return MALFORMED

    monkeypatch.setattr(integrity, "damage", slow_check)
    h = History.open(db)
    assert entered.wait(30)
    # open has returned while the check is still running, in another thread
    assert threads[0] is not threading.main_thread()
    assert h.notice is None and aside(db) == []
    assert len(h.attempts()) == 3 and h.summary("extra-shift").attempts == 3  # reads go on
    assert h.take_notice() is None  # no verdict yet, so nothing to say
    release.set()
    # a save waits for the verdict: the file is set aside, a fresh one started, then saved to
    saved = record(h, 5)
    assert saved is not None
    (moved,) = aside(db)
    assert moved.read_bytes() == before
    assert "fresh" in h.take_notice() and h.notice is None
    assert [a.id for a in h.attempts()] == [saved.id]
    h.close()
    monkeypatch.undo()
    with History.open(db) as h2:
        assert len(h2.attempts()) == 1


def test_a_damaged_file_is_set_aside_before_the_first_save(tmp_path):
    db = tmp_path / "history.sqlite3"
    with History.open(db) as h:
        for day in range(40):
            record(h, day)
    with open(db, "r+b") as f:
        f.truncate(db.stat().st_size // 3)
    before = db.read_bytes()
    h = History.open(db)
    saved = record(h, 50)  # the first thing done with it is a save
    assert saved is not None
    (moved,) = aside(db)
    assert moved.read_bytes() == before  # nothing written into the damaged file
    assert "fresh" in h.take_notice()
    assert [a.id for a in h.attempts()] == [saved.id]
    h.close()


def test_the_notice_comes_once_the_check_has_answered(tmp_path, monkeypatch):
    db = tmp_path / "history.sqlite3"
    with History.open(db) as h:
        record(h)
    done = threading.Event()

    def check(path):
        done.set()
        return MALFORMED

    monkeypatch.setattr(integrity, "damage", check)
    h = History.open(db)
    assert done.wait(30)
    h._later.result()  # the thread has finished (its verdict is not applied yet)
    assert "fresh" in h.take_notice()  # picked up without a read or a write
    assert len(aside(db)) == 1 and h.attempts() == []
    h.close()


def test_a_sound_file_is_left_alone_and_the_notice_stays_empty(tmp_path):
    db = tmp_path / "history.sqlite3"
    with History.open(db) as h:
        record(h)
    with History.open(db) as h:
        assert h.take_notice() is None
        assert len(h.attempts()) == 1 and record(h, 1) is not None
    assert aside(db) == []


def test_a_file_that_must_be_migrated_is_checked_before_it_is_opened(tmp_path, monkeypatch):
    db = tmp_path / "history.sqlite3"
    with History.open(db) as h:
        record(h)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {schema.LATEST - 1}")  # as if written by an older game
    conn.close()
    threads = []

    def check(path):
        threads.append(threading.current_thread())
        return MALFORMED

    monkeypatch.setattr(integrity, "damage", check)
    h = History.open(db)
    assert threads == [threading.main_thread()]  # checked first, before migrating writes
    assert len(aside(db)) == 1 and "fresh" in h.notice
    h.close()


def test_a_header_that_is_not_a_database_is_checked_first(tmp_path):
    db = tmp_path / "history.sqlite3"
    db.write_bytes(b"not a database at all" * 100)
    assert integrity.needs_check_first(db, schema.LATEST)
    with History.open(db) as h:
        assert len(aside(db)) == 1 and "fresh" in h.notice
    assert not integrity.needs_check_first(tmp_path / "missing.sqlite3", schema.LATEST)
