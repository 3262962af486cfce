"""Packs as ``.zip`` files: unpacked safely into a private staging folder, then installed as a folder.

A zip can claim anything, so every entry is checked before a byte is written, and
the whole pack is refused (nothing changed, the entry named) when one entry:

* has a path that leaves the pack: absolute (``/x``, ``\\x``), with a drive letter
  (``C:``), or with a ``..`` part;
* is a link (a Unix symlink recorded in the entry's attributes) or is encrypted;
* appears twice, or is larger than its kind allows (see :mod:`game.core.pack_copy`);
* unpacks to more than :data:`MAX_RATIO` times its compressed size (a zip bomb);

or when the pack has more than :data:`MAX_ENTRIES` entries or unpacks to more
than :data:`~game.core.pack_copy.MAX_TOTAL_BYTES` in all. Each entry is read
with its limit, whatever size it declares. Only scenario files, images and the
root ``pack.yaml`` are unpacked; hidden entries and ``__MACOSX/`` are passed
over silently, anything else is named as not copied. A zip whose entries all sit
in one top folder (``my-pack/...``, as most zip tools make them) is unpacked
from inside that folder.

The staging folder (``<data>/unpacking/.zip.installing-PID-XXXXXXXX``, mode
0700) is removed when the install ends; one left by a killed install is
removed by the next install or start (:func:`game.core.pack_copy.clean_leftovers`).
The unpacked folder then goes through :func:`game.core.packs.install_pack`, and
the problems it reports name the files as ``PACK.zip/PATH``.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import zipfile
from dataclasses import replace as dc_replace
from pathlib import Path, PurePosixPath

from game.core.pack_copy import (
    EDITOR_FILES,
    MAX_TOTAL_BYTES,
    _limit_for,
    _private_dir,
    _size_words,
    _write_private,
    clean_leftovers,
    staging_folder,
)
from game.core.pack_meta import MAX_META_BYTES, META_FILE
from game.core.problems import display_path
from game.errors import InstallError, PackRefused
from game.paths import SHIPPED_SCENARIOS, AppPaths

MAX_ZIP_BYTES = 128 * 1024 * 1024  # the .zip file itself
MAX_ENTRIES = 2000
MAX_RATIO = 100  # uncompressed / compressed, for entries over RATIO_FLOOR
RATIO_FLOOR = 64 * 1024
UNPACKING = "unpacking"
_DRIVE = re.compile(r"^[A-Za-z]:")


def unpacking_root(paths: AppPaths) -> Path:
    return paths.data_dir / UNPACKING


def _refuse(entry: str, why: str) -> PackRefused:
    return PackRefused(f"the zip entry '{entry}' {why}; nothing was installed")


def _parts(name: str) -> list[str]:
    """The entry's path parts, or a refusal when the path could leave the pack."""
    if name.startswith(("/", "\\")):
        raise _refuse(name, "has an absolute path (a pack's paths must stay inside it)")
    if _DRIVE.match(name):
        raise _refuse(name, "names a drive (a pack's paths must stay inside it)")
    parts = [p for p in re.split(r"[/\\]", name) if p not in ("", ".")]
    if ".." in parts:
        raise _refuse(name, "has '..' in its path (a pack's paths must stay inside it)")
    return parts


