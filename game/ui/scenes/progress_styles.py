"""The progress screen's style mix: the labels a player reads, over time.

An assertive reply of 5 to 7 points counts as "Partly assertive" here too
(its own colour band: the assertive hue, lighter, with a half-drawn icon).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.vocab import PARTLY_ASSERTIVE, display_style
from game.history import stats
from game.ui.icons import label_icon
from game.ui.labels import short_day
from game.ui.widgets import card, mix

if TYPE_CHECKING:
    from game.ui.scenes.common import Flow
    from game.ui.scenes.progress import ProgressScene


def label_word(key: str) -> str:
    """The word of a style label key ("partly-assertive" -> "Partly assertive")."""
    if key == PARTLY_ASSERTIVE:
        return display_style("assertive", 5).word
    return display_style(key, 10).word


def label_colour(pal, key: str):
    return pal.styles.get("assertive" if key == PARTLY_ASSERTIVE else key, pal.muted)


def build_styles(scene: ProgressScene, flow: Flow) -> None:
    """The mix of labels chosen over time, oldest at the top, with each label's share."""
    th, ui = scene.services.theme, scene.services
    pal = th.palette
    scene.section(
        flow,
        "The replies you choose",
        "Oldest playthroughs at the top, newest at the bottom.",
    )
    total = sum(scene.totals.values()) or 1
    pad = th.sp(20)
    inner_w = flow.width - 2 * pad
    # legend: icon, word and overall share for each style, wrapped into rows
    legend = []
    for sid in stats.LABEL_KEYS:
        word = label_word(sid)
        text = f"{word} {round(100 * scene.totals[sid] / total)}%"
        w = th.sp(22) + th.sp(6) + ui.text.width_of(text, "small_bold")
        legend.append((sid, text, w))
    lh = ui.text.line_height("small_bold")
    x, rows = 0, 1
    for _, _, w in legend:
        if x and x + w > inner_w:
            rows, x = rows + 1, 0
        x += w + th.sp(24)
    legend_h = rows * (lh + th.sp(6))
    label_w = ui.text.width_of("30 Dec – 30 Dec", "small") + th.sp(12)
    bar_h = max(th.sp(18), ui.text.line_height("small"))
    bars_h = len(scene.mix) * (bar_h + th.sp(8))
    height = pad + legend_h + th.sp(12) + bars_h + pad

    def draw(surface, rect):
        card(surface, rect, ui, raised=False)
        x, y = rect.x + pad, rect.y + pad
        for sid, text, w in legend:
            if x > rect.x + pad and x + w > rect.x + pad + inner_w:
                x, y = rect.x + pad, y + lh + th.sp(6)
            col = label_colour(pal, sid)
            label_icon(
                surface,
                pygame.Rect(x, y + (lh - th.sp(20)) // 2, th.sp(20), th.sp(20)),
                sid,
                col,
            )
            ui.text.draw_line(surface, text, (x + th.sp(28), y), "small_bold", col, container=rect)
            x += w + th.sp(24)
        y = rect.y + pad + legend_h + th.sp(12)
        for b in scene.mix:
            label = short_day(b.first)
            if short_day(b.last) != label:
                label += f" – {short_day(b.last)}"
            ui.text.draw_line(
                surface, label, (rect.x + pad, y + bar_h // 2), "small", pal.muted,
                anchor="midleft", container=rect,
            )  # fmt: skip
            bar = pygame.Rect(rect.x + pad + label_w, y, inner_w - label_w, bar_h)
            pygame.draw.rect(surface, pal.soft, bar, border_radius=bar_h // 3)
            bx = bar.x
            for sid in stats.LABEL_KEYS:
                share = b.share(sid)
                if share <= 0:
                    continue
                w = round(bar.width * share)
                seg = pygame.Rect(bx, bar.y, min(w, bar.right - bx), bar.height)
                col = label_colour(pal, sid)
                if sid == PARTLY_ASSERTIVE:  # the assertive hue, lighter
                    col = mix(pal.card, col, 0.6)
                pygame.draw.rect(surface, col, seg)
                if seg.width >= bar_h:  # the icon too, so colour is never alone
                    isz = bar_h - th.sp(6)
                    label_icon(
                        surface, pygame.Rect(seg.x + th.sp(4), seg.y + th.sp(3), isz, isz),
                        sid, label_colour(pal, sid) if sid == PARTLY_ASSERTIVE else pal.card,
                    )  # fmt: skip
                bx += w
            y += bar_h + th.sp(8)

    flow.block(height, draw)
