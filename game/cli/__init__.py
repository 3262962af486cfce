"""The command line: ``python main.py [COMMAND] ...``.

Each command lives in its own module under :mod:`game.cli.commands`, which
defines ``NAME``, ``HELP``, ``ORDER``, ``add_arguments(parser)`` and
``run(args, ctx) -> int``. Commands are found by listing that package, so
adding one never means editing another.

Errors the game raises on purpose (:class:`game.errors.FirmKindError`) print
one calm line. Anything else is a bug: its traceback goes to the log file and
the player sees one line with the log's path, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys
from collections.abc import Sequence

from game import APP_NAME, __version__
from game.cli.context import Context
from game.cli.logfile import PrivateLogHandler
from game.errors import FirmKindError
from game.paths import AppPaths

log = logging.getLogger("firm_and_kind")


def _command_modules():
    from game.cli import commands

    mods = [
        importlib.import_module(f"{commands.__name__}.{info.name}")
        for info in pkgutil.iter_modules(commands.__path__)
        if not info.name.startswith("_")
    ]
    return sorted(mods, key=lambda m: (getattr(m, "ORDER", 100), m.NAME))


def build_parser(prog: str = "firm-and-kind") -> tuple[argparse.ArgumentParser, dict]:
    parser = argparse.ArgumentParser(
        prog=prog,
        description=f"{APP_NAME}: practise saying no and asking for what you need. "
        "With no command, the game window opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    handlers = {}
    for mod in _command_modules():
        p = sub.add_parser(mod.NAME, help=mod.HELP, description=mod.HELP)
        mod.add_arguments(p)
        handlers[mod.NAME] = mod.run
    return parser, handlers


def setup_logging(paths: AppPaths) -> None:
    """Log to the player's log folder (see :mod:`game.cli.logfile`).

    Nothing is created until something is logged; if the log cannot be written
    the game carries on without it, and no traceback reaches the terminal.
    """
    root = logging.getLogger("firm_and_kind")
    if root.handlers:
        return
    root.setLevel(logging.INFO)
    handler = PrivateLogHandler(paths.log_file)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None, ctx: Context | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    ctx = ctx or Context(paths=AppPaths.default())
    parser, handlers = build_parser(ctx.command)
    args = parser.parse_args(argv)
    setup_logging(ctx.paths)
    if args.command is None:  # no command: open the game window at the title
        args = parser.parse_args(["play"])
    command = args.command
    try:
        return int(handlers[args.command](args, ctx) or 0)
    except FirmKindError as exc:
        print(f"firm-and-kind: {exc}", file=ctx.err)
        return 1
    except KeyboardInterrupt:
        return 0
    except BrokenPipeError:
        # The reader went away (``... | head``): stop quietly, as command-line tools do.
        _silence_stdout()
        return 0
    except Exception:  # noqa: BLE001 - the last line of defence: log, never show a traceback
        log.exception("unexpected error in %r", command)
        print(
            f"firm-and-kind: something went wrong inside the game (details in {ctx.paths.log_file})",
            file=ctx.err,
        )
        return 70