def _is_link(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def _plan(infos: list[zipfile.ZipInfo]):
    """What to unpack (info, path parts, limit) and the sentences for entries left out."""
    if len(infos) > MAX_ENTRIES:
        raise PackRefused(
            f"the zip has {len(infos)} entries; the limit is {MAX_ENTRIES} (nothing was installed)"
        )
    wanted: list[tuple[zipfile.ZipInfo, list[str], int]] = []
    skipped: list[list[str]] = []
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        parts = _parts(name)
        if _is_link(info):
            raise _refuse(name, "is a link (links are not allowed in a pack)")
        if info.flag_bits & 0x1:
            raise _refuse(name, "is encrypted")
        key = "/".join(parts).casefold()
        if key in seen and not info.is_dir():
            raise _refuse(name, "appears twice in the zip")
        seen.add(key)
        if info.is_dir() or not parts:
            continue
        if parts[0] == "__MACOSX" or parts[-1] in EDITOR_FILES or any(p[0] == "." for p in parts):
            continue
        limit = MAX_META_BYTES if parts[-1] == META_FILE else _limit_for(parts[-1])
        if limit is None:
            skipped.append(parts)
            continue
        if info.file_size > limit:
            raise _refuse(name, f"is larger than {_size_words(limit)}")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _refuse(
                name,
                f"unpacks to over {MAX_RATIO} times its packed size (this looks like a zip bomb)",
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise PackRefused(
                f"the zip unpacks to more than {_size_words(MAX_TOTAL_BYTES)}, the limit "
                "(nothing was installed)"
            )
        wanted.append((info, parts, limit))
    every = [parts for _, parts, _ in wanted] + skipped
    if len({parts[0] for parts in every}) == 1 and all(len(parts) > 1 for parts in every):
        wanted = [(info, parts[1:], limit) for info, parts, limit in wanted]  # one top folder
        skipped = [parts[1:] for parts in skipped]
    return wanted, [f"{'/'.join(parts)}: not a scenario file or an image" for parts in skipped]


def unpack(zip_path: Path, folder: Path) -> list[str]:
    """Unpack the checked entries of ``zip_path`` into ``folder`` (created here, 0700).

    Returns sentences for the entries left out. Raises :class:`PackRefused` for a
    hostile or broken zip and :class:`InstallError` when writing fails.
    """
    zip_path = Path(zip_path)
    try:
        st = os.stat(zip_path)
    except OSError as exc:
        raise PackRefused(f"{zip_path}: cannot be read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(st.st_mode):
        raise PackRefused(f"{zip_path}: not a regular file")
    if st.st_size > MAX_ZIP_BYTES:
        raise PackRefused(f"{zip_path} is larger than {_size_words(MAX_ZIP_BYTES)}, the limit")
    try:
        with zipfile.ZipFile(zip_path) as archive:
            plan, skipped = _plan(archive.infolist())
            _private_dir(folder)
            made = {()}
            total = 0
            for info, parts, limit in plan:
                for depth in range(1, len(parts)):
                    if tuple(parts[:depth]) not in made:
                        _private_dir(folder.joinpath(*parts[:depth]))
                        made.add(tuple(parts[:depth]))
                with archive.open(info) as entry:
                    data = entry.read(limit + 1)
                if len(data) > limit or len(data) > info.file_size:
                    raise _refuse(info.filename, "holds more than it declares")
                total += len(data)
                if total > MAX_TOTAL_BYTES:
                    raise PackRefused(
                        f"the zip unpacks to more than {_size_words(MAX_TOTAL_BYTES)}, the limit"
                    )
                _write_private(folder.joinpath(*parts), data, PurePosixPath(*parts))
    except zipfile.BadZipFile as exc:
        raise PackRefused(f"{zip_path} is not a readable zip file ({exc})") from None
    except (zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise PackRefused(f"{zip_path} cannot be unpacked ({exc})") from None
    except OSError as exc:
        raise InstallError(f"could not unpack {zip_path}: {exc.strerror or exc}") from None
    return skipped


def install_zip(
    zip_path: Path,
    paths: AppPaths,
    *,
    replace: bool = False,
    shipped: Path | None = SHIPPED_SCENARIOS,
):
    """Unpack ``zip_path`` privately and install it as a folder named after the zip."""
    from game.core.packs import install_pack

    zip_path = Path(zip_path)
    name = zip_path.stem
    if not name or name.startswith("."):
        raise PackRefused(f"{zip_path}: a pack needs a name that does not start with '.'")
    root = unpacking_root(paths)
    paths.ensure()
    if not root.exists():
        _private_dir(root)
    clean_leftovers(root)
    staging = staging_folder(root, "zip")
    _private_dir(staging)
    folder = staging / name
    shown = display_path(zip_path)
    try:
        skipped = unpack(zip_path, folder)
        prefix = display_path(folder)
        try:
            result = install_pack(folder, paths, replace=replace, shipped=shipped)
        except PackRefused as refused:
            refused.problems = [_renamed(p, prefix, shown) for p in refused.problems]
            raise
        return dc_replace(
            result,
            warnings=tuple(_renamed(p, prefix, shown) for p in result.warnings),
            skipped=tuple(skipped) + tuple(s.replace(prefix, shown) for s in result.skipped),
        )
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _renamed(problem, prefix: str, shown: str):
    if problem.path.startswith(prefix):
        return dc_replace(problem, path=shown + problem.path[len(prefix) :])
    return problem
