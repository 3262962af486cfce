"""Widgets and drawing helpers shared by every screen.

A :class:`Widget` is a focusable, clickable rectangle with a ``paint`` function;
screens build their widgets in ``layout()`` and the :class:`game.ui.scene.Scene`
base class gives them mouse hover, clicks, keyboard focus and a focus ring.
Everything else here draws: cards with soft shadows, buttons, the style badge
(colour, icon and word), skill chips, stars and a scroll view.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.core.vocab import PARTLY_ASSERTIVE, SKILLS, STYLES, StyleLabel, display_style
from game.ui.icons import draw_icon, label_icon

Paint = Callable[[pygame.Surface, pygame.Rect, "WidgetState"], None]


@dataclass
class WidgetState:
    focused: bool = False
    hovered: bool = False
    pressed: bool = False
    ring: bool = False  # show the focus ring (keyboard in use)


@dataclass(eq=False)
class Widget:
    key: str
    rect: pygame.Rect
    paint: Paint
    on_activate: Callable[[], None] | None = None
    on_key: Callable[[pygame.event.Event], bool] | None = None  # e.g. left/right on a slider
    on_click_at: Callable[[tuple[int, int]], None] | None = None  # sliders: click position
    focusable: bool = True
    content_rect: pygame.Rect | None = None  # position inside a scroll view's content
    tooltip: str = ""
    alpha: int = 255
    extra: dict = field(default_factory=dict)


# ---------------------------------------------------------------------------
# Drawing helpers
# ---------------------------------------------------------------------------
_shadow_cache: dict[tuple, pygame.Surface] = {}


def shadow(surface: pygame.Surface, rect: pygame.Rect, radius: int, color, spread: int) -> None:
    key = (rect.size, radius, tuple(color), spread)
    surf = _shadow_cache.get(key)
    if surf is None:
        w, h = rect.width + spread * 4, rect.height + spread * 4
        surf = pygame.Surface((w, h), pygame.SRCALPHA)
        r, g, b, a = color
        layers = 4
        for i in range(layers):
            grow = spread * 2 - i * spread // 2
            alpha = max(1, a // (layers - i + 1))
            pygame.draw.rect(
                surf,
                (r, g, b, alpha),
                pygame.Rect(
                    spread * 2 - grow,
                    spread * 2 - grow,
                    rect.width + grow * 2,
                    rect.height + grow * 2,
                ),
                border_radius=radius + grow,
            )
        if len(_shadow_cache) > 400:
            _shadow_cache.clear()
        _shadow_cache[key] = surf
    surface.blit(surf, (rect.x - spread * 2, rect.y - spread * 2 + spread // 2))


def card(
    surface: pygame.Surface,
    rect: pygame.Rect,
    ui,
    *,
    fill=None,
    border=None,
    raised: bool = True,
    radius: int | None = None,
    width: int = 1,
    stripe=None,
) -> None:
    """A rounded card; ``stripe`` is a colour for a band down its left edge (style or tone)."""
    pal = ui.theme.palette
    radius = ui.theme.radius if radius is None else radius
    if raised:
        shadow(surface, rect, radius, pal.shadow, max(2, ui.theme.sp(4)))
    pygame.draw.rect(surface, fill or pal.card, rect, border_radius=radius)
    if border is not False:
        pygame.draw.rect(surface, border or pal.line, rect, width=width, border_radius=radius)
    if stripe is not None:
        band = pygame.Rect(rect.x, rect.y, ui.theme.sp(6), rect.height)
        pygame.draw.rect(
            surface,
            stripe,
            band,
            border_top_left_radius=radius,
            border_bottom_left_radius=radius,
        )


def focus_ring(surface: pygame.Surface, rect: pygame.Rect, ui, radius: int | None = None) -> None:
    gap = max(3, ui.theme.sp(4))
    radius = ui.theme.radius if radius is None else radius
    pygame.draw.rect(
        surface,
        ui.theme.palette.focus,
        rect.inflate(gap * 2, gap * 2),
        width=max(2, ui.theme.sp(3)),
        border_radius=radius + gap,
    )


def mix(a, b, t: float):
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def fade_surface(surface: pygame.Surface, rect: pygame.Rect, color, alpha: int) -> None:
    """Lay a veil of ``color`` over ``rect`` (used to fade cards out)."""
    if alpha <= 0:
        return
    veil = pygame.Surface(rect.size, pygame.SRCALPHA)
    veil.fill((*color[:3], max(0, min(255, alpha))))
    surface.blit(veil, rect)


def button_painter(
    ui, label: str, kind: str = "secondary", icon: str | None = None, hint: str = ""
) -> Paint:
    """A painter for a pill-shaped button. ``kind``: primary, secondary or quiet."""

    def paint(surface: pygame.Surface, rect: pygame.Rect, st: WidgetState) -> None:
        pal = ui.theme.palette
        radius = rect.height // 2
        if kind == "primary":
            fill = mix(pal.accent, pal.text, 0.15) if (st.hovered or st.pressed) else pal.accent
            fg = pal.accent_text
            card(surface, rect, ui, fill=fill, border=False, radius=radius, raised=True)
        elif kind == "quiet":
            fill = pal.hover if (st.hovered or st.focused) else pal.bg
            fg = pal.text
            pygame.draw.rect(surface, fill, rect, border_radius=radius)
        else:
            fill = pal.hover if st.hovered else pal.card
            fg = pal.text
            card(surface, rect, ui, fill=fill, border=pal.line, radius=radius, raised=True)
        role = "body_bold"
        inner = rect.inflate(-ui.theme.sp(16), 0)
        text = ui.text.shorten(label, role, inner.width - (rect.height if icon else 0))
        tw = ui.text.width_of(text, role)
        x0 = rect.centerx - (tw + (rect.height * 0.6 if icon else 0)) / 2
        if icon:
            isz = int(rect.height * 0.4)
            icon_rect = pygame.Rect(int(x0), rect.centery - isz // 2, isz, isz)
            draw_icon(surface, icon, icon_rect, fg)
            x0 += rect.height * 0.6
        ui.text.draw_line(
            surface, text, (int(x0), rect.centery), role, fg, anchor="midleft", container=rect
        )
        if st.ring:
            focus_ring(surface, rect, ui, radius=radius)

    return paint


def as_label(label: StyleLabel | str, points: int | None = None) -> StyleLabel:
    """A :class:`StyleLabel` as it is; a bare style id labelled by ``points`` when given
    (so 5 to 7 assertive points read "Partly assertive"), else by its own word."""
    if isinstance(label, StyleLabel):
        return label
    if points is not None:
        return display_style(label, points)
    return display_style(label, STYLES[label].high if label in STYLES else 0)


def style_colour(pal, label: StyleLabel | str):
    """The colour of a style label: Partly assertive shares the assertive hue."""
    lab = as_label(label)
    return pal.styles.get(lab.style, pal.muted)


def style_badge(
    surface: pygame.Surface,
    pos: tuple[int, int],
    label: StyleLabel | str,
    ui,
    *,
    role: str = "small_bold",
    points: int | None = None,
) -> pygame.Rect:
    """The one style badge of the game: a pill with the label's icon and word in its colour.

    Pass the reply's label (``choice.label`` or ``display_style(style, points)``) so an
    assertive reply of 5 to 7 points shows as "Partly assertive": the same hue as
    Assertive, a lighter fill, a dashed edge and a half-drawn icon. Returns its rect
    (top-left at ``pos``). A bare style id with ``points`` is labelled the same way.
    """
    lab = as_label(label, points)
    r = badge_rect(pos, lab, ui, role=role)
    pal = ui.theme.palette
    col = style_colour(pal, lab)
    partly = lab.key == PARTLY_ASSERTIVE
    radius = r.height // 2
    pygame.draw.rect(surface, mix(pal.card, col, 0.05 if partly else 0.12), r, border_radius=radius)
    edge = mix(pal.card, col, 0.45)
    if partly:
        dashed_pill(surface, r, edge)
    else:
        pygame.draw.rect(surface, edge, r, width=1, border_radius=radius)
    isz = int(r.height * 0.56)
    pad = r.height // 2
    label_icon(surface, pygame.Rect(r.x + pad - 2, r.centery - isz // 2, isz, isz), lab.key, col)
    ui.text.draw_line(
        surface,
        lab.word,
        (r.x + pad + isz + ui.theme.sp(6), r.centery),
        role,
        col,
        anchor="midleft",
        container=r,
    )
    return r


def dashed_pill(surface: pygame.Surface, r: pygame.Rect, color) -> None:
    """A pill's outline drawn in short dashes (the Partly assertive badge's edge)."""
    radius = r.height // 2
    steps = max(12, (2 * (r.width - r.height) + int(math.pi * r.height)) // 6)
    perim = 2 * (r.width - 2 * radius) + 2 * math.pi * radius
    for i in range(0, steps, 2):
        a = _pill_point(r, radius, perim * i / steps)
        b = _pill_point(r, radius, perim * (i + 1) / steps)
        pygame.draw.line(surface, color, a, b, 1)


def _pill_point(r: pygame.Rect, radius: int, d: float) -> tuple[float, float]:
    """The point ``d`` along a pill's outline, clockwise from the top-left of its top edge."""
    straight = r.width - 2 * radius
    arc = math.pi * radius
    if d < straight:
        return (r.x + radius + d, r.y)
    d -= straight
    if d < arc:
        ang = -math.pi / 2 + d / radius
        return (r.right - radius + math.cos(ang) * radius, r.centery + math.sin(ang) * radius)
    d -= arc
    if d < straight:
        return (r.right - radius - d, r.bottom - 1)
    d -= straight
    ang = math.pi / 2 + d / radius
    return (r.x + radius + math.cos(ang) * radius, r.centery + math.sin(ang) * radius)


