"""Authors' playtests in the window: `play FILE --beat ID`, and the branch map's author view."""

from __future__ import annotations

import pygame
import pytest

from tests.support.history import make_scenario
from tests.support.window import FIXTURES, SIZES, layout_problems


def texts(d) -> str:
    return " ".join(r.text for r in d.render())


def finish(d) -> None:
    play = d.top
    while d.top is play:
        if play.phase == "choose":
            d.key(pygame.K_1)
        else:
            d.key(pygame.K_RETURN)


@pytest.mark.parametrize("size", SIZES)
def test_play_file_at_a_beat_opens_a_marked_playtest_that_is_never_saved(make_app, size):
    from game.ui.app import start_scenes

    d = make_app(size)
    start_scenes(d.app, FIXTURES / "extra-shift.yaml", seed=3, beat="pushback")
    d.frames()
    assert d.names == ["title", "play"]  # straight in, no briefing
    play = d.top
    assert play.beat.id == "pushback" and play.playthrough.playtest
    assert "Playtest from pushback" in texts(d)
    assert layout_problems(d.app, overlaps=False) == []
    finish(d)
    assert d.top.name == "debrief"
    assert d.app.services.history.attempts(include_practice=True) == []


def test_an_unknown_beat_opens_the_briefing_with_a_note(make_app):
    from game.ui.app import start_scenes

    d = make_app()
    start_scenes(d.app, FIXTURES / "extra-shift.yaml", beat="nowhere")
    d.frames()
    assert d.names == ["title", "briefing"]
    assert any("no beat 'nowhere'" in t for t in d.app.services.notices.texts)


def test_a_playtest_restarts_at_its_beat(make_app):
    from game.ui.app import start_scenes

    d = make_app()
    start_scenes(d.app, FIXTURES / "extra-shift.yaml", beat="pushback")
    d.frames()
    d.key(pygame.K_1)
    d.top.restart()
    assert d.top.beat.id == "pushback" and d.top.playthrough.decisions == []


def test_a_normal_play_has_no_playtest_marker(make_app):
    from game.ui.app import start_scenes

    d = make_app()
    start_scenes(d.app, FIXTURES / "extra-shift.yaml")
    d.frames()
    d.key(pygame.K_RETURN)
    assert d.top.name == "play" and not d.top.playthrough.playtest
    assert "Playtest from" not in texts(d)


@pytest.mark.parametrize("size", SIZES)
def test_author_view_shows_every_beat_and_plays_from_the_selected_one(make_app, size):
    d = make_app(size)
    sc = make_scenario()
    d.nav.to_branch_map(sc)
    d.frames()
    scene = d.top
    hidden = {n.id for n in scene.nodes.values() if not n.dummy and not n.found}
    assert hidden  # nothing played yet: only the start is found
    assert "Not found yet" in texts(d)
    d.key(pygame.K_v)
    assert scene.author
    assert all(n.found for n in scene.nodes.values() if not n.dummy)
    shown = texts(d)
    assert "Author view" in shown and "Not found yet" not in shown
    assert "Play from here" in shown
    assert layout_problems(d.app, overlaps=False) == []
    scene.set_focus("node:pushback")
    d.key(pygame.K_p)
    assert d.names[-1] == "play"
    assert d.top.beat.id == "pushback" and d.top.playthrough.playtest
    finish(d)
    assert d.app.services.history.attempts(include_practice=True) == []


def test_author_view_by_mouse_and_back_to_found_only(make_app):
    d = make_app()
    d.nav.to_branch_map(make_scenario())
    d.frames()
    scene = d.top
    d.click("author")
    assert scene.author
    d.click("node:held")  # an ending: nothing to play
    d.click("play-here")
    assert d.top is scene
    assert any("Choose a beat" in t for t in d.app.services.notices.texts)
    d.click("node:ask")
    d.click("play-here")
    assert d.top.name == "play" and d.top.beat.id == "ask"
    d.nav.back()
    d.frames()
    d.click("author")
    assert not scene.author
    assert not all(n.found for n in scene.nodes.values() if not n.dummy)
    d.key(pygame.K_p)  # P does nothing outside the author view
    assert d.top is scene


@pytest.mark.parametrize("size", SIZES)
def test_the_browser_says_which_pack_a_scenario_came_from(make_app, tmp_path, size):
    import shutil

    home = tmp_path / "home"
    pack = home / "data" / "scenarios" / "friends"
    pack.mkdir(parents=True)
    shutil.copy(FIXTURES / "extra-shift.yaml", pack / "extra-shift.yaml")
    (pack / "pack.yaml").write_text("name: Friends and favours\n", encoding="utf-8")
    shutil.copy(FIXTURES / "long-words.yaml", home / "data" / "scenarios" / "lone.yaml")
    d = make_app(size, home=home, roots=(home / "data" / "scenarios",))
    d.nav.to_browser()
    d.frames()
    shown = [r.text for r in d.render()]
    assert sum(text.startswith("From the pack: ") for text in shown) == 1  # not the lone file
    assert any("From the pack: Friends" in text for text in shown)
    assert layout_problems(d.app, overlaps=False) == []
