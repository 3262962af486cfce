"""Page chrome shared by every page: the Back button, the title and subtitle, the footer buttons.

:class:`game.ui.scenes.common.Page` uses all three; pages with their own body
(the browser, the branch map) use the same pieces, so every header looks alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.ui.widgets import Widget, button_painter


@dataclass
class FooterButton:
    key: str
    label: str
    action: Callable[[], None]
    kind: str = "secondary"
    icon: str | None = None


def back_button(ui, action: Callable[[], None], label: str = "Back") -> Widget:
    """The quiet Back button at the top left."""
    th = ui.theme
    bh = ui.text.line_height("body_bold") + th.sp(16)
    bw = ui.text.width_of(label, "body_bold") + bh + th.sp(24)
    r = pygame.Rect(th.sp(48) - th.sp(16), th.sp(24), bw, bh)
    return Widget("back", r, button_painter(ui, label, "quiet", icon="back"), action)


def draw_title(surface: pygame.Surface, ui, title: str, subtitle: str, box: pygame.Rect) -> None:
    """The page title, and its subtitle under it, shortened to fit ``box``."""
    th, t = ui.theme, ui.text
    pal = th.palette
    r = t.draw_line(
        surface, t.shorten(title, "title", box.width), (box.x, th.sp(24)), "title", pal.text,
        container=box,
    )  # fmt: skip
    if subtitle:
        t.draw_line(
            surface, t.shorten(subtitle, "body", box.width), (box.x, r.bottom + th.sp(2)),
            "body", pal.muted, container=box,
        )  # fmt: skip


def footer_row(
    ui,
    buttons: list[FooterButton],
    *,
    right: int,
    y: int,
    height: int,
    gap: int,
    min_width: int = 0,
    pad: int,
    room: int | None = None,
) -> list[Widget]:
    """Buttons in a row ending at ``right``, each its words plus ``pad`` wide (at least
    ``min_width``), squeezed evenly when they would take more than ``room``."""
    widths = [
        max(min_width, ui.text.width_of(b.label, "body_bold") + pad + (height if b.icon else 0))
        for b in buttons
    ]
    total = sum(widths) + gap * (len(buttons) - 1)
    if room is not None and total > room:
        widths = [int((room - gap * (len(buttons) - 1)) / len(buttons))] * len(buttons)
        total = room
    x = right - total
    row = []
    for b, bw in zip(buttons, widths, strict=True):
        row.append(
            Widget(
                b.key,
                pygame.Rect(x, y, bw, height),
                button_painter(ui, b.label, b.kind, b.icon),
                b.action,
            )
        )
        x += bw + gap
    return row
