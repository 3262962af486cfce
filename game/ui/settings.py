"""The player's settings: a small JSON file in the user config folder.

A damaged file is never wiped: it is renamed aside (``settings.json.damaged``)
and the game starts with the defaults, telling the log why.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

log = logging.getLogger("firm_and_kind.ui.settings")

THEMES = ("light", "dark")
BROWSER_SORTS = ("menu", "unplayed", "lowest")


@dataclass
class Settings:
    fullscreen: bool = False
    volume: float = 0.5
    muted: bool = False
    motion: bool = True
    theme: str = "light"
    intro_seen: bool = False
    browser_sort: str = "menu"  # how the scenario list is ordered

    def clean(self) -> Settings:
        self.fullscreen = bool(self.fullscreen)
        self.muted = bool(self.muted)
        self.motion = bool(self.motion)
        self.intro_seen = bool(self.intro_seen)
        try:
            v = float(self.volume)
        except (TypeError, ValueError):
            v = 0.5
        self.volume = round(min(1.0, max(0.0, v)), 2)
        if self.theme not in THEMES:
            self.theme = "light"
        if self.browser_sort not in BROWSER_SORTS:
            self.browser_sort = "menu"
        return self

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls()
        except OSError as exc:
            log.warning("could not read settings %s: %s; using defaults", path, exc)
            return cls()
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            aside = _set_aside(path)
            log.warning("settings file %s was damaged (%s); set aside as %s", path, exc, aside)
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known}).clean()

    def save(self, path: Path) -> bool:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")
            os.replace(tmp, path)
            return True
        except OSError as exc:
            log.warning("could not save settings to %s: %s", path, exc)
            return False


def _set_aside(path: Path) -> Path | None:
    target = path.with_name(path.name + ".damaged")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{n}")
    try:
        path.rename(target)
        return target
    except OSError:
        return None
