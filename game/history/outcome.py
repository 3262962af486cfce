"""What finishing a playthrough meant: the attempt saved, and how it compares.

:meth:`game.history.store.History.record_finished` returns an :class:`Outcome`;
the window's debrief and the terminal player only show it.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.engine import Playthrough
from game.history.records import Attempt
from game.history.stats import Improvement


@dataclass(frozen=True)
class Outcome:
    """A finished playthrough and what the history made of it.

    ``attempt`` is None when nothing was saved (no history, or it could not be
    written); then ``improvement`` is None too. ``previous_best`` is the best
    percentage before this playthrough (None on a first try), and
    ``endings_found`` the distinct endings found so far (None without a history).
    """

    playthrough: Playthrough
    attempt: Attempt | None = None
    improvement: Improvement | None = None
    previous_best: int | None = None
    endings_found: int | None = None

    @property
    def recorded(self) -> bool:
        return self.attempt is not None

    @property
    def practice(self) -> bool:
        """"Try another reply" was used: saved marked as practice, never a best or a star."""
        return self.playthrough.practice or (self.attempt is not None and self.attempt.practice)

    @property
    def is_new_best(self) -> bool:
        return (
            not self.practice and self.improvement is not None and self.improvement.is_new_best
        )

    @property
    def first_try(self) -> bool:
        """Saved, and nothing was saved for this scenario before."""
        return self.recorded and self.previous_best is None
