"""Portraits at the sizes the screens ask for, cached per character, mood, size and theme."""

from __future__ import annotations

import pygame

from game.ui.portraits import draw_portrait, load_portrait, portrait_kind
from game.ui.theme import Theme

MAX_CACHED = 200


class PortraitCache:
    """``cache.get(character, mood, size)``: the author's image if given, else a drawn face."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self._surfaces: dict[tuple, pygame.Surface] = {}

    def clear(self) -> None:
        self._surfaces.clear()

    def get(self, character, mood: str, size: int) -> pygame.Surface:
        size = max(16, int(size))
        theme = self.theme.palette.name
        key = (character.id, mood, size, theme, str(character.portrait))
        surf = self._surfaces.get(key)
        if surf is not None:
            return surf
        surf = load_portrait(character.portrait, size) if character.portrait else None
        if surf is None:  # no image given, or it could not be read (logged by the loader)
            kind = portrait_kind(character)
            surf = draw_portrait(character.id, mood, size, kind=kind, theme=theme)
        if surf.get_size() != (size, size):
            surf = pygame.transform.smoothscale(
                surf.convert_alpha() if pygame.display.get_surface() else surf, (size, size)
            )
        if len(self._surfaces) > MAX_CACHED:
            self._surfaces.clear()
        self._surfaces[key] = surf
        return surf
