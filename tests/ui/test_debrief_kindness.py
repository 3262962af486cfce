"""The debrief leads with kindness; practice runs say so; content-note scenarios are not graded;
every decision opens all of its replies; How it works is one step from the title and the briefing."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pygame
import pytest

from game.core.coaching import coach
from game.core.engine import Playthrough
from tests.support.window import SIZES, layout_problems, shipped_like

T0 = datetime(2026, 3, 1, tzinfo=UTC)
PERCENT = re.compile(r"^\d+%$")


def finish(scenario, pick: str, seed: int = 5, *, practice: bool = False) -> Playthrough:
    """Play ``scenario`` to the end choosing the best or worst reply; ``practice`` tries another
    reply at every decision first (so the run is a practice run)."""
    p = Playthrough(scenario, seed=seed)
    while not p.finished:
        pts = [c.points for c in p.choices]
        if practice:
            p.choose(pts.index(min(pts)))
            p.try_another()
        p.choose(pts.index(max(pts) if pick == "best" else min(pts)))
    return p


def debrief_of(d, scenario, pick, n=0, *, practice=False):
    """Record a playthrough as play does, and open its debrief."""
    start = T0 + timedelta(days=n)
    outcome = d.services.history.record_finished(
        finish(scenario, pick, seed=n + 1, practice=practice), start, start + timedelta(minutes=3)
    )
    d.nav.to_title()
    d.nav.to_debrief(outcome)
    d.frames(2, dt=5.0)
    return d.top


def all_text(d) -> list:
    """Every text record of the page, scrolled top to bottom (positions in content order)."""
    scene = d.top
    scene.scroll.offset = 0
    scene.layout()
    seen = []
    for _ in range(40):
        for r in d.render():
            seen.append((r.text, r.rect.y + scene.scroll.offset))
        if not scene.scroll.scroll(scene.scroll.viewport.height // 2):
            break
        scene.layout()
    return seen


def texts(d) -> str:
    return " | ".join(t for t, _ in all_text(d))


def test_a_real_run_leads_with_what_went_well_then_a_smaller_score(make_app):
    d = make_app()
    extra = shipped_like("extra-shift")
    debrief_of(d, extra, "worst", 0)
    scene = debrief_of(d, extra, "best", 1)
    seen = all_text(d)
    words = [t for t, _ in seen]
    y = {t: yy for t, yy in reversed(seen)}
    assert "WHAT WENT WELL" in words and "ONE THING TO TRY NEXT" in words
    pct = f"{scene.score.percent}%"
    assert y["WHAT WENT WELL"] < y[pct] and y["ONE THING TO TRY NEXT"] < y[pct]
    # the percentage no longer dominates: it is drawn no taller than a heading
    big = [r for r in d.render() if r.text == pct]
    text = d.services.text
    assert not big or big[0].rect.height <= text.line_height("heading")
    joined = " | ".join(words)
    first = d.services.history.attempts("extra-shift")[-1].percent
    assert f"Best {first}% to {scene.score.percent}%, a new best!" in joined
    assert scene.is_new_best and "Practice run" not in joined


def test_a_practice_run_says_so_and_never_celebrates_a_best(make_app):
    d = make_app()
    extra = shipped_like("extra-shift")
    debrief_of(d, extra, "worst", 0)
    best_before = d.services.history.summary("extra-shift").best_percent
    scene = debrief_of(d, extra, "best", 1, practice=True)
    assert scene.practice and scene.score.percent > best_before
    shown = texts(d)
    assert "Practice run \u2014 this one doesn't change your best." in shown
    assert "new best" not in shown.lower() and not scene.is_new_best
    assert scene.celebrate_tween is None
    assert d.services.history.summary("extra-shift").best_percent == best_before
    # the coaching still leads
    assert "WHAT WENT WELL" in shown


def test_a_content_note_scenario_talks_about_the_safest_replies_without_a_grade(make_app):
    d = make_app()
    long = shipped_like("long-words")
    assert long.content_warning
    scene = debrief_of(d, long, "worst", 0)
    seen = all_text(d)
    words = [t for t, _ in seen]
    shown = " ".join(words)
    assert "THE SAFEST REPLIES" in words
    c = coach(long, scene.playthrough.decisions)
    assert c.safety and c.safest_replies
    assert c.safest_replies[0][:20] in shown
    assert not any(PERCENT.match(t) for t in words), "no percentage in a content-note debrief"
    assert "points" not in shown and not any(t.startswith("+") for t in words)
    assert "A safer reply" in shown


@pytest.mark.parametrize("how", ["keyboard", "mouse"])
def test_every_decision_opens_all_of_its_replies(make_app, how):
    d = make_app()
    extra = shipped_like("extra-shift")
    scene = debrief_of(d, extra, "best", 0)
    decisions = scene.playthrough.decisions
    assert len(decisions) >= 2
    keys = [w.key for w in scene.focusables if w.key.startswith("replies:")]
    assert keys == [f"replies:{n}" for n in range(1, len(decisions) + 1)]
    if how == "keyboard":
        scene.set_focus("replies:2")
        d.key(pygame.K_RETURN)
    else:
        d.click("replies:2")
    assert d.top.name == "all-replies"
    shown = texts(d)
    beat = decisions[1].beat
    for c in beat.choices:
        assert c.label.word in shown
        assert f"+{c.points} point" in shown
        assert c.text[:25] in shown and c.feedback[:25] in shown
        if c.reply:
            assert c.reply[:20] in shown
    assert "Your reply" in shown and d.top.chosen == decisions[1].choice
    assert d.top.replies[0] == decisions[1].beat.model_answer  # strongest first
    d.key(pygame.K_ESCAPE)
    assert d.top is scene


def test_how_it_works_from_the_title_and_offered_on_a_first_briefing(make_app):
    d = make_app()
    d.nav.to_title()
    d.frames()
    d.top.set_focus("how")
    d.key(pygame.K_RETURN)
    assert d.top.name == "how-it-works"
    shown = texts(d)
    for word in ("Assertive", "Partly assertive", "Passive", "Aggressive", "Passive-aggressive"):
        assert word in shown
    assert "practice, not a test" in shown.lower() and "40%" in shown
    d.key(pygame.K_ESCAPE)
    assert d.top.name == "title"
    # a newcomer's briefing offers it (never opens it by itself)...
    extra = shipped_like("extra-shift")
    d.nav.to_briefing(extra)
    d.frames()
    assert d.top.name == "briefing" and d.top.focus_key == "start"
    d.click("how")
    assert d.top.name == "how-it-works"
    d.click("done")
    assert d.top.name == "briefing"
    # ...and once anything is finished, it is no longer offered
    d.services.history.record(finish(extra, "best"), T0, T0 + timedelta(minutes=2))
    d.nav.to_title()
    d.nav.to_briefing(extra)
    assert "how" not in [w.key for w in d.top.widgets]


def my_states(d):
    extra, long = shipped_like("extra-shift"), shipped_like("long-words")
    debrief_of(d, extra, "worst", 0)
    scene = debrief_of(d, extra, "best", 1)
    scene.stars_tween.elapsed = 0.3
    yield "debrief-real"
    debrief_of(d, extra, "best", 2, practice=True)
    yield "debrief-practice"
    scene = debrief_of(d, long, "worst", 3)
    yield "debrief-content-note"
    scene.open_all_replies(scene.playthrough.decisions[0])
    yield "all-replies"
    d.nav.to_title()
    d.nav.to_how_it_works()
    yield "how-it-works"
    attempt = d.services.history.attempts("extra-shift")[0]
    d.nav.to_title()
    d.nav.to_review(attempt, extra)
    yield "review-all-replies"
    d.nav.to_title()
    d.nav.to_review(attempt, None)
    yield "review-not-kept"
    d.services.history.reset()
    d.nav.to_title()
    d.nav.to_briefing(long)
    yield "briefing-new-here"


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_my_screens_fit_at_every_size(make_app, size):
    d = make_app(size=size)
    seen = []
    for name in my_states(d):
        scene = d.top
        scene.scroll.offset = 0
        scene.layout()
        for _ in range(40):
            d.render()
            problems = layout_problems(d.app)
            assert not problems, f"{name} at {size}:\n" + "\n".join(problems[:10])
            if not scene.scroll.scroll(scene.scroll.viewport.height // 2):
                break
            scene.layout()
        seen.append(name)
    assert len(seen) == 8


# -- the review of an earlier attempt ------------------------------------------------------------
def test_review_opens_all_replies_and_labels_a_seven_partly_assertive(make_app):
    from game.ui.scenes.review import ReviewScene
    from tests.support.history import make_scenario, play

    d = make_app()
    sc = make_scenario(extra_ending=True)
    a = d.services.history.record(play(sc, (0, 2)), T0, T0)  # 10, then the 7-point reply
    d.app.stack.push(ReviewScene(d.services, a, sc, [a]))
    d.top.go(1)
    shown = texts(d)
    assert "Partly assertive" in shown and "+7 points" in shown
    d.click("all-replies")
    assert d.top.name == "all-replies"
    shown = texts(d)
    for c in sc.beats["pushback"].choices:
        assert c.text in shown and c.label.word in shown
    assert d.top.chosen.points == 7
    d.key(pygame.K_ESCAPE)
    assert d.top.name == "review"


def test_review_of_a_changed_or_removed_scenario_says_the_other_replies_are_not_kept(make_app):
    from game.ui.scenes.review import NOT_KEPT_CHANGED, NOT_KEPT_GONE, ReviewScene
    from tests.support.history import GAVE_IN_LATE, make_scenario, play

    d = make_app()
    a = d.services.history.record(play(make_scenario(content_hash="old"), GAVE_IN_LATE), T0, T0)
    for current, note in (
        (make_scenario(content_hash="new"), NOT_KEPT_CHANGED),
        (None, NOT_KEPT_GONE),
    ):
        d.app.stack.push(ReviewScene(d.services, a, current, [a]))
        shown = texts(d)
        assert a.steps[0].text in shown  # what the history kept
        assert note.split(":")[0] in shown
        assert "all-replies" not in [w.key for w in d.top.widgets]
        d.app.stack.pop()


def test_one_style_badge_draws_partly_assertive_as_its_own_lighter_badge(make_app):
    from game.core.vocab import display_style
    from game.ui.widgets import badge_rect, style_badge

    d = make_app()
    ui = d.services
    pal = ui.theme.palette
    drawn = {}
    for points in (10, 6):
        surface = pygame.Surface((400, 80))
        surface.fill(pal.card)
        ui.text.record = []
        label = display_style("assertive", points)
        r = style_badge(surface, (10, 10), label, ui)
        assert r == badge_rect((10, 10), label, ui)
        words = [rec.text for rec in ui.text.record]
        inside = surface.get_at((r.right - r.height, r.bottom - 3))[:3]  # fill, past the word
        drawn[points] = (words, inside)
    assert drawn[10][0] == ["Assertive"] and drawn[6][0] == ["Partly assertive"]
    lightness = {p: sum(c) for p, (_, c) in drawn.items()}
    assert lightness[6] > lightness[10]  # the same hue, a lighter fill
    # a bare style id still works (its own word) for callers that know no points
    ui.text.record = []
    style_badge(pygame.Surface((400, 80)), (0, 0), "passive", ui)
    assert [rec.text for rec in ui.text.record] == ["Passive"]
