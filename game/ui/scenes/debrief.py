"""The ending and debrief: how it ended, the score, each reply, the takeaway."""

from __future__ import annotations

import math

import pygame

from game.history.outcome import Outcome
from game.ui.anim import Tween
from game.ui.blocks import Card, Text
from game.ui.scenes.common import Flow, FooterButton, Page
from game.ui.widgets import Widget, badge_rect, button_painter, card, mix, stars, style_badge


class DebriefScene(Page):
    """Shows an :class:`~game.history.outcome.Outcome`; the play scene recorded it already."""

    name = "debrief"
    title = "How it went"
    max_body_width = 900
    default_focus = "replay"

    def __init__(self, services, outcome: Outcome, *, live: bool = False) -> None:
        super().__init__(services)
        self.live = live
        self.outcome = outcome
        self.playthrough = outcome.playthrough
        self.scenario = self.playthrough.scenario
        self.score = self.playthrough.score
        self.attempt = outcome.attempt
        self.improvement = outcome.improvement
        self.previous_best = outcome.previous_best
        self.endings_found = outcome.endings_found
        self.stars_tween = Tween(0.9, enabled=services.motion, delay=0.15)
        self.celebrate_tween: Tween | None = None  # the new-best halo, when there is one
        self.next_scenario = services.library().next_after(self.scenario.id)
        if self.next_scenario is not None:
            self.default_focus = "next"

    def on_enter(self) -> None:
        super().on_enter()
        if self.is_new_best:
            self.celebrate_tween = Tween(1.4, enabled=self.services.motion, delay=0.35)
            self.services.sound("celebrate")
        elif self.outcome.first_try and self.score.stars >= 2:
            self.services.sound("celebrate")

    @property
    def is_new_best(self) -> bool:
        return self.outcome.is_new_best

    def subtitle(self) -> str:
        return self.scenario.title

    def update(self, dt: float) -> bool:
        moving = self.stars_tween.update(dt)
        if self.celebrate_tween is not None:
            moving = self.celebrate_tween.update(dt) or moving
        return moving

    def handle(self, event) -> bool:
        # any key or click finishes the stars and the celebration at once
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.stars_tween.finish()
            if self.celebrate_tween is not None:
                self.celebrate_tween.finish()
        return super().handle(event)

    def draw_celebration(self, surf: pygame.Surface, card_rect: pygame.Rect, center) -> None:
        """A soft ring that widens and fades once around the score (nothing when motion is off)."""
        tw = self.celebrate_tween
        if tw is None or tw.done or tw.duration <= 0 or tw.elapsed < tw.delay:
            return
        v = tw.value
        pal = self.services.theme.palette
        base = self.services.text.line_height("big_number") * 0.55
        layer = pygame.Surface(card_rect.size, pygame.SRCALPHA)
        c = (center[0] - card_rect.x, center[1] - card_rect.y)
        for i, col in enumerate((pal.accent, pal.star)):
            r = base * (1.0 + 1.3 * v) + i * base * 0.35 * v
            alpha = int(110 * (1 - v) * (1 - 0.4 * i))
            if alpha > 0:
                pygame.draw.circle(layer, (*col, alpha), c, int(r), width=max(2, int(base / 14)))
        # a few small sparkles drifting outwards
        for k in range(6):
            ang = k * math.pi / 3 + 0.4
            d = base * (0.9 + 1.6 * v)
            p = (c[0] + math.cos(ang) * d, c[1] + math.sin(ang) * d * 0.7)
            alpha = int(160 * (1 - v))
            pygame.draw.circle(layer, (*pal.star, alpha), p, max(2, int(base / 12 * (1 - v) + 1)))
        surf.blit(layer, card_rect.topleft)

    # -- body -----------------------------------------------------------------------
    def build(self, flow: Flow) -> None:
        th = self.services.theme
        pal = th.palette
        t = self.services.text
        ending = self.playthrough.ending
        pad = th.sp(24)
        wide = flow.width >= th.sp(640)
        # ending + score side by side (stacked when narrow)
        score_w = max(th.sp(260), t.width_of("100%", "big_number") + 2 * pad + th.sp(8))
        end_w = flow.width - score_w - th.sp(16) if wide else flow.width
        inner = end_w - 2 * pad - th.sp(6)
        tone = pal.tones.get(ending.tone, pal.accent)
        eh = (
            t.height_of(ending.title, "heading", inner)
            + th.sp(8)
            + t.height_of(ending.text, "line", inner)
        )
        best_line = self.best_line()
        sw_inner = score_w - 2 * pad if wide else flow.width - 2 * pad
        score_h = (
            t.line_height("big_number")
            + th.sp(4)
            + th.sp(32)
            + th.sp(8)
            + t.line_height("small")
            + (th.sp(8) + t.height_of(best_line, "small_bold", sw_inner) if best_line else 0)
        )
        last_line = self.last_line()
        if last_line:
            score_h += th.sp(4) + t.height_of(last_line, "small", sw_inner)
        extra = self.endings_line()
        if extra:
            score_h += th.sp(4) + t.height_of(extra, "small", sw_inner)
        row_h = max(eh + 2 * pad, score_h + 2 * pad)
        y0 = flow.y

        def draw_end(surf, r):
            card(surf, r, self.services, stripe=tone)
            ir = pygame.Rect(r.x + pad + th.sp(6), r.y + pad, inner, r.height - 2 * pad)
            h1 = t.draw(surf, ending.title, ir, "heading", pal.text)
            t.draw(
                surf,
                ending.text,
                pygame.Rect(ir.x, ir.y + h1 + th.sp(8), ir.width, ir.height - h1),
                "line",
                pal.text,
            )

        def draw_score(surf, r):
            card(surf, r, self.services)
            ir = r.inflate(-2 * pad, -2 * pad)
            y = ir.y
            pct = f"{self.score.percent}%"
            self.draw_celebration(surf, r, (ir.centerx, y + t.line_height("big_number") // 2))
            t.draw_line(
                surf, pct, (ir.centerx, y), "big_number", pal.text, anchor="midtop", container=ir
            )
            y += t.line_height("big_number") + th.sp(4)
            sz = th.sp(32)
            stars(
                surf,
                (ir.centerx, y + sz // 2),
                self.score.stars,
                sz,
                self.services,
                fill=self.stars_tween.value,
            )
            y += sz + th.sp(8)
            pts = f"{self.score.score} of {self.score.maximum} points"
            y += t.draw(
                surf,
                pts,
                pygame.Rect(ir.x, y, ir.width, t.line_height("small")),
                "small",
                pal.muted,
                align="center",
            )
            if best_line:
                y += th.sp(8)
                bh_ = t.height_of(best_line, "small_bold", ir.width)
                if self.is_new_best:
                    glow = pygame.Rect(
                        ir.x - th.sp(10), y - th.sp(4), ir.width + th.sp(20), bh_ + th.sp(8)
                    )
                    tw = self.celebrate_tween
                    amount = (
                        1.0
                        if tw is None or tw.duration <= 0
                        else min(1.0, max(0.0, tw.elapsed / max(0.01, tw.delay + 0.3)))
                    )
                    pygame.draw.rect(
                        surf,
                        mix(pal.card, pal.accent, 0.13 * amount),
                        glow,
                        border_radius=glow.height // 2,
                    )
                y += t.draw(
                    surf,
                    best_line,
                    pygame.Rect(ir.x, y, ir.width, bh_),
                    "small_bold",
                    pal.accent,
                    align="center",
                )
            if last_line:
                y += th.sp(4)
                y += t.draw(
                    surf,
                    last_line,
                    pygame.Rect(ir.x, y, ir.width, t.height_of(last_line, "small", ir.width)),
                    "small",
                    pal.muted,
                    align="center",
                )
            if extra:
                y += th.sp(4)
                t.draw(
                    surf,
                    extra,
                    pygame.Rect(ir.x, y, ir.width, ir.bottom - y),
                    "small",
                    pal.muted,
                    align="center",
                )

        if wide:
            flow.block(row_h, draw_end, width=end_w, advance=False)
            flow.block(
                row_h, draw_score, x=flow.x + end_w + th.sp(16), width=score_w, advance=False
            )
            flow.y = y0 + row_h
        else:
            flow.block(eh + 2 * pad, draw_end)
            flow.gap(16)
            flow.block(score_h + 2 * pad, draw_score)
        flow.gap(24)
        # one row per decision
        flow.text("Your replies", "subheading", pal.muted)
        flow.gap(8)
        for n, d in enumerate(self.playthrough.decisions, 1):
            self.decision_row(flow, n, d)
            flow.gap(10)
        if self.scenario.takeaway:
            flow.gap(14)
            flow.add(
                Card(
                    [
                        Text("TAKE WITH YOU", "small_bold", pal.accent),
                        Text(self.scenario.takeaway, "line", pal.text),
                    ],
                    gap=6,
                    fill=mix(pal.card, pal.accent, 0.07),
                    border=mix(pal.card, pal.accent, 0.35),
                )
            )
        self.more_links(flow)

    def more_links(self, flow: Flow) -> None:
        """Quiet links to the review, the branch map and progress."""
        th = self.services.theme
        nav = self.services.nav
        links = []
        if self.attempt is not None:
            links.append(
                (
                    "review",
                    "Review step by step",
                    lambda: nav.to_review(self.attempt, self.scenario),
                )
            )
        links.append(("map", "Map of this scenario", lambda: nav.to_branch_map(self.scenario)))
        if self.services.history is not None:
            links.append(("progress", "Your progress", lambda: nav.to_progress(self.scenario.id)))
        flow.gap(16)
        bh = self.services.text.line_height("body_bold") + th.sp(16)
        x = flow.x
        for key, label, action in links:
            bw = self.services.text.width_of(label, "body_bold") + th.sp(48)
            if x + bw > flow.x + flow.width and x > flow.x:
                x = flow.x
                flow.y += bh + th.sp(8)
            r = pygame.Rect(x, flow.y, bw, bh)
            flow.widget(
                Widget(key, r, button_painter(self.services, label, "secondary"), action),
                advance=False,
            )
            x += bw + th.sp(12)
        flow.y += bh

    def decision_row(self, flow: Flow, n: int, d) -> None:
        th = self.services.theme
        pal = th.palette
        t = self.services.text
        pad = th.sp(16)
        choice = d.choice
        br = badge_rect((0, 0), choice.style, self.services)
        pts = f"+{choice.points}"
        right_w = br.width + th.sp(12) + t.width_of("+10", "body_bold")
        text_w = flow.width - 2 * pad - right_w - th.sp(16) - th.sp(28)
        said = t.wrap(f"\u201c{choice.text}\u201d", "body", text_w)
        if len(said) > 2:
            said_text = said[0] + " " + t.shorten(" ".join(said[1:]), "body", text_w)
        else:
            said_text = " ".join(said)
        sh = t.height_of(said_text, "body", text_w)
        h = max(sh, br.height)
        model = None if d.was_best else d.beat.model_answer
        mh = 0
        if model is not None:
            mw = flow.width - 2 * pad - th.sp(28)
            model_text = f"A stronger reply: \u201c{model.text}\u201d"
            mh = th.sp(8) + t.height_of(model_text, "small", mw)
        total = 2 * pad + h + mh

        def draw(surf, r, n=n, said_text=said_text, sh=sh, choice=choice, model=model, pts=pts):
            card(surf, r, self.services, raised=False)
            num_r = pygame.Rect(r.x + pad, r.y + pad, th.sp(20), t.line_height("body"))
            t.draw_line(
                surf,
                str(n),
                (num_r.x, num_r.centery),
                "body_bold",
                pal.muted,
                anchor="midleft",
                container=num_r,
            )
            tx = r.x + pad + th.sp(28)
            t.draw(surf, said_text, pygame.Rect(tx, r.y + pad, text_w, sh), "body", pal.text)
            bx = r.right - pad - right_w
            style_badge(surf, (bx, r.y + pad), choice.style, self.services)
            pr = pygame.Rect(
                bx + br.width + th.sp(12), r.y + pad, right_w - br.width - th.sp(12), br.height
            )
            t.draw_line(
                surf,
                pts,
                (pr.right, pr.centery),
                "body_bold",
                pal.text,
                anchor="midright",
                container=pr,
            )
            if model is not None:
                my = r.y + pad + h + th.sp(8)
                mw = r.width - 2 * pad - th.sp(28)
                t.draw(
                    surf,
                    f"A stronger reply: \u201c{model.text}\u201d",
                    pygame.Rect(tx, my, mw, r.bottom - my),
                    "small",
                    pal.styles["assertive"],
                )

        flow.block(total, draw)

    def best_line(self) -> str:
        """This score next to the best before it; a new best is named plainly."""
        if self.services.history is None or self.attempt is None:
            return ""
        prev = self.previous_best
        if prev is None:
            return "Your first try at this one."
        if self.is_new_best:
            return f"A new best! Your best before was {prev}%."
        return f"Your best so far: {prev}%"

    def last_line(self) -> str:
        """The difference from the attempt just before this one (never a scolding)."""
        imp = self.improvement
        if imp is None or self.attempt is None:
            return ""
        diff = imp.difference_from_last
        last = imp.previous_percent
        if diff is None or last is None:
            return ""
        if diff > 0:
            return f"Up {diff}% on last time"
        if diff == 0:
            return "The same as last time"
        return f"Last time: {last}%"

    def endings_line(self) -> str:
        if self.endings_found is None:
            return ""
        total = len(self.scenario.endings)
        found = min(self.endings_found, total)
        if found >= total > 1:
            return f"Endings found: all {total}"
        return f"Endings found: {found} of {total}"

    # -- buttons -------------------------------------------------------------------
    def footer(self):
        buttons = []
        if self.scenario.content_warning:
            buttons.append(FooterButton("help", "Getting help", self.services.nav.to_help, "quiet"))
        buttons += [
            FooterButton("menu", "Menu", self.to_menu, "secondary"),
            FooterButton(
                "replay", "Replay", self.replay, "secondary" if self.next_scenario else "primary"
            ),
        ]
        if self.next_scenario is not None:
            buttons.append(FooterButton("next", "Next scenario", self.next, "primary"))
        return buttons

    def replay(self) -> None:
        self.services.nav.to_play(self.scenario, live=self.live)

    def next(self) -> None:
        self.services.nav.to_briefing(self.next_scenario, replace=True)

    def to_menu(self) -> None:
        self.services.nav.to_menu()

    def back(self) -> None:
        self.to_menu()
