"""The game window: services every scene shares, and the main loop.

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
from collections.abc import Iterable
from pathlib import Path

import pygame

from game import APP_NAME
from game.errors import DisplayError
from game.ui.hidpi import pixel_size, to_pixels, window_flags
from game.ui.quiet import native_stderr_silenced
from game.ui.scene import SceneStack
from game.ui.settings import Settings
from game.ui.text import TextRenderer
from game.ui.theme import DESIGN_SIZE, MIN_SIZE, PALETTES, Fonts, Theme

log = logging.getLogger("firm_and_kind.ui")

IDLE_WAIT_MS = 250
FRAME_RATE = 60


# ---------------------------------------------------------------------------
# Optional parts written alongside the window: used when present.
# ---------------------------------------------------------------------------
class SilentAudio:
    """Stands in when the audio module is missing: the game runs silently."""

    def __init__(self, volume: float = 0.5, muted: bool = False) -> None:
        self.volume, self.muted = volume, muted

    def start(self) -> None:
        pass

    def play(self, name: str) -> None:
        pass

    def set_volume(self, v: float) -> None:
        self.volume = v

    def set_muted(self, b: bool) -> None:
        self.muted = b


def _make_audio(settings: Settings):
    try:
        from game.ui.audio import Audio
    except ImportError:
        Audio = SilentAudio  # noqa: N806
    try:
        audio = Audio(settings.volume, settings.muted)
        audio.start()
        return audio
    except Exception:  # noqa: BLE001 - sound is a nicety; never let it stop the game
        log.warning("sound could not start; the game runs silently", exc_info=True)
        return SilentAudio(settings.volume, settings.muted)


def _placeholder_portrait(
    character_id: str, mood: str, size: int, *, kind: str = "person", theme: str = "light"
):
    import zlib

    surf = pygame.Surface((size, size), pygame.SRCALPHA)
    h = zlib.crc32(character_id.encode())
    skin = [(241, 204, 170), (224, 172, 130), (176, 122, 86), (120, 82, 58)][h % 4]
    cloth = [(70, 110, 140), (140, 90, 70), (90, 120, 90), (120, 100, 140)][(h >> 3) % 4]
    pygame.draw.ellipse(surf, cloth, (size * 0.15, size * 0.62, size * 0.7, size * 0.6))
    pygame.draw.circle(surf, skin, (size // 2, int(size * 0.42)), int(size * 0.22))
    return surf


class EmptyLibrary:
    """What the browser shows when the scenarios could not be loaded at all."""

    def __init__(self, error: str = "") -> None:
        self.scenarios: list = []
        self.broken: list = []
        self.problems: list = []
        self.error = error

    def by_id(self, scenario_id: str):
        return None

    def next_after(self, scenario_id: str):
        return None


def _require_a_screen() -> None:
    """Refuse to run invisibly: with no display, SDL quietly falls back to an offscreen one."""
    asked = os.environ.get("SDL_VIDEODRIVER", "")
    if pygame.display.get_driver() in ("offscreen", "dummy") and asked not in (
        "offscreen",
        "dummy",
    ):
        pygame.display.quit()
        raise DisplayError(
            "no screen was found to open the game window on. "
            "To play in the terminal instead: python main.py play --text FILE"
        )


# ---------------------------------------------------------------------------
class App:
    """Everything a scene needs: theme, text, audio, settings, history, library, paths."""

    def __init__(
        self,
        ctx,
        *,
        extra_paths: Iterable[Path] = (),
        size: tuple[int, int] | None = None,
        history=None,
        open_history: bool = True,
    ) -> None:
        self.ctx = ctx
        self.paths = ctx.paths
        self.extra_paths = tuple(Path(p) for p in extra_paths)
        try:
            self.paths.ensure()
        except OSError:
            log.warning("could not create the user folders", exc_info=True)
        from game.ui.startup_notes import load_settings_noting_damage

        self.settings, settings_note = load_settings_noting_damage(self.paths.settings_file)

        with native_stderr_silenced():
            pygame.display.init()
        _require_a_screen()
        pygame.font.init()
        pygame.key.set_repeat(400, 40)
        self.window = pygame.Window(
            APP_NAME, size or self._initial_size(), resizable=True, **window_flags()
        )
        with contextlib.suppress(pygame.error, AttributeError):
            self.window.minimum_size = MIN_SIZE
        self._set_icon()
        self.theme = Theme(PALETTES[self.settings.theme], pixel_size(self.window))
        self.fonts = Fonts()
        self.text = TextRenderer(self.fonts, self.theme)
        self.audio = _make_audio(self.settings)
        self.history = history if history is not None or not open_history else self._open_history()
        self._library = None
        self._portraits: dict[tuple, pygame.Surface] = {}
        self.stack = SceneStack(self)
        self.dirty = True
        self.running = True
        self.animating = False
        self.keyboard_mode = True
        self.toasts: list[list] = []  # [text, seconds left]
        if settings_note:
            self.toast(settings_note, seconds=10)
        self.exit_status = 0
        self._term = False
        if self.settings.fullscreen:
            self._apply_fullscreen(True)

    # -- set-up helpers -------------------------------------------------------
    def _set_icon(self) -> None:
        """A small drawn icon: the balanced scale of the assertive style on the accent colour."""
        from game.ui.theme import LIGHT
        from game.ui.widgets import style_icon

        icon = pygame.Surface((64, 64), pygame.SRCALPHA)
        pygame.draw.rect(icon, LIGHT.accent, icon.get_rect(), border_radius=16)
        style_icon(icon, pygame.Rect(12, 12, 40, 40), "assertive", LIGHT.card)
        try:
            self.window.set_icon(icon)
        except (pygame.error, AttributeError):
            log.debug("the window icon could not be set")

    @staticmethod
    def _initial_size() -> tuple[int, int]:
        try:
            dw, dh = pygame.display.get_desktop_sizes()[0]
        except (pygame.error, IndexError):
            return DESIGN_SIZE
        w, h = DESIGN_SIZE
        if dw < w or dh < h:
            w = max(MIN_SIZE[0], min(w, dw - 40))
            h = max(MIN_SIZE[1], min(h, dh - 80))
        return (w, h)

    def _open_history(self):
        try:
            from game.history import History
        except ImportError:
            return None
        try:
            h = History.open(self.paths.history_db)
        except Exception:  # noqa: BLE001 - history is optional; play on without it
            log.warning("history could not be opened", exc_info=True)
            return None
        self.take_history_notice(h)
        return h

    def take_history_notice(self, h=None) -> None:
        h = h if h is not None else self.history
        if h is None:
            return
        take = getattr(h, "take_notice", None)
        notice = take() if take is not None else getattr(h, "notice", None)
        if notice:
            self.toast(notice, seconds=8)

    # -- the scenario library ---------------------------------------------------
    @property
    def library(self):
        if self._library is None:
            self._library = self._load_library()
        return self._library

    def _load_library(self):
        try:
            return self.ctx.library(self.extra_paths)
        except Exception as exc:  # noqa: BLE001 - a broken file must never stop the game
            log.exception("the scenario library could not be loaded")
            return EmptyLibrary(str(exc))

    def reload_library(self):
        self._library = None
        return self.library

    # -- portraits, sound, notes ------------------------------------------------
    def portrait(self, character, mood: str, size: int) -> pygame.Surface:
        size = max(16, int(size))
        theme = self.theme.palette.name
        key = (character.id, mood, size, theme, str(getattr(character, "portrait", None)))
        surf = self._portraits.get(key)
        if surf is not None:
            return surf
        try:
            from game.ui import portraits as P
        except ImportError:
            P = None  # noqa: N806
        surf = None
        if P is not None:
            try:
                if getattr(character, "portrait", None):
                    surf = P.load_portrait(character.portrait, size)
                if surf is None:
                    kind = P.portrait_kind(character)
                    surf = P.draw_portrait(character.id, mood, size, kind=kind, theme=theme)
            except Exception:  # noqa: BLE001
                log.warning("portrait for %s could not be drawn", character.id, exc_info=True)
                surf = None
        if surf is None:
            surf = _placeholder_portrait(character.id, mood, size)
        if surf.get_size() != (size, size):
            surf = pygame.transform.smoothscale(
                surf.convert_alpha() if pygame.display.get_surface() else surf, (size, size)
            )
        if len(self._portraits) > 200:
            self._portraits.clear()
        self._portraits[key] = surf
        return surf

    def sound(self, name: str) -> None:
        try:
            self.audio.play(name)
        except Exception:  # noqa: BLE001
            log.debug("sound %s failed", name, exc_info=True)

    def toast(self, text: str, seconds: float = 5.0) -> None:
        self.toasts.append([text, seconds])
        self.dirty = True

    # -- settings -----------------------------------------------------------------
    @property
    def motion(self) -> bool:
        return self.settings.motion

    def apply_settings(self, *, save: bool = True) -> None:
        s = self.settings.clean()
        if s.theme != self.theme.palette.name:
            self.theme.palette = PALETTES[s.theme]
            self._portraits.clear()
        self._apply_fullscreen(s.fullscreen)
        try:
            self.audio.set_volume(s.volume)
            self.audio.set_muted(s.muted)
        except Exception:  # noqa: BLE001
            log.debug("audio settings failed", exc_info=True)
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
        self.settings.fullscreen = not self.settings.fullscreen
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
        if size != self.theme.size:
            self.theme.resize(size)
        for s in self.stack.scenes:
            s.on_resize(size)
        self.dirty = True

    # -- running --------------------------------------------------------------------
    def quit(self, status: int = 0) -> None:
        self.running = False
        self.exit_status = status

    def show_error(self, exc: BaseException | None = None) -> None:
        from game.ui.scenes.error import ErrorScene

        if exc is not None:
            log.error("unexpected error in the game window", exc_info=exc)
        if isinstance(self.stack.top, ErrorScene):
            raise RuntimeError("the error screen itself failed") from exc
        self.stack.reset(ErrorScene(self))

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.quit(0)
            return
        if event.type in (pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED, pygame.VIDEORESIZE):
            if pixel_size(self.window) != self.theme.size:
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

    def step(self, events: Iterable[pygame.event.Event], dt: float) -> None:
        """Handle events, advance animations, and draw if anything changed."""
        try:
            for event in events:
                self.handle(event)
                if not self.running:
                    return
            moving = self.stack.update(dt)
            if self.toasts:
                for t in self.toasts:
                    t[1] -= dt
                self.toasts = [t for t in self.toasts if t[1] > 0]
                moving = True
            if moving or self.animating:  # one more frame after motion stops
                self.dirty = True
            self.animating = moving
            if self.dirty:
                self.draw()
        except Exception as exc:  # noqa: BLE001 - show the friendly error screen instead
            self.show_error(exc)
            self.draw()

    def draw(self) -> None:
        surface = self.window.get_surface()
        self.stack.draw(surface)
        self._draw_toasts(surface)
        self.window.flip()
        self.dirty = False

    def _draw_toasts(self, surface: pygame.Surface) -> None:
        if not self.toasts:
            return
        from game.ui.widgets import card

        th = self.theme
        w = min(th.sp(720), surface.get_width() - th.sp(64))
        y = surface.get_height() - th.sp(24)
        self.text.layer = 99
        for text, _left in reversed(self.toasts[-3:]):
            inner = w - th.sp(32)
            h = self.text.height_of(text, "body", inner) + th.sp(24)
            r = pygame.Rect(0, 0, w, h)
            r.midbottom = (surface.get_width() // 2, y)
            card(surface, r, self, fill=self.theme.palette.card, border=self.theme.palette.accent)
            self.text.draw(surface, text, r.inflate(-th.sp(32), -th.sp(24)), "body")
            y = r.top - th.sp(8)
        self.text.layer = 0

    def pump(self, frames: int = 1, dt: float = 0.05) -> None:
        """Process queued events and run ``frames`` frames (tests drive the game this way)."""
        for _ in range(frames):
            self.step(pygame.event.get(), dt)

    def run(self) -> int:
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
            self.step(events, dt)
            if self.animating:
                clock.tick(FRAME_RATE)
        return self.exit_status

    def request_stop(self, *_args) -> None:
        """Signal handler: SIGTERM and Ctrl+C end the loop cleanly."""
        self._term = True
        self.running = False

    def close(self) -> None:
        try:
            if self.history is not None:
                self.history.close()
        except Exception:  # noqa: BLE001
            log.warning("history could not be closed cleanly", exc_info=True)
        try:
            self.settings.save(self.paths.settings_file)
        finally:
            pygame.quit()


def start_scenes(app: App, scenario_path: Path | None = None, seed: int | None = None) -> None:
    from game.ui.scenes.title import TitleScene

    title = TitleScene(app)
    app.stack.push(title)
    if scenario_path is None:
        return
    if Path(scenario_path).is_dir():  # a folder of scenarios: show them in the list
        from game.ui.scenes.browser import BrowserScene

        app.stack.push(BrowserScene(app))
        return
    from game.ui.scenes.briefing import BriefingScene

    scenario = None
    try:
        from game.core.loader import load_scenario_file

        scenario, problems = load_scenario_file(Path(scenario_path))
    except Exception as exc:  # noqa: BLE001
        log.exception("could not load %s", scenario_path)
        problems = [str(exc)]
    if scenario is None:
        first = next(
            (str(p) for p in problems if getattr(p, "is_error", True)), "it could not be read"
        )
        app.toast(f"This scenario could not be opened: {first}", seconds=12)
        from game.ui.scenes.browser import BrowserScene

        app.stack.push(BrowserScene(app))
        return
    app.stack.push(BriefingScene(app, scenario, seed=seed, live=True))


def run_window(
    ctx, scenario_path: Path | None = None, seed: int | None = None, extra_paths=()
) -> int:
    """Open the game window (at the title, or at one scenario) and run it; returns the exit status."""
    os.environ.setdefault("SDL_VIDEO_X11_WMCLASS", "firm-and-kind")
    app = None
    old = {}
    try:
        app = App(ctx, extra_paths=extra_paths)
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(ValueError, OSError):
                old[sig] = signal.signal(sig, app.request_stop)
        try:
            start_scenes(app, scenario_path, seed)
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
