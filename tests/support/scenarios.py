"""Helpers for writing scenario fixtures in tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

from game.core.loader import load_scenario_file

BASE = textwrap.dedent(
    """\
    id: test-scenario
    title: A test
    category: work
    difficulty: 2
    summary: Someone asks you for something.
    characters:
      sam: {name: Sam, role: Coworker}
    start: ask
    beats:
      ask:
        speaker: sam
        mood: hopeful
        line: Could you help me?
        choices:
          - text: No, thank you.
            style: assertive
            skills: [clear-no]
            feedback: Clear and kind.
            next: second
          - text: Fine, I guess.
            style: passive
            feedback: You gave in.
            next: gave-in
      second:
        speaker: sam
        line: Please?
        choices:
          - text: Still no.
            style: assertive
            points: 8
            feedback: You held it.
            next: held
          - text: Ugh, whatever.
            style: passive-aggressive
            feedback: Sulky.
            next: gave-in
    endings:
      held:
        title: Held
        tone: good
        text: You kept your time.
      gave-in:
        title: Gave in
        tone: poor
        text: You lost your afternoon.
    """
)


def write(tmp_path: Path, text: str, name: str = "s.yaml") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load(tmp_path: Path, text: str, *, fast: bool = True, name: str = "s.yaml"):
    return load_scenario_file(write(tmp_path, text, name), fast=fast)


def pos(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """(line, column), 1-based, of the n-th occurrence of ``needle`` in ``text``."""
    at = -1
    for _ in range(occurrence):
        at = text.index(needle, at + 1)
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return line, column


def errors(problems):
    return [p for p in problems if p.is_error]
