"""Text: wrapping, a render cache, and a record of where every piece of text went.

Every string the game draws goes through :class:`TextRenderer`. It wraps text
to the width of its box, caches rendered surfaces and wrapped lines, and, when
``record`` is switched on (the tests do), keeps a :class:`TextRecord` for each
drawn block: the rectangle the text covers and the box it had to stay inside.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.font_fallback import FallbackFonts
from game.ui.theme import FONT_DIR, FONT_FILES, FONT_ROLES, LINE_HEIGHT, Fonts, Theme

ELLIPSIS = "\u2026"


@dataclass(frozen=True)
class TextRecord:
    text: str
    rect: pygame.Rect  # what the text covers on screen
    container: pygame.Rect  # the box it had to stay inside
    clip: pygame.Rect | None  # the visible area it was drawn through (scrolling views)
    layer: int  # 0 for the scene, higher for overlays drawn on top

    @property
    def visible(self) -> pygame.Rect:
        return self.rect.clip(self.clip) if self.clip is not None else self.rect


class TextRenderer:
    CACHE_LIMIT = 3000

    def __init__(self, fonts: Fonts, theme: Theme) -> None:
        self.fonts = fonts
        self.theme = theme
        self.fallback = FallbackFonts(FONT_DIR, FONT_FILES)  # letters the main font lacks
        self._surfaces: dict[tuple, pygame.Surface] = {}
        self._wraps: dict[tuple, list[str]] = {}
        self.record: list[TextRecord] | None = None
        self.layer = 0
        self._clips: list[pygame.Rect] = []

    # -- fonts ----------------------------------------------------------------
    def font(self, role: str, scale: float = 1.0) -> pygame.font.Font:
        weight, px = FONT_ROLES[role][0], self.theme.font_px(role, scale)
        return self.fallback.wrap(self.fonts.get(weight, px), weight, px)

    def line_height(self, role: str, scale: float = 1.0) -> int:
        return round(self.theme.font_px(role, scale) * LINE_HEIGHT)

    # -- clipping (scroll views) ----------------------------------------------
    def push_clip(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        rect = pygame.Rect(rect)
        if self._clips:
            rect = rect.clip(self._clips[-1])
        self._clips.append(rect)
        surface.set_clip(rect)

    def pop_clip(self, surface: pygame.Surface) -> None:
        self._clips.pop()
        surface.set_clip(self._clips[-1] if self._clips else None)

    # -- measuring --------------------------------------------------------------
    def width_of(self, text: str, role: str, scale: float = 1.0) -> int:
        return self.font(role, scale).size(text)[0]

    def wrap(self, text: str, role: str, width: int, scale: float = 1.0) -> list[str]:
        key = (text, role, self.theme.font_px(role, scale), width)
        lines = self._wraps.get(key)
        if lines is None:
            lines = self._wrap(text, self.font(role, scale), max(10, width))
            if len(self._wraps) > self.CACHE_LIMIT:
                self._wraps.clear()
            self._wraps[key] = lines
        return lines

    @staticmethod
    def _wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
        lines: list[str] = []
        for para in text.split("\n"):
            words = para.split()
            if not words:
                lines.append("")
                continue
            current = ""
            for word in words:
                trial = f"{current} {word}" if current else word
                if font.size(trial)[0] <= width:
                    current = trial
                    continue
                if current:
                    lines.append(current)
                # a single word wider than the box is broken by characters
                while font.size(word)[0] > width and len(word) > 1:
                    cut = len(word)
                    while cut > 1 and font.size(word[:cut])[0] > width:
                        cut -= 1
                    lines.append(word[:cut])
                    word = word[cut:]
                current = word
            lines.append(current)
        return lines

    def height_of(self, text: str, role: str, width: int, scale: float = 1.0) -> int:
        n = len(self.wrap(text, role, width, scale))
        return n * self.line_height(role, scale)

    def shorten(self, text: str, role: str, width: int, scale: float = 1.0) -> str:
        """The text on one line, cut with an ellipsis if it does not fit."""
        text = " ".join(text.split())
        font = self.font(role, scale)
        if font.size(text)[0] <= width:
            return text
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if font.size(text[:mid].rstrip() + ELLIPSIS)[0] <= width:
                lo = mid
            else:
                hi = mid - 1
        return text[:lo].rstrip() + ELLIPSIS

    # -- rendering --------------------------------------------------------------
    def render(self, text: str, role: str, color, scale: float = 1.0) -> pygame.Surface:
        key = (text, role, self.theme.font_px(role, scale), tuple(color))
        surf = self._surfaces.get(key)
        if surf is None:
            surf = self.font(role, scale).render(text, True, color)
            if len(self._surfaces) > self.CACHE_LIMIT:
                self._surfaces.clear()
            self._surfaces[key] = surf
        return surf

    def _note(self, text: str, rect: pygame.Rect, container: pygame.Rect) -> None:
        if self.record is None or not text.strip():
            return
        clip = self._clips[-1] if self._clips else None
        if clip is not None and not rect.colliderect(clip):
            return
        self.record.append(
            TextRecord(text, pygame.Rect(rect), pygame.Rect(container), clip, self.layer)
        )

    def draw(
        self,
        surface: pygame.Surface,
        text: str,
        rect: pygame.Rect,
        role: str = "body",
        color=None,
        *,
        align: str = "left",
        scale: float = 1.0,
    ) -> int:
        """Draw ``text`` wrapped inside ``rect``; returns the height used."""
        color = color or self.theme.palette.text
        rect = pygame.Rect(rect)
        lines = self.wrap(text, role, rect.width, scale)
        lh = self.line_height(role, scale)
        y = rect.y
        covered: pygame.Rect | None = None
        for line in lines:
            if line:
                surf = self.render(line, role, color, scale)
                if align == "center":
                    x = rect.centerx - surf.get_width() // 2
                elif align == "right":
                    x = rect.right - surf.get_width()
                else:
                    x = rect.x
                # centre the glyphs in the line box
                dy = (lh - surf.get_height()) // 2
                surface.blit(surf, (x, y + dy))
                r = pygame.Rect(x, y + dy, surf.get_width(), surf.get_height())
                covered = r if covered is None else covered.union(r)
            y += lh
        if covered is not None:
            self._note(text, covered, rect)
        return len(lines) * lh

    def draw_line(
        self,
        surface: pygame.Surface,
        text: str,
        pos: tuple[int, int],
        role: str = "body",
        color=None,
        *,
        anchor: str = "topleft",
        container: pygame.Rect | None = None,
        scale: float = 1.0,
    ) -> pygame.Rect:
        """Draw one line of text placed by ``anchor`` at ``pos``; returns its rect."""
        color = color or self.theme.palette.text
        surf = self.render(text, role, color, scale)
        r = surf.get_rect(**{anchor: pos})
        surface.blit(surf, r)
        self._note(text, r, container if container is not None else r)
        return r

    def clear_cache(self) -> None:
        self._surfaces.clear()
        self._wraps.clear()
