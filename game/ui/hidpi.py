"""Sharp drawing on high-DPI screens, with the layout still right.

* Windows: :func:`set_hints` asks SDL (before the display starts) to make the
  process per-monitor DPI aware, so Windows does not stretch a blurry
  96-DPI picture; the window's size is then in real pixels, as on Linux.
* macOS: :func:`window_flags` asks for a high-DPI window. Its drawing surface
  then has more pixels than the window has points (2x on a Retina screen),
  while mouse events stay in points. The layout uses :func:`pixel_size` (the
  surface's size), so text and shapes are drawn at full resolution and the
  theme scales them to the same physical size, and :func:`to_pixels` moves
  mouse positions into the surface's pixels.

Elsewhere the surface and the window have the same size and all of this
changes nothing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping

import pygame

HINTS = {"SDL_WINDOWS_DPI_AWARENESS": "permonitorv2"}
_POINTER_EVENTS = (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP)


def set_hints(environ: MutableMapping[str, str] | None = None) -> None:
    """Set SDL's DPI hints unless the player set them; call before the display starts."""
    environ = os.environ if environ is None else environ
    for key, value in HINTS.items():
        environ.setdefault(key, value)


def window_flags(platform: str | None = None) -> dict[str, bool]:
    """Extra ``pygame.Window`` flags: a high-DPI window on macOS."""
    return {"allow_high_dpi": True} if (platform or sys.platform) == "darwin" else {}


def pixel_size(window) -> tuple[int, int]:
    """The size of the window's drawing surface in pixels (the size to lay out for)."""
    return window.get_surface().get_size()


def to_pixels(event: pygame.event.Event, window) -> pygame.event.Event:
    """``event`` with its mouse position (and motion) in surface pixels instead of points."""
    if event.type not in _POINTER_EVENTS:
        return event
    (w, h), (pw, ph) = window.size, pixel_size(window)
    if (w, h) == (pw, ph) or w <= 0 or h <= 0:
        return event
    sx, sy = pw / w, ph / h
    attrs = dict(event.dict)
    x, y = attrs["pos"]
    attrs["pos"] = (int(x * sx), int(y * sy))
    if "rel" in attrs:
        rx, ry = attrs["rel"]
        attrs["rel"] = (round(rx * sx), round(ry * sy))
    return pygame.event.Event(event.type, attrs)
