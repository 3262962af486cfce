"""The body of a drawn person: shoulders and clothing, neck, ears and head."""

from __future__ import annotations

import pygame

from game.ui.portraits.appearance import Appearance
from game.ui.portraits.frame import _Frame
from game.ui.portraits.geometry import _bez, _brush, _ellipse, _ellipse_pts
from game.ui.portraits.palette import BLACK, WHITE, Color, Point, _mix

# --- body -----------------------------------------------------------------------------


def _torso_points(f: _Frame, spread: float = 1.0) -> list[Point]:
    u, cx, nb, h = f.u, f.cx, f.neck_base, f.h
    # in a frame wider than the bust, the shoulders still reach the sides
    spread *= max(1.0, (f.w / 2 + 2) / (0.47 * u))
    left = _bez(
        (cx - 0.08 * u, nb - 0.01 * u),
        (cx - 0.36 * u * spread, nb - 0.005 * u),
        (cx - 0.43 * u * spread, nb + 0.17 * u),
        16,
    )
    left.append((cx - 0.47 * u * spread, h + 2))
    right = [(2 * cx - x, y) for x, y in left]
    return list(reversed(left)) + right


def _draw_neck(f: _Frame, skin: Color) -> None:
    u = f.u
    shade = _mix(skin, BLACK, 0.1)
    top = f.cy + 0.12 * u
    rect = pygame.Rect(
        round(f.cx - 0.068 * u), round(top), round(0.136 * u), round(f.neck_base - top + 0.05 * u)
    )
    pygame.draw.rect(f.surf, skin, rect, border_radius=round(0.03 * u))
    # the shadow under the chin
    _ellipse(f.surf, shade, f.cx, f.cy + f.ry * 0.8, 0.07 * u, 0.05 * u)


def _draw_torso(f: _Frame, look: Appearance) -> None:
    u, cx, nb = f.u, f.cx, f.neck_base
    cloth = look.clothing
    dark = _mix(cloth, BLACK, 0.22)
    light = _mix(cloth, WHITE, 0.12)
    skin = look.skin
    pygame.draw.polygon(f.surf, cloth, _torso_points(f))
    # a soft fold where the arms meet the body
    for s in (-1, 1):
        _brush(
            f.surf,
            _mix(cloth, BLACK, 0.1),
            _bez(
                (cx + s * 0.3 * u, f.h - 0.05 * u),
                (cx + s * 0.31 * u, f.h - 0.12 * u),
                (cx + s * 0.33 * u, f.h - 0.2 * u),
                10,
            ),
            0.006 * u,
            0.002 * u,
        )
    neck = look.neckline
    if look.hair_style == "headscarf" and neck in ("v", "scoop", "collar"):
        neck = "crew"
    if neck == "crew":
        _ellipse(f.surf, skin, cx, nb - 0.005 * u, 0.075 * u, 0.05 * u)
        _brush(
            f.surf,
            dark,
            _ellipse_pts(cx, nb - 0.005 * u, 0.08 * u, 0.055 * u, 10, 170, 24),
            0.008 * u,
        )
    elif neck == "scoop":
        _ellipse(f.surf, skin, cx, nb + 0.0 * u, 0.12 * u, 0.075 * u)
        pygame.draw.rect(
            f.surf,
            skin,
            pygame.Rect(
                round(cx - 0.068 * u), round(nb - 0.06 * u), round(0.136 * u), round(0.07 * u)
            ),
        )
        _brush(f.surf, dark, _ellipse_pts(cx, nb, 0.123 * u, 0.078 * u, 5, 175, 30), 0.007 * u)
    elif neck in ("v", "collar"):
        depth = 0.13 if neck == "v" else 0.1
        tri = [(cx - 0.07 * u, nb - 0.02 * u), (cx + 0.07 * u, nb - 0.02 * u), (cx, nb + depth * u)]
        pygame.draw.polygon(f.surf, skin, tri)
        if neck == "v":
            _brush(
                f.surf,
                dark,
                [
                    (cx - 0.075 * u, nb - 0.015 * u),
                    (cx, nb + (depth + 0.005) * u),
                    (cx + 0.075 * u, nb - 0.015 * u),
                ],
                0.007 * u,
            )
        else:
            shirt = _mix(cloth, WHITE, 0.78)
            edge = _mix(shirt, BLACK, 0.18)
            for s in (-1, 1):
                flap = [
                    (cx + s * 0.065 * u, nb - 0.03 * u),
                    (cx + s * 0.005 * u, nb + (depth + 0.01) * u),
                    (cx + s * 0.15 * u, nb + 0.05 * u),
                    (cx + s * 0.125 * u, nb - 0.015 * u),
                ]
                pygame.draw.polygon(f.surf, shirt, flap)
                _brush(f.surf, edge, flap + [flap[0]], 0.004 * u)
    elif neck == "turtle":
        top = f.cy + f.ry * 0.82
        rect = pygame.Rect(
            round(cx - 0.085 * u), round(top), round(0.17 * u), round(nb - top + 0.03 * u)
        )
        pygame.draw.rect(f.surf, light, rect, border_radius=round(0.035 * u))
        for i in range(3):
            y = top + (i + 1) * (nb - top) / 4
            _brush(
                f.surf,
                _mix(light, BLACK, 0.14),
                _bez((cx - 0.07 * u, y), (cx, y + 0.012 * u), (cx + 0.07 * u, y), 10),
                0.0035 * u,
            )


def _draw_ears(f: _Frame, skin: Color) -> None:
    u = f.u
    inner = _mix(skin, BLACK, 0.13)
    for s in (-1, 1):
        x = f.cx + s * f.rx * 0.97
        _ellipse(f.surf, skin, x, f.cy + 0.025 * u, 0.032 * u, 0.046 * u)
        _brush(
            f.surf,
            inner,
            _ellipse_pts(
                x + s * 0.004 * u,
                f.cy + 0.025 * u,
                0.015 * u,
                0.026 * u,
                250 if s > 0 else -70,
                470 if s > 0 else 70,
                10,
            )[:6],
            0.004 * u,
        )


def _draw_head(f: _Frame, skin: Color) -> None:
    _ellipse(f.surf, skin, f.cx, f.cy, f.rx, f.ry)
    # a gently narrower jaw
    u = f.u
    pygame.draw.polygon(
        f.surf,
        skin,
        [
            (f.cx - f.rx * 0.98, f.cy),
            (f.cx + f.rx * 0.98, f.cy),
            (f.cx + f.rx * 0.7, f.cy + f.ry * 0.75),
            (f.cx - f.rx * 0.7, f.cy + f.ry * 0.75),
        ],
    )
    _ellipse(f.surf, skin, f.cx, f.cy + 0.06 * u, f.rx * 0.86, f.ry * 0.98 - 0.06 * u * 0.0)
