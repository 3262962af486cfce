"""``install PATH [--replace]``: check a scenario pack and copy it into your scenario folder."""

from __future__ import annotations

from pathlib import Path

from game.cli.streams import tolerant

NAME = "install"
HELP = "check a pack (a folder, a .zip or one file of scenarios) and add it to your scenario folder"
ORDER = 50


def add_arguments(parser) -> None:
    parser.add_argument(
        "path",
        metavar="PATH",
        type=Path,
        help="the pack: a folder of scenarios, a .zip of one, or one scenario file",
    )
    parser.add_argument(
        "--replace",
        action="store_true",
        help="replace an installed pack of the same name",
    )


def run(args, ctx) -> int:
    tolerant(ctx.out, ctx.err)
    from game.core.packs import PackRefused, install_pack

    try:
        result = install_pack(args.path, ctx.paths, replace=args.replace)
    except PackRefused as refused:
        for problem in refused.problems:
            print(problem, file=ctx.err)
        print(f"install refused: {refused}", file=ctx.err)
        if refused.problems:
            print("nothing was installed; fix the errors above and try again", file=ctx.err)
        return 1
    for problem in result.warnings:
        print(problem, file=ctx.out)
    if result.meta is not None:
        by = f" by {result.meta.author}" if result.meta.author else ""
        print(f"pack: {result.meta.name}{by}", file=ctx.out)
    for sentence in result.skipped:
        print(f"not copied: {sentence}", file=ctx.out)
    count = len(result.scenario_ids)
    verb = "replaced" if result.replaced else "installed"
    print(
        f"{verb} the pack '{result.name}': {count} scenario{'s' * (count != 1)} "
        f"({', '.join(result.scenario_ids)}) in {result.target}",
        file=ctx.out,
    )
    print(
        "they appear in the game's scenario list (if the game is open, the next time you press Play)",
        file=ctx.out,
    )
    return 0
