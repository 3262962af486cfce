"""The terminal player: a scenario played with numbers typed at a prompt.

Each beat prints its narration and line, then the replies numbered from 1 in
the playthrough's (seeded) order. After a choice it prints the other person's
reaction, what they were feeling, the style and points, and the feedback.
After the ending the last line is exactly ``score: S/M (P%) stars: N``.
End of input before the ending quits without saving.
"""

from __future__ import annotations

import shutil
import textwrap
from datetime import UTC, datetime
from typing import TextIO

from game.core.engine import Playthrough
from game.core.model import Scenario
from game.core.vocab import DIFFICULTIES, NARRATOR, SKILLS

QUIT_WORDS = ("q", "quit", "exit")


class TextPlayer:
    def __init__(self, scenario: Scenario, seed: int | None, inp: TextIO, out: TextIO) -> None:
        self.playthrough = Playthrough(scenario, seed)
        self.inp = inp
        self.out = out
        width = shutil.get_terminal_size((80, 24)).columns
        self.width = max(40, min(width, 88))

    # -- output helpers -------------------------------------------------------
    def say(self, text: str = "", indent: str = "", hang: str | None = None) -> None:
        """Print wrapped to the terminal; ``hang`` indents the lines after the first."""
        for para in text.splitlines() or [""]:
            wrapped = textwrap.fill(
                para, self.width, initial_indent=indent,
                subsequent_indent=indent if hang is None else hang,
            )  # fmt: skip
            print(wrapped, file=self.out)

    def speaker(self, char_id: str) -> str:
        return self.playthrough.scenario.character(char_id).name

    # -- the game -------------------------------------------------------------
    def run(self) -> bool:
        """Play to the ending; False if input ended (or the player quit) first."""
        s = self.playthrough.scenario
        heading = f"{s.title}  ({DIFFICULTIES[s.difficulty]} · {s.category})"
        self.say(heading)
        self.say("=" * min(self.width, len(heading)))
        if s.content_warning:
            self.say(f"Content note: {s.content_warning}")
        self.say(s.summary)
        if s.goal:
            self.say(f"Your goal: {s.goal}")
        self.say("Type the number of your reply and press Enter (q quits).")
        while not self.playthrough.finished:
            if not self.decide():
                self.say()
                self.say("You left before the ending, so nothing was saved. Come back any time.")
                return False
        self.finish()
        return True

    def decide(self) -> bool:
        p = self.playthrough
        beat = p.beat
        self.say()
        self.say(f"-- {len(p.decisions) + 1} --")
        if beat.narration:
            self.say(beat.narration)
        if beat.speaker == NARRATOR:
            self.say(beat.line)
        else:
            self.say(f'{self.speaker(beat.speaker)}: "{beat.line}"')
        self.say()
        for i, choice in enumerate(p.choices, 1):
            self.say(f"{i}. {choice.text}", indent="  ", hang="     ")
        number = self.ask(len(p.choices))
        if number is None:
            return False
        decision = p.choose(number - 1)
        self.show_outcome(decision)
        return True

    def ask(self, count: int) -> int | None:
        while True:
            print(f"Your reply (1-{count}): ", end="", file=self.out, flush=True)
            line = self.inp.readline()
            if not line:
                print(file=self.out)
                return None
            answer = line.strip().lower()
            if answer in QUIT_WORDS:
                return None
            if answer.isdigit() and 1 <= int(answer) <= count:
                return int(answer)
            self.say(f"Please type a number from 1 to {count}.")

    def show_outcome(self, decision) -> None:
        choice, beat = decision.choice, decision.beat
        self.say()
        self.say(f"You: {choice.text}")
        if choice.reply:
            self.say(f'{self.speaker(beat.speaker)}: "{choice.reply}"')
        if beat.thought:
            self.say(f"Behind the words: {beat.thought}")
        style = choice.label  # "Partly assertive" for an assertive reply of 5 to 7 points
        line = f"{style.word} reply · +{choice.points} points"
        if choice.skills:
            line += " · skills: " + ", ".join(SKILLS[k].name for k in choice.skills)
        self.say(line)
        self.say(choice.feedback, indent="  ")
        if not decision.was_best:
            self.say(f'A stronger reply: "{beat.model_answer.text}"', indent="  ")

    def finish(self) -> None:
        p = self.playthrough
        ending = p.ending
        self.say()
        self.say(f"== {ending.title} ({ending.tone} ending) ==")
        self.say(ending.text)
        if p.scenario.takeaway:
            self.say()
            self.say(f"Takeaway: {p.scenario.takeaway}")
        self.say()
        print(p.score.line(), file=self.out)


def play_in_terminal(scenario: Scenario, seed: int | None, ctx) -> int:
    """Play one scenario in the terminal and record a finished playthrough."""
    started = datetime.now(UTC)
    player = TextPlayer(scenario, seed, ctx.inp, ctx.out)
    if player.run():
        _record(ctx, player.playthrough, started)
    return 0


def _record(ctx, playthrough, started) -> None:
    from game.history import History

    history = History.open(ctx.paths.history_db)
    try:
        history.record_finished(playthrough, started, datetime.now(UTC))
        notice = history.take_notice()
        if notice:
            print(notice, file=ctx.err)
    finally:
        history.close()
