"""Hair and headscarves: what is drawn behind the head, over the shoulders and in front."""

from __future__ import annotations

import math

import pygame

from game.ui.portraits.appearance import Appearance
from game.ui.portraits.frame import _Frame
from game.ui.portraits.geometry import _bez, _brush, _clipped, _ellipse, _ellipse_pts
from game.ui.portraits.palette import BLACK, WHITE, Point, _luma, _mix

# --- hair ----------------------------------------------------------------------------------


def _hairline(f: _Frame, style: str) -> list[Point]:
    """The front edge of the hair, from the right temple to the left one."""
    u, cx, cy, rx = f.u, f.cx, f.cy, f.rx
    if style == "swept":
        return (
            _bez(
                (cx + rx + 0.02 * u, cy - 0.005 * u),
                (cx + rx * 0.95, cy - 0.08 * u),
                (cx + rx * 0.7, cy - 0.105 * u),
                10,
            )
            + _bez(
                (cx + rx * 0.7, cy - 0.105 * u),
                (cx - rx * 0.05, cy - 0.1 * u),
                (cx - rx * 0.42, cy - 0.19 * u),
                16,
            )[1:]
            + _bez(
                (cx - rx * 0.42, cy - 0.19 * u),
                (cx - rx * 0.9, cy - 0.14 * u),
                (cx - rx - 0.02 * u, cy - 0.005 * u),
                12,
            )[1:]
        )
    if style == "bob":
        return (
            [(cx + rx + 0.03 * u, cy + 0.02 * u), (cx + rx * 0.9, cy - 0.09 * u)]
            + _bez(
                (cx + rx * 0.9, cy - 0.09 * u),
                (cx, cy - 0.125 * u),
                (cx - rx * 0.9, cy - 0.09 * u),
                20,
            )
            + [(cx - rx - 0.03 * u, cy + 0.02 * u)]
        )
    if style == "long":
        side = cy + 0.06 * u
        return _bez(
            (cx + rx + 0.03 * u, side),
            (cx + rx * 0.8, cy - 0.1 * u),
            (cx + 0.012 * u, cy - 0.185 * u),
            16,
        ) + _bez(
            (cx - 0.012 * u, cy - 0.185 * u),
            (cx - rx * 0.8, cy - 0.1 * u),
            (cx - rx - 0.03 * u, side),
            16,
        )
    if style == "short":
        return (
            _bez(
                (cx + rx + 0.015 * u, cy - 0.01 * u),
                (cx + rx * 0.95, cy - 0.1 * u),
                (cx + rx * 0.62, cy - 0.13 * u),
                12,
            )
            + _bez(
                (cx + rx * 0.62, cy - 0.13 * u),
                (cx + rx * 0.1, cy - 0.15 * u),
                (cx - rx * 0.25, cy - 0.115 * u),
                14,
            )[1:]
            + _bez(
                (cx - rx * 0.25, cy - 0.115 * u),
                (cx - rx * 0.8, cy - 0.09 * u),
                (cx - rx - 0.015 * u, cy - 0.01 * u),
                14,
            )[1:]
        )
    high = {"shaved": 0.155, "bald": 0.16, "bun": 0.13, "coily": 0.13, "curly": 0.12}.get(
        style, 0.128
    )
    mid = cy - high * u
    temple = cy - 0.1 * u
    return (
        _bez(
            (cx + rx + 0.015 * u, cy - 0.0 * u),
            (cx + rx * 0.97, cy - 0.07 * u),
            (cx + rx * 0.72, temple),
            10,
        )
        + _bez(
            (cx + rx * 0.72, temple), (cx, mid - (mid - temple) * 1.0), (cx - rx * 0.72, temple), 20
        )[1:]
        + _bez(
            (cx - rx * 0.72, temple),
            (cx - rx * 0.97, cy - 0.07 * u),
            (cx - rx - 0.015 * u, cy - 0.0 * u),
            10,
        )[1:]
    )


