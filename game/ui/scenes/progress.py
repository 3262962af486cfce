"""Progress: where you stand, how your replies have changed, and what you have found.

Everything shown is computed by :mod:`game.history.stats`; this screen only
draws it. It celebrates what is done and never counts what is missing: no
streaks, no "days away", and milestones still ahead are shown as quiet
possibilities, not tasks.

Opened with ``services.nav.to_progress()``, or for one scenario with
``services.nav.to_progress(scenario_id)``.
"""

from __future__ import annotations

import logging

import pygame

from game.history import stats
from game.ui.chart import draw_line_chart
from game.ui.scenes.common import Flow, FooterButton, Page
from game.ui.scenes.progress_sections import ProgressSections
from game.ui.widgets import Widget, button_painter, card, stars

log = logging.getLogger("firm_and_kind.ui")


class ProgressScene(ProgressSections, Page):
    name = "progress"
    title = "Your progress"
    max_body_width = 940

    def __init__(self, services, scenario_id: str | None = None) -> None:
        super().__init__(services)
        self.chart_scenario = scenario_id
        self._load()

    # -- data ------------------------------------------------------------------
    def _load(self) -> None:
        self.attempts = self.services.attempts()
        self.scenarios = {s.id: s for s in self.services.library().scenarios}
        facts = {sid: stats.ScenarioFacts.of(s) for sid, s in self.scenarios.items()}
        self.summaries = stats.summaries(self.attempts)
        self.milestones = stats.milestones(self.attempts, facts)
        self.mix = stats.style_mix(self.attempts, buckets=8)
        self.totals = stats.style_totals(self.attempts)
        self.skills = stats.skill_counts(self.attempts)
        self.order = sorted(self.summaries.values(), key=lambda s: s.last_played, reverse=True)
        self.choices = [None] + [s.scenario_id for s in self.order]
        if self.chart_scenario not in self.choices:
            self.chart_scenario = None

    def on_resume(self) -> None:
        self._load()
        super().on_resume()

    def title_of(self, scenario_id: str) -> str:
        sc = self.scenarios.get(scenario_id)
        if sc is not None:
            return sc.title
        s = self.summaries.get(scenario_id)
        return (s.title if s else "") or scenario_id

    def subtitle(self) -> str:
        if not self.attempts:
            return "Scores, styles, skills and endings, as you play"
        n, p = len(self.summaries), len(self.attempts)
        return (
            f"{n} scenario{'' if n == 1 else 's'} played, "
            f"{p} playthrough{'' if p == 1 else 's'} finished"
        )

    def footer(self):
        return [FooterButton("done", "Back", self.back, "primary")]

    # -- layout ------------------------------------------------------------------
    def build(self, flow: Flow) -> None:
        if not self.attempts:
            self.build_empty(flow)
            return
        self.build_tiles(flow)
        flow.gap(24)
        self.build_chart(flow)
        flow.gap(24)
        self.build_styles(flow)
        flow.gap(24)
        self.build_skills(flow)
        flow.gap(24)
        self.build_milestones(flow)
        flow.gap(24)
        self.build_scenarios(flow)

    def section(self, flow: Flow, heading: str, note: str = "") -> None:
        pal = self.services.theme.palette
        flow.text(heading, "heading")
        if note:
            flow.gap(4)
            flow.text(note, "body", pal.muted)
        flow.gap(12)

    def build_empty(self, flow: Flow) -> None:
        th, ui = self.services.theme, self.services
        pal = th.palette
        pad = th.sp(32)
        inner = flow.width - 2 * pad
        heading = "Your progress will grow here"
        body = (
            "Finish any scenario and you will see your scores over time, the kinds of replies "
            "you lean towards, the skills you practise and the endings you find. There is no "
            "schedule and nothing to keep up: come back whenever it suits you."
        )
        hh = ui.text.height_of(heading, "heading", inner)
        bh = ui.text.height_of(body, "body", inner)
        icon = th.sp(56)
        height = pad + icon + th.sp(16) + hh + th.sp(12) + bh + pad

        def draw(surface, rect):
            card(surface, rect, ui, raised=False)
            cx = rect.centerx
            y = rect.y + pad
            # a small rising line: three dots climbing
            pts = [(cx - icon, y + icon), (cx, y + icon // 2), (cx + icon, y + th.sp(4))]
            pygame.draw.lines(surface, pal.accent, False, pts, max(2, th.sp(3)))
            for p in pts:
                pygame.draw.circle(surface, pal.accent, p, th.sp(6))
            y += icon + th.sp(16)
            r = pygame.Rect(rect.x + pad, y, inner, hh)
            ui.text.draw(surface, heading, r, "heading", align="center")
            r = pygame.Rect(rect.x + pad, r.bottom + th.sp(12), inner, bh)
            ui.text.draw(surface, body, r, "body", pal.muted, align="center")

        flow.gap(24)
        flow.block(height, draw)
        if True:  # the way to a first playthrough
            flow.gap(24)
            label = "Choose a scenario"
            bw = ui.text.width_of(label, "body_bold") + th.sp(72)
            bh2 = ui.text.line_height("body_bold") + th.sp(24)
            r = pygame.Rect(flow.x + (flow.width - bw) // 2, flow.y, bw, bh2)
            flow.widget(Widget("browse", r, button_painter(ui, label, "primary"), self.browse))

    def build_tiles(self, flow: Flow) -> None:
        th, ui = self.services.theme, self.services
        pal = th.palette
        endings = sum(len(s.endings_found) for s in self.summaries.values())
        tiles = [
            (str(len(self.summaries)), "scenarios played"),
            (str(len(self.attempts)), "playthroughs"),
            (str(stats.three_star_count(self.attempts)), "with three stars"),
            (str(endings), "endings found"),
        ]
        gap = th.sp(16)
        per_row = 4 if flow.width >= th.sp(720) else 2
        tw = (flow.width - gap * (per_row - 1)) // per_row
        num_h = ui.text.line_height("title")
        label_w = tw - th.sp(32)
        lab_h = max(ui.text.height_of(t[1], "body", label_w) for t in tiles)
        th_ = th.sp(20) + num_h + th.sp(4) + lab_h + th.sp(20)
        rows = (len(tiles) + per_row - 1) // per_row
        height = rows * th_ + (rows - 1) * gap

        def draw(surface, rect):
            for i, (num, label) in enumerate(tiles):
                r = pygame.Rect(
                    rect.x + (i % per_row) * (tw + gap), rect.y + (i // per_row) * (th_ + gap),
                    tw, th_,
                )  # fmt: skip
                card(surface, r, ui, raised=False)
                if i == 2:  # a star beside the three-star count
                    stars(surface, (r.right - th.sp(48), r.y + th.sp(28)), 3, th.sp(16), ui)
                inner = r.inflate(-th.sp(32), -th.sp(40))
                ui.text.draw(
                    surface, num, pygame.Rect(inner.x, inner.y, inner.width, num_h), "title"
                )
                ui.text.draw(
                    surface, label, pygame.Rect(inner.x, inner.y + num_h + th.sp(4), label_w, lab_h),
                    "body", pal.muted,
                )  # fmt: skip

        flow.block(height, draw)

    def build_chart(self, flow: Flow) -> None:
        th, ui = self.services.theme, self.services
        pal = th.palette
        sid = self.chart_scenario
        self.section(flow, "Your scores over time")
        # the selector: previous / which / next
        bh = ui.text.line_height("body_bold") + th.sp(16)
        bw = ui.text.width_of("Previous", "body_bold") + bh + th.sp(40)
        row_y = flow.y
        label = "All scenarios" if sid is None else self.title_of(sid)
        flow.widget(
            Widget(
                "chart-prev",
                pygame.Rect(flow.x, row_y, bw, bh),
                button_painter(ui, "Previous", "secondary"),
                lambda: self.cycle_chart(-1),
            ),  # fmt: skip
            advance=False,
        )
        flow.widget(
            Widget(
                "chart-next",
                pygame.Rect(flow.x + flow.width - bw, row_y, bw, bh),
                button_painter(ui, "Next", "secondary"),
                lambda: self.cycle_chart(1),
            ),  # fmt: skip
            advance=False,
        )
        mid_w = flow.width - 2 * bw - th.sp(32)

        def draw_label(surface, rect, label=label):
            text = ui.text.shorten(label, "subheading", rect.width)
            ui.text.draw_line(
                surface, text, rect.center, "subheading", pal.text, anchor="center", container=rect
            )

        flow.block(bh, draw_label, x=flow.x + bw + th.sp(16), width=mid_w)
        flow.gap(12)
        points = stats.percent_series(self.attempts, sid)
        best = stats.running_best(points) if sid is not None else None
        note = (
            "Each dot is one playthrough. The gold steps show your best so far."
            if sid is not None
            else "Each dot is one playthrough, across every scenario."
        )
        if sid is not None and sid in self.scenarios:
            current = self.scenarios[sid].content_hash
            if any(a.is_older_version(current) for a in self.attempts if a.scenario_id == sid):
                note += " Some were played on an earlier version of this scenario."
        pad = th.sp(20)
        note_h = ui.text.height_of(note, "small", flow.width - 2 * pad)
        chart_h = max(th.sp(200), min(th.sp(300), th.size[1] // 3))
        height = pad + chart_h + th.sp(8) + note_h + pad

        def draw(surface, rect, points=points, best=best, note=note):
            card(surface, rect, ui, raised=False)
            inner = rect.inflate(-2 * pad, -2 * pad)
            draw_line_chart(
                surface, pygame.Rect(inner.x, inner.y, inner.width, chart_h), ui, points, best
            )
            ui.text.draw(
                surface, note, pygame.Rect(inner.x, inner.y + chart_h + th.sp(8), inner.width, note_h),
                "small", pal.muted,
            )  # fmt: skip

        flow.block(height, draw)

    def cycle_chart(self, delta: int) -> None:
        i = self.choices.index(self.chart_scenario)
        self.chart_scenario = self.choices[(i + delta) % len(self.choices)]
        self.layout()

    # -- actions -----------------------------------------------------------------
    def open_map(self, scenario) -> None:
        self.services.nav.to_branch_map(scenario)

    def open_review(self, scenario_id: str) -> None:
        attempts = self.services.attempts(scenario_id)
        if attempts:
            self.services.nav.to_review(attempts[0], self.scenarios.get(scenario_id), attempts)

    def browse(self) -> None:
        self.services.nav.to_browser()
