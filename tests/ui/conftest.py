"""Window tests: headless SDL, a private player folder, and a driver that posts real events."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("FIRM_AND_KIND_HOME", tempfile.mkdtemp(prefix="fk-ui-"))

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.cli.context import Context  # noqa: E402
from game.core.library import load_library  # noqa: E402
from game.paths import AppPaths  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
SIZES = [(960, 540), (1280, 720), (1920, 1080)]


@dataclass
class FixtureContext(Context):
    """A context whose library is the small set of test scenarios (plus any extra paths)."""

    roots: tuple = (FIXTURES,)

    def library(self, extra=(), *, shipped: bool = True, user: bool = True):
        return load_library([*self.roots, *extra])


class Driver:
    """Drives a real App by posting pygame events and running frames."""

    def __init__(self, app) -> None:
        self.app = app

    @property
    def top(self):
        return self.app.stack.top

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.app.stack.scenes]

    def frames(self, n: int = 1, dt: float = 0.5) -> None:
        for _ in range(n):
            self.app.step(pygame.event.get(), dt)

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
        vp = getattr(self.top, "scroll", None)
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
        self.app.text.record = []
        self.app.dirty = True
        self.app.step([], 0.5)
        return self.app.text.record


def layout_problems(app) -> list[str]:
    """Text outside its box, text off screen, overlapping text, controls off screen."""
    records = app.text.record or []
    w, h = app.window.size
    screen = pygame.Rect(0, 0, w, h)
    problems = []
    for r in records:
        if not r.container.inflate(2, 2).contains(r.rect):
            problems.append(f"{r.text[:40]!r} {r.rect} leaves its box {r.container}")
        if r.visible.width and not screen.contains(r.visible):
            problems.append(f"{r.text[:40]!r} {r.visible} is off screen {screen}")
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


@pytest.fixture
def make_app(tmp_path):
    """``make_app(size=(1280, 720), home=None, intro_seen=True)`` -> Driver; windows are closed after the test."""
    from game.ui.app import App
    from game.ui.settings import Settings

    made = []

    def make(
        size=(1280, 720), home: Path | None = None, intro_seen: bool = True, roots=(FIXTURES,)
    ):
        home = home or tmp_path / "home"
        paths = AppPaths(home / "data", home / "config", home / "logs")
        if intro_seen and not paths.settings_file.exists():
            Settings(intro_seen=True).save(paths.settings_file)
        ctx = FixtureContext(paths=paths, roots=tuple(roots))
        app = App(ctx, size=size)
        made.append(app)
        return Driver(app)

    yield make
    for app in made:
        if app.history is not None:
            app.history.close()
        app.window.destroy()
    pygame.event.clear()


def shipped_like(name: str = "extra-shift"):
    from game.core.loader import load_scenario_file

    scenario, problems = load_scenario_file(FIXTURES / f"{name}.yaml")
    assert scenario is not None, [str(p) for p in problems]
    return scenario


def key(k, mod=0):
    """A key-down event, for posting straight to a scene or app."""
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


@pytest.fixture
def app(tmp_path, request):
    """A real App with its own history, sized by ``request.param`` (default 1280x720)."""
    from game.history import History
    from game.ui.app import App

    size = getattr(request, "param", (1280, 720))
    ctx = Context(paths=AppPaths(tmp_path / "d", tmp_path / "c", tmp_path / "l"))
    a = App(ctx, size=size, history=History.open(ctx.paths.history_db))
    yield a
    a.close()
