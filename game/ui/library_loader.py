"""The scenario library for the window: loaded on first use, reloaded on request.

A library that cannot be loaded at all (a bug, an unreadable folder) is logged
and replaced by an empty one whose :attr:`LibraryLoader.error` says why, so the
browser can explain instead of the game stopping.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from game.core.library import Library

log = logging.getLogger("firm_and_kind.ui.library")


class LibraryLoader:
    """``loader()`` is the current library; ``loader.reload()`` loads it again."""

    def __init__(self, load: Callable[[], Library]) -> None:
        self._load = load
        self._library: Library | None = None
        self.error = ""  # why the last load failed, or ""

    def __call__(self) -> Library:
        if self._library is None:
            try:
                self._library = self._load()
                self.error = ""
            except Exception as exc:  # noqa: BLE001 - one broken folder must never stop the game
                log.exception("the scenario library could not be loaded")
                self._library = Library()
                self.error = str(exc)
        return self._library

    def reload(self) -> Library:
        self._library = None
        return self()
