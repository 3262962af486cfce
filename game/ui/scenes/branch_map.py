"""The branch map: a scenario's beats and endings as a flowchart, with the ways you have gone.

``nav.to_branch_map(scenario)``. Columns are depths (the longest way from
the start), so every arrow points right. Beats and endings you have reached
are cards; the ones not found yet are dashed outlines with a lock. Endings
carry their tone as a word ("Good ending") as well as a colour. The map
zooms to fit the window; when it cannot fit at a readable size it pans
(arrows, Tab, mouse wheel, dragging). ``+``/``-`` zoom, ``0`` fits again.
A strip at the bottom shows the full words of the focused or hovered box.

For authors, ``V`` (or "Show every beat") shows every beat and ending, found or
not, and ``P`` (or "Play from here") starts a playtest at the selected beat:
``nav.to_playtest``, never saved.
"""

from __future__ import annotations

import pygame

from game.core.graph import Node, layout
from game.ui.chrome import FooterButton, back_button, footer_row
from game.ui.scene import Scene
from game.ui.scenes.branch_map_draw import BranchMapDrawing
from game.ui.widgets import Widget

NODE_W, NODE_H = 220, 88  # at zoom 1 and 1280x720
COL_GAP, ROW_GAP = 56, 20
MIN_NODE_W = 150  # boxes narrow down to this before the map zooms out
MIN_ZOOM, MAX_ZOOM = 0.8, 1.4


class BranchMapScene(BranchMapDrawing, Scene):
    name = "branch-map"

    def __init__(self, services, scenario) -> None:
        super().__init__(services)
        self.scenario = scenario
        self.graph = layout(scenario)
        self.nodes, self.routes = self.graph.nodes, self.graph.routes
        self.zoom: float | None = None  # None: fit to the window
        self.pan = [0, 0]
        self.drag: tuple[int, int] | None = None
        self.author = False  # the author view: every beat and ending shown
        self.selected = scenario.start  # the beat or ending last focused or clicked
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
        if self.author:
            for n in self.nodes.values():
                n.found = True

    def toggle_author(self) -> None:
        self.author = not self.author
        self._load()
        self.layout()

    def play_from_here(self) -> None:
        """A playtest from the selected beat (endings have nothing to play)."""
        n = self.nodes.get(self.selected)
        if n is None or n.dummy or n.ending:
            self.services.toast("Choose a beat to play from (an ending has nothing to play).")
            return
        self.services.nav.to_playtest(self.scenario, n.id)

    def select(self, node_id: str) -> None:
        self.selected = node_id
        self.services.window.dirty = True

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
        back = back_button(ui, self.back)
        self.title_x = back.rect.right + th.sp(16)
        self.header_h = (
            th.sp(24) + ui.text.line_height("title") + ui.text.line_height("body") + th.sp(8)
        )
        # footer: detail strip (two lines of text) and the buttons
        btn_h = ui.text.line_height("body_bold") + th.sp(20)
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
                Widget(
                    f"node:{n.id}",
                    r,
                    self.node_painter(n),
                    lambda nid=n.id: self.select(nid),
                    content_rect=r.copy(),
                )  # fmt: skip
            )
        author = [
            FooterButton("author", "Found only" if self.author else "Show every beat",
                         self.toggle_author),
        ] + ([FooterButton("play-here", "Play from here", self.play_from_here)] if self.author else [])  # fmt: skip
        buttons = [
            *author,
            FooterButton("zoom-out", "Zoom out", lambda: self.zoom_by(1 / 1.2)),
            FooterButton("zoom-in", "Zoom in", lambda: self.zoom_by(1.2)),
            FooterButton("fit", "Fit", self.fit),
            FooterButton("done", "Back", self.back, "primary"),
        ]
        self.widgets += footer_row(
            ui, buttons, right=w - margin, y=footer_top, height=btn_h, gap=th.sp(12), pad=th.sp(48)
        )
        self.widgets.append(back)
        self.ensure_focus(f"node:{self.scenario.start}")

    def set_focus(self, key, *, reveal: bool = True) -> None:
        self.focus_key = key
        if key and key.startswith("node:"):
            self.selected = key[5:]
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
        if k == pygame.K_v:
            self.toggle_author()
            return True
        if k == pygame.K_p and self.author:
            self.play_from_here()
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
