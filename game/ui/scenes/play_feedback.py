"""The feedback panel of the play screen, drawn after a reply is chosen."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.vocab import SKILLS, display_style
from game.ui.scenes.common import Flow
from game.ui.widgets import (
    Widget,
    badge_rect,
    button_painter,
    card,
    chip_painter,
    chip_rect,
    mix,
    style_badge,
)

if TYPE_CHECKING:
    from game.ui.scenes.play import PlayScene

# the one-line items of the panel: their text role and palette colour
ONE_LINE = {  # kind -> (text role, colour from the palette)
    "points": ("body_bold", lambda pal: pal.text),
    "hint": ("small", lambda pal: pal.muted),
    "label": ("small_bold", lambda pal: pal.muted),
}


def feedback_panel(scene: PlayScene, flow: Flow) -> None:
    """The panel after a choice: style, points, feedback, skills, the reply, the thought, Continue."""
    th = scene.services.theme
    pal = th.palette
    t = scene.services.text
    s = scene.fit_scale
    d = scene.decision
    choice = d.choice
    pad = th.sp(20)
    inner_x = flow.x + pad + th.sp(6)
    inner_w = flow.width - 2 * pad - th.sp(6)
    top = flow.y
    y = top + pad
    items: list = []  # (kind, rect, payload)
    gentle = is_gentle(scene.scenario, choice)
    if gentle:  # a frightening moment: name the style, never grade it
        word = display_style(choice.style, choice.points).word
        br = pygame.Rect(inner_x, y, t.width_of(word, "body_bold", s), badge_h(scene))
        items.append(("points", br, word))
        pts = UNDERSTANDABLE
        pr = pygame.Rect(br.right + th.sp(12), br.y, t.width_of(pts, "small", s), br.height)
        items.append(("hint", pr, pts))
    else:
        br = badge_rect((inner_x, y), choice.style, scene.services, points=choice.points)
        items.append(("badge", br, (choice.style, choice.points)))
        pts = f"+{choice.points} point{'s' if choice.points != 1 else ''}"
        pr = pygame.Rect(br.right + th.sp(12), br.y, t.width_of(pts, "body_bold", s), br.height)
        items.append(("points", pr, pts))
    if not d.was_best and not gentle:
        hint = "There is a stronger reply here."
        hr = pygame.Rect(
            pr.right + th.sp(12),
            br.y,
            max(0, inner_x + inner_w - pr.right - th.sp(12)),
            br.height,
        )
        if t.width_of(hint, "small", s) <= hr.width:
            items.append(("hint", hr, hint))
    y = br.bottom + th.sp(12)
    fh = t.height_of(choice.feedback, "body", inner_w, s)
    items.append(("text", pygame.Rect(inner_x, y, inner_w, fh), choice.feedback))
    y += fh + th.sp(12)
    chips: list[Widget] = []
    if choice.skills:
        label = "Skills used:"
        ch0 = chip_rect((0, 0), choice.skills[0], scene.services).height
        lw = t.width_of(label, "small_bold", s)
        lr = pygame.Rect(inner_x, y, lw, ch0)
        items.append(("label", lr, label))
        x = inner_x + lw + th.sp(10)
        for sk in choice.skills:
            cr = chip_rect((x, y), sk, scene.services)
            if cr.right > inner_x + inner_w and x > inner_x:
                x = inner_x
                y += cr.height + th.sp(8)
                cr = chip_rect((x, y), sk, scene.services)
            chips.append(
                Widget(
                    f"skill:{sk}",
                    cr,
                    chip_painter(scene.services, sk),
                    on_activate=lambda sk=sk: scene.show_skill(sk),
                    tooltip=SKILLS[sk].meaning,
                )
            )
            x = cr.right + th.sp(8)
        y = chips[-1].rect.bottom + th.sp(8)
        hint_text = skill_hint_text(scene, choice)
        hh = t.height_of(hint_text, "small", inner_w, s)
        # reserve room for the longest definition so nothing jumps
        longest = max(
            (hint_for(sk) for sk in choice.skills),
            key=lambda x: t.height_of(x, "small", inner_w, s),
        )
        hh = max(hh, t.height_of(longest, "small", inner_w, s))
        items.append(("skillhint", pygame.Rect(inner_x, y, inner_w, hh), None))
        y += hh + th.sp(12)
    speaker = scene.speaker
    if choice.reply:
        rtext = f"\u201c{choice.reply}\u201d"
        name_h = t.line_height("small_bold", s)
        rh = t.height_of(rtext, "line", inner_w - th.sp(32), s)
        rr = pygame.Rect(inner_x, y, inner_w, name_h + th.sp(6) + rh + th.sp(24))
        items.append(("reply", rr, (speaker.name, rtext, name_h)))
        y = rr.bottom + th.sp(12)
    if scene.beat.thought:
        ttext = scene.beat.thought
        label = (
            f"What {speaker.name} was feeling" if scene.beat.speaker != "narrator" else "Underneath"
        )
        lh_ = t.line_height("small_bold", s)
        th_ = t.height_of(ttext, "italic", inner_w - th.sp(32), s)
        tr = pygame.Rect(inner_x, y, inner_w, lh_ + th.sp(4) + th_ + th.sp(24))
        items.append(("thought", tr, (label, ttext, lh_)))
        y = tr.bottom + th.sp(12)
    y += th.sp(4)
    extra, keys, y = practice_buttons(scene, inner_x, inner_w, y)
    items.append(("keys", keys, KEYS_AFTER))
    label = "See how it went" if scene.playthrough.finished else "Continue"
    bh = t.line_height("body_bold") + th.sp(24)
    bw = max(th.sp(200), t.width_of(label, "body_bold") + th.sp(64))
    cont = Widget(
        "continue",
        pygame.Rect(inner_x + inner_w - bw, y, bw, bh),
        button_painter(scene.services, label, "primary"),
        scene.next_beat,
    )
    if scene.fixed_continue is None:
        y += bh + pad
    else:
        y += pad - th.sp(16)
    panel = pygame.Rect(flow.x, top, flow.width, y - top)
    style_col = pal.styles[choice.style]

    def draw_panel(surf, rect):
        dy = rect.y - panel.y
        pal = scene.services.theme.palette
        card(surf, rect, scene.services, stripe=style_col)
        for kind, r0, payload in items:
            r = r0.move(0, dy)
            if kind == "badge":
                style_badge(surf, r.topleft, payload[0], scene.services, points=payload[1])
            elif kind in ONE_LINE:
                role, colour = ONE_LINE[kind]
                t.draw_line(
                    surf,
                    payload,
                    (r.x, r.centery),
                    role,
                    colour(pal),
                    anchor="midleft",
                    container=r,
                    scale=s,
                )
            elif kind == "text":
                t.draw(surf, payload, r, "body", pal.text, scale=s)
            elif kind == "keys":
                t.draw(surf, payload, r, "small", pal.muted)
            elif kind == "skillhint":
                t.draw(surf, skill_hint_text(scene, choice), r, "small", pal.muted, scale=s)
            elif kind == "reply":
                name, rtext, nh = payload
                label = f"{name} replies"
                labelled_box(scene, surf, r, pal.soft, (label, pal.muted, nh), (rtext, "line"), 6)
            elif kind == "thought":
                label_, ttext, nh = payload
                fill = mix(pal.soft, pal.accent, 0.08)
                labelled_box(scene, surf, r, fill, (label_, pal.accent, nh), (ttext, "italic"), 4)

    flow.block(panel.height, draw_panel)
    scene.panel_content = panel
    for c in [*chips, *extra]:
        flow.widget(c, advance=False)
    flow.widget(cont, advance=False)


UNDERSTANDABLE = "Understandable"
KEYS_AFTER = "T  Try another   ·   A  All replies   ·   H  Story so far"


def is_gentle(scenario, choice) -> bool:
    """A 0-point reply in a scenario with a content note: shown without a grade."""
    return bool(scenario.content_warning) and choice.points == 0


def badge_h(scene: PlayScene) -> int:
    return scene.services.text.line_height("small_bold") + scene.services.theme.sp(8)


def practice_buttons(scene: PlayScene, x: int, width: int, y: int):
    """ "Try another reply" (T) and "All replies" (A); returns them, the rect of the line
    naming their keys, and the y below it."""
    th = scene.services.theme
    t = scene.services.text
    bh = t.line_height("body_bold") + th.sp(16)
    gap = th.sp(12)
    labels = [
        ("try", "Try another reply", scene.try_another),
        ("all", "All replies", scene.all_replies),
    ]
    widths = [t.width_of(lbl, "body_bold") + th.sp(48) for _, lbl, _ in labels]
    out: list[Widget] = []
    bx = x
    for (key, lbl, act), bw in zip(labels, widths, strict=True):
        if bx > x and bx + bw > x + width:  # no room beside: the next row
            bx = x
            y += bh + gap
        r = pygame.Rect(bx, y, bw, bh)
        out.append(Widget(key, r, button_painter(scene.services, lbl), act))
        bx += bw + gap
    y += bh + th.sp(8)
    keys = pygame.Rect(x, y, width, t.height_of(KEYS_AFTER, "small", width))
    return out, keys, keys.bottom + th.sp(12)


def labelled_box(scene: PlayScene, surf, r, fill, label, text, gap: int) -> None:
    """A soft box with a small label over a text: the other person's reply, or the thought.

    ``label`` is (words, colour, height); ``text`` is (words, role); ``gap`` is the
    space between them, before scaling.
    """
    th = scene.services.theme
    t = scene.services.text
    s = scene.fit_scale
    words, colour, nh = label
    body, role = text
    pygame.draw.rect(surf, fill, r, border_radius=th.sp(10))
    ir = r.inflate(-th.sp(32), -th.sp(24))
    t.draw(surf, words, pygame.Rect(ir.x, ir.y, ir.width, nh), "small_bold", colour, scale=s)
    t.draw(
        surf,
        body,
        pygame.Rect(ir.x, ir.y + nh + th.sp(gap), ir.width, ir.height - nh),
        role,
        th.palette.text,
        scale=s,
    )


def hint_for(sk: str) -> str:
    return f"{SKILLS[sk].name}: {SKILLS[sk].meaning}."


def skill_hint_text(scene: PlayScene, choice) -> str:
    key = scene.focus_key if (scene.focus_key or "").startswith("skill:") else None
    if scene.hover_key and scene.hover_key.startswith("skill:"):
        key = scene.hover_key
    if key:
        return hint_for(key.split(":", 1)[1])
    if scene.skill_hint:
        return hint_for(scene.skill_hint)
    return "Point at a skill, or Tab to it, to see what it means."
