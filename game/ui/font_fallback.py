"""Draw characters the main font lacks with a bundled fallback font (Noto Sans).

:class:`FallbackFonts` wraps the game's pygame fonts: text the main font can
draw entirely (almost all of it) goes straight to the main font; otherwise the
text is split into runs, each drawn with the first font that has its
characters, and the runs are placed side by side on one baseline. Which font
has which characters comes from the fonts' own cmap tables
(:mod:`game.core.glyphs`), so no character is guessed.

The wrapper offers what the text renderer uses (``size``, ``render``) and hands
anything else (``get_height``, ``get_ascent`` ...) to the main font.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.core.glyphs import read_cmap
from game.errors import FontFileError

FALLBACK_FILES = {"regular": "NotoSans-Regular.ttf", "bold": "NotoSans-Bold.ttf"}


class FallbackFont:
    """A main font plus a fallback, for text that mixes what each can draw."""

    def __init__(self, main: pygame.font.Font, main_chars, fallback: pygame.font.Font) -> None:
        self.main = main
        self.fallback = fallback
        self._main_chars = main_chars

    def __getattr__(self, name):
        return getattr(self.main, name)

    def runs(self, text: str) -> list[tuple[str, pygame.font.Font]]:
        """``text`` cut into runs, each with the font that draws it."""
        out: list[tuple[str, pygame.font.Font]] = []
        for char in text:
            main = ord(char) in self._main_chars or char.isspace()
            font = self.main if main else self.fallback
            if out and out[-1][1] is font:
                out[-1] = (out[-1][0] + char, font)
            else:
                out.append((char, font))
        return out

    def _simple(self, text: str) -> bool:
        return text.isascii() or all(ord(c) in self._main_chars for c in text)

    def size(self, text: str) -> tuple[int, int]:
        if self._simple(text):
            return self.main.size(text)
        width = sum(font.size(run)[0] for run, font in self.runs(text))
        return width, self._height()

    def _height(self) -> int:
        ascent = max(self.main.get_ascent(), self.fallback.get_ascent())
        descent = min(self.main.get_descent(), self.fallback.get_descent())
        return max(self.main.get_height(), ascent - descent)

    def render(self, text: str, antialias: bool, color, bgcolor=None) -> pygame.Surface:
        if self._simple(text):
            return self.main.render(text, antialias, color, bgcolor)
        parts = [(font.render(run, antialias, color), font) for run, font in self.runs(text)]
        ascent = max(self.main.get_ascent(), self.fallback.get_ascent())
        surface = pygame.Surface(
            (sum(s.get_width() for s, _ in parts), self._height()), pygame.SRCALPHA
        )
        if bgcolor is not None:
            surface.fill(bgcolor)
        x = 0
        for part, font in parts:  # every run on the same baseline
            surface.blit(part, (x, ascent - font.get_ascent()))
            x += part.get_width()
        return surface


class FallbackFonts:
    """Wraps the game's fonts by weight and size; one per text renderer."""

    def __init__(self, font_dir: Path, main_files: dict[str, str]) -> None:
        self.font_dir = font_dir
        self.main_files = main_files
        self._chars: dict[str, frozenset[int] | None] = {}
        self._fonts: dict[tuple, object] = {}

    def _cmap(self, name: str) -> frozenset[int] | None:
        if name not in self._chars:
            try:
                self._chars[name] = read_cmap(self.font_dir / name)
            except (OSError, FontFileError):
                self._chars[name] = None  # cannot tell: draw everything with the main font
        return self._chars[name]

    def _fallback(self, weight: str, px: int) -> pygame.font.Font | None:
        name = FALLBACK_FILES["bold" if "bold" in weight else "regular"]
        try:
            font = pygame.font.Font(self.font_dir / name, px)
        except (OSError, FileNotFoundError):
            return None
        font.italic = "italic" in weight  # Noto Sans is bundled upright only
        return font

    def wrap(self, main: pygame.font.Font, weight: str, px: int):
        """``main`` with a fallback, or ``main`` itself if no fallback can be had."""
        key = (weight, px, id(main))
        wrapped = self._fonts.get(key)
        if wrapped is None:
            chars = self._cmap(self.main_files.get(weight, ""))
            fallback = self._fallback(weight, px) if chars is not None else None
            wrapped = main if fallback is None else FallbackFont(main, chars, fallback)
            self._fonts[key] = wrapped
        return wrapped
