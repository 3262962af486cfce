"""Drawing a face in a mood: eyes, brows, nose, mouth, blush, glasses, tears."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.ui.portraits.frame import _Frame
from game.ui.portraits.geometry import _bez, _brush, _clipped, _ellipse, _ellipse_pts, _shift
from game.ui.portraits.moods import Face
from game.ui.portraits.palette import (
    BLACK,
    BLUSH,
    INK,
    MOUTH_DARK,
    TEAR,
    TEETH,
    TONGUE,
    WHITE,
    Color,
    Point,
    _mix,
)

# --- the face ------------------------------------------------------------------------------

EYE_DX = 0.082
EYE_Y = 0.018
EYE_RX = 0.037
EYE_RY = 0.028
BROW_Y = -0.052
STEP = 0.021  # one step of brow movement, in units
MOUTH_Y = 0.128
MOUTH_HALF = 0.05
NOSE_Y = 0.075


@dataclass(frozen=True)
class _Ink:
    """The colours a face is drawn in."""

    skin: Color
    line: Color  # lash lines and pupils
    brow: Color
    lip: Color
    eye_white: Color
    iris: Color
    soft: Color  # nose and light outlines


def _lid_curve(
    ex: float, ey: float, rx: float, ry: float, side: int, lid: float, tilt: float
) -> list[Point]:
    pts = []
    n = 24
    for i in range(n + 1):
        t = -1.0 + 2.0 * i / n
        arc = ey - ry * math.sqrt(max(0.0, 1 - t * t))
        inner = t * -side  # +1 at the end nearest the nose
        y = (1 - lid) * arc + lid * (ey + ry) + tilt * inner * ry * 0.6
        pts.append((ex + t * rx, y))
    return pts


def _draw_eye(f: _Frame, ink: _Ink, face: Face, side: int) -> None:
    u = f.u
    ex = f.cx + side * EYE_DX * u
    ey = f.cy + EYE_Y * u
    rx = EYE_RX * u * face.eye_scale
    ry = rx * 0.92 if face.eye_round else EYE_RY * u * face.eye_scale
    if face.smile_eyes:
        pts = _bez(
            (ex - rx * 0.95, ey + ry * 0.35),
            (ex, ey - ry * 1.35),
            (ex + rx * 0.95, ey + ry * 0.35),
            20,
        )
        _brush(f.surf, ink.line, pts, 0.0085 * u)
        return
    lid_pts = _lid_curve(ex, ey, rx, ry, side, face.lid, face.lid_tilt)
    box = pygame.Rect(round(ex - rx - 4), round(ey - ry - 4), round(2 * rx + 8), round(2 * ry + 8))
    ir = min(ry * 0.8 * face.iris_scale, rx * 0.9)
    lx, ly = face.look
    icx = ex + lx * (rx - ir) * 0.9
    icy = ey + ly * ry * 0.35

    def draw(layer: pygame.Surface, ox: float, oy: float) -> None:
        _ellipse(layer, ink.eye_white, ex - ox, ey - oy, rx, ry)
        pygame.draw.circle(layer, ink.iris, (icx - ox, icy - oy), ir)
        pygame.draw.circle(layer, ink.line, (icx - ox, icy - oy), ir * 0.55)
        pygame.draw.circle(layer, WHITE, (icx - ox - ir * 0.32, icy - oy - ir * 0.36), ir * 0.27)
        if face.sparkle:
            pygame.draw.circle(layer, WHITE, (icx - ox + ir * 0.36, icy - oy + ir * 0.3), ir * 0.14)
        lid_colour = _mix(ink.skin, BLACK, 0.07)
        poly = _shift(lid_pts, ox, oy)
        poly = [
            (poly[0][0] - rx, poly[0][1]),
            *poly,
            (poly[-1][0] + rx, poly[-1][1]),
            (poly[-1][0] + rx, -10),
            (poly[0][0] - rx, -10),
        ]
        if face.lid > 0 or face.lid_tilt:
            pygame.draw.polygon(layer, lid_colour, poly)
        if face.lower_lid > 0:
            low = [
                (
                    x - ox,
                    ey
                    + ry
                    - face.lower_lid * 2 * ry * math.sqrt(max(0.0, 1 - ((x - ex) / rx) ** 2))
                    - oy,
                )
                for x, _ in lid_pts
            ]
            pygame.draw.polygon(
                layer,
                ink.skin,
                [*low, (low[-1][0], layer.get_height() + 10), (low[0][0], layer.get_height() + 10)],
            )

    def mask(m: pygame.Surface, ox: float, oy: float) -> None:
        _ellipse(m, (255, 255, 255, 255), ex - ox, ey - oy, rx, ry)

    _clipped(f.surf, box, draw, mask)
    # the lash line along the upper lid, inside the eye
    inside = [p for p in lid_pts if ((p[0] - ex) / rx) ** 2 + ((p[1] - ey) / ry) ** 2 <= 1.08]
    if len(inside) >= 2:
        thick = 0.0068 * u
        if side < 0:
            _brush(f.surf, ink.line, inside, thick * 1.2, thick * 0.7)
        else:
            _brush(f.surf, ink.line, inside, thick * 0.7, thick * 1.2)
    # a soft line under the eye, where the lid does not cover it
    lower = _ellipse_pts(ex, ey, rx, ry, 20, 160, 16)
    _brush(f.surf, ink.soft, lower, 0.0025 * u)


def _draw_brow(f: _Frame, ink: _Ink, face: Face, side: int) -> None:
    u = f.u
    base = f.cy + BROW_Y * u
    lift = face.brow_raise + (face.brow_asym if side > 0 else 0.0)
    ix, ox = f.cx + side * 0.044 * u, f.cx + side * 0.127 * u
    iy = base - (lift + face.brow_inner) * STEP * u
    oy = base - (lift - face.brow_inner * 0.25) * STEP * u
    mx, my = (ix + ox) / 2, (iy + oy) / 2 - face.brow_arch * STEP * u
    pts = _bez((ix, iy), (mx, my), (ox, oy), 18)
    _brush(f.surf, ink.brow, pts, 0.0125 * u, 0.0075 * u)


def _draw_mouth(f: _Frame, ink: _Ink, face: Face) -> None:
    u = f.u
    cx, my = f.cx, f.cy + MOUTH_Y * u
    hw = MOUTH_HALF * u * face.mouth_width
    k = face.mouth_curve
    lip = ink.lip
    r = 0.0072 * u
    kind = face.mouth
    if kind == "curve":
        pts = _bez(
            (cx - hw, my - k * 0.022 * u),
            (cx, my + k * 0.034 * u),
            (cx + hw, my - k * 0.022 * u),
            20,
        )
        _brush(f.surf, lip, pts, r * 0.8, r * 0.8)
        # a small shadow under the lower lip
        _brush(
            f.surf,
            ink.soft,
            _bez(
                (cx - hw * 0.3, my + 0.03 * u + k * 0.015 * u),
                (cx, my + 0.035 * u + k * 0.015 * u),
                (cx + hw * 0.3, my + 0.03 * u + k * 0.015 * u),
                8,
            ),
            0.003 * u,
        )
    elif kind == "tight":
        pts = [
            (cx - hw * 0.8, my + 0.016 * u),
            (cx - hw * 0.45, my + 0.002 * u),
            (cx + hw * 0.45, my + 0.002 * u),
            (cx + hw * 0.8, my + 0.016 * u),
        ]
        _brush(f.surf, lip, pts, r * 1.1)
        _brush(
            f.surf,
            ink.soft,
            [(cx - hw * 0.3, my + 0.03 * u), (cx + hw * 0.3, my + 0.03 * u)],
            0.003 * u,
        )
    elif kind == "side":
        pts = _bez(
            (cx - hw * 0.55, my + 0.006 * u),
            (cx + hw * 0.2, my + 0.004 * u),
            (cx + hw * 0.85, my - 0.01 * u),
            14,
        )
        _brush(f.surf, lip, pts, r * 0.85)
        _brush(
            f.surf,
            lip,
            _bez(
                (cx + hw * 0.8, my - 0.018 * u),
                (cx + hw * 0.92, my - 0.01 * u),
                (cx + hw * 0.85, my + 0.001 * u),
                6,
            ),
            r * 0.45,
        )
    elif kind == "wavy":
        pts = [
            (cx - hw + 2 * hw * i / 30, my + math.sin(i / 30 * math.pi * 3) * 0.011 * u)
            for i in range(31)
        ]
        _brush(f.surf, lip, pts, r * 0.85)
    elif kind == "wobble":
        pts = [
            (
                cx - hw + 2 * hw * i / 30,
                my
                - k * 0.03 * u * (1 - (2 * i / 30 - 1) ** 2)
                + math.sin(i / 30 * math.pi * 4) * 0.004 * u
                + k * 0.01 * u,
            )
            for i in range(31)
        ]
        _brush(f.surf, lip, pts, r * 0.8)
    else:
        if kind == "open_smile":
            top = _bez(
                (cx - hw, my - 0.012 * u), (cx, my + 0.004 * u), (cx + hw, my - 0.012 * u), 20
            )
            bottom = _bez(
                (cx + hw, my - 0.012 * u), (cx, my + 0.085 * u), (cx - hw, my - 0.012 * u), 20
            )
        elif kind == "o":
            top = _ellipse_pts(cx, my + 0.012 * u, 0.026 * u, 0.034 * u, 180, 360, 20)
            bottom = _ellipse_pts(cx, my + 0.012 * u, 0.026 * u, 0.034 * u, 0, 180, 20)
        else:  # small_open
            w = hw * 0.6
            top = _bez((cx - w, my + 0.008 * u), (cx, my - 0.016 * u), (cx + w, my + 0.008 * u), 14)
            bottom = _bez(
                (cx + w, my + 0.008 * u), (cx, my + 0.038 * u), (cx - w, my + 0.008 * u), 14
            )
        shape = top + bottom
        xs = [p[0] for p in shape]
        ys = [p[1] for p in shape]
        box = pygame.Rect(
            round(min(xs) - 4),
            round(min(ys) - 4),
            round(max(xs) - min(xs) + 8),
            round(max(ys) - min(ys) + 8),
        )

        def draw(layer: pygame.Surface, ox: float, oy: float) -> None:
            layer.fill((*MOUTH_DARK, 255))
            h = max(ys) - min(ys)
            tongue_y = max(ys) - oy
            _ellipse(layer, TONGUE, cx - ox, tongue_y, (max(xs) - min(xs)) * 0.32, h * 0.42)
            if kind == "open_smile":
                teeth = [(x - ox, y - oy) for x, y in top] + [
                    (x - ox, y - oy + 0.02 * u) for x, y in reversed(top)
                ]
                pygame.draw.polygon(layer, TEETH, teeth)

        def mask(m: pygame.Surface, ox: float, oy: float) -> None:
            pygame.draw.polygon(m, (255, 255, 255, 255), _shift(shape, ox, oy))

        _clipped(f.surf, box, draw, mask)
        _brush(f.surf, lip, shape + [shape[0]], 0.0042 * u)


def _draw_nose(f: _Frame, ink: _Ink) -> None:
    u = f.u
    ny = f.cy + NOSE_Y * u
    _brush(
        f.surf,
        ink.soft,
        _bez(
            (f.cx - 0.014 * u, ny - 0.004 * u),
            (f.cx, ny + 0.014 * u),
            (f.cx + 0.014 * u, ny - 0.004 * u),
            12,
        ),
        0.0048 * u,
    )


def _draw_blush(f: _Frame, ink: _Ink, amount: float) -> None:
    if amount <= 0:
        return
    u = f.u
    for s in (-1, 1):
        for i, grow in enumerate((1.0, 0.8, 0.6)):
            colour = _mix(ink.skin, BLUSH, amount * 0.22 * (i + 1) / 1.5)
            _ellipse(
                f.surf,
                colour,
                f.cx + s * 0.108 * u,
                f.cy + 0.078 * u,
                0.034 * u * grow,
                0.02 * u * grow,
            )


def _drop(f: _Frame, x: float, y: float, r: float, colour: Color) -> None:
    pygame.draw.circle(f.surf, colour, (x, y), r)
    pygame.draw.polygon(
        f.surf,
        colour,
        [(x - r * 0.97, y - r * 0.25), (x, y - r * 2.3), (x + r * 0.97, y - r * 0.25)],
    )
    pygame.draw.circle(f.surf, _mix(colour, WHITE, 0.6), (x - r * 0.35, y - r * 0.1), r * 0.28)


def _draw_face(f: _Frame, ink: _Ink, face: Face, glasses: bool = False) -> None:
    u = f.u
    _draw_blush(f, ink, face.blush)
    for side in (-1, 1):
        _draw_eye(f, ink, face, side)
    for side in (-1, 1):
        _draw_brow(f, ink, face, side)
    _draw_nose(f, ink)
    _draw_mouth(f, ink, face)
    if glasses:
        frame = _mix(INK, ink.skin, 0.15)
        for s in (-1, 1):
            gx, gy = f.cx + s * EYE_DX * u, f.cy + EYE_Y * u
            rect = pygame.Rect(
                round(gx - 0.058 * u), round(gy - 0.042 * u), round(0.116 * u), round(0.084 * u)
            )
            pygame.draw.rect(
                f.surf, frame, rect, width=max(1, round(0.007 * u)), border_radius=round(0.035 * u)
            )
            _brush(
                f.surf,
                frame,
                [(gx + s * 0.058 * u, gy - 0.015 * u), (f.cx + s * f.rx * 0.98, gy - 0.02 * u)],
                0.0035 * u,
            )
        _brush(
            f.surf,
            frame,
            _bez(
                (f.cx - 0.025 * u, f.cy + EYE_Y * u - 0.01 * u),
                (f.cx, f.cy + EYE_Y * u - 0.022 * u),
                (f.cx + 0.025 * u, f.cy + EYE_Y * u - 0.01 * u),
                8,
            ),
            0.0035 * u,
        )
    if face.tear:
        _drop(f, f.cx - (EYE_DX + 0.02) * u, f.cy + (EYE_Y + 0.07) * u, 0.013 * u, TEAR)
    if face.sweat:
        _drop(f, f.cx + f.rx * 0.78, f.cy - 0.045 * u, 0.015 * u, TEAR)
