"""What the history remembers: finished playthroughs and the steps that made them.

Plain, immutable values; the store (:mod:`game.history.store`) reads and writes
them and :mod:`game.history.stats` computes everything the screens show.
Times are timezone-aware UTC datetimes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Step:
    """One decision of a finished playthrough, as it was when it was played.

    ``choice_index`` is the reply's position in the scenario file (not the
    shuffled order). ``skills``, ``text``, ``feedback``, ``line`` and
    ``speaker`` are copies taken when the playthrough was saved, so a review
    still shows what the player saw after the scenario has been edited or
    removed; they are empty for playthroughs saved by the first version of
    the history (schema 1).
    """

    beat_id: str
    choice_index: int
    style: str
    points: int
    skills: tuple[str, ...] = ()
    text: str = ""
    feedback: str = ""
    line: str = ""
    speaker: str = ""


@dataclass(frozen=True)
class Attempt:
    """One finished playthrough."""

    id: int
    scenario_id: str
    content_hash: str
    started_at: datetime
    ended_at: datetime
    seed: int
    score: int
    maximum: int
    percent: int
    stars: int
    ending_id: str
    steps: list[Step] = field(default_factory=list)
    # Copied from the scenario when saved (empty/None for schema-1 rows):
    ending_tone: str | None = None
    ending_title: str = ""
    scenario_title: str = ""
    difficulty: int | None = None
    ending_ids: tuple[str, ...] = ()  # every ending the scenario had at the time
    practice: bool = False  # "try another reply" was used: never counts toward progress

    def is_older_version(self, current_hash: str | None) -> bool:
        """True if this attempt was played on different content than ``current_hash``.

        ``None`` (the scenario is no longer installed) is not an older version:
        the attempt simply belongs to a removed scenario.
        """
        return bool(current_hash) and self.content_hash != current_hash

    @property
    def title(self) -> str:
        return self.scenario_title or self.scenario_id


@dataclass(frozen=True)
class Summary:
    """Where the player stands in one scenario."""

    scenario_id: str
    best_percent: int
    best_stars: int
    attempts: int
    last_played: datetime
    last_percent: int
    title: str = ""
    best_hash: str = ""  # content hash of the version the best was played on
    last_hash: str = ""
    endings_found: frozenset[str] = frozenset()

    def best_is_older_version(self, current_hash: str | None) -> bool:
        """True if the best score was set on an earlier version of the scenario."""
        return bool(current_hash) and self.best_hash != current_hash

    def is_older_version(self, current_hash: str | None) -> bool:
        """True if the last attempt was played on an earlier version of the scenario."""
        return bool(current_hash) and self.last_hash != current_hash
