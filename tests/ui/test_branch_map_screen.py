"""The branch map, rendered headless for no, some and many playthroughs at three sizes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pygame
import pytest

from tests.support.history import (
    PERFECT,
    big_scenario,
    make_scenario,
    play,
    random_play,
)
from tests.support.window import SIZES, key, layout_problems

T = datetime(2026, 5, 1, tzinfo=UTC)


def render(app):
    app.services.text.record = []
    app.dirty = True
    app.frame([], 0.05)
    return app.window.get_surface()


@pytest.mark.parametrize("app", SIZES, indirect=True)
@pytest.mark.parametrize("plays", [0, 3, 60])
@pytest.mark.parametrize("which", ["small", "big"])
def test_branch_map_renders_without_clipping(app, plays, which):
    from game.ui.scenes.branch_map import BranchMapScene

    sc = make_scenario() if which == "small" else big_scenario()
    for i in range(plays):
        app.services.history.record(random_play(sc, i), T, T + timedelta(minutes=i))
    scene = app.stack.push(BranchMapScene(app.services, sc))
    render(app)
    assert layout_problems(app, overlaps=False) == []
    # every box is inside the map area at the fitted zoom, or can be panned to
    nodes = [w for w in scene.widgets if w.key.startswith("node:")]
    assert len(nodes) == len(sc.beats) + len(sc.endings)
    for w in nodes:
        scene.set_focus(w.key)
        render(app)
        assert scene.canvas.contains(scene.focused.rect), w.key
        assert layout_problems(app, overlaps=False) == []
    text = " ".join(r.text for r in app.services.text.record)
    if plays == 0:
        assert "Not found yet" in text


def test_found_paths_and_locked_outlines(app):
    from game.ui.scenes.branch_map import BranchMapScene

    sc = make_scenario()
    app.services.history.record(play(sc, PERFECT), T, T)
    scene = app.stack.push(BranchMapScene(app.services, sc))
    found = {n.id for n in scene.nodes.values() if n.found and not n.dummy}
    assert found == {"ask", "pushback", "held"}
    assert scene.taken == {("ask", "pushback"), ("pushback", "held")}
    render(app)
    text = [r.text for r in app.services.text.record]
    assert "Good ending" in text  # the tone is a word, not only a colour
    assert text.count("Not found yet") == 2


def test_keyboard_moves_between_boxes_zooms_and_fits(app):
    from game.ui.scenes.branch_map import BranchMapScene

    sc = big_scenario(depth=9)
    scene = app.stack.push(BranchMapScene(app.services, sc))
    assert scene.focus_key == "node:b0"
    app.frame([key(pygame.K_RIGHT)], 0.05)
    assert scene.focus_key != "node:b0"
    app.frame([key(pygame.K_PLUS)], 0.05)
    assert scene.zoom is not None and scene.zoom > scene.fit_zoom() - 1e-9
    for _ in range(8):
        app.frame([key(pygame.K_RIGHT)], 0.05)
    assert scene.canvas.contains(scene.focused.rect)  # panned to follow the focus
    app.frame([key(pygame.K_0)], 0.05)
    assert scene.zoom is None and scene.pan == [0, 0]
    render(app)
    assert layout_problems(app, overlaps=False) == []
    app.frame([key(pygame.K_ESCAPE)], 0.05)
    assert scene not in app.stack.scenes


def test_mouse_wheel_and_drag_pan(app):
    from game.ui.scenes.branch_map import BranchMapScene

    scene = app.stack.push(BranchMapScene(app.services, big_scenario(depth=12)))
    app.frame([key(pygame.K_PLUS), key(pygame.K_PLUS)], 0.05)
    c = scene.canvas.center
    events = [
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=c),
        pygame.event.Event(
            pygame.MOUSEMOTION, pos=(c[0] - 100, c[1]), rel=(-100, 0), buttons=(1, 0, 0)
        ),
        pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=(c[0] - 100, c[1])),
    ]
    app.frame(events, 0.05)
    assert scene.pan[0] > 0
    render(app)
    assert layout_problems(app, overlaps=False) == []


def test_a_changed_scenario_ignores_steps_it_no_longer_has(app):
    from game.ui.scenes.branch_map import BranchMapScene

    old = make_scenario(content_hash="h1", extra_ending=True)
    app.services.history.record(
        play(old, (0, 2)), T, T
    )  # -> "later", an ending the new version lacks
    new = make_scenario(content_hash="h2")
    scene = app.stack.push(BranchMapScene(app.services, new))
    assert {n.id for n in scene.nodes.values() if n.found} == {"ask", "pushback"}
    render(app)
    assert layout_problems(app, overlaps=False) == []
