"""The scenario list's cards: how one scenario's card is measured and painted.

Mixed into :class:`game.ui.scenes.browser.BrowserScene`.
"""

from __future__ import annotations

import pygame

from game.core.vocab import DIFFICULTIES
from game.ui.icons import draw_warning_mark
from game.ui.labels import category_label
from game.ui.scenes.controls import (
    small_button_size,
)
from game.ui.widgets import WidgetState, card, focus_ring, mix, stars


def difficulty_dots(surface, pos, level: int, ui, color) -> int:
    """Three small dots, ``level`` of them filled; returns the width used."""
    r = max(3, ui.theme.sp(4))
    x, y = pos
    for i in range(3):
        c = (x + r + i * r * 3, y)
        if i < level:
            pygame.draw.circle(surface, color, c, r)
        else:
            pygame.draw.circle(surface, color, c, r, width=1)
    return r * 2 + 2 * r * 3


class BrowserCards:
    """The scenario list's cards: how one scenario's card is measured and painted."""

    def actions_width(self) -> int:
        """Room kept for the Map and Review buttons on every row, so the rows line up."""
        th = self.services.theme
        return sum(
            small_button_size(self.services, label)[0] for label in ("Map", "Review")
        ) + th.sp(8 + 16)

    # -- cards --------------------------------------------------------------------
    def card_height(self, width: int) -> int:
        th = self.services.theme
        t = self.services.text
        return (
            th.sp(20) * 2
            + t.line_height("subheading")
            + th.sp(4)
            + t.line_height("small")
            + th.sp(6)
            + t.line_height("body")
        )

    def right_width(self) -> int:
        return self.services.theme.sp(170)

    def card_painter(self, sc):
        def paint(surface: pygame.Surface, rect: pygame.Rect, st: WidgetState) -> None:
            th = self.services.theme
            pal = th.palette
            t = self.services.text
            hovered = st.hovered or self.hover_key in (f"map:{sc.id}", f"review:{sc.id}")
            card(
                surface,
                rect,
                self.services,
                fill=pal.hover if hovered else pal.card,
                border=pal.accent if hovered else pal.line,
            )
            pad = th.sp(20)
            right_w = self.right_width()
            left = pygame.Rect(
                rect.x + pad,
                rect.y + pad,
                rect.width - 2 * pad - right_w - th.sp(16) - self.actions_width(),
                rect.height - 2 * pad,
            )
            y = left.y
            title = t.shorten(sc.title, "subheading", left.width)
            t.draw_line(surface, title, (left.x, y), "subheading", pal.text, container=left)
            y += t.line_height("subheading") + th.sp(4)
            # meta line: difficulty dots + word, content note
            lh = t.line_height("small")
            x = left.x
            if self.sort != "menu":
                cat = t.draw_line(
                    surface,
                    category_label(sc.category),
                    (x, y + lh // 2),
                    "small_bold",
                    pal.muted,
                    anchor="midleft",
                    container=left,
                )
                x = cat.right + th.sp(16)
            x += difficulty_dots(
                surface, (x, y + lh // 2), sc.difficulty, self.services, pal.accent
            ) + th.sp(8)
            r = t.draw_line(
                surface,
                DIFFICULTIES.get(sc.difficulty, ""),
                (x, y + lh // 2),
                "small_bold",
                pal.accent,
                anchor="midleft",
                container=left,
            )
            x = r.right + th.sp(20)
            if sc.content_warning:
                m = lh - 2
                draw_warning_mark(
                    surface, pygame.Rect(x, y + 1, m, m), pal.styles["passive-aggressive"]
                )
                cw_text = t.shorten("Content note", "small", max(10, left.right - x - m - th.sp(6)))
                x = t.draw_line(
                    surface,
                    cw_text,
                    (x + m + th.sp(6), y + lh // 2),
                    "small",
                    pal.muted,
                    anchor="midleft",
                    container=left,
                ).right + th.sp(20)
            if sc.id in self.packs and left.right - x > th.sp(60):  # quietly, where it fits
                words = t.shorten(f"From the pack: {self.packs[sc.id]}", "small", left.right - x)
                t.draw_line(surface, words, (x, y + lh // 2), "small", pal.muted,
                            anchor="midleft", container=left)  # fmt: skip
            y += lh + th.sp(6)
            summary = t.shorten(sc.summary, "body", left.width)
            t.draw_line(surface, summary, (left.x, y), "body", pal.muted, container=left)
            # right column: best score or "New"
            right = pygame.Rect(
                rect.right - pad - right_w, rect.y + pad, right_w, rect.height - 2 * pad
            )
            summ = self.summaries.get(sc.id)
            if summ is None:
                label = "New"
                pw = t.width_of(label, "small_bold") + th.sp(24)
                ph = t.line_height("small_bold") + th.sp(8)
                pill = pygame.Rect(right.right - pw, right.centery - ph // 2, pw, ph)
                pygame.draw.rect(
                    surface, mix(pal.card, pal.accent, 0.14), pill, border_radius=ph // 2
                )
                t.draw_line(
                    surface,
                    label,
                    pill.center,
                    "small_bold",
                    pal.accent,
                    anchor="center",
                    container=pill,
                )
            else:
                r1 = t.draw_line(
                    surface,
                    f"{summ.best_percent}%",
                    (right.right, right.y),
                    "heading",
                    pal.text,
                    anchor="topright",
                    container=right,
                )
                sz = t.line_height("small")
                stars(
                    surface,
                    (right.right - int(sz * 1.25) - sz // 2, r1.bottom + sz // 2 + th.sp(2)),
                    summ.best_stars,
                    sz,
                    self.services,
                )
                tries = f"{summ.attempts} {'try' if summ.attempts == 1 else 'tries'}"
                t.draw_line(
                    surface,
                    tries,
                    (right.right - sz * 4 - th.sp(8), r1.bottom + sz // 2 + th.sp(2)),
                    "small",
                    pal.muted,
                    anchor="midright",
                    container=right,
                )
            if st.ring:
                focus_ring(surface, rect, self.services)

        return paint
