"""The playthrough engine: one walk through a scenario, decision by decision.

Every front end (the terminal player, the window, the tests) drives the same
:class:`Playthrough`, so a given seed shows the same order of replies
everywhere. The order of a beat's replies depends only on the seed and the
beat's id, not on the path that led there.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from game.core.model import Beat, Choice, Ending, Scenario
from game.core.scoring import Score
from game.errors import PlaythroughError


@dataclass(frozen=True)
class Decision:
    """One reply the player chose, with what it earned."""

    beat: Beat
    choice: Choice
    shown_position: int  # 0-based position in the shuffled order the player saw

    @property
    def points(self) -> int:
        return self.choice.points

    @property
    def was_best(self) -> bool:
        return self.choice.points >= self.beat.model_answer.points


def new_seed() -> int:
    return secrets.randbelow(2**31)


def shuffled_choices(beat: Beat, seed: int) -> tuple[Choice, ...]:
    """The beat's replies in the order the given seed shows them."""
    order = list(beat.choices)
    random.Random(f"{seed}:{beat.id}").shuffle(order)
    return tuple(order)


class Playthrough:
    """A state machine over a validated scenario.

    >>> p = Playthrough(scenario, seed=7)
    >>> while not p.finished:
    ...     p.choose(0)          # index into p.choices, the shown order
    >>> p.score.line()
    """

    def __init__(
        self, scenario: Scenario, seed: int | None = None, *, start: str | None = None
    ) -> None:
        """A walk from the scenario's start, or from beat ``start`` (an author's playtest)."""
        if start is not None and start not in scenario.beats:
            raise PlaythroughError(f"there is no beat '{start}' in {scenario.id}")
        self.scenario = scenario
        self.seed = new_seed() if seed is None else int(seed)
        self.started_from = scenario.start if start is None else start
        self._node = self.started_from
        self.decisions: list[Decision] = []
        self.tries = 0  # how often "try another reply" was used
        self._choices = self._shuffle()

    @property
    def practice(self) -> bool:
        """True once "try another reply" was used: the run is practice and never counts
        as an attempt, a best or a star (see :meth:`try_another`)."""
        return self.tries > 0

    # -- where we are -------------------------------------------------------
    @property
    def finished(self) -> bool:
        return self.scenario.is_ending(self._node)

    @property
    def beat(self) -> Beat | None:
        return None if self.finished else self.scenario.beats[self._node]

    @property
    def ending(self) -> Ending | None:
        return self.scenario.endings[self._node] if self.finished else None

    @property
    def choices(self) -> tuple[Choice, ...]:
        """The current beat's replies in shown order (empty once finished)."""
        return self._choices

    @property
    def node_id(self) -> str:
        return self._node

    @property
    def path(self) -> list[str]:
        """Beat ids visited so far, then the ending id once finished."""
        return [d.beat.id for d in self.decisions] + [self._node]

    # -- acting -------------------------------------------------------------
    def choose(self, position: int) -> Decision:
        """Pick the reply at ``position`` in :attr:`choices` and move on."""
        if self.finished:
            raise PlaythroughError("the playthrough has already ended")
        if not 0 <= position < len(self._choices):
            raise PlaythroughError(
                f"there is no reply {position + 1}; pick 1 to {len(self._choices)}"
            )
        beat = self.scenario.beats[self._node]
        decision = Decision(beat=beat, choice=self._choices[position], shown_position=position)
        self.decisions.append(decision)
        self._node = decision.choice.next
        self._choices = self._shuffle()
        return decision

    @property
    def playtest(self) -> bool:
        """True for a walk started at another beat than ``start``: it is never saved."""
        return self.started_from != self.scenario.start

    def try_another(self) -> Beat:
        """Go back to the moment of the last decision, with the same replies in the same order.

        The playthrough becomes a practice run (:attr:`practice`). Works after
        any decision, also once the ending is reached. Returns the beat the
        player is back at.
        """
        if not self.decisions:
            raise PlaythroughError("there is no reply to take back yet")
        last = self.decisions.pop()
        self._node = last.beat.id
        self._choices = self._shuffle()
        self.tries += 1
        return last.beat

    def replay(self, file_indexes: Iterable[int]) -> None:
        """Make the given decisions, each a reply's position in the scenario file.

        Used to resume a saved place and for fixed-path play. Raises
        :class:`PlaythroughError` if a number does not fit the beat it reaches.
        """
        for index in file_indexes:
            beat = self.beat
            if beat is None:
                raise PlaythroughError("the path goes on past an ending")
            if not 0 <= index < len(beat.choices):
                raise PlaythroughError(
                    f"beat '{beat.id}' has no reply {index + 1}; it has {len(beat.choices)}"
                )
            self.choose(self._choices.index(beat.choices[index]))

    def restart(self, seed: int | None = None) -> Playthrough:
        """A fresh playthrough of the same scenario (a new shuffle unless seeded)."""
        return Playthrough(self.scenario, seed, start=self.started_from if self.playtest else None)

    # -- results ------------------------------------------------------------
    @property
    def score(self) -> Score:
        return Score.of([d.points for d in self.decisions])

    def _shuffle(self) -> tuple[Choice, ...]:
        if self.finished:
            return ()
        return shuffled_choices(self.scenario.beats[self._node], self.seed)
