"""``progress [--json]``: where you stand in every scenario you have finished."""

from __future__ import annotations

import json

from game.history import History, stats

NAME = "progress"
HELP = "show your best score, stars, attempts and last play for each scenario"
ORDER = 40


def add_arguments(parser) -> None:
    parser.add_argument(
        "--json",
        action="store_true",
        help="print a JSON list of objects with the keys id, best_percent, best_stars, "
        "attempts and last_played (ISO 8601)",
    )


def run(args, ctx) -> int:
    with History.open(ctx.paths.history_db, create=False) as history:
        attempts = history.attempts()  # reading may add a notice (rows left out)
        if history.notice:
            print(history.take_notice(), file=ctx.err)
    rows = stats.progress_rows(attempts)
    if args.json:
        print(json.dumps(rows, indent=2), file=ctx.out)
        return 0
    if not rows:
        print(
            "No playthroughs yet. Finish a scenario and your progress will show up here.",
            file=ctx.out,
        )
        return 0
    sums = stats.summaries(attempts)
    three = sum(1 for r in rows if r["best_stars"] == 3)
    print(
        f"Your progress: {_plural(len(rows), 'scenario')} played, "
        f"{_plural(len(attempts), 'playthrough')}, {three} with three stars.",
        file=ctx.out,
    )
    print(file=ctx.out)
    names = [sums[r["id"]].title or r["id"] for r in rows]
    width = min(max(len("Scenario"), *(len(n) for n in names)), 40)
    print(f"  {'Scenario':<{width}}  Best  Stars  Tries  Last played", file=ctx.out)
    for name, r in zip(names, rows, strict=True):
        if len(name) > width:
            name = name[: width - 1] + "…"
        stars = "*" * r["best_stars"] + "." * (3 - r["best_stars"])
        last = sums[r["id"]].last_played.astimezone().strftime("%Y-%m-%d %H:%M")
        print(
            f"  {name:<{width}}  {r['best_percent']:>3}%  {stars:<5}  {r['attempts']:>5}  {last}",
            file=ctx.out,
        )
    return 0


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
