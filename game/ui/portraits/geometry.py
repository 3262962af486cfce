"""Drawing helpers: curves, ellipses, round-ended strokes and clipped layers."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import pygame

from game.ui.portraits.palette import Point

# --- geometry helpers ------------------------------------------------------------


def _bez(p0: Point, p1: Point, p2: Point, n: int = 24) -> list[Point]:
    """Points along a quadratic Bezier curve."""
    out = []
    for i in range(n + 1):
        t = i / n
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
        out.append((a * p0[0] + b * p1[0] + c * p2[0], a * p0[1] + b * p1[1] + c * p2[1]))
    return out


def _ellipse_pts(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int = 48):
    """Points on an ellipse from angle a0 to a1 (degrees; 0 is right, 90 is down)."""
    return [
        (
            cx + rx * math.cos(math.radians(a0 + (a1 - a0) * i / n)),
            cy + ry * math.sin(math.radians(a0 + (a1 - a0) * i / n)),
        )
        for i in range(n + 1)
    ]


def _brush(
    surf: pygame.Surface, color, pts: Sequence[Point], r0: float, r1: float | None = None
) -> None:
    """A round-ended stroke along a polyline, its radius going from r0 to r1."""
    if r1 is None:
        r1 = r0
    if len(pts) == 1:
        pygame.draw.circle(surf, color, pts[0], max(r0, 0.5))
        return
    lengths = [0.0]
    for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
        lengths.append(lengths[-1] + math.hypot(x1 - x0, y1 - y0))
    total = lengths[-1] or 1.0
    step = max(0.5, min(r0, r1) * 0.3)
    seg = 0
    d = 0.0
    while d <= total:
        while seg < len(pts) - 2 and lengths[seg + 1] < d:
            seg += 1
        span = (lengths[seg + 1] - lengths[seg]) or 1.0
        f = (d - lengths[seg]) / span
        x = pts[seg][0] + (pts[seg + 1][0] - pts[seg][0]) * f
        y = pts[seg][1] + (pts[seg + 1][1] - pts[seg][1]) * f
        r = r0 + (r1 - r0) * (d / total)
        pygame.draw.circle(surf, color, (x, y), max(r, 0.5))
        d += step
    pygame.draw.circle(surf, color, pts[-1], max(r1, 0.5))


def _ellipse(surf: pygame.Surface, color, cx: float, cy: float, rx: float, ry: float) -> None:
    pygame.draw.ellipse(
        surf, color, pygame.Rect(round(cx - rx), round(cy - ry), round(2 * rx), round(2 * ry))
    )


def _clipped(
    surf: pygame.Surface,
    box: pygame.Rect,
    draw: Callable[[pygame.Surface, float, float], None],
    mask: Callable[[pygame.Surface, float, float], None],
) -> None:
    """Draw into a local layer, keep only what falls inside the mask shape, blit it.

    Both callbacks get the layer and the offset (ox, oy) to subtract from canvas
    coordinates.
    """
    box = box.clip(surf.get_rect())
    if box.width <= 0 or box.height <= 0:
        return
    layer = pygame.Surface(box.size, pygame.SRCALPHA)
    draw(layer, box.x, box.y)
    m = pygame.Surface(box.size, pygame.SRCALPHA)
    mask(m, box.x, box.y)
    layer.blit(m, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    surf.blit(layer, box.topleft)


def _shift(pts: Sequence[Point], ox: float, oy: float) -> list[Point]:
    return [(x - ox, y - oy) for x, y in pts]