def _cap(f: _Frame, style: str, pad: float, lift: float = 0.0) -> list[Point]:
    """The hair covering the top of the head: the crown arc plus the hairline."""
    u = f.u
    line = _hairline(f, style)
    right, left = line[0], line[-1]
    crx = f.rx + pad * u
    cry = f.ry + (pad + lift) * u
    ccy = f.cy + lift * u * 0.0
    a_left = math.degrees(math.atan2((left[1] - ccy) / cry, (left[0] - f.cx) / crx)) % 360
    a_right = math.degrees(math.atan2((right[1] - ccy) / cry, (right[0] - f.cx) / crx)) % 360
    if a_right < 180:
        a_right += 360
    crown = _ellipse_pts(f.cx, ccy - lift * u, crx, cry, a_left, a_right, 48)
    return [left] + crown + [right] + line[1:-1]


def _draw_hair_back(f: _Frame, look: Appearance) -> None:
    u, cx, cy, rx, ry = f.u, f.cx, f.cy, f.rx, f.ry
    hair = look.hair
    dark = _mix(hair, BLACK, 0.18)
    style = look.hair_style
    if style == "long":
        _ellipse(f.surf, dark, cx, cy - 0.01 * u, rx + 0.055 * u, ry + 0.03 * u)
        rect = pygame.Rect(
            round(cx - rx - 0.055 * u),
            round(cy),
            round(2 * rx + 0.11 * u),
            round(f.neck_base + 0.1 * u - cy),
        )
        pygame.draw.rect(
            f.surf,
            dark,
            rect,
            border_bottom_left_radius=round(0.06 * u),
            border_bottom_right_radius=round(0.06 * u),
        )
    elif style == "bob":
        rect = pygame.Rect(
            round(cx - rx - 0.05 * u),
            round(cy - ry - 0.03 * u),
            round(2 * rx + 0.1 * u),
            round(ry * 2 + 0.02 * u),
        )
        pygame.draw.rect(f.surf, hair, rect, border_radius=round(0.16 * u))
    elif style == "curly":
        pts = _ellipse_pts(cx, cy + 0.02 * u, rx + 0.05 * u, ry + 0.05 * u, 150, 390, 14)
        _ellipse(f.surf, dark, cx, cy + 0.02 * u, rx + 0.06 * u, ry + 0.05 * u)
        for i, p in enumerate(pts):
            r = (0.055 + 0.01 * (i % 2)) * u
            pygame.draw.circle(f.surf, dark, p, r)
        for s in (-1, 1):
            for j in range(3):
                pygame.draw.circle(
                    f.surf, dark, (cx + s * (rx + 0.035 * u), cy + (0.1 + 0.07 * j) * u), 0.055 * u
                )
    elif style == "coily":
        pcx, pcy, pr = cx, cy - 0.05 * u, 0.27 * u
        pygame.draw.circle(f.surf, hair, (pcx, pcy), pr)
        for p in _ellipse_pts(pcx, pcy, pr, pr, 150, 390, 16)[:-1]:
            pygame.draw.circle(f.surf, hair, p, 0.045 * u)
        # a little texture
        tex = _mix(hair, BLACK, 0.16) if _luma(hair) > 60 else _mix(hair, WHITE, 0.1)
        for p in _ellipse_pts(pcx, pcy, pr * 0.85, pr * 0.85, 160, 380, 14):
            _brush(
                f.surf,
                tex,
                _bez(
                    (p[0] - 0.012 * u, p[1]), (p[0], p[1] - 0.015 * u), (p[0] + 0.012 * u, p[1]), 6
                ),
                0.004 * u,
            )
    elif style == "bun":
        by = cy - ry - 0.045 * u
        pygame.draw.circle(f.surf, hair, (cx, by), 0.085 * u)
        _brush(f.surf, dark, _ellipse_pts(cx, by, 0.05 * u, 0.045 * u, 200, 340, 12), 0.006 * u)


