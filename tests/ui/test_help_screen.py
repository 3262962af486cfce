"""The Getting help screen: every way in, by keyboard and by mouse; the region picker and its
setting; the layout at every size; and what it shows when the help list cannot be read."""

from __future__ import annotations

import logging

import pygame
import pytest

from game.core.help import REGIONS, default_region, load_help
from game.ui.scenes.help import checked_words
from game.ui.settings import Settings
from tests.support.window import SIZES, layout_problems, shipped_like

DANGER = "If you are in danger now, call your local emergency number."


def texts(d) -> list[str]:
    return [r.text for r in d.render()]


def joined(d) -> str:
    """Every text on the screen, paging from the top to the bottom (then back to the top)."""
    d.key(pygame.K_HOME)
    seen = texts(d)
    while d.top.scroll.offset < d.top.scroll.max_offset:
        d.key(pygame.K_PAGEDOWN)
        seen += texts(d)
    d.key(pygame.K_HOME)
    return "\n".join(seen)


def tab_to(d, key: str, limit: int = 30) -> None:
    """Press Tab until ``key`` has the focus, as a keyboard player would."""
    for _ in range(limit):
        if d.top.focus_key == key:
            return
        d.key(pygame.K_TAB)
    raise AssertionError(f"Tab never reached {key!r} on {d.top.name}")


def open_by(d, how: str, key: str = "help") -> None:
    if how == "keyboard":
        tab_to(d, key)
        d.key(pygame.K_RETURN)
    else:
        d.click(key)


def play_to_debrief(d, scenario) -> None:
    d.nav.to_briefing(scenario)
    d.nav.to_play(scenario, seed=3)
    play = d.top
    while d.top is play:
        play.choose(next(i for i, c in enumerate(play.shown) if c.style == "assertive"))
        play.next_beat()
    d.frames(2)
    assert d.top.name == "debrief"


HOW = ["keyboard", "mouse"]


# -- ways in ------------------------------------------------------------------------------
@pytest.mark.parametrize("how", HOW)
def test_from_the_title_and_back(make_app, how):
    d = make_app()
    d.nav.to_title()
    d.frames()
    open_by(d, how)
    assert d.names == ["title", "help"]
    assert DANGER in texts(d)
    d.key(pygame.K_ESCAPE)
    assert d.names == ["title"]


@pytest.mark.parametrize("how", HOW)
def test_from_the_pause_menu_returns_to_the_paused_scenario(make_app, how):
    from game.ui.scenes.play import PlayScene

    d = make_app()
    d.app.stack.push(PlayScene(d.services, shipped_like("extra-shift"), seed=1))
    d.frames()
    d.key(pygame.K_ESCAPE)
    assert d.top.name == "pause"
    open_by(d, how)
    assert d.names[-3:] == ["play", "pause", "help"]
    d.click("done") if how == "mouse" else d.key(pygame.K_ESCAPE)
    assert d.names[-2:] == ["play", "pause"]  # still paused, where the player was


@pytest.mark.parametrize("how", HOW)
def test_from_the_briefing_of_a_scenario_with_a_content_note(make_app, how):
    d = make_app()
    long = shipped_like("long-words")
    assert long.content_warning
    d.nav.to_title()
    d.nav.to_briefing(long)
    d.frames()
    assert d.top.focus_key == "start"  # Enter still starts; help is a quiet choice
    open_by(d, how)
    assert d.names == ["title", "briefing", "help"]
    d.click("back") if how == "mouse" else d.key(pygame.K_ESCAPE)
    assert d.names == ["title", "briefing"]


def test_no_help_button_on_a_briefing_or_debrief_without_a_content_note(make_app):
    d = make_app()
    plain = shipped_like("extra-shift")
    assert not plain.content_warning
    d.nav.to_title()
    d.nav.to_briefing(plain)
    assert "help" not in [w.key for w in d.top.widgets]
    play_to_debrief(d, plain)
    assert "help" not in [w.key for w in d.top.widgets]


@pytest.mark.parametrize("how", HOW)
def test_from_the_debrief_of_a_scenario_with_a_content_note(make_app, how):
    d = make_app()
    d.nav.to_title()
    play_to_debrief(d, shipped_like("long-words"))
    open_by(d, how)
    assert d.names[-2:] == ["debrief", "help"]
    d.key(pygame.K_ESCAPE)
    assert d.names[-1] == "debrief"


