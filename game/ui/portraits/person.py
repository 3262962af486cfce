"""A drawn person: the bust, the hair and a face in the mood, on a card."""

from __future__ import annotations

import pygame

from game.ui.portraits.appearance import HAIR_COLOURS, appearance
from game.ui.portraits.bust import _draw_ears, _draw_head, _draw_neck, _draw_torso
from game.ui.portraits.face import _draw_face, _Ink
from game.ui.portraits.frame import _Frame
from game.ui.portraits.hair import (
    _draw_hair_back,
    _draw_hair_front,
    _draw_hair_over_shoulders,
    _draw_headscarf,
)
from game.ui.portraits.moods import FACES
from game.ui.portraits.palette import BLACK, EYE_WHITE, INK, _hex, _luma, _mix


def _draw_person(size: tuple[int, int], character_id: str, mood: str, theme: str) -> pygame.Surface:
    look = appearance(character_id)
    f = _Frame.make(size, theme, look.head_width)
    f.card(look.backdrop)
    skin = look.skin
    scarf = look.hair_style == "headscarf"
    _draw_hair_back(f, look)
    _draw_neck(f, skin)
    _draw_torso(f, look)
    if scarf:
        _draw_headscarf(f, look, under=True)
    _draw_hair_over_shoulders(f, look)
    if not scarf:
        _draw_ears(f, skin)
    _draw_head(f, skin)
    if scarf:
        _draw_headscarf(f, look, under=False)
    else:
        _draw_hair_front(f, look)
    deep = _luma(skin) < 110
    brow_base = (
        look.hair if look.hair_style not in ("headscarf", "shaved", "bald") else HAIR_COLOURS[1]
    )
    brow = _mix(brow_base, INK, 0.55)
    if _luma(brow) > 70:
        brow = _mix(brow, INK, 0.5)
    ink = _Ink(
        skin=skin,
        line=_mix(INK, BLACK, 0.3) if deep else INK,
        brow=_hex("#120D0B") if deep else brow,
        lip=_hex("#1E0F0C") if deep else _mix(skin, _hex("#3A1310"), 0.62),
        eye_white=EYE_WHITE,
        iris=look.iris,
        soft=_mix(skin, BLACK, 0.22 if deep else 0.2),
    )
    _draw_face(f, ink, FACES[mood], look.glasses)
    f.finish()
    return f.surf
