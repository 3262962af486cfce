"""How guessable the best reply is from its shape alone, over a set of scenarios.

A player should have to read the situation to find the best reply. If the best
reply is nearly always the longest one, or the one without a hedge, a player
can score well without practising anything. This module measures that: for
every beat it asks whether a few simple guessing rules, which look only at
the replies' surface (length, words, sentences, hedges, punctuation, first
word, commas, "and"), pick the beat's best reply (:attr:`Beat.model_answer`).

Ties: each rule ranks the replies by its key and takes the first one in the
file among equals, as a player reading the file in order would. (In play the
order is shuffled, so a tie is a coin toss; the file order keeps the measure
repeatable.)

``python main.py validate --report`` prints :func:`format_guessing` of
:func:`guessing_report` after the per-scenario reports.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from game.core.model import Beat, Choice, Scenario
from game.core.scoring import Score

HEDGES = re.compile(
    r"\b(sorry|just|maybe|i think|i guess|perhaps|kind of|sort of|if that['’]s okay|um|uh)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…]+")


def sentence_count(text: str) -> int:
    """Sentences in a reply, counted by their end marks; at least 1."""
    return max(1, sum(1 for part in _SENTENCE_END.split(text) if part.strip()))


def _length(c: Choice) -> int:
    return len(c.text)


def _pick(key: Callable[[Choice], object]) -> Callable[[Sequence[Choice]], Choice]:
    """The reply with the highest ``key``, the first in the file among equals."""

    def rule(choices: Sequence[Choice]) -> Choice:
        ranked = sorted(choices, key=lambda c: c.index)
        return max(ranked, key=key)

    return rule


# Name -> rule. Each picks one reply of a beat from the surface of the replies alone.
RULES: dict[str, Callable[[Sequence[Choice]], Choice]] = {
    "longest": _pick(_length),
    "most words": _pick(lambda c: len(c.text.split())),
    "most sentences": _pick(lambda c: (sentence_count(c.text), len(c.text))),
    "no hedge, then longest": _pick(lambda c: (not HEDGES.search(c.text), len(c.text))),
    "no ? or !, then longest": _pick(
        lambda c: ("?" not in c.text and "!" not in c.text, len(c.text))
    ),
    "starts with I, then longest": _pick(
        lambda c: (re.match(r"\s*I\b", c.text) is not None, len(c.text))
    ),
    "most commas": _pick(lambda c: (c.text.count(","), len(c.text))),
    "contains ' and ', then longest": _pick(lambda c: (" and " in c.text, len(c.text))),
    "shortest": _pick(lambda c: -len(c.text)),
}
LONGEST = "longest"
# The library's bar (second edition): the best reply is the longest in at most 40% of beats,
# and no rule picks the best reply in more than half of them.
LONGEST_BAR = 0.40
RULE_BAR = 0.50


@dataclass(frozen=True)
class ScenarioGuessing:
    """One scenario's counts: how many beats each rule would get right."""

    scenario_id: str
    beats: int
    best_is_longest: int
    hits: dict[str, int]  # rule name -> beats where it picks the best reply
    chance: float  # expected hits for a player who picks at random
    always_longest_percent: int  # score of the path that always takes the longest reply
    always_longest_tone: str  # the tone of the ending that path reaches


@dataclass(frozen=True)
class GuessingReport:
    scenarios: tuple[ScenarioGuessing, ...]

    @property
    def beats(self) -> int:
        return sum(s.beats for s in self.scenarios)

    @property
    def best_is_longest(self) -> int:
        return sum(s.best_is_longest for s in self.scenarios)

    @property
    def hits(self) -> dict[str, int]:
        return {name: sum(s.hits[name] for s in self.scenarios) for name in RULES}

    @property
    def chance(self) -> float:
        return sum(s.chance for s in self.scenarios)

    def share(self, rule: str) -> float:
        """The fraction of beats (0 to 1) where ``rule`` picks the best reply."""
        return self.hits[rule] / self.beats if self.beats else 0.0

    @property
    def best_is_longest_share(self) -> float:
        return self.best_is_longest / self.beats if self.beats else 0.0

    @property
    def strongest_rule(self) -> tuple[str, float]:
        """The rule that guesses best, and the fraction of beats it gets right."""
        name = max(RULES, key=lambda r: (self.hits[r], -list(RULES).index(r)))
        return name, self.share(name)


def beat_hits(beat: Beat) -> dict[str, bool]:
    """For each rule, whether it picks this beat's best reply."""
    best = beat.model_answer
    return {name: rule(beat.choices) is best for name, rule in RULES.items()}


def _always(scenario: Scenario, rule: Callable[[Sequence[Choice]], Choice]) -> tuple[int, str]:
    """Follow ``rule`` from the start: the percentage scored and the ending's tone."""
    node, points = scenario.start, []
    while node in scenario.beats:  # no cycles in a valid scenario, so this ends
        choice = rule(scenario.beats[node].choices)
        points.append(choice.points)
        node = choice.next
    return Score.of(points).percent, scenario.endings[node].tone


def scenario_guessing(scenario: Scenario) -> ScenarioGuessing:
    hits = dict.fromkeys(RULES, 0)
    chance = 0.0
    for beat in scenario.beats.values():
        for name, hit in beat_hits(beat).items():
            hits[name] += hit
        chance += 1 / len(beat.choices)
    percent, tone = _always(scenario, RULES[LONGEST])
    return ScenarioGuessing(
        scenario_id=scenario.id,
        beats=len(scenario.beats),
        best_is_longest=hits[LONGEST],
        hits=hits,
        chance=chance,
        always_longest_percent=percent,
        always_longest_tone=tone,
    )


def guessing_report(scenarios: Iterable[Scenario]) -> GuessingReport:
    """The counts for every scenario, in the order given."""
    return GuessingReport(tuple(scenario_guessing(s) for s in scenarios))


def _pct(part: float, whole: int) -> str:
    return f"{round(100 * part / whole) if whole else 0}%"


def format_guessing(report: GuessingReport) -> str:
    """The report as ``validate --report`` prints it."""
    r = report
    n = r.beats
    width = max(len(name) for name in RULES) + 2
    lines = [
        f"Guessing the best reply by its shape ({n} beat{'s' * (n != 1)} in "
        f"{len(r.scenarios)} scenario{'s' * (len(r.scenarios) != 1)}):",
        f"  the best reply is the longest in {r.best_is_longest}/{n} beats "
        f"({_pct(r.best_is_longest, n)}; a random pick would be right in {_pct(r.chance, n)}; "
        f"aim for at most {LONGEST_BAR:.0%})",
        f"  a player who always picks by one rule gets the best reply in "
        f"(aim for at most {RULE_BAR:.0%} each):",
    ]
    for name, hits in r.hits.items():
        lines.append(f"    {name:<{width}}{hits:>4}/{n}  {_pct(hits, n):>4}")
    lines.append(
        "  per scenario: beats where the best reply is the longest; "
        "what always taking the longest reply scores"
    )
    id_width = max((len(s.scenario_id) for s in r.scenarios), default=0) + 2
    for s in sorted(r.scenarios, key=lambda s: s.scenario_id):
        share = f"{s.best_is_longest}/{s.beats}"
        lines.append(
            f"    {s.scenario_id:<{id_width}}{share:>5}  "
            f"{s.always_longest_percent:>3}%, {s.always_longest_tone} ending"
        )
    return "\n".join(lines)
