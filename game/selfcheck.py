"""A short headless start that checks an installed game found its own content.

    python -m game.selfcheck                          # a pip install (wheel or editable)
    FIRM_AND_KIND_SELF_CHECK=1 firm-and-kind           # the standalone app

It is what the release checks run from a folder outside the repository. It
opens the real game window on SDL's dummy video and audio drivers, with a
throwaway home folder (the player's own data is never touched), draws the
title screen for a few frames, and checks that:

* the shipped scenarios load, and none of them is broken;
* every font the title screen drew with is the bundled Atkinson Hyperlegible,
  not pygame's default font (the game quietly falls back to it when the font
  files are missing);
* the four sounds are in the bundled sound folder.

It prints one line per check and returns 0 when all pass, 1 otherwise.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ENV = "FIRM_AND_KIND_SELF_CHECK"
BUNDLED_FAMILY = "Atkinson Hyperlegible"


def run_checks(home: Path, frames: int = 3) -> list[tuple[str, bool, str]]:
    """Start the game headless under ``home`` and return ``(check, passed, detail)`` rows."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.cli.context import Context
    from game.paths import ASSETS_DIR, AppPaths
    from game.ui.app import App, start_scenes
    from game.ui.audio import SOUND_NAMES
    from game.ui.settings import Settings

    paths = AppPaths(home / "data", home / "config", home / "logs")
    Settings(intro_seen=True).save(paths.settings_file)
    ctx = Context(paths=paths)
    app = App(paths, ctx.library, open_history=False)
    try:
        start_scenes(app)
        app.pump(frames)
        library = app.services.library()
        # every (weight, size) the title screen drew with
        fonts = list(app.services.text.fonts._cache.values())
        names = [(font.name, font.style_name) for font in fonts]
    finally:
        app.close()
    families = sorted({f"{family} {style}" for family, style in names})
    rows = [
        (
            "scenarios",
            bool(library.scenarios) and not library.broken,
            f"{len(library.scenarios)} loaded, {len(library.broken)} broken",
        ),
        (
            "font",
            bool(names) and all(family == BUNDLED_FAMILY for family, _ in names),
            f"{len(names)} sizes drawn with: {', '.join(families) or 'none'}",
        ),
    ]
    sound_dir = ASSETS_DIR / "sounds"
    missing = [n for n in SOUND_NAMES if not (sound_dir / f"{n}.wav").is_file()]
    rows.append(
        ("sounds", not missing, f"missing: {', '.join(missing)}" if missing else str(sound_dir))
    )
    return rows


def main() -> int:
    try:
        with tempfile.TemporaryDirectory(prefix="firm-and-kind-check-") as home:
            rows = run_checks(Path(home))
    except Exception as exc:  # noqa: BLE001 - report a failed start as a failed check
        print(f"FAIL start: the game could not start headless ({type(exc).__name__}: {exc})")
        return 1
    for name, passed, detail in rows:
        print(f"{'ok  ' if passed else 'FAIL'} {name}: {detail}")
    return 0 if all(passed for _, passed, _ in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
