"""Every screen at 960x540, 1280x720 and 1920x1080: all text inside its box, nothing overlapping."""

from __future__ import annotations

import pygame
import pytest

from tests.ui.conftest import SIZES, layout_problems, shipped_like


def screens(d):
    """Put the app in each state in turn; yields the state's name."""
    from game.ui.scenes.about import AboutScene, EmptyProgressScene
    from game.ui.scenes.briefing import BriefingScene
    from game.ui.scenes.browser import BrowserScene
    from game.ui.scenes.error import ErrorScene
    from game.ui.scenes.play import PauseMenu, PlayScene
    from game.ui.scenes.settings import SettingsScene
    from game.ui.scenes.title import FirstStartNote, TitleScene

    app = d.app
    stack = app.stack
    stack.reset(TitleScene(app))
    yield "title"
    stack.push(FirstStartNote(app))
    yield "first-start"
    stack.reset(AboutScene(app))
    yield "about"
    stack.reset(SettingsScene(app))
    yield "settings"
    stack.reset(EmptyProgressScene(app))
    yield "progress-empty"
    stack.reset(BrowserScene(app))
    yield "browser"
    stack.top.scroll.scroll(10**6)
    stack.top.layout()
    yield "browser-scrolled"
    long = shipped_like("long-words")
    stack.reset(BriefingScene(app, long))
    yield "briefing"
    play = PlayScene(app, long, seed=3)
    stack.reset(play)
    yield "play"
    play.choose(next(i for i, c in enumerate(play.shown) if c.style == "assertive"))
    d.frames(2)
    yield "play-feedback"
    play.set_focus("skill:validate")
    yield "play-feedback-skill"
    stack.push(PauseMenu(app, play))
    yield "pause"
    stack.pop()
    play.next_beat()
    yield "debrief"
    stack.reset(ErrorScene(app))
    yield "error"


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_screen_fits(make_app, size):
    d = make_app(size=size)
    assert d.app.window.size == size
    seen = []
    for name in screens(d):
        d.frames(1)
        d.render()
        problems = layout_problems(d.app)
        assert not problems, f"{name} at {size}:\n" + "\n".join(problems[:10])
        assert d.app.text.record, f"{name} drew no text"
        seen.append(name)
    assert len(seen) == 14


def test_dark_theme_renders_every_screen(make_app):
    d = make_app(size=(1280, 720))
    d.app.settings.theme = "dark"
    d.app.apply_settings()
    for name in screens(d):
        d.render()
        assert not layout_problems(d.app), name
        if d.app.stack.top.opaque:  # overlays dim the screen below
            assert d.app.window.get_surface().get_at((2, 2))[:3] == d.app.theme.palette.bg, name


def test_resizing_reflows_and_never_goes_below_the_minimum(make_app):
    from game.ui.scenes.play import PlayScene

    d = make_app(size=(1280, 720))
    d.app.stack.push(PlayScene(d.app, shipped_like("long-words"), seed=2))
    d.render()
    wide = d.widget("reply:1").rect.width
    d.app.resize((960, 540))
    d.render()
    assert d.widget("reply:1").rect.width < wide
    assert not layout_problems(d.app)
    d.app.resize((600, 300))  # too small: held at the minimum
    assert d.app.window.size == (960, 540)
    assert d.app.theme.size == (960, 540)


def test_focused_widget_in_a_long_list_scrolls_into_view(make_app):
    from game.ui.scenes.about import AboutScene

    d = make_app(size=(960, 540))
    d.app.stack.push(AboutScene(d.app))
    d.render()
    assert d.top.scroll.max_offset > 0
    d.key(pygame.K_PAGEDOWN)
    assert d.top.scroll.offset > 0
    d.key(pygame.K_HOME)
    assert d.top.scroll.offset == 0
    pygame.event.post(
        pygame.event.Event(
            pygame.MOUSEWHEEL, x=0, y=-2, flipped=False, precise_x=0.0, precise_y=-2.0
        )
    )
    d.frames()
    assert d.top.scroll.offset > 0


def test_scroll_keys_redraw_the_screen(make_app):
    from game.ui.scenes.about import AboutScene

    d = make_app(size=(960, 540))
    d.app.stack.push(AboutScene(d.app))
    d.frames(3)
    draws = []
    real_draw = d.app.draw
    d.app.draw = lambda: (draws.append(1), real_draw())
    d.app.step([], 0.0)
    assert draws == []  # idle: nothing is drawn
    pygame.event.post(
        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_END, mod=0, unicode="", scancode=0)
    )
    d.app.step(pygame.event.get(), 0.0)
    assert d.top.scroll.offset == d.top.scroll.max_offset > 0
    assert draws == [1]  # drawn in that same step


def test_a_very_long_scenario_shows_its_progress_as_text(make_app, tmp_path):
    from game.core.loader import load_scenario_file
    from game.ui.scenes.play import PlayScene

    lines = ["id: long", "title: A long one with a title that goes on and on", "category: work",
             "difficulty: 1", "summary: Long.", "characters:", "  sam: {name: Sam}", "start: b0",
             "beats:"]  # fmt: skip
    for i in range(40):
        nxt = f"b{i + 1}" if i < 39 else "end"
        lines += [f"  b{i}:", "    speaker: sam", "    line: Again?", "    choices:",
                  f"      - {{text: No., style: assertive, feedback: Held., next: {nxt}}}",
                  "      - {text: Fine., style: passive, feedback: Gave in., next: end}"]  # fmt: skip
    lines += ["endings:", "  end: {title: End, tone: good, text: Done.}"]
    path = tmp_path / "long.yaml"
    path.write_text("\n".join(lines) + "\n")
    scenario, problems = load_scenario_file(path)
    assert scenario is not None, problems
    d = make_app(size=(960, 540))
    d.app.stack.push(PlayScene(d.app, scenario, seed=1))
    d.frames()
    records = d.render()
    step = [r for r in records if r.text == "1 of 40"]
    assert step, [r.text for r in records][:10]
    title = [r for r in records if r.text.startswith("A long one")]
    assert title and title[0].rect.right < step[0].rect.left
    assert step[0].rect.right < d.app.window.get_surface().get_width()
