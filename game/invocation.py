"""How the player started the game, so the hints the game prints name the same command."""

from __future__ import annotations

import sys
from pathlib import Path


def command_name(argv0: str | None = None) -> str:
    """The command the player typed to start the game, for the hints the game prints.

    ``python main.py`` (as typed, with its folder), ``python -m game``, or
    ``firm-and-kind`` for the installed command and the standalone app.
    """
    arg = sys.argv[0] if argv0 is None else argv0
    name = Path(arg).name
    if name == "main.py":
        return f"python {arg}"
    if name == "__main__.py" and Path(arg).parent.name == "game":
        return "python -m game"
    return "firm-and-kind"