@pytest.mark.parametrize("how", HOW)
def test_from_about(make_app, how):
    d = make_app(size=(960, 540))
    d.nav.to_title()
    d.nav.to_about()
    d.frames()
    open_by(d, how)
    assert d.names == ["title", "about", "help"]


@pytest.mark.parametrize("how", HOW)
def test_from_the_first_start_welcome(make_app, how):
    d = make_app(intro_seen=False)
    d.nav.to_title()
    d.frames()
    assert d.top.name == "first-start"
    assert d.top.focus_key == "ok"  # Enter still begins
    open_by(d, how)
    assert d.names == ["title", "help"]
    assert Settings.load(d.services.paths.settings_file).intro_seen  # the welcome is done


def test_enter_on_the_welcome_still_begins(make_app):
    d = make_app(intro_seen=False)
    d.nav.to_title()
    d.frames()
    d.key(pygame.K_RETURN)
    assert d.names == ["title"]


# -- what it shows, and the region ---------------------------------------------------------
def test_shows_the_chosen_regions_lines_by_kind_with_checked_dates(make_app):
    d = make_app()
    d.services.settings.help_region = "UK"
    d.nav.to_help()
    records = d.render()
    shown = [r.text for r in records]
    y = {r.text: r.rect.y for r in records}
    assert y[DANGER] < y["United Kingdom: Call 999 or 112 (free, also from a locked mobile)"]
    assert y[DANGER] < y["Showing help for"] < y["Someone to talk to"]
    assert any("Call 999 or 112" in t and t.startswith("United Kingdom") for t in shown)
    uk = load_help().region("UK")
    everything = joined(d)
    for kind, heading in [("crisis", "Someone to talk to"), ("domestic-abuse", "Domestic abuse"),
                          ("image-takedown", "Getting images taken down")]:  # fmt: skip
        assert heading in everything
        for entry in uk.of_kind(kind):
            assert entry.name in everything and entry.reach in everything
            assert f"For: {entry.who}" in everything
            assert f"Checked {checked_words(entry.checked)}  ·  {entry.source}" in everything
    d.key(pygame.K_END)
    assert any(t.startswith("Numbers and services change") for t in texts(d))


@pytest.mark.parametrize("how", HOW)
def test_switching_region_changes_the_lines_and_is_saved(make_app, how):
    d = make_app()
    d.services.settings.help_region = "UK"
    d.nav.to_help()
    before = joined(d)
    assert "Samaritans" in before and "Pieta" not in before
    if how == "keyboard":
        tab_to(d, "help-region")
        d.key(pygame.K_RIGHT)  # UK -> Ireland
    else:
        label = next(r for r in d.render() if r.text == "Ireland")
        d.click_at(label.rect.center)
    assert d.services.settings.help_region == "IE"
    after = joined(d)
    assert "Pieta" in after and "Ireland: Call 112 or 999" in after
    assert "0808 2000 247" not in after  # the UK's domestic-abuse line is gone
    assert Settings.load(d.services.paths.settings_file).help_region == "IE"
    d.key(pygame.K_ESCAPE)
    d.nav.to_help()  # opened again: still Ireland
    assert "Pieta" in joined(d)


def test_the_computers_region_is_the_default_and_can_be_chosen_again(make_app):
    d = make_app()
    assert d.services.settings.help_region == ""
    system = default_region()
    d.nav.to_help()
    name = load_help().region(system).name
    assert any(r.text == "Chosen from your computer's language and region settings." for r in
               d.render())  # fmt: skip
    tab_to(d, "help-region")
    step = pygame.K_LEFT if system == REGIONS[-1] else pygame.K_RIGHT
    d.key(step)
    moved = REGIONS[REGIONS.index(system) + (-1 if step == pygame.K_LEFT else 1)]
    assert d.services.settings.help_region == moved
    assert "You chose this region. It is saved for next time." in texts(d)
    d.click("help-region-system")
    assert d.services.settings.help_region == ""
    assert Settings.load(d.services.paths.settings_file).help_region == ""
    assert d.top.focus_key == "help-region"
    if system != "elsewhere":
        assert any(t.startswith(f"{name}: ") for t in texts(d))


