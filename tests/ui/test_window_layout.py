"""Every screen at 960x540, 1280x720 and 1920x1080: all text inside its box, nothing overlapping."""

from __future__ import annotations

import pygame
import pytest

from tests.support.window import SIZES, layout_problems, shipped_like


def screens(d):
    """Put the app in each state in turn, the way the player gets there; yields the state's name."""
    from game.ui.scenes.play import PauseMenu
    from game.ui.scenes.title import FirstStartNote

    app = d.app
    nav = app.nav
    nav.to_title()
    yield "title"
    nav.open_dialog(FirstStartNote(app.services))
    yield "first-start"
    nav.to_title()
    nav.to_about()
    yield "about"
    nav.to_help()
    yield "help"
    nav.to_title()
    nav.to_settings()
    yield "settings"
    nav.to_title()
    nav.to_progress()
    yield "progress-empty"
    nav.to_title()
    nav.to_browser()
    yield "browser"
    app.stack.top.scroll.scroll(10**6)
    app.stack.top.layout()
    yield "browser-scrolled"
    long = shipped_like("long-words")
    nav.to_branch_map(long)
    yield "branch-map"
    nav.back()
    nav.to_briefing(long)
    yield "briefing"
    nav.to_play(long, seed=3)
    play = app.stack.top
    yield "play"
    play.choose(next(i for i, c in enumerate(play.shown) if c.style == "assertive"))
    d.frames(2)
    yield "play-feedback"
    play.set_focus("skill:validate")
    yield "play-feedback-skill"
    nav.open_dialog(PauseMenu(app.services))
    yield "pause"
    app.stack.top.dismiss()
    play.next_beat()
    while app.stack.top is play:  # answer assertively to the end
        play.choose(next(i for i, c in enumerate(play.shown) if c.style == "assertive"))
        play.next_beat()
    yield "debrief"
    nav.to_progress(long.id)
    yield "progress"
    nav.to_error()
    yield "error"


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_screen_fits(make_app, size):
    d = make_app(size=size)
    assert d.app.window.size == size
    seen = []
    for name in screens(d):
        d.frames(1)
        d.render()
        problems = layout_problems(d.app, expect_error=name == "error")
        assert not problems, f"{name} at {size}:\n" + "\n".join(problems[:10])
        assert d.app.services.text.record, f"{name} drew no text"
        seen.append(name)
    assert len(seen) == 17


def test_dark_theme_renders_every_screen(make_app):
    d = make_app(size=(1280, 720))
    d.app.services.settings.theme = "dark"
    d.app.apply_settings()
    for name in screens(d):
        d.render()
        assert not layout_problems(d.app, expect_error=name == "error"), name
        if d.app.stack.top.opaque:  # overlays dim the screen below
            assert (
                d.app.window.get_surface().get_at((2, 2))[:3] == d.app.services.theme.palette.bg
            ), name


def test_resizing_reflows_and_never_goes_below_the_minimum(make_app):
    from game.ui.scenes.play import PlayScene

    d = make_app(size=(1280, 720))
    d.app.stack.push(PlayScene(d.app.services, shipped_like("long-words"), seed=2))
    d.render()
    wide = d.widget("reply:1").rect.width
    d.app.resize((960, 540))
    d.render()
    assert d.widget("reply:1").rect.width < wide
    assert not layout_problems(d.app)
    d.app.resize((600, 300))  # too small: held at the minimum
    assert d.app.window.size == (960, 540)
    assert d.app.services.theme.size == (960, 540)


def test_focused_widget_in_a_long_list_scrolls_into_view(make_app):
    from game.ui.scenes.about import AboutScene

    d = make_app(size=(960, 540))
    d.app.stack.push(AboutScene(d.app.services))
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
    d.app.stack.push(AboutScene(d.app.services))
    d.frames(3)
    draws = []
    real_draw = d.app.draw
    d.app.draw = lambda: (draws.append(1), real_draw())
    d.app.frame([], 0.0)
    assert draws == []  # idle: nothing is drawn
    pygame.event.post(
        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_END, mod=0, unicode="", scancode=0)
    )
    d.app.frame(pygame.event.get(), 0.0)
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
    d.app.stack.push(PlayScene(d.app.services, scenario, seed=1))
    d.frames()
    records = d.render()
    step = [r for r in records if r.text == "1 of 40"]
    assert step, [r.text for r in records][:10]
    title = [r for r in records if r.text.startswith("A long one")]
    assert title and title[0].rect.right < step[0].rect.left
    assert step[0].rect.right < d.app.window.get_surface().get_width()
