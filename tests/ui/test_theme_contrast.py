"""The palettes keep the design's contrast promises (WCAG contrast ratios)."""

import pytest

from game.ui.theme import PALETTES


def luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_body_text_is_at_least_7_to_1(name):
    pal = PALETTES[name]
    for surface in (pal.bg, pal.card, pal.hover):
        assert contrast(pal.text, surface) >= 7
    for surface in (pal.bg, pal.card):
        assert contrast(pal.muted, surface) >= 7


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_style_words_accent_and_muted_on_soft_are_at_least_4_5_to_1(name):
    pal = PALETTES[name]
    for colour in [*pal.styles.values(), *pal.tones.values(), pal.accent]:
        for surface in (pal.bg, pal.card, pal.soft):
            assert contrast(colour, surface) >= 4.5, (colour, surface)
    assert contrast(pal.accent_text, pal.accent) >= 4.5
    assert contrast(pal.muted, pal.soft) >= 4.5
    assert contrast(pal.text, pal.soft) >= 7
