"""The play screen's pause menu: resume, restart the scenario, or quit to the menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.ui.scenes.common import Dialog, FooterButton

if TYPE_CHECKING:
    from game.ui.scenes.play import PlayScene


class PauseMenu(Dialog):
    name = "pause"
    heading = "Paused"
    width = 460

    def __init__(self, app, play: PlayScene) -> None:
        super().__init__(app)
        self.play = play

    def buttons(self):
        return [
            FooterButton("resume", "Resume", self.back, "primary"),
            FooterButton("restart", "Restart this scenario", self.restart, "secondary"),
            FooterButton("menu", "Quit to menu", self.to_menu, "secondary"),
        ]

    def restart(self) -> None:
        self.app.stack.pop()
        self.play.restart()

    def to_menu(self) -> None:
        from game.ui.scenes.browser import BrowserScene
        from game.ui.scenes.title import TitleScene

        self.app.stack.pop()
        self.app.stack.pop()  # the play scene
        if not isinstance(self.app.stack.top, (BrowserScene, TitleScene)):
            self.app.stack.pop_to(TitleScene)
