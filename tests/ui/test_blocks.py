"""The measure-once layout kit: blocks measure for a width once, then draw without measuring."""

from __future__ import annotations

import pygame

from game.ui.blocks import Card, Heading, Row, Text, Tiles


def test_a_card_measures_its_children_once_and_draws_without_measuring(make_app, monkeypatch):
    ui = make_app().app.services
    long = "A sentence long enough to wrap over several lines at this width. " * 4
    block = Card([Heading("Heading"), Text(long)], gap=8, stripe=(200, 0, 0))
    h = block.measure(ui, 400)
    inner = 400 - ui.theme.sp(24) * 2 - ui.theme.sp(6)
    expected = (
        2 * ui.theme.sp(24)
        + ui.text.height_of("Heading", "subheading", inner)
        + ui.theme.sp(8)
        + ui.text.height_of(long, "body", inner)
    )
    assert h == expected
    calls = []
    real = ui.text.height_of
    monkeypatch.setattr(ui.text, "height_of", lambda *a, **k: (calls.append(a), real(*a, **k))[1])
    ui.text.record = []
    block.draw(pygame.Surface((600, 600)), pygame.Rect(10, 10, 400, h))
    assert calls == []
    drawn = [r for r in ui.text.record]
    assert drawn and all(pygame.Rect(10, 10, 400, h).contains(r.rect) for r in drawn)


def test_rows_and_tiles_share_the_width(make_app):
    ui = make_app().app.services
    row = Row([Text("a"), Text("b " * 80)], shares=[1, 3], gap=16)
    h = row.measure(ui, 816)
    assert row._widths == [200, 600]
    assert h == ui.text.height_of("b " * 80, "body", 600)
    tiles = Tiles([Text("one"), Text("two"), Text("three")], columns=2, gap=16)
    line = ui.text.line_height("body")
    assert tiles.measure(ui, 416) == 2 * line + ui.theme.sp(16)
