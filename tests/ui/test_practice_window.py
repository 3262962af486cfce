"""Practice that teaches, in the real window: try another reply (T), all replies (A), honest
labels, the story so far (H), a hint (?) and keeping the player's place."""

from __future__ import annotations

import dataclasses

import pygame

from game.history import stats
from game.history.resume import load_place
from tests.support.history import make_scenario
from tests.support.window import shipped_like


def texts(d) -> list[str]:
    return [r.text for r in d.render()]


def choose_style(d, style: str) -> None:
    play = d.top
    d.key(pygame.K_1 + next(i for i, c in enumerate(play.shown) if c.style == style))


def best_key(play) -> int:
    best = max(play.shown, key=lambda c: c.points)
    return pygame.K_1 + play.shown.index(best)


def worst_key(play) -> int:
    worst = min(play.shown, key=lambda c: c.points)
    return pygame.K_1 + play.shown.index(worst)


def start_play(d, scenario=None, seed=5):
    d.nav.to_title()
    d.nav.to_briefing(scenario or shipped_like(), seed=seed)
    d.frames(1)
    d.key(pygame.K_RETURN)
    assert d.top.name == "play"
    return d.top


def play_to_end(d, *, try_each: bool) -> None:
    """Play to the debrief by keyboard; with ``try_each``, answer weakly, press T, then answer
    with the best reply at every decision."""
    play = d.top
    while d.top is play:
        if try_each:
            d.key(worst_key(play))
            assert play.phase == "feedback"
            before = [c.text for c in play.shown]
            d.key(pygame.K_t)
            assert play.phase == "choose"
            assert [c.text for c in play.shown] == before  # the same replies, the same places
        d.key(best_key(play))
        d.key(pygame.K_RETURN)


def test_try_another_at_every_decision_is_practice_and_changes_no_best(make_app):
    d = make_app()
    history = d.services.history
    start_play(d)
    play_to_end(d, try_each=False)  # a first, counted try: the worst replies
    d.nav.to_title()
    start_play(d)
    choose_style(d, "assertive")
    d.nav.to_title()  # left unfinished: kept as a place, never an attempt
    before_summary = history.summary("extra-shift")
    before_attempts = history.attempts()
    before_trends = stats.trends(before_attempts)
    assert len(before_attempts) == 1
    play = start_play(d)
    play_to_end(d, try_each=True)
    assert d.top.name == "debrief"
    outcome = d.top.outcome
    assert outcome.practice and outcome.attempt is not None and outcome.attempt.practice
    assert outcome.playthrough.score.percent == 100
    assert not outcome.is_new_best
    assert history.summary("extra-shift") == before_summary  # the best is untouched
    assert history.attempts() == before_attempts
    assert stats.trends(history.attempts()) == before_trends
    every = history.attempts(include_practice=True)
    assert len(every) == 2 and every[0].practice and every[0].percent == 100
    assert play.playthrough.tries >= 2


def test_practice_marker_shows_after_try_another(make_app):
    d = make_app()
    play = start_play(d)
    assert "Practice" not in texts(d)
    d.key(worst_key(play))
    assert "Try another reply" in texts(d) and "All replies" in texts(d)
    assert any("T  Try another" in t for t in texts(d))  # the keys are shown
    d.click("try")  # by mouse too
    assert play.phase == "choose" and play.playthrough.practice
    assert "Practice" in texts(d)


def test_all_replies_lists_every_reply_and_returns_to_the_feedback(make_app):
    d = make_app()
    play = start_play(d)
    d.key(worst_key(play))
    chosen = play.decision
    d.key(pygame.K_a)
    assert d.top.name == "all-replies"
    shown = " ".join(texts(d))
    for _ in range(8):  # read it all, a page at a time
        d.key(pygame.K_PAGEDOWN)
        shown += " ".join(texts(d))
    for c in chosen.beat.choices:
        assert c.text in shown and c.feedback in shown
        if c.reply:
            assert c.reply in shown
    assert "Your reply" in shown and "+10 points" in shown
    d.key(pygame.K_ESCAPE)
    assert d.top is play and play.phase == "feedback" and play.decision is chosen
    d.click("all")  # and by mouse
    assert d.top.name == "all-replies"
    d.click("done")
    assert d.top is play and play.decision is chosen


def test_partly_assertive_reply_is_labelled_honestly(make_app):
    d = make_app()
    scenario = make_scenario(extra_ending=True)
    play = start_play(d, scenario)
    choose_style(d, "assertive")
    d.key(pygame.K_RETURN)
    partly = next(i for i, c in enumerate(play.shown) if c.points == 7)
    d.key(pygame.K_1 + partly)
    shown = texts(d)
    assert "Partly assertive" in shown and "Assertive" not in shown
    assert "+7 points" in shown


def test_a_zero_point_reply_under_a_content_note_is_not_graded(make_app):
    d = make_app()
    scenario = dataclasses.replace(make_scenario(), content_warning="Talks about a hard day.")
    start_play(d, scenario)
    choose_style(d, "aggressive")  # 0 points
    shown = texts(d)
    assert "Understandable" in shown and "Aggressive" in shown
    assert not any(t.startswith("+0") for t in shown)
    assert "There is a stronger reply here." not in shown
    # without a content note the same reply shows its points
    plain = start_play(d, make_scenario())
    choose_style(d, "aggressive")
    assert plain.phase == "feedback" and "+0 points" in texts(d)


