"""The play screen's pause menu: resume, restart the scenario, get help, or quit to the menu.

Opened with ``nav.open_dialog(PauseMenu(services), on_result)``; the result is
``"resume"``, ``"restart"`` or ``"menu"``. "Getting help" opens that screen over the
menu itself, so closing it comes back to the paused scenario.
"""

from __future__ import annotations

from game.ui.scenes.common import Dialog, FooterButton

RESUME, RESTART, MENU = "resume", "restart", "menu"


class PauseMenu(Dialog):
    name = "pause"
    heading = "Paused"
    width = 460

    def buttons(self):
        return [
            FooterButton("resume", "Resume", lambda: self.dismiss(RESUME), "primary"),
            FooterButton(
                "restart", "Restart this scenario", lambda: self.dismiss(RESTART), "secondary"
            ),
            FooterButton("menu", "Quit to menu", lambda: self.dismiss(MENU), "secondary"),
            FooterButton("help", "Getting help", self.services.nav.to_help, "secondary"),
        ]

    def back(self) -> None:
        self.dismiss(RESUME)
