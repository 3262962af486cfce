"""The progress screen, rendered headless for empty, small and large histories at three sizes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pygame
import pytest

from game.core.library import Library
from game.ui.library_loader import LibraryLoader
from tests.support.history import big_scenario, random_play
from tests.support.window import SIZES, layout_problems, tap


def wheel(y):
    return pygame.event.Event(
        pygame.MOUSEWHEEL, x=0, y=y, flipped=False, precise_x=0.0, precise_y=float(y)
    )


def render(app):
    app.services.text.record = []
    app.dirty = True
    app.frame([], 0.05)
    return app.window.get_surface()


def scroll_through(app, scene):
    """Render every part of a scrolling page; returns all text problems seen."""
    problems, seen = [], []
    for _ in range(60):
        render(app)
        problems += layout_problems(app, overlaps=False)
        seen += [r.text for r in app.services.text.record]
        if scene.scroll.offset >= scene.scroll.max_offset:
            break
        app.frame([wheel(-3)], 0.05)
    return problems, seen


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("attempts,scenarios", [(0, 1), (3, 1), (400, 14)])
def test_progress_renders_without_clipping(make_app, size, attempts, scenarios):
    from game.ui.scenes.progress import ProgressScene

    app = make_app(size, attempts=attempts, scenarios=scenarios).app
    scene = app.stack.push(ProgressScene(app.services))
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

    app = make_app((1280, 720), attempts=12, scenarios=3).app
    scene = app.stack.push(ProgressScene(app.services))
    assert scene.chart_scenario is None
    scene.set_focus("chart-next")
    app.frame(tap(pygame.K_RETURN), 0.05)
    assert scene.chart_scenario is not None
    scene.scroll.offset = 0
    problems, seen = scroll_through(app, scene)
    assert problems == [] and any("gold steps" in t for t in seen)
    scene.set_focus("chart-next")
    for _ in range(3):  # round the loop back to "All scenarios"
        app.frame(tap(pygame.K_RETURN), 0.05)
    assert scene.chart_scenario is None


def test_progress_opens_review_and_branch_map(make_app):
    from game.ui.scenes.branch_map import BranchMapScene
    from game.ui.scenes.progress import ProgressScene
    from game.ui.scenes.review import ReviewScene

    app = make_app((1280, 720), attempts=4, scenarios=1).app
    sc = big_scenario()
    t = datetime(2026, 4, 1, tzinfo=UTC)
    app.services.history.record(random_play(sc, 5), t, t + timedelta(minutes=3))
    app.services.library = LibraryLoader(lambda: Library(scenarios=[sc]))
    scene = app.stack.push(ProgressScene(app.services))
    keys = [w.key for w in scene.focusables]
    assert f"map:{sc.id}" in keys and "review:extra-shift" in keys
    assert "map:extra-shift" not in keys  # not installed: no map, but its history is kept
    scene.set_focus(f"map:{sc.id}")
    app.frame(tap(pygame.K_RETURN), 0.05)
    assert isinstance(app.stack.top, BranchMapScene)
    app.frame(tap(pygame.K_ESCAPE), 0.05)
    assert app.stack.top is scene
    scene.set_focus("review:extra-shift")
    app.frame(tap(pygame.K_RETURN), 0.05)
    assert isinstance(app.stack.top, ReviewScene)


def test_progress_without_a_history(make_app):
    app = make_app((960, 540), history=False).app
    assert app.services.history is None
    app.nav.to_progress()
    render(app)
    assert layout_problems(app, overlaps=False) == []
    assert any("grow here" in r.text for r in app.services.text.record)
