"""Briefing: the situation, the goal, who you will talk to, and any content note."""

from __future__ import annotations

import pygame

from game.core.vocab import DIFFICULTIES, NARRATOR
from game.ui.icons import draw_warning_mark
from game.ui.labels import category_label
from game.ui.scenes.common import Flow, FooterButton, Page
from game.ui.widgets import card, mix


class BriefingScene(Page):
    name = "briefing"
    max_body_width = 900
    default_focus = "start"

    def __init__(self, services, scenario, *, seed: int | None = None, live: bool = False) -> None:
        super().__init__(services)
        self.scenario = scenario
        self.seed = seed
        self.live = live
        self.title = scenario.title

    def subtitle(self) -> str:
        sc = self.scenario
        return f"{category_label(sc.category)}  ·  {DIFFICULTIES.get(sc.difficulty, '')}"

    def people(self):
        return [c for cid, c in self.scenario.characters.items() if cid != NARRATOR]

    def build(self, flow: Flow) -> None:
        if self.scenario.content_warning:
            self.content_note(flow)
        th = self.services.theme
        pal = th.palette
        t = self.services.text
        sc = self.scenario
        people = self.people()[:4]
        pad = th.sp(24)
        inner = flow.width - 2 * pad
        # who you are talking to: a row of small portraits with name and role
        psize = th.sp(88)
        label_w = max(
            [t.width_of(c.name, "body_bold") for c in people]
            + [t.width_of(c.role, "small") for c in people if c.role]
            + [th.sp(80)]
        )
        label_w = min(label_w, th.sp(220))
        person_w = psize + th.sp(14) + label_w
        per_row = max(1, min(len(people), (inner + th.sp(24)) // (person_w + th.sp(24))))
        rows = (len(people) + per_row - 1) // per_row if people else 0
        people_h = 0
        if people:
            people_h = (
                t.line_height("small_bold") + th.sp(8) + rows * psize + (rows - 1) * th.sp(12)
            )
        summary_h = t.height_of(sc.summary, "line", inner)
        goal_h = 0
        if sc.goal:
            goal_h = (
                th.sp(20)
                + t.line_height("small_bold")
                + th.sp(4)
                + t.height_of(sc.goal, "body", inner)
            )
        h = 2 * pad + summary_h + goal_h + (people_h + th.sp(20) if people else 0)

        def draw(surface, rect):
            card(surface, rect, self.services)
            x0, y = rect.x + pad, rect.y + pad
            if people:
                head = "YOU'LL BE TALKING TO"
                t.draw(
                    surface,
                    head,
                    pygame.Rect(x0, y, inner, t.line_height("small_bold")),
                    "small_bold",
                    pal.muted,
                )
                y += t.line_height("small_bold") + th.sp(8)
                for i, ch in enumerate(people):
                    col, row = i % per_row, i // per_row
                    px = x0 + col * (person_w + th.sp(24))
                    py = y + row * (psize + th.sp(12))
                    por = self.services.portraits.get(ch, "neutral", psize)
                    surface.blit(por, (px, py))
                    lx = px + psize + th.sp(14)
                    lw = min(label_w, rect.right - pad - lx)
                    nh = t.line_height("body_bold")
                    rh = t.line_height("small") if ch.role else 0
                    ly = py + (psize - nh - rh) // 2
                    box = pygame.Rect(lx, ly, lw, nh + rh)
                    t.draw_line(
                        surface,
                        t.shorten(ch.name, "body_bold", lw),
                        (lx, ly),
                        "body_bold",
                        pal.text,
                        container=box,
                    )
                    if ch.role:
                        t.draw_line(
                            surface,
                            t.shorten(ch.role, "small", lw),
                            (lx, ly + nh),
                            "small",
                            pal.muted,
                            container=box,
                        )
                y += rows * psize + (rows - 1) * th.sp(12) + th.sp(20)
            t.draw(surface, sc.summary, pygame.Rect(x0, y, inner, summary_h), "line")
            if sc.goal:
                gy = y + summary_h + th.sp(20)
                t.draw(
                    surface,
                    "YOUR GOAL",
                    pygame.Rect(x0, gy, inner, t.line_height("small_bold")),
                    "small_bold",
                    pal.accent,
                )
                gy += t.line_height("small_bold") + th.sp(4)
                t.draw(surface, sc.goal, pygame.Rect(x0, gy, inner, rect.bottom - gy), "body")

        flow.block(h, draw)

    def content_note(self, flow: Flow) -> None:
        """The content warning, first on the page so nobody meets it by surprise."""
        th = self.services.theme
        pal = th.palette
        t = self.services.text
        sc = self.scenario
        pad = th.sp(24)
        mark = t.line_height("body_bold")
        cw_inner = flow.width - 2 * pad - mark - th.sp(12)
        note = "You can skip this one. Nothing is lost, and it won't count against you."
        ch_ = (
            t.line_height("body_bold")
            + th.sp(4)
            + t.height_of(sc.content_warning, "body", cw_inner)
            + th.sp(8)
            + t.height_of(note, "small", cw_inner)
        )
        tone = pal.styles["passive-aggressive"]

        def draw_cw(surface, rect):
            card(
                surface,
                rect,
                self.services,
                fill=mix(pal.card, tone, 0.07),
                border=mix(pal.card, tone, 0.35),
                raised=False,
            )
            draw_warning_mark(surface, pygame.Rect(rect.x + pad, rect.y + pad, mark, mark), tone)
            x = rect.x + pad + mark + th.sp(12)
            y = rect.y + pad
            t.draw_line(
                surface,
                "Content note",
                (x, y),
                "body_bold",
                pal.text,
                container=pygame.Rect(x, y, cw_inner, mark),
            )
            y += t.line_height("body_bold") + th.sp(4)
            y += t.draw(
                surface,
                sc.content_warning,
                pygame.Rect(x, y, cw_inner, rect.bottom - y),
                "body",
            )
            y += th.sp(8)
            t.draw(surface, note, pygame.Rect(x, y, cw_inner, rect.bottom - y), "small", pal.muted)

        flow.block(ch_ + 2 * pad, draw_cw)
        flow.gap(16)

    def footer(self):
        buttons = []
        if self.scenario.content_warning:
            buttons.append(FooterButton("help", "Getting help", self.services.nav.to_help, "quiet"))
            buttons.append(FooterButton("skip", "Skip this one", self.back, "secondary"))
        buttons.append(FooterButton("start", "Start", self.start, "primary", icon="play"))
        return buttons

    def start(self) -> None:
        self.services.nav.to_play(self.scenario, seed=self.seed, live=self.live)
