"""What the screens and commands show, read with SQL aggregates over indexed columns.

Mixed into :class:`game.history.store.History`. Every method answers from
indexes and the running tallies of schema 5 (see :mod:`game.history.schema`),
never by loading every playthrough and step, so its cost does not grow with
the steps kept. Each returns exactly what the matching pure function of
:mod:`game.history.stats` returns for ``history.attempts()`` (the tests check
this on random histories). Practice runs never count.

A file too old to have the indexes (read-only, written by an older game) is
answered by those pure functions instead: slower, but the same answers.

The aggregates trust the types the game writes. A row left out by the
checked reader (:mod:`game.history.rows`) because one of its columns makes no
sense may still count here, unless it is the row that decides an answer (a
best, a last, a first), which is checked; then that scenario is answered by
the pure functions over its own checked rows.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass

from game.core.vocab import STYLES
from game.history import rows, stats
from game.history.export import utc_iso
from game.history.records import Attempt, Summary

CHART_POINTS = 240  # a chart never draws more dots than this, however long the history
COUNTED = "practice = 0"
_STYLE_COLUMNS = ("assertive", "passive", "passive_aggressive", "aggressive")
_KNOWN = ("assertive", "passive", "passive-aggressive", "aggressive")
_BEST = (
    "SELECT id FROM attempt WHERE practice = 0 AND scenario_id = g.sid"
    " ORDER BY percent DESC, ended_at, id LIMIT 1"
)
_FIRST = (
    "SELECT id FROM attempt WHERE practice = 0 AND scenario_id = g.sid"
    " ORDER BY ended_at, id LIMIT 1"
)
_LAST = (
    "SELECT id FROM attempt WHERE practice = 0 AND scenario_id = g.sid"
    " ORDER BY ended_at DESC, id DESC LIMIT 1"
)


@dataclass(frozen=True)
class Chart:
    """At most ``limit`` points of a percentage chart, oldest first, with the best so far.

    ``points`` are real playthroughs spread evenly over the whole history (the
    first and the latest always among them); ``best[i]`` is the best percentage
    of every playthrough up to ``points[i]``, not only of those drawn.
    """

    points: list[stats.Point]
    best: list[int]
    total: int  # playthroughs the chart stands for


def _pct(value) -> int:
    return min(100, max(0, value)) if isinstance(value, int) else 0


class Queries:
    """The reading half of a History (needs ``_conn``, ``_have`` and ``attempts``)."""

    _conn: sqlite3.Connection
    _have: dict[str, set[str]]

    # -- reading helpers ------------------------------------------------------------
    def _where(self, scenario_id: str | None, include_practice: bool) -> tuple[str, tuple]:
        conds, args = [], []
        if scenario_id:
            conds.append("scenario_id = ?")
            args.append(scenario_id)
        if not include_practice and self._columns("attempt", "practice") == "practice":
            conds.append("practice = 0")
        return (f"WHERE {' AND '.join(conds)}" if conds else ""), tuple(args)

    def _columns(self, table: str, wanted: str) -> str:
        """``wanted`` for a SELECT, with NULL for columns an older (read-only) file lacks."""
        have = self._have.get(table)
        if have is None:
            have = self._have[table] = {
                r[1] for r in self._conn.execute(f"PRAGMA table_info({table})")
            }
        names = [c.strip() for c in wanted.split(",")]
        return ", ".join(c if c in have else "NULL" for c in names)

    # -- is this file indexed for aggregates? -----------------------------------
    def _indexed(self) -> bool:
        return self._columns("attempt_styles", "attempt_id") == "attempt_id"

    def _rows_by_id(self, ids) -> dict[int, Attempt | None]:
        """Checked attempts (without steps) by id; None for a row that makes no sense."""
        ids = [i for i in set(ids) if i is not None]
        out: dict[int, Attempt | None] = dict.fromkeys(ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            sql = (
                f"SELECT {rows.ATTEMPT_COLS} FROM attempt"
                f" WHERE id IN ({','.join('?' * len(chunk))})"
            )
            for r in self._conn.execute(sql, chunk):
                try:
                    out[r[0]] = rows.attempt(r, [])
                except rows.BadRow:
                    out[r[0]] = None
        return out

    # -- per scenario -------------------------------------------------------------
    def summaries(self, scenario_id: str | None = None) -> dict[str, Summary]:
        """Scenario id -> Summary, for every scenario ever finished (removed ones too)."""
        if not self._indexed():
            return stats.summaries(self.attempts(scenario_id))
        where, args = ("AND scenario_id = ?", (scenario_id,)) if scenario_id else ("", ())
        try:
            found: dict[str, tuple[int, set[str]]] = {}
            for sid, ending, n in self._conn.execute(
                "SELECT scenario_id, ending_id, count(*) FROM attempt"
                f" WHERE practice = 0 {where} GROUP BY scenario_id, ending_id",
                args,
            ):
                count, endings = found.get(sid, (0, set()))
                endings.add(ending)
                found[sid] = (count + n, endings)
            picks = self._conn.execute(
                f"SELECT g.sid, ({_BEST}), ({_LAST}), ({_FIRST}) FROM"
                f" (SELECT DISTINCT scenario_id AS sid FROM attempt WHERE practice = 0 {where}) g",
                args,
            ).fetchall()
            rowed = self._rows_by_id(i for p in picks for i in p[1:])
        except sqlite3.Error:
            return {}
        made = []
        for sid, best_id, last_id, first_id in picks:
            best, last, first = rowed.get(best_id), rowed.get(last_id), rowed.get(first_id)
            if best is None or last is None or first is None or not isinstance(sid, str):
                made += [(k, s) for k, s in self._slow_summaries(sid)]
                continue
            count, endings = found.get(sid, (0, set()))
            made.append(
                ((first.ended_at, first.id), Summary(
                    scenario_id=sid, best_percent=best.percent, best_stars=best.stars,
                    attempts=count, last_played=last.ended_at, last_percent=last.percent,
                    title=last.scenario_title, best_hash=best.content_hash,
                    last_hash=last.content_hash,
                    endings_found=frozenset(e for e in endings if isinstance(e, str)),
                ))
            )  # fmt: skip
        made.sort(key=lambda m: m[0])  # the order the pure function gives: first played first
        return {s.scenario_id: s for _, s in made}

    def _slow_summaries(self, sid) -> list:
        attempts = self.attempts(sid) if isinstance(sid, str) else []
        if not attempts:
            return []
        first = stats.chronological(attempts)[0]
        return [((first.ended_at, first.id), s) for s in stats.summaries(attempts).values()]

    def summary(self, scenario_id: str) -> Summary | None:
        return self.summaries(scenario_id).get(scenario_id)

    def endings_found(self, scenario_id: str) -> set[str]:
        try:
            where, args = self._where(scenario_id, include_practice=False)
            found = self._conn.execute(
                f"SELECT DISTINCT ending_id FROM attempt {where}", args
            ).fetchall()
        except sqlite3.Error:
            return set()
        return {r[0] for r in found if isinstance(r[0], str)}

    def improvement(self, attempt: Attempt) -> stats.Improvement:
        """How ``attempt`` compares with the attempts at the same scenario before it."""
        if not self._indexed():
            return stats.improvement(self.attempts(attempt.scenario_id), attempt)
        before = (
            "FROM attempt WHERE practice = 0 AND scenario_id = ?"
            " AND (ended_at < ? OR (ended_at = ? AND id < ?))"
        )
        when = utc_iso(attempt.ended_at)
        args = (attempt.scenario_id, when, when, attempt.id)
        conn = self._conn
        best = conn.execute(f"SELECT max(percent) {before}", args).fetchone()[0]
        prev = conn.execute(
            f"SELECT percent {before} ORDER BY ended_at DESC, id DESC LIMIT 1", args
        ).fetchone()
        found = {r[0] for r in conn.execute(f"SELECT DISTINCT ending_id {before}", args)}
        return stats.Improvement(
            percent=attempt.percent,
            previous_best=None if best is None else _pct(best),
            previous_percent=None if prev is None else _pct(prev[0]),
            endings_found=len(found | {attempt.ending_id}),
            endings_total=len(attempt.ending_ids),
        )

    def trends(self) -> list[stats.Trend]:
        """One Trend per scenario, most recently played first (see :func:`stats.trends`)."""
        if not self._indexed():
            return stats.trends(self.attempts())
        picks = self._conn.execute(
            f"SELECT g.sid, g.n, g.best, ({_FIRST}), ({_LAST}) FROM (SELECT scenario_id AS sid,"
            " count(*) AS n, max(percent) AS best FROM attempt WHERE practice = 0"
            " GROUP BY scenario_id) g"
        ).fetchall()
        rowed = self._rows_by_id(i for p in picks for i in p[3:])
        out = []
        for sid, n, best, first_id, last_id in picks:
            first, last = rowed.get(first_id), rowed.get(last_id)
            if first is None or last is None or not isinstance(best, int):
                out += stats.trends(self.attempts(sid)) if isinstance(sid, str) else []
                continue
            out.append(
                stats.Trend(sid, last.title, first.percent, _pct(best), last.percent, n,
                            last.ended_at)
            )  # fmt: skip
        out.sort(key=lambda t: (t.last_played, t.scenario_id), reverse=True)
        return out

    # -- styles and skills ----------------------------------------------------------
    def style_totals(self) -> dict[str, int]:
        """Style id -> decisions, every style present (see :func:`stats.style_totals`)."""
        if not self._indexed():
            return stats.style_totals(self.attempts())
        counts = dict.fromkeys(STYLES, 0)
        for name, n in self._conn.execute(
            "SELECT name, n FROM tally WHERE practice = 0 AND kind = 'style' AND n > 0"
        ):
            counts[name] = counts.get(name, 0) + n
        return counts

    def skill_counts(self) -> Counter[str]:
        """How often each skill was used (see :func:`stats.skill_counts`)."""
        if not self._indexed():
            return stats.skill_counts(self.attempts())
        return Counter(
            dict(
                self._conn.execute(
                    "SELECT name, n FROM tally WHERE practice = 0 AND kind = 'skill' AND n > 0"
                )
            )
        )

    def style_mix(self, buckets: int = 8) -> list[stats.StyleBucket]:
        """The mix of styles over time (see :func:`stats.style_mix`)."""
        if not self._indexed():
            return stats.style_mix(self.attempts(), buckets)
        total = self.counted()
        n = min(buckets, total)
        if n <= 0:
            return []
        sums = ", ".join(f"total(s.{c})" for c in _STYLE_COLUMNS)
        found = self._conn.execute(
            f"SELECT o.b, count(*), min(o.ended_at), max(o.ended_at), {sums}, total(s.other)"
            " FROM (SELECT ended_at, id, (row_number() OVER (ORDER BY ended_at, id) * ? - 1) / ?"
            " AS b FROM attempt WHERE practice = 0) o LEFT JOIN attempt_styles s"
            " ON s.practice = 0 AND s.ended_at = o.ended_at AND s.attempt_id = o.id"
            " GROUP BY o.b ORDER BY o.b",
            (n, total),
        ).fetchall()
        out = []
        for b, count, first, last, *by_style in found:
            counts = dict.fromkeys(STYLES, 0)
            for name, value in zip(_KNOWN, by_style, strict=False):
                counts[name] = int(value)
            if by_style[-1]:
                for name, value in self._other_styles(n, total, b):
                    counts[name] = counts.get(name, 0) + value
            out.append(
                stats.StyleBucket(rows.parse_time(first), rows.parse_time(last), count, counts)
            )
        return out

    def _other_styles(self, n: int, total: int, bucket: int) -> list:
        """Styles outside the vocabulary chosen in one bucket (rare: files edited by hand)."""
        return self._conn.execute(
            "SELECT s.style, count(*) FROM (SELECT id, (row_number() OVER"
            " (ORDER BY ended_at, id) * ? - 1) / ? AS b FROM attempt WHERE practice = 0) o"
            f" JOIN step s ON s.attempt_id = o.id WHERE o.b = ? AND s.style NOT IN {_KNOWN!r}"
            " GROUP BY s.style",
            (n, total, bucket),
        ).fetchall()

    # -- across scenarios -----------------------------------------------------------
    def counted(self, scenario_id: str | None = None) -> int:
        """How many playthroughs count (practice runs left out)."""
        where, args = self._where(scenario_id, include_practice=False)
        try:
            found = self._conn.execute(f"SELECT count(*) FROM attempt {where}", args).fetchone()
        except sqlite3.Error:
            return 0
        return int(found[0])

    def milestones(self, scenarios=None) -> list[stats.Milestone]:
        """The four milestones (see :func:`stats.milestones`), from the first attempt of
        each distinct (scenario, ending, tone, difficulty, endings) only."""
        if not self._indexed():
            return stats.milestones(self.attempts(), scenarios)
        ids = [
            r[0]
            for r in self._conn.execute(
                "SELECT id, min(ended_at) FROM attempt WHERE practice = 0 GROUP BY"
                " scenario_id, ending_id, ending_tone, difficulty, ending_ids"
            )
        ]
        firsts = [a for a in self._rows_by_id(ids).values() if a is not None]
        return stats.milestones(firsts, scenarios)

    def chart(self, scenario_id: str | None = None, limit: int = CHART_POINTS) -> Chart:
        """A bounded chart of percentages over time (one scenario, or all)."""
        limit = max(2, limit)
        if not self._indexed():
            points = stats.percent_series(self.attempts(scenario_id))
            best = stats.running_best(points)
            keep = _spread(len(points), limit)
            return Chart([points[i] for i in keep], [best[i] for i in keep], len(points))
        total = self.counted(scenario_id)
        where, args = ("AND scenario_id = ?", (scenario_id,)) if scenario_id else ("", ())
        found = self._conn.execute(
            "SELECT ended_at, percent, scenario_id, id, run_best FROM (SELECT ended_at, percent,"
            " scenario_id, id, row_number() OVER w AS rn, max(max(min(percent, 100), 0)) OVER w"
            f" AS run_best FROM attempt WHERE practice = 0 {where}"
            " WINDOW w AS (ORDER BY ended_at, id)) WHERE ? <= ? OR rn = 1"
            " OR ((rn - 1) * (? - 1)) / (? - 1) <> ((rn - 2) * (? - 1)) / (? - 1)",
            (*args, total, limit, limit, total, limit, total),
        ).fetchall()
        points, best = [], []
        for when, pct, sid, aid, run in found:
            try:
                points.append(stats.Point(rows.parse_time(when), _pct(pct), sid, aid))
            except (ValueError, TypeError):
                continue
            best.append(_pct(run))
        return Chart(points, best, total)

    # -- the progress command ---------------------------------------------------------
    def progress_rows(self) -> list[dict]:
        """What ``progress --json`` prints (see :func:`stats.progress_rows`)."""
        if not self._indexed():
            return stats.progress_rows(self.attempts())
        found = self._conn.execute(
            "SELECT g.sid, g.n, g.first, g.last, b.percent, b.stars, (SELECT id FROM attempt"
            " WHERE practice = 0 AND scenario_id = g.sid AND ended_at = g.first ORDER BY id"
            " LIMIT 1) FROM (SELECT scenario_id AS sid, count(*) AS n, min(ended_at) AS first,"
            " max(ended_at) AS last FROM attempt WHERE practice = 0 GROUP BY scenario_id) g"
            f" JOIN attempt b ON b.id = ({_BEST})"
        ).fetchall()
        out = []
        for sid, n, first, last, pct, stars, first_id in found:
            try:
                last_played = rows.parse_time(last)
                key = (rows.parse_time(first), first_id)
            except (ValueError, TypeError):
                continue
            out.append((key, last_played, {
                "id": sid, "best_percent": _pct(pct),
                "best_stars": min(3, max(0, stars)) if isinstance(stars, int) else 0,
                "attempts": n, "last_played": last_played.isoformat(timespec="seconds"),
            }))  # fmt: skip
        out.sort(key=lambda r: r[0])
        out.sort(key=lambda r: r[1], reverse=True)
        return [r[2] for r in out]


def _spread(n: int, limit: int) -> list[int]:
    """Positions of at most ``limit`` of ``n`` items, evenly spread, first and last kept."""
    if n <= limit:
        return list(range(n))
    step = limit - 1
    return [p for p in range(n) if p == 0 or p * step // (n - 1) != (p - 1) * step // (n - 1)]


__all__ = ["CHART_POINTS", "Chart", "Queries"]
