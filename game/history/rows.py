"""Reading history rows without trusting them.

A history file is the player's, and can be edited, damaged or written by
another program. Every row read is checked before it becomes an
:class:`~game.history.records.Attempt` or :class:`~game.history.records.Step`:

* a row with a date that is not a date, or text (or anything else) where a
  whole number belongs, is left out; the reader says how many were left out;
* numbers with a fixed range are clamped: ``percent`` to 0-100, ``stars`` to
  0-3, ``maximum`` to 0 or more, ``difficulty`` to 1-3 (else unknown);
* text that is not text becomes empty.

Nothing here changes the file.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime

from game.history.records import Attempt, Step

log = logging.getLogger("firm_and_kind.history")

ATTEMPT_COLS = (
    "id, scenario_id, content_hash, started_at, ended_at, seed, score, maximum, percent, stars,"
    " ending_id, ending_tone, ending_title, scenario_title, difficulty, ending_ids, seed_text,"
    " practice"
)
STEP_COLS = (
    "attempt_id, beat_id, choice_index, style, points, skills, choice_text, feedback,"
    " beat_line, speaker"
)

# Seeds outside SQLite's 64-bit integers are kept as their decimal digits
# (at most 4300 of them, Python's own limit for turning text into a number).
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
_SEED_TEXT = re.compile(r"-?[0-9]{1,4300}")
_MAX_TEXT_DATE = 64


class BadRow(ValueError):
    """A row that cannot be made into a playthrough."""


def seed_columns(seed: int) -> tuple[int, str | None]:
    """(seed, seed_text) to store: the seed itself if it fits, else 0 and its exact digits."""
    if INT64_MIN <= seed <= INT64_MAX:
        return seed, None
    try:
        return 0, str(seed)
    except ValueError:  # more digits than Python will write: keep the low 64 bits
        low = seed & 0xFFFF_FFFF_FFFF_FFFF
        return (low - 2**64 if low > INT64_MAX else low), None


def parse_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def attempt(r, steps: list[Step]) -> Attempt:
    """An Attempt from a row of :data:`ATTEMPT_COLS`; raises :class:`BadRow`."""
    return Attempt(
        id=_whole(r[0], "id"),
        scenario_id=_name(r[1], "scenario_id"),
        content_hash=_text(r[2]),
        started_at=_time(r[3], "started_at"),
        ended_at=_time(r[4], "ended_at"),
        seed=_seed(r[5], r[16] if len(r) > 16 else None),
        score=_whole(r[6], "score"),
        maximum=max(0, _whole(r[7], "maximum")),
        percent=min(100, max(0, _whole(r[8], "percent"))),
        stars=min(3, max(0, _whole(r[9], "stars"))),
        ending_id=_name(r[10], "ending_id"),
        steps=steps,
        ending_tone=r[11] if isinstance(r[11], str) else None,
        ending_title=_text(r[12]),
        scenario_title=_text(r[13]),
        difficulty=r[14] if _is_whole(r[14]) and 1 <= r[14] <= 3 else None,
        ending_ids=tuple(json_list(r[15])),
        practice=len(r) > 17 and r[17] == 1,
    )


def step(r) -> Step:
    """A Step from a row of :data:`STEP_COLS`; raises :class:`BadRow`."""
    return Step(
        beat_id=_name(r[1], "beat_id"),
        choice_index=_whole(r[2], "choice_index"),
        style=_text(r[3]),
        points=_whole(r[4], "points"),
        skills=tuple(json_list(r[5])),
        text=_text(r[6]),
        feedback=_text(r[7]),
        line=_text(r[8]),
        speaker=_text(r[9]),
    )


def read_steps(conn, cols: str, ids) -> dict[int, list[Step]]:
    """Attempt id -> its checked steps in order (``cols``: :data:`STEP_COLS` as the file has them).

    A step that makes no sense is left out (and logged).
    """
    ids = list(ids)
    out: dict[int, list[Step]] = {i: [] for i in ids}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(
            f"SELECT {cols} FROM step WHERE attempt_id IN ({marks}) ORDER BY attempt_id, position",
            chunk,
        ):
            try:
                out[r[0]].append(step(r))
            except (BadRow, KeyError, TypeError) as exc:
                log.warning("a step of history row %r left out: %s", r[0], exc)
    return out


def json_list(text) -> list[str]:
    if not isinstance(text, str) or len(text) > 65536:
        return []
    try:
        value = json.loads(text or "[]")
    except (ValueError, RecursionError):
        return []
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _is_whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _whole(value, column: str) -> int:
    if not _is_whole(value):
        raise BadRow(f"{column} is not a whole number: {str(value)[:40]!r}")
    return value


def _name(value, column: str) -> str:
    if not isinstance(value, str) or not value:
        raise BadRow(f"{column} is missing or not text")
    return value


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _time(value, column: str) -> datetime:
    if not isinstance(value, str) or len(value) > _MAX_TEXT_DATE:
        raise BadRow(f"{column} is not a date")
    try:
        return parse_time(value)
    except ValueError:
        raise BadRow(f"{column} is not a date: {value[:40]!r}") from None


def _seed(value, text) -> int:
    if isinstance(text, str) and _SEED_TEXT.fullmatch(text):
        return int(text)
    return _whole(value, "seed")
