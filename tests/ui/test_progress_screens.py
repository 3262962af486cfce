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
        assert "How you have grown" in text and "Milestones" in text
        assert "Skills you have used" in text and "Scenario by scenario" in text
        assert f"{attempts}" in text  # the playthrough count tile


def test_progress_chart_compares_each_scenario_with_itself(make_app):
    from game.history import stats
    from game.ui.scenes.progress import ProgressScene
    from game.ui.scenes.progress_trends import MAX_ROWS

    app = make_app((1280, 720), attempts=60, scenarios=10).app
    scene = app.stack.push(ProgressScene(app.services))
    trends = stats.trends(app.services.attempts())
    rows = [w.key for w in scene.focusables if w.key.startswith("trend:")]
    assert rows == [f"trend:{t.scenario_id}" for t in trends[:MAX_ROWS]]  # recent first, bounded
    problems, seen = scroll_through(app, scene)
    text = " ".join(seen)
    t = trends[0]
    assert problems == [] and f"First {t.first}%, best {t.best}%" in text
    assert f"Latest {t.last}%" in text and "gold steps" not in text  # no series until chosen
    # choosing a row by keyboard opens that scenario's own series; choosing it again closes it
    scene.scroll.offset = 0
    scene.set_focus(rows[1])
    app.frame(tap(pygame.K_RETURN), 0.05)
    assert scene.chart_scenario == trends[1].scenario_id
    scene.scroll.offset = 0
    problems, seen = scroll_through(app, scene)
    assert problems == [] and any("gold steps" in s and trends[1].title in s for s in seen)
    draws = scene.trends_view.plot_draws
    assert draws == 1
    for _ in range(3):  # redrawn frames reuse the cached series
        render(app)
    assert scene.trends_view.plot_draws == draws
    scene.set_focus(rows[1])
    app.frame(tap(pygame.K_RETURN), 0.05)
    assert scene.chart_scenario is None


def test_practice_runs_never_appear_in_the_chart(make_app):
    from tests.support.history import PERFECT, SOURED, make_scenario, play

    app = make_app((1280, 720)).app
    sc = make_scenario()
    t = datetime(2026, 4, 1, tzinfo=UTC)
    app.services.history.record(play(sc, SOURED), t, t)
    practice = play(sc, PERFECT)
    practice.try_another()
    practice.choose(0)
    while not practice.finished:
        practice.choose(next(i for i, c in enumerate(practice.choices) if c.index == 0))
    assert practice.practice
    app.services.history.record(practice, t + timedelta(days=1), t + timedelta(days=1))
    other = make_scenario("only-practised", title="Only practised")
    lone = play(other, PERFECT)
    lone.try_another()
    lone.choose(0)
    while not lone.finished:
        lone.choose(0)
    app.services.history.record(lone, t, t)
    app.nav.to_progress(sc.id)
    scene = app.stack.top
    assert [tr.scenario_id for tr in scene.trends] == [sc.id]
    (trend,) = scene.trends
    assert trend.attempts == 1 and trend.best == trend.first == trend.last == 0
    assert "trend:only-practised" not in [w.key for w in scene.widgets]


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


def test_progress_style_mix_names_partly_assertive(make_app):
    from tests.support.history import make_scenario, play

    app = make_app((960, 540)).app
    sc = make_scenario(extra_ending=True)
    t = datetime(2026, 4, 1, tzinfo=UTC)
    app.services.history.record(play(sc, (0, 2)), t, t)
    app.nav.to_progress()
    problems, seen = scroll_through(app, app.stack.top)
    assert problems == []
    assert "Partly assertive 50%" in seen and "Assertive 50%" in seen


@pytest.mark.parametrize("size", SIZES)
def test_an_open_series_fits_at_every_size(make_app, size):
    from game.ui.scenes.progress import ProgressScene

    app = make_app(size, attempts=40, scenarios=9).app
    scene = app.stack.push(ProgressScene(app.services))
    scene.select_trend(scene.trends[-1].scenario_id)  # past the rows shown: it takes the last
    assert f"trend:{scene.trends[-1].scenario_id}" in [w.key for w in scene.widgets]
    problems, seen = scroll_through(app, scene)
    assert problems == [] and any("gold steps" in s for s in seen)
    assert "Every scenario is listed" in " ".join(seen)  # more scenarios than rows: said so
