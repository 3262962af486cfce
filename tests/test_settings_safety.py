"""Settings never stop the game: hostile files give the defaults, damage is set aside only
on evidence, values are type-checked, and the file is private."""

from __future__ import annotations

import json
import logging
import os
import stat
import threading

import pytest

from game.ui.settings import Settings

MAX_BYTES = 64 * 1024


@pytest.fixture
def path(tmp_path):
    return tmp_path / "config" / "settings.json"


def aside(path):
    return sorted(p for p in path.parent.iterdir() if ".damaged" in p.name)


def test_deeply_nested_settings_give_the_defaults_and_are_set_aside(path):
    path.parent.mkdir(parents=True)
    text = "[" * 100_000 + "]" * 100_000
    path.write_text(text, encoding="utf-8")
    s = Settings.load(path)
    assert s == Settings()
    (kept,) = aside(path)
    assert kept.read_text(encoding="utf-8") == text  # nothing wiped
    assert ".damaged-" in kept.name and kept.name.startswith("settings.json.damaged-")


def test_a_deep_object_inside_a_valid_object_is_also_handled(path):
    path.parent.mkdir(parents=True)
    path.write_text('{"theme": ' + '{"a": ' * 50_000 + "1" + "}" * 50_001, encoding="utf-8")
    assert Settings.load(path) == Settings()


def test_a_huge_settings_file_is_not_read_whole(path):
    path.parent.mkdir(parents=True)
    with open(path, "wb") as f:
        f.truncate(MAX_BYTES * 1000)  # sparse: large, costs nothing on disk
    assert Settings.load(path) == Settings()
    assert len(aside(path)) == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_place_of_the_file_neither_blocks_nor_is_renamed(path):
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    result = []
    t = threading.Thread(target=lambda: result.append(Settings.load(path)), daemon=True)
    t.start()
    t.join(timeout=20)
    assert result == [Settings()]
    assert stat.S_ISFIFO(os.stat(path).st_mode) and aside(path) == []


def test_an_unreadable_file_is_not_taken_for_damage(path, monkeypatch):
    path.parent.mkdir(parents=True)
    path.write_text('{"theme": "dark"}', encoding="utf-8")
    real_open = os.open

    def failing_open(p, *args, **kwargs):
        if str(p) == str(path):
            raise OSError(5, "Input/output error")
        return real_open(p, *args, **kwargs)

    monkeypatch.setattr(os, "open", failing_open)
    assert Settings.load(path) == Settings()
    monkeypatch.setattr(os, "open", real_open)
    assert aside(path) == [] and Settings.load(path).theme == "dark"


@pytest.mark.parametrize(
    "raw",
    [b"\xff\xfe not utf-8", b"12", b'"just text"', b"null", b"{ not json", b'{"a": NaN'],
)
def test_other_damage_gives_the_defaults(path, raw):
    path.parent.mkdir(parents=True)
    path.write_bytes(raw)
    assert Settings.load(path) == Settings()
    (kept,) = aside(path)
    assert kept.read_bytes() == raw


@pytest.mark.parametrize(
    "values, expected",
    [
        ({"fullscreen": "no"}, {"fullscreen": False}),
        ({"fullscreen": "yes"}, {"fullscreen": False}),
        ({"fullscreen": 1}, {"fullscreen": False}),
        ({"fullscreen": True}, {"fullscreen": True}),
        ({"muted": "false", "motion": 0, "intro_seen": []}, {"muted": False, "motion": True}),
        ({"volume": "loud"}, {"volume": 0.5}),
        ({"volume": True}, {"volume": 0.5}),
        ({"volume": 1e400}, {"volume": 0.5}),
        ({"volume": 0.25}, {"volume": 0.25}),
        ({"volume": 7}, {"volume": 1.0}),
        ({"theme": ["dark"]}, {"theme": "light"}),
        ({"theme": "dark"}, {"theme": "dark"}),
        ({"browser_sort": 3}, {"browser_sort": "menu"}),
        ({"help_region": "NZ"}, {"help_region": "NZ"}),
        ({"help_region": ""}, {"help_region": ""}),
        ({"help_region": "nz"}, {"help_region": ""}),
        ({"help_region": "Mars"}, {"help_region": ""}),
        ({"help_region": ["UK"]}, {"help_region": ""}),
    ],
)
def test_values_are_type_checked(path, values, expected, caplog):
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(values), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="firm_and_kind"):
        s = Settings.load(path)
    for key, value in expected.items():
        assert getattr(s, key) == value
        assert type(getattr(s, key)) is type(getattr(Settings(), key))
    changed = {k for k, v in values.items() if getattr(s, k) != v}
    for key in changed:
        assert key in caplog.text  # the log says which value was not used
    assert aside(path) == []  # a wrong value is not damage


def test_saved_settings_are_private(path):
    s = Settings(theme="dark")
    assert s.save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    os.chmod(path, 0o644)
    assert s.save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert Settings.load(path) == s
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temp files left


def test_settings_saved_at_once_by_two_copies_are_never_torn(path):
    errors = []

    def saver(theme):
        for _ in range(50):
            if not Settings(theme=theme).save(path):
                errors.append(theme)

    threads = [threading.Thread(target=saver, args=(t,)) for t in ("dark", "light")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert Settings.load(path).theme in ("dark", "light") and aside(path) == []
