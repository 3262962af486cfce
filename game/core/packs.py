"""Scenario packs: folders of scenarios shared between players.

A pack is a folder (or a single scenario file). Installing one copies it into
the player's scenario folder as ``<user scenarios>/<pack name>/``, where the
game finds it at the next start. :func:`install_pack` checks every file first,
together with the scenarios already installed (ids must stay unique), and
refuses a pack with any error, listing the problems. Only scenario files and
images are copied, each within a size limit and private to the player (see
:mod:`game.core.pack_copy`). The copy is atomic: the pack is copied to a hidden
folder beside its destination and renamed into place, so a half-copied pack
never appears in the game; what a killed install leaves behind is removed by
the next install or start.

Players can also copy a pack folder there by hand; :func:`game.ui.desktop.open_folder` opens
that folder in the system's file manager.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from game.core.pack_copy import (
    clean_leftovers,
    copy_planned,
    plan_copy,
    set_aside_name,
    staging_folder,
)
from game.core.pack_meta import META_FILE, PackMeta, read_meta
from game.core.problems import ERROR, Problem, display_path
from game.errors import InstallError, PackRefused
from game.paths import SHIPPED_SCENARIOS, AppPaths

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class InstallResult:
    name: str
    target: Path
    scenario_ids: tuple[str, ...]
    replaced: bool = False
    warnings: tuple[Problem, ...] = field(default=())
    skipped: tuple[str, ...] = field(default=())  # files left out, one sentence each
    meta: PackMeta | None = None  # what the pack's pack.yaml says, if it has one


def pack_name(source: Path) -> str:
    """The folder name a pack installs under: the folder's name, or a lone file's stem."""
    source = Path(source).absolute()
    name = source.stem if source.is_file() else Path(os.path.normpath(source)).name
    return name


def _is_within(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def _existing_roots(user_scenarios: Path, target: Path, shipped: Path | None) -> list[Path]:
    roots = [shipped] if shipped is not None and shipped.exists() else []
    if user_scenarios.is_dir():
        for child in sorted(user_scenarios.iterdir()):
            if child.name.startswith(".") or child.resolve() == target.resolve():
                continue
            if child.is_dir() or child.suffix.lower() in SUFFIXES:
                roots.append(child)
    return roots


def check_pack(
    source: Path,
    paths: AppPaths,
    *,
    replace: bool = False,
    shipped: Path | None = SHIPPED_SCENARIOS,
):
    """Validate a pack against the installed library: ``(name, target, pack library, problems)``.

    ``problems`` holds every error and warning in the pack's files, plus a
    positioned error for each scenario whose id is already installed.
    """
    from game.core.library import load_library, scenario_files

    source = Path(source)
    if not source.exists():
        raise PackRefused(f"{source}: no such file or folder")
    if source.is_file() and source.suffix.lower() not in SUFFIXES:
        raise PackRefused(f"{source}: a scenario file ends in .yaml or .yml")
    name = pack_name(source)
    if not name or name.startswith(".") or name in (os.curdir, os.pardir):
        raise PackRefused(f"{source}: a pack folder needs a name that does not start with '.'")
    user = paths.user_scenarios
    target = user / name
    if _is_within(source, user):
        raise PackRefused(f"{source} is already inside your scenario folder ({user})")
    if source.is_dir() and _is_within(user, source):
        raise PackRefused(f"{source} contains your scenario folder; choose the pack's own folder")
    if (target.exists() or target.is_symlink()) and not replace:
        raise PackRefused(
            f"a pack named '{name}' is already installed at {target}; "
            "use --replace to replace it (nothing was changed)"
        )
    if not scenario_files(source):
        raise PackRefused(f"{source}: no scenario files (*.yaml or *.yml) found in this folder")

    pack = load_library([source])
    problems = list(pack.problems)
    if source.is_dir() and (source / META_FILE).exists():
        problems.extend(read_meta(source / META_FILE)[1])
    existing = load_library(_existing_roots(user, target, shipped))
    for scenario in pack.scenarios:
        other = existing.by_id(scenario.id)
        if other is None:
            continue
        line, column = getattr(scenario, "positions", {}).get("id", (1, 1))
        problems.append(
            Problem(
                display_path(scenario.path),
                line,
                column,
                ERROR,
                f"scenario id '{scenario.id}' is already used by {display_path(other.path)}; "
                "each scenario needs its own id",
            )
        )
    return name, target, pack, problems


def install_pack(
    source: Path,
    paths: AppPaths,
    *,
    replace: bool = False,
    shipped: Path | None = SHIPPED_SCENARIOS,
) -> InstallResult:
    """Check ``source`` and copy it into the player's scenario folder.

    Raises :class:`PackRefused` (an :class:`~game.errors.InstallError`) with
    the problems when any file has an error, when an id is already taken, or
    when a pack of that name exists and ``replace`` is false. Nothing is
    changed then.
    """
    source = Path(source)
    if source.suffix.lower() == ".zip" and source.is_file():
        from game.core.pack_zip import install_zip

        return install_zip(source, paths, replace=replace, shipped=shipped)
    name, target, pack, problems = check_pack(source, paths, replace=replace, shipped=shipped)
    errors = [p for p in problems if p.is_error]
    if errors:
        files = len({p.path for p in errors})
        raise PackRefused(
            f"the pack '{name}' was not installed: {len(errors)} error"
            f"{'s' * (len(errors) != 1)} in {files} file{'s' * (files != 1)}",
            problems,
        )
    paths.ensure()
    user = paths.user_scenarios
    clean_leftovers(user)
    plan = plan_copy(source)
    staging = staging_folder(user, name)
    try:
        copy_planned(plan, staging)
        copy = _recheck_copy(staging, name)
        replaced = _move_into_place(staging, target)
    except OSError as exc:
        raise InstallError(
            f"could not copy the pack into {user}: {exc.strerror or exc} (nothing was changed)"
        ) from None
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    copied = {s.id for s in copy.scenarios}
    left_out = [s for s in pack.scenarios if s.id not in copied]
    return InstallResult(
        name=name,
        target=target,
        scenario_ids=tuple(s.id for s in pack.scenarios if s.id in copied),
        replaced=replaced,
        warnings=tuple(p for p in problems if not p.is_error),
        skipped=tuple(plan.skipped)
        + tuple(f"scenario '{s.id}' ({display_path(s.path)}) was not copied" for s in left_out),
        meta=read_meta(target / META_FILE)[0] if (target / META_FILE).is_file() else None,
    )


def _recheck_copy(staging: Path, name: str):
    """The copy must load as the original did (a portrait behind a skipped link would not)."""
    from game.core.library import load_library

    copy = load_library([staging])
    errors = [p for p in copy.problems if p.is_error]
    if errors:
        raise PackRefused(
            f"the pack '{name}' was not installed: it does not load once copied "
            "(files outside the pack folder or behind links are not copied)",
            errors,
        )
    return copy


def _move_into_place(staging: Path, target: Path) -> bool:
    """Rename the staged copy to ``target``; an old pack there is set aside, then removed."""
    if not (target.exists() or target.is_symlink()):
        staging.rename(target)
        return False
    old = set_aside_name(target.parent, target.name)
    target.rename(old)
    try:
        staging.rename(target)
    except OSError:
        old.rename(target)  # put the old pack back
        raise
    if old.is_dir() and not old.is_symlink():
        shutil.rmtree(old, ignore_errors=True)
    else:
        old.unlink(missing_ok=True)
    return True
