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
