"""The progress screen's sections below the chart: styles, skills, milestones, scenarios.

Mixed into :class:`game.ui.scenes.progress.ProgressScene`; each builder adds one
section to the page's flow from the statistics the scene loaded.
"""

from __future__ import annotations

import pygame

from game.core.vocab import SKILLS, STYLES
from game.ui.icons import seal_icon, style_icon
from game.ui.labels import day, short_day
from game.ui.scenes.common import Flow
from game.ui.widgets import Widget, button_painter, card, mix, stars


class ProgressSections:
    """The progress screen's sections below the chart: styles, skills, milestones, scenarios."""

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
