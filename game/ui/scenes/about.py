"""About: what the game is, that it is practice and not therapy, credits and licences."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game import APP_NAME, __version__
from game.ui.blocks import Card, Heading, Text
from game.ui.scenes.common import Flow, FooterButton, Page
from game.ui.scenes.controls import (
    FolderNote,
    folder_section,
    small_button_painter,
    small_button_size,
)
from game.ui.widgets import Widget

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
        for heading, text in SECTIONS:
            if heading == HELP_SECTION:
                self.help_card(flow, heading, text)
            else:
                flow.add(Card([Heading(heading), Text(text)], gap=8, raised=False))
            flow.gap(16)
        folder_section(self, flow, self.folder_note)

    def help_card(self, flow: Flow, heading: str, text: str) -> None:
        """The practice-not-therapy card, with a way to the Getting help screen at its foot."""
        ui = self.services
        bw, bh = small_button_size(ui, HELP_LINK)
        card = Card([Heading(heading), Text(text), _Room(bh)], gap=8, raised=False)
        r = flow.add(card)
        pad = ui.theme.sp(card.pad)
        button = pygame.Rect(r.x + pad, r.bottom - pad - bh, bw, bh)
        paint = small_button_painter(ui, HELP_LINK)
        flow.widget(Widget("help", button, paint, ui.nav.to_help), advance=False)

    def footer(self):
        return [FooterButton("done", "Back to the title", self.back, "primary")]


@dataclass
class _Room:
    """Empty room in a card, where a button is placed."""

    height: int

    def measure(self, ui, width: int) -> int:
        return self.height + ui.theme.sp(8)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        pass
