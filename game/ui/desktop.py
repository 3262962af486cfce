"""Desktop actions: open a folder in the file manager, put text on the clipboard.

They talk to the player's operating system, so they live with the window and
never in the pure core. Neither raises: each says whether it worked.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pygame
import pygame.scrap

log = logging.getLogger("firm_and_kind.ui.desktop")


def open_folder(path: Path) -> bool:
    """Open ``path`` in the system's file manager; False if that is not possible here.

    The folder is created first if it is missing. Nothing waits for the file
    manager, and nothing raises.
    """
    path = Path(path)
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        if sys.platform.startswith("win"):
            os.startfile(str(path))  # type: ignore[attr-defined]  # noqa: S606
            return True
        opener = "open" if sys.platform == "darwin" else "xdg-open"
        exe = shutil.which(opener)
        if exe is None:
            return False
        subprocess.Popen(  # noqa: S603
            [exe, str(path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
        )
        return True
    except (OSError, ValueError):
        return False


def copy_to_clipboard(text: str) -> bool:
    """Put ``text`` on the clipboard; False where there is no clipboard to use."""
    try:
        pygame.scrap.put_text(text)
    except pygame.error:
        log.debug("could not copy to the clipboard", exc_info=True)
        return False
    return True
