"""The branch map: a scenario's beats and endings as a flowchart, with the ways you have gone.

``nav.to_branch_map(scenario)``. Columns are depths (the longest way from
the start), so every arrow points right. Beats and endings you have reached
are cards; the ones not found yet are dashed outlines with a lock. Endings
carry their tone as a word ("Good ending") as well as a colour. The map
zooms to fit the window; when it cannot fit at a readable size it pans
(arrows, Tab, mouse wheel, dragging). ``+``/``-`` zoom, ``0`` fits again.
A strip at the bottom shows the full words of the focused or hovered box.
"""

from __future__ import annotations

import math

import pygame

from game.core.graph import Node, layout
from game.ui.icons import lock_icon
from game.ui.labels import TONE_WORDS
from game.ui.scene import Scene
from game.ui.widgets import Widget, button_painter, card, focus_ring, mix

NODE_W, NODE_H = 220, 88  # at zoom 1 and 1280x720
COL_GAP, ROW_GAP = 56, 20
MIN_NODE_W = 150  # boxes narrow down to this before the map zooms out
MIN_ZOOM, MAX_ZOOM = 0.8, 1.4


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


class BranchMapScene(Scene):
    name = "branch-map"

    def __init__(self, services, scenario) -> None:
        super().__init__(services)
        self.scenario = scenario
        self.graph = layout(scenario)
        self.nodes, self.routes = self.graph.nodes, self.graph.routes
        self.zoom: float | None = None  # None: fit to the window
        self.pan = [0, 0]
        self.drag: tuple[int, int] | None = None
        self._load()

    def _load(self) -> None:
        sc = self.scenario
        attempts = self.services.attempts(sc.id)
        self.taken: set[tuple[str, str]] = set()
        self.tried: dict[str, set[int]] = {}
        found = {sc.start}
        for a in attempts:
            for s in a.steps:
                beat = sc.beats.get(s.beat_id)
                choice = None
                if beat is not None:
                    choice = next((c for c in beat.choices if c.index == s.choice_index), None)
                if choice is None:
                    continue  # the scenario has changed since: that step is no longer on the map
                found.add(s.beat_id)
                found.add(choice.next)
                self.taken.add((s.beat_id, choice.next))
                self.tried.setdefault(s.beat_id, set()).add(s.choice_index)
            if a.ending_id in sc.endings:
                found.add(a.ending_id)
        for n in self.nodes.values():
            n.found = n.id in found
        self.attempt_count = len(attempts)
        self.endings_found = sum(1 for n in self.nodes.values() if n.ending and n.found)

    def on_resume(self) -> None:
        self._load()
        super().on_resume()

    # -- geometry ------------------------------------------------------------------
    def natural_size(self) -> tuple[int, int]:
        th = self.services.theme
        cols, rows = self.graph.columns, self.graph.rows
        w = cols * self.node_w + (cols - 1) * th.sp(COL_GAP)
        h = rows * th.sp(NODE_H) + (rows - 1) * th.sp(ROW_GAP)
        return int(w), int(h)

    def fit_zoom(self) -> float:
        nw, nh = self.natural_size()
        c = self.canvas
        pad = self.services.theme.sp(16)
        fit = min((c.width - 2 * pad) / nw, (c.height - 2 * pad) / nh)
        return max(MIN_ZOOM, min(1.0, fit))

    @property
    def z(self) -> float:
        return self.fit_zoom() if self.zoom is None else self.zoom

    def node_rect(self, n: Node) -> pygame.Rect:
        th = self.services.theme
        z = self.z
        nw, nh = self.natural_size()
        c = self.canvas
        ox = c.x + max(th.sp(16), (c.width - nw * z) / 2) - self.pan[0]
        oy = c.y + max(th.sp(16), (c.height - nh * z) / 2) - self.pan[1]
        x = ox + n.depth * (self.node_w + th.sp(COL_GAP)) * z
        y = oy + n.row * (th.sp(NODE_H) + th.sp(ROW_GAP)) * z
        return pygame.Rect(round(x), round(y), round(self.node_w * z), round(th.sp(NODE_H) * z))

    def max_pan(self) -> tuple[int, int]:
        nw, nh = self.natural_size()
        pad = 2 * self.services.theme.sp(16)
        return (
            max(0, int(nw * self.z + pad - self.canvas.width)),
            max(0, int(nh * self.z + pad - self.canvas.height)),
        )

    def clamp_pan(self) -> None:
        mx, my = self.max_pan()
        self.pan = [max(0, min(mx, self.pan[0])), max(0, min(my, self.pan[1]))]

    # -- layout ------------------------------------------------------------------------
    def layout(self) -> None:
        th, ui = self.services.theme, self.services
        w, h = th.size
        margin = th.sp(48)
        bh = ui.text.line_height("body_bold") + th.sp(16)
        back_w = ui.text.width_of("Back", "body_bold") + bh + th.sp(24)
        self.back_rect = pygame.Rect(margin - th.sp(16), th.sp(24), back_w, bh)
        self.title_x = self.back_rect.right + th.sp(16)
        self.header_h = (
            th.sp(24) + ui.text.line_height("title") + ui.text.line_height("body") + th.sp(8)
        )
        # footer: detail strip (two lines of text) and the buttons
        btn_h = ui.text.line_height("body_bold") + th.sp(20)
        labels = [
            ("zoom-out", "Zoom out"),
            ("zoom-in", "Zoom in"),
            ("fit", "Fit"),
            ("done", "Back"),
        ]
        widths = [ui.text.width_of(t, "body_bold") + th.sp(48) for _, t in labels]
        self.detail_h = (
            ui.text.line_height("body_bold") + 2 * ui.text.line_height("body") + th.sp(24)
        )
        footer_top = h - th.sp(16) - btn_h
        self.detail_rect = pygame.Rect(
            margin, footer_top - th.sp(12) - self.detail_h, w - 2 * margin, self.detail_h
        )
        self.canvas = pygame.Rect(
            margin - th.sp(16),
            self.header_h,
            w - 2 * margin + th.sp(32),
            self.detail_rect.top - th.sp(12) - self.header_h,
        )
        cols = self.graph.columns
        room = (self.canvas.width - 2 * th.sp(16) - (cols - 1) * th.sp(COL_GAP)) // cols
        self.node_w = max(th.sp(MIN_NODE_W), min(th.sp(NODE_W), room))
        self.clamp_pan()
        self.widgets = []
        for n in self.nodes.values():
            if n.dummy:
                continue
            r = self.node_rect(n)
            self.widgets.append(
                Widget(f"node:{n.id}", r, self.node_painter(n), lambda: None, content_rect=r.copy())
            )
        x = w - margin - sum(widths) - th.sp(12) * (len(labels) - 1)
        actions = {
            "zoom-out": lambda: self.zoom_by(1 / 1.2),
            "zoom-in": lambda: self.zoom_by(1.2),
            "fit": self.fit,
            "done": self.back,
        }
        for (key, text), bw in zip(labels, widths, strict=True):
            kind = "primary" if key == "done" else "secondary"
            self.widgets.append(
                Widget(
                    key,
                    pygame.Rect(x, footer_top, bw, btn_h),
                    button_painter(ui, text, kind),
                    actions[key],
                )
            )
            x += bw + th.sp(12)
        self.widgets.append(
            Widget(
                "back", self.back_rect, button_painter(ui, "Back", "quiet", icon="back"), self.back
            )
        )
        self.ensure_focus(f"node:{self.scenario.start}")

    def set_focus(self, key, *, reveal: bool = True) -> None:
        self.focus_key = key
        w = self.focused
        if reveal and w is not None and key.startswith("node:"):
            r = w.rect
            c = self.canvas.inflate(-self.services.theme.sp(16), -self.services.theme.sp(16))
            dx = (
                (r.left - c.left)
                if r.left < c.left
                else (r.right - c.right if r.right > c.right else 0)
            )
            dy = (
                (r.top - c.top)
                if r.top < c.top
                else (r.bottom - c.bottom if r.bottom > c.bottom else 0)
            )
            if dx or dy:
                self.pan[0] += dx
                self.pan[1] += dy
                self.layout()
        self.services.window.dirty = True

    def zoom_by(self, factor: float) -> None:
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, self.z * factor))
        self.layout()

    def fit(self) -> None:
        self.zoom = None
        self.pan = [0, 0]
        self.layout()

    # -- input ----------------------------------------------------------------------------
    def widget_at(self, pos):
        w = super().widget_at(pos)
        if w is not None and w.key.startswith("node:") and not self.canvas.collidepoint(pos):
            return None
        return w

    def handle(self, event) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            if pygame.key.get_mods() & pygame.KMOD_CTRL:
                self.zoom_by(1.1 if event.y > 0 else 1 / 1.1)
            else:
                self.pan[1] -= event.y * self.services.theme.sp(48)
                self.pan[0] -= getattr(event, "x", 0) * self.services.theme.sp(48)
                self.layout()
            self.services.window.dirty = True
            return True
        if (
            event.type == pygame.MOUSEBUTTONDOWN
            and event.button == 1
            and self.canvas.collidepoint(event.pos)
        ):
            self.drag = event.pos
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self.drag = None
        elif event.type == pygame.MOUSEMOTION and self.drag is not None and event.buttons[0]:
            self.pan[0] -= event.pos[0] - self.drag[0]
            self.pan[1] -= event.pos[1] - self.drag[1]
            self.drag = event.pos
            self.layout()
        return super().handle(event)

    def handle_key(self, event) -> bool:
        k = event.key
        if k in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
            self.zoom_by(1.2)
            return True
        if k in (pygame.K_MINUS, pygame.K_KP_MINUS):
            self.zoom_by(1 / 1.2)
            return True
        if k in (pygame.K_0, pygame.K_KP_0):
            self.fit()
            return True
        if (
            k in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN)
            and self.focus_key
            and self.focus_key.startswith("node:")
        ):
            self.move_on_map(k)
            return True
        return super().handle_key(event)

    def move_on_map(self, key: int) -> None:
        """Arrows move between boxes as they are laid out: left/right by column, up/down in it."""
        cur = self.nodes[self.focus_key[5:]]
        dx, dy = {
            pygame.K_LEFT: (-1, 0),
            pygame.K_RIGHT: (1, 0),
            pygame.K_UP: (0, -1),
            pygame.K_DOWN: (0, 1),
        }[key]
        best, best_d = None, None
        for n in self.nodes.values():
            if n.dummy:
                continue
            ddepth, drow = n.depth - cur.depth, n.row - cur.row
            if (dx and ddepth * dx <= 0) or (dy and (ddepth != 0 or drow * dy <= 0)):
                continue
            d = abs(ddepth) * 10 + abs(drow) if dx else abs(drow)
            if best_d is None or d < best_d:
                best, best_d = n, d
        if best is not None:
            self.set_focus(f"node:{best.id}")

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
        right = surface.get_width() - th.sp(48)
        head = pygame.Rect(self.title_x, 0, right - self.title_x, self.header_h)
        title = ui.text.shorten(f"Branch map: {self.scenario.title}", "title", head.width)
        r = ui.text.draw_line(
            surface, title, (self.title_x, th.sp(24)), "title", pal.text, container=head
        )
        total = len(self.scenario.endings)
        if self.attempt_count:
            sub = f"You have found {self.endings_found} of {total} endings in {self.attempt_count} playthrough{'' if self.attempt_count == 1 else 's'}."
        else:
            sub = f"{total} endings to discover. Play this scenario and the ways you go will light up here."
        ui.text.draw_line(
            surface,
            ui.text.shorten(sub, "body", head.width),
            (self.title_x, r.bottom + th.sp(2)),
            "body",
            pal.muted,
            container=head,
        )
        self.draw_detail(surface)
        self.draw_widgets(surface, [w for w in self.widgets if not w.key.startswith("node:")])

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
