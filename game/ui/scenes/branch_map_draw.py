"""Drawing the branch map: the boxes, the arrows between them, the header and the detail strip.

Mixed into :class:`game.ui.scenes.branch_map.BranchMapScene`, which owns the
layout, the state and the input.
"""

from __future__ import annotations

import math

import pygame

from game.core.graph import Node
from game.ui.chrome import draw_title
from game.ui.icons import lock_icon
from game.ui.labels import TONE_WORDS
from game.ui.widgets import card, focus_ring, mix


def dashed_rect(surface, rect: pygame.Rect, color, dash: int, bg, radius: int) -> None:
    """An outline with gaps cut into it in the ``bg`` colour."""
    pygame.draw.rect(surface, color, rect, width=1, border_radius=radius)
    step = dash * 2
    for x in range(rect.x + radius, rect.right - radius, step):
        for y in (rect.y, rect.bottom - 1):
            pygame.draw.line(surface, bg, (x + dash, y), (min(x + step, rect.right - radius), y), 1)
    for y in range(rect.y + radius, rect.bottom - radius, step):
        for x in (rect.x, rect.right - 1):
            pygame.draw.line(
                surface, bg, (x, y + dash), (x, min(y + step, rect.bottom - radius)), 1
            )


def curve(a, b, steps: int = 16) -> list[tuple[float, float]]:
    (x0, y0), (x1, y1) = a, b
    mx = (x0 + x1) / 2
    pts = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        x = u**3 * x0 + 3 * u * u * t * mx + 3 * u * t * t * mx + t**3 * x1
        y = u**3 * y0 + 3 * u * u * t * y0 + 3 * u * t * t * y1 + t**3 * y1
        pts.append((x, y))
    return pts


def dashed_polyline(surface, pts, color, width: int, dash: float) -> None:
    on, left = True, dash
    for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
        seg = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while pos < seg:
            d = min(left, seg - pos)
            if on:
                t0, t1 = pos / seg, (pos + d) / seg
                pygame.draw.line(
                    surface, color,
                    (x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0),
                    (x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1), width,
                )  # fmt: skip
            pos += d
            left -= d
            if left <= 0:
                on, left = not on, dash


