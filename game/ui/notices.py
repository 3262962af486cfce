"""Notices: short messages shown at the bottom of the window for a few seconds."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.widgets import card

NOTICE_LAYER = 99  # above every scene, for the layout checks
SHOWN_AT_ONCE = 3


@dataclass
class Notice:
    text: str
    seconds_left: float


class Notices:
    """The notices waiting or on screen, newest last."""

    def __init__(self) -> None:
        self.items: list[Notice] = []

    def show(self, text: str, seconds: float = 5.0) -> None:
        self.items.append(Notice(text, seconds))

    @property
    def texts(self) -> list[str]:
        return [n.text for n in self.items]

    def update(self, dt: float) -> bool:
        """Count down; True while any notice is still showing."""
        for n in self.items:
            n.seconds_left -= dt
        self.items = [n for n in self.items if n.seconds_left > 0]
        return bool(self.items)

    def draw(self, surface: pygame.Surface, ui) -> None:
        """Draw the newest few, stacked upwards from the bottom; ``ui`` has theme and text."""
        if not self.items:
            return
        th, text = ui.theme, ui.text
        w = min(th.sp(720), surface.get_width() - th.sp(64))
        y = surface.get_height() - th.sp(24)
        text.layer = NOTICE_LAYER
        for n in reversed(self.items[-SHOWN_AT_ONCE:]):
            inner = w - th.sp(32)
            h = text.height_of(n.text, "body", inner) + th.sp(24)
            r = pygame.Rect(0, 0, w, h)
            r.midbottom = (surface.get_width() // 2, y)
            card(surface, r, ui, fill=th.palette.card, border=th.palette.accent)
            text.draw(surface, n.text, r.inflate(-th.sp(32), -th.sp(24)), "body")
            y = r.top - th.sp(8)
        text.layer = 0
