"""Bounded reads of files authors give us: never more than a limit, never from a pipe or device.

``stat()`` cannot be trusted to bound a read (a file can grow after it, and
``/dev/zero`` or a FIFO reports a size of 0 and never ends), so the limit is
enforced on the read itself: at most ``limit + 1`` bytes are read, which is
enough to tell "too large" from "just fits".
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from game.errors import FirmKindError

_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not wait for a writer
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class NotRegularFile(FirmKindError):
    """The path is a FIFO, a device or a socket: nothing a scenario or image can be."""


class NotAFile(FirmKindError):
    """The path is a folder."""


def _check_mode(mode: int, path: Path) -> None:
    if stat.S_ISDIR(mode):
        raise NotAFile(f"{path} is a folder")
    if not stat.S_ISREG(mode):
        raise NotRegularFile(f"{path} is not a regular file")


def read_limited(path: Path | str, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of the regular file at ``path``.

    Raises :class:`NotRegularFile` for FIFOs and devices (checked before opening
    and again on the opened file), :class:`NotAFile` for a folder, and
    :class:`OSError` when the file cannot be read.
    """
    path = Path(path)
    _check_mode(os.stat(path).st_mode, path)
    fd = os.open(path, _READ_FLAGS)
    try:
        _check_mode(os.fstat(fd).st_mode, path)  # it may have been swapped since the stat
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
