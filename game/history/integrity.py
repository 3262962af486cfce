"""Is a history file damaged, or only out of reach? Telling the two apart.

Only positive evidence of damage sets a history file aside: SQLite itself
saying the file is not a database or is malformed, an integrity check that
fails, or a database without a history's tables. Everything else (a full
disk, a disk I/O error, journal files that cannot be created, missing
rights, a busy file) says nothing about the file: it is reported as a reason
the history cannot be saved right now, and the file is left exactly as it is.

The full check reads the whole file (``PRAGMA quick_check``: 0.2 s with
100,000 playthroughs), so it is kept off the way to the game's first frame:
:func:`needs_check_first` looks only at the file's 100-byte header, and a
file that is a database of the current schema is opened at once while
:class:`LaterCheck` checks it in a thread. The store waits for that verdict
before its first write (see :mod:`game.history.store`).
"""

from __future__ import annotations

import errno
import logging
import sqlite3
import threading
from pathlib import Path

from game import safefiles

log = logging.getLogger("firm_and_kind.history")

# Journal files that belong to the database: the WAL (and a rollback journal)
# hold committed data and move with it; the shared-memory index is rebuilt.
COMPANIONS = ("-wal", "-journal")
DROPPED = ("-shm",)

SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26
SQLITE_BUSY, SQLITE_LOCKED = 5, 6
SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 8, 10, 13, 14
_CORRUPT_WORDS = ("file is not a database", "malformed", "corrupt")


def is_corruption(exc: BaseException) -> bool:
    """True if SQLite says the file itself is damaged (not that it could not get at it)."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)
    text = str(exc).lower()
    return any(word in text for word in _CORRUPT_WORDS)


def is_busy(exc: BaseException) -> bool:
    """True if another connection holds the file for a moment (worth trying again)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)
    return "locked" in str(exc).lower() or "busy" in str(exc).lower()


def why(exc: BaseException) -> str:
    """A few plain words, in parentheses, for why the history cannot be written; or ""."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    err = getattr(exc, "errno", None)
    if primary == SQLITE_FULL or "full" in text or err in (errno.ENOSPC, errno.EDQUOT):
        return " (the disk is full)"
    if (
        primary in (SQLITE_READONLY, SQLITE_CANTOPEN)
        or "readonly" in text
        or "read-only" in text
        or err in (errno.EROFS, errno.EACCES, errno.EPERM)
    ):
        return " (the folder is read-only)"
    if primary == SQLITE_IOERR or "disk i/o error" in text or isinstance(exc, OSError):
        return " (the disk could not be read or written; it may be full)"
    return ""


def damage(path: Path) -> str | None:
    """Positive evidence that ``path`` is not a usable history, as a reason; else None.

    None also when the file is absent or cannot be checked right now (I/O
    error, full disk, no rights): not knowing is never taken for damage.
    """
    try:
        if not path.exists():
            return None
    except OSError:  # cannot even look: not knowing is not damage
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return _verdict(path, exc)
    try:
        result = conn.execute("PRAGMA quick_check").fetchall()
        if result != [("ok",)]:
            return "; ".join(str(r[0]) for r in result[:3])
        # The tables must be those of a history (or none, for a new file).
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if names and not {"attempt", "step"} <= names:
            return "not a history database"
    except sqlite3.Error as exc:
        return _verdict(path, exc)
    finally:
        conn.close()
    return None


def _verdict(path: Path, exc: sqlite3.Error) -> str | None:
    if is_corruption(exc):
        return str(exc)
    log.warning("history file %s could not be checked (%s); leaving it as it is", path, exc)
    return None


def set_aside(path: Path) -> Path:
    """Move a damaged history (and its journal) aside; see :func:`game.safefiles.set_aside`."""
    return safefiles.set_aside(path, companions=COMPANIONS, drop=DROPPED)


SQLITE_MAGIC = b"SQLite format 3\x00"


def needs_check_first(path: Path, current: int) -> bool:
    """False when ``path`` is absent, empty, or by its header a database at schema ``current``:
    then it can be opened at once and checked in a thread. True when the check must come
    first (the header is not a database's, or opening would migrate and so write)."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except FileNotFoundError:
        return False
    except OSError:
        return True  # let the full check (and its careful reading of errors) decide
    if not header:
        return False
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return True
    return int.from_bytes(header[60:64], "big") != current


class LaterCheck:
    """:func:`damage` run in a thread, on its own read-only connection."""

    def __init__(self, path: Path) -> None:
        self._problem: str | None = None
        self._thread = threading.Thread(
            target=self._run, args=(path,), name="history-check", daemon=True
        )
        self._thread.start()

    def _run(self, path: Path) -> None:
        try:
            self._problem = damage(path)
        except Exception:  # noqa: BLE001 - not knowing is never taken for damage
            log.warning("history file %s could not be checked", path, exc_info=True)

    def done(self) -> bool:
        return not self._thread.is_alive()

    def result(self) -> str | None:
        """The reason the file is damaged, or None; waits for the check to finish."""
        self._thread.join()
        return self._problem
