"""The progress screen, rendered headless for empty, small and large histories at three sizes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pygame
import pytest

from game.cli.context import Context
from game.history import History
from game.paths import AppPaths
from tests.test_history_support import (
    big_scenario,
    fill,
    random_play,
    text_problems,
)
from tests.ui.conftest import key

SIZES = [(960, 540), (1280, 720), (1920, 1080)]


@pytest.fixture
def make_app(tmp_path):
    made = []

    def make(size, attempts=0, scenarios=1):
        from game.ui.app import App

        ctx = Context(paths=AppPaths(tmp_path / "d", tmp_path / "c", tmp_path / "l"))
        history = History.open(ctx.paths.history_db)
        if attempts:
            fill(history, attempts, n_scenarios=scenarios)
        app = App(ctx, size=size, history=history)
        app.text.record = []
        made.append(app)
        return app

    yield make
    for app in made:
        app.close()


def wheel(y):
    return pygame.event.Event(
        pygame.MOUSEWHEEL, x=0, y=y, flipped=False, precise_x=0.0, precise_y=float(y)
    )


def render(app):
    app.text.record = []
    app.dirty = True
    app.step([], 0.05)
    return app.window.get_surface()


def scroll_through(app, scene):
    """Render every part of a scrolling page; returns all text problems seen."""
    problems, seen = [], []
    for _ in range(60):
        surface = render(app)
        problems += text_problems(app, surface)
        seen += [r.text for r in app.text.record]
        if scene.scroll.offset >= scene.scroll.max_offset:
            break
        app.step([wheel(-3)], 0.05)
    return problems, seen


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("attempts,scenarios", [(0, 1), (3, 1), (400, 14)])
def test_progress_renders_without_clipping(make_app, size, attempts, scenarios):
    from game.ui.scenes.progress import ProgressScene

    app = make_app(size, attempts, scenarios)
    scene = app.stack.push(ProgressScene(app))
    problems, seen = scroll_through(app, scene)
    assert problems == []
    text = " ".join(seen)
    if attempts == 0:
        assert "Your progress will grow here" in text
        assert "streak" not in text.lower()
    else:
        assert "Your scores over time" in text and "Milestones" in text
        assert "Skills you have used" in text and "Scenario by scenario" in text
        assert f"{attempts}" in text  # the playthrough count tile


def test_progress_chart_cycles_scenarios_by_keyboard(make_app):
    from game.ui.scenes.progress import ProgressScene

    app = make_app((1280, 720), 12, 3)
    scene = app.stack.push(ProgressScene(app))
    assert scene.chart_scenario is None
    scene.set_focus("chart-next")
    app.step([key(pygame.K_RETURN)], 0.05)
    assert scene.chart_scenario is not None
    scene.scroll.offset = 0
    problems, seen = scroll_through(app, scene)
    assert problems == [] and any("gold steps" in t for t in seen)
    scene.set_focus("chart-next")
    for _ in range(3):  # round the loop back to "All scenarios"
        app.step([key(pygame.K_RETURN)], 0.05)
    assert scene.chart_scenario is None


def test_progress_opens_review_and_branch_map(make_app):
    from game.ui.scenes.branch_map import BranchMapScene
    from game.ui.scenes.progress import ProgressScene
    from game.ui.scenes.review import ReviewScene

    app = make_app((1280, 720), 4, 1)
    sc = big_scenario()
    t = datetime(2026, 4, 1, tzinfo=UTC)
    app.history.record(random_play(sc, 5), t, t + timedelta(minutes=3))
    app._library = type("Lib", (), {"scenarios": [sc], "by_id": lambda self, i: None})()
    scene = app.stack.push(ProgressScene(app))
    keys = [w.key for w in scene.focusables]
    assert f"map:{sc.id}" in keys and "review:extra-shift" in keys
    assert "map:extra-shift" not in keys  # not installed: no map, but its history is kept
    scene.set_focus(f"map:{sc.id}")
    app.step([key(pygame.K_RETURN)], 0.05)
    assert isinstance(app.stack.top, BranchMapScene)
    app.step([key(pygame.K_ESCAPE)], 0.05)
    assert app.stack.top is scene
    scene.set_focus("review:extra-shift")
    app.step([key(pygame.K_RETURN)], 0.05)
    assert isinstance(app.stack.top, ReviewScene)


def test_progress_without_a_history(tmp_path):
    from game.ui.app import App
    from game.ui.scenes.progress import ProgressScene

    ctx = Context(paths=AppPaths(tmp_path / "d", tmp_path / "c", tmp_path / "l"))
    app = App(ctx, size=(960, 540), history=None, open_history=False)
    try:
        app.text.record = []
        app.stack.push(ProgressScene(app))
        surface = render(app)
        assert text_problems(app, surface) == []
        assert any("grow here" in r.text for r in app.text.record)
    finally:
        app.close()
