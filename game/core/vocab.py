"""The fixed vocabulary of the scenario format: styles, moods, skills, tones.

These tables mirror the scenario format, version 1. The validator, the engine,
the terminal player and the window all read them from here.
"""

from __future__ import annotations

from dataclasses import dataclass

FORMAT_VERSION = 1

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
CHARACTER_ID_PATTERN = r"^[a-z][a-z0-9_-]*$"
RESERVED_CHARACTER_IDS = ("you", "narrator")
NARRATOR = "narrator"


@dataclass(frozen=True)
class Style:
    id: str
    word: str
    low: int
    high: int
    default: int


STYLES: dict[str, Style] = {
    s.id: s
    for s in (
        Style("assertive", "Assertive", 5, 10, 10),
        Style("passive", "Passive", 0, 4, 2),
        Style("passive-aggressive", "Passive-aggressive", 0, 3, 1),
        Style("aggressive", "Aggressive", 0, 3, 0),
    )
}

MOODS = (
    "neutral",
    "happy",
    "hopeful",
    "sad",
    "hurt",
    "pleading",
    "annoyed",
    "angry",
    "anxious",
    "surprised",
)
DEFAULT_MOOD = "neutral"

TONES = ("good", "mixed", "poor")

DIFFICULTIES = {1: "Gentle", 2: "Firm", 3: "Tough"}

KNOWN_CATEGORIES = (
    "work",
    "school",
    "family",
    "friends",
    "partner",
    "home",
    "community",
    "online",
    "self",
)


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    meaning: str


SKILLS: dict[str, Skill] = {
    s.id: s
    for s in (
        Skill("clear-no", "Clear no", "Says no plainly, without hedging"),
        Skill(
            "no-over-explaining",
            "No over-explaining",
            "One short reason at most; no pile of excuses or apologies",
        ),
        Skill(
            "i-statement",
            "I-statement",
            'Speaks from your own experience: "I feel ... when ... I need ..."',
        ),
        Skill(
            "describe-facts",
            "Stick to facts",
            "Describes what happened without judging or labelling",
        ),
        Skill("ask-directly", "Ask directly", "Names exactly what you want or need"),
        Skill("validate", "Validate", "Acknowledges the other person's feelings or view"),
        Skill(
            "offer-alternative",
            "Offer an alternative",
            "Proposes a workable compromise that still respects your limit",
        ),
        Skill(
            "broken-record",
            "Broken record",
            "Calmly repeats the boundary under pressure, without new arguments",
        ),
        Skill("fogging", "Fogging", "Agrees with what is true in a criticism without giving in"),
        Skill(
            "negative-inquiry",
            "Ask for specifics",
            "Asks what exactly the other person means by a criticism",
        ),
        Skill(
            "state-consequence",
            "State a consequence",
            "Says calmly what you will do if the boundary is crossed",
        ),
        Skill("take-space", "Take space", "Pauses or leaves a heated or unsafe situation"),
        Skill(
            "accept-no",
            "Accept their no",
            "Respects someone else's boundary without sulking or pressure",
        ),
        Skill("self-compassion", "Self-compassion", "Speaks to yourself as you would to a friend"),
    )
}


# A general hint for a beat whose author wrote none, from the first skill of its best reply.
# Each line names a way of replying, never the words of any reply, so it nudges without
# giving the answer away.
SKILL_HINTS: dict[str, str] = {
    "clear-no": "Try saying no plainly, without softening it into a maybe.",
    "no-over-explaining": "One short reason is enough. You don't owe a list of excuses.",
    "i-statement": "Try speaking from your side: what you feel, and what you need.",
    "describe-facts": "Try describing what actually happened, without labels or blame.",
    "ask-directly": "Try naming what you need in one short sentence.",
    "validate": "Try acknowledging how they feel before you say where you stand.",
    "offer-alternative": "Is there something you could offer that still respects your limit?",
    "broken-record": "You don't need a new argument. Saying it again, calmly, is enough.",
    "fogging": "Is any part of what they said true? You can agree with that part and still hold on.",
    "negative-inquiry": "Before you defend yourself, try asking what exactly they mean.",
    "state-consequence": "Try saying calmly what you will do if it happens again.",
    "take-space": "It is fine to pause, or to step away from a heated moment.",
    "accept-no": "Their no counts too. Try respecting it without pressure or sulking.",
    "self-compassion": "Try talking to yourself the way you would talk to a friend.",
}
GENERAL_HINT = "Look for the reply that is honest about what you need and kind to both of you."


# -- how a style is shown ------------------------------------------------------
# An assertive reply of 5 to 7 points is shown as "Partly assertive" (format 1.1);
# 8 to 10 as "Assertive". Every other style is shown by its own word.
PARTLY_ASSERTIVE_MAX = 7
PARTLY_ASSERTIVE = "partly-assertive"


@dataclass(frozen=True)
class StyleLabel:
    key: str  # "assertive", "partly-assertive", "passive", "passive-aggressive", "aggressive"
    word: str  # what the player reads: "Assertive", "Partly assertive", ...
    style: str  # the style written in the file; "assertive" for both assertive labels


def display_style(style: str, points: int) -> StyleLabel:
    """How a reply's style is shown wherever the game shows one (play, debrief, review,
    terminal, progress): an assertive reply of 5 to 7 points is "Partly assertive".

    A style the game does not know (an old history record, say) is shown by its own
    id, so nothing breaks on it.
    """
    if style == "assertive" and points <= PARTLY_ASSERTIVE_MAX:
        return StyleLabel(PARTLY_ASSERTIVE, "Partly assertive", style)
    known = STYLES.get(style)
    if known is not None:
        return StyleLabel(known.id, known.word, style)
    return StyleLabel(style, style.replace("-", " ").capitalize() or "Unknown", style)
