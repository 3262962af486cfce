"""``validate [PATH ...]``: check scenario files and print every problem with its position."""

from __future__ import annotations

import json
from pathlib import Path

from game.cli.streams import tolerant
from game.core.library import load_library, scenario_files
from game.core.problems import display_path
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
    parser.add_argument(
        "--format", choices=("text", "json"), default="text",
        help="text: one PATH:LINE:COLUMN line per problem (default); "
        "json: one JSON object with every problem and the summary, for tools",
    )  # fmt: skip


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _summary(lib) -> str:
    return (
        f"{_plural(lib.files, 'file')} checked, {len(lib.scenarios)} valid: "
        f"{_plural(len(lib.errors), 'error')}, {_plural(len(lib.warnings), 'warning')}"
    )


def _json(lib, failed: bool) -> str:
    problems = [
        {"path": p.path, "line": p.line, "column": p.column, "severity": p.severity,
         "message": p.message}
        for p in lib.problems
    ]  # fmt: skip
    summary = {
        "files": lib.files, "valid": len(lib.scenarios),
        "errors": len(lib.errors), "warnings": len(lib.warnings), "ok": not failed,
        "text": _summary(lib),
    }  # fmt: skip
    return json.dumps({"problems": problems, "summary": summary}, indent=2)


def _add_glyph_warnings(lib, roots, ctx) -> None:
    """Warn about text the bundled fonts cannot draw (or right-to-left text), file by file."""
    from game.core.glyphs import Coverage, file_problems
    from game.core.loader import MAX_BYTES
    from game.errors import FontFileError

    try:
        coverage = Coverage.bundled()
    except (OSError, FontFileError) as exc:
        print(
            f"firm-and-kind: cannot check which characters the fonts can draw ({exc})", file=ctx.err
        )
        return
    order: dict[str, int] = {}
    extra = []
    for root in roots:
        for path in scenario_files(Path(root)):
            shown = display_path(path)
            if shown not in order:
                order[shown] = len(order)
                extra.extend(file_problems(path, shown, coverage, MAX_BYTES))
    if extra:
        merged = lib.problems + extra
        lib.problems = sorted(merged, key=lambda p: (order.get(p.path, -1), p.line, p.column))


def run(args, ctx) -> int:
    tolerant(ctx.out, ctx.err)
    if args.format == "json" and args.report:
        print("firm-and-kind: --report prints text; use it without --format json", file=ctx.err)
        return 2
    roots = args.paths or [SHIPPED_SCENARIOS]
    lib = load_library(roots)
    _add_glyph_warnings(lib, roots, ctx)
    failed = bool(lib.errors or (args.strict and lib.warnings))
    if args.format == "json":
        print(_json(lib, failed), file=ctx.out)
        return 1 if failed else 0
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
    print(_summary(lib), file=ctx.out)
    return 1 if failed else 0
