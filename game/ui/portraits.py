"""Drawn character portraits: a flat, friendly bust for every character.

Where a scenario gives no ``portrait`` image, the game draws one. The look
(skin tone, hair, clothing, eyes) comes from a stable hash of the character id,
so the same person looks the same on every run and on every machine; the face
changes with the mood. The narrator gets an open book, and an inner voice (an
inner critic, a thought) a soft, translucent figure with a thought cloud.

Everything here draws on plain :class:`pygame.Surface` objects and never touches
the display, so it works headless. Shapes are drawn at two or three times the
requested size and smooth-scaled down, which gives clean, antialiased edges.

Drawn portraits are cached on (id, mood, size, kind, theme): asking again for
the same picture each frame costs a dictionary look-up. The surfaces returned
are shared; blit them, and ``copy()`` one before drawing on it.
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.core.vocab import DEFAULT_MOOD, MOODS, NARRATOR

log = logging.getLogger(__name__)

KINDS = ("person", "narrator", "inner")
CORNER = 0.06  # the card's corner radius, as a share of the bust's width
THEMES = ("light", "dark")

Color = tuple[int, int, int]
Point = tuple[float, float]

# Words in a character's id or name that mark an inner voice rather than a person.
INNER_MARKERS = ("critic", "inner", "self", "voice", "thought", "conscience", "doubt")

# --- palette ------------------------------------------------------------------


def _hex(value: str) -> Color:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def _mix(a: Color, b: Color, t: float) -> Color:
    t = max(0.0, min(1.0, t))
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _luma(c: Color) -> float:
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]


WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
INK = _hex("#2A1F1A")
EYE_WHITE = _hex("#FBF8F2")
MOUTH_DARK = _hex("#5E2A2A")
TONGUE = _hex("#D9787A")
TEETH = _hex("#FFFDF8")
BLUSH = _hex("#EE8C7A")
TEAR = _hex("#8CC3E3")

CARD = {"light": _hex("#FFFDF8"), "dark": _hex("#1F232B")}
ACCENT = {"light": _hex("#1D6B62"), "dark": _hex("#6CC4B5")}

# A realistic range, light to deep.
SKIN_TONES: tuple[Color, ...] = tuple(
    _hex(c)
    for c in (
        "#F8DECB",
        "#F1CBAE",
        "#E6B793",
        "#D6A27A",
        "#C08A62",
        "#A2704C",
        "#86583A",
        "#6A432B",
        "#50311F",
    )
)
HAIR_COLOURS: tuple[Color, ...] = tuple(
    _hex(c)
    for c in (
        "#1F1B19",  # black
        "#3A2A21",  # dark brown
        "#5A3B27",  # brown
        "#87583A",  # light brown
        "#A4552F",  # copper
        "#C9A46B",  # blonde
        "#8F8A86",  # grey
        "#2A2426",  # soft black
    )
)
CLOTHING: tuple[Color, ...] = tuple(
    _hex(c)
    for c in (
        "#2F6F66",  # teal
        "#4F6D8F",  # slate blue
        "#B07D3A",  # ochre
        "#765A86",  # plum
        "#7D9870",  # sage
        "#AE644A",  # terracotta
        "#34495E",  # navy
        "#B7727B",  # dusty rose
        "#5D7F8B",  # blue grey
        "#8C6E55",  # camel
    )
)
SCARVES: tuple[Color, ...] = tuple(
    _hex(c) for c in ("#5F8A7C", "#9B6B7C", "#4B6584", "#B98B5E", "#7D6B9E", "#3E6E6A", "#A76A5B")
)
BACKDROPS: tuple[Color, ...] = tuple(
    _hex(c) for c in ("#6CC4B5", "#E0B25C", "#A9B6C8", "#E3A58F", "#B7C99A", "#C3A9D6")
)
IRISES: tuple[Color, ...] = tuple(
    _hex(c) for c in ("#3B2A20", "#4E3525", "#2E2520", "#5E4A2C", "#3F5666", "#4A5A3A")
)

HAIR_STYLES = (
    "short",
    "swept",
    "long",
    "bob",
    "curly",
    "coily",
    "bun",
    "shaved",
    "bald",
    "headscarf",
)
# How often each style is picked, out of the sum.
STYLE_WEIGHTS = {
    "short": 3,
    "swept": 2,
    "long": 3,
    "bob": 2,
    "curly": 2,
    "coily": 2,
    "bun": 2,
    "shaved": 1,
    "bald": 1,
    "headscarf": 2,
}
_STYLE_TABLE = tuple(s for s in HAIR_STYLES for _ in range(STYLE_WEIGHTS[s]))
NECKLINES = ("crew", "v", "collar", "turtle", "scoop")


@dataclass(frozen=True)
class Appearance:
    """How a drawn person looks; fixed by the character id."""

    skin: Color
    hair: Color
    hair_style: str
    clothing: Color
    neckline: str
    iris: Color
    scarf: Color
    backdrop: Color
    glasses: bool
    head_width: float


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def appearance(character_id: str) -> Appearance:
    """The look of the person with this id: the same id always gives the same look."""
    d = _digest(character_id)
    skin_index = d[0] % len(SKIN_TONES)
    hair = HAIR_COLOURS[d[2] % len(HAIR_COLOURS)]
    if skin_index >= 5 and hair == HAIR_COLOURS[5] and d[9] % 3:
        hair = HAIR_COLOURS[1]  # blonde is rarer with deep skin tones
    return Appearance(
        skin=SKIN_TONES[skin_index],
        hair=hair,
        hair_style=_STYLE_TABLE[int.from_bytes(d[11:13], "big") % len(_STYLE_TABLE)],
        clothing=CLOTHING[d[3] % len(CLOTHING)],
        neckline=NECKLINES[d[4] % len(NECKLINES)],
        iris=IRISES[d[5] % len(IRISES)],
        scarf=SCARVES[d[6] % len(SCARVES)],
        backdrop=BACKDROPS[d[7] % len(BACKDROPS)],
        glasses=d[8] % 5 == 0,
        head_width=0.95 + (d[10] % 11) / 100,
    )


# --- faces ----------------------------------------------------------------------


@dataclass(frozen=True)
class Face:
    """The expression for one mood. Offsets are in small steps of the face size."""

    brow_raise: float = 0.0  # both brows up (+) or down (-)
    brow_inner: float = 0.0  # inner ends up (+, worried/sad) or down (-, angry)
    brow_arch: float = 0.35
    brow_asym: float = 0.0  # extra lift of the right brow
    lid: float = 0.12  # how far the upper lid comes down (0 open, 1 closed)
    lid_tilt: float = 0.0  # + inner end of the lid lower (glare), - outer end lower (sad)
    lower_lid: float = 0.0  # cheeks pushing up (smiling eyes)
    eye_scale: float = 1.0
    eye_round: bool = False
    iris_scale: float = 1.0
    look: Point = (0.0, 0.0)  # where the eyes look, -1..1 each way
    smile_eyes: bool = False  # closed, upturned eyes
    mouth: str = "curve"
    mouth_curve: float = 0.15  # + smile, - frown
    mouth_width: float = 1.0
    blush: float = 0.0
    tear: bool = False
    sweat: bool = False
    sparkle: bool = False


FACES: dict[str, Face] = {
    "neutral": Face(mouth_curve=0.18),
    "happy": Face(
        brow_raise=0.45,
        brow_arch=0.6,
        smile_eyes=True,
        mouth="open_smile",
        mouth_width=1.12,
        blush=0.8,
    ),
    "hopeful": Face(
        brow_raise=0.75,
        brow_inner=0.35,
        brow_arch=0.45,
        lid=0.0,
        look=(0.0, -0.55),
        mouth="curve",
        mouth_curve=0.75,
        mouth_width=0.9,
        blush=0.45,
        sparkle=True,
    ),
    "sad": Face(
        brow_raise=0.1,
        brow_inner=1.15,
        brow_arch=0.0,
        lid=0.32,
        lid_tilt=-0.35,
        look=(0.0, 0.35),
        mouth="curve",
        mouth_curve=-0.85,
        mouth_width=0.95,
        tear=True,
    ),
    "hurt": Face(
        brow_raise=-0.1,
        brow_inner=0.75,
        brow_arch=0.1,
        lid=0.52,
        lid_tilt=-0.2,
        look=(-0.55, 0.9),
        mouth="wobble",
        mouth_curve=-0.45,
        mouth_width=0.8,
    ),
    "pleading": Face(
        brow_raise=0.7,
        brow_inner=1.35,
        brow_arch=0.1,
        lid=0.0,
        eye_scale=1.16,
        iris_scale=1.18,
        look=(0.0, -0.5),
        mouth="small_open",
        mouth_curve=-0.2,
        sparkle=True,
        blush=0.3,
    ),
    "annoyed": Face(
        brow_raise=-0.35,
        brow_inner=-0.25,
        brow_arch=0.0,
        brow_asym=0.55,
        lid=0.48,
        look=(0.85, 0.0),
        mouth="side",
        mouth_curve=0.0,
    ),
    "angry": Face(
        brow_raise=-0.45,
        brow_inner=-1.35,
        brow_arch=-0.1,
        lid=0.3,
        lid_tilt=0.6,
        iris_scale=0.9,
        mouth="tight",
        mouth_curve=-0.6,
    ),
    "anxious": Face(
        brow_raise=0.55,
        brow_inner=0.85,
        brow_arch=0.15,
        lid=0.0,
        iris_scale=0.72,
        look=(-0.7, 0.0),
        mouth="wavy",
        mouth_width=0.95,
        sweat=True,
    ),
    "surprised": Face(
        brow_raise=1.25,
        brow_arch=0.8,
        lid=0.0,
        eye_scale=1.12,
        eye_round=True,
        iris_scale=0.7,
        mouth="o",
    ),
}
assert set(FACES) == set(MOODS)


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


# --- the three kinds ------------------------------------------------------------------------


def _draw_person(size: tuple[int, int], character_id: str, mood: str, theme: str) -> pygame.Surface:
    look = appearance(character_id)
    f = _Frame.make(size, theme, look.head_width)
    f.card(look.backdrop)
    skin = look.skin
    scarf = look.hair_style == "headscarf"
    _draw_hair_back(f, look)
    _draw_neck(f, skin)
    _draw_torso(f, look)
    if scarf:
        _draw_headscarf(f, look, under=True)
    _draw_hair_over_shoulders(f, look)
    if not scarf:
        _draw_ears(f, skin)
    _draw_head(f, skin)
    if scarf:
        _draw_headscarf(f, look, under=False)
    else:
        _draw_hair_front(f, look)
    deep = _luma(skin) < 110
    brow_base = (
        look.hair if look.hair_style not in ("headscarf", "shaved", "bald") else HAIR_COLOURS[1]
    )
    brow = _mix(brow_base, INK, 0.55)
    if _luma(brow) > 70:
        brow = _mix(brow, INK, 0.5)
    ink = _Ink(
        skin=skin,
        line=_mix(INK, BLACK, 0.3) if deep else INK,
        brow=_hex("#120D0B") if deep else brow,
        lip=_hex("#1E0F0C") if deep else _mix(skin, _hex("#3A1310"), 0.62),
        eye_white=EYE_WHITE,
        iris=look.iris,
        soft=_mix(skin, BLACK, 0.22 if deep else 0.2),
    )
    _draw_face(f, ink, FACES[mood], look.glasses)
    f.finish()
    return f.surf


def _draw_inner(size: tuple[int, int], character_id: str, mood: str, theme: str) -> pygame.Surface:
    f = _Frame.make(size, theme)
    card = CARD[theme]
    accent = ACCENT[theme]
    disc = f.card(_mix(accent, card, 0.55))
    u, cx, cy, rx, ry = f.u, f.cx, f.cy, f.rx, f.ry
    body = _mix(card, accent, 0.34 if theme == "light" else 0.42)
    head = _mix(card, accent, 0.27 if theme == "light" else 0.36)
    # the translucent shoulders, fading away toward the bottom
    layer = pygame.Surface((f.w, f.h), pygame.SRCALPHA)
    pygame.draw.polygon(layer, (*body, 255), _torso_points(f, 0.95))
    rect = pygame.Rect(
        round(cx - 0.062 * u),
        round(cy + 0.1 * u),
        round(0.124 * u),
        round(f.neck_base - cy - 0.06 * u),
    )
    pygame.draw.rect(layer, (*body, 255), rect, border_radius=round(0.03 * u))
    fade = pygame.Surface((f.w, f.h), pygame.SRCALPHA)
    top = f.neck_base - 0.05 * u
    for y in range(f.h):
        a = 235 if y < top else round(235 - 175 * min(1.0, (y - top) / max(1.0, f.h - top)))
        pygame.draw.line(fade, (255, 255, 255, a), (0, y), (f.w, y))
    layer.blit(fade, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    f.surf.blit(layer, (0, 0))
    # a head with a soft, glowing edge
    for i in range(4):
        grow = (4 - i) * 0.008 * u
        _ellipse(f.surf, _mix(disc, head, (i + 1) / 5), cx, cy, rx + grow, ry + grow)
    _ellipse(f.surf, head, cx, cy, rx, ry)
    # a thought cloud rising from the head, to the upper right
    bubble = _mix(card, accent, 0.3 if theme == "light" else 0.38)
    for dx, dy, r in ((0.2, -0.17, 0.014), (0.235, -0.225, 0.02)):
        pygame.draw.circle(f.surf, bubble, (cx + dx * u, cy + dy * u), r * u)
    kx, ky = cx + 0.3 * u, cy - 0.31 * u
    for dx, dy, r in (
        (-0.045, 0.008, 0.032),
        (0.0, -0.012, 0.042),
        (0.048, 0.006, 0.033),
        (0.0, 0.02, 0.03),
    ):
        pygame.draw.circle(f.surf, bubble, (kx + dx * u, ky + dy * u), r * u)
    deep_line = _mix(accent, BLACK, 0.45) if theme == "light" else _mix(accent, WHITE, 0.6)
    ink = _Ink(
        skin=head,
        line=deep_line,
        brow=deep_line,
        lip=deep_line,
        eye_white=WHITE if theme == "light" else _mix(head, WHITE, 0.75),
        iris=_mix(accent, BLACK, 0.2) if theme == "light" else _mix(accent, BLACK, 0.45),
        soft=_mix(head, deep_line, 0.35),
    )
    _draw_face(f, ink, FACES[mood])
    f.finish()
    return f.surf


def _draw_narrator(size: tuple[int, int], mood: str, theme: str) -> pygame.Surface:
    f = _Frame.make(size, theme)
    card = CARD[theme]
    accent = ACCENT[theme]
    f.card(accent, centre_y=f.h / 2)
    u, cx = f.u, f.cx
    bcy = f.h / 2 + 0.05 * u
    pw, ph = 0.29 * u, 0.27 * u
    page = _mix(card, WHITE, 0.6) if theme == "light" else _mix(card, WHITE, 0.12)
    cover = accent
    edge = _mix(accent, BLACK, 0.2) if theme == "light" else _mix(accent, WHITE, 0.2)
    line = _mix(page, accent, 0.35)
    # the cover, a little larger than the pages
    for s in (-1, 1):
        poly = (
            _bez(
                (cx, bcy - ph / 2 + 0.045 * u),
                (cx + s * pw * 0.5, bcy - ph / 2 - 0.005 * u),
                (cx + s * (pw + 0.02 * u), bcy - ph / 2 + 0.01 * u),
                16,
            )
            + [(cx + s * (pw + 0.02 * u), bcy + ph / 2 + 0.04 * u)]
            + _bez(
                (cx + s * (pw + 0.02 * u), bcy + ph / 2 + 0.04 * u),
                (cx + s * pw * 0.5, bcy + ph / 2 + 0.02 * u),
                (cx, bcy + ph / 2 + 0.07 * u),
                16,
            )
        )
        pygame.draw.polygon(f.surf, cover, poly)
    for s in (-1, 1):
        top = _bez(
            (cx, bcy - ph / 2 + 0.02 * u),
            (cx + s * pw * 0.5, bcy - ph / 2 - 0.035 * u),
            (cx + s * pw, bcy - ph / 2),
            16,
        )
        bottom = _bez(
            (cx + s * pw, bcy + ph / 2),
            (cx + s * pw * 0.5, bcy + ph / 2 - 0.02 * u),
            (cx, bcy + ph / 2 + 0.035 * u),
            16,
        )
        poly = top + bottom
        pygame.draw.polygon(f.surf, page, poly)
        _brush(f.surf, edge, poly + [poly[0]], 0.004 * u)
        for i in range(5):
            y0 = bcy - ph / 2 + (0.055 + 0.042 * i) * u
            length = 0.16 if i != 4 else 0.1
            x0 = cx + s * 0.05 * u
            x1 = cx + s * (0.05 + length) * u
            _brush(
                f.surf,
                line,
                _bez(
                    (x0, y0 - 0.004 * u), ((x0 + x1) / 2, y0 - 0.016 * u), (x1, y0 - 0.006 * u), 10
                ),
                0.006 * u,
            )
    _brush(f.surf, edge, [(cx, bcy - ph / 2 + 0.02 * u), (cx, bcy + ph / 2 + 0.035 * u)], 0.004 * u)
    # a ribbon marker
    ribbon = _hex("#E0B25C") if theme == "dark" else _hex("#B07D3A")
    rx0 = cx + 0.17 * u
    pygame.draw.polygon(
        f.surf,
        ribbon,
        [
            (rx0 - 0.018 * u, bcy + ph / 2),
            (rx0 + 0.018 * u, bcy + ph / 2 + 0.005 * u),
            (rx0 + 0.018 * u, bcy + ph / 2 + 0.1 * u),
            (rx0, bcy + ph / 2 + 0.08 * u),
            (rx0 - 0.018 * u, bcy + ph / 2 + 0.095 * u),
        ],
    )
    # soft speech marks above the book
    qy = bcy - ph / 2 - 0.14 * u
    for s in (-1, 1):
        qx = cx + s * 0.04 * u
        pygame.draw.circle(f.surf, accent, (qx, qy), 0.026 * u)
        _brush(
            f.surf,
            accent,
            _bez(
                (qx + 0.02 * u, qy),
                (qx + 0.01 * u, qy - 0.05 * u),
                (qx - 0.03 * u, qy - 0.06 * u),
                12,
            ),
            0.012 * u,
            0.005 * u,
        )
    f.finish()
    return f.surf


# --- public API -------------------------------------------------------------------------------

_CACHE: OrderedDict[tuple, pygame.Surface] = OrderedDict()
_CACHE_SIZE = 256
_LOADED: OrderedDict[tuple, pygame.Surface | None] = OrderedDict()


def portrait_kind(character) -> str:
    """ "narrator", "inner" for an inner voice, or "person", from a Character."""
    cid = (getattr(character, "id", "") or "").lower()
    if cid == NARRATOR:
        return "narrator"
    name = (getattr(character, "name", "") or "").lower()
    words = name.replace("-", " ").replace("_", " ").split()
    for marker in INNER_MARKERS:
        if marker in cid or any(w.startswith(marker) for w in words):
            return "inner"
    return "person"


def _supersample(size: tuple[int, int]) -> int:
    return 3 if max(size) <= 260 else 2


def draw_portrait(
    character_id: str,
    mood: str,
    size: tuple[int, int] | int,
    *,
    kind: str = "person",
    theme: str = "light",
) -> pygame.Surface:
    """The drawn portrait of a character in a mood, as an SRCALPHA surface of ``size``.

    A single number asks for a square. Unknown moods draw as neutral, unknown
    kinds as a person and unknown themes as light. The result is cached and
    shared: do not draw on it.
    """
    w, h = _size(size, 8)
    if mood not in FACES:
        mood = DEFAULT_MOOD
    if kind not in KINDS:
        kind = "person"
    if theme not in THEMES:
        theme = "light"
    key = (character_id, mood, (w, h), kind, theme)
    hit = _CACHE.get(key)
    if hit is not None:
        _CACHE.move_to_end(key)
        return hit
    k = _supersample((w, h))
    big = (w * k, h * k)
    if kind == "narrator":
        surf = _draw_narrator(big, mood, theme)
    elif kind == "inner":
        surf = _draw_inner(big, character_id, mood, theme)
    else:
        surf = _draw_person(big, character_id, mood, theme)
    surf = pygame.transform.smoothscale(surf, (w, h))
    # smooth scaling can leave the opaque card a shade under 255; only the
    # rounded corners are meant to be see-through
    r = math.ceil(CORNER * _unit(w, h)) + 1
    for rect in (pygame.Rect(r, 0, w - 2 * r, h), pygame.Rect(0, r, w, h - 2 * r)):
        surf.fill((0, 0, 0, 255), rect, special_flags=pygame.BLEND_RGBA_MAX)
    _CACHE[key] = surf
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return surf


def face_box(size: tuple[int, int] | int) -> pygame.Rect:
    """Where the face (brows, eyes, mouth) sits in a drawn portrait of this size."""
    w, h = _size(size, 8)
    f = _Frame.make((w, h), "light")
    return pygame.Rect(
        round(f.cx - 0.15 * f.u),
        round(f.cy - 0.1 * f.u),
        round(0.3 * f.u),
        round(0.28 * f.u),
    ).clip(pygame.Rect(0, 0, w, h))


def _size(size: tuple[int, int] | int, least: int) -> tuple[int, int]:
    if isinstance(size, int | float):
        size = (size, size)
    return max(least, int(size[0])), max(least, int(size[1]))


def load_portrait(path: str | Path, size: tuple[int, int] | int) -> pygame.Surface | None:
    """An author's portrait image, scaled to fit inside ``size`` keeping its shape.

    Returns None (and logs a warning, once per file and size) when the file
    cannot be read as an image. Results are cached.
    """
    path = Path(path)
    w, h = _size(size, 1)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = None
    key = (str(path), stamp, (w, h))
    if key in _LOADED:
        return _LOADED[key]
    result: pygame.Surface | None
    try:
        image = pygame.image.load(str(path))
        iw, ih = image.get_size()
        if iw <= 0 or ih <= 0:
            raise ValueError("the image is empty")
        full = pygame.Surface((iw, ih), pygame.SRCALPHA)
        full.blit(image, (0, 0))
        scale = min(w / iw, h / ih)
        target = (max(1, round(iw * scale)), max(1, round(ih * scale)))
        result = pygame.transform.smoothscale(full, target)
    except (pygame.error, OSError, ValueError) as exc:
        log.warning("could not load the portrait %s (%s); drawing one instead", path, exc)
        result = None
    _LOADED[key] = result
    while len(_LOADED) > 64:
        _LOADED.popitem(last=False)
    return result


def clear_cache() -> None:
    """Forget every cached portrait (for tests, or after a theme change if memory matters)."""
    _CACHE.clear()
    _LOADED.clear()
