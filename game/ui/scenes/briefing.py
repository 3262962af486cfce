"""Briefing: the situation, the goal, who you will talk to, and any content note."""

from __future__ import annotations

import pygame

from game.core.vocab import DIFFICULTIES, NARRATOR
from game.ui.scenes.browser import category_label
from game.ui.scenes.common import Flow, FooterButton, Page
from game.ui.widgets import card, draw_warning_mark, mix


class BriefingScene(Page):
    name = "briefing"
    max_body_width = 900
    default_focus = "start"

    def __init__(self, app, scenario, *, seed: int | None = None) -> None:
        super().__init__(app)
        self.scenario = scenario
        self.seed = seed
        self.title = scenario.title

    def subtitle(self) -> str:
        sc = self.scenario
        return f"{category_label(sc.category)}  ·  {DIFFICULTIES.get(sc.difficulty, '')}"

    def people(self):
        return [c for cid, c in self.scenario.characters.items() if cid != NARRATOR]

    def build(self, flow: Flow) -> None:
        th = self.app.theme
        pal = th.palette
        t = self.app.text
        sc = self.scenario
        people = self.people()[:3]
        pad = th.sp(24)
        # who you are talking to + the situation, side by side
        psize = th.sp(128)
        col_w = psize + th.sp(32)
        left_w = col_w if people else 0
        text_w = flow.width - 2 * pad - left_w - (th.sp(24) if people else 0)
        summary_h = t.height_of(sc.summary, "line", text_w)
        goal_h = 0
        if sc.goal:
            goal_h = (
                th.sp(16)
                + t.line_height("small_bold")
                + th.sp(4)
                + t.height_of(sc.goal, "body", text_w)
            )
        label_h = t.line_height("small_bold") * 2 + th.sp(4)
        people_h = len(people) * (psize + th.sp(8) + label_h) + max(0, len(people) - 1) * th.sp(16)
        h = 2 * pad + max(summary_h + goal_h, people_h)

        def draw(surface, rect):
            card(surface, rect, self.app)
            y = rect.y + pad
            for ch in people:
                box = pygame.Rect(rect.x + pad, y, col_w, psize)
                por = self.app.portrait(ch, "neutral", psize)
                pygame.draw.circle(surface, pal.soft, box.center, psize // 2)
                surface.blit(por, por.get_rect(center=box.center))
                name_r = pygame.Rect(
                    box.x, box.bottom + th.sp(8), col_w, t.line_height("small_bold")
                )
                t.draw_line(
                    surface,
                    t.shorten(ch.name, "small_bold", col_w),
                    name_r.midtop,
                    "small_bold",
                    pal.text,
                    anchor="midtop",
                    container=name_r,
                )
                if ch.role:
                    role_r = name_r.move(0, name_r.height)
                    t.draw_line(
                        surface,
                        t.shorten(ch.role, "small", col_w),
                        role_r.midtop,
                        "small",
                        pal.muted,
                        anchor="midtop",
                        container=role_r,
                    )
                y = box.bottom + th.sp(8) + label_h + th.sp(16)
            tx = rect.x + pad + left_w + (th.sp(24) if people else 0)
            ty = rect.y + pad
            t.draw(surface, sc.summary, pygame.Rect(tx, ty, text_w, summary_h), "line")
            if sc.goal:
                gy = ty + summary_h + th.sp(16)
                t.draw_line(
                    surface,
                    "YOUR GOAL",
                    (tx, gy),
                    "small_bold",
                    pal.accent,
                    container=pygame.Rect(tx, gy, text_w, t.line_height("small_bold")),
                )
                gy += t.line_height("small_bold") + th.sp(4)
                t.draw(surface, sc.goal, pygame.Rect(tx, gy, text_w, rect.bottom - gy), "body")

        flow.block(h, draw)
        if sc.content_warning:
            flow.gap(16)
            mark = t.line_height("body_bold")
            inner = flow.width - 2 * pad - mark - th.sp(12)
            note = "You can skip this one. Nothing is lost, and it won't count against you."
            ch_ = (
                t.line_height("body_bold")
                + th.sp(4)
                + t.height_of(sc.content_warning, "body", inner)
                + th.sp(8)
                + t.height_of(note, "small", inner)
            )
            tone = pal.styles["passive-aggressive"]

            def draw_cw(surface, rect):
                card(
                    surface,
                    rect,
                    self.app,
                    fill=mix(pal.card, tone, 0.07),
                    border=mix(pal.card, tone, 0.35),
                    raised=False,
                )
                draw_warning_mark(
                    surface, pygame.Rect(rect.x + pad, rect.y + pad, mark, mark), tone
                )
                x = rect.x + pad + mark + th.sp(12)
                y = rect.y + pad
                t.draw_line(
                    surface,
                    "Content note",
                    (x, y),
                    "body_bold",
                    pal.text,
                    container=pygame.Rect(x, y, inner, mark),
                )
                y += t.line_height("body_bold") + th.sp(4)
                y += t.draw(
                    surface, sc.content_warning, pygame.Rect(x, y, inner, rect.bottom - y), "body"
                )
                y += th.sp(8)
                t.draw(surface, note, pygame.Rect(x, y, inner, rect.bottom - y), "small", pal.muted)

            flow.block(ch_ + 2 * pad, draw_cw)

    def footer(self):
        buttons = []
        if self.scenario.content_warning:
            buttons.append(FooterButton("skip", "Skip this one", self.back, "secondary"))
        buttons.append(FooterButton("start", "Start", self.start, "primary", icon="play"))
        return buttons

    def start(self) -> None:
        from game.ui.scenes.play import PlayScene

        self.app.stack.replace(PlayScene(self.app, self.scenario, seed=self.seed))
