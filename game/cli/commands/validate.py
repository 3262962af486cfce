"""``validate [PATH ...]``: check scenario files and print every problem with its position."""

from __future__ import annotations

from pathlib import Path

from game.cli.streams import tolerant
from game.core.library import load_library
from game.paths import SHIPPED_SCENARIOS

NAME = "validate"
HELP = "check scenario files and list every problem as PATH:LINE:COLUMN"
ORDER = 20


def add_arguments(parser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", type=Path,
        help="scenario files or folders (default: the shipped scenarios/ folder)",
    )  # fmt: skip
    parser.add_argument("--strict", action="store_true", help="also fail when there are warnings")
    parser.add_argument(
        "--report", action="store_true",
        help="also print, per scenario, its paths, decisions, score range, endings and skills, "
        "and how well simple rules guess the best reply from its shape",
    )  # fmt: skip


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def run(args, ctx) -> int:
    tolerant(ctx.out, ctx.err)
    lib = load_library(args.paths or [SHIPPED_SCENARIOS])
    for problem in lib.problems:
        print(problem, file=ctx.out)
    if args.report and lib.scenarios:
        from game.core.guessing import format_guessing, guessing_report
        from game.core.library_rules import format_second_edition
        from game.core.report import format_report, scenario_report

        for scenario in lib.scenarios:
            print(file=ctx.out)
            print(format_report(scenario_report(scenario)), file=ctx.out)
        print(file=ctx.out)
        print(format_guessing(guessing_report(lib.scenarios)), file=ctx.out)
        print(format_second_edition(lib.scenarios, with_bar=not args.paths), file=ctx.out)
        print(file=ctx.out)
    errors, warnings = len(lib.errors), len(lib.warnings)
    print(
        f"{_plural(lib.files, 'file')} checked, {len(lib.scenarios)} valid: "
        f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}",
        file=ctx.out,
    )
    return 1 if errors or (args.strict and warnings) else 0
