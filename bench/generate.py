"""Generated data for the benchmarks: scenario libraries and histories of any size.

* :func:`scenario_library` copies the shipped scenarios into a folder as many
  times as asked, each copy with a new id, so a library of 1,000 or 3,000
  scenarios parses and validates like the shipped one.
* :func:`history` writes finished playthroughs straight into a history file
  (through the game's own schema and migrations), walking real paths through
  the shipped scenarios with a fixed random seed; one in ten is a practice run.
"""

from __future__ import annotations

import json
import random
import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from game.core.library import load_library, scenario_files
from game.history import schema
from game.history.export import utc_iso
from game.paths import SHIPPED_SCENARIOS

_ID_LINE = re.compile(rb"^id:\s*(\S+)\s*$", re.MULTILINE)


def scenario_library(folder: Path, count: int) -> Path:
    """Write ``count`` scenario files into ``folder`` (copies of the shipped ones, new ids)."""
    folder.mkdir(parents=True, exist_ok=True)
    shipped = scenario_files(SHIPPED_SCENARIOS)
    sources = [(p, p.read_bytes()) for p in shipped]
    for i in range(count):
        path, data = sources[i % len(sources)]
        if i >= len(sources):
            data = _ID_LINE.sub(lambda m, i=i: b"id: " + m.group(1) + b"-copy-%d" % i, data, 1)
        sub = folder / f"set-{i // 100:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:05d}-{path.name}").write_bytes(data)
    return folder


def _paths(scenario, rng: random.Random, tries: int = 6):
    out = []
    for _ in range(tries):
        beat, steps = scenario.beats[scenario.start], []
        while True:
            choice = rng.choice(beat.choices)
            steps.append((beat, choice))
            if choice.next in scenario.endings:
                out.append((steps, scenario.endings[choice.next]))
                break
            beat = scenario.beats[choice.next]
    return out


def history(db: Path, playthroughs: int, *, seed: int = 16, scenarios: int = 0) -> Path:
    """A history file with ``playthroughs`` finished playthroughs (practice runs included).

    ``scenarios`` > 0 spreads them over that many scenario ids (copies of the shipped ones).
    """
    lib = load_library([SHIPPED_SCENARIOS])
    rng = random.Random(seed)
    plans = [(s, _paths(s, rng)) for s in lib.scenarios]
    ids = max(scenarios, len(plans))
    conn = sqlite3.connect(db, isolation_level=None)
    schema.migrate(conn)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")  # generated data: no need to wait for the disk
    conn.execute("BEGIN")
    start = datetime(2025, 1, 1, tzinfo=UTC)
    step_rows = []
    for n in range(playthroughs):
        k = rng.randrange(ids)
        scenario, paths = plans[k % len(plans)]
        steps, ending = rng.choice(paths)
        points = sum(c.points for _, c in steps)
        best = sum(max(c.points for c in b.choices) for b, _ in steps) or 1
        percent = max(0, min(100, round(100 * points / best)))
        stars = 3 if percent >= 90 else 2 if percent >= 70 else 1 if percent >= 40 else 0
        ended = start + timedelta(minutes=7 * n + rng.randrange(5))
        sid = scenario.id if k < len(plans) else f"{scenario.id}-copy-{k}"
        cur = conn.execute(
            "INSERT INTO attempt (scenario_id, content_hash, started_at, ended_at, seed, score,"
            " maximum, percent, stars, ending_id, scenario_title, difficulty, ending_title,"
            " ending_tone, ending_ids, practice) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                sid, scenario.content_hash or "", utc_iso(ended - timedelta(minutes=3)),
                utc_iso(ended), rng.randrange(2**31), points, best, percent, stars, ending.id,
                scenario.title, scenario.difficulty, ending.title, ending.tone,
                json.dumps(sorted(scenario.endings)), 1 if rng.random() < 0.1 else 0,
            ),
        )  # fmt: skip
        aid = cur.lastrowid
        for i, (beat, c) in enumerate(steps):
            step_rows.append(
                (aid, i, beat.id, c.index, c.style, c.points, json.dumps(list(c.skills)),
                 c.text, c.feedback, beat.line, beat.speaker or "")
            )  # fmt: skip
        if len(step_rows) > 20000:
            _steps(conn, step_rows)
    _steps(conn, step_rows)
    conn.execute("COMMIT")
    conn.close()
    return db


def big_scenario(beats: int) -> str:
    """A long chain of beats, each with 4 replies, close to the 256 KiB limit."""
    out = [
        "id: big", "title: Big", "category: work", "difficulty: 1", "summary: A long one.",
        "characters:", "  sam: {name: Sam}", "start: b0", "beats:",
    ]  # fmt: skip
    for i in range(beats):
        nxt = f"b{i + 1}" if i + 1 < beats else "end"
        out += [f"  b{i}:", "    speaker: sam", f"    line: Line number {i}, asking again.",
                "    choices:"]  # fmt: skip
        for style in ("assertive", "passive", "aggressive", "passive-aggressive"):
            out += [
                f"      - text: A {style} reply to beat {i}.",
                f"        style: {style}",
                f"        feedback: Feedback for the {style} reply at beat {i}.",
                f"        next: {nxt}",
            ]
    out += ["endings:", "  end: {title: End, tone: good, text: The end.}"]
    return "\n".join(out) + "\n"


def _steps(conn, rows: list) -> None:
    conn.executemany(
        "INSERT INTO step (attempt_id, position, beat_id, choice_index, style, points, skills,"
        " choice_text, feedback, beat_line, speaker) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    rows.clear()
