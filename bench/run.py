"""Every speed target of issue 16, measured as the ratio or bound it is.

    .venv/bin/python bench/run.py            # everything: several minutes
    .venv/bin/python bench/run.py --quick    # up to 1,000 scenarios and 10,000 playthroughs

Each target is measured against a floor taken in the same run on the same
machine (a plain libyaml parse of the same files, a bare GROUP BY over the
same rows, a bare pygame window), so a busy or slow machine cancels out. Times
are given as p50 and p99 over the repetitions (p99 of a few runs is their
slowest). Libraries of 1,000 and 3,000 scenarios are copies of the shipped
ones with new ids; histories of 10,000 and 100,000 playthroughs are written
straight into SQLite through the game's schema. Both are generated once into
the temp folder and reused by later runs.

Prints a table (measured, floor, ratio, target, pass) and exits 1 when a
measured target is missed. Targets of the window that are not measured yet
are printed as "not measured yet" and never counted as passed.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import yaml  # noqa: E402

from bench import generate  # noqa: E402
from game.core.library import load_library, scenario_files  # noqa: E402
from game.core.parse_cache import ParseCache  # noqa: E402
from game.paths import SHIPPED_SCENARIOS, AppPaths  # noqa: E402

DATA = Path(tempfile.gettempdir()) / "firm-and-kind-bench-2"
SCREEN_MS = 100.0


@dataclass
class Row:
    target: str
    size: str
    p50: float | None = None  # measured (ms, MB, or a count)
    p99: float | None = None
    floor: float | None = None
    limit: float | None = None  # a ratio (with a floor) or a bound (without)
    unit: str = "ms"
    paired: float | None = None  # the median of per-repetition ratios, when measured in pairs

    @property
    def ratio(self) -> float | None:
        if self.paired is not None:
            return self.paired
        if self.floor is None or self.p50 is None:
            return None
        return self.p50 / self.floor if self.floor else math.inf

    @property
    def passed(self) -> bool | None:
        if self.limit is None or self.p50 is None:
            return None
        value = self.ratio if self.floor is not None else self.p50
        return value <= self.limit


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def timed(fn, repeat: int, setup=None) -> tuple[float, float]:
    """(p50, p99) in ms of ``fn()`` over ``repeat`` runs (``setup()`` before each, untimed)."""
    out = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return statistics.median(out), pct(out, 0.99)


def paired(floor_fn, fn, repeat: int, setup=None) -> dict:
    """The floor and the measurement taken in turns, so a machine whose load changes
    during the run changes both alike; the ratio is the median of each pair's ratio."""
    floors, measured = [], []
    for _ in range(repeat):
        t = time.perf_counter()
        floor_fn()
        floors.append((time.perf_counter() - t) * 1000)
        if setup is not None:
            setup()
        t = time.perf_counter()
        fn()
        measured.append((time.perf_counter() - t) * 1000)
    return {
        "p50": statistics.median(measured), "p99": pct(measured, 0.99),
        "floor": statistics.median(floors),
        "paired": statistics.median(m / f for m, f in zip(measured, floors, strict=True)),
    }  # fmt: skip


def child(code: str, env: dict | None = None) -> tuple[float, str]:
    """Wall time (ms) of a fresh Python running ``code``, and what it printed."""
    t = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, **(env or {})}, timeout=600,
    )  # fmt: skip
    took = (time.perf_counter() - t) * 1000
    if r.returncode != 0:
        raise RuntimeError(f"benchmark child failed: {r.stderr[-2000:]}")
    return took, r.stdout


# -- data ---------------------------------------------------------------------------
def library(n: int) -> Path:
    if n <= 0:
        return SHIPPED_SCENARIOS
    folder = DATA / f"lib-{n}"
    if not (folder / ".done").exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate.scenario_library(folder, n)
        (folder / ".done").write_text("")
    return folder


def home_with_history(n: int) -> Path:
    home = DATA / f"home-{n}"
    db = AppPaths(home / "data", home / "config", home / "logs").history_db
    if not (home / ".done").exists():
        shutil.rmtree(home, ignore_errors=True)
        db.parent.mkdir(parents=True, mode=0o700)
        print(f"  generating {n:,} playthroughs (once) ...", file=sys.stderr, flush=True)
        generate.history(db, n)
        (home / ".done").write_text("")
    return home


def paths_of(home: Path) -> AppPaths:
    return AppPaths(home / "data", home / "config", home / "logs")


