"""Portrait images given by authors: loaded, scaled to fit, cached."""

from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import Path

import pygame

from game.core.imageinfo import inspect_image
from game.ui.portraits.frame import _size

log = logging.getLogger("firm_and_kind.ui.portraits")

_LOADED: OrderedDict[tuple, pygame.Surface | None] = OrderedDict()


def load_portrait(path: str | Path, size: tuple[int, int] | int) -> pygame.Surface | None:
    """An author's portrait image, scaled to fit inside ``size`` keeping its shape.

    Returns None (and logs a warning, once per file and size) when the file
    cannot be read as an image. Results are cached.
    """
    path = Path(path)
    w, h = _size(size, 1)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = None
    key = (str(path), stamp, (w, h))
    if key in _LOADED:
        return _LOADED[key]
    result: pygame.Surface | None
    try:
        refusal = inspect_image(path)[1]  # measured from the header, before any decoding
        if refusal is not None:
            raise ValueError(f"the image {refusal}")
        image = pygame.image.load(str(path))
        iw, ih = image.get_size()
        if iw <= 0 or ih <= 0:
            raise ValueError("the image is empty")
        full = pygame.Surface((iw, ih), pygame.SRCALPHA)
        full.blit(image, (0, 0))
        scale = min(w / iw, h / ih)
        target = (max(1, round(iw * scale)), max(1, round(ih * scale)))
        result = pygame.transform.smoothscale(full, target)
    except (pygame.error, OSError, ValueError) as exc:
        log.warning("could not load the portrait %s (%s); drawing one instead", path, exc)
        result = None
    _LOADED[key] = result
    while len(_LOADED) > 64:
        _LOADED.popitem(last=False)
    return result
