"""Live reload in tests: a valid scenario, a clock the test moves, saving and settling."""

from __future__ import annotations

from pathlib import Path

GOOD = """\
id: reload-me
title: {title}
category: work
difficulty: 1
summary: Testing live reload.
characters:
  sam: {{name: Sam}}
start: ask
beats:
  ask:
    speaker: sam
    line: Can you cover for me?
    choices:
      - text: No, not this time.
        style: assertive
        feedback: Clear.
        next: {next}
      - text: Okay.
        style: passive
        feedback: Gave in.
        next: gave-in
endings:
  held: {{title: Held, tone: good, text: You kept your time.}}
  gave-in: {{title: Gave in, tone: poor, text: You covered again.}}
"""


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now

    def tick(self, seconds=0.3):
        self.now += seconds
        return self.now


class FakeScene:
    """Stands in for the play scene's live-reload hooks."""

    def __init__(self, path):
        self.scenario_path = path
        self.replaced = []
        self.problems = []

    def replace_scenario(self, scenario):
        self.replaced.append(scenario)

    def show_problems(self, problems):
        self.problems.append(list(problems))


def settle(reloader, clock, polls=3):
    """Advance the clock and poll a few times; the outcomes that were not None."""
    outcomes = []
    for _ in range(polls):
        clock.tick()
        out = reloader.update()
        if out is not None:
            outcomes.append(out)
    return outcomes


def save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
