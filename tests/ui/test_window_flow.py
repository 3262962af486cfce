"""Playing from the title to the debrief, by keyboard alone and by mouse alone."""

from __future__ import annotations

import pygame
import pytest

from game.core.engine import Playthrough
from tests.support.window import shipped_like


def engine_score(scenario, seed, positions):
    p = Playthrough(scenario, seed=seed)
    for pos in positions:
        p.choose(pos)
    assert p.finished
    return p.score


def test_keyboard_only_title_to_debrief(make_app):
    d = make_app()
    from game.ui.app import start_scenes

    start_scenes(d.app)
    d.frames()
    assert d.names == ["title"]
    assert d.top.focus_key == "play"
    d.key(pygame.K_RETURN)
    assert d.names == ["title", "browser"]
    # the browser lists the scenarios; move to "The extra shift" with the arrows
    keys = [w.key for w in d.top.focusables]
    assert "scenario:extra-shift" in keys
    while d.top.focus_key != "scenario:extra-shift":
        d.key(pygame.K_DOWN)
    d.key(pygame.K_RETURN)
    assert d.top.name == "briefing"
    assert d.top.focus_key == "start"
    d.key(pygame.K_SPACE)
    assert d.top.name == "play"
    play = d.top
    seed = play.playthrough.seed
    positions = []
    while d.top.name == "play":
        assert play.phase == "choose"
        pos = len(play.shown) - 1  # always the last reply shown, picked with its number key
        positions.append(pos)
        d.key(pygame.K_1 + pos)
        assert play.phase == "feedback"
        assert play.focus_key == "continue"
        d.key(pygame.K_RETURN)
    assert d.names == ["title", "browser", "debrief"]
    debrief = d.top
    expected = engine_score(shipped_like(), seed, positions)
    assert debrief.score == expected
    assert debrief.playthrough.score.line() == expected.line()
    # the debrief's buttons: Menu goes back to the browser
    d.key(pygame.K_ESCAPE)
    assert d.names == ["title", "browser"]


def test_mouse_only_title_to_debrief(make_app):
    d = make_app()
    from game.ui.app import start_scenes

    start_scenes(d.app)
    d.frames()
    d.click("play")
    assert d.top.name == "browser"
    d.click("scenario:extra-shift")
    assert d.top.name == "briefing"
    d.click("start")
    play = d.top
    assert play.name == "play"
    seed = play.playthrough.seed
    positions = []
    while d.top.name == "play":
        # the assertive reply, wherever the shuffle put it
        pos = next(i for i, c in enumerate(play.shown) if c.style == "assertive")
        positions.append(pos)
        d.click(f"reply:{pos + 1}")
        assert play.phase == "feedback"
        assert play.decision.choice.style == "assertive"
        d.click("continue")
    assert d.top.name == "debrief"
    expected = engine_score(shipped_like(), seed, positions)
    assert d.top.score == expected
    assert expected.percent == 100
    # history recorded exactly once
    assert d.app.services.history is not None
    assert d.app.services.history.summary("extra-shift").attempts == 1
    d.click("replay")
    assert d.top.name == "play"
    assert d.app.services.history.summary("extra-shift").attempts == 1


def test_browser_shows_history_and_broken_files(make_app):
    d = make_app()
    from game.ui.scenes.browser import BrowserScene

    d.app.stack.push(BrowserScene(d.app.services))
    records = d.render()
    texts = " | ".join(r.text for r in records)
    assert "New" in texts
    assert "Files that could not be loaded" in texts
    assert "broken-file.yaml" in texts
    assert "choises" in texts  # the first problem, in words
    # broken files are not offered as scenarios
    assert all("broken" not in w.key for w in d.top.widgets)


@pytest.mark.parametrize("size", [(960, 540), (1280, 720)])
def test_the_end_of_the_list_scrolls_clear_of_the_key_hint(make_app, size):
    d = make_app(size=size)
    from game.ui.scenes.browser import BrowserScene

    d.app.stack.push(BrowserScene(d.app.services))
    d.frames()
    d.key(pygame.K_END)
    records = d.render()
    last = [r for r in records if "broken-file.yaml" in r.text]
    assert last, "the broken file's card should be on screen after End"
    hint = d.top.hint_rect
    assert last[-1].rect.bottom <= hint.top
    assert hint.bottom <= size[1], "the key hint must sit inside the window"
    assert any("M map of the branches" in r.text and hint.contains(r.rect) for r in records)


