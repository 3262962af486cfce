"""Speed targets for the pure model, measured outside the test suite.

    .venv/bin/python bench/bench_core.py

Prints each measurement next to its target and exits 1 if one is missed.
Targets are for the project's reference machine (2 cores); they guard
against accidental slowdowns, such as re-reading files or quadratic checks.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import big_scenario  # noqa: E402
from game.core.engine import Playthrough  # noqa: E402
from game.core.library import load_library  # noqa: E402
from game.core.loader import load_scenario_bytes  # noqa: E402
from game.paths import SHIPPED_SCENARIOS  # noqa: E402


def one_line_beats(typos: bool, limit: int = 246 * 1024) -> str:
    """A file near the limit made of one-line beats in a chain. With ``typos`` every 'next'
    is a near miss ('beat-8x'), so each asks for a did-you-mean among all the beats."""
    out = [
        "id: bad-refs", "title: Bad", "category: work", "difficulty: 1", "summary: Bad.",
        "characters:", "  sam: {name: Sam}", "start: beat-0", "beats:",
    ]  # fmt: skip
    size = sum(len(x) + 1 for x in out)
    i = 0
    while True:
        line = (
            f"  beat-{i}: {{speaker: sam, line: L, choices: [{{text: a, style: assertive, "
            f"feedback: f, next: beat-{i + 1}{'x' if typos else ''}}}, "
            "{text: b, style: passive, feedback: f, next: end}]}"
        )
        if size + len(line) + 60 > limit:
            out[-1] = out[-1].replace(f"beat-{i}x", "end").replace(f"beat-{i}}}", "end}")
            break
        out.append(line)
        size += len(line) + 1
        i += 1
    out += ["endings:", "  end: {title: End, tone: good, text: The end.}"]
    return "\n".join(out) + "\n"


def timed(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    results = []

    t = timed(lambda: load_library([SHIPPED_SCENARIOS], cache=False))  # parse and check, every time
    n = len(load_library([SHIPPED_SCENARIOS]).scenarios)
    results.append((f"load and validate the shipped library ({n} scenarios)", t, 1.0))

    text = big_scenario(330).encode()
    assert len(text) < 256 * 1024, len(text)
    path = Path(tempfile.gettempdir()) / "bench-big.yaml"
    t = timed(lambda: load_scenario_bytes(text, path))
    results.append((f"validate a {len(text) // 1024} KiB scenario (libyaml)", t, 0.5))
    t = timed(lambda: load_scenario_bytes(text, path, fast=False), repeat=3)
    results.append((f"validate a {len(text) // 1024} KiB scenario (pure Python)", t, 2.5))

    # Floor: the same file with its references right. Every reference wrong must not cost
    # much more (did-you-mean was quadratic: 120 s for 246 KiB).
    good = one_line_beats(typos=False).encode()
    floor = timed(lambda: load_scenario_bytes(good, path), repeat=3)
    bad = one_line_beats(typos=True).encode()
    t = timed(lambda: load_scenario_bytes(bad, path), repeat=3)
    results.append(
        (f"validate {len(bad) // 1024} KiB, every reference wrong (3x it right)", t, 3 * floor)
    )

    scenario, _ = load_scenario_bytes(text, path)

    def play_through():
        p = Playthrough(scenario, seed=1)
        while not p.finished:
            p.choose(0)

    t = timed(play_through)
    results.append(("play 330 decisions through the engine", t, 0.05))

    failed = False
    for name, seconds, target in results:
        ok = seconds <= target
        failed |= not ok
        print(
            f"{'ok  ' if ok else 'SLOW'} {seconds * 1000:8.1f} ms  (target {target * 1000:.0f} ms)  {name}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
