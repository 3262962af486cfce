"""The scenario model: plain, immutable data built by the validator.

A :class:`Scenario` only exists once its file has passed validation, so code
that holds one may rely on every rule of the format: references resolve,
every beat is reachable, there are no cycles, and every beat has an assertive
reply.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from game.core.vocab import (
    GENERAL_HINT,
    NARRATOR,
    SKILL_HINTS,
    SKILLS,
    STYLES,
    Skill,
    Style,
    StyleLabel,
    display_style,
)


@dataclass(frozen=True)
class Character:
    id: str
    name: str
    role: str = ""
    pronouns: str = ""
    portrait: Path | None = None

    @property
    def label(self) -> str:
        """ "Sam · Coworker", or just the name."""
        return f"{self.name} · {self.role}" if self.role else self.name


NARRATOR_CHARACTER = Character(id=NARRATOR, name="Narrator")


@dataclass(frozen=True)
class Choice:
    text: str
    style: str
    points: int
    feedback: str
    next: str
    skills: tuple[str, ...] = ()
    reply: str = ""
    reply_mood: str | None = None
    index: int = 0  # position in the file, before any shuffle
    line: int = 0  # where the choice starts in its file, for messages

    @property
    def style_info(self) -> Style:
        return STYLES[self.style]

    @property
    def label(self) -> StyleLabel:
        """How the style is shown: "Partly assertive" for an assertive reply of 5 to 7 points."""
        return display_style(self.style, self.points)

    @property
    def skill_info(self) -> tuple[Skill, ...]:
        return tuple(SKILLS[s] for s in self.skills)


@dataclass(frozen=True)
class Beat:
    id: str
    speaker: str
    line: str
    choices: tuple[Choice, ...]
    mood: str = "neutral"
    narration: str = ""
    thought: str = ""
    hint: str | None = None  # the author's nudge before choosing (format 1.1), if written

    @property
    def model_answer(self) -> Choice:
        """The highest-scoring reply (the first in the file among equals)."""
        return max(self.choices, key=lambda c: (c.points, -c.index))

    def hint_text(self) -> str:
        """The hint to show before choosing: the author's, else a general one (see hint_for)."""
        return hint_for(self)


def hint_for(beat: Beat) -> str:
    """The beat's own ``hint`` if the author wrote one; otherwise a general nudge built from
    the first skill of the beat's best reply (a line of ``SKILL_HINTS``), or ``GENERAL_HINT``
    when that reply lists no skills. The general lines name a way of replying, never the
    reply itself, and a hint never changes the score."""
    if beat.hint:
        return beat.hint
    for skill in beat.model_answer.skills:
        if skill in SKILL_HINTS:
            return SKILL_HINTS[skill]
    return GENERAL_HINT


@dataclass(frozen=True)
class Ending:
    id: str
    title: str
    text: str
    tone: str


@dataclass(frozen=True, eq=False)
class Scenario:
    id: str
    title: str
    category: str
    difficulty: int
    summary: str
    characters: dict[str, Character]
    start: str
    beats: dict[str, Beat]
    endings: dict[str, Ending]
    goal: str = ""
    takeaway: str = ""
    content_warning: str = ""
    tags: tuple[str, ...] = ()
    format: int = 1
    path: Path | None = None
    content_hash: str = ""
    warnings: tuple = field(default=(), repr=False)
    # Where things start in the file: "id", "beat:<id>", "ending:<id>" -> (line, column).
    positions: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)

    def character(self, char_id: str) -> Character:
        if char_id == NARRATOR:
            return self.characters.get(NARRATOR, NARRATOR_CHARACTER)
        return self.characters[char_id]

    def is_ending(self, node_id: str) -> bool:
        return node_id in self.endings

    def longest_path(self) -> int:
        """The most decisions any playthrough can take."""
        return self.decisions_left(self.start)

    def shortest_path(self) -> int:
        """The fewest decisions any playthrough can take."""
        return self.decisions_left(self.start, min)

    def decisions_left(self, node_id: str, pick: Callable[[Iterable[int]], int] = max) -> int:
        """Decisions from ``node_id`` to an ending, ``pick`` (max or min) choosing among replies.

        Iterative, so a long chain of beats cannot exhaust Python's recursion limit.
        """
        memo: dict[str, int] = {e: 0 for e in self.endings}
        stack = [node_id]
        while stack:
            node = stack[-1]
            if node in memo:
                stack.pop()
                continue
            pending = [c.next for c in self.beats[node].choices if c.next not in memo]
            if pending:
                stack.extend(pending)
            else:
                memo[node] = 1 + pick(memo[c.next] for c in self.beats[node].choices)
                stack.pop()
        return memo[node_id]
