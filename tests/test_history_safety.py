"""The history keeps what it was given: a full disk is not damage, races lose nothing,
any seed saves, hostile rows never crash a reader, a save is durable before it returns."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.history import History, rows, schema
from tests.support.history import GAVE_IN, PERFECT, T0, make_scenario, play

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def db(tmp_path):
    return tmp_path / "data" / "history.sqlite3"


def record(h, picks=PERFECT, day=0, seed=1, scenario=None):
    when = T0 + timedelta(days=day)
    sc = scenario or make_scenario()
    return h.record(play(sc, picks, seed=seed), when - timedelta(minutes=3), when)


def count_rows(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM attempt").fetchone()[0]
    finally:
        conn.close()


def aside_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".damaged" in p.name)


# -- item 1: a full disk is reported, never taken for damage ---------------------------------
class _FailingConnection(sqlite3.Connection):
    """A connection on a disk that cannot be written: every statement fails with an I/O error."""

    def execute(self, *args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    def executemany(self, *args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")


@contextmanager
def disk_io_errors(monkeypatch):
    real = sqlite3.connect

    def connect(*args, **kwargs):
        kwargs["factory"] = _FailingConnection
        return real(*args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    try:
        yield
    finally:
        monkeypatch.setattr(sqlite3, "connect", real)


def test_a_disk_io_error_at_open_keeps_the_file_and_says_why(db, monkeypatch):
    with History.open(db) as h:
        for day in range(3):
            assert record(h, day=day) is not None
    before = db.read_bytes()

    with disk_io_errors(monkeypatch):
        h = History.open(db)
        assert not h.can_save
        assert h.notice and "can't be saved" in h.notice and "disk" in h.notice
        assert "set aside" not in h.notice
        assert record(h, day=5) is None  # the game goes on: no save, no exception
        h.close()
    assert aside_files(db.parent) == []  # nothing renamed
    assert db.read_bytes() == before

    with History.open(db) as h:  # space freed: everything is still there
        assert h.notice is None and len(h.attempts()) == 3


class _IOErrorOnWrite:
    """A connection whose disk fails as soon as anything is written."""

    def __init__(self, conn):
        self._conn = conn

    def execute(self, sql, *args):
        if sql.split()[0].upper() in ("BEGIN", "INSERT"):
            raise sqlite3.OperationalError("disk I/O error")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_a_disk_io_error_while_saving_is_reported_and_loses_nothing_saved(db):
    with History.open(db) as h:
        assert record(h, day=0) is not None
        real, h._conn = h._conn, _IOErrorOnWrite(h._conn)
        assert record(h, day=1) is None
        assert "can't be saved" in h.notice and "disk" in h.notice
        h._conn = real
    assert aside_files(db.parent) == []
    with History.open(db) as h:
        assert h.notice is None and len(h.attempts()) == 1


def test_a_corrupt_file_is_still_set_aside(db):
    with History.open(db) as h:
        for day in range(30):
            record(h, day=day)
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # ruin the first page's b-tree header
    db.write_bytes(bytes(data))
    with History.open(db) as h:
        (main_file,) = [n for n in aside_files(db.parent) if not n.endswith("-wal")]
        assert main_file in h.notice and "set aside" in h.notice
        assert h.can_save


def _mount_tmpfs(folder: Path, size: str) -> bool:
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
        capture_output=True,
    )
    return r.returncode == 0


def _fill(folder: Path) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 65536)
    except OSError:
        pass
    try:
        while True:
            os.write(fd, b"\0")
    except OSError:
        pass
    finally:
        os.close(fd)


def test_a_really_full_disk_sets_nothing_aside(tmp_path):
    """On a small real file system, filled to the last byte (Linux, as root; skipped elsewhere)."""
    mnt = tmp_path / "small-disk"
    if not _mount_tmpfs(mnt, "512k"):
        pytest.skip("cannot mount a small file system here")
    try:
        db = mnt / "data" / "history.sqlite3"
        with History.open(db) as h:
            for day in range(10):
                assert record(h, day=day) is not None
        _fill(mnt)
        h = History.open(db)
        assert h.notice and "can't be saved" in h.notice and "disk" in h.notice
        assert record(h, day=20) is None
        h.close()
        assert aside_files(db.parent) == []
        (mnt / "filler").unlink()  # space freed
        with History.open(db) as h:
            assert h.notice is None and len(h.attempts()) == 10
            assert record(h, day=30) is not None
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_an_older_file_that_cannot_be_migrated_on_a_full_disk_is_still_shown(db, monkeypatch):
    with History.open(db) as h:
        record(h, seed=7)
    conn = sqlite3.connect(db, isolation_level=None)  # back to how schema 2 left it
    conn.execute("ALTER TABLE attempt DROP COLUMN seed_text")
    conn.execute("PRAGMA user_version = 2")
    conn.close()

    def full(conn):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS[:2], full])
    with History.open(db) as h:
        assert not h.can_save and "disk is full" in h.notice
        (a,) = h.attempts()
        assert a.seed == 7 and a.stars == 3
    assert aside_files(db.parent) == []


# -- item 2: the first run is race-safe ------------------------------------------------------
def test_a_folder_created_by_another_process_meanwhile_is_fine(tmp_path, monkeypatch):
    db = tmp_path / "new" / "data" / "history.sqlite3"
    real_mkdir = os.mkdir

    def mkdir_after_someone_else(path, mode=0o777, *args, **kwargs):
        real_mkdir(path, mode)  # the other copy of the game wins the race ...
        real_mkdir(path, mode, *args, **kwargs)  # ... so ours finds it there

    monkeypatch.setattr(os, "mkdir", mkdir_after_someone_else)
    h = History.open(db)
    monkeypatch.setattr(os, "mkdir", real_mkdir)
    assert h.notice is None and h.can_save
    assert record(h) is not None
    h.close()


def _first_run_worker(base: str, rounds: int, barrier, results) -> None:
    sc = make_scenario()
    saved = 0
    for r in range(rounds):
        barrier.wait()
        h = History.open(Path(base) / f"round{r}" / "home" / "data" / "history.sqlite3")
        a = h.record(play(sc, PERFECT if r % 2 else GAVE_IN, seed=r), T0, T0)
        saved += a is not None
        h.close()
    results.put(saved)


def test_many_players_finishing_at_once_on_a_new_folder_all_save(tmp_path):
    """Real processes start together on fresh folders, round after round; nothing is lost."""
    try:
        mp = multiprocessing.get_context("fork")
    except ValueError:
        mp = multiprocessing.get_context("spawn")
    players, rounds = 6, 12
    barrier, results = mp.Barrier(players), mp.Queue()
    procs = [
        mp.Process(target=_first_run_worker, args=(str(tmp_path), rounds, barrier, results))
        for _ in range(players)
    ]
    for p in procs:
        p.start()
    saved = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert saved == [rounds] * players
    for r in range(rounds):
        assert count_rows(tmp_path / f"round{r}" / "home" / "data" / "history.sqlite3") == players


# -- item 3: any seed can be saved, exactly -----------------------------------------------------
@pytest.mark.parametrize("seed", [2**63, 2**64 + 5, -(2**63) - 1, 10**40, 2**63 - 1, -(2**63)])
def test_a_seed_of_any_size_is_saved_exactly(db, seed):
    with History.open(db) as h:
        a = record(h, seed=seed)
        assert a is not None and h.notice is None
        assert a.seed == seed
    with History.open(db) as h:
        (b,) = h.attempts()
        assert b.seed == seed and type(b.seed) is int


def test_a_second_schema_file_gains_exact_seeds(db):
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db, isolation_level=None)
    schema.migrate(conn, 2)
    conn.close()
    with History.open(db) as h:
        assert schema.version(h._conn) == schema.LATEST
        assert record(h, seed=2**70).seed == 2**70


# -- item 14: a row that makes no sense is skipped, never a crash --------------------------------
def _hostile_rows(db: Path) -> None:
    with History.open(db) as h:
        for day in range(3):
            record(h, day=day)
    conn = sqlite3.connect(db)
    ids = [r[0] for r in conn.execute("SELECT id FROM attempt ORDER BY id")]
    conn.execute("UPDATE attempt SET started_at = 'yesterday-ish' WHERE id = ?", (ids[0],))
    conn.execute("UPDATE attempt SET score = 'lots', stars = 'x' WHERE id = ?", (ids[1],))
    conn.execute("UPDATE attempt SET stars = 99, percent = 4000 WHERE id = ?", (ids[2],))
    conn.commit()
    conn.close()


def test_hostile_rows_are_skipped_or_clamped(db):
    _hostile_rows(db)
    with History.open(db) as h:
        (a,) = h.attempts()
        assert a.stars == 3 and a.percent == 100
        assert h.notice and "2 playthroughs" in h.notice
        assert h.summaries()["extra-shift"].best_stars == 3


def test_progress_survives_hostile_rows(db, tmp_path):
    import io

    from game.cli import main
    from game.cli.context import Context
    from game.paths import AppPaths

    home = tmp_path
    paths = AppPaths(home / "data", home / "config", home / "logs")
    _hostile_rows(paths.history_db)
    out, err = io.StringIO(), io.StringIO()
    code = main(["progress"], Context(paths=paths, out=out, err=err))
    assert code == 0, err.getvalue()
    assert "***" in out.getvalue() and "****" not in out.getvalue()
    assert "could not be read" in err.getvalue()
    out = io.StringIO()
    assert main(["progress", "--json"], Context(paths=paths, out=out, err=io.StringIO())) == 0
    assert '"best_stars": 3' in out.getvalue()


def test_a_step_with_text_for_a_number_is_left_out(db):
    with History.open(db) as h:
        record(h)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE step SET points = 'ten', choice_index = 'a' WHERE position = 0")
    conn.commit()
    conn.close()
    with History.open(db) as h:
        (a,) = h.attempts()
        assert [s.beat_id for s in a.steps] == ["pushback"]


# -- the principle: a save is durable before record returns ---------------------------------------
def test_a_returned_save_is_visible_to_another_process_at_once(db):
    h = History.open(db)
    a = record(h, seed=2**64)
    assert a is not None
    # While this process still holds the connection open, another process sees the save.
    check = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
        "print(c.execute('SELECT count(*) FROM attempt WHERE id = ?', (int(sys.argv[2]),))"
        ".fetchone()[0])"
    )
    out = subprocess.run(
        [sys.executable, "-c", check, str(db), str(a.id)], capture_output=True, text=True
    )
    h.close()
    assert out.stdout.strip() == "1", out.stderr


def test_the_module_keeps_its_promise_of_one_transaction(db):
    with History.open(db) as h:
        assert not h._conn.in_transaction
        record(h)
        assert not h._conn.in_transaction  # committed, nothing left open


# -- any value in any column: a checked Attempt or a left-out row, nothing else -----------------
_SQL_VALUES = st.one_of(
    st.none(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.binary(max_size=12),
    st.sampled_from(["2026-03-01T18:00:00+00:00", "2026-13-45", "", "[]", '["a", 1]', "-12"]),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_SQL_VALUES, min_size=17, max_size=17), st.lists(_SQL_VALUES, min_size=10, max_size=10)
)
def test_any_row_is_checked_or_left_out(attempt_row, step_row):
    try:
        a = rows.attempt(attempt_row, [])
    except rows.BadRow:
        pass
    else:
        assert 0 <= a.stars <= 3 and 0 <= a.percent <= 100 and a.maximum >= 0
        assert type(a.score) is int and type(a.seed) is int and isinstance(a.scenario_id, str)
        assert a.started_at.tzinfo is not None and all(isinstance(e, str) for e in a.ending_ids)
    try:
        s = rows.step(step_row)
    except rows.BadRow:
        pass
    else:
        assert type(s.points) is int and all(isinstance(k, str) for k in s.skills)
