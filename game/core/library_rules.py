"""Rules over a whole library that no single file can break: the second edition's bar.

These are facts about a set of scenarios, not about one file, so the validator
does not check them; ``validate --report`` prints them, and a test holds the
shipped library to them:

- at least :data:`MIN_SCENARIOS` scenarios;
- the best reply is the longest in at most 40% of beats, and no simple guessing rule
  picks the best reply in more than half of them (see :mod:`game.core.guessing`);
- second chances: at most :data:`MAX_PASSIVE_DEAD_ENDS` scenarios end straight after a
  passive first reply (a passive reply at the start beat that leads to an ending).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from game.core.guessing import LONGEST_BAR, RULE_BAR, guessing_report
from game.core.model import Choice, Scenario

MIN_SCENARIOS = 50
MAX_PASSIVE_DEAD_ENDS = 3


def passive_dead_ends(scenario: Scenario) -> tuple[Choice, ...]:
    """The passive replies at the start beat that lead straight to an ending: a player who
    starts by giving in, as people-pleasers do, gets no second chance."""
    start = scenario.beats[scenario.start]
    return tuple(c for c in start.choices if c.style == "passive" and scenario.is_ending(c.next))


def scenarios_without_second_chance(scenarios: Iterable[Scenario]) -> list[str]:
    """Ids of the scenarios that end after a single passive first reply, sorted."""
    return sorted(s.id for s in scenarios if passive_dead_ends(s))


def second_edition_problems(scenarios: Sequence[Scenario]) -> list[str]:
    """Every way ``scenarios`` falls short of the second edition's bar, one sentence each;
    empty when the library meets it."""
    problems = []
    if len(scenarios) < MIN_SCENARIOS:
        problems.append(f"{len(scenarios)} scenarios; the library needs at least {MIN_SCENARIOS}")
    report = guessing_report(scenarios)
    if report.beats and report.best_is_longest_share > LONGEST_BAR:
        problems.append(
            f"the best reply is the longest in {report.best_is_longest}/{report.beats} beats "
            f"({report.best_is_longest_share:.0%}); at most {LONGEST_BAR:.0%} is allowed"
        )
    for rule, hits in report.hits.items():
        if report.beats and hits / report.beats > RULE_BAR:
            problems.append(
                f"the rule '{rule}' picks the best reply in {hits}/{report.beats} beats "
                f"({hits / report.beats:.0%}); at most {RULE_BAR:.0%} is allowed"
            )
    dead = scenarios_without_second_chance(scenarios)
    if len(dead) > MAX_PASSIVE_DEAD_ENDS:
        problems.append(
            f"{len(dead)} scenarios end after a single passive first reply "
            f"(at most {MAX_PASSIVE_DEAD_ENDS}): {', '.join(dead)}"
        )
    return problems


def format_second_edition(scenarios: Sequence[Scenario], *, with_bar: bool = False) -> str:
    """The second-chances count as ``validate --report`` prints it; with ``with_bar`` (for
    the shipped library) also every way the set falls short of the bar."""
    dead = scenarios_without_second_chance(scenarios)
    lines = [
        f"Second chances: {len(dead)} of {len(scenarios)} scenarios end after a single passive "
        f"first reply (aim for at most {MAX_PASSIVE_DEAD_ENDS} in the library)"
        + (f": {', '.join(dead)}" if dead else "")
    ]
    if with_bar:
        problems = second_edition_problems(scenarios)
        if problems:
            lines.append("The library's bar is not met yet:")
            lines.extend(f"  - {p}" for p in problems)
        else:
            lines.append("The library's bar is met.")
    return "\n".join(lines)
