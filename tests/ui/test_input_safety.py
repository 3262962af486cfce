"""Deliberate input in the real window: a held key, a repeat, or input queued while the game
was busy never chooses a reply, continues or leaves a screen. Auto-repeat still moves focus."""

from __future__ import annotations

import pygame

from game.core.library import load_library
from game.paths import AppPaths
from game.ui.app import App
from game.ui.settings import Settings
from tests.support.window import FIXTURES, Driver, shipped_like


def down(k: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)


def up(k: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYUP, key=k, mod=0, unicode="", scancode=0)


def hold(d: Driver, k: int, repeats: int = 50) -> None:
    """One key-down, then ``repeats`` auto-repeats, no key-up: a key held for a few seconds."""
    pygame.event.post(down(k))
    d.frames(1)
    for _ in range(repeats):
        pygame.event.post(down(k))
        d.frames(1)


def release(d: Driver, k: int) -> None:
    pygame.event.post(up(k))
    d.frames(1)


def assertive_key(play) -> int:
    """The number key of the assertive reply (it leads on to another moment)."""
    return pygame.K_1 + next(i for i, c in enumerate(play.shown) if c.style == "assertive")


def at_play(d: Driver, seed: int = 3):
    d.nav.to_title()
    d.nav.to_briefing(shipped_like(), seed=seed)
    d.frames(1)
    assert d.top.name == "briefing"
    return d


def test_held_enter_on_the_briefing_starts_once_and_never_chooses(make_app):
    d = at_play(make_app())
    hold(d, pygame.K_RETURN)
    assert d.top.name == "play"
    play = d.top
    assert play.phase == "choose"
    assert play.playthrough.decisions == []


def test_held_enter_on_the_play_screen_only_shows_focus(make_app):
    d = at_play(make_app())
    d.key(pygame.K_RETURN)
    play = d.top
    assert play.name == "play" and play.focus_key is None  # no reply is pre-selected
    hold(d, pygame.K_RETURN)
    assert play.phase == "choose" and play.playthrough.decisions == []
    assert play.focus_key == "reply:1"  # the first press showed where focus is
    release(d, pygame.K_RETURN)
    d.key(pygame.K_RETURN)  # a fresh press chooses
    assert play.phase == "feedback" and len(play.playthrough.decisions) == 1


def test_held_number_key_chooses_once_and_held_enter_continues_once(make_app):
    d = at_play(make_app())
    d.key(pygame.K_RETURN)
    play = d.top
    k = assertive_key(play)
    hold(d, k)  # picks that reply once; its repeats do nothing in the feedback
    assert play.phase == "feedback" and len(play.playthrough.decisions) == 1
    release(d, k)
    first = play.decision
    assert not play.playthrough.finished
    hold(d, pygame.K_RETURN)  # Continue once, then nothing
    assert play.phase == "choose"
    assert play.playthrough.decisions == [first]


def test_a_press_made_before_the_replies_appeared_does_not_pick(make_app):
    d = at_play(make_app())
    d.key(pygame.K_RETURN)
    play = d.top
    d.key(assertive_key(play))
    assert play.phase == "feedback"
    # Continue and a quick "1" arrive together, before the next replies were drawn
    for e in (down(pygame.K_RETURN), up(pygame.K_RETURN), down(pygame.K_1), up(pygame.K_1)):
        pygame.event.post(e)
    d.frames(1)
    assert play.phase == "choose" and len(play.playthrough.decisions) == 1
    d.key(pygame.K_1)  # pressed after they appeared: it counts
    assert play.phase == "feedback" and len(play.playthrough.decisions) == 2


def test_repeats_still_move_focus(make_app):
    d = at_play(make_app())
    d.key(pygame.K_RETURN)
    play = d.top
    pygame.event.post(down(pygame.K_DOWN))
    d.frames(1)
    seen = {play.focus_key}
    for _ in range(3):
        pygame.event.post(down(pygame.K_DOWN))  # auto-repeat of the arrow
        d.frames(1)
        seen.add(play.focus_key)
    assert {"reply:1", "reply:2", "reply:3"} <= seen
    assert play.phase == "choose"


def test_held_enter_through_a_whole_scenario_never_plays_it(make_app):
    d = at_play(make_app())
    hold(d, pygame.K_RETURN, repeats=200)
    assert d.top.name == "play" and d.top.playthrough.decisions == []


def test_the_press_that_opens_the_debrief_never_acts_on_it(make_app):
    d = at_play(make_app())
    d.key(pygame.K_RETURN)
    play = d.top
    while not play.playthrough.finished:
        d.key(pygame.K_1)
        if not play.playthrough.finished:
            d.key(pygame.K_RETURN)
    hold(d, pygame.K_RETURN)  # "See how it went", then held on the debrief
    assert d.top.name == "debrief"
    assert d.names[-1] == "debrief"
    release(d, pygame.K_RETURN)
    # a press queued in the same frame as the one that opened it is dropped too
    d.nav.to_title()
    d.nav.to_briefing(shipped_like(), seed=3)
    d.frames(1)
    for e in (down(pygame.K_RETURN), up(pygame.K_RETURN), down(pygame.K_1), up(pygame.K_1)):
        pygame.event.post(e)
    d.frames(1)
    assert d.top.name == "play" and d.top.playthrough.decisions == []


def test_events_queued_during_a_load_are_dropped(tmp_path):
    paths = AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "logs")
    Settings(intro_seen=True).save(paths.settings_file)

    def slow_load():
        # the player presses keys while the library loads
        for e in (down(pygame.K_RETURN), down(pygame.K_RETURN), up(pygame.K_RETURN)):
            pygame.event.post(e)
        return load_library((FIXTURES,))

    app = App(paths, slow_load, size=(1280, 720), open_history=False)
    try:
        d = Driver(app)
        d.nav.to_title()
        d.frames(1)
        d.key(pygame.K_RETURN)  # Play: the list opens and the library loads
        assert d.names[-1] == "browser"
        d.frames(3)
        assert d.names[-1] == "browser"  # the presses made during the load opened nothing
        assert pygame.event.peek((pygame.KEYDOWN, pygame.KEYUP)) is False
        d.key(pygame.K_RETURN)  # a fresh press afterwards works as usual
        assert d.names[-1] == "briefing"
    finally:
        app.window.destroy()
        pygame.event.clear()


def test_a_click_pressed_on_one_screen_and_released_on_the_next_does_nothing(make_app):
    d = at_play(make_app())
    start = d.widget("start").rect.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=start, button=1))
    d.frames(1)
    d.key(pygame.K_RETURN)  # the keyboard starts the scenario while the button is down
    play = d.top
    assert play.name == "play"
    target = d.widget("reply:1").rect.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=target, button=1))
    d.frames(1)
    assert play.phase == "choose" and play.playthrough.decisions == []
    # the same screen, a new moment: pressed on a reply, released after the replies came back
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=target, button=1))
    d.frames(1)
    d.key(pygame.K_2)
    assert play.phase == "feedback"
    d.key(pygame.K_t)  # try another reply: the same replies in the same places
    assert play.phase == "choose"
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=target, button=1))
    d.frames(1)
    assert play.phase == "choose"
    d.click("reply:1")  # a whole click made now does choose
    assert play.phase == "feedback"