def _draw_hair_over_shoulders(f: _Frame, look: Appearance) -> None:
    if look.hair_style != "long":
        return
    u, cx, cy, rx = f.u, f.cx, f.cy, f.rx
    hair = look.hair
    for s in (-1, 1):
        poly = [
            (cx + s * (rx - 0.02 * u), cy + 0.05 * u),
            (cx + s * (rx + 0.055 * u), cy - 0.02 * u),
            (cx + s * (rx + 0.09 * u), cy + 0.3 * u),
            (cx + s * (rx + 0.075 * u), f.neck_base + 0.14 * u),
            (cx + s * (rx + 0.01 * u), f.neck_base + 0.17 * u),
            (cx + s * (rx - 0.005 * u), f.neck_base + 0.02 * u),
            (cx + s * (rx - 0.035 * u), cy + 0.2 * u),
        ]
        pygame.draw.polygon(f.surf, hair, poly)
        _brush(
            f.surf,
            _mix(hair, BLACK, 0.15),
            _bez(
                (cx + s * (rx + 0.04 * u), cy + 0.12 * u),
                (cx + s * (rx + 0.06 * u), cy + 0.3 * u),
                (cx + s * (rx + 0.045 * u), f.neck_base + 0.12 * u),
                12,
            ),
            0.004 * u,
            0.002 * u,
        )


def _draw_hair_front(f: _Frame, look: Appearance) -> None:
    u, cx, cy, rx = f.u, f.cx, f.cy, f.rx
    hair = look.hair
    style = look.hair_style
    sheen = _mix(hair, WHITE, 0.16)
    if style == "bald":
        _brush(
            f.surf,
            _mix(look.skin, WHITE, 0.18),
            _ellipse_pts(cx, cy, rx * 0.75, f.ry * 0.85, 235, 265, 8),
            0.012 * u,
            0.004 * u,
        )
        return
    if style == "headscarf":
        return
    if style == "shaved":
        pygame.draw.polygon(f.surf, _mix(look.skin, hair, 0.45), _cap(f, style, 0.004))
        return
    pad = {
        "short": 0.016,
        "swept": 0.028,
        "bob": 0.04,
        "long": 0.03,
        "curly": 0.03,
        "coily": 0.02,
        "bun": 0.014,
    }[style]
    lift = {"swept": 0.02, "short": 0.008}.get(style, 0.0)
    cap = _cap(f, style, pad, lift)
    pygame.draw.polygon(f.surf, hair, cap)
    if style == "curly":
        dark = _mix(hair, BLACK, 0.18)
        line = _hairline(f, style)
        for p in line[4:-4:5]:
            pygame.draw.circle(f.surf, hair, (p[0], p[1] - 0.012 * u), 0.03 * u)
        for p in _ellipse_pts(cx, cy, rx + 0.03 * u, f.ry + 0.03 * u, 195, 345, 9):
            pygame.draw.circle(f.surf, hair, p, 0.045 * u)
            _brush(
                f.surf,
                dark,
                _ellipse_pts(p[0], p[1] + 0.005 * u, 0.022 * u, 0.018 * u, 200, 340, 8),
                0.004 * u,
            )
    elif style == "swept":
        _brush(
            f.surf,
            _mix(hair, BLACK, 0.16),
            _bez(
                (cx - rx * 0.4, cy - 0.185 * u),
                (cx + rx * 0.2, cy - 0.2 * u),
                (cx + rx * 0.85, cy - 0.13 * u),
                14,
            ),
            0.005 * u,
            0.002 * u,
        )
    elif style == "long":
        _brush(
            f.surf,
            _mix(hair, BLACK, 0.2),
            [(cx, cy - 0.19 * u), (cx, cy - f.ry - 0.02 * u)],
            0.004 * u,
            0.002 * u,
        )
    elif style in ("short", "bob", "bun"):
        tex = _mix(hair, BLACK, 0.2) if _luma(hair) > 50 else _mix(hair, WHITE, 0.14)
        top = cy - f.ry - pad * u
        for dx in (-0.07, -0.02, 0.035, 0.085):
            x0 = cx + dx * u
            _brush(
                f.surf,
                tex,
                _bez(
                    (x0, cy - 0.125 * u),
                    (x0 + 0.012 * u, top + 0.07 * u),
                    (x0 + 0.035 * u, top + 0.03 * u),
                    10,
                ),
                0.0035 * u,
                0.0015 * u,
            )
    if style not in ("curly", "coily"):
        _brush(
            f.surf,
            sheen,
            _ellipse_pts(cx, cy, rx * 0.82, f.ry * 0.92, 225, 255, 10),
            0.004 * u,
            0.01 * u,
        )


