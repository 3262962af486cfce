"""Scoring exactly as the format defines it."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.core.scoring import Score, percent, stars


@pytest.mark.parametrize(
    "score,maximum,expected",
    [(0, 10, 0), (10, 10, 100), (5, 8, 63), (25, 40, 63), (1, 8, 13), (1, 3, 33), (2, 3, 67),
     (7, 20, 35), (179, 200, 90), (1, 200, 1), (0, 0, 0)],
)  # fmt: skip
def test_percent_rounds_halves_up(score, maximum, expected):
    assert percent(score, maximum) == expected


@pytest.mark.parametrize(
    "pct,expected",
    [(100, 3), (90, 3), (89, 2), (70, 2), (69, 1), (40, 1), (39, 0), (0, 0)],
)
def test_stars_thresholds(pct, expected):
    assert stars(pct) == expected


@given(st.lists(st.integers(0, 10), min_size=1, max_size=30))
def test_score_matches_the_definition(points):
    s = Score.of(points)
    assert s.score == sum(points)
    assert s.maximum == 10 * len(points)
    exact = 100 * s.score / s.maximum
    assert s.percent in (int(exact), int(exact) + 1)
    assert abs(s.percent - exact) <= 0.5
    if exact - int(exact) == 0.5:
        assert s.percent == int(exact) + 1


def test_line_format():
    assert Score.of([10, 8, 2]).line() == "score: 20/30 (67%) stars: 1"
    assert Score.of([10, 10, 7]).line() == "score: 27/30 (90%) stars: 3"
