"""What every command gets: the player's folders, output streams and a scenario loader."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from game.invocation import command_name
from game.paths import SHIPPED_SCENARIOS, AppPaths


@dataclass
class Context:
    paths: AppPaths
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    inp: TextIO = field(default_factory=lambda: sys.stdin)
    command: str = field(default_factory=command_name)

    def library(self, extra: Iterable[Path] = (), *, shipped: bool = True, user: bool = True):
        """Load the shipped scenarios, the player's own folder and ``extra`` paths."""
        from game.core.library import load_library
        from game.core.pack_copy import clean_leftovers

        roots: list[Path] = []
        if shipped:
            roots.append(SHIPPED_SCENARIOS)
        if user:
            self.paths.ensure()
            clean_leftovers(self.paths.user_scenarios)  # what a killed install left behind
            clean_leftovers(self.paths.data_dir / "unpacking")  # and a killed unzip
            roots.append(self.paths.user_scenarios)
        roots.extend(Path(p) for p in extra)
        return load_library(roots)
