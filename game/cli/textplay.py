"""The terminal player: a scenario played with numbers typed at a prompt.

Each beat prints its narration and line, then the replies numbered from 1 in
the playthrough's (seeded) order. After a choice it prints the other person's
reaction, what they were feeling, the style and points, and the feedback.
After the ending the playthrough is saved, a line says so (or says that it
could not be saved), and the last line is exactly ``score: S/M (P%) stars: N``.
End of input before the ending quits without saving; so does Ctrl-C (exit 130).

After each choice the player may type ``t`` to try another reply at that moment
or ``a`` to see every reply there with its style, points and feedback (at the
next prompt, or at the one after the ending). A playthrough in which ``t`` was
used is practice: it is saved marked as practice, never counts as an attempt or
a best, and its last line reads ``practice: S/M (P%) stars: N``. A playtest
started at a later beat (``--beat``) is never saved.

Hostile terminals are expected: input that is not UTF-8 is an answer that is
not a number, a closed input is the end of input, an output that cannot take
a character gets an ASCII stand-in, and an output that cannot be written to
(a full disk) ends the game with one line on the error stream.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import textwrap
import threading
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from typing import TextIO

from game.core.engine import Playthrough
from game.core.model import Scenario
from game.core.vocab import DIFFICULTIES, NARRATOR, SKILLS

QUIT_WORDS = ("q", "quit", "exit")
MAX_ANSWER = 256  # bytes of one answer read at a time; the rest of a longer line is skipped
STOPPED = "Stopped; nothing was saved."
ASCII_STAND_INS = str.maketrans(
    {
        "·": "-",
        "–": "-",
        "—": "--",
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "…": "...",
        "\u00a0": " ",
    }
)

log = logging.getLogger(__name__)


class OutputFailed(Exception):
    """The terminal's output cannot be written to (a full disk, a closed pipe)."""


def _encodable(text: str, encoding: str) -> str:
    """``text`` as the output's encoding can carry it: ASCII stand-ins, then '?'."""
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        text = text.translate(ASCII_STAND_INS)
        return text.encode(encoding, "replace").decode(encoding)
    except LookupError:
        return text


TRY_WORDS = ("t", "try")
ALL_WORDS = ("a", "all")


class TextPlayer:
    def __init__(
        self,
        scenario: Scenario,
        seed: int | None,
        inp: TextIO | None,
        out: TextIO,
        *,
        start: str | None = None,
    ) -> None:
        self.playthrough = Playthrough(scenario, seed, start=start)
        self.inp = inp
        self.out = out
        self.encoding = getattr(out, "encoding", None) or "utf-8"
        width = shutil.get_terminal_size((80, 24)).columns
        self.width = max(40, min(width, 88))

    def write(self, text: str, end: str = "\n") -> None:
        try:
            print(_encodable(text, self.encoding), end=end, file=self.out, flush=True)
        except (OSError, ValueError) as exc:  # ValueError: the stream was closed
            raise OutputFailed(getattr(exc, "strerror", None) or str(exc)) from None

    def readline(self) -> str:
        """One answer; "" at the end of input. Bytes that are not UTF-8 become U+FFFD."""
        if self.inp is None:
            return ""
        buffer = getattr(self.inp, "buffer", None)
        try:
            if buffer is None:
                return self.inp.readline(MAX_ANSWER)
            raw = buffer.readline(MAX_ANSWER)
            if len(raw) == MAX_ANSWER and not raw.endswith(b"\n"):
                while True:  # skip the rest of an overlong line, a piece at a time
                    rest = buffer.readline(MAX_ANSWER)
                    if not rest or rest.endswith(b"\n"):
                        break
                raw = b"?\n"
            return raw.decode("utf-8", "replace")
        except (OSError, ValueError):  # a closed or unreadable input is its end
            return ""

    # -- output helpers -------------------------------------------------------
    def say(self, text: str = "", indent: str = "", hang: str | None = None) -> None:
        """Print wrapped to the terminal; ``hang`` indents the lines after the first."""
        for para in text.splitlines() or [""]:
            wrapped = textwrap.fill(
                para, self.width, initial_indent=indent,
                subsequent_indent=indent if hang is None else hang,
            )  # fmt: skip
            self.write(wrapped)

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
        if self.playthrough.playtest:
            self.say(f"Playtest from beat '{self.playthrough.started_from}': nothing is saved.")
        self.say("Type the number of your reply and press Enter (q quits).")
        self.say("After a reply, t tries another reply there and a shows every reply.")
        while True:
            while not self.playthrough.finished:
                if not self.decide():
                    self.say()
                    self.say(
                        "You left before the ending, so nothing was saved. Come back any time."
                    )
                    return False
            self.show_ending()
            if not self.after_ending():
                break
        self.finish()
        return True

    def after_ending(self) -> bool:
        """Offer t and a once the ending is shown; True if the player went back to try again."""
        while True:
            self.write("Press Enter to finish (t tries another reply, a shows every reply): ", end="")
            answer = self.readline().strip().lower()
            if answer in TRY_WORDS:
                self.try_another()
                return True
            if answer in ALL_WORDS:
                self.show_all_replies()
                continue
            return False

    def try_another(self) -> None:
        first = not self.playthrough.practice
        beat = self.playthrough.try_another()
        self.say()
        self.say(f"Back to that moment ({self.speaker_of(beat)} is waiting for your reply).")
        if first:
            self.say("This run is practice now: it won't change your best.")

    def show_all_replies(self) -> None:
        """Every reply of the last moment, in file order, the chosen one marked."""
        last = self.playthrough.decisions[-1]
        self.say()
        self.say("Every reply at that moment:")
        for choice in last.beat.choices:
            mark = "  (your reply)" if choice is last.choice else ""
            self.say(f"- {choice.text}{mark}", indent="  ", hang="    ")
            self.say(f"{choice.label.word} · +{choice.points} points", indent="    ")
            self.say(choice.feedback, indent="    ")
            if choice.reply:
                self.say(f'{self.speaker_of(last.beat)}: "{choice.reply}"', indent="    ")

    def speaker_of(self, beat) -> str:
        return "The narrator" if beat.speaker == NARRATOR else self.speaker(beat.speaker)

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
        return self.choose_here()

    def choose_here(self) -> bool:
        """List the replies of this moment and act on the answer (a number, t or a)."""
        self.say()
        for i, choice in enumerate(self.playthrough.choices, 1):
            self.say(f"{i}. {choice.text}", indent="  ", hang="     ")
        number = self.ask(len(self.playthrough.choices))
        if number is None:
            return False
        if number == "t":
            self.try_another()
            return True
        if number == "a":
            self.show_all_replies()  # then ask again at the same moment
            return self.choose_here()
        self.show_outcome(self.playthrough.choose(number - 1))
        return True

    def ask(self, count: int) -> int | str | None:
        """A reply number, "t" or "a" (after a first decision), or None to stop."""
        extra = bool(self.playthrough.decisions)
        while True:
            self.write(f"Your reply (1-{count}): ", end="")
            line = self.readline()
            if not line:
                self.write("")
                return None
            answer = line.strip().lower()
            if answer in QUIT_WORDS:
                return None
            if answer.isdigit() and 1 <= int(answer) <= count:
                return int(answer)
            if extra and answer in TRY_WORDS:
                return "t"
            if extra and answer in ALL_WORDS:
                return "a"
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

    def show_ending(self) -> None:
        ending = self.playthrough.ending
        self.say()
        self.say(f"== {ending.title} ({ending.tone} ending) ==")
        self.say(ending.text)

    def last_line(self) -> str:
        """``score: ...``, or ``practice: ...`` for a run where another reply was tried."""
        line = self.playthrough.score.line()
        return "practice:" + line.removeprefix("score:") if self.playthrough.practice else line

    def finish(self) -> None:
        p = self.playthrough
        if p.scenario.takeaway:
            self.say()
            self.say(f"Takeaway: {p.scenario.takeaway}")
        self.say()


