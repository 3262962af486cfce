"""The play screen's top bar: the title and the progress dots."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.widgets import mix

if TYPE_CHECKING:
    from game.ui.scenes.play import PlayScene


MAX_DOTS = 12


def draw_topbar(scene: PlayScene, surface: pygame.Surface) -> None:
    """The top bar: the scenario's title on the left, progress dots in the middle."""
    th = scene.services.theme
    pal = th.palette
    t = scene.services.text
    w = surface.get_width()
    tb = scene.topbar
    pygame.draw.line(surface, pal.line, (0, tb.bottom), (w, tb.bottom))
    # progress dots
    p = scene.playthrough
    done = len(p.decisions)
    current_node = p.node_id
    remaining = scene.scenario.decisions_left(current_node)
    total = done + remaining
    current = done - 1 if scene.phase == "feedback" else done
    r = max(4, th.sp(6))
    gap = r * 3
    # A very long scenario shows only "N of M": more dots than this would crowd the bar.
    dots = total if total <= MAX_DOTS else 0
    step_text = f"{min(current + 1, total)} of {total}"
    dots_w = dots * 2 * r + (dots - 1) * (gap - 2 * r) if dots else t.width_of(step_text, "small")
    cx = w // 2 - dots_w // 2 + r
    for i in range(dots):
        c = (cx + i * gap, tb.centery)
        if i < current or (i == current and scene.phase == "feedback"):
            pygame.draw.circle(surface, pal.accent, c, r)
        elif i == current:
            pygame.draw.circle(surface, pal.accent, c, r + 2, width=2)
            pygame.draw.circle(surface, mix(pal.bg, pal.accent, 0.35), c, r - 2)
        else:
            pygame.draw.circle(surface, pal.line, c, r)
    if dots:
        t.draw_line(
            surface,
            step_text,
            (cx + (dots - 1) * gap + r + th.sp(16), tb.centery),
            "small",
            pal.muted,
            anchor="midleft",
        )
    else:
        t.draw_line(surface, step_text, (w // 2, tb.centery), "small", pal.muted, anchor="center")
    # title on the left, kept clear of the dots
    margin = th.sp(40)
    dots_left = w // 2 - dots_w // 2
    room = dots_left - margin - th.sp(24)
    if p.playtest:  # an author's playtest from a later beat: said quietly, after the title
        mark = t.shorten(f"Playtest from {p.started_from}", "small", room // 2)
        mark_w = t.width_of(mark, "small") + th.sp(16)
        t.draw_line(
            surface, mark, (margin + room, tb.centery), "small", pal.muted, anchor="midright"
        )
        room -= mark_w
    title = t.shorten(scene.scenario.title, "subheading", room)
    t.draw_line(
        surface,
        title,
        (margin, tb.centery),
        "subheading",
        pal.text,
        anchor="midleft",
        container=pygame.Rect(margin, tb.y, room, tb.height),
    )
