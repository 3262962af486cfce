"""``play [--text] [--seed N] [FILE]``: play a scenario in the window or in the terminal."""

from __future__ import annotations

import os
from pathlib import Path

from game.core.loader import load_scenario_file

NAME = "play"
HELP = (
    "open the game (at FILE, or with the scenarios in FOLDER added), "
    "or play FILE in the terminal with --text"
)
ORDER = 10


def add_arguments(parser) -> None:
    parser.add_argument(
        "file", nargs="?", type=Path, metavar="FILE",
        help="a scenario file, or a folder of scenarios to add to the list",
    )  # fmt: skip
    parser.add_argument("--text", action="store_true", help="play in the terminal, no window")
    parser.add_argument(
        "--seed", type=int, metavar="N", help="fix the order of the replies (same seed, same order)"
    )
    parser.add_argument(
        "--choices", metavar="3,1,2",
        help="with --text: play this fixed path (reply numbers in file order) and print a transcript",
    )  # fmt: skip
    parser.add_argument(
        "--beat", metavar="ID", help="start at this beat, for authors (a playtest is never saved)"
    )


def run(args, ctx) -> int:
    if args.text:
        scenario = _one_scenario(args, ctx, "play --text needs a scenario FILE to play")
        if isinstance(scenario, int):
            return scenario
        if args.choices is not None:
            return _fixed_path(scenario, args, ctx)
        from game.cli.textplay import play_in_terminal

        return play_in_terminal(scenario, args.seed, ctx, start=args.beat)
    if args.choices is not None:
        print("--choices plays a fixed path in the terminal: add --text", file=ctx.err)
        return 2
    if args.beat is not None:  # checked before the window opens
        code = _one_scenario(args, ctx, "--beat starts one scenario at a beat: give its FILE")
        if isinstance(code, int):
            return code

    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # the window speaks for itself
    from game.ui.app import run_window
    from game.ui.hidpi import set_hints

    set_hints()  # before the display starts: sharp drawing on high-DPI screens

    extra = [args.file] if args.file is not None and args.file.exists() else []
    return run_window(
        ctx.paths, ctx.library, args.file, args.seed, extra_paths=extra, beat=args.beat
    )


def _one_scenario(args, ctx, needs_file: str):
    """The one scenario FILE names (with ``--beat``'s beat, if given), or an exit code."""
    if args.file is None:
        print(needs_file, file=ctx.err)
        return 2
    if args.file.is_dir():
        print(f"{needs_file}; {args.file} is a folder", file=ctx.err)
        return 2
    scenario, problems = load_scenario_file(args.file)
    if scenario is None:
        for problem in problems:
            print(problem, file=ctx.err)
        print(f"{args.file} has errors, so it cannot be played yet.", file=ctx.err)
        return 1
    if args.beat is not None and args.beat not in scenario.beats:
        print(f"{args.file} has no beat '{args.beat}'", file=ctx.err)
        return 2
    return scenario


def _fixed_path(scenario, args, ctx) -> int:
    from game.cli.transcript import print_fixed_path

    return print_fixed_path(scenario, args.choices, args.file, ctx, start=args.beat)