def test_region_chosen_in_settings_is_shown_on_the_screen(make_app):
    d = make_app()
    d.nav.to_title()
    d.nav.to_settings()
    d.services.settings.help_region = "UK"
    d.top.layout()
    label = None
    for _ in range(20):  # scroll down to the picker with the wheel
        label = next((r for r in d.render() if r.text == "Australia"), None)
        if label and d.top.scroll.viewport.contains(label.rect):
            break
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False,
                                             precise_x=0.0, precise_y=-1.0))  # fmt: skip
        d.frames()
    d.click_at(label.rect.center)
    assert d.services.settings.help_region == "AU"
    assert Settings.load(d.services.paths.settings_file).help_region == "AU"
    d.nav.to_help()
    assert "Australia: Call 000 (free). From a mobile, 112 also works." in texts(d)


def test_checked_dates_are_written_in_words():
    assert checked_words("2026-12-02") == "2 December 2026"
    assert checked_words("2026-02-30") == "2026-02-30"  # not a real day: shown as it is


# -- layout --------------------------------------------------------------------------------
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_region_fits_at_every_size(make_app, size):
    d = make_app(size=size)
    d.nav.to_help()
    for code in REGIONS:
        d.services.settings.help_region = code
        d.top.layout()
        d.key(pygame.K_HOME)
        seen = set()
        while True:  # page down through the whole screen
            records = d.render()
            problems = layout_problems(d.app)
            assert not problems, f"{code} at {size}:\n" + "\n".join(problems[:10])
            seen.update(r.text for r in records)
            if d.top.scroll.offset >= d.top.scroll.max_offset:
                break
            d.key(pygame.K_PAGEDOWN)
        vp = d.top.scroll.viewport
        for w in d.top.widgets:
            if w.content_rect is not None:  # every card and the picker within the body's width
                assert vp.left <= w.rect.left and w.rect.right <= vp.right, (code, w.key)
        region = load_help().region(code)
        for entry in region.entries:
            shown = entry.reach if entry.kind == "emergency" else entry.name
            assert any(shown in t for t in seen), (code, shown)
        assert DANGER in seen


def test_a_small_window_scrolls_and_the_keyboard_reads_down_the_cards(make_app):
    d = make_app(size=(960, 540))
    d.services.settings.help_region = "US"
    d.nav.to_help()
    d.render()
    assert d.top.focus_key == "danger"
    assert d.top.scroll.max_offset > 0
    keys = [d.top.focus_key]
    for _ in range(8):
        d.key(pygame.K_DOWN)
        keys.append(d.top.focus_key)
        w = d.top.focused
        if w.content_rect is not None:  # the focused card is scrolled into view
            assert d.top.scroll.viewport.colliderect(w.rect), w.key
    assert keys[:4] == ["danger", "help-region", "help-region-system", "crisis:0"]
    assert d.top.scroll.offset > 0


# -- when the help list cannot be read -------------------------------------------------------
@pytest.mark.parametrize(
    "content", [None, b"format: 1\ndanger: [not text\n", b"\xff\xfe\x00bad", b"format: 2\n"],
    ids=["missing", "broken-yaml", "not-utf8", "wrong-shape"],
)  # fmt: skip
def test_a_damaged_help_list_still_shows_the_emergency_line(
    make_app, tmp_path, monkeypatch, caplog, content
):
    import game.ui.scenes.help as help_scene

    path = tmp_path / "help.yaml"
    if content is not None:
        path.write_bytes(content)
    monkeypatch.setattr(help_scene, "HELP_PATH", path)
    d = make_app(size=(960, 540))
    d.nav.to_title()
    d.frames()
    with caplog.at_level(logging.ERROR, logger="firm_and_kind"):
        d.click("help")
    assert d.names == ["title", "help"]
    shown = texts(d)
    assert DANGER in shown
    assert any(t.startswith("The list of help lines could not be opened right now") for t in shown)
    assert not layout_problems(d.app)
    assert "the Getting help list could not be loaded" in caplog.text
    assert str(path) in caplog.text
    d.key(pygame.K_ESCAPE)
    assert d.names == ["title"]