# -- library -------------------------------------------------------------------------
def bench_library(n: int, repeat: int) -> list[Row]:
    folder = library(n)
    files = scenario_files(folder)
    size = f"{len(files):,} scenarios"

    def floor():
        for p in files:
            yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)

    scratch = Path(tempfile.mkdtemp(prefix="fk-bench-cache-"))
    caches = iter(range(10**6))
    state = {}

    def fresh_cache():
        state["cache"] = ParseCache(scratch / f"c{next(caches)}")

    cold = paired(floor, lambda: load_library([folder], cache=state["cache"]), repeat, fresh_cache)
    warm_cache = ParseCache(scratch / "warm")
    load_library([folder], cache=warm_cache)
    warm = paired(floor, lambda: load_library([folder], cache=warm_cache), repeat)
    shutil.rmtree(scratch, ignore_errors=True)
    limit = n >= 1000
    return [
        Row("library: cold load (parse, check, fill the cache) vs plain libyaml", size,
            limit=1.2 if limit else None, **cold),
        Row("library: warm load (from the parse cache) vs plain libyaml", size,
            limit=0.1 if limit else None, **warm),
    ]  # fmt: skip


def bench_library_memory(n: int) -> list[Row]:
    folder = library(n)
    cache_dir = Path(tempfile.mkdtemp(prefix="fk-bench-mem-"))
    rss = "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    base = "import pygame; pygame.init(); "
    load = (
        "from game.core.library import load_library; from game.core.parse_cache import ParseCache; "
        f"lib = load_library([{str(folder)!r}], cache=ParseCache({str(cache_dir)!r})); "
    )
    floors = [int(child(base + rss)[1]) for _ in range(3)]
    cold = int(child(base + load + rss)[1])
    warm = [int(child(base + load + rss)[1]) for _ in range(3)]
    shutil.rmtree(cache_dir, ignore_errors=True)
    floor = statistics.median(floors) / 1024
    size = f"{len(scenario_files(folder)):,} scenarios"
    return [
        Row("library: peak memory above bare pygame, first load (MB)", size,
            cold / 1024 - floor, cold / 1024 - floor, None, 60, "MB"),
        Row("library: peak memory above bare pygame, later loads (MB)", size,
            statistics.median(warm) / 1024 - floor, max(warm) / 1024 - floor, None, 60, "MB"),
    ]  # fmt: skip


def bench_install(n: int, repeat: int) -> list[Row]:
    """Install one file into a home that already has ``n`` scenarios installed (cache warm)."""
    from game.core import loader
    from game.core.packs import install_pack

    home = Path(tempfile.mkdtemp(prefix="fk-bench-install-"))
    paths = paths_of(home)
    paths.ensure()
    shutil.copytree(library(n), paths.user_scenarios / "big", ignore=shutil.ignore_patterns(".*"))
    one = home / "new-pack" / "one.yaml"
    one.parent.mkdir()
    one.write_text(
        (SHIPPED_SCENARIOS / "work" / "extra-shift.yaml")
        .read_text(encoding="utf-8")
        .replace("id: extra-shift", "id: brand-new-one"),
        encoding="utf-8",
    )
    old = os.environ.get("FIRM_AND_KIND_HOME")
    os.environ["FIRM_AND_KIND_HOME"] = str(home)
    try:
        load_library([paths.user_scenarios])  # the game has run once: its cache is warm
        parsed = []
        real = loader.parse
        loader.parse = lambda text, **k: parsed.append(1) or real(text, **k)

        def remove():
            shutil.rmtree(paths.user_scenarios / "new-pack", ignore_errors=True)
            parsed.clear()

        try:
            found = paired(
                lambda: load_library([paths.user_scenarios]),
                lambda: install_pack(one.parent, paths, shipped=None),
                repeat,
                remove,
            )
        finally:
            loader.parse = real
        parses = len(parsed)
    finally:
        if old is None:
            os.environ.pop("FIRM_AND_KIND_HOME", None)
        else:
            os.environ["FIRM_AND_KIND_HOME"] = old
        shutil.rmtree(home, ignore_errors=True)
    size = f"{n:,} installed"
    return [
        Row("install one file vs a warm load of the installed library", size,
            limit=1.5, **found),
        Row("install: files parsed (the new one only)", size, parses, parses, None, 1, "files"),
    ]  # fmt: skip


