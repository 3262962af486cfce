"""Scoring exactly as the scenario format defines it.

A playthrough's score is the sum of the points of the replies chosen; its
maximum is 10 per decision; the percentage is rounded to a whole number with
halves going up; stars follow from that whole percentage, so the stars always
agree with the number the player sees.
"""

from __future__ import annotations

from dataclasses import dataclass

POINTS_PER_DECISION = 10
STAR_THRESHOLDS = ((90, 3), (70, 2), (40, 1))


def percent(score: int, maximum: int) -> int:
    """``100 * score / maximum`` rounded to a whole number, halves up (62.5 -> 63)."""
    if maximum <= 0:
        return 0
    # Integer arithmetic, so there is no floating-point surprise at .5.
    return (200 * score + maximum) // (2 * maximum)


def stars(pct: int) -> int:
    """3 stars at 90 % or more, 2 at 70 %, 1 at 40 %, otherwise none."""
    for threshold, count in STAR_THRESHOLDS:
        if pct >= threshold:
            return count
    return 0


@dataclass(frozen=True)
class Score:
    score: int
    maximum: int

    @property
    def percent(self) -> int:
        return percent(self.score, self.maximum)

    @property
    def stars(self) -> int:
        return stars(self.percent)

    @classmethod
    def of(cls, points: list[int] | tuple[int, ...]) -> Score:
        return cls(sum(points), POINTS_PER_DECISION * len(points))

    def line(self) -> str:
        """The terminal player's last line: ``score: S/M (P%) stars: N``."""
        return f"score: {self.score}/{self.maximum} ({self.percent}%) stars: {self.stars}"
