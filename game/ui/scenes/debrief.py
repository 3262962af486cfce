"""The debrief: what went well and one thing to try next, how it ended, the score, each reply.

The coaching leads (:mod:`game.ui.scenes.debrief_cards`); the percentage and stars
sit in a smaller card beside the ending. A practice run says so at the top and
never celebrates a best. A scenario with a content note talks about the safest
replies and shows no percentage or stars: the score is still saved (the review
and progress screens show it), but here it would read as a grade of how someone
handled a frightening moment.
"""

from __future__ import annotations

import pygame

from game.core.coaching import coach
from game.core.engine import Decision
from game.history.outcome import Outcome
from game.ui.anim import Tween
from game.ui.blocks import Card, Text
from game.ui.scenes import debrief_cards as cards
from game.ui.scenes.common import Flow, FooterButton, Page
from game.ui.scenes.debrief_rows import decision_row
from game.ui.widgets import Widget, button_painter, mix


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
        self.practice = self.playthrough.practice
        self.coaching = coach(self.scenario, self.playthrough.decisions)
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
        elif self.outcome.first_try and self.score.stars >= 2 and not self.quiet_score:
            self.services.sound("celebrate")

    @property
    def quiet_score(self) -> bool:
        """True where a score must not be celebrated: a practice run or a content-note scenario."""
        return self.practice or self.coaching.safety

    @property
    def is_new_best(self) -> bool:
        """A real run that beat the best before it (practice never does)."""
        return self.outcome.is_new_best and not self.quiet_score

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

    # -- body -----------------------------------------------------------------------
    def build(self, flow: Flow) -> None:
        pal = self.services.theme.palette
        if self.practice:
            cards.practice_note(self, flow)
        cards.coaching_card(self, flow)
        flow.gap(16)
        cards.ending_and_score(self, flow)
        flow.gap(24)
        flow.text("Your replies", "subheading", pal.muted)
        flow.gap(8)
        for n, d in enumerate(self.playthrough.decisions, 1):
            decision_row(self, flow, n, d)
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

    def open_all_replies(self, decision: Decision) -> None:
        """Every reply of that decision's moment, with the one chosen marked."""
        self.services.nav.to_all_replies(decision.beat, decision.choice, self.scenario)

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

    def best_line(self) -> str:
        """This score next to the best before it; a new best is named plainly."""
        if self.services.history is None or self.attempt is None or self.practice:
            return ""
        prev = self.previous_best
        if prev is None:
            return "Your first try at this one."
        if self.is_new_best:
            return f"Best {prev}% to {self.score.percent}%, a new best!"
        return f"Your best so far: {prev}%"

    def last_line(self) -> str:
        """The difference from the attempt just before this one (never a scolding)."""
        imp = self.improvement
        if imp is None or self.attempt is None or self.practice:
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
        if self.endings_found is None or self.practice:
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
