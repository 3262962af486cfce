"""Keeping the player's place in an unfinished scenario, quietly.

Leaving mid-scenario (Pause → Quit to menu, closing the window, SIGTERM) keeps the
place in ``paths.resume_file``; finishing or restarting the scenario forgets it.
A kept place never counts as an attempt: only a finished playthrough is recorded.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from game.core.engine import Playthrough
from game.history.resume import Place, clear_place, load_place, save_place

if TYPE_CHECKING:
    from game.ui.scenes.play import PlayScene  # annotations only


def keep_place(scene: PlayScene) -> None:
    """Keep where the player is, if they have answered anything and not finished.

    An author's playtest from a later beat is never kept (nor saved)."""
    p = scene.playthrough
    if scene.done or p.finished or p.playtest or not (p.decisions or p.tries):
        return
    save_place(scene.services.paths.resume_file, Place.of(p, scene.started_at))


def forget_place(scene: PlayScene) -> None:
    """Forget the kept place if it is this scenario's (finished or restarted)."""
    path = scene.services.paths.resume_file
    place = load_place(path)
    if place is not None and place.scenario_id == scene.scenario.id:
        clear_place(path)


CHANGED = "This scenario changed since you left, so it starts from the beginning."


def kept_place(services):
    """(place, scenario) for the title's "Continue", or None when nothing can be continued."""
    place = load_place(services.paths.resume_file)
    if place is None:
        return None
    scenario = services.library().by_id(place.scenario_id)
    return None if scenario is None else (place, scenario)


def continue_place(services) -> None:
    """Open the kept place at the same moment; a changed scenario starts over, with a note."""
    found = kept_place(services)
    if found is None:
        return
    place, scenario = found
    playthrough = place.restore(scenario)
    started_at = place.started_at
    if playthrough is None:
        clear_place(services.paths.resume_file)
        playthrough = Playthrough(scenario)
        started_at = datetime.now().astimezone()
        services.toast(CHANGED, seconds=8)
    services.nav.to_resume(scenario, playthrough, started_at)
