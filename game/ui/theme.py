"""Colours, sizes and fonts: one place that decides how the game looks.

Sizes are designed at 1280x720 and scale with the window. Text scales a little
less than the window when it shrinks, so it stays readable at 960x540.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.paths import ASSETS_DIR

FONT_DIR = ASSETS_DIR / "fonts"
FONT_FILES = {
    "regular": "AtkinsonHyperlegible-Regular.ttf",
    "bold": "AtkinsonHyperlegible-Bold.ttf",
    "italic": "AtkinsonHyperlegible-Italic.ttf",
    "bolditalic": "AtkinsonHyperlegible-BoldItalic.ttf",
}

DESIGN_SIZE = (1280, 720)
MIN_SIZE = (960, 540)

Color = tuple[int, int, int]


def _hex(value: str) -> Color:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


@dataclass(frozen=True)
class Palette:
    name: str
    bg: Color
    card: Color
    text: Color
    muted: Color
    accent: Color
    accent_text: Color  # text drawn on the accent colour
    line: Color  # hairlines and card borders
    shadow: tuple[int, int, int, int]
    hover: Color  # card background under the mouse
    soft: Color  # a quiet tinted background (narration, chips)
    styles: dict[str, Color]
    tones: dict[str, Color]
    star: Color
    star_empty: Color
    focus: Color
    scrim: tuple[int, int, int, int]


LIGHT = Palette(
    name="light",
    bg=_hex("#F7F3EC"),
    card=_hex("#FFFDF8"),
    text=_hex("#1F2430"),
    muted=_hex("#4A5263"),
    accent=_hex("#1D6B62"),
    accent_text=_hex("#FFFDF8"),
    line=_hex("#E4DCCF"),
    shadow=(60, 45, 20, 28),
    hover=_hex("#F1ECE2"),
    soft=_hex("#EFE9DE"),
    styles={
        "assertive": _hex("#1E6B5C"),
        "passive": _hex("#4F5D70"),
        "aggressive": _hex("#A3392A"),
        "passive-aggressive": _hex("#8A5A0B"),
    },
    tones={"good": _hex("#1E6B5C"), "mixed": _hex("#8A5A0B"), "poor": _hex("#4F5D70")},
    star=_hex("#B7791F"),
    star_empty=_hex("#D9D0C1"),
    focus=_hex("#1D6B62"),
    scrim=(31, 36, 48, 120),
)

DARK = Palette(
    name="dark",
    bg=_hex("#15181E"),
    card=_hex("#1F232B"),
    text=_hex("#EDE8DF"),
    muted=_hex("#B9B3A8"),
    accent=_hex("#6CC4B5"),
    accent_text=_hex("#15181E"),
    line=_hex("#2E333D"),
    shadow=(0, 0, 0, 70),
    hover=_hex("#272C35"),
    soft=_hex("#252A33"),
    styles={
        "assertive": _hex("#6CC9A8"),
        "passive": _hex("#A9B6C8"),
        "aggressive": _hex("#F08C7A"),
        "passive-aggressive": _hex("#E0B25C"),
    },
    tones={"good": _hex("#6CC9A8"), "mixed": _hex("#E0B25C"), "poor": _hex("#A9B6C8")},
    star=_hex("#E0B25C"),
    star_empty=_hex("#3A404B"),
    focus=_hex("#6CC4B5"),
    scrim=(0, 0, 0, 150),
)

PALETTES = {"light": LIGHT, "dark": DARK}

# Font roles: (weight, size at 1280x720)
FONT_ROLES = {
    "display": ("bold", 56),
    "title": ("bold", 40),
    "heading": ("bold", 28),
    "subheading": ("bold", 22),
    "line": ("regular", 22),
    "body": ("regular", 18),
    "body_bold": ("bold", 18),
    "italic": ("italic", 18),
    "small": ("regular", 15),
    "small_bold": ("bold", 15),
    "big_number": ("bold", 72),
}

LINE_HEIGHT = 1.35


class Theme:
    """The palette plus every size, for the current window size."""

    def __init__(self, palette: Palette, size: tuple[int, int]) -> None:
        self.palette = palette
        self.resize(size)

    def resize(self, size: tuple[int, int]) -> None:
        self.size = size
        w, h = size
        self.scale = min(w / DESIGN_SIZE[0], h / DESIGN_SIZE[1])
        s = self.scale
        # Text shrinks half as fast as the window, so 960x540 stays readable.
        self.text_scale = s if s >= 1 else 1 - (1 - s) * 0.5

    def sp(self, n: float) -> int:
        """A distance on the spacing scale (4/8/16/24/32/48 at 1280x720)."""
        return max(1, round(n * self.scale))

    def font_px(self, role: str, scale: float = 1.0) -> int:
        return max(10, round(FONT_ROLES[role][1] * self.text_scale * scale))

    @property
    def radius(self) -> int:
        return self.sp(14)

    @property
    def dark(self) -> bool:
        return self.palette.name == "dark"


class Fonts:
    """Loaded font objects, by weight and pixel size."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, int], pygame.font.Font] = {}

    def get(self, weight: str, px: int) -> pygame.font.Font:
        key = (weight, px)
        font = self._cache.get(key)
        if font is None:
            path = FONT_DIR / FONT_FILES[weight]
            try:
                font = pygame.font.Font(path, px)
            except (OSError, FileNotFoundError):
                font = pygame.font.Font(None, px)
            self._cache[key] = font
        return font
