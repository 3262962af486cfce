"""What an install copies, and how: scenario files and images only, each bounded, private.

A pack can hold anything (videos, links, setuid programs, sparse files that claim
gigabytes). Installing copies only what the game reads:

* scenario files (``*.yaml``, ``*.yml``), at most 256 KiB each;
* images (``*.png``, ``*.jpg``, ``*.jpeg``, ``*.webp``, ``*.bmp``), at most 8 MiB
  each, whether a scenario names them as a portrait or not (a pack's layout is
  the author's; a stray image costs little and is never run);
* at most :data:`MAX_FILES` files and :data:`MAX_TOTAL_BYTES` in all.

Hidden files and folders, and the schema copy ``new`` writes for editors
(``scenario.schema.json``), are left out silently; links, other kinds of file and
files over their limit are left out and named in :attr:`CopyPlan.skipped`.
Each file is read with its limit (never trusting its stated size) and written
new with mode 0600, in folders with mode 0700: no source mode (setuid
included) is carried over.

The copy goes to a hidden staging folder, ``.NAME.installing-PID-XXXXXXXX``,
beside the destination. An install that is killed leaves it behind;
:func:`clean_leftovers` removes such folders once their process is gone.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from game.core.imageinfo import MAX_IMAGE_BYTES
from game.core.loader import MAX_BYTES
from game.core.reading import read_limited
from game.errors import FirmKindError, InstallError

SCENARIO_SUFFIXES = (".yaml", ".yml")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp")
MAX_FILES = 2000
MAX_TOTAL_BYTES = 64 * 1024 * 1024
STAGING = ".installing-"
SET_ASIDE = ".old-"
EDITOR_FILES = ("scenario.schema.json",)  # written by `new` for editors; not part of a pack
LEFTOVER_AGE = 3600  # seconds; a staging folder whose process cannot be known is removed after this


@dataclass
class CopyPlan:
    files: list[tuple[Path, Path, int]] = field(default_factory=list)  # source, relative, limit
    skipped: list[str] = field(default_factory=list)  # sentences, one per file left out
    total: int = 0


def _limit_for(name: str) -> int | None:
    suffix = os.path.splitext(name)[1].lower()
    if suffix in SCENARIO_SUFFIXES:
        return MAX_BYTES
    if suffix in IMAGE_SUFFIXES:
        return MAX_IMAGE_BYTES
    return None


def _size_words(n: int) -> str:
    return f"{n // (1024 * 1024)} MiB" if n >= 1024 * 1024 else f"{n // 1024} KiB"


def plan_copy(source: Path) -> CopyPlan:
    """Walk the pack (iteratively, not following links) and decide what is copied."""
    source = Path(source)
    plan = CopyPlan()
    if not source.is_dir():
        plan.files.append((source, Path(source.name), MAX_BYTES))
        return plan
    folders = [Path()]
    while folders:
        rel_folder = folders.pop()
        try:
            with os.scandir(source / rel_folder) as entries:
                listing = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            raise InstallError(
                f"could not read the folder {rel_folder or '.'} in the pack: {exc.strerror or exc}"
            ) from None
        for entry in listing:
            if entry.name.startswith(".") or entry.name in EDITOR_FILES:
                continue
            rel = rel_folder / entry.name
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue  # gone since the listing
            if stat.S_ISLNK(st.st_mode):
                plan.skipped.append(f"{rel}: a link (links are not copied)")
            elif stat.S_ISDIR(st.st_mode):
                folders.append(rel)
            elif not stat.S_ISREG(st.st_mode):
                plan.skipped.append(f"{rel}: not a regular file")
            elif (limit := _limit_for(entry.name)) is None:
                plan.skipped.append(f"{rel}: not a scenario file or an image")
            elif st.st_size > limit:
                plan.skipped.append(f"{rel}: larger than {_size_words(limit)}")
            else:
                plan.files.append((Path(entry.path), rel, limit))
                plan.total += st.st_size
    if len(plan.files) > MAX_FILES:
        raise InstallError(
            f"the pack has {len(plan.files)} scenario and image files; the limit is {MAX_FILES}"
        )
    if plan.total > MAX_TOTAL_BYTES:
        raise InstallError(
            f"the pack's scenarios and images come to {_size_words(plan.total)}; "
            f"the limit is {_size_words(MAX_TOTAL_BYTES)}"
        )
    return plan


def staging_folder(parent: Path, name: str) -> Path:
    return parent / f".{name}{STAGING}{os.getpid()}-{uuid.uuid4().hex[:8]}"


def set_aside_name(parent: Path, name: str) -> Path:
    return parent / f".{name}{SET_ASIDE}{os.getpid()}-{uuid.uuid4().hex[:8]}"


def _private_dir(path: Path) -> None:
    path.mkdir(mode=0o700)
    os.chmod(path, 0o700)


def copy_planned(plan: CopyPlan, staging: Path) -> None:
    """Copy the planned files into ``staging`` (created here), each read within its limit."""
    _private_dir(staging)
    made = {Path()}
    for src, rel, limit in plan.files:
        for folder in reversed(rel.parents):
            if folder not in made:
                _private_dir(staging / folder)
                made.add(folder)
        try:
            data = read_limited(src, limit)
        except OSError as exc:
            raise InstallError(
                f"could not read {rel} from the pack: {exc.strerror or exc}"
            ) from None
        except FirmKindError:  # it became a folder, a pipe or a device since the plan
            raise InstallError(f"could not copy {rel}: it is no longer a regular file") from None
        if len(data) > limit:
            raise InstallError(f"{rel} grew larger than {_size_words(limit)} while being copied")
        _write_private(staging / rel, data, rel)


def _write_private(dest: Path, data: bytes, rel: Path) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(dest, flags, 0o600)
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
    except OSError as exc:
        raise InstallError(f"could not write {rel}: {exc.strerror or exc}") from None


def _process_alive(pid: int) -> bool | None:
    """True or False on POSIX; None where it cannot be asked safely (Windows)."""
    if sys.platform.startswith("win"):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, under another user
    return True


def _is_stale(entry: os.DirEntry, now: float) -> bool:
    marker = STAGING if STAGING in entry.name else SET_ASIDE
    tail = entry.name.rsplit(marker, 1)[1]
    pid_text = tail.split("-", 1)[0] if "-" in tail else ""
    if pid_text.isdigit() and int(pid_text) != os.getpid():
        alive = _process_alive(int(pid_text))
        if alive is not None:
            return not alive
    try:
        return now - entry.stat(follow_symlinks=False).st_mtime > LEFTOVER_AGE
    except OSError:
        return False


def clean_leftovers(user_scenarios: Path) -> list[str]:
    """Remove staging and set-aside folders left by installs that were killed.

    A folder whose process is still running is left alone (it is an install in
    progress); one without a readable process id is removed after an hour.
    Returns the names removed. Never raises.
    """
    removed: list[str] = []
    now = time.time()
    try:
        with os.scandir(user_scenarios) as entries:
            candidates = [
                e
                for e in entries
                if e.name.startswith(".") and (STAGING in e.name or SET_ASIDE in e.name)
            ]
    except OSError:
        return removed
    for entry in candidates:
        if not _is_stale(entry, now):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
            removed.append(entry.name)
        except OSError:
            continue
    return removed
