"""A small measure-once layout kit: blocks that measure themselves for a width, then draw.

A block is measured once per layout (``measure(ui, width)`` returns its height
and keeps what it worked out), then drawn into whatever rectangle the page gives
it (``draw(surface, rect)``) without measuring again. Pages add blocks to their
:class:`~game.ui.scenes.common.Flow` with ``flow.add(block)``::

    flow.add(Card([Heading("What this is"), Text(body)], gap=8, raised=False))

* :class:`Text` -- wrapped text in one role and colour.
* :class:`Heading` -- a text in the subheading role.
* :class:`Row` -- blocks side by side, each a share of the width.
* :class:`Card` -- blocks stacked in a card, with an optional coloured stripe.
* :class:`Tiles` -- equal blocks in a grid of columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.ui.widgets import card


@dataclass
class Text:
    text: str
    role: str = "body"
    color: tuple | None = None
    align: str = "left"
    _ui: object = field(default=None, init=False, repr=False)

    def measure(self, ui, width: int) -> int:
        self._ui = ui
        return ui.text.height_of(self.text, self.role, width)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        self._ui.text.draw(surface, self.text, rect, self.role, self.color, align=self.align)


@dataclass
class Heading(Text):
    role: str = "subheading"


@dataclass
class Card:
    """``children`` stacked ``gap`` (design pixels) apart, inside ``pad`` of card."""

    children: list
    pad: int = 24
    gap: int = 8
    raised: bool = True
    stripe: tuple | None = None  # a colour down the left edge (a style or a tone)
    fill: tuple | None = None
    border: tuple | None = None
    _ui: object = field(default=None, init=False, repr=False)
    _heights: list[int] = field(default_factory=list, init=False, repr=False)

    def _insets(self, ui) -> tuple[int, int]:
        """(left inset, right inset) for the content; a stripe takes a little room."""
        pad = ui.theme.sp(self.pad)
        return pad + (ui.theme.sp(6) if self.stripe is not None else 0), pad

    def measure(self, ui, width: int) -> int:
        self._ui = ui
        left, right = self._insets(ui)
        inner = width - left - right
        self._heights = [c.measure(ui, inner) for c in self.children]
        gaps = ui.theme.sp(self.gap) * max(0, len(self.children) - 1)
        return 2 * ui.theme.sp(self.pad) + sum(self._heights) + gaps

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        ui = self._ui
        card(surface, rect, ui, raised=self.raised, stripe=self.stripe, fill=self.fill,
             border=self.border)  # fmt: skip
        left, right = self._insets(ui)
        y = rect.y + ui.theme.sp(self.pad)
        for child, h in zip(self.children, self._heights, strict=True):
            child.draw(surface, pygame.Rect(rect.x + left, y, rect.width - left - right, h))
            y += h + ui.theme.sp(self.gap)


@dataclass
class Row:
    """Blocks side by side; ``shares`` split the width (equal by default), ``gap`` apart."""

    children: list
    shares: list[float] | None = None
    gap: int = 16
    _ui: object = field(default=None, init=False, repr=False)
    _widths: list[int] = field(default_factory=list, init=False, repr=False)

    def measure(self, ui, width: int) -> int:
        self._ui = ui
        gap = ui.theme.sp(self.gap) * (len(self.children) - 1)
        shares = self.shares or [1.0] * len(self.children)
        total = sum(shares)
        self._widths = [int((width - gap) * s / total) for s in shares]
        return max(c.measure(ui, w) for c, w in zip(self.children, self._widths, strict=True))

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        x = rect.x
        for child, w in zip(self.children, self._widths, strict=True):
            child.draw(surface, pygame.Rect(x, rect.y, w, rect.height))
            x += w + self._ui.theme.sp(self.gap)


@dataclass
class Tiles:
    """Blocks in ``columns`` equal columns, rows as tall as their tallest tile."""

    children: list
    columns: int = 2
    gap: int = 16
    _ui: object = field(default=None, init=False, repr=False)
    _rows: list[int] = field(default_factory=list, init=False, repr=False)
    _tile_w: int = field(default=0, init=False, repr=False)

    def measure(self, ui, width: int) -> int:
        self._ui = ui
        gap = ui.theme.sp(self.gap)
        self._tile_w = (width - gap * (self.columns - 1)) // self.columns
        heights = [c.measure(ui, self._tile_w) for c in self.children]
        self._rows = [
            max(heights[i : i + self.columns]) for i in range(0, len(heights), self.columns)
        ]
        return sum(self._rows) + gap * max(0, len(self._rows) - 1)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        gap = self._ui.theme.sp(self.gap)
        y = rect.y
        for r, h in enumerate(self._rows):
            for c, child in enumerate(self.children[r * self.columns : (r + 1) * self.columns]):
                x = rect.x + c * (self._tile_w + gap)
                child.draw(surface, pygame.Rect(x, y, self._tile_w, h))
            y += h + gap