def test_pause_menu_resume_restart_and_quit(make_app):
    d = make_app()
    from game.ui.scenes.browser import BrowserScene
    from game.ui.scenes.play import PlayScene
    from game.ui.scenes.title import TitleScene

    d.app.stack.reset(TitleScene(d.app.services), BrowserScene(d.app.services))
    d.app.stack.push(PlayScene(d.app.services, shipped_like(), seed=5))
    d.frames()
    d.key(pygame.K_2)
    assert d.top.phase == "feedback"
    d.key(pygame.K_ESCAPE)
    assert d.top.name == "pause"
    assert d.top.focus_key == "resume"
    d.key(pygame.K_ESCAPE)  # Esc resumes
    assert d.top.name == "play" and d.top.phase == "feedback"
    d.click("pause")
    assert d.top.name == "pause"
    d.click("restart")
    assert d.top.name == "play"
    assert d.top.phase == "choose" and d.top.playthrough.decisions == []
    assert d.top.playthrough.seed == 5  # a fixed seed keeps its order
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_DOWN)
    d.key(pygame.K_DOWN)
    assert d.top.focus_key == "menu"
    d.key(pygame.K_RETURN)
    assert d.names == ["title", "browser"]


def test_content_warning_can_be_skipped(make_app):
    d = make_app()
    from game.ui.scenes.briefing import BriefingScene
    from game.ui.scenes.browser import BrowserScene

    d.app.stack.push(BrowserScene(d.app.services))
    d.app.stack.push(BriefingScene(d.app.services, shipped_like("long-words")))
    d.frames()
    texts = " ".join(r.text for r in d.render())
    assert "Content note" in texts
    d.click("skip")
    assert d.top.name == "browser"
    assert d.app.services.history.summaries() == {}


def test_title_focus_order_with_tab_arrows_and_shift_tab(make_app):
    d = make_app()
    from game.ui.scenes.title import TitleScene

    d.app.stack.push(TitleScene(d.app.services))
    d.frames()
    order = [d.top.focus_key]
    for _ in range(6):
        d.key(pygame.K_TAB)
        order.append(d.top.focus_key)
    assert order == ["play", "progress", "settings", "about", "help", "quit", "play"]
    d.key(pygame.K_TAB, pygame.KMOD_SHIFT)
    assert d.top.focus_key == "quit"
    d.key(pygame.K_UP)
    assert d.top.focus_key == "help"
    d.key(pygame.K_UP)
    assert d.top.focus_key == "about"
    d.key(pygame.K_DOWN)
    assert d.top.focus_key == "help"


def test_play_focus_order_and_number_keys(make_app):
    d = make_app()
    from game.ui.scenes.play import PlayScene

    d.app.stack.push(PlayScene(d.app.services, shipped_like(), seed=1))
    d.frames()
    n = len(d.top.shown)
    keys = [w.key for w in d.top.focusables]
    assert keys == [f"reply:{i}" for i in range(1, n + 1)] + ["pause"]
    d.key(pygame.K_DOWN)
    assert d.top.focus_key == "reply:2"
    d.key(pygame.K_9)  # no such reply: nothing happens
    assert d.top.phase == "choose"
    d.key(pygame.K_RETURN)  # Enter picks the focused reply
    assert d.top.decision.shown_position == 1


def test_first_start_note_is_shown_once(make_app, tmp_path):
    home = tmp_path / "fresh"
    d = make_app(home=home, intro_seen=False)
    from game.ui.app import start_scenes

    start_scenes(d.app)
    d.frames()
    assert d.names == ["title", "first-start"]
    texts = " ".join(r.text for r in d.render())
    assert "practice, not therapy" in texts
    d.key(pygame.K_RETURN)
    assert d.names == ["title"]
    d2 = make_app(home=home, intro_seen=False)
    start_scenes(d2.app)
    assert d2.names == ["title"]


