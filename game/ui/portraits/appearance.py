"""The look of a drawn person, derived from a stable hash of the character id."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from game.ui.portraits.palette import Color, _hex

# A realistic range, light to deep.
SKIN_TONES: tuple[Color, ...] = tuple(
    _hex(c)
    for c in (
        "#F8DECB",
        "#F1CBAE",
        "#E6B793",
        "#D6A27A",
        "#C08A62",
        "#A2704C",
        "#86583A",
        "#6A432B",
        "#50311F",
    )
)
HAIR_COLOURS: tuple[Color, ...] = tuple(
    _hex(c)
    for c in (
        "#1F1B19",  # black
        "#3A2A21",  # dark brown
        "#5A3B27",  # brown
        "#87583A",  # light brown
        "#A4552F",  # copper
        "#C9A46B",  # blonde
        "#8F8A86",  # grey
        "#2A2426",  # soft black
    )
)
CLOTHING: tuple[Color, ...] = tuple(
    _hex(c)
    for c in (
        "#2F6F66",  # teal
        "#4F6D8F",  # slate blue
        "#B07D3A",  # ochre
        "#765A86",  # plum
        "#7D9870",  # sage
        "#AE644A",  # terracotta
        "#34495E",  # navy
        "#B7727B",  # dusty rose
        "#5D7F8B",  # blue grey
        "#8C6E55",  # camel
    )
)
SCARVES: tuple[Color, ...] = tuple(
    _hex(c) for c in ("#5F8A7C", "#9B6B7C", "#4B6584", "#B98B5E", "#7D6B9E", "#3E6E6A", "#A76A5B")
)
BACKDROPS: tuple[Color, ...] = tuple(
    _hex(c) for c in ("#6CC4B5", "#E0B25C", "#A9B6C8", "#E3A58F", "#B7C99A", "#C3A9D6")
)
IRISES: tuple[Color, ...] = tuple(
    _hex(c) for c in ("#3B2A20", "#4E3525", "#2E2520", "#5E4A2C", "#3F5666", "#4A5A3A")
)

HAIR_STYLES = (
    "short",
    "swept",
    "long",
    "bob",
    "curly",
    "coily",
    "bun",
    "shaved",
    "bald",
    "headscarf",
)
# How often each style is picked, out of the sum.
STYLE_WEIGHTS = {
    "short": 3,
    "swept": 2,
    "long": 3,
    "bob": 2,
    "curly": 2,
    "coily": 2,
    "bun": 2,
    "shaved": 1,
    "bald": 1,
    "headscarf": 2,
}
_STYLE_TABLE = tuple(s for s in HAIR_STYLES for _ in range(STYLE_WEIGHTS[s]))
NECKLINES = ("crew", "v", "collar", "turtle", "scoop")


@dataclass(frozen=True)
class Appearance:
    """How a drawn person looks; fixed by the character id."""

    skin: Color
    hair: Color
    hair_style: str
    clothing: Color
    neckline: str
    iris: Color
    scarf: Color
    backdrop: Color
    glasses: bool
    head_width: float


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def appearance(character_id: str) -> Appearance:
    """The look of the person with this id: the same id always gives the same look."""
    d = _digest(character_id)
    skin_index = d[0] % len(SKIN_TONES)
    hair = HAIR_COLOURS[d[2] % len(HAIR_COLOURS)]
    if skin_index >= 5 and hair == HAIR_COLOURS[5] and d[9] % 3:
        hair = HAIR_COLOURS[1]  # blonde is rarer with deep skin tones
    return Appearance(
        skin=SKIN_TONES[skin_index],
        hair=hair,
        hair_style=_STYLE_TABLE[int.from_bytes(d[11:13], "big") % len(_STYLE_TABLE)],
        clothing=CLOTHING[d[3] % len(CLOTHING)],
        neckline=NECKLINES[d[4] % len(NECKLINES)],
        iris=IRISES[d[5] % len(IRISES)],
        scarf=SCARVES[d[6] % len(SCARVES)],
        backdrop=BACKDROPS[d[7] % len(BACKDROPS)],
        glasses=d[8] % 5 == 0,
        head_width=0.95 + (d[10] % 11) / 100,
    )
