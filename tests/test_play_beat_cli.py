"""`play FILE --beat ID` in the window is checked before the window opens."""

from __future__ import annotations

import io

from game.cli import main
from game.cli.context import Context
from game.paths import AppPaths
from tests.support.window import FIXTURES


def run(argv, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    paths = AppPaths(tmp_path / "d", tmp_path / "c", tmp_path / "l")
    return main(argv, Context(paths, out, err)), out.getvalue(), err.getvalue()


def test_beat_needs_one_file(tmp_path):
    code, _, err = run(["play", "--beat", "ask"], tmp_path)
    assert code == 2 and "--beat starts one scenario at a beat: give its FILE" in err
    code, _, err = run(["play", str(FIXTURES), "--beat", "ask"], tmp_path)
    assert code == 2 and "give its FILE" in err


def test_an_unknown_beat_is_named_before_the_window_opens(tmp_path):
    code, _, err = run(["play", str(FIXTURES / "extra-shift.yaml"), "--beat", "nowhere"], tmp_path)
    assert code == 2 and "has no beat 'nowhere'" in err


def test_a_broken_file_is_explained(tmp_path):
    code, _, err = run(["play", str(FIXTURES / "broken-file.yaml"), "--beat", "ask"], tmp_path)
    assert code == 1 and "has errors, so it cannot be played yet" in err
