"""What a scene may use: one typed :class:`Services` object, handed to every scene.

The window (:mod:`game.ui.app`) builds it once. A scene reaches everything
through ``self.services``: the theme and text renderer to draw with, the
player's settings and history, the scenario library, the player's folders,
sound, notices (the small messages at the bottom), the navigator that opens
other screens, and the window itself (redraw, input mode, quit).

Nothing here is global: tests build as many as they like.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from game.history import Attempt, History
from game.paths import AppPaths
from game.ui.audio import Audio
from game.ui.library_loader import LibraryLoader
from game.ui.notices import Notices
from game.ui.portrait_cache import PortraitCache
from game.ui.settings import Settings
from game.ui.text import TextRenderer
from game.ui.theme import Theme

if TYPE_CHECKING:  # annotations only: the navigator imports every scene module
    from collections.abc import Callable
    from datetime import datetime

    from game.core.engine import Decision, Playthrough
    from game.core.model import Beat, Choice, Scenario
    from game.history.outcome import Outcome


class Window(Protocol):
    """The parts of the window a scene may touch (:class:`game.ui.app.App` provides them)."""

    dirty: bool  # set True to have the next frame drawn
    keyboard_mode: bool  # True after a key press, False after mouse use: focus rings show

    def quit(self, status: int = 0) -> None: ...

    def apply_settings(self, *, save: bool = True) -> None: ...

    def toggle_fullscreen(self) -> None: ...

    def new_moment(self) -> None: ...  # the screen changed: older input is not acted on

    def busy(self) -> None: ...  # something slow ran: drop input queued meanwhile


class Navigation(Protocol):
    """Where a scene can go (:class:`game.ui.navigation.Navigator` provides it)."""

    def to_title(self) -> None: ...
    def to_menu(self) -> None: ...
    def to_browser(self) -> None: ...
    def to_briefing(self, scenario: Scenario, *, seed: int | None = None, live: bool = False,
                    replace: bool = False) -> None: ...  # fmt: skip
    def to_play(
        self, scenario: Scenario, *, seed: int | None = None, live: bool = False
    ) -> None: ...
    def to_resume(
        self, scenario: Scenario, playthrough: Playthrough, started_at: datetime
    ) -> None: ...
    def to_all_replies(self, beat: Beat, chosen: Choice | None = None,
                       scenario: Scenario | None = None, *, back_words: str = "Back") -> None: ...  # fmt: skip
    def to_backlog(self, scenario: Scenario, playthrough: Playthrough,
                   decision: Decision | None = None) -> None: ...  # fmt: skip
    def to_debrief(self, outcome: Outcome, *, live: bool = False) -> None: ...
    def to_progress(self, scenario_id: str | None = None) -> None: ...
    def to_playtest(self, scenario: Scenario, beat_id: str, *, seed: int | None = None,
                    live: bool = False) -> None: ...  # fmt: skip
    def to_branch_map(self, scenario: Scenario) -> None: ...
    def to_review(self, attempt: Attempt, scenario: Scenario | None,
                  attempts: list[Attempt] | None = None) -> None: ...  # fmt: skip
    def to_how_it_works(self) -> None: ...
    def to_settings(self) -> None: ...
    def to_about(self) -> None: ...
    def to_help(self) -> None: ...
    def back(self) -> None: ...
    def open_dialog(self, dialog: Any, on_result: Callable[[Any], None] | None = None) -> None: ...
    def dismiss(self, dialog: Any, result: Any = None) -> None: ...


@dataclass(eq=False)
class Services:
    """Everything a scene may use; built by the window, passed to every scene."""

    theme: Theme
    text: TextRenderer
    settings: Settings
    history: History | None  # None when the history file could not be opened at all
    library: LibraryLoader  # call it for the current library; .reload() after a change
    paths: AppPaths
    audio: Audio
    notices: Notices
    nav: Navigation
    window: Window
    portraits: PortraitCache

    @property
    def motion(self) -> bool:
        """Whether the player allows animation."""
        return self.settings.motion

    def sound(self, name: str) -> None:
        """Play one of the interface sounds (silent when muted or without a sound device)."""
        self.audio.play(name)

    def toast(self, text: str, seconds: float = 5.0) -> None:
        """Show a short notice at the bottom of the window."""
        self.notices.show(text, seconds)
        self.window.dirty = True

    def attempts(self, scenario_id: str | None = None) -> list[Attempt]:
        """The history's finished playthroughs, newest first; [] without a history."""
        return [] if self.history is None else self.history.attempts(scenario_id)

    def take_history_notice(self) -> None:
        """Show the history's pending message (a file set aside, saving failed), once."""
        if self.history is not None:
            notice = self.history.take_notice()
            if notice:
                self.toast(notice, seconds=8)
