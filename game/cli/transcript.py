"""A fixed path through a scenario, printed as a transcript an author can keep and diff.

``play --text --choices 3,1,2 FILE`` walks the path given by reply numbers
counted in the order the file lists them (not the shuffled order a player
sees), so the same file and the same numbers always print the same text. The
replies of each beat are listed in file order too. Nothing is saved.
"""

from __future__ import annotations

import textwrap

from game.core.engine import Playthrough
from game.core.model import Scenario
from game.core.vocab import DIFFICULTIES, NARRATOR, SKILLS
from game.errors import PlaythroughError

WIDTH = 88


class PathProblem(ValueError):
    """The numbers given do not make a path through the scenario."""


def parse_choices(text: str) -> list[int]:
    """``"3,1,2"`` -> ``[3, 1, 2]``; raises :class:`PathProblem` with a plain reason."""
    parts = [p.strip() for p in text.split(",")]
    if not parts or any(not p.isdigit() or len(p) > 3 or int(p) < 1 for p in parts):
        raise PathProblem(f"--choices takes reply numbers from 1, separated by commas, not {text!r}")
    return [int(p) for p in parts]


def transcript(scenario: Scenario, numbers: list[int], *, start: str | None = None) -> tuple[list[str], str | None]:
    """The transcript's lines, and a problem with the path (or None when it reached an ending)."""
    p = Playthrough(scenario, seed=0, start=start)
    lines: list[str] = []

    def say(text: str = "", indent: str = "", hang: str | None = None) -> None:
        rest = indent if hang is None else hang
        lines.extend(textwrap.fill(t, WIDTH, initial_indent=indent, subsequent_indent=rest)
                     if t else "" for t in (text.splitlines() or [""]))  # fmt: skip

    heading = f"{scenario.title}  ({DIFFICULTIES[scenario.difficulty]} · {scenario.category})"
    say(heading)
    say(f"Fixed path {','.join(map(str, numbers))} from beat '{p.started_from}' "
        "(reply numbers in file order); nothing is saved.")  # fmt: skip
    for step, number in enumerate(numbers, 1):
        beat = p.beat
        if beat is None:
            return lines, f"the path goes on after the ending '{p.node_id}' (number {step})"
        say()
        say(f"-- {step} · {beat.id} --")
        if beat.narration:
            say(beat.narration)
        who = "" if beat.speaker == NARRATOR else f"{scenario.character(beat.speaker).name}: "
        say(f"{who}\"{beat.line}\"" if who else beat.line)
        for i, c in enumerate(beat.choices, 1):
            say(f"{i}. {c.text}", indent="  ", hang="     ")
        try:
            p.replay([number - 1])
        except PlaythroughError:
            return lines, f"beat '{beat.id}' has no reply {number} (it has {len(beat.choices)})"
        d = p.decisions[-1]
        say(f"> {number}. {d.choice.text}", hang="     ")
        if d.choice.reply:
            say(f"{who}\"{d.choice.reply}\"" if who else d.choice.reply)
        label = f"{d.choice.label.word} · +{d.points} points"
        if d.choice.skills:
            label += " · skills: " + ", ".join(SKILLS[k].name for k in d.choice.skills)
        say(label, indent="  ")
        say(d.choice.feedback, indent="  ")
    if not p.finished:
        return lines, f"the path stops at beat '{p.node_id}' before an ending"
    say()
    say(f"== {p.ending.title} ({p.ending.tone} ending) ==")
    say(p.ending.text)
    say(p.score.line())
    return lines, None


def print_fixed_path(scenario: Scenario, choices: str, file, ctx, *, start: str | None = None) -> int:
    """Print the transcript of ``choices`` ("3,1,2"); 0, 1 if the path does not fit, 2 if unreadable."""
    try:
        numbers = parse_choices(choices)
    except PathProblem as exc:
        print(exc, file=ctx.err)
        return 2
    lines, problem = transcript(scenario, numbers, start=start)
    print("\n".join(lines), file=ctx.out)
    if problem:
        print(f"{file}: {problem}", file=ctx.err)
        return 1
    return 0