def play_in_terminal(
    scenario: Scenario, seed: int | None, ctx, *, start: str | None = None
) -> int:
    """Play one scenario in the terminal; save a finished playthrough, then show its score.

    Returns 0, or 1 if the playthrough could not be saved or the output could not be
    written, or 130 after Ctrl-C. A playtest from a later beat (``start``) is not saved.
    """
    started = datetime.now(UTC)
    player = TextPlayer(scenario, seed, ctx.inp, ctx.out, start=start)
    saved: bool | None = None  # None until the save was tried
    try:
        if not player.run():
            return 0
        p = player.playthrough
        if p.playtest:
            saved = True
            player.write("A playtest from a later beat is not saved.")
        else:
            with _interrupts_deferred():  # a save is finished or not made, never half made
                saved, why = _record(ctx, p, started)
            done = "Saved as practice: it doesn't change your best." if p.practice else (
                "Saved to your history."
            )
            player.write(done if saved else why)
        player.write(player.last_line())
    except KeyboardInterrupt:
        with suppress(OutputFailed):
            player.write("")
            player.write(STOPPED if saved is None else "Stopped.")
        return 130
    except OutputFailed as exc:
        _silence(ctx.out)
        with suppress(OSError, ValueError):
            print(f"firm-and-kind: could not write to the terminal ({exc}); stopped", file=ctx.err)
        return 1
    return 0 if saved else 1


def _record(ctx, playthrough, started) -> tuple[bool, str]:
    """Save the playthrough: ``(True, "")``, or ``(False, a sentence saying why not)``."""
    from game.history import History

    history = None
    try:
        history = History.open(ctx.paths.history_db)
        attempt = history.record_finished(playthrough, started, datetime.now(UTC)).attempt
        notice = history.take_notice()
    except Exception as exc:  # noqa: BLE001 - the player hears why; the details go to the log
        log.exception("could not save a playthrough of %s", playthrough.scenario.id)
        return False, f"This playthrough could not be saved ({type(exc).__name__}: {exc})."
    finally:
        if history is not None:
            history.close()
    if attempt is None:
        return False, notice or "This playthrough could not be saved."
    if notice:
        print(notice, file=ctx.err)
    return True, ""


@contextmanager
def _interrupts_deferred():
    """Hold Ctrl-C until the block ends (only the main thread can set signal handlers)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _silence(stream) -> None:
    """Point a failed output at the null device, so what is still buffered drains quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