def badge_rect(
    pos: tuple[int, int],
    label: StyleLabel | str,
    ui,
    *,
    role: str = "small_bold",
    points: int | None = None,
) -> pygame.Rect:
    lab = as_label(label, points)
    h = ui.text.line_height(role) + ui.theme.sp(8)
    isz = int(h * 0.56)
    w = h // 2 + isz + ui.theme.sp(6) + ui.text.width_of(lab.word, role) + h // 2
    return pygame.Rect(pos[0], pos[1], w, h)


def chip_rect(pos: tuple[int, int], skill_id: str, ui) -> pygame.Rect:
    role = "small"
    h = ui.text.line_height(role) + ui.theme.sp(6)
    w = ui.text.width_of(SKILLS[skill_id].name, role) + h
    return pygame.Rect(pos[0], pos[1], w, h)


def chip_painter(ui, skill_id: str) -> Paint:
    def paint(surface: pygame.Surface, rect: pygame.Rect, st: WidgetState) -> None:
        pal = ui.theme.palette
        fill = mix(pal.soft, pal.accent, 0.18) if (st.hovered or st.focused) else pal.soft
        pygame.draw.rect(surface, fill, rect, border_radius=rect.height // 2)
        ui.text.draw_line(
            surface,
            SKILLS[skill_id].name,
            rect.center,
            "small",
            pal.text,
            anchor="center",
            container=rect,
        )
        if st.ring:
            focus_ring(surface, rect, ui, radius=rect.height // 2)

    return paint


def star_points(center, r_outer: float, r_inner: float):
    cx, cy = center
    pts = []
    for i in range(10):
        ang = -math.pi / 2 + i * math.pi / 5
        r = r_outer if i % 2 == 0 else r_inner
        pts.append((cx + math.cos(ang) * r, cy + math.sin(ang) * r))
    return pts


def stars(
    surface: pygame.Surface,
    center: tuple[int, int],
    count: int,
    size: int,
    ui,
    *,
    fill: float = 1.0,
) -> pygame.Rect:
    """Three stars centred at ``center``; ``fill`` (0..1) animates them filling in."""
    pal = ui.theme.palette
    gap = size * 1.25
    x0 = center[0] - gap
    for i in range(3):
        c = (x0 + gap * i, center[1])
        pts = star_points(c, size / 2, size / 4.4)
        pygame.draw.polygon(surface, pal.star_empty, pts)
        amount = max(0.0, min(1.0, fill * 3 - i)) if i < count else 0.0
        if amount > 0:
            s = max(0.2, amount)
            pygame.draw.polygon(surface, pal.star, star_points(c, size / 2 * s, size / 4.4 * s))
    return pygame.Rect(
        int(x0 - size / 2), int(center[1] - size / 2), int(gap * 2 + size), int(size)
    )


def slider_painter(
    ui, label: str, get_value: Callable[[], float], text_of: Callable[[float], str]
) -> Paint:
    def paint(surface: pygame.Surface, rect: pygame.Rect, st: WidgetState) -> None:
        pal = ui.theme.palette
        track = slider_track(rect, ui)
        v = get_value()
        pygame.draw.rect(surface, pal.line, track, border_radius=track.height // 2)
        filled = track.copy()
        filled.width = max(track.height, int(track.width * v))
        pygame.draw.rect(surface, pal.accent, filled, border_radius=track.height // 2)
        knob_r = track.height * 2
        pygame.draw.circle(
            surface, pal.card, (track.x + int(track.width * v), track.centery), knob_r
        )
        pygame.draw.circle(
            surface,
            pal.accent,
            (track.x + int(track.width * v), track.centery),
            knob_r,
            width=max(2, knob_r // 3),
        )

    return paint


def slider_track(rect: pygame.Rect, ui) -> pygame.Rect:
    h = max(4, ui.theme.sp(6))
    return pygame.Rect(rect.x + h * 2, rect.centery - h // 2, rect.width - h * 4, h)


class ScrollView:
    """A vertical viewport over content taller than the screen."""

    def __init__(self) -> None:
        self.viewport = pygame.Rect(0, 0, 1, 1)
        self.content_height = 0
        self.offset = 0

    @property
    def max_offset(self) -> int:
        return max(0, self.content_height - self.viewport.height)

    def clamp(self) -> None:
        self.offset = max(0, min(self.max_offset, self.offset))

    def scroll(self, dy: int) -> bool:
        old = self.offset
        self.offset += dy
        self.clamp()
        return self.offset != old

    def to_screen(self, r: pygame.Rect) -> pygame.Rect:
        return pygame.Rect(r.x, r.y + self.viewport.y - self.offset, r.width, r.height)

    def ensure_visible(self, r: pygame.Rect, margin: int = 0) -> bool:
        old = self.offset
        if r.top - margin < self.offset:
            self.offset = r.top - margin
        elif r.bottom + margin > self.offset + self.viewport.height:
            self.offset = r.bottom + margin - self.viewport.height
        self.clamp()
        return old != self.offset

    def draw_bar(self, surface: pygame.Surface, ui) -> None:
        if self.max_offset <= 0:
            return
        pal = ui.theme.palette
        v = self.viewport
        w = max(4, ui.theme.sp(5))
        track = pygame.Rect(
            v.right + ui.theme.sp(6), v.y + ui.theme.sp(4), w, v.height - ui.theme.sp(8)
        )
        pygame.draw.rect(surface, pal.line, track, border_radius=w // 2)
        h = max(w * 4, int(track.height * v.height / self.content_height))
        y = track.y + int((track.height - h) * self.offset / self.max_offset)
        pygame.draw.rect(surface, pal.muted, (track.x, y, w, h), border_radius=w // 2)
