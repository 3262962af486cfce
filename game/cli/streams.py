"""Output that cannot fail on a character: for commands that print what authors wrote."""

from __future__ import annotations

from contextlib import suppress


def tolerant(*streams) -> None:
    """Let ``streams`` write any character: what the terminal's encoding cannot carry is
    written as a backslash escape instead of stopping the command with an error."""
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with suppress(ValueError, OSError, TypeError):
                reconfigure(errors="backslashreplace")
