"""What the debrief says first: one thing that went well and one thing to try next.

Kindness over grades: the percentage and stars still exist, but the words lead.
In a scenario with a content note the debrief talks about the safest replies
instead of judging how a frightening moment was handled.

>>> c = coach(playthrough.scenario, playthrough.decisions)
>>> c.went_well      # always a genuine sentence
>>> c.try_next       # one suggestion, or None when every reply was the strongest
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.core.engine import Decision
from game.core.model import Scenario
from game.core.vocab import SKILLS

# What a skill sounds like when the player has just used it.
DID = {
    "clear-no": "said a clear no",
    "no-over-explaining": "kept your reason short",
    "i-statement": "spoke from your own experience",
    "describe-facts": "stuck to the facts",
    "ask-directly": "asked directly for what you need",
    "validate": "acknowledged how the other person felt",
    "offer-alternative": "offered a workable alternative",
    "broken-record": "calmly held your boundary under pressure",
    "fogging": "agreed with what was true without giving in",
    "negative-inquiry": "asked what exactly was meant",
    "state-consequence": "calmly said what you would do",
    "take-space": "gave yourself space",
    "accept-no": "respected someone else's no",
    "self-compassion": "spoke to yourself kindly",
}

QUOTE_LIMIT = 70


@dataclass(frozen=True)
class Coaching:
    went_well: str
    try_next: str | None
    try_reply: str | None  # the words to try, when there is a suggestion
    safety: bool  # a scenario with a content note: no grading of the moment
    safest_replies: tuple[str, ...] = ()


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.!?")
    return cut + "…"


def _joined(phrases: Sequence[str]) -> str:
    if len(phrases) == 1:
        return phrases[0]
    return ", ".join(phrases[:-1]) + " and " + phrases[-1]


def _strongest(decisions: Sequence[Decision]) -> Decision | None:
    """The best decision the player made: most points, then most skills, then earliest."""
    ranked = [d for d in decisions if d.choice.style == "assertive"]
    if not ranked:
        return None
    return max(ranked, key=lambda d: (d.points, len(d.choice.skills), -decisions.index(d)))


def _biggest_gap(decisions: Sequence[Decision]) -> Decision | None:
    gaps = [(d.beat.model_answer.points - d.points, -i, d) for i, d in enumerate(decisions)]
    gap, _, d = max(gaps, default=(0, 0, None), key=lambda g: (g[0], g[1]))
    return d if gap > 0 else None


def coach(scenario: Scenario, decisions: Sequence[Decision]) -> Coaching:
    """The debrief's lead: what went well, and the one thing to try next."""
    decisions = list(decisions)
    safety = bool(scenario.content_warning)
    if safety:
        safest = tuple(dict.fromkeys(d.beat.model_answer.text for d in decisions))
        return Coaching(
            went_well="You stayed with a hard moment to the end. That takes courage, "
            "whatever you chose.",
            try_next="In moments like this, the safest replies are the ones that get you "
            "space and support.",
            try_reply=safest[0] if safest else None,
            safety=True,
            safest_replies=safest,
        )
    best = _strongest(decisions)
    if best is not None and best.was_best:
        did = [DID[k] for k in best.choice.skills if k in DID][:2]
        what = _joined(did) if did else "gave the strongest reply"
        went_well = f"You {what} at “{shorten(best.beat.line)}”."
    elif best is not None:
        went_well = (
            f"You spoke up at “{shorten(best.beat.line)}”. A partly assertive reply is a real start."
        )
    else:
        went_well = "You played it through and saw how each reply landed. That is practice too."
    gap = _biggest_gap(decisions)
    if gap is None:
        return Coaching(went_well, None, None, safety=False)
    model = gap.beat.model_answer
    skill = next((SKILLS[k] for k in model.skills if k in SKILLS), None)
    how = f" ({skill.name}: {skill.meaning[0].lower()}{skill.meaning[1:]}.)" if skill else ""
    return Coaching(
        went_well,
        try_next=f"At “{shorten(gap.beat.line)}”, you could try: “{model.text}”{how}",
        try_reply=model.text,
        safety=False,
    )
