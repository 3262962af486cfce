"""The one segmented control: a row of options in a pill, the chosen one filled.

Left/Right move the choice, Enter cycles it, a click picks a segment. Two
shapes: segments sized to their words (the browser's sort), or equal segments
filling a fixed width (the settings rows).
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.widgets import Widget, WidgetState, focus_ring


class Segments:
    """The options, which one is chosen (``get``), and how to choose (``put``)."""

    def __init__(
        self,
        ui,
        options: tuple[str, ...],
        get: Callable[[], int],
        put: Callable[[int], None],
        *,
        equal: bool = False,
    ) -> None:
        self.ui = ui
        self.options = options
        self.get = get
        self.put = put
        self.equal = equal

    # -- choosing ---------------------------------------------------------------
    def choose(self, i: int) -> None:
        i = max(0, min(len(self.options) - 1, i))
        if i != self.get():
            self.put(i)

    def cycle(self) -> None:
        self.choose((self.get() + 1) % len(self.options))

    def on_key(self, event) -> bool:
        if event.key == pygame.K_LEFT:
            self.choose(self.get() - 1)
            return True
        if event.key == pygame.K_RIGHT:
            self.choose(self.get() + 1)
            return True
        return False

    def index_at(self, pill: pygame.Rect, pos) -> int | None:
        """The segment under ``pos``, or None."""
        if self.equal:
            if not pill.collidepoint(pos):
                return None
            return min(len(self.options) - 1, (pos[0] - pill.x) * len(self.options) // pill.width)
        grow = self.ui.theme.sp(8)
        for i, sr in enumerate(self.rects(pill)):
            if sr.inflate(0, grow).collidepoint(pos):
                return i
        return None

    # -- geometry ----------------------------------------------------------------
    def size(self) -> tuple[int, int]:
        """The natural size of a word-sized pill."""
        ui = self.ui
        w = sum(ui.text.width_of(o, "body_bold") + ui.theme.sp(32) for o in self.options)
        return w + ui.theme.sp(8), ui.text.line_height("body_bold") + ui.theme.sp(16)

    def rects(self, pill: pygame.Rect) -> list[pygame.Rect]:
        n = len(self.options)
        if self.equal:
            seg_w = pill.width // n
            return [
                pygame.Rect(pill.x + i * seg_w, pill.y, seg_w, pill.height).inflate(-6, -6)
                for i in range(n)
            ]
        ui = self.ui
        inner = pill.inflate(-ui.theme.sp(8), -ui.theme.sp(8))
        widths = [ui.text.width_of(o, "body_bold") + ui.theme.sp(32) for o in self.options]
        if sum(widths) > inner.width:  # squeeze evenly
            widths = [inner.width // n] * n
        rects, x = [], inner.x
        for w in widths:
            rects.append(pygame.Rect(x, inner.y, w, inner.height))
            x += w
        return rects

    # -- drawing -----------------------------------------------------------------
    def paint(self, surface: pygame.Surface, pill: pygame.Rect, *, hovered: bool = False) -> None:
        ui = self.ui
        pal = ui.theme.palette
        pygame.draw.rect(
            surface, pal.hover if hovered else pal.soft, pill, border_radius=pill.height // 2
        )
        chosen = self.get()
        for i, (opt, sr) in enumerate(zip(self.options, self.rects(pill), strict=True)):
            on = i == chosen
            role = "body_bold" if on else "body"
            if on:
                pygame.draw.rect(surface, pal.accent, sr, border_radius=sr.height // 2)
            text = ui.text.shorten(opt, role, sr.width - (8 if self.equal else ui.theme.sp(8)))
            ui.text.draw_line(
                surface,
                text,
                sr.center,
                role,
                pal.accent_text if on else pal.text,
                anchor="center",
                container=sr,
            )


def segmented_widget(ui, key: str, rect: pygame.Rect, segments: Segments) -> Widget:
    """A free-standing segmented pill (focus ring around the pill)."""

    def paint(surface: pygame.Surface, r: pygame.Rect, st: WidgetState) -> None:
        segments.paint(surface, r, hovered=st.hovered)
        if st.ring:
            focus_ring(surface, r, ui, radius=r.height // 2)

    w = Widget(key, rect, paint, on_key=segments.on_key)

    def click_at(pos) -> None:
        i = segments.index_at(w.rect, pos)
        if i is not None:
            segments.choose(i)

    w.on_activate = segments.cycle
    w.on_click_at = click_at
    return w
