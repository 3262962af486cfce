"""The game's few soft sounds, and a quiet fallback when there is nowhere to play them.

    audio = Audio(volume=0.6, muted=False)
    audio.start()          # after pygame.init(); silent if there is no audio device
    audio.play("chime")

Sound names: "click", "chime" (an assertive reply), "tone" (any other reply)
and "celebrate" (a new best). Nothing here raises: a missing device, a missing
or broken sound file, or an unknown name is logged and then ignored.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

import pygame

from game.paths import ASSETS_DIR
from game.ui.quiet import native_stderr_silenced

log = logging.getLogger("firm_and_kind.ui.audio")

SOUND_NAMES = ("click", "chime", "tone", "celebrate")
SOUND_DIR = ASSETS_DIR / "sounds"


def _clamp(volume: float) -> float:
    try:
        v = float(volume)
    except (TypeError, ValueError):
        return 0.0
    if v != v:  # NaN
        return 0.0
    return max(0.0, min(1.0, v))


class Audio:
    """Plays the UI sounds at the player's volume, or stays silent."""

    def __init__(self, volume: float, muted: bool, *, sound_dir: Path | None = None) -> None:
        self.volume = _clamp(volume)
        self.muted = bool(muted)
        self.sound_dir = Path(sound_dir) if sound_dir is not None else SOUND_DIR
        self.available = False  # True once the mixer is up
        self._started = False
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._warned: set[str] = set()

    # -- life cycle ---------------------------------------------------------------------

    def start(self) -> bool:
        """Open the audio device and load the sounds; returns whether sound is available."""
        if self._started:
            return self.available
        self._started = True
        try:
            if not pygame.mixer.get_init():
                with native_stderr_silenced():  # audio libraries print their own complaints
                    pygame.mixer.init()
        except pygame.error:
            log.info("no audio device; playing silently")
            self.available = False
            return False
        self.available = True
        self._load()
        return True

    def stop(self) -> None:
        """Release the audio device (sounds are loaded again on the next start)."""
        self._sounds.clear()
        if self.available:
            with contextlib.suppress(pygame.error):
                pygame.mixer.quit()
        self.available = False
        self._started = False

    def _load(self) -> None:
        if not self.sound_dir.is_dir():
            log.warning("the sound folder %s is missing; playing silently", self.sound_dir)
            return
        for name in SOUND_NAMES:
            path = self.sound_dir / f"{name}.wav"
            try:
                sound = pygame.mixer.Sound(str(path))
            except (pygame.error, OSError, FileNotFoundError) as exc:
                log.warning("could not load the sound %s (%s)", path, exc)
                continue
            self._sounds[name] = sound
        self._apply_volume()

    # -- settings ---------------------------------------------------------------------

    def set_volume(self, volume: float) -> None:
        self.volume = _clamp(volume)
        self._apply_volume()

    def set_muted(self, muted: bool) -> None:
        self.muted = bool(muted)

    def _apply_volume(self) -> None:
        for sound in self._sounds.values():
            with contextlib.suppress(pygame.error):
                sound.set_volume(self.volume)

    # -- playing ------------------------------------------------------------------------

    @property
    def loaded(self) -> tuple[str, ...]:
        """The names of the sounds that loaded."""
        return tuple(self._sounds)

    def play(self, name: str) -> bool:
        """Play a sound; returns whether it was actually started."""
        if name not in SOUND_NAMES:
            if name not in self._warned:
                self._warned.add(name)
                log.warning("there is no sound called %r", name)
            return False
        if self.muted or self.volume <= 0 or not self.available:
            return False
        sound = self._sounds.get(name)
        if sound is None:
            return False
        try:
            sound.play()
        except pygame.error as exc:
            if name not in self._warned:
                self._warned.add(name)
                log.warning("could not play the sound %s (%s)", name, exc)
            return False
        return True
