"""The debrief's row per decision: what you said, its label and points, and "All replies".

Where you did not choose the strongest reply, the row shows it as a model
answer ("A safer reply" in a scenario with a content note, where points are
left out). Every row has an "All replies" button that lists every reply of
that moment (``nav.to_all_replies``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.widgets import Widget, badge_rect, button_painter, card, style_badge

if TYPE_CHECKING:
    from game.core.engine import Decision
    from game.ui.scenes.common import Flow
    from game.ui.scenes.debrief import DebriefScene

ALL_REPLIES = "All replies"


def decision_row(scene: DebriefScene, flow: Flow, n: int, d: Decision) -> None:
    th, t = scene.services.theme, scene.services.text
    pal = th.palette
    pad = th.sp(16)
    safety = scene.coaching.safety
    choice = d.choice
    label = choice.label
    br = badge_rect((0, 0), label, scene.services)
    pts = "" if safety else f"+{choice.points}"
    pts_w = t.width_of("+10", "body_bold") + th.sp(12) if pts else 0
    bh = t.line_height("body_bold") + th.sp(12)
    bw = t.width_of(ALL_REPLIES, "body_bold") + th.sp(40)
    right_w = max(br.width + pts_w, bw)
    num_w = th.sp(28)
    text_w = flow.width - 2 * pad - right_w - th.sp(16) - num_w
    said = t.wrap(f"\u201c{choice.text}\u201d", "body", text_w)
    said_text = " ".join(said[:2])
    if len(said) > 2:
        said_text = said[0] + " " + t.shorten(" ".join(said[1:]), "body", text_w)
    sh = t.height_of(said_text, "body", text_w)
    right_h = br.height + th.sp(8) + bh
    model = None if d.was_best else d.beat.model_answer
    head = "A safer reply" if safety else "A stronger reply"
    model_text = f"{head}: \u201c{model.text}\u201d" if model is not None else ""
    mw = text_w
    mh = th.sp(8) + t.height_of(model_text, "small", mw) if model is not None else 0
    h = max(sh + mh, right_h)
    top = flow.y

    def draw(surf, r):
        card(surf, r, scene.services, raised=False)
        num_r = pygame.Rect(r.x + pad, r.y + pad, th.sp(20), t.line_height("body"))
        t.draw_line(
            surf, str(n), (num_r.x, num_r.centery), "body_bold", pal.muted, anchor="midleft",
            container=num_r,
        )  # fmt: skip
        tx = r.x + pad + num_w
        t.draw(surf, said_text, pygame.Rect(tx, r.y + pad, text_w, sh), "body", pal.text)
        bx = r.right - pad - right_w
        style_badge(surf, (bx, r.y + pad), label, scene.services)
        if pts:
            pr = pygame.Rect(bx + br.width, r.y + pad, right_w - br.width, br.height)
            t.draw_line(
                surf, pts, (pr.right, pr.centery), "body_bold", pal.text, anchor="midright",
                container=pr,
            )  # fmt: skip
        if model is not None:
            my = r.y + pad + sh + th.sp(8)
            t.draw(
                surf, model_text, pygame.Rect(tx, my, mw, r.bottom - my), "small",
                pal.styles["assertive"],
            )  # fmt: skip

    rect = flow.block(h + 2 * pad, draw)
    button = pygame.Rect(rect.right - pad - bw, top + pad + br.height + th.sp(8), bw, bh)
    flow.widget(
        Widget(
            f"replies:{n}",
            button,
            button_painter(scene.services, ALL_REPLIES, "secondary"),
            lambda d=d: scene.open_all_replies(d),
        ),  # fmt: skip
        advance=False,
    )