def test_mouse_hover_marks_the_card(make_app):
    d = make_app()
    from game.ui.scenes.play import PlayScene

    d.app.stack.push(PlayScene(d.app.services, shipped_like(), seed=1))
    d.frames()
    w = d.widget("reply:2")
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=w.rect.center, rel=(0, 0), buttons=(0, 0, 0))
    )
    d.frames()
    assert d.top.hover_key == "reply:2"
    assert d.app.keyboard_mode is False


def finish(d, scene):
    while scene.phase == "choose":
        d.key(pygame.K_1)
        if scene.playthrough.finished:
            d.key(pygame.K_RETURN)
            return
        d.key(pygame.K_RETURN)


def test_debrief_links_open_review_map_and_progress(make_app):
    from game.ui.scenes.play import PlayScene

    d = make_app()
    d.app.stack.push(PlayScene(d.app.services, shipped_like(), seed=4))
    d.frames()
    finish(d, d.top)
    assert d.top.name == "debrief"
    for key, name in (("review", "review"), ("map", "branch-map"), ("progress", "progress")):
        d.click(key)
        assert d.top.name == name
        d.key(pygame.K_ESCAPE)
        assert d.top.name == "debrief"


def test_skill_definition_shows_on_hover_and_focus(make_app):
    from game.core.vocab import SKILLS
    from game.ui.scenes.play import PlayScene

    d = make_app()
    play = d.app.stack.push(PlayScene(d.app.services, shipped_like(), seed=4))
    d.frames()
    pos = next(i for i, c in enumerate(play.shown) if c.skills)
    d.key(pygame.K_1 + pos)
    skill = play.decision.choice.skills[0]
    w = d.widget(f"skill:{skill}")
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=w.rect.center, rel=(0, 0), buttons=(0, 0, 0))
    )
    d.frames()
    texts = " ".join(r.text for r in d.render())
    assert SKILLS[skill].meaning in texts
    d.key(pygame.K_TAB)  # keyboard: focus moves through the chips too
    assert play.focus_key.startswith("skill:") or play.focus_key in ("continue", "pause")


def test_motion_off_makes_changes_instant(make_app):
    from game.ui.scenes.play import PlayScene

    d = make_app()
    d.app.services.settings.motion = False
    play = d.app.stack.push(PlayScene(d.app.services, shipped_like(), seed=4))
    play.choose(0)
    assert play.fb_tween.done and play.mood_tween.done
    assert play.update(0.0) is False


def test_f11_toggles_full_screen_and_saves_it(make_app):
    from game.ui.scenes.title import TitleScene

    d = make_app()
    d.app.stack.push(TitleScene(d.app.services))
    d.frames()
    d.key(pygame.K_F11)
    assert d.app.services.settings.fullscreen is True
    d.key(pygame.K_F11)
    assert d.app.services.settings.fullscreen is False
    assert '"fullscreen": false' in d.app.paths.settings_file.read_text()


def test_a_bug_in_a_screen_shows_the_error_screen_and_is_logged(make_app, monkeypatch, caplog):
    """No silent stand-in: a screen whose loading raises reaches the error screen and the log."""
    import logging

    from game.history import stats

    def broken(*args, **kwargs):
        raise AttributeError("'Attempt' object has no attribute 'milstones'")  # a typo

    monkeypatch.setattr(stats, "milestones", broken)
    d = make_app()
    d.nav.to_title()
    d.frames()
    with caplog.at_level(logging.ERROR, logger="firm_and_kind"):
        d.click("progress")
    assert d.names == ["error"]
    assert any(
        "milstones" in r.getMessage() or "milstones" in str(r.exc_info[1])
        for r in caplog.records
        if r.exc_info
    )
    shown = " ".join(r.text for r in d.render())
    assert "Something went wrong" in shown and str(d.app.paths.log_file) in shown
    d.key(pygame.K_RETURN)  # back to the title, and the game goes on
    assert d.names == ["title"]
