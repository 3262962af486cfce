"""The player's history: every finished playthrough, kept in SQLite on their machine.

>>> h = History.open(paths.history_db)   # never raises for a damaged file
>>> outcome = h.record_finished(playthrough, started_at, ended_at)   # saved, and how it compares
>>> attempt = h.record(playthrough, started_at, ended_at)   # None if it could not be saved
>>> h.notice   # a plain-words message to show the player once, or None

Promises:

* One transaction per finished playthrough; an unfinished one is never written.
* WAL journal with full syncs: a playthrough that ``record`` returned is on
  disk, even if the game is killed a moment later.
* The file and its folder are private to the user (0600 and 0700).
* Only positive evidence of damage (SQLite says "not a database" or
  "malformed", the integrity check fails, the tables are not a history's)
  moves a file aside, as ``NAME.damaged-YYYYmmdd-HHMMSS``, and starts a fresh
  one; nothing is deleted. ``notice`` says so once. See
  :mod:`game.history.integrity`.
* Opening is quick at any size: a file of the current schema is opened at
  once and its full integrity check runs in a thread. Nothing is written to
  it before that check has answered; if it found damage, the file is set
  aside then (as above) and the save goes to the fresh one. Reads do not
  wait (a damaged page reads as no rows, never a crash), and
  :meth:`take_notice` picks up the verdict as soon as it is known.
* If the history cannot be written (read-only folder, full disk, disk I/O
  error) the game keeps playing: ``record`` returns None, ``notice`` says why,
  and the file is left exactly as it is.
* The folder is created safely even when several copies of the game create it
  at the same moment.
* Any whole-number seed is saved exactly (seeds beyond 64 bits as text).
* Rows are checked as they are read (:mod:`game.history.rows`): a row that makes
  no sense is left out, with a notice, never a crash.
* Old files are migrated (see :mod:`game.history.schema`). A file written by
  a newer game is read but never written.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import random
import sqlite3
import time
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from game import safefiles
from game.history import export, integrity, rows, schema
from game.history.export import CSV_COLUMNS, utc_iso
from game.history.outcome import Outcome
from game.history.queries import Queries
from game.history.records import Attempt, Step
from game.history.rows import parse_time

__all__ = ["CSV_COLUMNS", "History", "parse_time", "utc_iso"]

log = logging.getLogger("firm_and_kind.history")

CANT_SAVE = "History can't be saved right now{why}. You can keep playing; this playthrough won't be added to your progress."
NEWER = (
    "Your history was saved by a newer version of Firm & Kind. You can look at it here, "
    "but new results can't be saved until you update the game."
)


_why = integrity.why


def _damage(path: Path) -> str | None:
    return integrity.damage(path)


class History(Queries):
    """One open history database. Keep one for the whole session; call :meth:`close` at the end.

    Aggregates (summaries, bests, trends, charts, styles, skills) come from
    :class:`game.history.queries.Queries`.
    """

    def __init__(self, path: Path | None, conn: sqlite3.Connection, writable: bool) -> None:
        self.path = path
        self._db = conn
        self._later: integrity.LaterCheck | None = None
        self._writable = writable
        self.notice: str | None = None
        self._bad_rows: set[int] = set()  # rows left out and already told about
        self._have: dict[str, set[str]] = {}  # the columns each table has

    # -- opening ------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, create: bool = True, check_first: bool = False) -> History:
        """Open (creating if needed) the history at ``path``.

        Never raises for a damaged or unwritable file: see the module's promises.
        With ``create=False`` a missing file is not created; the history is
        simply empty (the ``progress`` command uses this). ``check_first`` runs
        the full integrity check before opening, not in a thread.
        """
        path = Path(path)
        try:
            missing = not path.exists()
        except OSError as exc:  # the folder cannot even be looked into
            log.warning("history file %s cannot be reached: %s", path, exc)
            return cls._empty(path, CANT_SAVE.format(why=_why(exc)))
        if missing and not create:
            return cls._empty(None, None)
        try:
            safefiles.private_folder(path.parent)
        except OSError as exc:
            log.warning("history folder %s cannot be created: %s", path.parent, exc)
            return cls._empty(path, CANT_SAVE.format(why=_why(exc)))

        moved: Path | None = None
        later = not check_first and not integrity.needs_check_first(path, schema.LATEST)
        problem = None if later else _damage(path)
        if problem:
            log.warning("history file %s is damaged (%s)", path, problem)
            try:
                moved = integrity.set_aside(path)
            except OSError as exc:
                log.warning("could not set aside %s: %s", path, exc)
                return cls._read_only_or_empty(path, CANT_SAVE.format(why=_why(exc)))

        try:
            history = cls._connect(path)
        except schema.NewerSchema:
            return cls._read_only_or_empty(path, NEWER)
        except (sqlite3.Error, OSError) as exc:
            if later:  # whatever it was, the full check tells damage from the rest
                return cls.open(path, create=create, check_first=True)
            log.warning("history file %s cannot be opened for writing: %s", path, exc)
            return cls._read_only_or_empty(path, CANT_SAVE.format(why=_why(exc)))
        if later and path.stat().st_size:
            history._later = integrity.LaterCheck(path)
        if moved is not None:
            history.notice = (
                f"Your history file could not be read, so it was set aside as {moved.name} "
                f"(in {moved.parent}) and a fresh one was started. Nothing was deleted."
            )
        return history

    @classmethod
    def _connect(cls, path: Path) -> History:
        if not path.exists():
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            os.close(fd)
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)
        # Another copy of the game may be setting up the same new file: switching
        # to WAL can then report "locked" at once, without waiting. Try again.
        deadline = time.monotonic() + 10.0
        while True:
            try:
                return cls._connect_once(path)
            except sqlite3.OperationalError as exc:
                if not integrity.is_busy(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(random.uniform(0.005, 0.05))

    @classmethod
    def _connect_once(cls, path: Path) -> History:
        conn = sqlite3.connect(path, isolation_level=None, timeout=5.0, check_same_thread=False)
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("PRAGMA foreign_keys = ON")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise sqlite3.OperationalError(f"readonly: journal mode stays {mode}")
            conn.execute("PRAGMA synchronous = FULL")
            schema.migrate(conn)
        except BaseException:
            conn.close()
            raise
        return cls(path, conn, writable=True)

    @classmethod
    def _read_only_or_empty(cls, path: Path, notice: str) -> History:
        """Show what can be read (a read-only file), or nothing; never write."""
        if path.exists() and not _damage(path):
            for query in ("mode=ro", "immutable=1"):
                try:
                    conn = sqlite3.connect(
                        f"{path.resolve().as_uri()}?{query}", uri=True, isolation_level=None
                    )
                    v = schema.version(conn)
                    if v >= 1:  # older files are read as they are (see _columns)
                        conn.execute("SELECT count(*) FROM attempt").fetchone()
                        history = cls(path, conn, writable=False)
                        history.notice = notice
                        return history
                    conn.close()
                except sqlite3.Error:
                    continue
        return cls._empty(path, notice)

    @classmethod
    def _empty(cls, path: Path | None, notice: str | None) -> History:
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        with contextlib.suppress(sqlite3.Error):  # without tables, every read is simply empty
            schema.migrate(conn)
        history = cls(path, conn, writable=False)
        history.notice = notice
        return history

    @property
    def _conn(self) -> sqlite3.Connection:
        """The connection (the current one: see :meth:`_settle`)."""
        return self._db

    @_conn.setter
    def _conn(self, conn: sqlite3.Connection) -> None:
        self._db = conn

    def _settle(self) -> None:
        """Wait for the integrity check (if one runs); a damaged file is replaced by a fresh one."""
        later, self._later = self._later, None
        if later is None or later.result() is None or self.path is None:
            return
        self._db.close()  # damaged: set it aside and go on with a fresh one (see open)
        fresh = History.open(self.path, check_first=True)
        self._db, self._writable, self.notice = fresh._db, fresh._writable, fresh.notice
        self._have.clear()

    # -- the notice ---------------------------------------------------------
    def take_notice(self) -> str | None:
        """The notice, cleared so it is shown only once (and the check's, once it is known)."""
        if self._later is not None and self._later.done():
            self._settle()
        notice, self.notice = self.notice, None
        return notice

    @property
    def can_save(self) -> bool:
        return self._writable

    # -- writing ------------------------------------------------------------
    def record(self, playthrough, started_at: datetime, ended_at: datetime) -> Attempt | None:
        """Save a finished playthrough in one transaction and return it as an Attempt.

        Returns None, without writing anything, for an unfinished playthrough;
        returns None and sets :attr:`notice` if the history cannot be written.
        """
        if not playthrough.finished:
            log.warning("not recording an unfinished playthrough of %s", playthrough.scenario.id)
            return None
        if playthrough.playtest:
            log.info("not recording a playtest of %s from a later beat", playthrough.scenario.id)
            return None
        self._settle()
        if not self._writable:
            if self.notice is None:
                self.notice = CANT_SAVE.format(why="")
            return None
        scenario = playthrough.scenario
        ending = playthrough.ending
        score = playthrough.score
        steps = [  # position, beat_id, choice_index, style, points, skills, text, feedback, line, speaker
            (i, d.beat.id, d.choice.index, d.choice.style, d.choice.points,
             json.dumps(list(d.choice.skills)), d.choice.text, d.choice.feedback, d.beat.line,
             scenario.character(d.beat.speaker).name if d.beat.speaker else "")
            for i, d in enumerate(playthrough.decisions)
        ]  # fmt: skip
        row = (
            scenario.id,
            scenario.content_hash or "",
            utc_iso(started_at),
            utc_iso(ended_at),
            *rows.seed_columns(int(playthrough.seed)),
            score.score,
            score.maximum,
            score.percent,
            score.stars,
            ending.id,
            scenario.title,
            scenario.difficulty,
            ending.title,
            ending.tone,
            json.dumps(sorted(scenario.endings)),
            1 if playthrough.practice else 0,
        )
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                cur = conn.execute(
                    "INSERT INTO attempt (scenario_id, content_hash, started_at, ended_at, seed,"
                    " seed_text, score, maximum, percent, stars, ending_id, scenario_title,"
                    " difficulty, ending_title, ending_tone, ending_ids, practice)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    row,
                )
                attempt_id = cur.lastrowid
                conn.executemany(
                    "INSERT INTO step (attempt_id, position, beat_id, choice_index, style, points,"
                    " skills, choice_text, feedback, beat_line, speaker)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [(attempt_id, *step) for step in steps],
                )
                conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise
        except (sqlite3.Error, OSError, OverflowError) as exc:
            log.warning("could not save a playthrough of %s: %s", scenario.id, exc)
            self.notice = CANT_SAVE.format(why=_why(exc))
            return None
        return self._attempt_by_id(attempt_id)

    def record_finished(self, playthrough, started_at: datetime, ended_at: datetime) -> Outcome:
        """Record a finished playthrough and say how it compares: the one call both front ends use.

        The outcome holds the attempt (None if it could not be saved; then
        :attr:`notice` says why), the improvement on earlier attempts, the best
        before it and the endings found so far.
        """
        scenario_id = playthrough.scenario.id
        before = self.summary(scenario_id)
        previous_best = before.best_percent if before is not None else None
        attempt = self.record(playthrough, started_at, ended_at)
        if attempt is None:
            return Outcome(
                playthrough,
                previous_best=previous_best,
                endings_found=len(self.endings_found(scenario_id)),
            )
        improvement = self.improvement(attempt)
        return Outcome(
            playthrough,
            attempt=attempt,
            improvement=improvement,
            previous_best=improvement.previous_best,
            endings_found=improvement.endings_found,
        )

    def reset(self) -> bool:
        """Delete every recorded playthrough (the player confirmed it). True if done.

        The rows are deleted and the file rewritten (VACUUM, WAL truncated), so
        nothing of the old history stays on disk. The file itself stays.
        """
        self._settle()
        if not self._writable:
            self.notice = self.notice or CANT_SAVE.format(why="")
            return False
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.execute("DELETE FROM step")
            self._conn.execute("DELETE FROM attempt")
            if self._indexed():
                self._conn.execute("DELETE FROM tally")
                self._conn.execute("DELETE FROM attempt_styles")
            self._conn.execute("COMMIT")
            self._conn.execute("VACUUM")
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")
            log.warning("could not reset history: %s", exc)
            self.notice = CANT_SAVE.format(why=_why(exc))
            return False
        return True

    def export_csv(self, path: Path | str) -> int:
        """Write every playthrough, oldest first, one row each, to ``path``; returns the row count.

        Raises :class:`game.errors.HistoryError` if the file cannot be written.
        """
        attempts = self.attempts(include_practice=True)
        return export.write_csv(list(reversed(attempts)), Path(path))

    # -- reading ------------------------------------------------------------
    def attempts(
        self, scenario_id: str | None = None, *, include_practice: bool = False
    ) -> list[Attempt]:
        """Finished playthroughs, newest first (all scenarios, or one).

        Practice runs are left out unless ``include_practice``: they never count
        as attempts, bests, stars or chart points. A row that makes no sense
        (see :mod:`game.history.rows`) is left out and :attr:`notice` says so once.
        """
        where, args = self._where(scenario_id, include_practice)
        try:
            found = self._conn.execute(
                f"SELECT {self._columns('attempt', rows.ATTEMPT_COLS)} FROM attempt {where}"
                " ORDER BY ended_at DESC, id DESC",
                args,
            ).fetchall()
            steps = self._steps([r[0] for r in found])
        except sqlite3.Error as exc:
            log.warning("could not read history: %s", exc)
            return []
        return self._checked(found, steps)

    def attempt(self, attempt_id: int) -> Attempt | None:
        return self._attempt_by_id(attempt_id)

    def close(self) -> None:
        self._later = None  # not waited for: a damaged file is set aside at the next save
        with contextlib.suppress(sqlite3.Error):
            self._db.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- internals ----------------------------------------------------------
    def _checked(self, found, steps: dict[int, list[Step]]) -> list[Attempt]:
        out, bad = [], []
        for r in found:
            try:
                out.append(rows.attempt(r, steps.get(r[0], [])))
            except rows.BadRow as exc:
                if r[0] not in self._bad_rows:
                    log.warning("history row %r left out: %s", r[0], exc)
                    bad.append(r[0])
        if bad:
            self._bad_rows.update(bad)
            n = len(self._bad_rows)
            self.notice = (
                f"{n} playthrough{'s' if n != 1 else ''} in your history could not be read and "
                f"{'were' if n != 1 else 'was'} left out. Nothing was changed in the file."
            )
        return out

    def _attempt_by_id(self, attempt_id: int) -> Attempt | None:
        try:
            row = self._conn.execute(
                f"SELECT {self._columns('attempt', rows.ATTEMPT_COLS)} FROM attempt WHERE id = ?",
                (attempt_id,),
            ).fetchone()
            if row is None:
                return None
            found = self._checked([row], self._steps([attempt_id]))
        except sqlite3.Error:
            return None
        return found[0] if found else None

    def _steps(self, ids: Iterable[int]) -> dict[int, list[Step]]:
        return rows.read_steps(self._conn, self._columns("step", rows.STEP_COLS), ids)
