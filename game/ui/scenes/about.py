"""About: what the game is, that it is practice and not therapy, credits and licences."""

from __future__ import annotations

import pygame

from game import APP_NAME, __version__
from game.ui.scenes.common import Flow, FooterButton, Page
from game.ui.scenes.controls import (
    FolderNote,
    folder_section,
    small_button_painter,
    small_button_size,
)
from game.ui.widgets import Widget, card

HELP_SECTION = "Practice, not therapy"
HELP_LINK = "See Getting help"

SECTIONS = [
    (
        "What this is",
        f"{APP_NAME} is a calm game for practising everyday conversations: saying no, setting a "
        "limit, asking for what you need. In each scenario someone asks something of you, and you "
        "choose how to reply. After each choice you see what kind of reply it was, what it is "
        "likely to do, and a stronger move where there is one.",
    ),
    (
        HELP_SECTION,
        "This game is practice, not therapy. Some situations may feel close to home. You can skip "
        "any scenario with a content note, and stop at any time. If things feel heavy, talking to "
        "someone you trust or a professional can help.",
    ),
    (
        "The four styles",
        "Assertive: clear and respectful of both people. Passive: giving in to keep the peace. "
        "Aggressive: getting your way at the other person's cost. Passive-aggressive: saying yes "
        "while showing resentment. Each style has its own colour, icon and word.",
    ),
    (
        "Credits and licences",
        f"{APP_NAME} {__version__}, released under the MIT licence. The text is set in Atkinson "
        "Hyperlegible by the Braille Institute of America, used under the SIL Open Font Licence 1.1 "
        "(the licence text is in assets/fonts/OFL.txt). Built with pygame-ce (LGPL), PyYAML (MIT) "
        "and platformdirs (MIT). Portraits and sounds are made by the game itself.",
    ),
]


class AboutScene(Page):
    name = "about"
    title = "About"
    default_focus = "done"

    def __init__(self, services) -> None:
        super().__init__(services)
        self.folder_note = FolderNote()

    def subtitle(self) -> str:
        return f"{APP_NAME} {__version__}"

    def build(self, flow: Flow) -> None:
        th = self.services.theme
        for heading, text in SECTIONS:
            pad = th.sp(24)
            inner = flow.width - 2 * pad
            hh = self.services.text.line_height("subheading")
            bh = self.services.text.height_of(text, "body", inner)
            height = pad + hh + th.sp(8) + bh + pad
            link = heading == HELP_SECTION  # a way to the Getting help screen, inside the card
            lw, lh = small_button_size(self.services, HELP_LINK)
            if link:
                height += th.sp(16) + lh

            def draw(surface, rect, heading=heading, text=text, pad=pad, hh=hh):
                card(surface, rect, self.services, raised=False)
                inner_r = rect.inflate(-2 * pad, -2 * pad)
                self.services.text.draw(
                    surface,
                    heading,
                    pygame.Rect(inner_r.x, inner_r.y, inner_r.width, hh),
                    "subheading",
                )
                self.services.text.draw(
                    surface,
                    text,
                    pygame.Rect(
                        inner_r.x, inner_r.y + hh + th.sp(8), inner_r.width, inner_r.height - hh
                    ),
                    "body",
                )

            top = flow.y
            flow.block(height, draw)
            if link:
                r = pygame.Rect(flow.x + pad, top + height - pad - lh, lw, lh)
                paint = small_button_painter(self.services, HELP_LINK)
                flow.widget(Widget("help", r, paint, self.services.nav.to_help), advance=False)
            flow.gap(16)
        folder_section(self, flow, self.folder_note)

    def footer(self):
        return [FooterButton("done", "Back to the title", self.back, "primary")]
