"""The game's log file: private, rotated, opened only when there is something to log.

:class:`PrivateLogHandler` is a rotating file handler that

* creates the log folder (0700) and file (0600) on the first record, not before,
  so commands that log nothing leave no trace;
* keeps the log small: at most ``max_bytes`` per file and ``backups`` old files;
* never prints a Python traceback when the log cannot be written (a full disk,
  a read-only folder): the first failure is kept in :attr:`failure` and the
  handler stops trying for the rest of the session.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import stat
import sys
from pathlib import Path

from game import safefiles

MAX_BYTES = 256 * 1024
BACKUPS = 3


class PrivateLogHandler(logging.handlers.RotatingFileHandler):
    def __init__(self, path: Path, *, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        super().__init__(
            path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=True
        )
        self.failure: str | None = None

    def _open(self):
        path = Path(self.baseFilename)
        safefiles.private_folder(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            st = os.fstat(fd)
            if stat.S_ISREG(st.st_mode) and stat.S_IMODE(st.st_mode) & 0o077:
                os.fchmod(fd, 0o600)  # only our own regular file, never a device
            return open(fd, "a", encoding=self.encoding, errors=self.errors)  # noqa: SIM115
        except BaseException:
            os.close(fd)
            raise

    def emit(self, record: logging.LogRecord) -> None:
        if self.failure is None:
            super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        """Note the first failure quietly and stop writing; never print to the terminal."""
        exc = sys.exc_info()[1]
        self.failure = f"{type(exc).__name__}: {exc}" if exc else "the log could not be written"
        stream, self.stream = self.stream, None
        if stream is not None:
            with contextlib.suppress(Exception):
                stream.close()
