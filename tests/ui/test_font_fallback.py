"""Letters the main font lacks are drawn with the bundled Noto Sans, not as boxes."""

from __future__ import annotations

import pygame
import pytest

from game.ui.font_fallback import FallbackFont, FallbackFonts
from game.ui.text import TextRenderer
from game.ui.theme import FONT_DIR, FONT_FILES, PALETTES, Fonts, Theme

WHITE = (255, 255, 255)


@pytest.fixture(scope="module")
def fonts():
    pygame.font.init()
    main = pygame.font.Font(FONT_DIR / FONT_FILES["regular"], 28)
    return main, FallbackFonts(FONT_DIR, FONT_FILES).wrap(main, "regular", 28)


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


def test_the_main_font_draws_missing_letters_as_identical_boxes(fonts):
    main, _ = fonts
    # The premise: two different Cyrillic letters come out as the same box.
    assert pixels(main.render("Ж", True, WHITE)) == pixels(main.render("Щ", True, WHITE))


def test_the_fallback_draws_real_letters(fonts):
    _, wrapped = fonts
    assert isinstance(wrapped, FallbackFont)
    zhe, shcha = wrapped.render("Ж", True, WHITE), wrapped.render("Щ", True, WHITE)
    assert pixels(zhe) != pixels(shcha)
    assert pixels(wrapped.render("ω", True, WHITE)) != pixels(wrapped.render("ψ", True, WHITE))


def test_text_the_main_font_has_is_drawn_by_it_alone(fonts):
    main, wrapped = fonts
    for text in ("Hello, Sam.", "Grüße, ça va?"):
        assert wrapped.size(text) == main.size(text)
        assert pixels(wrapped.render(text, True, WHITE)) == pixels(main.render(text, True, WHITE))


def test_mixed_text_is_measured_and_drawn_as_runs(fonts):
    main, wrapped = fonts
    text = "Sam: Привет!"
    runs = wrapped.runs(text)
    assert [(run, font is main) for run, font in runs] == [
        ("Sam: ", True),
        ("Привет", False),
        ("!", True),
    ]
    width = main.size("Sam: ")[0] + wrapped.fallback.size("Привет")[0] + main.size("!")[0]
    assert wrapped.size(text)[0] == width
    surface = wrapped.render(text, True, WHITE)
    assert surface.get_size() == wrapped.size(text)
    assert surface.get_height() >= main.get_height()


def test_the_text_renderer_wraps_and_draws_cyrillic(fonts):
    renderer = TextRenderer(Fonts(), Theme(PALETTES["light"], (1280, 720)))
    assert isinstance(renderer.font("body"), FallbackFont)
    text = "Можешь подменить меня в субботу? Мне больше некого попросить."
    lines = renderer.wrap(text, "body", 300)
    assert len(lines) > 1 and " ".join(lines) == text
    for line in lines:
        assert renderer.width_of(line, "body") <= 300
    target = pygame.Surface((320, 400))
    assert renderer.draw(target, text, pygame.Rect(10, 10, 300, 380)) > 0
