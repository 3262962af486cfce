"""Live reload driven headless: write the file, advance the watcher, see the reload."""

from __future__ import annotations

import os

import pytest

from game.ui.live_reload import (
    PROBLEMS,
    RELOADED,
    UNCHANGED,
    FileWatcher,
    LiveReloader,
    is_reload_key,
)
from tests.support.live_reload import GOOD, Clock, FakeScene, save, settle


@pytest.fixture
def setup(tmp_path):
    path = tmp_path / "reload-me.yaml"
    path.write_text(GOOD.format(title="First", next="held"), encoding="utf-8")
    scene = FakeScene(path)
    clock = Clock()
    reloader = LiveReloader.for_play_scene(scene, clock=clock)
    return path, scene, clock, reloader


def test_nothing_happens_while_the_file_is_unchanged(setup):
    path, scene, clock, reloader = setup
    assert settle(reloader, clock, polls=5) == []
    assert scene.replaced == [] and scene.problems == []


def test_saving_a_valid_change_reloads_once(setup):
    path, scene, clock, reloader = setup
    save(path, GOOD.format(title="Second", next="held"))
    outcomes = settle(reloader, clock)
    assert [o.kind for o in outcomes] == [RELOADED]
    assert [s.title for s in scene.replaced] == ["Second"]
    assert scene.problems == []
    assert reloader.reloads == 1
    assert settle(reloader, clock) == []  # and only once


def test_a_change_waits_to_settle(setup):
    path, scene, clock, reloader = setup
    save(path, GOOD.format(title="Second", next="held"))
    clock.tick()
    assert reloader.update() is None  # first look: the file moved; wait one more look
    clock.tick()
    assert reloader.update().kind == RELOADED


def test_polls_sooner_than_the_interval_do_nothing(setup):
    path, scene, clock, reloader = setup
    clock.tick()
    reloader.update()
    save(path, GOOD.format(title="Second", next="held"))
    for _ in range(10):
        clock.tick(0.01)
        assert reloader.update() is None
    assert scene.replaced == []
    assert [o.kind for o in settle(reloader, clock)] == [RELOADED]


def test_errors_are_shown_and_a_fix_clears_them(setup):
    path, scene, clock, reloader = setup
    save(path, GOOD.format(title="Broken", next="nowhere"))
    outcomes = settle(reloader, clock)
    assert [o.kind for o in outcomes] == [PROBLEMS]
    [problems] = scene.problems
    assert len(problems) == 1
    text = str(problems[0])
    assert text.endswith("error: next 'nowhere' is not a beat or an ending")
    assert ":17:15:" in text and "reload-me.yaml" in text
    assert reloader.showing_problems
    assert scene.replaced == []

    save(path, GOOD.format(title="Fixed", next="held"))
    outcomes = settle(reloader, clock)
    assert [o.kind for o in outcomes] == [RELOADED]
    assert [s.title for s in scene.replaced] == ["Fixed"]
    assert not reloader.showing_problems


def test_yaml_syntax_error_is_reported_with_its_position(setup):
    path, scene, clock, reloader = setup
    save(path, "id: reload-me\ntitle: [oops\n")
    settle(reloader, clock)
    [problems] = scene.problems
    assert problems[0].line == 3 and problems[0].is_error


def test_a_save_without_changes_reloads_nothing(setup):
    path, scene, clock, reloader = setup
    text = path.read_text(encoding="utf-8")
    st = path.stat()
    save(path, text)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    outcomes = settle(reloader, clock)
    assert all(o.kind == UNCHANGED for o in outcomes)
    assert scene.replaced == [] and scene.problems == []


def test_reload_by_hand_always_reloads(setup):
    path, scene, clock, reloader = setup
    out = reloader.reload()
    assert out.kind == RELOADED and out.ok
    assert [s.title for s in scene.replaced] == ["First"]
    assert settle(reloader, clock) == []


def test_reload_by_hand_after_an_unsettled_change(setup):
    path, scene, clock, reloader = setup
    save(path, GOOD.format(title="Second", next="held"))
    assert reloader.reload().kind == RELOADED
    assert settle(reloader, clock) == []  # the watcher does not reload the same save again
    assert [s.title for s in scene.replaced] == ["Second"]


def test_atomic_save_by_rename(setup, tmp_path):
    path, scene, clock, reloader = setup
    tmp = tmp_path / ".reload-me.yaml.swp"
    tmp.write_text(GOOD.format(title="Renamed", next="held"), encoding="utf-8")
    os.replace(tmp, path)
    assert [o.kind for o in settle(reloader, clock)] == [RELOADED]
    assert scene.replaced[-1].title == "Renamed"


def test_briefly_missing_file_is_not_reported(setup):
    path, scene, clock, reloader = setup
    text = GOOD.format(title="Back", next="held")
    path.unlink()
    clock.tick()
    reloader.update()
    save(path, text)
    assert [o.kind for o in settle(reloader, clock)] == [RELOADED]
    assert scene.problems == []


def test_a_deleted_file_is_reported_once_then_picked_up_again(setup):
    path, scene, clock, reloader = setup
    path.unlink()
    outcomes = settle(reloader, clock, polls=8)
    assert [o.kind for o in outcomes] == [PROBLEMS]
    assert "gone" in scene.problems[0][0].message
    save(path, GOOD.format(title="Restored", next="held"))
    assert [o.kind for o in settle(reloader, clock)] == [RELOADED]


def test_quick_second_save_with_same_size_and_time_is_seen(setup):
    path, scene, clock, reloader = setup
    save(path, GOOD.format(title="AAAA", next="held"))
    settle(reloader, clock)
    st = path.stat()
    save(path, GOOD.format(title="BBBB", next="held"))  # same size
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # same modification time
    assert path.stat().st_size == st.st_size
    assert [o.kind for o in settle(reloader, clock)] == [RELOADED]
    assert [s.title for s in scene.replaced] == ["AAAA", "BBBB"]


def test_a_failing_loader_never_raises(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a", encoding="utf-8")
    shown = []

    def explode(data, p):
        raise RuntimeError("boom")

    clock = Clock()
    reloader = LiveReloader(path, lambda s: None, shown.append, load=explode, clock=clock)
    path.write_text("b", encoding="utf-8")
    assert [o.kind for o in settle(reloader, clock)] == [PROBLEMS]
    assert "could not be reloaded (boom)" in shown[0][0].message


def test_file_watcher_alone(tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("one", encoding="utf-8")
    clock = Clock()
    w = FileWatcher(path, clock=clock)
    assert w.poll(clock.tick()) is None
    path.write_text("two!", encoding="utf-8")
    assert w.poll(clock.tick()) is None
    assert w.poll(clock.tick()) == FileWatcher.CHANGED
    assert w.poll(clock.tick()) is None


def test_reload_key():
    import pygame

    key = pygame.event.Event
    assert is_reload_key(key(pygame.KEYDOWN, key=pygame.K_F5, mod=0))
    assert is_reload_key(key(pygame.KEYDOWN, key=pygame.K_r, mod=pygame.KMOD_LCTRL))
    assert is_reload_key(key(pygame.KEYDOWN, key=pygame.K_r, mod=pygame.KMOD_LMETA))
    assert not is_reload_key(key(pygame.KEYDOWN, key=pygame.K_r, mod=0))
    assert not is_reload_key(key(pygame.KEYUP, key=pygame.K_F5, mod=0))
    assert not is_reload_key(key(pygame.MOUSEBUTTONDOWN, button=1))
