"""UI sounds: the generator's WAV files, and an Audio that never gets in the way."""

from __future__ import annotations

import importlib.util
import logging
import math
import os
import struct
import wave
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.paths import ASSETS_DIR, PROJECT_ROOT  # noqa: E402
from game.ui.audio import SOUND_NAMES, Audio  # noqa: E402

EXPECTED_SECONDS = {"click": 0.04, "chime": 0.6, "tone": 0.4, "celebrate": 0.9}


def load_make_sounds():
    spec = importlib.util.spec_from_file_location(
        "make_sounds", PROJECT_ROOT / "tools" / "make_sounds.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_wav(path: Path) -> tuple[wave._wave_params, list[int]]:
    with wave.open(str(path), "rb") as w:
        params = w.getparams()
        frames = w.readframes(params.nframes)
    return params, list(struct.unpack(f"<{params.nframes}h", frames))


@pytest.fixture
def audio_factory():
    made: list[Audio] = []

    def make(*args, **kwargs) -> Audio:
        a = Audio(*args, **kwargs)
        made.append(a)
        return a

    yield make
    for a in made:
        a.stop()


# -- the generator ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sounds")
    assert load_make_sounds().main([str(out)]) == 0
    return out


@pytest.mark.parametrize("name", SOUND_NAMES)
def test_generated_sounds_are_small_quiet_wavs(generated, name):
    params, samples = read_wav(generated / f"{name}.wav")
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, 22050)
    assert params.nframes / params.framerate == pytest.approx(EXPECTED_SECONDS[name], abs=0.002)
    peak = max(abs(s) for s in samples)
    peak_dbfs = 20 * math.log10(peak / 32767)
    assert -13.0 <= peak_dbfs <= -11.0
    # faded in and out: no click at either end
    assert abs(samples[0]) <= 50 and abs(samples[-1]) <= 50
    assert max(abs(s) for s in samples[:5]) < peak / 10
    assert max(abs(s) for s in samples[-5:]) < peak / 10
    assert (generated / f"{name}.wav").stat().st_size < 64_000


def test_generator_is_deterministic_and_the_shipped_files_match(generated):
    shipped = ASSETS_DIR / "sounds"
    for name in SOUND_NAMES:
        assert (generated / f"{name}.wav").read_bytes() == (shipped / f"{name}.wav").read_bytes()
    licence = (shipped / "LICENSE.txt").read_text(encoding="utf-8")
    assert "tools/make_sounds.py" in licence and "CC0" in licence


def test_the_chime_is_warmer_and_longer_than_the_click(generated):
    _, chime = read_wav(generated / "chime.wav")
    _, click = read_wav(generated / "click.wav")
    energy = lambda xs: sum(x * x for x in xs) / len(xs)  # noqa: E731
    # the chime rings on: its second half still carries sound
    assert energy(chime[len(chime) // 2 :]) > 0.01 * energy(chime[: len(chime) // 2])
    assert len(click) < len(chime) / 10


# -- Audio ------------------------------------------------------------------------------------


def test_audio_starts_and_plays_on_the_dummy_driver(audio_factory):
    audio = audio_factory(0.5, False)
    assert audio.start() is True
    assert audio.available
    assert set(audio.loaded) == set(SOUND_NAMES)
    for name in SOUND_NAMES:
        assert audio.play(name) is True
    assert audio.start() is True  # starting twice is harmless


def test_mute_and_volume(audio_factory):
    audio = audio_factory(2.0, False)
    assert audio.volume == 1.0
    audio.start()
    audio.set_muted(True)
    assert audio.play("click") is False
    audio.set_muted(False)
    assert audio.play("click") is True
    audio.set_volume(-3)
    assert audio.volume == 0.0
    assert audio.play("click") is False
    audio.set_volume(0.25)
    assert audio._sounds["click"].get_volume() == pytest.approx(0.25, abs=0.01)
    audio.set_volume("loud")
    assert audio.volume == 0.0


def test_unknown_sound_is_ignored(audio_factory, caplog):
    audio = audio_factory(0.5, False)
    audio.start()
    with caplog.at_level(logging.WARNING, logger="firm_and_kind.ui.audio"):
        assert audio.play("airhorn") is False
        assert audio.play("airhorn") is False
    assert caplog.text.count("airhorn") == 1


def test_missing_sound_folder_is_silent(audio_factory, tmp_path, caplog):
    audio = audio_factory(0.5, False, sound_dir=tmp_path / "nowhere")
    with caplog.at_level(logging.WARNING, logger="firm_and_kind.ui.audio"):
        audio.start()
        for name in SOUND_NAMES:
            assert audio.play(name) is False
    assert audio.loaded == ()
    assert "nowhere" in caplog.text


def test_broken_and_missing_files_are_skipped(audio_factory, tmp_path, caplog):
    (tmp_path / "click.wav").write_bytes(b"RIFF\x00\x00\x00\x00WAVEnot really")
    good = ASSETS_DIR / "sounds" / "chime.wav"
    (tmp_path / "chime.wav").write_bytes(good.read_bytes())
    audio = audio_factory(0.5, False, sound_dir=tmp_path)
    with caplog.at_level(logging.WARNING, logger="firm_and_kind.ui.audio"):
        assert audio.start() is True
    assert audio.loaded == ("chime",)
    assert audio.play("chime") is True
    assert audio.play("click") is False
    assert audio.play("tone") is False
    assert "click.wav" in caplog.text and "tone.wav" in caplog.text


def test_no_audio_device_means_silence(audio_factory, monkeypatch, caplog):
    def no_device(*args, **kwargs):
        raise pygame.error("no available audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", no_device)
    audio = audio_factory(0.5, False)
    with caplog.at_level(logging.INFO, logger="firm_and_kind.ui.audio"):
        assert audio.start() is False
    assert "no audio device; playing silently" in caplog.text
    assert caplog.text.count("no audio device") == 1
    assert audio.play("chime") is False
    audio.set_volume(0.9)
    audio.set_muted(True)
