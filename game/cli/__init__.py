"""The command line: ``python main.py [COMMAND] ...``.

Each command lives in its own module under :mod:`game.cli.commands`, which
defines ``NAME``, ``HELP``, ``ORDER``, ``add_arguments(parser)`` and
``run(args, ctx) -> int``. Commands are found by listing that package, so
adding one never means editing another. Only the command that runs is
imported: the others' ``NAME``, ``HELP`` and ``ORDER`` (plain literals) are
read from their source for ``--help``, so starting the game or running one
command never pays for the rest.

Errors the game raises on purpose (:class:`game.errors.FirmKindError`) print
one calm line. Anything else is a bug: its traceback goes to the log file and
the player sees one line with the log's path, never a traceback.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from game import APP_NAME, __version__
from game.cli.context import Context
from game.cli.logfile import PrivateLogHandler
from game.errors import FirmKindError
from game.paths import AppPaths

log = logging.getLogger("firm_and_kind")


COMMANDS_PACKAGE = "game.cli.commands"
_COMMANDS_DIR = Path(__file__).resolve().parent / "commands"
_MAX_SOURCE = 256 * 1024


@dataclass(frozen=True)
class CommandInfo:
    """What ``--help`` says about a command, read from its module's source (not imported)."""

    module: str
    name: str
    help: str
    order: int = 100


def _literals(source: str) -> dict:
    """The module's top-level ``NAME = ...``-style assignments of plain literals."""
    found = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id in ("NAME", "HELP", "ORDER"):
                try:
                    found[target.id] = ast.literal_eval(node.value)
                except ValueError:
                    continue
    return found


def command_table() -> list[CommandInfo]:
    """Every command in :mod:`game.cli.commands`, in menu order, without importing one."""
    table = []
    for path in sorted(_COMMANDS_DIR.glob("*.py")):
        if path.name.startswith("_"):
            continue
        module = f"{COMMANDS_PACKAGE}.{path.stem}"
        with open(path, encoding="utf-8") as fh:
            found = _literals(fh.read(_MAX_SOURCE))
        if not isinstance(found.get("NAME"), str):  # not plain: import it to know
            mod = importlib.import_module(module)
            found = {"NAME": mod.NAME, "HELP": mod.HELP, "ORDER": getattr(mod, "ORDER", 100)}
        table.append(
            CommandInfo(module, found["NAME"], str(found.get("HELP", "")), found.get("ORDER", 100))
        )
    return sorted(table, key=lambda c: (c.order, c.name))


def _command_modules():
    """Every command module, imported (for checks that need them all; the game does not)."""
    return [importlib.import_module(c.module) for c in command_table()]


def _runner(module: str):
    def run(args, ctx):
        return importlib.import_module(module).run(args, ctx)

    return run


def build_parser(
    command: str | None = None, prog: str = "firm-and-kind"
) -> tuple[argparse.ArgumentParser, dict]:
    """The parser, with the arguments of ``command`` only (the others are listed, not loaded).

    ``prog`` is how the player started the game, so usage lines name it.
    """
    parser = argparse.ArgumentParser(
        prog=prog,
        description=f"{APP_NAME}: practise saying no and asking for what you need. "
        "With no command, the game window opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    handlers = {}
    for info in command_table():
        p = sub.add_parser(info.name, help=info.help, description=info.help)
        if info.name == command:
            importlib.import_module(info.module).add_arguments(p)
        handlers[info.name] = _runner(info.module)
    return parser, handlers


def _chosen(argv: list[str]) -> str | None:
    """The command the arguments name (the first word that is not an option), if any."""
    return next((a for a in argv if not a.startswith("-")), None)


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
    parser, handlers = build_parser(_chosen(argv), prog=ctx.command)
    args = parser.parse_args(argv)
    setup_logging(ctx.paths)
    if args.command is None:  # no command: open the game window at the title
        parser, handlers = build_parser("play", prog=ctx.command)
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
