"""The terminal player's practice tools: t tries another reply, a shows every reply, a fixed
path prints a transcript, and a playtest from a later beat is never saved."""

from __future__ import annotations

from game.core.engine import shuffled_choices
from game.history import History
from tests.support.scenarios import BASE, write
from tests.test_cli import run


def seeded_order(path, seed):
    """The replies of the first beat in the order the seed shows them."""
    from game.core.engine import Playthrough
    from game.core.loader import load_scenario_file

    scenario, _ = load_scenario_file(path)
    return [c.text for c in Playthrough(scenario, seed).choices], scenario


def pick(order, text):
    return str(order.index(text) + 1)


def history(home):
    return History.open(home / "data" / "history.sqlite3", create=False)


def test_t_goes_back_and_the_run_is_saved_as_practice(tmp_path):
    f = write(tmp_path, BASE)
    order, scenario = seeded_order(f, 3)
    second = [c.text for c in shuffled_choices(scenario.beats["second"], 3)]
    answers = [pick(order, "Fine, I guess."), "t", pick(order, "No, thank you."),
               pick(second, "Still no."), ""]  # fmt: skip
    home = tmp_path / "home"
    r = run("play", "--text", "--seed", "3", f, stdin="\n".join(answers) + "\n", home=home)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert "This run is practice now: it won't change your best." in r.stdout
    assert lines[-2] == "Saved as practice: it doesn't change your best."
    assert lines[-1] == "practice: 18/20 (90%) stars: 3"
    with history(home) as h:
        assert h.attempts() == [] and h.summaries() == {}
        (a,) = h.attempts(include_practice=True)
        assert a.practice and a.percent == 90


def test_t_after_the_ending_tries_the_last_moment_again(tmp_path):
    f = write(tmp_path, BASE)
    order, _ = seeded_order(f, 5)
    answers = [pick(order, "Fine, I guess."), "t", pick(order, "Fine, I guess."), ""]
    r = run("play", "--text", "--seed", "5", f, stdin="\n".join(answers) + "\n", home=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("== Gave in (poor ending) ==") == 2
    assert r.stdout.splitlines()[-1] == "practice: 2/10 (20%) stars: 0"


def test_a_shows_every_reply_with_style_points_and_feedback_and_changes_nothing(tmp_path):
    f = write(tmp_path, BASE)
    order, scenario = seeded_order(f, 1)
    second = [c.text for c in shuffled_choices(scenario.beats["second"], 1)]
    answers = [pick(order, "No, thank you."), "a", pick(second, "Still no."), "a", ""]
    home = tmp_path / "home"
    r = run("play", "--text", "--seed", "1", f, stdin="\n".join(answers) + "\n", home=home)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert out.count("Every reply at that moment:") == 2
    assert "- No, thank you.  (your reply)" in out and "Assertive · +10 points" in out
    assert "Passive · +2 points" in out and "You gave in." in out
    assert "Assertive · +8 points" in out and "Passive-aggressive · +1 points" in out
    assert out.splitlines()[-1] == "score: 18/20 (90%) stars: 3"
    with history(home) as h:
        (a,) = h.attempts()
        assert not a.practice


def test_end_of_input_after_the_ending_still_finishes_and_saves(tmp_path):
    f = write(tmp_path, BASE)
    order, _ = seeded_order(f, 2)
    home = tmp_path / "home"
    r = run("play", "--text", "--seed", "2", f, stdin=pick(order, "Fine, I guess.") + "\n", home=home)
    assert r.returncode == 0
    assert r.stdout.splitlines()[-2:] == ["Saved to your history.", "score: 2/10 (20%) stars: 0"]


def test_a_fixed_path_prints_the_same_transcript_whatever_the_seed(tmp_path):
    f = write(tmp_path, BASE)
    home = tmp_path / "home"
    a = run("play", "--text", "--choices", "1,2", "--seed", "1", f, home=home)
    b = run("play", "--text", "--choices", "1,2", "--seed", "99", f, home=home)
    assert a.returncode == 0 and a.stdout == b.stdout
    out = a.stdout.splitlines()
    assert "-- 1 · ask --" in out and "> 1. No, thank you." in out
    assert "> 2. Ugh, whatever." in out and out[-1] == "score: 11/20 (55%) stars: 1"
    assert "== Gave in (poor ending) ==" in out
    assert not (home / "data" / "history.sqlite3").exists()


def test_a_fixed_path_that_does_not_fit_says_where(tmp_path):
    f = write(tmp_path, BASE)
    r = run("play", "--text", "--choices", "1,5", f, home=tmp_path)
    assert r.returncode == 1 and "beat 'second' has no reply 5 (it has 2)" in r.stderr
    r = run("play", "--text", "--choices", "1", f, home=tmp_path)
    assert r.returncode == 1 and "stops at beat 'second' before an ending" in r.stderr
    r = run("play", "--text", "--choices", "2,1", f, home=tmp_path)
    assert r.returncode == 1 and "goes on after the ending 'gave-in'" in r.stderr
    r = run("play", "--text", "--choices", "x", f, home=tmp_path)
    assert r.returncode == 2 and "reply numbers from 1" in r.stderr
    r = run("play", "--choices", "1", f, home=tmp_path)
    assert r.returncode == 2 and "add --text" in r.stderr


def test_beat_starts_a_playtest_that_is_never_saved(tmp_path):
    f = write(tmp_path, BASE)
    home = tmp_path / "home"
    r = run("play", "--text", "--beat", "second", "--choices", "1", f, home=home)
    assert r.returncode == 0 and "from beat 'second'" in r.stdout
    assert r.stdout.splitlines()[-1] == "score: 8/10 (80%) stars: 2"
    order, scenario = seeded_order(f, 4)
    second = [c.text for c in shuffled_choices(scenario.beats["second"], 4)]
    r = run("play", "--text", "--seed", "4", "--beat", "second", f,
            stdin=pick(second, "Still no.") + "\n\n", home=home)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "Playtest from beat 'second': nothing is saved." in r.stdout
    assert r.stdout.splitlines()[-2:] == [
        "A playtest from a later beat is not saved.", "score: 8/10 (80%) stars: 2"
    ]
    assert not (home / "data" / "history.sqlite3").exists()
    r = run("play", "--text", "--beat", "nowhere", f, home=home)
    assert r.returncode == 2 and "no beat 'nowhere'" in r.stderr
