"""The set of scenarios the game offers: shipped, the player's own, and extra paths.

Folders are searched recursively for ``*.yaml`` and ``*.yml`` (hidden files and
folders are skipped). A file that fails to load is listed in
:attr:`Library.broken` with its problems and skipped; every other scenario
still loads. Ids must be unique across everything loaded: a second file with
an id already taken is reported with both files named.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from game.core.loader import load_scenario_file
from game.core.model import Scenario
from game.core.parse_cache import ParseCache
from game.core.problems import ERROR, Problem, display_path

SUFFIXES = (".yaml", ".yml")


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
    """The scenario files under ``root`` (or ``root`` itself if it is a file)."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        return []
    found = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).parts
        if any(part.startswith(".") for part in rel):
            continue
        if p.suffix.lower() in SUFFIXES and p.is_file():
            found.append(p)
    return found


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
        for path in scenario_files(root):
            real = path.resolve()
            if real in seen_files:
                continue
            seen_files.add(real)
            lib.files += 1
            scenario, problems = load_scenario_file(path, fast=fast, cache=cache or None)
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
