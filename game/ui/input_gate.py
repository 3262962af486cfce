"""Deliberate input: only a fresh press may choose, continue or leave a screen.

A *fresh* press is a key that went down while it was up: the first KEYDOWN
after its KEYUP. Auto-repeat (KEYDOWN while the key is still held) is never
fresh, so holding Enter can move focus or scroll but never commits a reply.
Events that piled up while the game was busy (loading a library, opening a
screen) are read by :meth:`InputGate.drain` to keep the key state true, and
acted on by nobody.

The App passes every event through :meth:`InputGate.observe` and marks it
with ``event.fresh``; scenes act on Enter, Space, number keys and Esc only
when it is True. A mouse click is fresh when its button went down on the same
screen (the scenes already pair MOUSEBUTTONDOWN with MOUSEBUTTONUP).
"""

from __future__ import annotations

import pygame

ACTION_EVENTS = (pygame.KEYDOWN, pygame.KEYUP, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP)


class InputGate:
    """Tracks which keys are held, to tell a fresh press from a repeat."""

    def __init__(self) -> None:
        self.held: set[int] = set()

    def observe(self, event: pygame.event.Event) -> bool:
        """Update the key state from ``event``; True if it is a fresh key press."""
        if event.type == pygame.KEYDOWN:
            fresh = event.key not in self.held
            self.held.add(event.key)
            return fresh
        if event.type == pygame.KEYUP:
            self.held.discard(event.key)
        elif event.type in (pygame.WINDOWFOCUSLOST, pygame.WINDOWFOCUSGAINED):
            # A key released while another window had focus sends no KEYUP here:
            # start again from what SDL says is down now.
            self.resync()
        return False

    def resync(self) -> None:
        pressed = pygame.key.get_pressed()
        self.held = {k for k in self.held if _is_down(pressed, k)}

    def drain(self) -> int:
        """Read the input that queued up while the game was busy, acting on none of it.

        Key state stays true (a key held through a load is still held, so its
        repeats are not fresh). Returns how many events were dropped.
        """
        events = pygame.event.get(ACTION_EVENTS)
        for e in events:
            self.observe(e)
        return len(events)


def _is_down(pressed, key: int) -> bool:
    try:
        return bool(pressed[key])
    except IndexError:
        return False


def is_fresh(event: pygame.event.Event) -> bool:
    """True unless the App marked ``event`` as a repeat or a stale press."""
    return bool(event.__dict__.get("fresh", True))
