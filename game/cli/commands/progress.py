"""``progress [--json]``: where you stand in every scenario you have finished.

Everything comes from SQL aggregates (:mod:`game.history.queries`): the
command never loads the playthroughs themselves.
"""

from __future__ import annotations

import json
from datetime import datetime

from game.history import History

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
        rows = history.progress_rows()
        if not args.json and rows:
            sums, played = history.summaries(), history.counted()
        if history.notice:  # reading may add a notice (a damaged file set aside)
            print(history.take_notice(), file=ctx.err)
    if args.json:
        print(json.dumps(rows, indent=2), file=ctx.out)
        return 0
    if not rows:
        print(
            "No playthroughs yet. Finish a scenario and your progress will show up here.",
            file=ctx.out,
        )
        return 0
    three = sum(1 for r in rows if r["best_stars"] == 3)
    print(
        f"Your progress: {_plural(len(rows), 'scenario')} played, "
        f"{_plural(played, 'playthrough')}, {three} with three stars.",
        file=ctx.out,
    )
    print(file=ctx.out)
    names = [getattr(sums.get(r["id"]), "title", "") or r["id"] for r in rows]
    width = min(max(len("Scenario"), *(len(n) for n in names)), 40)
    print(f"  {'Scenario':<{width}}  Best  Stars  Tries  Last played", file=ctx.out)
    for name, r in zip(names, rows, strict=True):
        if len(name) > width:
            name = name[: width - 1] + "…"
        stars = "*" * r["best_stars"] + "." * (3 - r["best_stars"])
        last = datetime.fromisoformat(r["last_played"]).astimezone().strftime("%Y-%m-%d %H:%M")
        print(
            f"  {name:<{width}}  {r['best_percent']:>3}%  {stars:<5}  {r['attempts']:>5}  {last}",
            file=ctx.out,
        )
    return 0


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
