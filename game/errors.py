"""The one exception tree of Firm & Kind.

Everything the game raises on purpose derives from :class:`FirmKindError`, so a
front end can catch that one class and show a calm message instead of a
traceback. Anything else that escapes is a bug and is logged as such. The tree
holds exactly the errors the game raises:

* :class:`PlaythroughError` -- the engine (a choice after the end, or out of range)
* :class:`HistoryError` -- the history store (exporting it failed)
* :class:`InstallError`, :class:`PackRefused` -- installing a pack
* :class:`DisplayError` -- the window (no screen to open it on)
* :class:`TooLarge`, :class:`NotAFile` -- a bounded read of a player's file
  (also OSErrors, so a caller handling I/O errors handles them too)
* :class:`HelpDataError` -- the help-line data file is missing or not in shape
* :class:`FontFileError` -- a bundled font's character map cannot be read
* :class:`FirmKindError` itself -- a command's own refusal (``schema``)
"""

from __future__ import annotations


class FirmKindError(Exception):
    """Base class of every error the game raises on purpose."""


class PlaythroughError(FirmKindError):
    """A playthrough was asked to do something its state does not allow."""


class HistoryError(FirmKindError):
    """The player's history could not be read or written."""


class InstallError(FirmKindError):
    """A scenario pack could not be installed (copying it failed)."""


class PackRefused(InstallError):
    """The pack was not installed because of what is in it; ``problems`` says why, file by file.

    ``problems`` holds positioned :class:`game.core.problems.Problem` items.
    """

    def __init__(self, message: str, problems: list | None = None) -> None:
        super().__init__(message)
        self.problems = list(problems or [])


class DisplayError(FirmKindError):
    """There is no screen to open the game window on."""


class HelpDataError(FirmKindError):
    """The help data file is missing, too large, or not in the expected shape."""


class TooLarge(FirmKindError, OSError):
    """The file is larger than the reader's limit."""


class NotAFile(FirmKindError, OSError):
    """The path is a folder, device, FIFO or socket, not a regular file."""


class FontFileError(FirmKindError):
    """A bundled font's character map cannot be read."""
