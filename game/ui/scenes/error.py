"""The friendly error screen: something went wrong, here is where the details are."""

from __future__ import annotations

from game.ui.scenes.common import Flow, FooterButton, Page


class ErrorScene(Page):
    name = "error"
    title = "Something went wrong"
    show_back = False

    def build(self, flow: Flow) -> None:
        pal = self.services.theme.palette
        flow.gap(16)
        flow.text(
            "Sorry, the game ran into a problem it did not expect. Nothing you did caused it, and "
            "your progress so far is kept.",
            "line",
        )
        flow.gap(16)
        flow.text(
            "The details were written to this file, which helps if you report the problem:",
            "body",
            pal.muted,
        )
        flow.gap(8)
        flow.text(str(self.services.paths.log_file), "body_bold")

    def footer(self):
        return [
            FooterButton("quit", "Quit", self.services.window.quit, "secondary"),
            FooterButton("title", "Back to the title", self.to_title, "primary"),
        ]

    default_focus = "title"

    def to_title(self) -> None:
        self.services.nav.to_title()

    def back(self) -> None:
        self.to_title()
