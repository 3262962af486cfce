"""The progress screen's chart: each scenario compared with itself, never with another.

One row per recently played scenario (at most :data:`MAX_ROWS`): its title, a
small dumbbell from the first try to the best on a 0-100% track with a tick
at the latest, and the numbers in words. Choosing a row (click, or Enter on
its focus) opens that scenario's own series under it: every playthrough of it
(the latest :data:`MAX_POINTS`), with the best so far as gold steps. So a tough
scenario after an easy one never looks like a fall.

Practice runs never appear: the scene's attempts leave them out. The series'
lines and dots are drawn once into a cached surface (keyed by the scenario,
its attempts, the size and the palette); only its few labels are drawn live.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.history import stats
from game.ui.labels import day, short_day, tries
from game.ui.widgets import Widget, card, focus_ring, mix

if TYPE_CHECKING:
    from game.ui.scenes.common import Flow
    from game.ui.scenes.progress import ProgressScene

MAX_ROWS = 8
MAX_POINTS = 30
GUIDES = (0, 40, 70, 90, 100)


class TrendsView:
    """Builds the rows and the open series; keeps the one cached series drawing."""

    def __init__(self, scene: ProgressScene) -> None:
        self.scene = scene
        self._cache_key: tuple | None = None
        self._cache: pygame.Surface | None = None
        self.plot_draws = 0  # how often the series was actually drawn (not blitted)

    # -- rows -------------------------------------------------------------------
    def build(self, flow: Flow) -> None:
        scene = self.scene
        th = scene.services.theme
        shown = scene.trends[:MAX_ROWS]
        chosen = [t for t in scene.trends[MAX_ROWS:] if t.scenario_id == scene.chart_scenario]
        if chosen:  # opened for a scenario further down: it takes the last row
            shown = shown[: MAX_ROWS - 1] + chosen
        for trend in shown:
            self.row(flow, trend)
            if trend.scenario_id == scene.chart_scenario:
                flow.gap(8)
                self.series(flow, trend)
            flow.gap(8)
        if len(scene.trends) > len(shown):
            flow.gap(4)
            flow.text(
                f"Your {MAX_ROWS} most recently played scenarios. Every scenario is listed "
                "under \u201cScenario by scenario\u201d.",
                "small",
                th.palette.muted,
            )

    def row(self, flow: Flow, trend: stats.Trend) -> None:
        scene = self.scene
        th, ui = scene.services.theme, scene.services
        t = ui.text
        pad = th.sp(16)
        title = scene.title_of(trend.scenario_id)
        numbers = f"First {trend.first}%, best {trend.best}%"
        latest = f"Latest {trend.last}%"
        sub = f"{tries(trend.attempts)} \u00b7 last played {short_day(trend.last_played)}"
        num_w = t.width_of("First 100%, best 100%", "body_bold") + th.sp(8)
        inner = flow.width - 2 * pad
        title_w = min(th.sp(300), (inner - num_w) * 9 // 20)
        track_w = inner - num_w - title_w - 2 * th.sp(16)
        h = 2 * pad + t.line_height("body_bold") + th.sp(2) + t.line_height("small")
        selected = trend.scenario_id == scene.chart_scenario

        def paint(surface, rect, st, trend=trend):
            pal = th.palette
            fill = pal.hover if st.hovered else pal.card
            if selected:
                fill = mix(fill, pal.accent, 0.07)
            card(
                surface, rect, ui, raised=False, fill=fill,
                border=mix(pal.card, pal.accent, 0.5) if selected else None,
            )  # fmt: skip
            x, y = rect.x + pad, rect.y + pad
            box = pygame.Rect(x, rect.y, title_w, rect.height)
            t.draw_line(
                surface, t.shorten(title, "body_bold", title_w), (x, y), "body_bold", pal.text,
                container=box,
            )  # fmt: skip
            t.draw_line(
                surface, t.shorten(sub, "small", title_w),
                (x, y + t.line_height("body_bold") + th.sp(2)), "small", pal.muted, container=box,
            )  # fmt: skip
            track = pygame.Rect(
                x + title_w + th.sp(16), rect.centery - th.sp(8), track_w, th.sp(16)
            )
            dumbbell(surface, track, trend, ui)
            nx = rect.right - pad
            nbox = pygame.Rect(nx - num_w, rect.y, num_w, rect.height)
            t.draw_line(
                surface, numbers, (nx, y), "body_bold", pal.text, anchor="topright", container=nbox
            )
            t.draw_line(
                surface, latest, (nx, y + t.line_height("body_bold") + th.sp(2)), "small",
                pal.muted, anchor="topright", container=nbox,
            )  # fmt: skip
            if st.ring:
                focus_ring(surface, rect, ui)

        flow.widget(
            Widget(
                f"trend:{trend.scenario_id}",
                pygame.Rect(flow.x, flow.y, flow.width, h),
                paint,
                lambda sid=trend.scenario_id: scene.select_trend(sid),
            )  # fmt: skip
        )

    # -- the open series ------------------------------------------------------------
    def series(self, flow: Flow, trend: stats.Trend) -> None:
        scene = self.scene
        th, ui = scene.services.theme, scene.services
        pal = th.palette
        sid = trend.scenario_id
        full = stats.percent_series(scene.attempts, sid)
        best = stats.running_best(full)[-MAX_POINTS:]
        points = full[-MAX_POINTS:]
        note = (
            f"Every playthrough of {scene.title_of(sid)}, oldest on the left. "
            "The gold steps show your best so far."
        )
        if len(full) > len(points):
            note += f" Your latest {MAX_POINTS} are shown."
        sc = scene.scenarios.get(sid)
        if sc is not None and any(
            a.is_older_version(sc.content_hash) for a in scene.attempts if a.scenario_id == sid
        ):
            note += " Some were played on an earlier version of this scenario."
        pad = th.sp(20)
        note_h = ui.text.height_of(note, "small", flow.width - 2 * pad)
        chart_h = max(th.sp(160), min(th.sp(240), th.size[1] // 4))
        height = pad + chart_h + th.sp(8) + note_h + pad

        def draw(surface, rect):
            card(surface, rect, ui, raised=False, fill=mix(pal.card, pal.accent, 0.03))
            inner = rect.inflate(-2 * pad, -2 * pad)
            self.draw_series(
                surface, pygame.Rect(inner.x, inner.y, inner.width, chart_h), points, best
            )
            ui.text.draw(
                surface, note, pygame.Rect(inner.x, inner.y + chart_h + th.sp(8), inner.width, note_h),
                "small", pal.muted,
            )  # fmt: skip

        flow.block(height, draw)

    def plot_rect(self, rect: pygame.Rect) -> pygame.Rect:
        th, t = self.scene.services.theme, self.scene.services.text
        label_w = t.width_of("100%", "small") + th.sp(8)
        top = t.line_height("small") // 2 + 2
        bottom = t.line_height("small") + th.sp(8)
        return pygame.Rect(
            rect.x + label_w,
            rect.y + top,
            rect.width - label_w - th.sp(12),
            rect.height - top - bottom,
        )

    def draw_series(self, surface, rect: pygame.Rect, points, best) -> None:
        """The guides' labels and dates live; the lines and dots from the cache."""
        ui = self.scene.services
        th, pal, t = ui.theme, ui.theme.palette, ui.text
        plot = self.plot_rect(rect)
        key = (plot.size, pal.name, tuple(p.attempt_id for p in points), tuple(best))
        if key != self._cache_key or self._cache is None:
            self._cache = self.render_plot(plot.size, points, best)
            self._cache_key = key
            self.plot_draws += 1
        surface.blit(self._cache, plot.topleft)
        for value in GUIDES:
            if value == 90:  # too close to 100 for a label of its own
                continue
            y = plot.bottom - plot.height * value // 100
            t.draw_line(
                surface, f"{value}%", (plot.x - th.sp(6), y), "small", pal.muted,
                anchor="midright", container=rect,
            )  # fmt: skip
        if points:
            first, last = day(points[0].when), day(points[-1].when)
            ty = plot.bottom + th.sp(6)
            t.draw_line(surface, first, (plot.x, ty), "small", pal.muted, container=rect)
            if len(points) > 1 and last != first:
                t.draw_line(
                    surface, last, (plot.right, ty), "small", pal.muted, anchor="topright",
                    container=rect,
                )  # fmt: skip

    def render_plot(self, size, points, best) -> pygame.Surface:
        th = self.scene.services.theme
        pal = th.palette
        surf = pygame.Surface(size, pygame.SRCALPHA)
        w, h = size
        for value in GUIDES:
            y = h - 1 - (h - 1) * value // 100
            color = pal.line if value in (0, 100) else mix(pal.card, pal.line, 0.7)
            pygame.draw.line(surf, color, (0, y), (w, y), 1)
        n = len(points)
        if n == 0:
            return surf
        r = max(2, th.sp(5))

        def xy(i: int, value: int) -> tuple[int, int]:
            x = w // 2 if n == 1 else r + 1 + (w - 2 * r - 2) * i // (n - 1)
            return x, h - 1 - (h - 1) * value // 100

        if n > 1:
            steps = []
            for i, b in enumerate(best):
                x, y = xy(i, b)
                if steps:
                    steps.append((x, steps[-1][1]))
                steps.append((x, y))
            pygame.draw.lines(surf, pal.star, False, steps, max(2, th.sp(2)))
            line = [xy(i, p.percent) for i, p in enumerate(points)]
            pygame.draw.lines(surf, pal.accent, False, line, max(2, th.sp(3)))
        for i, p in enumerate(points):
            c = xy(i, p.percent)
            pygame.draw.circle(surf, pal.card, c, r + 1)
            pygame.draw.circle(surf, pal.accent, c, r)
        return surf


