"""``outline FILE [--format text|mermaid|dot]``: a scenario's beats, replies and endings at a glance."""

from __future__ import annotations

from pathlib import Path

from game.cli.streams import tolerant
from game.core.outline import FORMATS

NAME = "outline"
HELP = "show a scenario as a tree of beats, replies and endings (or a Mermaid or Graphviz graph)"
ORDER = 40


def add_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", type=Path, help="the scenario file")
    parser.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        default="text",
        help="text: an indented tree (default); mermaid: a flowchart for Markdown; "
        "dot: a Graphviz graph (dot -Tsvg)",
    )


def _can_print(stream, sample: str) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        sample.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def run(args, ctx) -> int:
    tolerant(ctx.out, ctx.err)
    from game.core.loader import load_scenario_file
    from game.core.outline import UNICODE_GLYPHS, outline

    scenario, problems = load_scenario_file(args.file)
    if scenario is None:
        for problem in problems:
            print(problem, file=ctx.err)
        errors = sum(1 for p in problems if p.is_error)
        print(
            f"{args.file}: cannot outline a scenario with {errors} error{'s' * (errors != 1)}; "
            "fix them and try again",
            file=ctx.err,
        )
        return 1
    ascii_only = not _can_print(ctx.out, "".join(UNICODE_GLYPHS.values()))
    text = outline(scenario, args.format, ascii_only=ascii_only)
    if not _can_print(ctx.out, text):
        text = text.encode("ascii", "replace").decode("ascii")
    print(text, file=ctx.out)
    return 0
