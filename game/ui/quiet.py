"""Keep what C libraries print to stderr out of the player's terminal.

SDL's helpers (ALSA for sound, Wayland for windows) write their own complaints
straight to file descriptor 2 when a device is missing. The game already says
what matters once, in its log, so these are sent to nowhere while they run.
"""

from __future__ import annotations

import contextlib
import os


@contextlib.contextmanager
def native_stderr_silenced():
    """Send what C libraries write to stderr to nowhere while the block runs."""
    fd = 2  # C libraries write to the process's stderr, whatever sys.stderr is now
    try:
        saved = os.dup(fd)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), fd)
            yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)
