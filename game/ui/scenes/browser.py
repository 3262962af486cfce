"""The scenario browser: scenarios grouped by category, and files that failed to load."""

from __future__ import annotations

import pygame

from game.core.problems import display_path
from game.core.vocab import DIFFICULTIES
from game.ui.scenes.common import Flow, Page
from game.ui.widgets import Widget, WidgetState, card, draw_warning_mark, focus_ring, mix, stars


def category_label(category: str) -> str:
    return category.replace("-", " ").replace("_", " ").capitalize()


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


class BrowserScene(Page):
    name = "browser"
    title = "Choose a scenario"
    max_body_width = 960

    def __init__(self, app) -> None:
        super().__init__(app)
        self.library = app.library
        self.summaries = {}
        self._load_summaries()

    def _load_summaries(self) -> None:
        self.summaries = {}
        if self.app.history is not None:
            try:
                self.summaries = self.app.history.summaries()
            except Exception:  # noqa: BLE001 - the list works without history
                self.summaries = {}

    def on_resume(self) -> None:
        self._load_summaries()
        super().on_resume()

    def subtitle(self) -> str:
        n = len(self.library.scenarios)
        if n == 0:
            return "No scenarios yet."
        return f"{n} scenario{'s' if n != 1 else ''}. Each one takes a few minutes."

    def build(self, flow: Flow) -> None:
        th = self.app.theme
        pal = th.palette
        current = None
        if not self.library.scenarios:
            flow.gap(24)
            flow.text("No scenarios could be found.", "heading")
            flow.gap(8)
            extra = getattr(self.library, "error", "")
            flow.text(
                f"Scenario files go in {self.app.paths.user_scenarios}."
                + (f" ({extra})" if extra else ""),
                "body",
                pal.muted,
            )
        for sc in self.library.scenarios:
            if sc.category != current:
                current = sc.category
                flow.gap(16 if flow.y > th.sp(16) else 0)
                flow.text(category_label(current), "subheading", pal.muted)
                flow.gap(8)
            h = self.card_height(flow.width)
            r = pygame.Rect(flow.x, flow.y, flow.width, h)
            flow.widget(
                Widget(f"scenario:{sc.id}", r, self.card_painter(sc), lambda sc=sc: self.open(sc))
            )
            flow.gap(12)
        if self.library.broken:
            flow.gap(24)
            flow.text("Files that could not be loaded", "subheading", pal.muted)
            flow.gap(4)
            flow.text(
                "These files have a problem, so they are not in the list above. Run "
                "'python main.py validate' for every detail.",
                "small",
                pal.muted,
            )
            flow.gap(8)
            for bf in self.library.broken:
                self.broken_card(flow, bf)
                flow.gap(8)

    # -- cards --------------------------------------------------------------------
    def card_height(self, width: int) -> int:
        th = self.app.theme
        t = self.app.text
        return (
            th.sp(20) * 2
            + t.line_height("subheading")
            + th.sp(4)
            + t.line_height("small")
            + th.sp(6)
            + t.line_height("body")
        )

    def right_width(self) -> int:
        return self.app.theme.sp(170)

    def card_painter(self, sc):
        def paint(surface: pygame.Surface, rect: pygame.Rect, st: WidgetState) -> None:
            th = self.app.theme
            pal = th.palette
            t = self.app.text
            card(
                surface,
                rect,
                self.app,
                fill=pal.hover if st.hovered else pal.card,
                border=pal.accent if st.hovered else pal.line,
            )
            pad = th.sp(20)
            right_w = self.right_width()
            left = pygame.Rect(
                rect.x + pad,
                rect.y + pad,
                rect.width - 2 * pad - right_w - th.sp(16),
                rect.height - 2 * pad,
            )
            y = left.y
            title = t.shorten(sc.title, "subheading", left.width)
            t.draw_line(surface, title, (left.x, y), "subheading", pal.text, container=left)
            y += t.line_height("subheading") + th.sp(4)
            # meta line: difficulty dots + word, content note
            lh = t.line_height("small")
            x = left.x
            x += difficulty_dots(
                surface, (x, y + lh // 2), sc.difficulty, self.app, pal.accent
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
                t.draw_line(
                    surface,
                    cw_text,
                    (x + m + th.sp(6), y + lh // 2),
                    "small",
                    pal.muted,
                    anchor="midleft",
                    container=left,
                )
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
                    self.app,
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
                focus_ring(surface, rect, self.app)

        return paint

    def broken_card(self, flow: Flow, bf) -> None:
        th = self.app.theme
        pal = th.palette
        pad = th.sp(16)
        inner = flow.width - 2 * pad
        path = display_path(bf.path)
        try:
            p = bf.first_error
            msg = f"line {p.line}, column {p.column}: {p.message}"
        except (StopIteration, AttributeError):
            msg = str(bf.problems[0]) if bf.problems else "it could not be read"
        ph = self.app.text.height_of(path, "small_bold", inner)
        mh = self.app.text.height_of(msg, "small", inner)
        h = pad * 2 + ph + th.sp(4) + mh

        def draw(surface, rect, path=path, msg=msg, ph=ph):
            card(surface, rect, self.app, fill=pal.soft, raised=False, border=pal.line)
            ir = rect.inflate(-2 * pad, -2 * pad)
            self.app.text.draw(
                surface, path, pygame.Rect(ir.x, ir.y, ir.width, ph), "small_bold", pal.text
            )
            self.app.text.draw(
                surface,
                msg,
                pygame.Rect(ir.x, ir.y + ph + th.sp(4), ir.width, ir.height - ph),
                "small",
                pal.styles["aggressive"],
            )

        flow.block(h, draw)

    def footer(self):
        return []

    def open(self, sc) -> None:
        from game.ui.scenes.briefing import BriefingScene

        self.app.stack.push(BriefingScene(self.app, sc))
