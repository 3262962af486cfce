"""Speed targets for the window, measured headless outside the test suite.

    .venv/bin/python bench/bench_frames.py

Draws each main screen many times with SDL's dummy video driver at 1920x1080
and reports the median time per full redraw, next to its target (a frame at
60 Hz has 16.7 ms). Also checks that an idle frame does no drawing at all.
Exits 1 if a target is missed.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
os.environ["FIRM_AND_KIND_HOME"] = tempfile.mkdtemp(prefix="fk-bench-")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame  # noqa: E402

from game.cli.context import Context  # noqa: E402
from game.paths import SHIPPED_SCENARIOS, AppPaths  # noqa: E402
from game.ui.app import App, start_scenes  # noqa: E402
from game.ui.settings import Settings  # noqa: E402

SIZE = (1920, 1080)
FRAMES = 60


def full_redraws(app: App, frames: int = FRAMES) -> float:
    times = []
    for _ in range(frames):
        app.dirty = True
        t = time.perf_counter()
        app.frame([], 0.016)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def idle_draws(app: App, frames: int = FRAMES) -> int:
    """How many of ``frames`` idle steps drew anything (should be none)."""
    drawn = 0
    original = app.draw

    def counting_draw():
        nonlocal drawn
        drawn += 1
        original()

    app.draw = counting_draw
    for _ in range(10):  # let any opening motion finish
        app.frame([], 0.5)
    drawn = 0
    for _ in range(frames):
        app.frame([], 0.016)
    app.draw = original
    return drawn


def main() -> int:
    paths = AppPaths.default()
    Settings(intro_seen=True).save(paths.settings_file)
    ctx = Context(paths=paths)
    app = App(paths, ctx.library, size=SIZE)
    results = []
    start_scenes(app)
    app.pump(5, 0.5)
    results.append(("title, full redraw", full_redraws(app), 0.016))
    start_scenes(app, SHIPPED_SCENARIOS / "work" / "extra-shift.yaml", seed=1)
    app.pump(5, 0.5)
    results.append(("briefing, full redraw", full_redraws(app), 0.016))
    app.stack.top.start()
    app.pump(5, 0.5)
    assert app.stack.top.name == "play", app.stack.top.name
    results.append(("play (choosing), full redraw", full_redraws(app), 0.016))
    idle = idle_draws(app)
    pygame.event.post(
        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_1, mod=0, unicode="1", scancode=0)
    )
    app.pump(10, 0.5)
    assert app.stack.top.phase == "feedback", app.stack.top.phase
    results.append(("play (feedback), full redraw", full_redraws(app), 0.016))

    failed = idle != 0
    print(
        f"{'ok  ' if idle == 0 else 'SLOW'} {idle:8d}    (target 0)       idle frames that drew anything"
    )
    for name, seconds, target in results:
        ok = seconds <= target
        failed |= not ok
        print(
            f"{'ok  ' if ok else 'SLOW'} {seconds * 1000:8.2f} ms (target {target * 1000:.1f} ms)  {name}"
        )
    app.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
