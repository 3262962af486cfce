"""A real game window for tests: made headless, driven by posted events, checked for overflow."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pygame

from game.core.library import load_library
from game.history import History
from game.paths import AppPaths
from game.ui.app import App
from game.ui.settings import Settings

FIXTURES = Path(__file__).parent.parent / "ui" / "fixtures"
SIZES = [(960, 540), (1280, 720), (1920, 1080)]


def new_app(
    home: Path,
    size: tuple[int, int] = (1280, 720),
    *,
    intro_seen: bool = True,
    roots=(FIXTURES,),
    history: History | None = None,
    open_history: bool = True,
) -> App:
    """A window on the test scenarios in ``roots``, with the player's folders under ``home``."""
    paths = AppPaths(home / "data", home / "config", home / "logs")
    if intro_seen and not paths.settings_file.exists():
        Settings(intro_seen=True).save(paths.settings_file)
    roots = tuple(roots)
    return App(
        paths,
        lambda: load_library(roots),
        size=size,
        history=history,
        open_history=open_history,
    )


class Driver:
    """Drives a real App by posting pygame events and running frames."""

    def __init__(self, app: App) -> None:
        self.app = app

    @property
    def services(self):
        return self.app.services

    @property
    def nav(self):
        return self.app.nav

    @property
    def top(self):
        return self.app.stack.top

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.app.stack.scenes]

    def frames(self, n: int = 1, dt: float = 0.5) -> None:
        for _ in range(n):
            self.app.frame(pygame.event.get(), dt)

    def key(self, k: int, mod: int = 0) -> None:
        pygame.event.post(
            pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)
        )
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode="", scancode=0))
        self.frames(2)

    def widget(self, key: str):
        for w in self.top.widgets:
            if w.key == key:
                return w
        raise AssertionError(
            f"no widget {key!r} on {self.top.name}: {[w.key for w in self.top.widgets]}"
        )

    def click_at(self, pos) -> None:
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        )
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        self.frames(2)

    def click(self, key: str) -> None:
        w = self.widget(key)
        vp = self.top.scroll
        if w.content_rect is not None and vp is not None and not vp.viewport.contains(w.rect):
            # scroll it into view with the wheel, as a player would
            for _ in range(60):
                if vp.viewport.contains(self.widget(key).rect):
                    break
                up = self.widget(key).rect.centery < vp.viewport.centery
                pygame.event.post(
                    pygame.event.Event(
                        pygame.MOUSEWHEEL,
                        x=0,
                        y=1 if up else -1,
                        flipped=False,
                        precise_x=0.0,
                        precise_y=0.0,
                    )
                )
                self.frames(1)
            w = self.widget(key)
        self.click_at(w.rect.center)

    def render(self):
        """Draw one frame, recording every text drawn; returns the records."""
        return render(self.app)


def render(app: App):
    """Draw one frame of ``app`` with text recording on; returns the records."""
    app.services.text.record = []
    app.dirty = True
    app.frame([], 0.05)
    return app.services.text.record


def key(k, mod=0):
    """A key-down event, for posting straight to a scene or app."""
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


def tap(k, mod=0):
    """A key pressed and let go: [key-down, key-up], for ``app.frame``. (A key-down alone
    leaves the key held, and a held key's next key-down is a repeat, which never acts.)"""
    up = pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode="", scancode=0)
    return [key(k, mod), up]


def shipped_like(name: str = "extra-shift"):
    """A test scenario from the fixtures folder, loaded."""
    from game.core.loader import load_scenario_file

    scenario, problems = load_scenario_file(FIXTURES / f"{name}.yaml")
    assert scenario is not None, [str(p) for p in problems]
    return scenario


def layout_problems(app: App, *, overlaps: bool = True, expect_error: bool = False) -> list[str]:
    """The one overflow checker: everything wrong with the last recorded frame.

    Text outside its box, text off screen, the error screen showing (unless
    ``expect_error``), fixed controls off screen, and (with ``overlaps``) two
    texts on one layer overlapping.
    """
    records = app.services.text.record or []
    w, h = app.window.size
    screen = pygame.Rect(0, 0, w, h)
    problems = []
    for r in records:
        if "ran into a problem" in r.text and not expect_error:
            problems.append("the error screen is showing (see the log)")
        if not r.container.inflate(2, 2).contains(r.rect):
            problems.append(f"{r.text[:40]!r} {r.rect} leaves its box {r.container}")
        if r.visible.width and not screen.contains(r.visible):
            problems.append(f"{r.text[:40]!r} {r.visible} is off screen {screen}")
    if overlaps:
        for a, b in combinations(records, 2):
            if a.layer != b.layer:
                continue
            if a.visible.inflate(-2, -2).colliderect(b.visible.inflate(-2, -2)):
                problems.append(f"{a.text[:30]!r} {a.visible} overlaps {b.text[:30]!r} {b.visible}")
    for scene in app.stack.scenes[-1:]:
        for wdg in scene.widgets:
            if wdg.content_rect is None and not screen.contains(wdg.rect):
                problems.append(f"{scene.name}: control {wdg.key} {wdg.rect} is off screen")
    return problems
