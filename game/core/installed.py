"""The packs in the player's scenario folder: listed, and removed by name.

Each folder (or lone scenario file) directly inside the player's scenario folder
is one installed pack; its name is that folder's name (what ``install`` made it).
Hidden entries (installs in progress, packs being removed) are not packs.
Removing renames the pack to a hidden set-aside name first, so the game never
sees half a pack, then deletes it; what a killed removal leaves is cleaned like
a killed install's leftovers.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from game.core.fields import closest
from game.core.library import SUFFIXES, scenario_files
from game.core.pack_copy import set_aside_name
from game.core.pack_meta import PackMeta, meta_of
from game.errors import InstallError


@dataclass(frozen=True)
class InstalledPack:
    folder_name: str
    path: Path
    scenarios: int
    meta: PackMeta | None

    @property
    def name(self) -> str:
        """The name to show: pack.yaml's name, else the folder's."""
        return self.meta.name if self.meta is not None else self.folder_name


def installed_packs(user_scenarios: Path) -> list[InstalledPack]:
    user_scenarios = Path(user_scenarios)
    if not user_scenarios.is_dir():
        return []
    found = []
    for child in sorted(user_scenarios.iterdir(), key=lambda p: p.name.casefold()):
        if child.name.startswith(".") or child.is_symlink():
            continue
        if child.is_dir():
            found.append(
                InstalledPack(child.name, child, len(scenario_files(child)), meta_of(child))
            )
        elif child.is_file() and child.suffix.lower() in SUFFIXES:
            found.append(InstalledPack(child.stem, child, 1, None))
    return found


def pack_names(scenarios, user_scenarios: Path) -> dict[str, str]:
    """Scenario id -> the name of the installed pack it came from (pack.yaml's, or the folder's).

    Scenarios outside a pack folder of the player's scenario folder are left out.
    """
    try:
        root = Path(user_scenarios).resolve()
    except OSError:
        return {}
    names: dict[str, str] = {}
    folders: dict[str, str] = {}
    for scenario in scenarios:
        try:
            rel = Path(scenario.path).resolve().relative_to(root)
        except (ValueError, OSError, TypeError):
            continue
        if len(rel.parts) < 2:
            continue  # a lone file, not a pack
        folder = rel.parts[0]
        if folder not in folders:
            meta = meta_of(root / folder)
            folders[folder] = meta.name if meta is not None else folder
        names[scenario.id] = folders[folder]
    return names


def find_pack(user_scenarios: Path, name: str) -> InstalledPack:
    """The installed pack named ``name`` (its folder name, or its pack.yaml name if unique)."""
    packs = installed_packs(user_scenarios)
    for pack in packs:
        if pack.folder_name == name:
            return pack
    by_title = [p for p in packs if p.meta is not None and p.meta.name == name]
    if len(by_title) == 1:
        return by_title[0]
    names = [p.folder_name for p in packs]
    close = closest(name, names)
    if close:
        hint = f"; did you mean '{close}'?"
    elif names:
        hint = f" (installed: {', '.join(names)})"
    else:
        hint = " (no packs are installed)"
    raise InstallError(f"no pack named '{name}' is installed{hint}")


def remove_pack(pack: InstalledPack) -> None:
    """Delete an installed pack: set aside (atomic), then removed."""
    aside = set_aside_name(pack.path.parent, pack.path.name)
    try:
        pack.path.rename(aside)
    except OSError as exc:
        raise InstallError(
            f"could not remove the pack '{pack.folder_name}': {exc.strerror or exc} "
            "(nothing was changed)"
        ) from None
    if aside.is_dir():
        shutil.rmtree(aside, ignore_errors=True)
    else:
        aside.unlink(missing_ok=True)
