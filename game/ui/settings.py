"""The player's settings: a small JSON file in the user config folder.

Reading never stops the game. The file is read with a size limit
(:data:`MAX_BYTES`) and only if it is a regular file. A file that is
positively not a settings file (not UTF-8, not JSON, nested too deep, not a
JSON object, too large) is set aside as ``settings.json.damaged-YYYYmmdd-HHMMSS``
(see :mod:`game.safefiles`, the same rule as the history) and the defaults are
used. A file that cannot be read right now (I/O error, no rights, a FIFO) is
left alone. Each value is type-checked: a setting of the wrong type (for
example ``"fullscreen": "no"``) takes its default and the log says so.

The file is written atomically and is private (0600, in a 0700 folder).
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from game import safefiles
from game.core.help import REGIONS

log = logging.getLogger("firm_and_kind.ui.settings")

THEMES = ("light", "dark")
BROWSER_SORTS = ("menu", "unplayed", "lowest")
MAX_BYTES = 64 * 1024  # a real settings file is a few hundred bytes
_BOOLS = ("fullscreen", "muted", "motion", "intro_seen")
# "" means "from the system locale" (game.core.help.default_region)
HELP_REGIONS = ("", *REGIONS)
_CHOICES = {"theme": THEMES, "browser_sort": BROWSER_SORTS, "help_region": HELP_REGIONS}


@dataclass
class Settings:
    fullscreen: bool = False
    volume: float = 0.5
    muted: bool = False
    motion: bool = True
    theme: str = "light"
    intro_seen: bool = False
    browser_sort: str = "menu"  # how the scenario list is ordered
    help_region: str = ""  # the Getting help screen's region; "" means from the system locale

    def clean(self) -> Settings:
        """Replace every value of the wrong type or out of range by its default (and log it)."""
        default = Settings()
        for name in _BOOLS:
            if not isinstance(getattr(self, name), bool):
                _unused(name, getattr(self, name))
                setattr(self, name, getattr(default, name))
        v = self.volume
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
            _unused("volume", v)
            v = default.volume
        elif not 0.0 <= v <= 1.0:
            log.warning("setting volume %r is out of range; using %s", v, min(1.0, max(0.0, v)))
        self.volume = round(min(1.0, max(0.0, float(v))), 2)
        for name, options in _CHOICES.items():
            if not isinstance(getattr(self, name), str) or getattr(self, name) not in options:
                _unused(name, getattr(self, name))
                setattr(self, name, getattr(default, name))
        return self

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            raw = safefiles.read_small(path, MAX_BYTES)
        except FileNotFoundError:
            return cls()
        except safefiles.TooLarge as exc:
            return cls._damaged(path, exc)
        except OSError as exc:  # cannot read it now, or not a file: not damage
            log.warning("could not read settings %s: %s; using defaults", path, exc)
            return cls()
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
        except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
            return cls._damaged(path, exc)
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known}).clean()

    @classmethod
    def _damaged(cls, path: Path, exc: BaseException) -> Settings:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)[:200]
        try:
            aside = safefiles.set_aside(path)
        except OSError as err:
            log.warning("settings file %s is damaged (%s) and could not be set aside: %s",
                        path, reason, err)  # fmt: skip
        else:
            log.warning("settings file %s was damaged (%s); set aside as %s", path, reason, aside)
        return cls()

    def save(self, path: Path) -> bool:
        try:
            data = json.dumps(asdict(self), indent=2) + "\n"
            safefiles.write_private(path, data.encode("utf-8"))
            return True
        except OSError as exc:
            log.warning("could not save settings to %s: %s", path, exc)
            return False


def _unused(name: str, value) -> None:
    log.warning("setting %s has an unusable value %s; using the default", name, repr(value)[:60])
