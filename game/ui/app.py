"""The game window: builds the services every scene shares, and runs the main loop.

``run_window`` opens the window and runs until the player quits. Closing the
window, SIGTERM and Ctrl+C all end it cleanly with status 0. The loop draws
only when something changed or is moving, and otherwise sleeps in
``pygame.event.wait``. An unexpected error in a scene is logged and replaced
by a friendly error screen that names the log file.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import pygame

from game import APP_NAME
from game.core.library import Library
from game.core.loader import load_scenario_file
from game.history import History
from game.paths import AppPaths
from game.ui.audio import Audio
from game.ui.hidpi import pixel_size, to_pixels, window_flags
from game.ui.input_gate import ACTION_EVENTS, InputGate
from game.ui.library_loader import LibraryLoader
from game.ui.navigation import Navigator
from game.ui.notices import Notices
from game.ui.portrait_cache import PortraitCache
from game.ui.quiet import native_stderr_silenced
from game.ui.scene import SceneStack
from game.ui.services import Services
from game.ui.startup_notes import load_settings_noting_damage
from game.ui.text import TextRenderer
from game.ui.theme import MIN_SIZE, PALETTES, Fonts, Theme
from game.ui.window_setup import initial_size, require_a_screen, set_icon

log = logging.getLogger("firm_and_kind.ui")

IDLE_WAIT_MS = 250
FRAME_RATE = 60

LoadLibrary = Callable[[], Library]


class App:
    """The window and its loop; scenes see it only as ``services.window``."""

    def __init__(
        self,
        paths: AppPaths,
        load_library: LoadLibrary,
        *,
        size: tuple[int, int] | None = None,
        history: History | None = None,
        open_history: bool = True,
    ) -> None:
        self.paths = paths
        try:
            paths.ensure()
        except OSError:
            log.warning("could not create the user folders", exc_info=True)
        settings, settings_note = load_settings_noting_damage(paths.settings_file)

        with native_stderr_silenced():
            pygame.display.init()
        require_a_screen()
        pygame.font.init()
        pygame.key.set_repeat(400, 40)
        self.window = pygame.Window(
            APP_NAME, size or initial_size(), resizable=True, **window_flags()
        )
        with contextlib.suppress(pygame.error):
            self.window.minimum_size = MIN_SIZE
        set_icon(self.window)
        theme = Theme(PALETTES[settings.theme], pixel_size(self.window))
        audio = Audio(settings.volume, settings.muted)
        audio.start()
        if history is None and open_history:
            history = self._open_history()
        self.dirty = True
        self.running = True
        self.animating = False
        self.keyboard_mode = True
        self.exit_status = 0
        self._term = False
        self.gate = InputGate()
        self.moment = 0  # counts screen changes; see new_moment
        self._button_moment: dict[int, int] = {}  # mouse button -> the moment it went down in
        self._busy = False  # set while loading: what queued meanwhile is dropped
        text = TextRenderer(Fonts(), theme)
        self.stack = SceneStack(self, text)
        self.nav = Navigator(self.stack)
        self.services = Services(
            theme=theme,
            text=text,
            settings=settings,
            history=history,
            library=LibraryLoader(self._loading(load_library)),
            paths=paths,
            audio=audio,
            notices=Notices(),
            nav=self.nav,
            window=self,
            portraits=PortraitCache(theme),
        )
        self.nav.bind(self.services)
        if settings_note:
            self.services.toast(settings_note, seconds=10)
        self.services.take_history_notice()
        if settings.fullscreen:
            self._apply_fullscreen(True)

    def _open_history(self) -> History | None:
        try:
            return History.open(self.paths.history_db)
        except Exception:  # noqa: BLE001 - a history that cannot open: play on without it
            log.warning("history could not be opened", exc_info=True)
            return None

    def _loading(self, load: LoadLibrary) -> LoadLibrary:
        """``load``, noting that input queued while it ran must be dropped."""

        def load_noting_busy() -> Library:
            try:
                return load()
            finally:
                self.busy()

        return load_noting_busy

    # -- deliberate input ------------------------------------------------------------
    def new_moment(self) -> None:
        """What the player sees changed (a screen opened or closed, new replies appeared).

        Input still waiting from before it is dropped, and a mouse button that went
        down before it does not click when it comes up.
        """
        self.moment += 1

    def busy(self) -> None:
        """The game was busy (a load): drop the input that queued up meanwhile."""
        self._busy = True

    def mark(self, event: pygame.event.Event) -> None:
        """Set ``event.fresh``: a key that went down while up, a click pressed in this moment."""
        if event.type == pygame.MOUSEBUTTONDOWN:
            self._button_moment[event.button] = self.moment
            event.fresh = True
        elif event.type == pygame.MOUSEBUTTONUP:
            event.fresh = self._button_moment.pop(event.button, None) == self.moment
        else:
            event.fresh = self.gate.observe(event)

    # -- settings -----------------------------------------------------------------
    def apply_settings(self, *, save: bool = True) -> None:
        """Apply the (already changed) settings to the theme, window and sound; save them."""
        s = self.services.settings.clean()
        theme = self.services.theme
        if s.theme != theme.palette.name:
            theme.palette = PALETTES[s.theme]
            self.services.portraits.clear()
        self._apply_fullscreen(s.fullscreen)
        self.services.audio.set_volume(s.volume)
        self.services.audio.set_muted(s.muted)
        if save:
            s.save(self.paths.settings_file)
        self._on_size()

    def _apply_fullscreen(self, on: bool) -> None:
        try:
            if on:
                self.window.set_fullscreen(desktop=True)
            else:
                self.window.set_windowed()
        except pygame.error:
            log.info("full screen is not available here")
        self._on_size()

    def toggle_fullscreen(self) -> None:
        self.services.settings.fullscreen = not self.services.settings.fullscreen
        self.apply_settings()

    def resize(self, size: tuple[int, int]) -> None:
        """Resize the window (used by tests and by restoring from full screen)."""
        size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        self.window.size = size
        self._on_size()

    def _on_size(self) -> None:
        size = pixel_size(self.window)
        if size[0] < MIN_SIZE[0] or size[1] < MIN_SIZE[1]:
            size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
            with contextlib.suppress(pygame.error):
                self.window.size = size
        theme = self.services.theme
        if size != theme.size:
            theme.resize(size)
        for s in self.stack.scenes:
            s.on_resize(size)
        self.dirty = True

    # -- running --------------------------------------------------------------------
    def quit(self, status: int = 0) -> None:
        self.running = False
        self.exit_status = status

    def show_error(self, exc: BaseException) -> None:
        """Log an unexpected error and show the friendly error screen in place of every scene."""
        log.error("unexpected error in the game window", exc_info=exc)
        try:
            self.nav.to_error()
        except RuntimeError as again:
            raise again from exc

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.quit(0)
            return
        if event.type in (pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED, pygame.VIDEORESIZE):
            if pixel_size(self.window) != self.services.theme.size:
                self._on_size()
            return
        if event.type in (
            pygame.WINDOWEXPOSED,
            pygame.WINDOWSHOWN,
            pygame.WINDOWRESTORED,
            pygame.WINDOWFOCUSGAINED,
        ):
            self.dirty = True
            return
        if event.type == pygame.WINDOWLEAVE:
            top = self.stack.top
            if top is not None and top.hover_key is not None:
                top.hover_key = None
                self.dirty = True
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return
        top = self.stack.top
        if top is not None:
            top.handle(to_pixels(event, self.window))

    def frame(self, events: Iterable[pygame.event.Event], dt: float) -> None:
        """One frame: handle events, advance animations, and draw if anything changed."""
        events = list(events)
        done = 0  # events seen so far (a failing one counts as seen)
        try:
            start = self.moment
            for event in events:
                done += 1
                if event.type in ACTION_EVENTS:
                    self.mark(event)
                    if self.moment != start:
                        continue  # pressed before the screen changed: kept track of, not acted on
                elif event.type in (pygame.WINDOWFOCUSLOST, pygame.WINDOWFOCUSGAINED):
                    self.gate.observe(event)
                self.handle(event)
                if not self.running:
                    self._observe_unhandled(events[done:])
                    return
            if self.moment != start or self._busy:
                self._busy = False
                self.gate.drain()
            moving = self.stack.update(dt)
            if self.services.notices.items:
                self.services.notices.update(dt)
                moving = True
            if moving or self.animating:  # one more frame after motion stops
                self.dirty = True
            self.animating = moving
            if self.dirty:
                self.draw()
        except Exception as exc:  # noqa: BLE001 - show the friendly error screen instead
            self._observe_unhandled(events[done:])
            self.show_error(exc)
            self.draw()

    def _observe_unhandled(self, events: list[pygame.event.Event]) -> None:
        """Events left unhandled (the game is ending, or a frame failed) still keep the key
        state true: a key let go is no longer held."""
        for event in events:
            if event.type in ACTION_EVENTS:
                self.mark(event)

    def draw(self) -> None:
        surface = self.window.get_surface()
        self.stack.draw(surface)
        self.services.notices.draw(surface, self.services)
        self.window.flip()
        self.dirty = False

    def pump(self, frames: int = 1, dt: float = 0.05) -> None:
        """Process queued events and run ``frames`` frames (tests drive the game this way)."""
        for _ in range(frames):
            self.frame(pygame.event.get(), dt)

    def run(self) -> int:
        self.gate.drain()  # keys pressed while the window was opening do nothing
        clock = pygame.time.Clock()
        last = time.perf_counter()
        while self.running and not self._term:
            if self.animating or self.dirty:
                events = pygame.event.get()
            else:
                first = pygame.event.wait(IDLE_WAIT_MS)  # sleeps while idle
                events = [] if first.type == pygame.NOEVENT else [first, *pygame.event.get()]
            now = time.perf_counter()
            dt, last = min(0.1, now - last), now
            self.frame(events, dt)
            if self.animating:
                clock.tick(FRAME_RATE)
        return self.exit_status

    def request_stop(self, *_args) -> None:
        """Signal handler: SIGTERM and Ctrl+C end the loop cleanly."""
        self._term = True
        self.running = False

    def close(self) -> None:
        for scene in reversed(self.stack.scenes):
            try:
                scene.on_close()
            except Exception:  # noqa: BLE001 - closing must go on
                log.warning("a scene failed while the window closed", exc_info=True)
        history = self.services.history
        if history is not None:
            history.close()
        try:
            self.services.settings.save(self.paths.settings_file)
        finally:
            pygame.quit()


def start_scenes(
    app: App, scenario_path: Path | None = None, seed: int | None = None, beat: str | None = None
) -> None:
    """The first screens: the title, and over it the list (a folder) or a scenario's briefing.

    With ``beat``, the scenario opens straight at that beat, as an author's playtest (never saved).
    """
    nav = app.nav
    nav.to_title()
    if scenario_path is None:
        return
    if Path(scenario_path).is_dir():  # a folder of scenarios: show them in the list
        nav.to_browser()
        return
    scenario, problems = load_scenario_file(Path(scenario_path))
    if scenario is None:
        first = next((str(p) for p in problems if p.is_error), "it could not be read")
        app.services.toast(f"This scenario could not be opened: {first}", seconds=12)
        nav.to_browser()
        return
    if beat is not None and beat in scenario.beats:
        nav.to_playtest(scenario, beat, seed=seed, live=True)
        return
    if beat is not None:
        app.services.toast(f"This scenario has no beat '{beat}'; here is its start.", seconds=12)
    nav.to_briefing(scenario, seed=seed, live=True)


def run_window(
    paths: AppPaths,
    load_library: Callable[[Iterable[Path]], Library],
    scenario_path: Path | None = None,
    seed: int | None = None,
    extra_paths: Iterable[Path] = (),
    beat: str | None = None,
) -> int:
    """Open the game window (at the title, or at one scenario) and run it; returns the exit status.

    ``load_library(extra_paths)`` loads the scenarios (shipped, the player's, and the extra ones).
    """
    os.environ.setdefault("SDL_VIDEO_X11_WMCLASS", "firm-and-kind")
    extra = tuple(Path(p) for p in extra_paths)
    app = None
    old = {}
    try:
        app = App(paths, lambda: load_library(extra))
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(ValueError, OSError):
                old[sig] = signal.signal(sig, app.request_stop)
        try:
            start_scenes(app, scenario_path, seed, beat)
        except Exception as exc:  # noqa: BLE001
            app.show_error(exc)
        return app.run()
    except KeyboardInterrupt:
        return 0
    finally:
        for sig, handler in old.items():
            with contextlib.suppress(ValueError, OSError):
                signal.signal(sig, handler)
        if app is not None:
            app.close()
