"""The layout of one portrait on its canvas: the unit, the head, the card."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.portraits.geometry import _ellipse
from game.ui.portraits.palette import CARD, Color, _mix

CORNER = 0.06  # the card's corner radius, as a share of the bust's width


# --- the drawing context -------------------------------------------------------------


def _unit(w: float, h: float) -> float:
    """The bust's unit of measure for a w x h frame: a bit wider than the frame."""
    return min(w, h / 1.25) * 1.14


@dataclass
class _Frame:
    """Layout of one portrait on the (supersampled) canvas, in pixels."""

    surf: pygame.Surface
    w: int
    h: int
    u: float  # the unit everything is measured in (the bust's width)
    cx: float
    cy: float  # centre of the head
    rx: float
    ry: float  # half width and half height of the head
    theme: str

    @classmethod
    def make(cls, size: tuple[int, int], theme: str, head_width: float = 1.0) -> _Frame:
        w, h = size
        surf = pygame.Surface((w, h), pygame.SRCALPHA)
        u = _unit(w, h)
        return cls(
            surf=surf,
            w=w,
            h=h,
            u=u,
            cx=w / 2,
            cy=h - 0.725 * u,
            rx=0.19 * u * head_width,
            ry=0.235 * u,
            theme=theme,
        )

    @property
    def neck_base(self) -> float:
        return self.h - 0.36 * self.u

    def card(self, tint: Color | None, centre_y: float | None = None) -> Color:
        """Fill the card and draw a soft disc behind the figure; returns the disc colour."""
        card = CARD[self.theme]
        self.surf.fill((*card, 255))
        if tint is None:
            return card
        amount = 0.22 if self.theme == "light" else 0.28
        base = _mix(card, tint, amount)
        y = self.cy + 0.02 * self.u if centre_y is None else centre_y
        for i, r in enumerate((0.42, 0.40, 0.385)):
            _ellipse(self.surf, _mix(card, base, (i + 1) / 3), self.cx, y, r * self.u, r * self.u)
        return base

    def finish(self, radius_frac: float = CORNER) -> None:
        # the card is opaque; blits of soft layers may leave alpha a shade under 255
        self.surf.fill((0, 0, 0, 255), special_flags=pygame.BLEND_RGBA_MAX)
        mask = pygame.Surface((self.w, self.h), pygame.SRCALPHA)
        pygame.draw.rect(
            mask,
            (255, 255, 255, 255),
            mask.get_rect(),
            border_radius=max(1, round(radius_frac * self.u)),
        )
        self.surf.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)


def _size(size: tuple[int, int] | int, least: int) -> tuple[int, int]:
    if isinstance(size, int | float):
        size = (size, size)
    return max(least, int(size[0])), max(least, int(size[1]))