def bench_outline() -> list[Row]:
    from game.core.loader import load_scenario_bytes
    from game.core.outline import outline_text

    text = generate.big_scenario(330).encode()
    scenario, _ = load_scenario_bytes(text, Path(tempfile.gettempdir()) / "bench-big.yaml")
    out = outline_text(scenario)
    widest = max(len(line) for line in out.splitlines())
    return [
        Row("outline: widest line (characters)", "330 beats", widest, widest, None, 160, "chars"),
        Row("outline: output per beat (bytes)", "330 beats", len(out.encode()) / 330,
            len(out.encode()) / 330, None, 1000, "bytes"),
    ]  # fmt: skip


# -- history ---------------------------------------------------------------------------
def bench_history(n: int, repeat: int) -> list[Row]:
    import sqlite3

    from game.cli.commands import progress
    from game.cli.context import Context
    from game.history import History, stats

    home = home_with_history(n) if n else Path(tempfile.mkdtemp(prefix="fk-bench-empty-"))
    paths = paths_of(home)
    paths.ensure()
    db = paths.history_db
    size = f"{n:,} playthroughs"
    with History.open(db):
        pass  # the file exists at the current schema

    def bare():
        conn = sqlite3.connect(db)
        conn.execute(
            "SELECT scenario_id, count(*), max(percent), max(ended_at) FROM attempt"
            " WHERE practice = 0 GROUP BY scenario_id"
        ).fetchall()
        conn.close()

    def progress_json():
        ctx = Context(paths=paths, out=io.StringIO(), err=io.StringIO())
        progress.run(argparse.Namespace(json=True), ctx)

    found = paired(bare, progress_json, repeat)
    rows = [Row("progress --json vs a bare GROUP BY over the same rows", size, limit=2.0, **found)]

    lib = load_library([SHIPPED_SCENARIOS], cache=False)
    facts = {s.id: stats.ScenarioFacts.of(s) for s in lib.scenarios}
    h = History.open(db)
    sid = "extra-shift"
    last = h._conn.execute(
        "SELECT id FROM attempt WHERE practice = 0 AND scenario_id = ?"
        " ORDER BY ended_at DESC, id DESC LIMIT 1",
        (sid,),
    ).fetchone()
    one = h.attempt(last[0]) if last else None  # the playthrough a debrief would show

    def progress_screen():
        h.summaries(), h.milestones(facts), h.style_mix(8), h.style_totals()
        h.skill_counts(), h.trends(), h.chart(None), h.counted()

    def debrief():
        h.summary(sid), h.endings_found(sid)
        if one is not None:
            h.improvement(one)

    screens = [
        ("screen: scenario browser (summaries)", h.summaries),
        ("screen: progress (everything it shows)", progress_screen),
        ("screen: progress chart of one scenario", lambda: h.chart(sid)),
        ("screen: debrief (best, improvement, endings)", debrief),
        ("screen: review of one scenario (its playthroughs)", lambda: h.attempts(sid)),
    ]
    for name, fn in screens:
        s50, s99 = timed(fn, repeat)
        rows.append(Row(name + f" ≤ {SCREEN_MS:.0f} ms", size, s50, s99, None, SCREEN_MS))
    points = len(h.chart(None).points)
    rows.append(Row("chart: points drawn, all playthroughs", size, points, points, None, 240,
                    "points"))  # fmt: skip
    h.close()

    code = textwrap.dedent(f"""
        import io, argparse, resource, sys
        from game.cli.commands import progress
        from game.cli.context import Context
        from game.paths import AppPaths
        from pathlib import Path
        home = Path({str(home)!r})
        paths = AppPaths(home / "data", home / "config", home / "logs")
        progress.run(argparse.Namespace(json=True), Context(paths=paths, out=io.StringIO()))
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    """)
    rss = int(child(code)[1]) / 1024
    rows.append(Row("progress --json: peak memory (MB, compare sizes: flat)", size, rss, rss,
                    None, None, "MB"))  # fmt: skip
    return rows


# -- startup -----------------------------------------------------------------------------
FLOOR_START = (
    "import pygame; pygame.init(); pygame.display.set_mode((1280, 720)); pygame.display.flip()"
)
GAME_START = textwrap.dedent("""
    import sys
    import game.ui.app as app
    def first_frame(self):
        self.draw()
        return 0
    app.App.run = first_frame  # stop after the first title frame is on the screen
    from game.cli import main
    sys.exit(main(["play"]))
""")


def bench_startup(n: int, repeat: int) -> list[Row]:
    home = home_with_history(n) if n else Path(tempfile.mkdtemp(prefix="fk-bench-start-"))
    env = {"FIRM_AND_KIND_HOME": str(home)}
    child(GAME_START, env)  # once, so both start with warm file caches
    found = paired(lambda: child(FLOOR_START), lambda: child(GAME_START, env), repeat)
    return [Row("startup: first title frame vs bare pygame window", f"{n:,} playthroughs",
                limit=1.5, **found)]  # fmt: skip


