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
* A damaged or unreadable file is moved aside with a timestamped name and a
  fresh one is started; nothing is deleted. ``notice`` says so once.
* If the history cannot be written (read-only folder, full disk) the game
  keeps playing: ``record`` returns None and ``notice`` says why.
* Old files are migrated (see :mod:`game.history.schema`). A file written by
  a newer game is read but never written.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import json
import logging
import os
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from game.errors import HistoryError
from game.history import schema, stats
from game.history.outcome import Outcome
from game.history.records import Attempt, Step, Summary

log = logging.getLogger("firm_and_kind.history")

SQLITE_MAGIC = b"SQLite format 3\x00"
SIDE_FILES = ("-wal", "-shm", "-journal")

CANT_SAVE = "History can't be saved right now{why}. You can keep playing; this playthrough won't be added to your progress."
NEWER = (
    "Your history was saved by a newer version of Firm & Kind. You can look at it here, "
    "but new results can't be saved until you update the game."
)


def utc_iso(moment: datetime) -> str:
    """A datetime as a UTC ISO 8601 string; a naive datetime is taken as local time."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _why(exc: BaseException) -> str:
    """A few plain words for why a write failed."""
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc).lower()
    err = getattr(exc, "errno", None)
    if code == 13 or "full" in text or err == errno.ENOSPC:  # SQLITE_FULL
        return " (the disk is full)"
    if (
        code in (8, 14)
        or "readonly" in text
        or "read-only" in text
        or err
        in (
            errno.EROFS,
            errno.EACCES,
            errno.EPERM,
        )
    ):
        return " (the folder is read-only)"
    return ""


class History:
    """One open history database. Keep one for the whole session; call :meth:`close` at the end."""

    def __init__(self, path: Path | None, conn: sqlite3.Connection, writable: bool) -> None:
        self.path = path
        self._conn = conn
        self._writable = writable
        self.notice: str | None = None

    # -- opening ------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> History:
        """Open (creating if needed) the history at ``path``.

        Never raises for a damaged or unwritable file: see the module's promises.
        With ``create=False`` a missing file is not created; the history is
        simply empty (the ``progress`` command uses this).
        """
        path = Path(path)
        if not path.exists() and not create:
            return cls._empty(None, None)
        try:
            _private_folder(path.parent)
        except OSError as exc:
            log.warning("history folder %s cannot be created: %s", path.parent, exc)
            return cls._empty(path, CANT_SAVE.format(why=_why(exc)))

        moved: Path | None = None
        problem = _damage(path)
        if problem:
            log.warning("history file %s is damaged (%s)", path, problem)
            try:
                moved = _set_aside(path)
            except OSError as exc:
                log.warning("could not set aside %s: %s", path, exc)
                return cls._read_only_or_empty(path, CANT_SAVE.format(why=_why(exc)))

        try:
            history = cls._connect(path)
        except schema.NewerSchema:
            return cls._read_only_or_empty(path, NEWER)
        except (sqlite3.Error, OSError) as exc:
            log.warning("history file %s cannot be opened for writing: %s", path, exc)
            return cls._read_only_or_empty(path, CANT_SAVE.format(why=_why(exc)))
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
                    if v == schema.LATEST or v > schema.LATEST:
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

    # -- the notice ---------------------------------------------------------
    def take_notice(self) -> str | None:
        """The notice, cleared so it is shown only once."""
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
        if not self._writable:
            if self.notice is None:
                self.notice = CANT_SAVE.format(why="")
            return None
        scenario = playthrough.scenario
        ending = playthrough.ending
        score = playthrough.score
        steps = []
        for d in playthrough.decisions:
            speaker = scenario.character(d.beat.speaker).name if d.beat.speaker else ""
            steps.append(
                Step(
                    beat_id=d.beat.id,
                    choice_index=d.choice.index,
                    style=d.choice.style,
                    points=d.choice.points,
                    skills=tuple(d.choice.skills),
                    text=d.choice.text,
                    feedback=d.choice.feedback,
                    line=d.beat.line,
                    speaker=speaker,
                )
            )
        row = (
            scenario.id,
            scenario.content_hash or "",
            utc_iso(started_at),
            utc_iso(ended_at),
            int(playthrough.seed),
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
        )
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                cur = conn.execute(
                    "INSERT INTO attempt (scenario_id, content_hash, started_at, ended_at, seed,"
                    " score, maximum, percent, stars, ending_id, scenario_title, difficulty,"
                    " ending_title, ending_tone, ending_ids)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    row,
                )
                attempt_id = cur.lastrowid
                conn.executemany(
                    "INSERT INTO step (attempt_id, position, beat_id, choice_index, style, points,"
                    " skills, choice_text, feedback, beat_line, speaker)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [
                        (
                            attempt_id,
                            i,
                            s.beat_id,
                            s.choice_index,
                            s.style,
                            s.points,
                            json.dumps(list(s.skills)),
                            s.text,
                            s.feedback,
                            s.line,
                            s.speaker,
                        )
                        for i, s in enumerate(steps)
                    ],
                )
                conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise
        except (sqlite3.Error, OSError) as exc:
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
        if not self._writable:
            self.notice = self.notice or CANT_SAVE.format(why="")
            return False
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.execute("DELETE FROM step")
            self._conn.execute("DELETE FROM attempt")
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

        attempts = list(reversed(self.attempts()))
        path = Path(path)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f)
                w.writerow(CSV_COLUMNS)
                for a in attempts:
                    w.writerow(
                        [
                            a.id,
                            a.scenario_id,
                            a.scenario_title,
                            utc_iso(a.started_at),
                            utc_iso(a.ended_at),
                            a.seed,
                            a.score,
                            a.maximum,
                            a.percent,
                            a.stars,
                            a.ending_id,
                            a.ending_title,
                            a.ending_tone or "",
                            a.content_hash,
                            " > ".join(f"{s.beat_id}:{s.style}:{s.points}" for s in a.steps),
                        ]
                    )
        except OSError as exc:
            raise HistoryError(f"could not write {path}: {exc.strerror or exc}") from exc
        return len(attempts)

    # -- reading ------------------------------------------------------------
    def attempts(self, scenario_id: str | None = None) -> list[Attempt]:
        """Finished playthroughs, newest first (all scenarios, or one)."""
        where, args = ("WHERE scenario_id = ?", (scenario_id,)) if scenario_id else ("", ())
        try:
            rows = self._conn.execute(
                f"SELECT {_ATTEMPT_COLS} FROM attempt {where} ORDER BY ended_at DESC, id DESC",
                args,
            ).fetchall()
            steps = self._steps([r[0] for r in rows])
        except sqlite3.Error as exc:
            log.warning("could not read history: %s", exc)
            return []
        return [_attempt(r, steps.get(r[0], [])) for r in rows]

    def attempt(self, attempt_id: int) -> Attempt | None:
        return self._attempt_by_id(attempt_id)

    def summaries(self) -> dict[str, Summary]:
        """Scenario id -> Summary, for every scenario ever finished (removed ones too)."""
        return stats.summaries(self.attempts())

    def summary(self, scenario_id: str) -> Summary | None:
        return stats.summaries(self.attempts(scenario_id)).get(scenario_id)

    def endings_found(self, scenario_id: str) -> set[str]:
        try:
            rows = self._conn.execute(
                "SELECT DISTINCT ending_id FROM attempt WHERE scenario_id = ?", (scenario_id,)
            ).fetchall()
        except sqlite3.Error:
            return set()
        return {r[0] for r in rows}

    def improvement(self, attempt: Attempt) -> stats.Improvement:
        """How ``attempt`` compares with the attempts at the same scenario before it."""
        return stats.improvement(self.attempts(attempt.scenario_id), attempt)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- internals ----------------------------------------------------------
    def _attempt_by_id(self, attempt_id: int) -> Attempt | None:
        try:
            row = self._conn.execute(
                f"SELECT {_ATTEMPT_COLS} FROM attempt WHERE id = ?", (attempt_id,)
            ).fetchone()
            if row is None:
                return None
            return _attempt(row, self._steps([attempt_id]).get(attempt_id, []))
        except sqlite3.Error:
            return None

    def _steps(self, ids: Iterable[int]) -> dict[int, list[Step]]:
        ids = list(ids)
        out: dict[int, list[Step]] = {i: [] for i in ids}
        if not ids:
            return out
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self._conn.execute(
                "SELECT attempt_id, beat_id, choice_index, style, points, skills, choice_text,"
                f" feedback, beat_line, speaker FROM step WHERE attempt_id IN ({marks})"
                " ORDER BY attempt_id, position",
                chunk,
            ):
                out[r[0]].append(
                    Step(r[1], r[2], r[3], r[4], tuple(_json_list(r[5])), r[6], r[7], r[8], r[9])
                )
        return out


CSV_COLUMNS = (
    "attempt",
    "scenario_id",
    "scenario_title",
    "started_at",
    "ended_at",
    "seed",
    "score",
    "maximum",
    "percent",
    "stars",
    "ending_id",
    "ending_title",
    "ending_tone",
    "content_hash",
    "choices",
)

_ATTEMPT_COLS = (
    "id, scenario_id, content_hash, started_at, ended_at, seed, score, maximum, percent, stars,"
    " ending_id, ending_tone, ending_title, scenario_title, difficulty, ending_ids"
)


def _json_list(text: str | None) -> list:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def _attempt(r, steps: list[Step]) -> Attempt:
    return Attempt(
        id=r[0],
        scenario_id=r[1],
        content_hash=r[2],
        started_at=parse_time(r[3]),
        ended_at=parse_time(r[4]),
        seed=r[5],
        score=r[6],
        maximum=r[7],
        percent=r[8],
        stars=r[9],
        ending_id=r[10],
        steps=steps,
        ending_tone=r[11],
        ending_title=r[12] or "",
        scenario_title=r[13] or "",
        difficulty=r[14],
        ending_ids=tuple(_json_list(r[15])),
    )


def _private_folder(folder: Path) -> None:
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
    if folder.stat().st_mode & 0o077:
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)


def _damage(path: Path) -> str | None:
    """Why the file at ``path`` cannot be used as a history, or None if it can (or is absent)."""
    try:
        with open(path, "rb") as f:
            head = f.read(100)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"unreadable: {exc}"
    if not head:
        return None  # an empty file is an empty database
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        return "not a database"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        if _why(exc):  # cannot open read-only for lack of rights: not damage
            return None
        return str(exc)
    try:
        result = conn.execute("PRAGMA quick_check").fetchall()
        if result != [("ok",)]:
            return "; ".join(str(r[0]) for r in result[:3])
        # The tables must be those of a history (or none, for a new file).
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if names and not {"attempt", "step"} <= names:
            return "not a history database"
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and _why(exc):
            return None
        return str(exc)
    finally:
        conn.close()
    return None


def _set_aside(path: Path) -> Path:
    """Rename ``path`` (and its journal files) to ``NAME.damaged-YYYYMMDD-HHMMSS``."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 2
    while target.exists():
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
        n += 1
    os.replace(path, target)
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            if suffix == "-shm":  # shared-memory index, rebuilt from the WAL: safe to drop
                side.unlink()
            else:
                os.replace(side, target.with_name(target.name + suffix))
    return target
