"""The author's report: the facts to check about a scenario before sharing it.

``python main.py validate --report`` prints :func:`format_report` of
:func:`scenario_report` for each scenario that loads: how many different
playthroughs there are, how long they run, the lowest and highest
percentage a playthrough can reach, the endings by tone, and which styles
and skills the replies use.

The score range is taken over every path. A path's percentage is its own
score over its own maximum (10 per decision), so paths of different lengths
cannot be summed up front; and the number of paths can grow exponentially
with the number of beats. The dynamic programme below therefore keeps, for
each beat and each number of decisions still to come, only the lowest and
highest points reachable: for a fixed number of decisions the lowest
percentage comes from the lowest points and the highest from the highest,
so this is exact, and it is bounded by beats x longest path.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from game.core.graph import topological_order
from game.core.model import Scenario
from game.core.problems import display_path
from game.core.scoring import POINTS_PER_DECISION, percent, stars
from game.core.vocab import DIFFICULTIES, SKILLS, STYLES, TONES


@dataclass(frozen=True)
class Report:
    scenario_id: str
    title: str
    path: str
    beats: int
    endings: int
    replies: int
    paths: int
    shortest: int  # decisions on the shortest path
    longest: int  # decisions on the longest path
    lowest_percent: int
    highest_percent: int
    endings_by_tone: dict[str, tuple[str, ...]] = field(default_factory=dict)
    paths_by_ending: dict[str, int] = field(default_factory=dict)
    styles: dict[str, int] = field(default_factory=dict)  # style id -> replies with it
    skills: dict[str, int] = field(default_factory=dict)  # skill id -> replies showing it
    category: str = ""
    difficulty: int = 0

    @property
    def lowest_stars(self) -> int:
        return stars(self.lowest_percent)

    @property
    def highest_stars(self) -> int:
        return stars(self.highest_percent)


def scenario_report(scenario: Scenario) -> Report:
    """Every fact of the report, computed without walking the (possibly many) paths one by one."""
    # beats only, each after every node it leads to
    order = [n for n in reversed(topological_order(scenario)) if n in scenario.beats]
    # For each node: decisions to go -> (lowest points, highest points) over the paths from it.
    spans: dict[str, dict[int, tuple[int, int]]] = {e: {0: (0, 0)} for e in scenario.endings}
    counts: dict[str, int] = {e: 1 for e in scenario.endings}
    per_ending: dict[str, Counter] = {e: Counter({e: 1}) for e in scenario.endings}
    for beat_id in order:
        merged: dict[int, tuple[int, int]] = {}
        count = 0
        ending_counts: Counter = Counter()
        for choice in scenario.beats[beat_id].choices:
            for steps, (low, high) in spans[choice.next].items():
                lo, hi = low + choice.points, high + choice.points
                if steps + 1 in merged:
                    old_lo, old_hi = merged[steps + 1]
                    lo, hi = min(lo, old_lo), max(hi, old_hi)
                merged[steps + 1] = (lo, hi)
            count += counts[choice.next]
            ending_counts.update(per_ending[choice.next])
        spans[beat_id] = merged
        counts[beat_id] = count
        per_ending[beat_id] = ending_counts

    start = spans[scenario.start]
    lows = [percent(lo, POINTS_PER_DECISION * n) for n, (lo, _hi) in start.items()]
    highs = [percent(hi, POINTS_PER_DECISION * n) for n, (_lo, hi) in start.items()]

    reachable = set(order)
    choices = [c for b in scenario.beats.values() if b.id in reachable for c in b.choices]
    style_counts = Counter(c.style for c in choices)
    skill_counts = Counter(s for c in choices for s in c.skills)
    by_tone = {
        tone: tuple(e.id for e in scenario.endings.values() if e.tone == tone) for tone in TONES
    }
    return Report(
        scenario_id=scenario.id,
        title=scenario.title,
        path=display_path(scenario.path) if scenario.path else "",
        beats=len(scenario.beats),
        endings=len(scenario.endings),
        replies=sum(len(b.choices) for b in scenario.beats.values()),
        paths=counts[scenario.start],
        shortest=min(start),
        longest=max(start),
        lowest_percent=min(lows),
        highest_percent=max(highs),
        endings_by_tone=by_tone,
        paths_by_ending={e: per_ending[scenario.start].get(e, 0) for e in scenario.endings},
        styles={s: style_counts.get(s, 0) for s in STYLES},
        skills={s: skill_counts[s] for s in SKILLS if skill_counts.get(s)},
        category=scenario.category,
        difficulty=scenario.difficulty,
    )


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def format_report(report: Report) -> str:
    """The report as the terminal shows it: a heading line, then indented facts."""
    r = report
    difficulty = DIFFICULTIES.get(r.difficulty, str(r.difficulty))
    where = f"  ({r.path})" if r.path else ""
    lines = [
        f"{r.scenario_id}: {r.title}{where}",
        f"  {r.category}, {difficulty.lower()}; {_plural(r.beats, 'beat')}, "
        f"{_plural(r.endings, 'ending')}, {_plural(r.replies, 'reply', 'replies')}",
        f"  paths: {r.paths}",
        f"  decisions: {r.shortest} on the shortest path, {r.longest} on the longest",
        f"  score range: {r.lowest_percent}% to {r.highest_percent}% "
        f"({_plural(r.lowest_stars, 'star')} to {_plural(r.highest_stars, 'star')})",
    ]
    tones = []
    for tone, ids in r.endings_by_tone.items():
        if ids:
            tones.append(f"{tone} {len(ids)} ({', '.join(ids)})")
        else:
            tones.append(f"{tone} 0")
    lines.append("  endings: " + "; ".join(tones))
    lines.append(
        "  paths per ending: " + ", ".join(f"{e} {n}" for e, n in r.paths_by_ending.items())
    )
    lines.append("  styles: " + ", ".join(f"{s} {n}" for s, n in r.styles.items()))
    if r.skills:
        lines.append("  skills: " + ", ".join(f"{s} {n}" for s, n in r.skills.items()))
    else:
        lines.append("  skills: none listed")
    return "\n".join(lines)
