"""Everything the progress screens and commands show, computed from attempts.

Pure functions over lists of :class:`Attempt` (any order unless said), so the
window only draws and the tests need no database. Where a current scenario
is known (from the library), pass it in as :class:`ScenarioFacts`; without
it the copies stored with each attempt are used, so removed scenarios still
count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from game.core.vocab import STYLES
from game.history.records import Attempt, Summary

TOUGH = 3
TEN_SCENARIOS = 10


def chronological(attempts: Iterable[Attempt]) -> list[Attempt]:
    """Oldest first (ties broken by id, the order they were saved)."""
    return sorted(attempts, key=lambda a: (a.ended_at, a.id))


# -- per scenario -------------------------------------------------------------
def summaries(attempts: Iterable[Attempt]) -> dict[str, Summary]:
    """Scenario id -> Summary (best, attempts, last played, endings found)."""
    by_id: dict[str, list[Attempt]] = {}
    for a in chronological(attempts):
        by_id.setdefault(a.scenario_id, []).append(a)
    out: dict[str, Summary] = {}
    for sid, group in by_id.items():
        # The best is the highest percentage; among equals, the earliest reached it.
        best = max(group, key=lambda a: (a.percent, -a.ended_at.timestamp(), -a.id))
        last = group[-1]
        out[sid] = Summary(
            scenario_id=sid,
            best_percent=best.percent,
            best_stars=best.stars,
            attempts=len(group),
            last_played=last.ended_at,
            last_percent=last.percent,
            title=last.scenario_title,
            best_hash=best.content_hash,
            last_hash=last.content_hash,
            endings_found=frozenset(a.ending_id for a in group),
        )
    return out


@dataclass(frozen=True)
class Improvement:
    """How one attempt compares with the attempts at the same scenario before it."""

    percent: int
    previous_best: int | None  # best percentage before this attempt; None on a first try
    previous_percent: int | None  # the attempt just before this one
    endings_found: int  # distinct endings found up to and including this attempt
    endings_total: int  # endings the scenario had when played (0 if unknown)

    @property
    def first_attempt(self) -> bool:
        return self.previous_best is None

    @property
    def is_new_best(self) -> bool:
        """Better than every earlier attempt (a first attempt is not called a new best)."""
        return self.previous_best is not None and self.percent > self.previous_best

    @property
    def difference_from_last(self) -> int | None:
        return None if self.previous_percent is None else self.percent - self.previous_percent

    @property
    def best(self) -> int:
        return max(self.percent, self.previous_best or 0)


def improvement(attempts: Iterable[Attempt], attempt: Attempt) -> Improvement:
    """Compare ``attempt`` with the earlier attempts (same scenario) in ``attempts``."""
    key = (attempt.ended_at, attempt.id)
    earlier = [
        a
        for a in chronological(attempts)
        if a.scenario_id == attempt.scenario_id and (a.ended_at, a.id) < key
    ]
    found = {a.ending_id for a in earlier} | {attempt.ending_id}
    return Improvement(
        percent=attempt.percent,
        previous_best=max((a.percent for a in earlier), default=None),
        previous_percent=earlier[-1].percent if earlier else None,
        endings_found=len(found),
        endings_total=len(attempt.ending_ids),
    )


def improvements(attempts: Iterable[Attempt]) -> dict[int, Improvement]:
    """Attempt id -> Improvement for every attempt, in one pass."""
    out: dict[int, Improvement] = {}
    best: dict[str, int] = {}
    last: dict[str, int] = {}
    found: dict[str, set[str]] = {}
    for a in chronological(attempts):
        seen = found.setdefault(a.scenario_id, set())
        seen.add(a.ending_id)
        out[a.id] = Improvement(
            a.percent,
            best.get(a.scenario_id),
            last.get(a.scenario_id),
            len(seen),
            len(a.ending_ids),
        )
        best[a.scenario_id] = max(best.get(a.scenario_id, 0), a.percent)
        last[a.scenario_id] = a.percent
    return out


def endings_found(attempts: Iterable[Attempt], scenario_id: str) -> set[str]:
    return {a.ending_id for a in attempts if a.scenario_id == scenario_id}


# -- over time ----------------------------------------------------------------
@dataclass(frozen=True)
class Point:
    when: datetime
    percent: int
    scenario_id: str
    attempt_id: int


def percent_series(attempts: Iterable[Attempt], scenario_id: str | None = None) -> list[Point]:
    """Percentage of each attempt over time, oldest first (one scenario, or all)."""
    return [
        Point(a.ended_at, a.percent, a.scenario_id, a.id)
        for a in chronological(attempts)
        if scenario_id is None or a.scenario_id == scenario_id
    ]


def running_best(points: Sequence[Point]) -> list[int]:
    """For a series of one scenario, the best percentage so far at each point."""
    out, best = [], 0
    for p in points:
        best = max(best, p.percent)
        out.append(best)
    return out


@dataclass(frozen=True)
class Trend:
    """Improvement on one scenario: the first try against the best and the latest."""

    scenario_id: str
    title: str
    first: int
    best: int
    last: int
    attempts: int
    last_played: datetime

    @property
    def gain(self) -> int:
        """How far the best has come since the first try (never negative)."""
        return self.best - self.first


def trends(attempts: Iterable[Attempt]) -> list[Trend]:
    """One :class:`Trend` per scenario, most recently played first.

    The progress chart compares each scenario with itself, so a tough scenario
    after an easy one never looks like a fall.
    """
    firsts: dict[str, Attempt] = {}
    bests: dict[str, int] = {}
    lasts: dict[str, Attempt] = {}
    counts: Counter[str] = Counter()
    for a in chronological(attempts):
        firsts.setdefault(a.scenario_id, a)
        bests[a.scenario_id] = max(bests.get(a.scenario_id, 0), a.percent)
        lasts[a.scenario_id] = a
        counts[a.scenario_id] += 1
    out = [
        Trend(
            sid,
            lasts[sid].title,
            firsts[sid].percent,
            bests[sid],
            lasts[sid].percent,
            counts[sid],
            lasts[sid].ended_at,
        )
        for sid in firsts
    ]
    out.sort(key=lambda t: (t.last_played, t.scenario_id), reverse=True)
    return out


@dataclass(frozen=True)
class StyleBucket:
    """The styles chosen in a run of consecutive attempts."""

    first: datetime
    last: datetime
    attempts: int
    counts: dict[str, int]  # style id -> decisions (every style id present, maybe 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, style: str) -> float:
        return self.counts.get(style, 0) / self.total if self.total else 0.0


def style_mix(attempts: Iterable[Attempt], buckets: int = 8) -> list[StyleBucket]:
    """The mix of styles chosen over time: attempts, oldest first, split into at most
    ``buckets`` runs of (nearly) equal size."""
    ordered = chronological(attempts)
    if not ordered:
        return []
    n = min(buckets, len(ordered))
    out = []
    for i in range(n):
        group = ordered[i * len(ordered) // n : (i + 1) * len(ordered) // n]
        counts = dict.fromkeys(STYLES, 0)
        for a in group:
            for s in a.steps:
                counts[s.style] = counts.get(s.style, 0) + 1
        out.append(StyleBucket(group[0].ended_at, group[-1].ended_at, len(group), counts))
    return out


def style_totals(attempts: Iterable[Attempt]) -> dict[str, int]:
    counts = dict.fromkeys(STYLES, 0)
    for a in attempts:
        for s in a.steps:
            counts[s.style] = counts.get(s.style, 0) + 1
    return counts


def skill_counts(attempts: Iterable[Attempt]) -> Counter[str]:
    """How often each skill was used (a skill counts once per decision that used it)."""
    counts: Counter[str] = Counter()
    for a in attempts:
        for s in a.steps:
            counts.update(s.skills)
    return counts


# -- across scenarios -----------------------------------------------------------
def scenarios_played(attempts: Iterable[Attempt]) -> int:
    return len({a.scenario_id for a in attempts})


def three_star_count(attempts: Iterable[Attempt]) -> int:
    """Scenarios whose best playthrough earned three stars."""
    return sum(1 for s in summaries(attempts).values() if s.best_stars == 3)


@dataclass(frozen=True)
class ScenarioFacts:
    """What stats need to know about a current scenario (from the library)."""

    id: str
    title: str
    difficulty: int
    ending_ids: frozenset[str]
    content_hash: str = ""
    ending_tones: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, scenario) -> ScenarioFacts:
        return cls(
            scenario.id,
            scenario.title,
            scenario.difficulty,
            frozenset(scenario.endings),
            scenario.content_hash,
            {e.id: e.tone for e in scenario.endings.values()},
        )


@dataclass(frozen=True)
class Milestone:
    id: str
    title: str
    text: str  # what it celebrates, in the second person
    reached_at: datetime | None = None
    detail: str = ""  # which scenario, once reached
    hint: str = ""  # how it could be reached, for one still ahead (an invitation, not a task)

    @property
    def reached(self) -> bool:
        return self.reached_at is not None


MILESTONES = (
    (
        "first-boundary",
        "First boundary held",
        "You finished a scenario with a good ending.",
        "Any scenario that ends well.",
    ),
    (
        "first-tough",
        "First tough scenario",
        "You finished a scenario rated Tough.",
        "Any scenario rated Tough, whenever you feel ready.",
    ),
    (
        "all-endings",
        "Every ending found",
        "You found every ending of a scenario.",
        "Replay a scenario and try other replies to find its other endings.",
    ),
    (
        "ten-scenarios",
        "Ten scenarios played",
        "You have played ten different scenarios.",
        "Ten different scenarios, at your own pace.",
    ),
)


def milestones(
    attempts: Iterable[Attempt], scenarios: Mapping[str, ScenarioFacts] | None = None
) -> list[Milestone]:
    """The four milestones, each with when it was first reached (or None, still ahead)."""
    scenarios = scenarios or {}
    reached: dict[str, tuple[datetime, str]] = {}
    played: set[str] = set()
    found: dict[str, set[str]] = {}
    for a in chronological(attempts):
        facts = scenarios.get(a.scenario_id)
        title = facts.title if facts else a.title
        tone = a.ending_tone
        if tone is None and facts:
            tone = facts.ending_tones.get(a.ending_id)
        difficulty = a.difficulty if a.difficulty is not None else (facts and facts.difficulty)
        if tone == "good":
            reached.setdefault("first-boundary", (a.ended_at, title))
        if difficulty == TOUGH:
            reached.setdefault("first-tough", (a.ended_at, title))
        seen = found.setdefault(a.scenario_id, set())
        seen.add(a.ending_id)
        all_endings = set(facts.ending_ids) if facts else set(a.ending_ids)
        if all_endings and all_endings <= seen:
            reached.setdefault("all-endings", (a.ended_at, title))
        played.add(a.scenario_id)
        if len(played) >= TEN_SCENARIOS:
            reached.setdefault("ten-scenarios", (a.ended_at, ""))
    out = []
    for mid, title, text, hint in MILESTONES:
        when, detail = reached.get(mid, (None, ""))
        out.append(Milestone(mid, title, text, when, detail, hint))
    return out


# -- the progress command ---------------------------------------------------------
def progress_rows(attempts: Iterable[Attempt]) -> list[dict]:
    """One dict per scenario (most recently played first) with exactly the keys
    ``id``, ``best_percent``, ``best_stars``, ``attempts``, ``last_played`` (ISO 8601)."""
    rows = sorted(summaries(attempts).values(), key=lambda s: s.last_played, reverse=True)
    return [
        {
            "id": s.scenario_id,
            "best_percent": s.best_percent,
            "best_stars": s.best_stars,
            "attempts": s.attempts,
            "last_played": s.last_played.isoformat(timespec="seconds"),
        }
        for s in rows
    ]
