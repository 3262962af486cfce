"""Live reload: save the scenario file you are playing, and the game picks it up.

While ``python main.py play FILE`` runs, the play scene owns a
:class:`LiveReloader` and calls :meth:`LiveReloader.update` once per frame.
The reloader looks at the file at most a few times a second (one ``stat``
call, plus a hash of the contents for a few seconds after each save), and when
a change has settled
it loads the file again:

* valid: it calls ``on_reload(scenario)``; the play scene restarts the
  current beat (or the scenario, if that beat is gone) and shows "Reloaded";
* broken: it calls ``on_problems(problems)``; the play scene shows them in
  an overlay as ``file:line:col: message`` and keeps running, until a later
  save loads cleanly.

F5 or Ctrl+R (Cmd+R on a Mac) reloads by hand: :func:`is_reload_key` tells
the scene whether an event is that key, and :meth:`LiveReloader.reload` does
it. A save that does not change the file's contents (a touch, an editor
saving an unmodified buffer) reloads nothing.

Why a settle step: many editors save in two steps (empty the file, then write
it, or write a temporary file and rename it over the original). The
reloader acts once the file's size and modification time have stayed the
same across two looks, so it never reads half a file, and a file that is
briefly missing during a rename is not reported as gone.

Nothing here imports pygame except :func:`is_reload_key`, so the logic runs
(and is tested) headless with a fake clock.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from game.core.problems import ERROR, Problem, display_path

log = logging.getLogger("firm_and_kind.live_reload")

POLL_INTERVAL = 0.25  # seconds between looks at the file: at most four stat calls a second
GONE_AFTER = 1.0  # seconds a file may be missing (an editor's rename) before it is reported

# Some file systems keep modification times to the second (or two); a file saved twice
# within that time may keep its size and time. While a file's time is this recent, its
# contents' hash is part of what is compared, so such a quick second save is not missed.
RECENT = 3.0

# What was seen of the file: (mtime in ns, size, inode, hash while recent) or None if missing.
Signature = tuple[int, int, int, str] | None

RELOADED = "reloaded"
PROBLEMS = "problems"
UNCHANGED = "unchanged"


def _signature(path: Path) -> Signature:
    try:
        st = os.stat(path)
        digest = ""
        if abs(time.time() - st.st_mtime) < RECENT:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino, digest)


@dataclass(frozen=True)
class ReloadOutcome:
    """What one reload did: ``kind`` is ``reloaded``, ``problems`` or ``unchanged``."""

    kind: str
    scenario: object | None = None
    problems: tuple[Problem, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.kind == RELOADED


class FileWatcher:
    """Tells, when asked, whether a file has changed and settled since it was last taken.

    ``poll(now)`` returns ``"changed"`` once per settled change, ``"gone"``
    once when the file has been missing for ``gone_after`` seconds, and
    ``None`` otherwise (including when called sooner than ``interval``).
    """

    CHANGED = "changed"
    GONE = "gone"

    def __init__(
        self,
        path: Path | str,
        *,
        interval: float = POLL_INTERVAL,
        gone_after: float = GONE_AFTER,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = Path(path)
        self.interval = interval
        self.gone_after = gone_after
        self.clock = clock
        self._taken: Signature = _signature(self.path)  # what was last acted on
        self._candidate: Signature = self._taken
        self._candidate_since: float | None = None
        self._last_poll: float | None = None
        self._gone_reported = False

    def take(self) -> Signature:
        """Record the file as it is now as seen (after a load by hand, say)."""
        self._taken = self._candidate = _signature(self.path)
        self._candidate_since = None
        self._gone_reported = self._taken is None and self._gone_reported
        return self._taken

    def poll(self, now: float | None = None) -> str | None:
        now = self.clock() if now is None else now
        if self._last_poll is not None and now - self._last_poll < self.interval:
            return None
        self._last_poll = now
        sig = _signature(self.path)
        if sig != self._candidate:  # still moving: wait for it to settle
            self._candidate = sig
            self._candidate_since = now
            return None
        if sig == self._taken:
            return None
        # The same unfamiliar signature twice in a row: the change has settled.
        if sig is None:
            since = self._candidate_since if self._candidate_since is not None else now
            if not self._gone_reported and now - since >= self.gone_after:
                self._gone_reported = True
                return self.GONE
            return None
        self._taken = sig
        self._gone_reported = False
        return self.CHANGED


LoadBytes = Callable[[bytes, Path], tuple]


def _default_load(data: bytes, path: Path) -> tuple:
    from game.core.loader import load_scenario_bytes

    return load_scenario_bytes(data, path)


class LiveReloader:
    """Reloads one scenario file when it changes and hands the result to the play scene.

    >>> reloader = LiveReloader(path, on_reload=scene.replace_scenario,
    ...                         on_problems=scene.show_problems)
    >>> reloader.update()        # every frame; cheap
    >>> reloader.reload()        # F5 / Ctrl+R
    """

    def __init__(
        self,
        path: Path | str,
        on_reload: Callable[[object], None],
        on_problems: Callable[[list[Problem]], None],
        *,
        load: LoadBytes | None = None,
        interval: float = POLL_INTERVAL,
        gone_after: float = GONE_AFTER,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = Path(path)
        self.on_reload = on_reload
        self.on_problems = on_problems
        self.load = load or _default_load
        self.watcher = FileWatcher(self.path, interval=interval, gone_after=gone_after, clock=clock)
        self._content_hash = self._current_hash()
        self.reloads = 0  # successful reloads, for the curious and the tests
        self.showing_problems = False

    @classmethod
    def for_play_scene(cls, scene, **kwargs) -> LiveReloader:
        """A reloader wired to the play scene's hooks (``scenario_path``,
        ``replace_scenario``, ``show_problems``)."""
        return cls(scene.scenario_path, scene.replace_scenario, scene.show_problems, **kwargs)

    def _current_hash(self) -> str | None:
        try:
            return hashlib.sha256(self.path.read_bytes()).hexdigest()
        except OSError:
            return None

    # -- driving ------------------------------------------------------------------
    def update(self, now: float | None = None) -> ReloadOutcome | None:
        """Look at the file if it is time to; reload it if it changed. Call once per frame."""
        event = self.watcher.poll(now)
        if event == FileWatcher.CHANGED:
            return self._load(force=False)
        if event == FileWatcher.GONE:
            return self._report([self._gone_problem()])
        return None

    def reload(self) -> ReloadOutcome:
        """Load the file now, changed or not (the reload key)."""
        self.watcher.take()
        return self._load(force=True)

    # -- inside -------------------------------------------------------------------
    def _gone_problem(self) -> Problem:
        return Problem(
            display_path(self.path),
            1,
            1,
            ERROR,
            "the scenario file is gone (moved, renamed or deleted); save it again at this path "
            "to keep playing it",
        )

    def _load(self, *, force: bool) -> ReloadOutcome:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return self._report([self._gone_problem()])
        except OSError as exc:
            problem = Problem(
                display_path(self.path),
                1,
                1,
                ERROR,
                f"cannot read the file ({exc.strerror or exc})",
            )
            return self._report([problem])
        digest = hashlib.sha256(data).hexdigest()
        if not force and digest == self._content_hash:
            return ReloadOutcome(UNCHANGED)
        self._content_hash = digest
        try:
            scenario, problems = self.load(data, self.path)
        except Exception as exc:  # noqa: BLE001 - a reload must never take the game down
            log.exception("reloading %s failed", self.path)
            problem = Problem(
                display_path(self.path), 1, 1, ERROR, f"the file could not be reloaded ({exc})"
            )
            return self._report([problem])
        if scenario is None:
            return self._report([p for p in problems if p.is_error] or list(problems))
        self.reloads += 1
        self.showing_problems = False
        self.on_reload(scenario)
        return ReloadOutcome(RELOADED, scenario, tuple(problems))

    def _report(self, problems: list[Problem]) -> ReloadOutcome:
        self.showing_problems = True
        self.on_problems(problems)
        return ReloadOutcome(PROBLEMS, None, tuple(problems))


def is_reload_key(event) -> bool:
    """F5, or Ctrl+R (Cmd+R on a Mac): the key that reloads the scenario by hand."""
    import pygame

    if getattr(event, "type", None) != pygame.KEYDOWN:
        return False
    key = getattr(event, "key", None)
    if key == pygame.K_F5:
        return True
    mods = getattr(event, "mod", 0)
    return key == pygame.K_r and bool(mods & (pygame.KMOD_CTRL | pygame.KMOD_META))
