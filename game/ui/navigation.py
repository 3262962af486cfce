"""The navigator: the one module that knows the scene classes.

Scenes never import or construct each other. They ask the navigator, which
they find at ``self.services.nav``, to go somewhere::

    self.services.nav.to_briefing(scenario)
    self.services.nav.to_debrief(outcome)
    self.services.nav.back()

A dialog gives its result to whoever opened it, the way Textual's
``dismiss(result)`` does::

    self.services.nav.open_dialog(ResetDialog(self.services), self.reset_done)
    ...  # in the dialog:
    self.dismiss(True)          # pops the dialog, then calls reset_done(True)

To add a screen: write its scene module under ``game/ui/scenes/``, import its
class here, and add one ``to_...`` method (and its signature to
:class:`game.ui.services.Navigation`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from game.core.engine import Decision, Playthrough
from game.core.model import Beat, Choice, Scenario
from game.history.outcome import Outcome
from game.history.records import Attempt
from game.ui.scene import Scene, SceneStack
from game.ui.scenes.about import AboutScene
from game.ui.scenes.all_replies import AllRepliesScene
from game.ui.scenes.backlog import BacklogScene
from game.ui.scenes.branch_map import BranchMapScene
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.browser import BrowserScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.error import ErrorScene
from game.ui.scenes.help import HelpScene
from game.ui.scenes.how_it_works import HowItWorksScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.progress import ProgressScene
from game.ui.scenes.review import ReviewScene
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.title import TitleScene
from game.ui.services import Services

OnResult = Callable[[Any], None]


class Navigator:
    """Moves between scenes on the stack; see the module docstring."""

    def __init__(self, stack: SceneStack) -> None:
        self.stack = stack
        self._services: Services | None = None
        self._waiting: dict[int, OnResult | None] = {}  # id(dialog) -> its opener's callback

    def bind(self, services: Services) -> None:
        """Give the navigator the services it hands to the scenes it builds (once, at start)."""
        self._services = services

    @property
    def services(self) -> Services:
        if self._services is None:
            raise RuntimeError("the navigator is used before the window bound its services")
        return self._services

    # -- where to go ----------------------------------------------------------------
    def to_title(self) -> None:
        """The title alone (everything else is closed)."""
        self.stack.reset(TitleScene(self.services))

    def to_menu(self, *, or_title: bool = False) -> None:
        """Back to the scenario list below; without one, the title (``or_title``) or a new list."""
        if self.stack.pop_to(BrowserScene):
            return
        if or_title and self.stack.pop_to(TitleScene):
            return
        self.stack.reset(TitleScene(self.services), BrowserScene(self.services))

    def to_browser(self) -> None:
        self.stack.push(BrowserScene(self.services))

    def to_briefing(
        self,
        scenario: Scenario,
        *,
        seed: int | None = None,
        live: bool = False,
        replace: bool = False,
    ) -> None:
        """The scenario's briefing; ``replace`` puts it in the place of the current scene."""
        scene = BriefingScene(self.services, scenario, seed=seed, live=live)
        self.stack.replace(scene) if replace else self.stack.push(scene)

    def to_play(self, scenario: Scenario, *, seed: int | None = None, live: bool = False) -> None:
        """Play ``scenario`` in the place of the current scene (the briefing or a debrief)."""
        self.stack.replace(PlayScene(self.services, scenario, seed=seed, live=live))

    def to_resume(self, scenario: Scenario, playthrough: Playthrough, started_at: datetime) -> None:
        """Continue a kept place: the play scene at the same moment, over the current scene."""
        self.stack.push(PlayScene(self.services, scenario, resume=(playthrough, started_at)))

    def to_all_replies(
        self,
        beat: Beat,
        chosen: Choice | None = None,
        scenario: Scenario | None = None,
        *,
        back_words: str = "Back",
    ) -> None:
        """Every reply of ``beat`` with its style, points, feedback and reaction; ``chosen`` marked."""
        self.stack.push(AllRepliesScene(self.services, beat, chosen, scenario, back_words=back_words))

    def to_backlog(
        self, scenario: Scenario, playthrough: Playthrough, decision: Decision | None = None
    ) -> None:
        """The story so far, over the play screen (which keeps its moment)."""
        self.stack.push(BacklogScene(self.services, scenario, playthrough, decision))
    def to_playtest(
        self, scenario: Scenario, beat_id: str, *, seed: int | None = None, live: bool = False
    ) -> None:
        """An author's playtest: play from ``beat_id`` over the current scene (never saved)."""
        self.stack.push(PlayScene(self.services, scenario, seed=seed, live=live, start=beat_id))

    def to_debrief(self, outcome: Outcome, *, live: bool = False) -> None:
        """The debrief of a recorded playthrough, in the place of the play scene."""
        self.stack.replace(DebriefScene(self.services, outcome, live=live))

    def to_progress(self, scenario_id: str | None = None) -> None:
        self.stack.push(ProgressScene(self.services, scenario_id))

    def to_branch_map(self, scenario: Scenario) -> None:
        self.stack.push(BranchMapScene(self.services, scenario))

    def to_review(
        self, attempt: Attempt, scenario: Scenario | None, attempts: list[Attempt] | None = None
    ) -> None:
        self.stack.push(ReviewScene(self.services, attempt, scenario, attempts))

    def to_how_it_works(self) -> None:
        """The short "How it works": the styles, points and stars, practice not a test."""
        self.stack.push(HowItWorksScene(self.services))

    def to_settings(self) -> None:
        self.stack.push(SettingsScene(self.services))

    def to_about(self) -> None:
        self.stack.push(AboutScene(self.services))

    def to_help(self) -> None:
        """The Getting help screen, over whatever is showing (Back returns to it)."""
        self.stack.push(HelpScene(self.services))

    def to_error(self) -> None:
        """The friendly error screen alone (the window calls this after logging a bug)."""
        if isinstance(self.stack.top, ErrorScene):
            raise RuntimeError("the error screen itself failed")
        self.stack.reset(ErrorScene(self.services))

    def back(self) -> None:
        """Close the current scene (closing the last one ends the game)."""
        self.stack.pop()

    # -- dialogs ----------------------------------------------------------------------
    def open_dialog(self, dialog: Scene, on_result: OnResult | None = None) -> None:
        """Show ``dialog`` over the current scene; ``on_result(result)`` runs when it is dismissed."""
        self._waiting[id(dialog)] = on_result
        self.stack.push(dialog)

    def dismiss(self, dialog: Scene, result: Any = None) -> None:
        """Close ``dialog`` (and anything above it), then give ``result`` to its opener."""
        on_result = self._waiting.pop(id(dialog), None)
        if dialog in self.stack.scenes:
            while self.stack.top is not dialog:
                self.stack.pop()
            self.stack.pop()
        if on_result is not None:
            on_result(result)
