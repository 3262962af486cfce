"""Desktop actions: opening a folder in the file manager, and the clipboard."""

from __future__ import annotations

from game.ui import desktop
from game.ui.desktop import copy_to_clipboard, open_folder


def test_open_folder_uses_the_system_opener(tmp_path, monkeypatch):
    calls = []

    class FakePopen:
        def __init__(self, argv, **kwargs):
            calls.append(argv)

    monkeypatch.setattr(desktop.sys, "platform", "linux")
    monkeypatch.setattr(desktop.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(desktop.subprocess, "Popen", FakePopen)
    target = tmp_path / "scenarios"
    assert open_folder(target) is True
    assert target.is_dir()
    assert calls == [["/usr/bin/xdg-open", str(target)]]

    monkeypatch.setattr(desktop.sys, "platform", "darwin")
    assert open_folder(target) is True
    assert calls[-1] == ["/usr/bin/open", str(target)]


def test_open_folder_without_an_opener(tmp_path, monkeypatch):
    monkeypatch.setattr(desktop.sys, "platform", "linux")
    monkeypatch.setattr(desktop.shutil, "which", lambda name: None)
    assert open_folder(tmp_path / "x") is False

    def failing(*a, **k):
        raise OSError("no")

    monkeypatch.setattr(desktop.shutil, "which", lambda name: "/usr/bin/xdg-open")
    monkeypatch.setattr(desktop.subprocess, "Popen", failing)
    assert open_folder(tmp_path / "x") is False


def test_the_clipboard_holds_what_was_copied(make_app):
    import pygame.scrap

    make_app()  # the clipboard needs a window
    assert copy_to_clipboard("/home/someone/scenarios") is True
    assert pygame.scrap.get_text() == "/home/someone/scenarios"
