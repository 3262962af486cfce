"""The history as a CSV file: one row per playthrough, oldest first."""

from __future__ import annotations

import csv
import os
from datetime import UTC, datetime
from pathlib import Path

from game.history.records import Attempt

CSV_COLUMNS = (
    "attempt",
    "scenario_id",
    "scenario_title",
    "started_at",
    "ended_at",
    "seed",
    "score",
    "maximum",
    "percent",
    "stars",
    "ending_id",
    "ending_title",
    "ending_tone",
    "content_hash",
    "choices",
    "practice",
)


def utc_iso(moment: datetime) -> str:
    """A datetime as a UTC ISO 8601 string; a naive datetime is taken as local time."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def write_csv(attempts: list[Attempt], path: Path) -> int:
    """Write ``attempts`` in order to ``path`` (a private file); returns the row count.

    Raises :class:`game.errors.HistoryError` if the file cannot be written.
    """
    from game.errors import HistoryError

    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(CSV_COLUMNS)
            for a in attempts:
                w.writerow(
                    [
                        a.id,
                        a.scenario_id,
                        a.scenario_title,
                        utc_iso(a.started_at),
                        utc_iso(a.ended_at),
                        a.seed,
                        a.score,
                        a.maximum,
                        a.percent,
                        a.stars,
                        a.ending_id,
                        a.ending_title,
                        a.ending_tone or "",
                        a.content_hash,
                        " > ".join(f"{s.beat_id}:{s.style}:{s.points}" for s in a.steps),
                        "yes" if a.practice else "no",
                    ]
                )
    except OSError as exc:
        raise HistoryError(f"could not write {path}: {exc.strerror or exc}") from exc
    return len(attempts)
