"""Every small drawn icon: the style icons, the button icons, the padlock, the seal.

Icons are drawn with shapes (no image files), so they stay sharp at any size.
"""

from __future__ import annotations

import math

import pygame

from game.core.vocab import STYLES


def draw_icon(surface: pygame.Surface, name: str, rect: pygame.Rect, color) -> None:
    w = max(2, rect.width // 7)
    if name == "pause":
        bw = max(2, rect.width // 4)
        pygame.draw.rect(
            surface, color, (rect.x + rect.width // 6, rect.y, bw, rect.height), border_radius=2
        )
        pygame.draw.rect(
            surface,
            color,
            (rect.right - rect.width // 6 - bw, rect.y, bw, rect.height),
            border_radius=2,
        )
    elif name == "back":
        pts = [
            (rect.right, rect.y),
            (rect.x + rect.width // 3, rect.centery),
            (rect.right, rect.bottom),
        ]
        pygame.draw.lines(surface, color, False, pts, w)
    elif name == "play":
        pygame.draw.polygon(
            surface,
            color,
            [(rect.x + 2, rect.y), (rect.right, rect.centery), (rect.x + 2, rect.bottom)],
        )
    elif name == "warning":
        draw_warning_mark(surface, rect, color)
    elif name in STYLES:
        style_icon(surface, rect, name, color)


def draw_warning_mark(surface: pygame.Surface, rect: pygame.Rect, color) -> None:
    """A soft round "!" mark (a content note, not an alarm)."""
    r = min(rect.width, rect.height) // 2
    c = rect.center
    pygame.draw.circle(surface, color, c, r, width=max(2, r // 5))
    lw = max(2, r // 4)
    pygame.draw.line(surface, color, (c[0], c[1] - r // 2), (c[0], c[1] + r // 8), lw)
    pygame.draw.circle(surface, color, (c[0], c[1] + r // 2 - 1), max(1, lw // 2 + 1))


def style_icon(surface: pygame.Surface, rect: pygame.Rect, style: str, color) -> None:
    """Icon for a style: a balanced scale, a downward arrow, a spike, a wavy line."""
    x, y, w, h = rect
    lw = max(2, round(w / 8))
    if style == "assertive":
        cx = x + w // 2
        pygame.draw.line(surface, color, (cx, y + h * 0.12), (cx, y + h * 0.9), lw)
        pygame.draw.line(surface, color, (x + w * 0.1, y + h * 0.3), (x + w * 0.9, y + h * 0.3), lw)
        pygame.draw.line(
            surface, color, (x + w * 0.25, y + h * 0.9), (x + w * 0.75, y + h * 0.9), lw
        )
        for px in (x + w * 0.18, x + w * 0.82):
            pygame.draw.arc(
                surface,
                color,
                pygame.Rect(px - w * 0.16, y + h * 0.36, w * 0.32, h * 0.3),
                math.pi,
                2 * math.pi,
                lw,
            )
    elif style == "passive":
        cx = x + w // 2
        pygame.draw.line(surface, color, (cx, y + h * 0.1), (cx, y + h * 0.85), lw)
        pygame.draw.lines(
            surface,
            color,
            False,
            [(x + w * 0.22, y + h * 0.55), (cx, y + h * 0.88), (x + w * 0.78, y + h * 0.55)],
            lw,
        )
    elif style == "aggressive":
        pts = [
            (x + w * 0.05, y + h * 0.85),
            (x + w * 0.35, y + h * 0.85),
            (x + w * 0.5, y + h * 0.08),
            (x + w * 0.65, y + h * 0.85),
            (x + w * 0.95, y + h * 0.85),
        ]
        pygame.draw.lines(surface, color, False, pts, lw)
    else:  # passive-aggressive: a wavy line
        pts = []
        for i in range(21):
            t = i / 20
            pts.append((x + w * (0.05 + 0.9 * t), y + h / 2 + math.sin(t * math.pi * 3) * h * 0.25))
        pygame.draw.lines(surface, color, False, pts, lw)


def half_icon(surface: pygame.Surface, rect: pygame.Rect, style: str, color, faint) -> None:
    """A style icon drawn half in full colour and half faint: "partly" that style."""
    style_icon(surface, rect, style, faint)
    left = pygame.Rect(rect.x - 2, rect.y - 2, rect.width // 2 + 2, rect.height + 4)
    old = surface.get_clip()
    surface.set_clip(left.clip(old) if old else left)
    style_icon(surface, rect, style, color)
    surface.set_clip(old)


def lock_icon(surface: pygame.Surface, rect: pygame.Rect, color) -> None:
    """A small padlock: something not found yet."""
    w = max(2, rect.width // 8)
    body = pygame.Rect(rect.x, rect.y + rect.height * 0.45, rect.width, rect.height * 0.55)
    shackle = pygame.Rect(rect.x + rect.width * 0.2, rect.y, rect.width * 0.6, rect.height * 0.9)
    pygame.draw.arc(surface, color, shackle, 0, 3.1416, w)
    pygame.draw.line(surface, color, (shackle.x, shackle.centery), (shackle.x, body.y), w)
    pygame.draw.line(
        surface, color, (shackle.right - 1, shackle.centery), (shackle.right - 1, body.y), w
    )
    pygame.draw.rect(surface, color, body, border_radius=max(1, rect.width // 6))


def seal_icon(surface: pygame.Surface, center, radius: int, color, fill) -> None:
    """A round seal with a tick: a milestone reached."""
    pygame.draw.circle(surface, fill, center, radius)
    pygame.draw.circle(surface, color, center, radius, max(2, radius // 6))
    cx, cy = center
    r = radius * 0.5
    pygame.draw.lines(
        surface,
        color,
        False,
        [(cx - r, cy), (cx - r * 0.25, cy + r * 0.7), (cx + r, cy - r * 0.6)],
        max(2, radius // 5),
    )
