"""The debrief's cards: the practice note, the coaching lead, the ending and the score.

Kindness over grades: the debrief opens with what went well and the one thing
to try next (:func:`game.core.coaching.coach`); the percentage and stars follow
in a smaller card beside the ending. In a scenario with a content note the lead
talks about the safest replies and no score card is drawn at all.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from game.ui.widgets import card, mix, stars

if TYPE_CHECKING:
    from game.ui.scenes.common import Flow
    from game.ui.scenes.debrief import DebriefScene

PRACTICE_NOTE = "Practice run \u2014 this one doesn't change your best."
PRACTICE_MORE = "You tried other replies along the way, which is exactly what practice is for."
ALL_STRONGEST = "Every reply you chose was the strongest one there. Well done."


def practice_note(scene: DebriefScene, flow: Flow) -> None:
    """The plain line at the top of a practice run's debrief."""
    th, t = scene.services.theme, scene.services.text
    pal = th.palette
    pad = th.sp(20)
    inner = flow.width - 2 * pad
    h1 = t.height_of(PRACTICE_NOTE, "body_bold", inner)
    h2 = t.height_of(PRACTICE_MORE, "small", inner)

    def draw(surf, r):
        card(surf, r, scene.services, raised=False, fill=pal.soft, border=False)
        t.draw(surf, PRACTICE_NOTE, pygame.Rect(r.x + pad, r.y + pad, inner, h1), "body_bold")
        y = r.y + pad + h1 + th.sp(4)
        t.draw(surf, PRACTICE_MORE, pygame.Rect(r.x + pad, y, inner, h2), "small", pal.muted)

    flow.block(2 * pad + h1 + th.sp(4) + h2, draw)
    flow.gap(16)


def lead_sections(scene: DebriefScene) -> list[tuple[str, str, list[str]]]:
    """(heading, text, quoted replies) for the coaching card, in order."""
    c = scene.coaching
    if c.safety:
        quotes = [f"\u201c{q}\u201d" for q in c.safest_replies[:3]]
        return [
            ("WHAT WENT WELL", c.went_well, []),
            ("THE SAFEST REPLIES", c.try_next or "", quotes),
        ]
    return [
        ("WHAT WENT WELL", c.went_well, []),
        ("ONE THING TO TRY NEXT", c.try_next or ALL_STRONGEST, []),
    ]


def coaching_card(scene: DebriefScene, flow: Flow) -> None:
    """What went well and the one thing to try next: the first thing the player reads."""
    th, t = scene.services.theme, scene.services.text
    pal = th.palette
    pad = th.sp(24)
    inner = flow.width - 2 * pad - th.sp(6)
    hh = t.line_height("small_bold")
    parts = []
    height = 2 * pad
    for i, (head, text, quotes) in enumerate(lead_sections(scene)):
        th_ = t.height_of(text, "line", inner)
        qh = [t.height_of(q, "body", inner - th.sp(16)) for q in quotes]
        block = hh + th.sp(4) + th_ + sum(h + th.sp(6) for h in qh)
        parts.append((head, text, th_, list(zip(quotes, qh, strict=True))))
        height += block + (th.sp(16) if i else 0)

    def draw(surf, r):
        card(
            surf, r, scene.services, fill=mix(pal.card, pal.accent, 0.06),
            border=mix(pal.card, pal.accent, 0.3), stripe=pal.accent,
        )  # fmt: skip
        x, y = r.x + pad + th.sp(6), r.y + pad
        for i, (head, text, th_, quotes) in enumerate(parts):
            if i:
                y += th.sp(16)
            t.draw(surf, head, pygame.Rect(x, y, inner, hh), "small_bold", pal.accent)
            y += hh + th.sp(4)
            t.draw(surf, text, pygame.Rect(x, y, inner, th_), "line", pal.text)
            y += th_
            for q, qh in quotes:
                y += th.sp(6)
                t.draw(surf, q, pygame.Rect(x + th.sp(16), y, inner - th.sp(16), qh), "body")
                pygame.draw.line(
                    surf, pal.accent, (x + th.sp(4), y + th.sp(2)), (x + th.sp(4), y + qh - th.sp(2)),
                    max(2, th.sp(2)),
                )  # fmt: skip
                y += qh

    flow.block(height, draw)


def score_lines(scene: DebriefScene, width: int) -> list[tuple[str, str, object]]:
    """The small lines under the stars: (text, role, colour) in order; the best line breaks
    before "a new best!" when it does not fit on one line of ``width``."""
    pal = scene.services.theme.palette
    s = scene.score
    lines: list[tuple[str, str, object]] = [
        (f"{s.score} of {s.maximum} points", "small", pal.muted)
    ]
    best = scene.best_line()
    if best and scene.services.text.width_of(best, "small_bold") > width:
        best = best.replace(", a new best!", ",\na new best!")
    if best:
        lines.append((best, "small_bold", pal.accent))
    for extra in (scene.last_line(), scene.endings_line()):
        if extra:
            lines.append((extra, "small", pal.muted))
    return lines


