"""``firm-and-kind-window``: open the game window, with no terminal.

This is the package's ``gui-scripts`` entry (on Windows pip makes it an .exe
that opens no console window) and the windowed executable of the standalone
app. It takes the arguments of ``play`` (``[FILE] [--seed N]``). Started
without a console, ``sys.stdout`` and ``sys.stderr`` can be ``None``; they are
pointed at the null device first, so nothing that prints can fail.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
    from game.cli import main as cli_main

    return cli_main(["play", *(sys.argv[1:] if argv is None else argv)])