def dumbbell(surface: pygame.Surface, track: pygame.Rect, trend: stats.Trend, ui) -> None:
    """First try (a hollow dot) joined to the best (a filled dot) on a 0-100% track, with a
    short upright tick at the latest try."""
    th = ui.theme
    pal = th.palette
    cy = track.centery
    pygame.draw.line(surface, pal.line, (track.x, cy), (track.right, cy), max(1, th.sp(2)))
    for value in (40, 70, 90):  # the star thresholds, quietly
        x = track.x + track.width * value // 100
        pygame.draw.line(
            surface, mix(pal.card, pal.line, 0.8), (x, cy - th.sp(4)), (x, cy + th.sp(4))
        )

    def at(value: int) -> int:
        return track.x + track.width * value // 100

    r = max(3, th.sp(6))
    x0, x1 = at(trend.first), at(trend.best)
    if x1 > x0:
        pygame.draw.line(surface, mix(pal.card, pal.accent, 0.55), (x0, cy), (x1, cy), r)
    xl = at(trend.last)
    pygame.draw.line(
        surface, pal.text, (xl, cy - r - th.sp(4)), (xl, cy + r + th.sp(4)), max(2, th.sp(2))
    )
    pygame.draw.circle(surface, pal.card, (x0, cy), r)
    pygame.draw.circle(surface, pal.muted, (x0, cy), r, max(2, th.sp(2)))
    pygame.draw.circle(surface, pal.accent, (x1, cy), r)
