"""Careful file handling for the player's own files: history, settings and log.

One place decides how a damaged file is set aside, how a private folder is
made and how a small file is read with a limit, so every player file follows
the same rules:

* A damaged file is never deleted or overwritten. :func:`set_aside` renames it
  to ``NAME.damaged-YYYYmmdd-HHMMSS`` beside the original (``-2``, ``-3`` ...
  added if that name is taken). Callers set a file aside only on positive
  evidence that it is damaged, never because it could not be read.
* Folders the game creates are private (0700) and files private (0600).
  :func:`private_folder` is safe when several copies of the game create the
  same folder at the same moment.
* :func:`read_small` reads at most ``limit`` bytes and only from a regular
  file, so a huge file, a device or a FIFO never stalls the game.

Pure standard library: no pygame, no game imports.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from datetime import datetime
from pathlib import Path

from game.errors import NotAFile, TooLarge

__all__ = ["NotAFile", "TooLarge"]

DAMAGED_MARK = ".damaged-"
STAMP_FORMAT = "%Y%m%d-%H%M%S"


def damaged_name(path: Path, moment: datetime | None = None, n: int = 1) -> Path:
    """The name a damaged ``path`` is set aside under: ``NAME.damaged-YYYYmmdd-HHMMSS[-n]``."""
    stamp = (moment or datetime.now()).strftime(STAMP_FORMAT)
    suffix = "" if n == 1 else f"-{n}"
    return path.with_name(f"{path.name}{DAMAGED_MARK}{stamp}{suffix}")


def set_aside(path: Path, companions: tuple[str, ...] = (), drop: tuple[str, ...] = ()) -> Path:
    """Rename a damaged ``path`` aside (see the module's rules) and return the new path.

    ``companions`` are suffixes of side files that move with it under the same
    name (``history.sqlite3-wal`` becomes ``history.sqlite3.damaged-...-wal``);
    ``drop`` are suffixes of side files that only cache what the file holds and
    are removed. Never overwrites anything. Raises OSError if the file cannot
    be moved (then nothing was changed).
    """
    path = Path(path)
    moment = datetime.now()
    n = 1
    while True:
        target = damaged_name(path, moment, n)
        if _move_no_clobber(path, target):
            break
        n += 1
    for suffix in companions:
        side = path.with_name(path.name + suffix)
        with contextlib.suppress(FileNotFoundError):
            _move_no_clobber(side, target.with_name(target.name + suffix))
    for suffix in drop:
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()
    return target


def _move_no_clobber(source: Path, target: Path) -> bool:
    """Move ``source`` to ``target`` unless ``target`` exists; True if moved."""
    try:
        os.link(source, target)  # fails if target exists: no race with another mover
    except FileExistsError:
        return False
    except OSError as exc:
        if isinstance(exc, FileNotFoundError) and not source.exists():
            raise
        # A file system without hard links: check, then rename.
        if target.exists():
            return False
        os.replace(source, target)
        return True
    os.unlink(source)
    return True


def private_folder(folder: Path) -> Path:
    """Create ``folder`` and any missing parents as private (0700) folders.

    Safe against other processes creating the same folders at the same time.
    A folder that already exists keeps its place; the last one is made
    private if it is open to others. Raises OSError if it cannot be created.
    """
    folder = Path(folder)
    missing: list[Path] = []
    probe = folder
    while not probe.is_dir():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for d in reversed(missing):
        try:
            os.mkdir(d, 0o700)
        except FileExistsError:
            if not d.is_dir():
                raise
    mode = folder.stat().st_mode
    if stat.S_IMODE(mode) & 0o077:
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)
    return folder


def read_small(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises FileNotFoundError, :class:`NotAFile` (folder, FIFO, device),
    :class:`TooLarge` (more than ``limit`` bytes) or another OSError.
    Never blocks on a FIFO and never reads more than ``limit + 1`` bytes.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotAFile(f"{path} is not a regular file")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(65536, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:
        raise TooLarge(f"{path} is larger than {limit} bytes")
    return b"".join(chunks)


def write_private(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, as a private (0600) file on disk.

    The data is written to a temporary file beside it, flushed to disk and
    renamed over the old file, so a crash leaves either the old or the new
    file, never half of one. Raises OSError.
    """
    path = Path(path)
    private_folder(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