# -- the window (not measured by this harness yet) --------------------------------------------
NOT_YET = [
    ("browser: one scroll step, 35 vs 3,000 scenarios (≤ 2 ms, same cost)", "35 / 3,000"),
    ("frames: full redraw p99 of every screen (≤ 2 ms at 1280×720)", "every screen"),
    ("frames: full redraw p99 of every screen (≤ 3 ms at 1920×1080)", "every screen"),
    ("frames: cost does not grow with library or history size", "35-3,000 / 0-100k"),
    ("branch map: laid out once per scenario, linear in beats", "330 beats"),
    ("idle: wake-ups per second when nothing moves (≤ 60)", "title"),
    ("idle: CPU vs the event.wait floor (≤ 0.5×)", "title"),
    ("loading off the main loop: longest unanswered gap (≤ 100 ms)", "3,000 scenarios"),
]


# -- the table ---------------------------------------------------------------------------------
def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ms":
        return f"{value:,.1f} ms" if value < 1000 else f"{value / 1000:,.2f} s"
    if unit in ("files", "points", "chars"):
        return f"{value:,.0f}"
    return f"{value:,.1f} {unit}"


def table(rows: list[Row]) -> str:
    head = ("target", "size", "p50", "p99", "floor", "ratio", "limit", "pass")
    body = []
    for r in rows:
        ratio = "-" if r.ratio is None else f"{r.ratio:.2f}×"
        if r.limit is None:
            limit = "-"
        elif r.floor is not None:
            limit = f"≤ {r.limit:g}×"
        else:
            limit = f"≤ {fmt(r.limit, r.unit)}"
        passed = {True: "pass", False: "MISS", None: "info"}[r.passed]
        body.append((r.target, r.size, fmt(r.p50, r.unit), fmt(r.p99, r.unit),
                     fmt(r.floor, r.unit), ratio, limit, passed))  # fmt: skip
    for name, size in NOT_YET:
        body.append((name, size, "not measured yet", "", "", "", "", "todo"))
    widths = [max(len(str(x[i])) for x in [head, *body]) for i in range(len(head))]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)) + " |"]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for b in body:
        lines.append("| " + " | ".join(str(x).ljust(w) for x, w in zip(b, widths, strict=True)) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller sizes, fewer repetitions")
    ap.add_argument("--json", type=Path, help="also write the rows as JSON to this file")
    ap.add_argument(
        "--only", default="library,outline,history,startup,memory,install",
        help="comma-separated parts to measure (default: all)",
    )  # fmt: skip
    args = ap.parse_args(argv)
    only = set(args.only.split(","))
    DATA.mkdir(parents=True, exist_ok=True)
    libs = [0, 1000] if args.quick else [0, 1000, 3000]
    hists = [0, 10_000] if args.quick else [0, 10_000, 100_000]
    reps = {0: 7, 1000: 3, 3000: 2} if not args.quick else {0: 5, 1000: 2}
    rows: list[Row] = []

    def progress_note(new: list[Row]) -> list[Row]:
        for r in new:  # as they come, for a long run on a busy machine
            print(f"  {r.target} [{r.size}]: p50 {fmt(r.p50, r.unit)}, ratio "
                  f"{'-' if r.ratio is None else f'{r.ratio:.2f}'}", file=sys.stderr, flush=True)
        return new

    for n in libs if "library" in only else []:
        print(f"library: {n or 'shipped'} ...", file=sys.stderr, flush=True)
        rows += progress_note(bench_library(n, reps[n]))
    if "outline" in only:
        rows += progress_note(bench_outline())
    for n in hists if "history" in only else []:
        print(f"history: {n:,} ...", file=sys.stderr, flush=True)
        rows += progress_note(bench_history(n, 7 if n < 100_000 else 5))
    for n in (0, hists[-1]) if "startup" in only else []:
        print(f"startup: {n:,} playthroughs ...", file=sys.stderr, flush=True)
        rows += progress_note(bench_startup(n, 5))
    if "memory" in only:
        rows += progress_note(bench_library_memory(libs[-1]))
    if "install" in only:
        rows += progress_note(bench_install(libs[-1], 2))
    print(table(rows))
    missed = [r for r in rows if r.passed is False]
    print(f"\n{len(rows)} measured, {len(missed)} missed, {len(NOT_YET)} window targets not "
          "measured yet (the window is being restructured)")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in rows], indent=2))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
