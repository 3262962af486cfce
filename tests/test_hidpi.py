"""High-DPI screens: SDL hints, the macOS window flag, and mouse positions in surface pixels."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame  # noqa: E402

from game.ui.hidpi import pixel_size, set_hints, to_pixels, window_flags  # noqa: E402


class FakeWindow:
    """A window of ``size`` points whose drawing surface has ``pixels`` pixels."""

    def __init__(self, size, pixels):
        self.size = size
        self._surface = pygame.Surface(pixels)

    def get_surface(self):
        return self._surface


def test_hints_are_set_but_never_override_the_players_own():
    env = {}
    set_hints(env)
    assert env == {"SDL_WINDOWS_DPI_AWARENESS": "permonitorv2"}
    env = {"SDL_WINDOWS_DPI_AWARENESS": "unaware"}
    set_hints(env)
    assert env["SDL_WINDOWS_DPI_AWARENESS"] == "unaware"


def test_only_macos_asks_for_a_high_dpi_window():
    assert window_flags("darwin") == {"allow_high_dpi": True}
    assert window_flags("win32") == {} and window_flags("linux") == {}


def test_layout_size_is_the_surfaces_pixels():
    assert pixel_size(FakeWindow((1280, 720), (2560, 1440))) == (2560, 1440)


def test_mouse_positions_move_into_surface_pixels_on_a_retina_window():
    window = FakeWindow((1280, 720), (2560, 1440))
    down = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(100, 50), button=1)
    moved = pygame.event.Event(pygame.MOUSEMOTION, pos=(639, 359), rel=(3, -2), buttons=(0, 0, 0))
    assert to_pixels(down, window).pos == (200, 100)
    assert to_pixels(down, window).button == 1
    out = to_pixels(moved, window)
    assert (out.pos, out.rel) == ((1278, 718), (6, -4))


def test_other_events_and_one_to_one_windows_pass_through_unchanged():
    key = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_a)
    retina = FakeWindow((1280, 720), (2560, 1440))
    assert to_pixels(key, retina) is key
    wheel = pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1)
    assert to_pixels(wheel, retina) is wheel
    down = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(100, 50), button=1)
    assert to_pixels(down, FakeWindow((1280, 720), (1280, 720))) is down