def test_story_so_far_opens_with_h_or_the_wheel_and_keeps_the_moment(make_app):
    d = make_app()
    play = start_play(d)
    choose_style(d, "assertive")
    first = play.decision
    d.key(pygame.K_RETURN)
    beat = play.beat
    shown_before = play.shown
    d.key(pygame.K_h)
    assert d.top.name == "backlog"
    shown = " ".join(texts(d))
    assert first.beat.line in shown and first.choice.text in shown and beat.line in shown
    if first.choice.reply:
        assert first.choice.reply in shown
    d.key(pygame.K_h)
    assert d.top is play and play.beat is beat and play.shown == shown_before
    assert play.phase == "choose"
    pos = play.right.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False, precise_x=0.0, precise_y=1.0)
    )
    d.frames(2)
    assert d.top.name == "backlog"
    d.click("done")
    assert d.top is play and play.phase == "choose" and play.playthrough.decisions == [first]


def test_hint_shows_before_choosing_and_never_changes_the_score(make_app):
    from game.core.model import hint_for

    d = make_app()
    play = start_play(d)
    hint = hint_for(play.beat)
    assert hint not in texts(d)
    d.key(pygame.K_SLASH, pygame.KMOD_SHIFT)
    assert hint in " ".join(texts(d))
    d.click("hint")  # the button hides it again
    assert hint not in " ".join(texts(d))
    d.click("hint")
    assert hint in " ".join(texts(d))
    assert play.playthrough.decisions == [] and play.phase == "choose"
    d.key(best_key(play))
    assert play.playthrough.score.score == play.decision.choice.points


def test_quit_asks_first_and_keeps_the_place(make_app):
    d = make_app()
    play = start_play(d)
    choose_style(d, "assertive")
    d.key(pygame.K_RETURN)
    order = [c.text for c in play.shown]
    d.key(pygame.K_ESCAPE)
    assert d.top.name == "pause"
    d.click("menu")
    assert d.top.name == "leave"
    assert "Leave this scenario?" in texts(d)
    d.click("stay")
    assert d.top is play
    d.key(pygame.K_ESCAPE)
    d.click("menu")
    d.key(pygame.K_RIGHT)
    d.key(pygame.K_RETURN)  # Leave
    assert d.names == ["title"]
    place = load_place(d.services.paths.resume_file)
    assert place is not None and place.scenario_id == "extra-shift" and len(place.path) == 1
    assert d.services.history.attempts(include_practice=True) == []  # never an attempt
    # the title offers to continue, at the same moment with the same order
    assert any(t.startswith("Continue The extra shift") for t in texts(d))
    assert d.top.focus_key == "continue"
    d.key(pygame.K_RETURN)
    again = d.top
    assert again.name == "play" and again is not play
    assert [c.text for c in again.shown] == order and len(again.playthrough.decisions) == 1
    # finishing clears the place
    play_to_end(d, try_each=False)
    assert d.top.name == "debrief"
    assert load_place(d.services.paths.resume_file) is None


def test_a_changed_scenario_starts_over_with_a_note(make_app, tmp_path):
    src = shipped_like().path.read_text(encoding="utf-8")
    folder = tmp_path / "lib"
    folder.mkdir()
    f = folder / "extra-shift.yaml"
    f.write_text(src, encoding="utf-8")
    d = make_app(roots=(folder,))
    d.nav.to_title()
    d.nav.to_browser()
    d.frames(1)
    scenario = d.services.library().by_id("extra-shift")
    play = start_play(d, scenario)
    choose_style(d, "assertive")
    d.key(pygame.K_RETURN)
    play.on_close()  # the window closes mid-scenario
    assert load_place(d.services.paths.resume_file) is not None
    f.write_text(src.replace("Please? I'd owe you big time.", "Please? Pretty please?"), "utf-8")
    d.services.library.reload()
    d.nav.to_title()
    d.frames(1)
    d.key(pygame.K_RETURN)  # Continue
    assert d.top.name == "play" and d.top.playthrough.decisions == []
    assert "This scenario changed since you left" in " ".join(texts(d))


def test_restart_clears_the_place(make_app):
    d = make_app()
    play = start_play(d)
    choose_style(d, "assertive")
    play.on_close()
    assert load_place(d.services.paths.resume_file) is not None
    play.restart()
    assert load_place(d.services.paths.resume_file) is None


def test_sigterm_mid_scenario_keeps_the_place_quietly(tmp_path):
    from game.core.library import load_library
    from game.paths import AppPaths
    from game.ui.app import App
    from game.ui.settings import Settings
    from tests.support.window import FIXTURES, Driver

    paths = AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "logs")
    Settings(intro_seen=True).save(paths.settings_file)
    app = App(paths, lambda: load_library((FIXTURES,)), size=(1280, 720))
    d = Driver(app)
    play = start_play(d)
    choose_style(d, "assertive")
    d.key(pygame.K_RETURN)
    order = [c.text for c in play.shown]
    app.request_stop()  # what SIGTERM does
    assert app.run() == 0
    app.close()
    place = load_place(paths.resume_file)
    assert place is not None and len(place.path) == 1
    # a new window offers it, and nothing was counted as an attempt
    again = App(paths, lambda: load_library((FIXTURES,)), size=(1280, 720))
    try:
        d2 = Driver(again)
        assert again.services.history.attempts(include_practice=True) == []
        d2.nav.to_title()
        d2.frames(1)
        assert d2.top.focus_key == "continue"
        d2.key(pygame.K_RETURN)
        assert d2.top.name == "play" and [c.text for c in d2.top.shown] == order
    finally:
        again.close()