def ending_and_score(scene: DebriefScene, flow: Flow) -> None:
    """How it ended, and beside it (below it when narrow) the smaller score card."""
    th, t = scene.services.theme, scene.services.text
    pal = th.palette
    ending = scene.playthrough.ending
    pad = th.sp(24)
    graded = not scene.coaching.safety
    wide = flow.width >= th.sp(640)
    score_w = th.sp(280) if graded else 0
    end_w = flow.width - score_w - th.sp(16) if (wide and graded) else flow.width
    inner = end_w - 2 * pad - th.sp(6)
    tone = pal.tones.get(ending.tone, pal.accent)
    eh = (
        t.height_of(ending.title, "heading", inner)
        + th.sp(8)
        + t.height_of(ending.text, "line", inner)
    )

    def draw_end(surf, r):
        card(surf, r, scene.services, stripe=tone)
        ir = pygame.Rect(r.x + pad + th.sp(6), r.y + pad, inner, r.height - 2 * pad)
        h1 = t.draw(surf, ending.title, ir, "heading", pal.text)
        t.draw(
            surf, ending.text, pygame.Rect(ir.x, ir.y + h1 + th.sp(8), ir.width, ir.height - h1),
            "line", pal.text,
        )  # fmt: skip

    if not graded:
        flow.block(eh + 2 * pad, draw_end)
        return
    sw_inner = (score_w if wide else flow.width) - 2 * pad
    lines = score_lines(scene, sw_inner)
    star = th.sp(24)
    score_h = t.line_height("heading") + th.sp(4) + star + th.sp(4)
    score_h += sum(th.sp(4) + t.height_of(text, role, sw_inner) for text, role, _ in lines)

    def draw_score(surf, r):
        card(surf, r, scene.services)
        ir = r.inflate(-2 * pad, -2 * pad)
        y = ir.y
        draw_celebration(scene, surf, r, (ir.centerx, y + t.line_height("heading") // 2))
        t.draw_line(
            surf, f"{scene.score.percent}%", (ir.centerx, y), "heading", pal.text,
            anchor="midtop", container=ir,
        )  # fmt: skip
        y += t.line_height("heading") + th.sp(4)
        stars(
            surf, (ir.centerx, y + star // 2), scene.score.stars, star, scene.services,
            fill=scene.stars_tween.value,
        )  # fmt: skip
        y += star + th.sp(4)
        for text, role, colour in lines:
            y += th.sp(4)
            h = t.height_of(text, role, ir.width)
            if role == "small_bold" and scene.is_new_best:
                glow = pygame.Rect(
                    ir.x - th.sp(10), y - th.sp(4), ir.width + th.sp(20), h + th.sp(8)
                )
                pygame.draw.rect(
                    surf, mix(pal.card, pal.accent, 0.13 * celebration_amount(scene)), glow,
                    border_radius=glow.height // 2,
                )  # fmt: skip
            y += t.draw(surf, text, pygame.Rect(ir.x, y, ir.width, h), role, colour, align="center")

    row_h = max(eh, score_h) + 2 * pad
    if wide:
        y0 = flow.y
        flow.block(row_h, draw_end, width=end_w, advance=False)
        flow.block(row_h, draw_score, x=flow.x + end_w + th.sp(16), width=score_w, advance=False)
        flow.y = y0 + row_h
    else:
        flow.block(eh + 2 * pad, draw_end)
        flow.gap(16)
        flow.block(score_h + 2 * pad, draw_score)


def celebration_amount(scene: DebriefScene) -> float:
    tw = scene.celebrate_tween
    if tw is None or tw.duration <= 0:
        return 1.0
    return min(1.0, max(0.0, tw.elapsed / max(0.01, tw.delay + 0.3)))


def draw_celebration(
    scene: DebriefScene, surf: pygame.Surface, card_rect: pygame.Rect, center
) -> None:
    """A soft ring that widens and fades once around the score (nothing when motion is off)."""
    tw = scene.celebrate_tween
    if tw is None or tw.done or tw.duration <= 0 or tw.elapsed < tw.delay:
        return
    v = tw.value
    pal = scene.services.theme.palette
    base = scene.services.text.line_height("heading") * 0.8
    layer = pygame.Surface(card_rect.size, pygame.SRCALPHA)
    c = (center[0] - card_rect.x, center[1] - card_rect.y)
    for i, col in enumerate((pal.accent, pal.star)):
        r = base * (1.0 + 1.3 * v) + i * base * 0.35 * v
        alpha = int(110 * (1 - v) * (1 - 0.4 * i))
        if alpha > 0:
            pygame.draw.circle(layer, (*col, alpha), c, int(r), width=max(2, int(base / 14)))
    for k in range(6):  # a few small sparkles drifting outwards
        ang = k * math.pi / 3 + 0.4
        d = base * (0.9 + 1.6 * v)
        p = (c[0] + math.cos(ang) * d, c[1] + math.sin(ang) * d * 0.7)
        alpha = int(160 * (1 - v))
        pygame.draw.circle(layer, (*pal.star, alpha), p, max(2, int(base / 12 * (1 - v) + 1)))
    surf.blit(layer, card_rect.topleft)
