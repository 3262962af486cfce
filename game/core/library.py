"""The set of scenarios the game offers: shipped, the player's own, and extra paths.

Folders are searched recursively for ``*.yaml`` and ``*.yml`` (hidden files and
folders are skipped, among them the ``.NAME.installing-*`` folders of an install
in progress). A folder that cannot be read is reported; one that vanishes
during the scan is passed over. A file that fails to load, for any reason, is
listed in :attr:`Library.broken` with its problems and skipped; every other
scenario still loads. Ids must be unique across everything loaded: a second file with
an id already taken is reported with both files named.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from game.core.loader import load_scenario_file
from game.core.model import Scenario
from game.core.parse_cache import ParseCache
from game.core.problems import ERROR, Problem, display_path

SUFFIXES = (".yaml", ".yml")
PACK_META = "pack.yaml"  # a pack's description, never a scenario

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BrokenFile:
    path: Path
    problems: tuple[Problem, ...]

    @property
    def first_error(self) -> Problem:
        return next(p for p in self.problems if p.is_error)


@dataclass
class Library:
    scenarios: list[Scenario] = field(default_factory=list)
    broken: list[BrokenFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # every error and warning, in order
    files: int = 0

    def by_id(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def next_after(self, scenario_id: str) -> Scenario | None:
        """The scenario after this one in menu order, wrapping around."""
        ids = [s.id for s in self.scenarios]
        if scenario_id not in ids or len(ids) < 2:
            return None
        return self.scenarios[(ids.index(scenario_id) + 1) % len(ids)]


def scenario_files(root: Path) -> list[Path]:
    """The scenario files under ``root`` (or ``root`` itself if it is not a folder)."""
    return scan(root)[0]


def scan(root: Path) -> tuple[list[Path], list[Problem]]:
    """The scenario files under ``root``, and a problem for each folder that cannot be read.

    ``root`` itself is returned when it is not a folder (a FIFO or device is then refused by
    the loader, with a message). The walk is iterative and does not follow links to folders.
    """
    root = Path(root)
    try:
        if not root.is_dir():
            return ([root] if root.exists() or root.is_symlink() else []), []
    except OSError:
        return [root], []
    found: list[Path] = []
    problems: list[Problem] = []
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                listing = list(entries)
        except FileNotFoundError:
            continue  # it went away during the scan (an install beside us): nothing to load
        except OSError as exc:
            problems.append(
                Problem(
                    display_path(folder), 1, 1, ERROR,
                    f"this folder cannot be read ({exc.strerror or exc}); "
                    "the scenarios in it were not loaded",
                )
            )  # fmt: skip
            continue
        for entry in listing:
            if entry.name.startswith(".") or entry.name == PACK_META:
                continue  # hidden, or a pack's own description (game.core.pack_meta)
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(Path(entry.path))
                elif os.path.splitext(entry.name)[1].lower() in SUFFIXES and not (
                    entry.is_symlink() and not entry.is_file()
                ):
                    found.append(Path(entry.path))
            except OSError:
                continue  # gone between the listing and the look
    found.sort()
    return found, problems


def _load_isolated(path: Path, fast: bool, cache=None):
    """Load one file; an unexpected failure becomes that file's problem, never the library's."""
    try:
        return load_scenario_file(path, fast=fast, cache=cache)
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop the others
        log.exception("unexpected error while checking %s", display_path(path))
        return None, [
            Problem(
                display_path(path), 1, 1, ERROR,
                f"this file could not be checked ({type(exc).__name__}: {str(exc)[:200]}); "
                "please report it with the file",
            )
        ]  # fmt: skip


def load_library(roots: Iterable[Path | str], *, fast: bool = True, cache=None) -> Library:
    """Load every scenario under ``roots``; files seen before come from the parse cache
    (:mod:`game.core.parse_cache`; ``cache=False`` reads every file afresh)."""
    if cache is None and fast:
        cache = ParseCache.default()
    lib = Library()
    seen_files: set[Path] = set()
    owners: dict[str, Scenario] = {}
    for root in roots:
        root = Path(root)
        if not root.exists():
            lib.problems.append(Problem(display_path(root), 1, 1, ERROR, "no such file or folder"))
            continue
        paths, scan_problems = scan(root)
        lib.problems.extend(scan_problems)
        for path in paths:
            try:
                real = path.resolve()
            except (OSError, RuntimeError):  # a loop of links: the loader will say so
                real = path.absolute()
            if real in seen_files:
                continue
            seen_files.add(real)
            lib.files += 1
            scenario, problems = _load_isolated(path, fast, cache or None)
            if scenario is not None and scenario.id in owners:
                other = owners[scenario.id]
                line, col = scenario.positions.get("id", (1, 1))
                problems = [
                    *problems,
                    Problem(
                        display_path(path), line, col, ERROR,
                        f"duplicate scenario id '{scenario.id}': also used by "
                        f"{display_path(other.path)}; each scenario needs its own id",
                    ),
                ]  # fmt: skip
                scenario = None
            lib.problems.extend(problems)
            if scenario is None:
                lib.broken.append(BrokenFile(path, tuple(problems)))
            else:
                owners[scenario.id] = scenario
                lib.scenarios.append(scenario)
    lib.scenarios.sort(key=lambda s: (s.category, s.difficulty, s.title.casefold(), s.id))
    return lib
