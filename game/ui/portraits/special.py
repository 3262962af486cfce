"""The two figures that are not people: an inner voice and the narrator's book."""

from __future__ import annotations

import pygame

from game.ui.portraits.bust import _torso_points
from game.ui.portraits.face import _draw_face, _Ink
from game.ui.portraits.frame import _Frame
from game.ui.portraits.geometry import _bez, _brush, _ellipse
from game.ui.portraits.moods import FACES
from game.ui.portraits.palette import ACCENT, BLACK, CARD, WHITE, _hex, _mix


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
