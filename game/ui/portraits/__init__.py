"""Drawn character portraits: a flat, friendly bust for every character.

Where a scenario gives no ``portrait`` image, the game draws one. The look
(skin tone, hair, clothing, eyes) comes from a stable hash of the character id,
so the same person looks the same on every run and on every machine; the face
changes with the mood. The narrator gets an open book, and an inner voice (an
inner critic, a thought) a soft, translucent figure with a thought cloud.

Everything here draws on plain :class:`pygame.Surface` objects and never touches
the display, so it works headless. Shapes are drawn at two or three times the
requested size and smooth-scaled down, which gives clean, antialiased edges.

Drawn portraits are cached on (id, mood, size, kind, theme): asking again for
the same picture each frame costs a dictionary look-up. The surfaces returned
are shared; blit them, and ``copy()`` one before drawing on it.

The modules, one job each: ``palette`` (fixed colours), ``appearance`` (the look
from the id), ``moods`` (the face settings for each mood), ``geometry`` (curves and
strokes), ``frame`` (the layout of one portrait), ``bust`` (body, neck, head),
``hair`` (hair and headscarves), ``face`` (drawing a face), ``person`` (a person
put together), ``special`` (the narrator and an inner voice) and ``loading``
(authors' images). This module holds the public API and the cache.
"""

from __future__ import annotations

import math
from collections import OrderedDict

import pygame

from game.core.vocab import DEFAULT_MOOD, NARRATOR
from game.ui.portraits.appearance import (
    HAIR_COLOURS,
    HAIR_STYLES,
    NECKLINES,
    SKIN_TONES,
    Appearance,
    appearance,
)
from game.ui.portraits.frame import CORNER, _Frame, _size, _unit
from game.ui.portraits.loading import _LOADED, load_portrait
from game.ui.portraits.moods import FACES, Face
from game.ui.portraits.person import _draw_person
from game.ui.portraits.special import _draw_inner, _draw_narrator

__all__ = [
    "FACES",
    "HAIR_COLOURS",
    "HAIR_STYLES",
    "KINDS",
    "NECKLINES",
    "SKIN_TONES",
    "THEMES",
    "Appearance",
    "Face",
    "appearance",
    "clear_cache",
    "draw_portrait",
    "face_box",
    "load_portrait",
    "portrait_kind",
]

KINDS = ("person", "narrator", "inner")
THEMES = ("light", "dark")

# Words in a character's id or name that mark an inner voice rather than a person.
INNER_MARKERS = ("critic", "inner", "self", "voice", "thought", "conscience", "doubt")

_CACHE: OrderedDict[tuple, pygame.Surface] = OrderedDict()
_CACHE_SIZE = 256


def portrait_kind(character) -> str:
    """ "narrator", "inner" for an inner voice, or "person", from a Character."""
    cid = (getattr(character, "id", "") or "").lower()
    if cid == NARRATOR:
        return "narrator"
    name = (getattr(character, "name", "") or "").lower()
    words = name.replace("-", " ").replace("_", " ").split()
    for marker in INNER_MARKERS:
        if marker in cid or any(w.startswith(marker) for w in words):
            return "inner"
    return "person"


def _supersample(size: tuple[int, int]) -> int:
    return 3 if max(size) <= 260 else 2


def draw_portrait(
    character_id: str,
    mood: str,
    size: tuple[int, int] | int,
    *,
    kind: str = "person",
    theme: str = "light",
) -> pygame.Surface:
    """The drawn portrait of a character in a mood, as an SRCALPHA surface of ``size``.

    A single number asks for a square. Unknown moods draw as neutral, unknown
    kinds as a person and unknown themes as light. The result is cached and
    shared: do not draw on it.
    """
    w, h = _size(size, 8)
    if mood not in FACES:
        mood = DEFAULT_MOOD
    if kind not in KINDS:
        kind = "person"
    if theme not in THEMES:
        theme = "light"
    key = (character_id, mood, (w, h), kind, theme)
    hit = _CACHE.get(key)
    if hit is not None:
        _CACHE.move_to_end(key)
        return hit
    k = _supersample((w, h))
    big = (w * k, h * k)
    if kind == "narrator":
        surf = _draw_narrator(big, mood, theme)
    elif kind == "inner":
        surf = _draw_inner(big, character_id, mood, theme)
    else:
        surf = _draw_person(big, character_id, mood, theme)
    surf = pygame.transform.smoothscale(surf, (w, h))
    # smooth scaling can leave the opaque card a shade under 255; only the
    # rounded corners are meant to be see-through
    r = math.ceil(CORNER * _unit(w, h)) + 1
    for rect in (pygame.Rect(r, 0, w - 2 * r, h), pygame.Rect(0, r, w, h - 2 * r)):
        surf.fill((0, 0, 0, 255), rect, special_flags=pygame.BLEND_RGBA_MAX)
    _CACHE[key] = surf
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return surf


def face_box(size: tuple[int, int] | int) -> pygame.Rect:
    """Where the face (brows, eyes, mouth) sits in a drawn portrait of this size."""
    w, h = _size(size, 8)
    f = _Frame.make((w, h), "light")
    return pygame.Rect(
        round(f.cx - 0.15 * f.u),
        round(f.cy - 0.1 * f.u),
        round(0.3 * f.u),
        round(0.28 * f.u),
    ).clip(pygame.Rect(0, 0, w, h))


def clear_cache() -> None:
    """Forget every cached portrait (for tests, or after a theme change if memory matters)."""
    _CACHE.clear()
    _LOADED.clear()