def _draw_headscarf(f: _Frame, look: Appearance, under: bool) -> None:
    """The scarf: ``under`` draws the drape over the shoulders, else the frame of the face."""
    u, cx, cy, rx, ry = f.u, f.cx, f.cy, f.rx, f.ry
    scarf = look.scarf
    shade = _mix(scarf, BLACK, 0.16)
    if under:
        drape = [
            (cx - rx - 0.05 * u, cy),
            (cx - rx - 0.07 * u, cy + 0.2 * u),
            (cx - 0.25 * u, f.neck_base + 0.04 * u),
            (cx - 0.19 * u, f.neck_base + 0.1 * u),
            (cx, f.neck_base + 0.135 * u),
            (cx + 0.19 * u, f.neck_base + 0.1 * u),
            (cx + 0.25 * u, f.neck_base + 0.04 * u),
            (cx + rx + 0.07 * u, cy + 0.2 * u),
            (cx + rx + 0.05 * u, cy),
        ]
        pygame.draw.polygon(f.surf, scarf, drape)
        _brush(
            f.surf,
            shade,
            _bez(
                (cx - 0.13 * u, f.neck_base - 0.04 * u),
                (cx - 0.02 * u, f.neck_base + 0.06 * u),
                (cx + 0.15 * u, f.neck_base + 0.07 * u),
                16,
            ),
            0.005 * u,
            0.002 * u,
        )
        return
    box = pygame.Rect(
        round(cx - rx - 0.08 * u),
        round(cy - ry - 0.08 * u),
        round(2 * rx + 0.16 * u),
        round(2 * ry + 0.14 * u),
    )
    ocx, ocy, orx, ory = cx, cy + 0.03 * u, rx * 0.84, ry * 0.93

    def draw(layer: pygame.Surface, ox: float, oy: float) -> None:
        _ellipse(layer, scarf, cx - ox, cy - 0.012 * u - oy, rx + 0.05 * u, ry + 0.05 * u)
        pygame.draw.rect(
            layer,
            scarf,
            pygame.Rect(
                round(cx - rx - 0.05 * u - ox),
                round(cy - oy),
                round(2 * rx + 0.1 * u),
                round(ry + 0.2 * u),
            ),
        )
        _ellipse(layer, (0, 0, 0, 0), ocx - ox, ocy - oy, orx, ory)

    def mask(m: pygame.Surface, ox: float, oy: float) -> None:
        m.fill((255, 255, 255, 255))

    _clipped(f.surf, box, draw, mask)
    _brush(
        f.surf,
        shade,
        _ellipse_pts(ocx, ocy, orx + 0.004 * u, ory + 0.004 * u, 180, 360, 36),
        0.005 * u,
    )
    _brush(
        f.surf,
        _mix(scarf, WHITE, 0.14),
        _ellipse_pts(cx, cy - 0.012 * u, rx + 0.03 * u, ry + 0.03 * u, 215, 250, 10),
        0.005 * u,
        0.002 * u,
    )
