"""The history database's schema and its migrations.

The schema version lives in ``PRAGMA user_version``. A new database starts at
0 and runs every migration in order, so the path from the first schema is
exercised on every fresh install, not only on old files. Each migration runs
in its own transaction together with the version bump: a migration either
happens completely or not at all.

To change the schema, append a function to :data:`MIGRATIONS`; never edit one
that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# Schema 1: the first release. Playthroughs and their steps, nothing more.
SCHEMA_1 = """
CREATE TABLE attempt (
    id INTEGER PRIMARY KEY,
    scenario_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL,
    seed INTEGER NOT NULL,
    score INTEGER NOT NULL,
    maximum INTEGER NOT NULL,
    percent INTEGER NOT NULL,
    stars INTEGER NOT NULL,
    ending_id TEXT NOT NULL
);
CREATE TABLE step (
    attempt_id INTEGER NOT NULL REFERENCES attempt(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    beat_id TEXT NOT NULL,
    choice_index INTEGER NOT NULL,
    style TEXT NOT NULL,
    points INTEGER NOT NULL,
    PRIMARY KEY (attempt_id, position)
);
CREATE INDEX attempt_by_scenario ON attempt (scenario_id, ended_at);
"""

# Schema 2: copies of what the player saw, so history survives scenario edits
# and removals (titles, ending tone, skills, the words of each step).
SCHEMA_2 = """
ALTER TABLE attempt ADD COLUMN scenario_title TEXT NOT NULL DEFAULT '';
ALTER TABLE attempt ADD COLUMN difficulty INTEGER;
ALTER TABLE attempt ADD COLUMN ending_title TEXT NOT NULL DEFAULT '';
ALTER TABLE attempt ADD COLUMN ending_tone TEXT;
ALTER TABLE attempt ADD COLUMN ending_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE step ADD COLUMN skills TEXT NOT NULL DEFAULT '[]';
ALTER TABLE step ADD COLUMN choice_text TEXT NOT NULL DEFAULT '';
ALTER TABLE step ADD COLUMN feedback TEXT NOT NULL DEFAULT '';
ALTER TABLE step ADD COLUMN beat_line TEXT NOT NULL DEFAULT '';
ALTER TABLE step ADD COLUMN speaker TEXT NOT NULL DEFAULT '';
CREATE INDEX attempt_by_time ON attempt (ended_at);
"""

# Schema 3: seeds of any size. SQLite integers hold 64 bits; a seed outside
# that range is kept exactly as its decimal digits in seed_text (and seed is 0).
SCHEMA_3 = """
ALTER TABLE attempt ADD COLUMN seed_text TEXT;
"""

# Schema 4: practice runs ("try another reply" was used) are kept, marked, and
# never count as attempts, bests, stars or chart points.
SCHEMA_4 = """
ALTER TABLE attempt ADD COLUMN practice INTEGER NOT NULL DEFAULT 0;
CREATE INDEX attempt_counted ON attempt (practice, scenario_id, ended_at);
"""

# Schema 5: reading fast at any size. Indexes that answer every aggregate the
# screens show without reading the rows (see game.history.queries), and
# running tallies kept by triggers on every step written: style and skill
# totals, and each playthrough's styles in the order they were played. Two
# indexes the new ones cover are dropped, so a save writes few more pages.
SCHEMA_5 = [
    "DROP INDEX IF EXISTS attempt_by_scenario",  # attempt_counted and attempt_best cover it
    "DROP INDEX IF EXISTS attempt_by_time",  # attempt_timeline covers it
    "CREATE INDEX attempt_best ON attempt (practice, scenario_id, percent DESC, ended_at, stars)",
    "CREATE INDEX attempt_firsts ON attempt"
    " (practice, scenario_id, ending_id, ending_tone, difficulty, ending_ids, ended_at)",
    "CREATE INDEX attempt_timeline ON attempt (practice, ended_at, percent, scenario_id)",
    "CREATE TABLE tally (practice INTEGER NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,"
    " n INTEGER NOT NULL, PRIMARY KEY (practice, kind, name)) WITHOUT ROWID",
    "CREATE TABLE attempt_styles (practice INTEGER NOT NULL, ended_at TEXT NOT NULL,"
    " attempt_id INTEGER NOT NULL, assertive INTEGER NOT NULL, passive INTEGER NOT NULL,"
    " passive_aggressive INTEGER NOT NULL, aggressive INTEGER NOT NULL, other INTEGER NOT NULL,"
    " PRIMARY KEY (practice, ended_at, attempt_id)) WITHOUT ROWID",
    """CREATE TRIGGER step_tallied AFTER INSERT ON step BEGIN
    INSERT INTO attempt_styles SELECT a.practice, a.ended_at, a.id,
        NEW.style = 'assertive', NEW.style = 'passive', NEW.style = 'passive-aggressive',
        NEW.style = 'aggressive',
        NEW.style NOT IN ('assertive', 'passive', 'passive-aggressive', 'aggressive')
        FROM attempt a WHERE a.id = NEW.attempt_id
        ON CONFLICT DO UPDATE SET assertive = assertive + excluded.assertive,
        passive = passive + excluded.passive,
        passive_aggressive = passive_aggressive + excluded.passive_aggressive,
        aggressive = aggressive + excluded.aggressive, other = other + excluded.other;
    INSERT INTO tally SELECT a.practice, 'style', NEW.style, 1
        FROM attempt a WHERE a.id = NEW.attempt_id ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO tally SELECT a.practice, 'skill', j.value, count(*)
        FROM attempt a, json_each(CASE WHEN json_valid(NEW.skills)
            AND json_type(NEW.skills) = 'array' THEN NEW.skills ELSE '[]' END) j
        WHERE a.id = NEW.attempt_id AND j.type = 'text' GROUP BY j.value
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END""",
    """INSERT INTO attempt_styles SELECT a.practice, a.ended_at, a.id,
    sum(s.style = 'assertive'), sum(s.style = 'passive'),
    sum(s.style = 'passive-aggressive'), sum(s.style = 'aggressive'),
    sum(s.style NOT IN ('assertive', 'passive', 'passive-aggressive', 'aggressive'))
    FROM attempt a JOIN step s ON s.attempt_id = a.id GROUP BY a.id""",
    """INSERT INTO tally SELECT a.practice, 'style', s.style, count(*)
    FROM attempt a JOIN step s ON s.attempt_id = a.id GROUP BY a.practice, s.style""",
    """INSERT INTO tally SELECT a.practice, 'skill', j.value, count(*)
    FROM attempt a JOIN step s ON s.attempt_id = a.id, json_each(CASE WHEN json_valid(s.skills)
        AND json_type(s.skills) = 'array' THEN s.skills ELSE '[]' END) j
    WHERE j.type = 'text' GROUP BY a.practice, j.value""",
]


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)

    return run


def _statements(sql: list[str]) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        for statement in sql:
            conn.execute(statement)

    return run


# MIGRATIONS[n] takes a database at version n to version n + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _script(SCHEMA_1),
    _script(SCHEMA_2),
    _script(SCHEMA_3),
    _script(SCHEMA_4),
    _statements(SCHEMA_5),
]
LATEST = len(MIGRATIONS)


class NewerSchema(Exception):
    """The file was written by a newer game than this one."""


def version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = LATEST) -> int:
    """Bring ``conn`` (autocommit mode) up to ``target``; returns the version it was at."""
    start = version(conn)
    if start > LATEST:
        raise NewerSchema(start)
    for n in range(start, target):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if version(conn) != n:  # someone else migrated meanwhile
                conn.execute("ROLLBACK")
                continue
            MIGRATIONS[n](conn)
            conn.execute(f"PRAGMA user_version = {n + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return start
