"""Reviewing an earlier attempt: stepping through choices and feedback, headless."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pygame
import pytest

from tests.support.history import (
    GAVE_IN_LATE,
    PERFECT,
    big_scenario,
    make_scenario,
    play,
    random_play,
)
from tests.support.window import SIZES, key, layout_problems

T = datetime(2026, 5, 1, tzinfo=UTC)


def visible_text(app, scene):
    """Render the page top to bottom; returns (all text, problems)."""
    seen, problems = [], []
    scene.scroll.offset = 0
    scene.layout()
    for _ in range(30):
        app.services.text.record = []
        app.dirty = True
        app.frame([], 0.05)
        problems += layout_problems(app, overlaps=False)
        seen += [r.text for r in app.services.text.record]
        if not scene.scroll.scroll(scene.scroll.viewport.height // 2):
            break
        scene.layout()
    return " ".join(seen), problems


@pytest.mark.parametrize("app", SIZES, indirect=True)
@pytest.mark.parametrize("which", ["small", "big"])
def test_review_steps_through_every_decision(app, which):
    from game.ui.scenes.review import ReviewScene

    sc = make_scenario() if which == "small" else big_scenario()
    p = play(sc, GAVE_IN_LATE) if which == "small" else random_play(sc, 2)
    a = app.services.history.record(p, T, T + timedelta(minutes=2))
    scene = app.stack.push(ReviewScene(app.services, a, sc))
    for i, step in enumerate(a.steps):
        text, problems = visible_text(app, scene)
        assert problems == []
        assert f"Decision {i + 1} of {len(a.steps)}" in text
        assert step.text in text and step.feedback in text
        app.frame([key(pygame.K_RIGHT)], 0.05)
    text, problems = visible_text(app, scene)
    assert problems == [] and "The ending" in text and a.ending_title in text
    if which == "small":
        assert "A hard ending" in text  # the tone in words


def test_review_shows_the_stronger_reply_and_switches_attempts(app):
    from game.ui.scenes.review import ReviewScene

    sc = make_scenario()
    first = app.services.history.record(play(sc, GAVE_IN_LATE), T, T)
    app.services.history.record(play(sc, PERFECT), T, T + timedelta(days=1))
    attempts = app.services.history.attempts(sc.id)
    scene = app.stack.push(ReviewScene(app.services, attempts[1], sc, attempts))
    assert scene.attempt.id == first.id
    app.frame([key(pygame.K_RIGHT)], 0.05)  # decision 2: passive-aggressive, 1 point
    text, problems = visible_text(app, scene)
    assert problems == [] and "A stronger reply" in text
    assert "Later attempt" in text and "Attempt 1 of 2" in text
    scene.set_focus("later")
    app.frame([key(pygame.K_RETURN)], 0.05)
    assert scene.attempt.id == attempts[0].id and scene.step == 0


def test_review_of_an_edited_or_removed_scenario_uses_the_saved_words(app):
    from game.ui.scenes.review import ReviewScene

    sc = make_scenario(content_hash="old")
    a = app.services.history.record(play(sc, GAVE_IN_LATE), T, T)
    for current in (make_scenario(content_hash="new"), None):
        scene = app.stack.push(ReviewScene(app.services, a, current, [a]))
        text, problems = visible_text(app, scene)
        assert problems == [] and a.steps[0].text in text
        assert "earlier version" in text or "no longer installed" in text
        assert "A stronger reply" not in text
        app.stack.pop()
