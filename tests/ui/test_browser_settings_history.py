"""Browser sorting and row actions, Settings' export/reset/folder, and the debrief's history lines."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta

import pygame
import pytest

from game.core.engine import Playthrough
from tests.support.window import SIZES, layout_problems, shipped_like

T0 = datetime(2026, 3, 1, 12, 0).astimezone()


def finish(scenario, pick: str = "best", seed: int = 1) -> Playthrough:
    """A finished playthrough choosing the best (or worst) reply at every beat."""
    p = Playthrough(scenario, seed=seed)
    while not p.finished:
        pts = [c.points for c in p.choices]
        p.choose(pts.index(max(pts) if pick == "best" else min(pts)))
    return p


def record(app, scenario, pick: str, n: int = 0):
    p = finish(scenario, pick, seed=n + 1)
    start = T0 + timedelta(minutes=10 * n)
    return app.services.history.record(p, start, start + timedelta(minutes=3))


def row_order(d) -> list[str]:
    return [w.key.split(":", 1)[1] for w in d.top.widgets if w.key.startswith("scenario:")]


def texts(d) -> str:
    return " | ".join(r.text for r in d.render())


def open_browser(d):
    from game.ui.scenes.browser import BrowserScene

    d.app.stack.push(BrowserScene(d.app.services))
    d.render()
    return d.top


# -- the browser ------------------------------------------------------------------------
def test_sort_modes_order_the_rows_and_are_remembered(make_app, tmp_path):
    d = make_app()
    long, extra = shipped_like("long-words"), shipped_like("extra-shift")
    record(d.app, long, "worst", 0)
    browser = open_browser(d)
    # menu order: by category (friends, then work); only long-words has been played
    assert browser.sort == "menu"
    assert row_order(d) == ["long-words", "extra-shift"]
    assert "New" in texts(d)
    # by keyboard: focus the sort control and press Right
    browser.set_focus("sort")
    d.key(pygame.K_RIGHT)
    assert browser.sort == "unplayed"
    assert row_order(d) == ["extra-shift", "long-words"]
    assert "Not played yet" in texts(d)
    # by mouse: click the third segment
    sort = d.widget("sort")
    seg = pygame.Rect(sort.rect)
    d.click_at((seg.right - seg.width // 6, seg.centery))
    assert browser.sort == "lowest"
    assert row_order(d) == ["long-words", "extra-shift"]  # unplayed go last
    # now extra-shift is played and scores lower than long-words
    record(d.app, extra, "worst", 1)
    record(d.app, long, "best", 2)
    d.app.stack.pop()
    browser = open_browser(d)
    assert browser.sort == "lowest"  # remembered
    assert row_order(d) == ["extra-shift", "long-words"]
    out = texts(d)
    assert "1 try" in out and "%" in out
    # remembered across a restart too (a new app with the same player folder)
    d2 = make_app(home=tmp_path / "home")
    assert open_browser(d2).sort == "lowest"


def test_branch_map_and_review_open_from_the_browser_by_keyboard_and_mouse(make_app):
    d = make_app()
    extra = shipped_like("extra-shift")
    attempt = record(d.app, extra, "best", 0)
    open_browser(d)
    # keyboard: focus the row, press M for the map, Esc back, R for the review
    d.top.set_focus("scenario:extra-shift")
    d.key(pygame.K_m)
    assert d.top.name == "branch-map"
    assert d.top.scenario.id == "extra-shift"
    d.key(pygame.K_ESCAPE)
    assert d.top.name == "browser"
    assert d.top.focus_key == "scenario:extra-shift"
    d.key(pygame.K_r)
    assert d.top.name == "review"
    assert d.top.attempt.id == attempt.id
    d.key(pygame.K_ESCAPE)
    assert d.top.name == "browser"
    # mouse: the small Map and Review buttons on the row
    d.click("map:extra-shift")
    assert d.top.name == "branch-map"
    d.app.stack.pop()
    d.click("review:extra-shift")
    assert d.top.name == "review"
    d.app.stack.pop()
    # an unplayed scenario has a map but nothing to review
    keys = [w.key for w in d.top.widgets]
    assert "map:long-words" in keys and "review:long-words" not in keys
    d.top.set_focus("scenario:long-words")
    d.key(pygame.K_r)
    assert d.top.name == "browser"
    d.click("map:long-words")
    assert d.top.name == "branch-map"


# -- settings: reset, export, folder ----------------------------------------------------------
def open_settings(d):
    from game.ui.scenes.settings import SettingsScene

    d.app.stack.push(SettingsScene(d.app.services))
    d.render()
    return d.top


def test_reset_asks_first_cancel_keeps_and_confirm_empties(make_app):
    d = make_app()
    extra = shipped_like("extra-shift")
    record(d.app, extra, "best", 0)
    record(d.app, extra, "worst", 1)
    open_settings(d)
    # keyboard: Reset, the dialog opens with focus on Cancel; Esc cancels
    d.top.set_focus("reset")
    d.key(pygame.K_RETURN)
    assert d.top.name == "reset-progress"
    assert d.top.focus_key == "cancel"
    assert "Export" in texts(d)  # it suggests exporting first
    d.key(pygame.K_ESCAPE)
    assert d.top.name == "settings"
    assert len(d.app.services.history.attempts()) == 2
    # Enter on the focused Cancel also keeps everything
    d.top.set_focus("reset")
    d.key(pygame.K_RETURN)
    d.key(pygame.K_RETURN)
    assert d.top.name == "settings"
    assert len(d.app.services.history.attempts()) == 2
    # mouse: Reset, then Cancel
    d.click("reset")
    d.click("cancel")
    assert d.top.name == "settings" and len(d.app.services.history.attempts()) == 2
    # mouse: Reset, then confirm
    d.click("reset")
    d.click("confirm-reset")
    assert d.top.name == "settings"
    assert d.app.services.history.attempts() == []
    assert "Your progress was reset" in texts(d)
    # the browser shows every scenario as new again
    assert d.app.services.history.summaries() == {}


def test_export_writes_a_csv_with_every_playthrough(make_app, tmp_path, monkeypatch):
    import game.ui.scenes.settings as settings_mod

    out = tmp_path / "exports"
    out.mkdir()
    monkeypatch.setattr(settings_mod, "export_folder", lambda: out)
    d = make_app()
    extra = shipped_like("extra-shift")
    record(d.app, extra, "best", 0)
    record(d.app, extra, "worst", 1)
    record(d.app, shipped_like("long-words"), "best", 2)
    open_settings(d)
    d.click("export")
    files = list(out.glob("firm-and-kind-history-*.csv"))
    assert len(files) == 1
    with files[0].open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert len(rows) == 1 + 3
    assert {r[1] for r in rows[1:]} == {"extra-shift", "long-words"}
    shown = texts(d)
    assert "Saved 3 playthroughs" in shown and str(files[0]) in shown
    # a second export never overwrites the first
    d.click("export")
    assert len(list(out.glob("firm-and-kind-history-*.csv"))) == 2


def test_export_failure_is_said_in_plain_words(make_app, tmp_path, monkeypatch):
    import game.ui.scenes.settings as settings_mod

    monkeypatch.setattr(settings_mod, "export_folder", lambda: tmp_path / "missing" / "folder")
    d = make_app()
    record(d.app, shipped_like("extra-shift"), "best", 0)
    open_settings(d)
    d.click("export")
    shown = texts(d)
    assert "could not be saved" in shown
    assert "Traceback" not in shown and "Errno" not in shown


def test_export_with_no_history_says_there_is_nothing_yet(make_app, tmp_path, monkeypatch):
    import game.ui.scenes.settings as settings_mod

    monkeypatch.setattr(settings_mod, "export_folder", lambda: tmp_path)
    d = make_app()
    open_settings(d)
    d.click("export")
    assert "nothing to export yet" in texts(d)
    assert not list(tmp_path.glob("*.csv"))


@pytest.mark.parametrize("screen", ["settings", "about"])
def test_open_folder_calls_open_folder_and_shows_the_path_when_it_cannot(
    make_app, monkeypatch, screen
):
    import game.ui.scenes.controls as controls

    calls = []
    result = {"ok": True}

    def fake_open(path):
        calls.append(path)
        return result["ok"]

    monkeypatch.setattr(controls, "open_folder", fake_open)
    d = make_app()
    if screen == "settings":
        open_settings(d)
    else:
        from game.ui.scenes.about import AboutScene

        d.app.stack.push(AboutScene(d.app.services))
        d.render()
    folder = str(d.app.paths.user_scenarios)
    d.key(pygame.K_END)
    shown = texts(d)
    from game.invocation import command_name

    assert f"{command_name()} install PATH" in shown  # the command the player used
    d.click("open-folder")
    assert calls == [d.app.paths.user_scenarios]
    assert "could not open" not in texts(d)
    result["ok"] = False
    d.top.set_focus("open-folder")
    d.key(pygame.K_RETURN)
    assert len(calls) == 2
    notes = [r.text for r in d.render() if "could not open the folder" in r.text]
    assert notes and folder in notes[0]
    assert not layout_problems(d.app)


def test_a_damaged_settings_file_is_noted_once(make_app, tmp_path):
    home = tmp_path / "home"
    d = make_app(home=home)
    settings_file = d.app.paths.settings_file
    settings_file.write_text("{ not json", encoding="utf-8")
    d = make_app(home=home, intro_seen=False)
    assert any("settings file could not be read" in t for t in d.app.services.notices.texts)
    assert len(list(settings_file.parent.glob("settings.json.damaged-*"))) == 1
    d.app.services.settings.save(settings_file)
    d = make_app(home=home, intro_seen=False)
    assert not any("settings" in t for t in d.app.services.notices.texts)


# -- the debrief ----------------------------------------------------------------------------
def play_through_window(d, pick: str):
    """Play extra-shift in the window with the keyboard, choosing the best or worst reply."""
    from game.ui.scenes.play import PlayScene

    d.app.stack.push(PlayScene(d.app.services, shipped_like("extra-shift"), seed=5))
    d.frames()
    while d.top.name == "play":
        pts = [c.points for c in d.top.shown]
        pos = pts.index(max(pts) if pick == "best" else min(pts))
        d.key(pygame.K_1 + pos)
        d.key(pygame.K_RETURN)
    assert d.top.name == "debrief"
    return d.top


def test_debrief_celebrates_a_new_best_and_records_each_playthrough_once(make_app, monkeypatch):
    d = make_app()
    sounds = []
    real = d.app.services.sound
    monkeypatch.setattr(d.app.services, "sound", lambda name: (sounds.append(name), real(name)))
    first = play_through_window(d, "worst")
    shown = texts(d)
    assert "Your first try at this one." in shown
    assert "Endings found: 1 of" in shown
    assert len(d.app.services.history.attempts("extra-shift")) == 1
    d.app.stack.pop()
    sounds.clear()
    second = play_through_window(d, "best")
    assert second.is_new_best
    shown = texts(d)
    assert f"Best {first.score.percent}% to {second.score.percent}%, a new best!" in shown
    diff = second.score.percent - first.score.percent
    assert f"Up {diff}% on last time" in shown
    assert "Endings found: 2 of" in shown
    assert "celebrate" in sounds
    assert second.celebrate_tween is not None
    # the celebration is skippable: a key finishes it at once
    second.celebrate_tween.elapsed = 0.0
    d.key(pygame.K_TAB)
    assert second.celebrate_tween.done
    # exactly one attempt per playthrough, even if its debrief is built again
    assert len(d.app.services.history.attempts("extra-shift")) == 2
    from game.ui.scenes.debrief import DebriefScene

    again = DebriefScene(d.app.services, second.outcome)
    assert again.attempt.id == second.attempt.id and again.is_new_best
    assert len(d.app.services.history.attempts("extra-shift")) == 2
    # a worse third try: no new best, the best so far and last time, no scolding
    d.app.stack.pop()
    play_through_window(d, "worst")
    shown = texts(d)
    assert f"Your best so far: {second.score.percent}%" in shown
    assert f"Last time: {second.score.percent}%" in shown
    assert "new best" not in shown
    assert len(d.app.services.history.attempts("extra-shift")) == 3


def test_new_best_with_motion_off_is_shown_without_animating(make_app):
    d = make_app()
    d.app.services.settings.motion = False
    record(d.app, shipped_like("extra-shift"), "worst", 0)
    debrief = play_through_window(d, "best")
    assert debrief.is_new_best and debrief.celebrate_tween.done
    assert debrief.update(0.01) is False
    assert "a new best!" in texts(d)


# -- every new or changed screen fits ---------------------------------------------------------------
def states(d, tmp_path):
    from game.ui.scenes.about import AboutScene
    from game.ui.scenes.browser import BrowserScene
    from game.ui.scenes.settings import ResetDialog, SettingsScene

    app = d.app
    stack = app.stack
    for mode in ("menu", "unplayed", "lowest"):
        stack.reset(BrowserScene(app.services))
        stack.top.set_sort(mode)
        yield f"browser-{mode}"
    stack.top.set_focus("scenario:extra-shift")
    yield "browser-focused"
    settings = SettingsScene(app.services)
    stack.reset(settings)
    yield "settings"
    settings.show_history_note("export", f"Saved 3 playthroughs to {tmp_path}/" + "x" * 40 + ".csv")
    yield "settings-export-note"
    settings.folder_note.text = (
        "This computer could not open the folder for you. Open it in your file manager at: "
        + str(app.paths.user_scenarios)
    )
    settings.layout()
    settings.scroll.scroll(10**6)
    settings.layout()
    yield "settings-folder-note"
    app.nav.open_dialog(ResetDialog(app.services), settings.reset_done)
    yield "reset-dialog"
    about = AboutScene(app.services)
    about.folder_note.text = settings.folder_note.text
    stack.reset(about)
    about.scroll.scroll(10**6)
    about.layout()
    yield "about-folder"
    stack.reset()
    app.services.settings.motion = True
    play_through_window(d, "best")
    d.top.stars_tween.elapsed = 0.3
    d.top.celebrate_tween.elapsed = 0.8  # mid-celebration
    yield "debrief-new-best"
    stack.reset()
    play_through_window(d, "worst")
    yield "debrief-worse"


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_new_and_changed_screens_fit(make_app, tmp_path, size):
    d = make_app(size=size)
    extra = shipped_like("extra-shift")
    record(d.app, extra, "worst", 0)
    record(d.app, shipped_like("long-words"), "best", 1)
    seen = []
    for name in states(d, tmp_path):
        d.frames(1, dt=0.0)
        records = d.render()
        problems = layout_problems(d.app)
        assert not problems, f"{name} at {size}:\n" + "\n".join(problems[:10])
        assert records, name
        seen.append(name)
    assert len(seen) == 11
