"""Every shipped scenario plays to its debrief in the window, by keys and by mouse, and fits at 960x540."""

from __future__ import annotations

import pygame

from game.core.engine import Playthrough
from game.paths import SHIPPED_SCENARIOS
from game.ui.scenes.title import TitleScene
from tests.support.window import layout_problems


def _engine(scenario, seed, positions):
    p = Playthrough(scenario, seed=seed)
    for pos in positions:
        p.choose(pos)
    return p.score


def test_every_shipped_scenario_by_keyboard_fits_at_the_smallest_size(make_app):
    from game.ui.scenes.play import PlayScene

    d = make_app(size=(960, 540), roots=(SHIPPED_SCENARIOS,))
    d.app.services.history = None  # no history writes: this is about the window
    d.app.stack.push(TitleScene(d.app.services))  # the bottom of the stack, as in the game
    scenarios = d.app.services.library().scenarios
    assert len(scenarios) >= 5
    for n, sc in enumerate(scenarios):
        play = d.app.stack.push(PlayScene(d.app.services, sc, seed=n))
        positions = []
        while d.top is play:
            d.render()
            assert not layout_problems(d.app), (sc.id, play.beat.id, layout_problems(d.app)[:3])
            pos = (n + len(positions)) % len(play.shown)
            positions.append(pos)
            d.key(pygame.K_1 + pos)
            d.render()
            assert not layout_problems(d.app), (sc.id, "feedback", layout_problems(d.app)[:3])
            d.key(pygame.K_RETURN)
        assert d.top.name == "debrief", sc.id
        d.render()
        assert not layout_problems(d.app), (sc.id, "debrief", layout_problems(d.app)[:3])
        assert d.top.score == _engine(sc, n, positions), sc.id
        d.app.stack.pop()
        assert d.app.running


def test_every_shipped_scenario_by_mouse(make_app):
    from game.ui.scenes.play import PlayScene

    d = make_app(size=(1280, 720), roots=(SHIPPED_SCENARIOS,))
    d.app.services.history = None
    d.app.stack.push(TitleScene(d.app.services))
    for n, sc in enumerate(d.app.services.library().scenarios):
        play = d.app.stack.push(PlayScene(d.app.services, sc, seed=100 + n))
        positions = []
        while d.top is play:
            pos = max(range(len(play.shown)), key=lambda i: play.shown[i].points)
            positions.append(pos)
            d.click(f"reply:{pos + 1}")
            d.click("continue")
        assert d.top.name == "debrief", sc.id
        assert d.top.score == _engine(sc, 100 + n, positions)
        assert d.top.score.percent == 100, sc.id  # the best reply every time
        d.click("menu")
        assert d.top.name == "browser"
