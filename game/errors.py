"""The one exception tree of Firm & Kind.

Everything the game raises on purpose derives from :class:`FirmKindError`, so a
front end can catch that one class and show a calm message instead of a
traceback. Anything else that escapes is a bug and is logged as such.
"""

from __future__ import annotations


class FirmKindError(Exception):
    """Base class of every error the game raises on purpose."""


class ScenarioError(FirmKindError):
    """A scenario file (or a set of them) could not be loaded.

    ``problems`` holds the positioned :class:`game.core.problems.Problem` items
    that explain why.
    """

    def __init__(self, message: str, problems: list | None = None) -> None:
        super().__init__(message)
        self.problems = list(problems or [])


class PlaythroughError(FirmKindError):
    """A playthrough was asked to do something its state does not allow."""


class HistoryError(FirmKindError):
    """The player's history could not be read or written."""


class SettingsError(FirmKindError):
    """The settings file could not be read or written."""


class InstallError(FirmKindError):
    """A scenario pack could not be installed."""


class DisplayError(FirmKindError):
    """There is no screen to open the game window on."""
