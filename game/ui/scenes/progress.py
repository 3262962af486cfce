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

from game.core.vocab import SKILLS, STYLES
from game.history import stats
from game.ui.chart import draw_line_chart
from game.ui.icons import seal_icon, style_icon
from game.ui.labels import day, short_day
from game.ui.scenes.common import Flow, FooterButton, Page
from game.ui.widgets import Widget, button_painter, card, mix, stars

log = logging.getLogger("firm_and_kind.ui")


class ProgressScene(Page):
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

    def build_styles(self, flow: Flow) -> None:
        th, ui = self.services.theme, self.services
        pal = th.palette
        self.section(
            flow,
            "The replies you choose",
            "Oldest playthroughs at the top, newest at the bottom.",
        )
        total = sum(self.totals.values()) or 1
        pad = th.sp(20)
        inner_w = flow.width - 2 * pad
        # legend: icon, word and overall share for each style, wrapped into rows
        legend = []
        for sid, style in STYLES.items():
            text = f"{style.word} {round(100 * self.totals[sid] / total)}%"
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
        bars_h = len(self.mix) * (bar_h + th.sp(8))
        height = pad + legend_h + th.sp(12) + bars_h + pad

        def draw(surface, rect):
            card(surface, rect, ui, raised=False)
            x, y = rect.x + pad, rect.y + pad
            for sid, text, w in legend:
                if x > rect.x + pad and x + w > rect.x + pad + inner_w:
                    x, y = rect.x + pad, y + lh + th.sp(6)
                col = pal.styles[sid]
                style_icon(
                    surface,
                    pygame.Rect(x, y + (lh - th.sp(20)) // 2, th.sp(20), th.sp(20)),
                    sid,
                    col,
                )
                ui.text.draw_line(
                    surface, text, (x + th.sp(28), y), "small_bold", col, container=rect
                )
                x += w + th.sp(24)
            y = rect.y + pad + legend_h + th.sp(12)
            for b in self.mix:
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
                for sid in STYLES:
                    share = b.share(sid)
                    if share <= 0:
                        continue
                    w = round(bar.width * share)
                    seg = pygame.Rect(bx, bar.y, min(w, bar.right - bx), bar.height)
                    pygame.draw.rect(surface, pal.styles[sid], seg)
                    if seg.width >= bar_h:  # the icon too, so colour is never alone
                        isz = bar_h - th.sp(6)
                        style_icon(
                            surface, pygame.Rect(seg.x + th.sp(4), seg.y + th.sp(3), isz, isz),
                            sid, pal.card,
                        )  # fmt: skip
                    bx += w
                y += bar_h + th.sp(8)

        flow.block(height, draw)

    def build_skills(self, flow: Flow) -> None:
        th, ui = self.services.theme, self.services
        pal = th.palette
        self.section(flow, "Skills you have used")
        used = [(sid, n) for sid, n in self.skills.most_common() if sid in SKILLS]
        unused = [s.name for sid, s in SKILLS.items() if sid not in self.skills]
        pad = th.sp(20)
        inner_w = flow.width - 2 * pad
        name_w = min(
            max((ui.text.width_of(SKILLS[s].name, "body") for s, _ in used), default=0),
            inner_w // 2,
        )
        row_h = ui.text.line_height("body") + th.sp(6)
        if used:
            rest = (
                "Not tried yet: " + ", ".join(unused) + "."
                if unused
                else "You have used every skill."
            )
        else:
            rest = "Assertive replies use skills like a clear no or validating feelings. They will show up here."
        rest_h = ui.text.height_of(rest, "small", inner_w)
        height = pad + len(used) * row_h + (th.sp(8) if used else 0) + rest_h + pad
        top = max((n for _, n in used), default=1)
        count_w = ui.text.width_of(f"{top}×", "body_bold") + th.sp(8)

        def draw(surface, rect):
            card(surface, rect, ui, raised=False)
            y = rect.y + pad
            for sid, n in used:
                name = ui.text.shorten(SKILLS[sid].name, "body", name_w)
                ui.text.draw_line(
                    surface, name, (rect.x + pad, y), "body", pal.text, container=rect
                )
                bar_x = rect.x + pad + name_w + th.sp(16)
                bar_w = rect.right - pad - count_w - bar_x
                bw = max(th.sp(6), bar_w * n // top)
                bar = pygame.Rect(bar_x, y + row_h // 4, bw, row_h // 2)
                pygame.draw.rect(surface, pal.accent, bar, border_radius=bar.height // 2)
                ui.text.draw_line(
                    surface, f"{n}×", (rect.right - pad, y), "body_bold", pal.text,
                    anchor="topright", container=rect,
                )  # fmt: skip
                y += row_h
            if used:
                y += th.sp(8)
            ui.text.draw(
                surface, rest, pygame.Rect(rect.x + pad, y, inner_w, rest_h), "small", pal.muted
            )

        flow.block(height, draw)

    def build_milestones(self, flow: Flow) -> None:
        th, ui = self.services.theme, self.services
        pal = th.palette
        self.section(flow, "Milestones")
        gap = th.sp(16)
        per_row = 2 if flow.width >= th.sp(640) else 1
        mw = (flow.width - gap * (per_row - 1)) // per_row
        pad = th.sp(16)
        seal = th.sp(22)
        text_w = mw - 2 * pad - 2 * seal - th.sp(12)
        items = []
        for m in self.milestones:
            if m.reached:
                where = f" ({m.detail})" if m.detail else ""
                body = f"{m.text.rstrip('.')}{where}. Reached {day(m.reached_at)}."
            else:
                body = f"Still ahead. {m.hint}"
            h = (
                ui.text.line_height("body_bold")
                + th.sp(4)
                + ui.text.height_of(body, "small", text_w)
            )
            items.append((m, body, max(h, 2 * seal) + 2 * pad))
        rows = [items[i : i + per_row] for i in range(0, len(items), per_row)]
        heights = [max(h for _, _, h in row) for row in rows]
        height = sum(heights) + gap * (len(rows) - 1)

        def draw(surface, rect):
            y = rect.y
            for row, rh in zip(rows, heights, strict=True):
                for i, (m, body, _) in enumerate(row):
                    r = pygame.Rect(rect.x + i * (mw + gap), y, mw, rh)
                    if m.reached:
                        card(surface, r, ui, raised=False, fill=mix(pal.card, pal.accent, 0.08))
                        seal_icon(
                            surface,
                            (r.x + pad + seal, r.y + pad + seal),
                            seal,
                            pal.accent,
                            pal.card,
                        )
                        tcol = pal.text
                    else:
                        card(surface, r, ui, raised=False, fill=pal.bg)
                        pygame.draw.circle(
                            surface,
                            pal.line,
                            (r.x + pad + seal, r.y + pad + seal),
                            seal,
                            max(2, th.sp(2)),
                        )
                        tcol = pal.muted
                    tx = r.x + pad + 2 * seal + th.sp(12)
                    ui.text.draw(
                        surface,
                        m.title,
                        pygame.Rect(tx, r.y + pad, text_w, ui.text.line_height("body_bold")),
                        "body_bold",
                        tcol,
                    )
                    ui.text.draw(
                        surface, body,
                        pygame.Rect(tx, r.y + pad + ui.text.line_height("body_bold") + th.sp(4), text_w, rh),
                        "small", pal.muted,
                    )  # fmt: skip
                y += rh + gap

        flow.block(height, draw)

    def build_scenarios(self, flow: Flow) -> None:
        th, ui = self.services.theme, self.services
        pal = th.palette
        self.section(flow, "Scenario by scenario", "Most recently played first.")
        pad = th.sp(16)
        bh = ui.text.line_height("body_bold") + th.sp(16)
        labels = ("Branch map", "Review")
        bws = [ui.text.width_of(t, "body_bold") + th.sp(40) for t in labels]
        buttons_w = sum(bws) + th.sp(12)
        narrow = flow.width - 2 * pad - buttons_w < th.sp(360)
        text_w = flow.width - 2 * pad - (0 if narrow else buttons_w + th.sp(16))
        for s in self.order:
            sc = self.scenarios.get(s.scenario_id)
            title = self.title_of(s.scenario_id)
            found = len(s.endings_found)
            total = len(sc.endings) if sc else 0
            tag = ""
            if sc is None:
                tag = "No longer installed. Its history is kept."
            elif s.is_older_version(sc.content_hash):
                tag = "Last played on an earlier version."
            bits = [
                f"Best {s.best_percent}%",
                f"{s.attempts} {'try' if s.attempts == 1 else 'tries'}",
                f"endings {found} of {total}"
                if total
                else f"{found} ending{'' if found == 1 else 's'} found",
                f"last played {day(s.last_played)}",
            ]
            info = " · ".join(bits)
            title_h = ui.text.height_of(title, "subheading", text_w - th.sp(96))
            info_h = ui.text.height_of(info, "body", text_w)
            tag_h = ui.text.height_of(tag, "small", text_w) if tag else 0
            height = pad + title_h + th.sp(4) + info_h + (th.sp(4) + tag_h if tag else 0) + pad
            if narrow:
                height += bh + th.sp(12)
            top = flow.y

            def draw(
                surface,
                rect,
                s=s,
                title=title,
                info=info,
                tag=tag,
                title_h=title_h,
                info_h=info_h,
                tag_h=tag_h,
            ):
                card(surface, rect, ui, raised=False)
                x, y = rect.x + pad, rect.y + pad
                ui.text.draw(
                    surface, title, pygame.Rect(x, y, text_w - th.sp(96), title_h), "subheading"
                )
                stars(surface, (x + text_w - th.sp(40), y + th.sp(12)), s.best_stars, th.sp(20), ui)
                y += title_h + th.sp(4)
                ui.text.draw(surface, info, pygame.Rect(x, y, text_w, info_h), "body", pal.muted)
                if tag:
                    ui.text.draw(
                        surface,
                        tag,
                        pygame.Rect(x, y + info_h + th.sp(4), text_w, tag_h),
                        "small",
                        pal.muted,
                    )

            flow.block(height, draw, advance=False)
            # buttons, right of the text or below it
            bx = flow.x + (pad if narrow else flow.width - pad - buttons_w)
            by = top + (height - pad - bh if narrow else (height - bh) // 2)
            if sc is not None:
                flow.widget(
                    Widget(
                        f"map:{s.scenario_id}",
                        pygame.Rect(bx, by, bws[0], bh),
                        button_painter(ui, labels[0], "secondary"),
                        lambda sc=sc: self.open_map(sc),
                    ),  # fmt: skip
                    advance=False,
                )
            flow.widget(
                Widget(
                    f"review:{s.scenario_id}",
                    pygame.Rect(bx + bws[0] + th.sp(12), by, bws[1], bh),
                    button_painter(ui, labels[1], "secondary"),
                    lambda sid=s.scenario_id: self.open_review(sid),
                ),  # fmt: skip
                advance=False,
            )
            flow.y = top + height
            flow.gap(12)

    # -- actions -----------------------------------------------------------------
    def open_map(self, scenario) -> None:
        self.services.nav.to_branch_map(scenario)

    def open_review(self, scenario_id: str) -> None:
        attempts = self.services.attempts(scenario_id)
        if attempts:
            self.services.nav.to_review(attempts[0], self.scenarios.get(scenario_id), attempts)

    def browse(self) -> None:
        self.services.nav.to_browser()
