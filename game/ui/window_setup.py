"""Opening the window: refusing to run invisibly, the first size, the icon."""

from __future__ import annotations

import logging
import os

import pygame

from game.errors import DisplayError
from game.invocation import command_name
from game.ui.icons import style_icon
from game.ui.theme import DESIGN_SIZE, LIGHT, MIN_SIZE

log = logging.getLogger("firm_and_kind.ui")


def require_a_screen() -> None:
    """Refuse to run invisibly: with no display, SDL quietly falls back to an offscreen one."""
    asked = os.environ.get("SDL_VIDEODRIVER", "")
    if pygame.display.get_driver() in ("offscreen", "dummy") and asked not in (
        "offscreen",
        "dummy",
    ):
        pygame.display.quit()
        raise DisplayError(
            "no screen was found to open the game window on. "
            f"To play in the terminal instead: {command_name()} play --text FILE"
        )


def initial_size() -> tuple[int, int]:
    """The design size, shrunk to fit a small desktop."""
    try:
        dw, dh = pygame.display.get_desktop_sizes()[0]
    except (pygame.error, IndexError):
        return DESIGN_SIZE
    w, h = DESIGN_SIZE
    if dw < w or dh < h:
        w = max(MIN_SIZE[0], min(w, dw - 40))
        h = max(MIN_SIZE[1], min(h, dh - 80))
    return (w, h)


def set_icon(window: pygame.Window) -> None:
    """A small drawn icon: the balanced scale of the assertive style on the accent colour."""
    icon = pygame.Surface((64, 64), pygame.SRCALPHA)
    pygame.draw.rect(icon, LIGHT.accent, icon.get_rect(), border_radius=16)
    style_icon(icon, pygame.Rect(12, 12, 40, 40), "assertive", LIGHT.card)
    try:
        window.set_icon(icon)
    except pygame.error:
        log.debug("the window icon could not be set")