class BranchMapDrawing:
    """Drawing the branch map: the boxes, the arrows between them, the header and the detail strip."""

    # -- drawing ------------------------------------------------------------------------------
    def node_painter(self, n: Node):
        ui = self.services

        def paint(surface, rect, st):
            th = ui.theme
            pal = th.palette
            z = self.z
            radius = max(4, round(th.sp(10) * z))
            pad = max(4, round(th.sp(10) * z))
            inner = rect.inflate(-2 * pad, -2 * pad)
            sc = self.scenario
            if n.found:
                if n.ending:
                    e = sc.endings[n.id]
                    col = pal.tones.get(e.tone, pal.line)
                    card(
                        surface,
                        rect,
                        ui,
                        fill=mix(pal.card, col, 0.10),
                        border=col,
                        raised=False,
                        radius=radius,
                        width=max(2, round(th.sp(2) * z)),
                    )
                    first, first_col = TONE_WORDS.get(e.tone, "Ending"), col
                    second = e.title
                else:
                    beat = sc.beats[n.id]
                    fill = pal.hover if st.hovered else pal.card
                    card(surface, rect, ui, fill=fill, raised=False, radius=radius)
                    first, first_col = sc.character(beat.speaker).name, pal.muted
                    second = beat.line
                ui.text.draw_line(
                    surface,
                    ui.text.shorten(first, "small_bold", inner.width, z),
                    inner.topleft,
                    "small_bold",
                    first_col,
                    container=rect,
                    scale=z,
                )
                lines = ui.text.wrap(second, "small", inner.width, z)
                lh = ui.text.line_height("small", z)
                room = max(
                    1, (inner.bottom - (inner.y + ui.text.line_height("small_bold", z))) // lh
                )
                shown = lines[:room]
                if len(lines) > room:
                    shown[-1] = ui.text.shorten(
                        shown[-1] + " " + " ".join(lines[room:]), "small", inner.width, z
                    )
                y = inner.y + ui.text.line_height("small_bold", z)
                for line in shown:
                    ui.text.draw_line(
                        surface, line, (inner.x, y), "small", pal.text, container=rect, scale=z
                    )
                    y += lh
            else:
                pygame.draw.rect(surface, pal.bg, rect, border_radius=radius)
                dashed_rect(surface, rect, pal.muted, max(3, round(th.sp(6) * z)), pal.bg, radius)
                isz = max(8, round(th.sp(16) * z))
                lock_icon(
                    surface,
                    pygame.Rect(inner.x, rect.centery - isz // 2, isz * 3 // 4, isz),
                    pal.muted,
                )
                text = "Not found yet"
                tx = inner.x + isz + pad // 2
                ui.text.draw_line(
                    surface,
                    ui.text.shorten(text, "small", inner.right - tx, z),
                    (tx, rect.centery),
                    "small",
                    pal.muted,
                    anchor="midleft",
                    container=rect,
                    scale=z,
                )
            if st.ring:
                focus_ring(surface, rect, ui, radius)

        return paint

    def draw(self, surface: pygame.Surface) -> None:
        th, ui = self.services.theme, self.services
        pal = th.palette
        surface.fill(pal.bg)
        # edges under the boxes
        ui.text.push_clip(surface, self.canvas)
        rects = {nid: self.node_rect(n) for nid, n in self.nodes.items()}
        z = self.z
        for (a, b), route in self.routes.items():
            pts = []
            for u, v in zip(route, route[1:], strict=False):
                ru, rv = rects[u], rects[v]
                seg = curve((ru.right, ru.centery), (rv.left, rv.centery))
                if self.nodes[u].dummy:  # straight through the waypoint's slot
                    seg = [(ru.left, ru.centery), *seg]
                pts.extend(seg)
            rb = rects[b]
            if (a, b) in self.taken:
                pygame.draw.lines(surface, pal.accent, False, pts, max(2, round(th.sp(3) * z)))
            else:
                dashed_polyline(
                    surface,
                    pts,
                    mix(pal.bg, pal.muted, 0.6),
                    max(1, round(th.sp(2) * z)),
                    max(3, th.sp(6) * z),
                )
            # an arrowhead
            tip = (rb.left, rb.centery)
            s = max(4, round(th.sp(7) * z))
            col = pal.accent if (a, b) in self.taken else mix(pal.bg, pal.muted, 0.6)
            pygame.draw.polygon(
                surface, col, [tip, (tip[0] - s, tip[1] - s * 0.6), (tip[0] - s, tip[1] + s * 0.6)]
            )
        self.draw_widgets(surface, [w for w in self.widgets if w.key.startswith("node:")])
        ui.text.pop_clip(surface)
        mx, my = self.max_pan()
        if mx or my:
            pygame.draw.rect(surface, pal.line, self.canvas, width=1, border_radius=th.sp(8))
        # header
        head = pygame.Rect(
            self.title_x, 0, surface.get_width() - th.sp(48) - self.title_x, self.header_h
        )
        draw_title(surface, ui, f"Branch map: {self.scenario.title}", self.subtitle(), head)
        self.draw_detail(surface)
        self.draw_widgets(surface, [w for w in self.widgets if not w.key.startswith("node:")])

    def subtitle(self) -> str:
        if self.author:
            return (
                "Author view: every beat and ending. P plays from the selected beat (never saved)."
            )
        total = len(self.scenario.endings)
        n = self.attempt_count
        if n:
            plays = f"{n} playthrough{'' if n == 1 else 's'}"
            return f"You have found {self.endings_found} of {total} endings in {plays}."
        return f"{total} endings to discover. Play this scenario and the ways you go will light up here."

    def detail_text(self) -> tuple[str, str]:
        key = (
            self.focus_key
            if self.services.window.keyboard_mode or not self.hover_key
            else self.hover_key
        )
        if not key or not key.startswith("node:"):
            key = self.hover_key if self.hover_key and self.hover_key.startswith("node:") else None
        if key is None:
            return (
                "How to read the map",
                "A solid line is a way you have gone; a dashed line, one you have not tried yet. "
                "A dashed box with a lock is still to be found. Endings say their tone in words.",
            )
        n = self.nodes[key[5:]]
        sc = self.scenario
        if not n.found:
            return (
                "Not found yet",
                "Try a different reply on the way here to find out what happens.",
            )
        if n.ending:
            e = sc.endings[n.id]
            return (f"{e.title} · {TONE_WORDS.get(e.tone, 'Ending')}", e.text)
        beat = sc.beats[n.id]
        tried = len(self.tried.get(n.id, ()))
        head = f"{sc.character(beat.speaker).name} · you have tried {tried} of {len(beat.choices)} replies here"
        return (head, f"“{beat.line}”")

    def draw_detail(self, surface) -> None:
        th, ui = self.services.theme, self.services
        pal = th.palette
        r = self.detail_rect
        card(surface, r, ui, raised=False)
        head, body = self.detail_text()
        inner = r.inflate(-th.sp(32), -th.sp(24))
        ui.text.draw_line(
            surface,
            ui.text.shorten(head, "body_bold", inner.width),
            inner.topleft,
            "body_bold",
            pal.text,
            container=r,
        )
        y = inner.y + ui.text.line_height("body_bold")
        lines = ui.text.wrap(body, "body", inner.width)
        if len(lines) > 2:
            lines = [lines[0], ui.text.shorten(" ".join(lines[1:]), "body", inner.width)]
        for line in lines:
            ui.text.draw_line(surface, line, (inner.x, y), "body", pal.text, container=r)
            y += ui.text.line_height("body")
