"""``python main.py schema [--output PATH]``: the scenario format's JSON Schema, for editors."""

from __future__ import annotations

from pathlib import Path

from game.errors import FirmKindError

NAME = "schema"
HELP = "print the JSON Schema of scenario files (for editor checking and completion)"
ORDER = 60


def add_arguments(parser) -> None:
    parser.add_argument(
        "--output",
        "-o",
        metavar="PATH",
        type=Path,
        help="write the schema to PATH instead of printing it",
    )


def run(args, ctx) -> int:
    from game.core.schema import shipped_schema_text

    text = shipped_schema_text()
    if args.output is None:
        ctx.out.write(text)
        return 0
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise FirmKindError(
            f"could not write the schema to {args.output}: {exc.strerror}"
        ) from None
    print(f"wrote {args.output}", file=ctx.out)
    return 0
