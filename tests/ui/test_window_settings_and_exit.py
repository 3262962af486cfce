"""Settings persist and apply at once; quitting, SIGTERM and errors end or recover cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pygame

from game.paths import PROJECT_ROOT
from game.ui.settings import Settings


def test_settings_change_at_once_and_persist_across_a_restart(make_app, tmp_path):
    home = tmp_path / "h"
    d = make_app(home=home)
    from game.ui.scenes.settings import SettingsScene

    d.app.stack.push(SettingsScene(d.app.services))
    d.frames()
    assert d.top.focus_key == "display"
    d.key(pygame.K_DOWN)
    assert d.top.focus_key == "theme"
    d.key(pygame.K_RIGHT)  # Light -> Dark
    assert d.app.services.theme.palette.name == "dark"  # applied at once
    d.key(pygame.K_DOWN)
    d.key(pygame.K_RETURN)  # motion: On -> Off
    assert d.app.services.motion is False
    d.key(pygame.K_DOWN)
    d.click("sound")  # mouse: toggles mute
    assert d.app.services.settings.muted is True
    assert d.top.focus_key == "sound"  # a click also moves the focus
    vol = d.app.services.settings.volume
    d.key(pygame.K_DOWN)
    assert d.top.focus_key == "volume"
    d.key(pygame.K_LEFT)
    assert d.app.services.settings.volume == round(vol - 0.1, 2)
    saved = json.loads((home / "config" / "settings.json").read_text())
    assert saved["theme"] == "dark" and saved["motion"] is False and saved["muted"] is True
    d.app.window.destroy()

    d2 = make_app(home=home)
    assert d2.app.services.settings.theme == "dark"
    assert d2.app.services.theme.palette.name == "dark"
    assert d2.app.services.settings.motion is False
    assert d2.app.services.settings.volume == round(vol - 0.1, 2)


def test_a_damaged_settings_file_is_set_aside_not_wiped(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{ not json", encoding="utf-8")
    s = Settings.load(path)
    assert s == Settings()
    assert not path.exists()
    (aside,) = tmp_path.glob("settings.json.damaged-*")
    assert aside.read_text(encoding="utf-8") == "{ not json"
    assert s.save(path) and Settings.load(path) == s


def test_out_of_range_settings_are_cleaned(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"volume": 7, "theme": "neon", "unknown": 1}), encoding="utf-8")
    s = Settings.load(path)
    assert s.volume == 1.0 and s.theme == "light"


def test_quit_event_ends_the_loop_with_status_zero(make_app):
    d = make_app()
    from game.ui.scenes.title import TitleScene

    d.app.stack.push(TitleScene(d.app.services))
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert d.app.run() == 0
    assert d.app.running is False


def test_quit_button_ends_the_game(make_app):
    d = make_app()
    from game.ui.scenes.title import TitleScene

    d.app.stack.push(TitleScene(d.app.services))
    d.frames()
    d.click("quit")
    assert d.app.running is False and d.app.exit_status == 0


def test_an_unexpected_error_shows_the_error_screen(make_app):
    d = make_app()
    from game.ui.scenes.title import TitleScene

    title = d.app.stack.push(TitleScene(d.app.services))

    def boom():
        raise RuntimeError("a bug")

    next(w for w in title.widgets if w.key == "about").on_activate = boom
    title.focus_key = "about"
    d.key(pygame.K_RETURN)
    assert d.top.name == "error"
    texts = " ".join(r.text for r in d.render())
    assert str(d.app.paths.log_file) in texts
    d.key(pygame.K_RETURN)  # back to the title
    assert d.top.name == "title"


def test_a_broken_scenario_file_opens_the_browser_not_a_crash(make_app, tmp_path):
    from game.ui.app import start_scenes
    from tests.support.window import FIXTURES

    d = make_app()
    start_scenes(d.app, FIXTURES / "broken-file.yaml")
    d.frames()
    assert d.names == ["title", "browser"]
    assert any("could not be opened" in t for t in d.app.services.notices.texts)


def test_play_file_opens_at_its_briefing_with_the_seed(make_app):
    from game.ui.app import start_scenes
    from tests.support.window import FIXTURES

    d = make_app()
    start_scenes(d.app, FIXTURES / "extra-shift.yaml", seed=11)
    d.frames()
    assert d.names == ["title", "briefing"]
    d.key(pygame.K_RETURN)
    assert d.top.name == "play" and d.top.playthrough.seed == 11


def _spawn(tmp_path: Path, *args: str) -> subprocess.Popen:
    env = dict(
        os.environ,
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        FIRM_AND_KIND_HOME=str(tmp_path / "home"),
    )
    return subprocess.Popen(
        [sys.executable, "main.py", *args],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_for_window(tmp_path: Path, proc: subprocess.Popen) -> None:
    # the settings folder appears once the window is up; then give the loop a moment
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and proc.poll() is None:
        if (tmp_path / "home" / "data" / "scenarios").exists():
            break
        time.sleep(0.05)
    time.sleep(1.0)


def test_sigterm_ends_the_game_with_status_zero(tmp_path):
    proc = _spawn(tmp_path)
    _wait_for_window(tmp_path, proc)
    assert proc.poll() is None, proc.stderr.read().decode()
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=10) == 0


def test_ctrl_c_ends_the_game_with_status_zero(tmp_path):
    proc = _spawn(tmp_path)
    _wait_for_window(tmp_path, proc)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=10) == 0


def test_play_folder_opens_the_list_with_the_folder_added(make_app, tmp_path):
    from game.ui.app import start_scenes
    from tests.support.scenarios import BASE

    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "mine.yaml").write_text(BASE.replace("test-scenario", "my-own-one"))
    d = make_app(roots=(folder,))
    start_scenes(d.app, folder)
    d.frames()
    assert d.names == ["title", "browser"]
    assert [s.id for s in d.app.services.library().scenarios] == ["my-own-one"]
    texts = " ".join(r.text for r in d.render())
    assert "A test" in texts


def test_no_screen_gives_one_clear_line_not_an_invisible_game(monkeypatch, tmp_path, capsys):
    import game.ui.app as app_mod
    from game.cli import main

    monkeypatch.setenv("SDL_VIDEODRIVER", "")
    monkeypatch.setenv("FIRM_AND_KIND_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(app_mod.pygame.display, "get_driver", lambda: "offscreen")
    assert main(["play"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no screen was found" in err and "play --text" in err


def test_native_stderr_noise_is_kept_from_the_terminal(capfd):
    import os

    from game.ui.quiet import native_stderr_silenced

    with native_stderr_silenced():
        os.write(2, b"ALSA lib: cannot find card '0'\n")
    os.write(2, b"after\n")
    err = capfd.readouterr().err
    assert "ALSA" not in err and "after" in err
