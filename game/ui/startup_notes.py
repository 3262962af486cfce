"""Notes the player sees once at start: a damaged settings file that was set aside."""

from __future__ import annotations

from pathlib import Path

from game.ui.settings import Settings


def _set_aside(path: Path) -> set[Path]:
    try:
        return set(path.parent.glob(path.name + ".damaged*"))
    except OSError:
        return set()


def load_settings_noting_damage(path: Path) -> tuple[Settings, str | None]:
    """Load the settings; if the file was damaged and set aside just now, say so in plain words.

    The note appears once: the next start finds no damaged file to set aside.
    """
    path = Path(path)
    before = _set_aside(path)
    settings = Settings.load(path)
    new = sorted(_set_aside(path) - before)
    if not new:
        return settings, None
    return settings, (
        f"Your settings file could not be read, so it was kept as {new[-1].name} in "
        f"{path.parent} and the game started with the usual settings. You can change them "
        "again in Settings."
    )
