"""The input gate tells a fresh press from auto-repeat and from input queued while busy."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame  # noqa: E402

from game.ui.input_gate import InputGate, is_fresh  # noqa: E402


def down(k):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)


def up(k):
    return pygame.event.Event(pygame.KEYUP, key=k, mod=0, unicode="", scancode=0)


def test_only_the_first_keydown_of_a_hold_is_fresh():
    g = InputGate()
    assert g.observe(down(pygame.K_RETURN))
    assert not any(g.observe(down(pygame.K_RETURN)) for _ in range(30))  # auto-repeat
    assert not g.observe(up(pygame.K_RETURN))
    assert g.observe(down(pygame.K_RETURN))  # pressed again: fresh


def test_keys_are_tracked_separately():
    g = InputGate()
    assert g.observe(down(pygame.K_RETURN))
    assert g.observe(down(pygame.K_1))
    assert not g.observe(down(pygame.K_RETURN))


def test_input_queued_while_busy_is_drained_and_keeps_the_hold():
    pygame.display.init()
    try:
        pygame.display.set_mode((64, 64))
        pygame.event.clear()
        g = InputGate()
        for e in (down(pygame.K_RETURN), down(pygame.K_RETURN), down(pygame.K_1), up(pygame.K_1)):
            pygame.event.post(e)
        assert g.drain() == 4
        assert pygame.event.get((pygame.KEYDOWN, pygame.KEYUP)) == []
        assert g.held == {pygame.K_RETURN}
        assert not g.observe(down(pygame.K_RETURN))  # still held through the load: a repeat
        assert g.observe(down(pygame.K_1))
    finally:
        pygame.display.quit()


def test_is_fresh_reads_the_mark_and_defaults_to_fresh():
    e = down(pygame.K_RETURN)
    assert is_fresh(e)
    e.fresh = False
    assert not is_fresh(e)
