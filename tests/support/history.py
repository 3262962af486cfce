"""Small scenarios built in code, played through, and synthetic histories to fill a store with."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from game.core.engine import Playthrough
from game.core.model import Beat, Character, Choice, Ending, Scenario


def choice(index, style, points, next_, skills=(), text=None):
    return Choice(
        text=text or f"Reply {index} ({style})",
        style=style,
        points=points,
        feedback=f"Feedback for a {style} reply.",
        next=next_,
        skills=tuple(skills),
        index=index,
    )


def make_scenario(
    sid="extra-shift",
    *,
    title="The extra shift",
    difficulty=1,
    content_hash="h1",
    extra_ending=False,
):
    """ask -> pushback -> held (good) | gave-in (poor); ask -> soured (mixed)."""
    beats = {
        "ask": Beat(
            "ask",
            "sam",
            "Could you take my Saturday shift?",
            (
                choice(0, "assertive", 10, "pushback", ["clear-no", "validate"]),
                choice(1, "passive", 2, "gave-in"),
                choice(2, "aggressive", 0, "soured"),
            ),
        ),
        "pushback": Beat(
            "pushback",
            "sam",
            "Please? I'd owe you.",
            (
                choice(0, "assertive", 10, "held", ["broken-record"]),
                choice(1, "passive-aggressive", 1, "gave-in"),
            )
            + (
                (choice(2, "assertive", 7, "later", ["offer-alternative"]),) if extra_ending else ()
            ),
        ),
    }
    endings = {
        "held": Ending("held", "Boundary held", "You enjoy Saturday.", "good"),
        "gave-in": Ending("gave-in", "Plans cancelled", "You work Saturday.", "poor"),
        "soured": Ending("soured", "Bridge singed", "Sam stops chatting.", "mixed"),
    }
    if extra_ending:
        endings["later"] = Ending("later", "Another day", "You swap next month.", "good")
    return Scenario(
        id=sid,
        title=title,
        category="work",
        difficulty=difficulty,
        summary="Sam asks again.",
        characters={"sam": Character("sam", "Sam", "Coworker")},
        start="ask",
        beats=beats,
        endings=endings,
        content_hash=content_hash,
    )


def play(scenario, picks, seed=1):
    """A finished playthrough choosing, at each beat, the reply with file index picks[i]."""
    p = Playthrough(scenario, seed=seed)
    for index in picks:
        if p.finished:
            break
        position = next(i for i, c in enumerate(p.choices) if c.index == index)
        p.choose(position)
    return p


# Paths through make_scenario(): file indexes chosen at each beat.
PERFECT = (0, 0)  # 100 %, held (good)
GAVE_IN_LATE = (0, 1)  # 55 %, gave-in
GAVE_IN = (1,)  # 20 %, gave-in
SOURED = (2,)  # 0 %, soured

T0 = datetime(2026, 3, 1, 18, 0, tzinfo=UTC)


def fill(history, n_attempts, n_scenarios=1, rng_seed=3, start=T0):
    """Record ``n_attempts`` synthetic playthroughs over ``n_scenarios`` scenarios, a day apart."""
    rng = random.Random(rng_seed)
    scenarios = [
        make_scenario(
            f"scenario-{k}" if n_scenarios > 1 else "extra-shift",
            title=f"Scenario number {k}" if n_scenarios > 1 else "The extra shift",
            difficulty=1 + k % 3,
        )
        for k in range(n_scenarios)
    ]
    paths = [PERFECT, GAVE_IN_LATE, GAVE_IN, SOURED]
    out = []
    for i in range(n_attempts):
        sc = scenarios[i % n_scenarios]
        # Improve over time, with some wobble.
        weights = [1 + i, 3, 2, 1]
        picks = rng.choices(paths, weights=weights)[0]
        when = start + timedelta(days=i, minutes=rng.randrange(600))
        out.append(history.record(play(sc, picks, seed=i), when - timedelta(minutes=4), when))
    return scenarios, out


# -- for the screen tests ------------------------------------------------------------
def big_scenario(sid="long-road", depth=7, content_hash="big"):
    """A long, branching scenario: a chain of beats, each with a side exit to an ending."""
    beats, endings = {}, {}
    tones = ("good", "mixed", "poor")
    for d in range(depth):
        bid = f"b{d}"
        nxt = f"b{d + 1}" if d + 1 < depth else "end-main"
        side = f"end-{d}"
        endings[side] = Ending(
            side, f"Ending number {d} with a long title", "It went so.", tones[d % 3]
        )
        choices = [
            choice(0, "assertive", 10, nxt, ["clear-no", "i-statement"]),
            choice(1, "passive", 2, side),
            choice(2, "aggressive", 0, f"b{d + 2}" if d + 2 < depth else side),
        ]
        beats[bid] = Beat(
            bid, "sam", f"Line {d}: " + "a fairly long thing to say " * 3, tuple(choices)
        )
    endings["end-main"] = Ending("end-main", "All the way", "You held it together.", "good")
    return Scenario(
        id=sid,
        title="A long road with a great many turns in it",
        category="work",
        difficulty=3,
        summary="Long.",
        characters={"sam": Character("sam", "Sam", "Coworker")},
        start="b0",
        beats=beats,
        endings=endings,
        content_hash=content_hash,
    )


def random_play(scenario, seed):
    rng = random.Random(seed)
    p = Playthrough(scenario, seed=seed)
    while not p.finished:
        p.choose(rng.randrange(len(p.choices)))
    return p
