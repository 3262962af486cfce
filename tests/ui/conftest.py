"""Window tests: headless SDL, a private player folder, and the one App fixture."""

from __future__ import annotations

import os
import tempfile

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("FIRM_AND_KIND_HOME", tempfile.mkdtemp(prefix="fk-ui-"))

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.history import History  # noqa: E402
from game.paths import AppPaths  # noqa: E402
from tests.support.history import fill  # noqa: E402
from tests.support.window import FIXTURES, Driver, new_app  # noqa: E402


@pytest.fixture
def make_app(tmp_path):
    """``make_app(size=(1280, 720), *, home=None, intro_seen=True, roots=..., attempts=0,
    scenarios=1, history=True)`` -> Driver; every window is closed after the test.

    ``attempts`` fills the history with that many synthetic playthroughs over
    ``scenarios`` scenarios; ``history=False`` runs without a history at all.
    """
    made = []

    def make(
        size=(1280, 720),
        *,
        home=None,
        intro_seen: bool = True,
        roots=(FIXTURES,),
        attempts: int = 0,
        scenarios: int = 1,
        history: bool = True,
    ) -> Driver:
        home = home or tmp_path / "home"
        store = None
        if history and attempts:
            store = History.open(AppPaths(home / "data", home / "config", home / "logs").history_db)
            fill(store, attempts, n_scenarios=scenarios)
        app = new_app(
            home, size, intro_seen=intro_seen, roots=roots, history=store, open_history=history
        )
        made.append(app)
        return Driver(app)

    yield make
    for app in made:
        if app.services.history is not None:
            app.services.history.close()
        app.window.destroy()
    pygame.event.clear()


@pytest.fixture
def app(make_app, request):
    """The App of ``make_app``, sized by ``request.param`` (default 1280x720)."""
    return make_app(getattr(request, "param", (1280, 720))).app
