"""The line chart of percentages over attempts (the progress screen's score history)."""

from __future__ import annotations

import pygame

from game.ui.labels import day
from game.ui.widgets import mix


def draw_line_chart(surface, rect: pygame.Rect, ui, points, best: list[int] | None) -> None:
    """Percentages (0..100) over attempts, with the star thresholds as quiet guides."""
    pal = ui.theme.palette
    th = ui.theme
    label_w = ui.text.width_of("100%", "small") + th.sp(8)
    bottom_h = ui.text.line_height("small") + th.sp(8)
    top = ui.text.line_height("small") // 2 + 2  # room for the "100%" label above its line
    plot = pygame.Rect(rect.x + label_w, rect.y + top, rect.width - label_w - th.sp(12), 0)
    plot.height = rect.height - bottom_h - top
    for value in (0, 40, 70, 90, 100):
        y = plot.bottom - plot.height * value // 100
        color = pal.line if value in (0, 100) else mix(pal.card, pal.line, 0.7)
        pygame.draw.line(surface, color, (plot.x, y), (plot.right, y), 1)
        if value == 90:  # too close to 100 for a label of its own
            continue
        ui.text.draw_line(
            surface, f"{value}%", (plot.x - th.sp(6), y), "small", pal.muted,
            anchor="midright", container=rect,
        )  # fmt: skip
    n = len(points)
    if n == 0:
        return

    def xy(i: int, value: int) -> tuple[int, int]:
        x = plot.centerx if n == 1 else plot.x + plot.width * i // (n - 1)
        return x, plot.bottom - plot.height * value // 100

    if best is not None and n > 1:
        pts = []
        for i, b in enumerate(best):
            x, y = xy(i, b)
            if pts:
                pts.append((x, pts[-1][1]))
            pts.append((x, y))
        pygame.draw.lines(surface, pal.star, False, pts, max(2, th.sp(2)))
    line = [xy(i, p.percent) for i, p in enumerate(points)]
    if n > 1:
        pygame.draw.lines(surface, pal.accent, False, line, max(2, th.sp(3)))
    r = max(2, th.sp(5) if n <= 40 else th.sp(3))
    for x, y in line:
        pygame.draw.circle(surface, pal.card, (x, y), r + 1)
        pygame.draw.circle(surface, pal.accent, (x, y), r)
    first, last = day(points[0].when), day(points[-1].when)
    ty = plot.bottom + th.sp(6)
    ui.text.draw_line(surface, first, (plot.x, ty), "small", pal.muted, container=rect)
    if n > 1 and last != first:
        ui.text.draw_line(
            surface, last, (plot.right, ty), "small", pal.muted, anchor="topright", container=rect
        )
