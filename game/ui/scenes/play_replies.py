"""The reply cards of the play screen: numbered choices, the chosen one, and the others fading."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.model import hint_for
from game.ui.scenes.common import Flow
from game.ui.widgets import (
    Widget,
    WidgetState,
    button_painter,
    card,
    fade_surface,
    focus_ring,
    mix,
)

if TYPE_CHECKING:
    from game.ui.scenes.play import PlayScene


def ask_row(scene: PlayScene, flow: Flow) -> None:
    """ "How do you answer?" with a small Hint button (?) beside it, and the hint when open."""
    th = scene.services.theme
    pal = th.palette
    t = scene.services.text
    s = scene.fit_scale
    label = "How do you answer?"
    words = "Hide hint" if scene.hint_open else "Hint  ?"
    bh = t.line_height("body_bold") + th.sp(8)
    bw = t.width_of(words, "body_bold") + th.sp(32)
    lh = t.line_height("small_bold", s)
    row = max(lh, bh)
    flow.block(
        row,
        lambda surf, r: t.draw_line(
            surf, label, (r.x, r.centery), "small_bold", pal.muted, anchor="midleft",
            container=r, scale=s,
        ),  # fmt: skip
        width=flow.width - bw - th.sp(12),
        advance=False,
    )
    r = pygame.Rect(flow.x + flow.width - bw, flow.y + (row - bh) // 2, bw, bh)
    flow.widget(
        Widget("hint", r, button_painter(scene.services, words, "quiet"), scene.toggle_hint),
        advance=False,
    )
    flow.y += row
    flow.gap(8)
    if scene.hint_open:
        text = hint_for(scene.beat)
        pad = th.sp(14)
        h = t.height_of(text, "body", flow.width - 2 * pad - th.sp(6), s) + 2 * pad

        def draw(surf, rect, text=text):
            fill = mix(pal.soft, pal.accent, 0.06)
            pygame.draw.rect(surf, fill, rect, border_radius=th.sp(10))
            inner = rect.inflate(-2 * pad, -2 * pad).move(th.sp(3), 0)
            t.draw(surf, text, inner, "body", pal.text, scale=s)

        flow.block(h, draw)
        flow.gap(10)


KEYS_BEFORE = "1–{n}  Choose   ·   ?  Hint   ·   H  Story so far   ·   Esc  Pause"


def keys_line(scene: PlayScene, flow: Flow) -> None:
    """The keys of the moment, quietly, under the replies."""
    pal = scene.services.theme.palette
    flow.gap(2)
    flow.text(KEYS_BEFORE.format(n=len(scene.shown)), "small", pal.muted)


def reply_card(scene: PlayScene, flow: Flow, i: int, choice, *, chosen: bool = False) -> None:
    """A numbered reply card: one to choose, or the chosen one (kept after the choice)."""
    th = scene.services.theme
    t = scene.services.text
    s = scene.fit_scale
    pad = th.sp(16)
    num = t.line_height("body_bold", s) + th.sp(6)
    inner = flow.width - 2 * pad - num - th.sp(14)
    h = max(num, t.height_of(choice.text, "body", inner, s)) + 2 * pad
    r = pygame.Rect(flow.x, flow.y, flow.width, h)
    style_col = scene.services.theme.palette.styles[choice.style]

    def paint(surf, rect, st: WidgetState, choice=choice, i=i):
        pal = scene.services.theme.palette
        if chosen:
            card(
                surf,
                rect,
                scene.services,
                fill=mix(pal.card, style_col, 0.06),
                border=style_col,
                width=2,
            )
        else:
            card(
                surf,
                rect,
                scene.services,
                fill=pal.hover if st.hovered else pal.card,
                border=pal.accent if st.hovered else pal.line,
            )
        nb = pygame.Rect(rect.x + pad, rect.y + pad, num, num)
        pygame.draw.rect(surf, style_col if chosen else pal.soft, nb, border_radius=num // 3)
        t.draw_line(
            surf,
            str(i + 1),
            nb.center,
            "body_bold",
            pal.card if chosen else pal.accent,
            anchor="center",
            container=nb,
            scale=s,
        )
        tr = pygame.Rect(nb.right + th.sp(14), rect.y + pad, inner, rect.height - 2 * pad)
        t.draw(surf, choice.text, tr, "body", pal.text, scale=s)
        if st.ring and not chosen:
            focus_ring(surf, rect, scene.services)

    flow.widget(
        Widget(
            f"reply:{i + 1}" if not chosen else "chosen",
            r,
            paint,
            on_activate=(lambda i=i: scene.choose(i)) if not chosen else None,
            focusable=not chosen,
        )
    )


def draw_fading_replies(scene: PlayScene, surface: pygame.Surface, fb: float) -> None:
    """After a choice, the replies not chosen fade away where they were."""
    th = scene.services.theme
    pal = th.palette
    t = scene.services.text
    if scene.phase == "feedback" and fb < 1 and scene.old_rects:
        for i, r in scene.old_rects.items():
            if scene.decision is not None and i == scene.decision.shown_position:
                continue
            choice = scene.shown[i] if i < len(scene.shown) else None
            if choice is None:
                continue
            card(surface, r, scene.services, raised=False)
            t_inner = r.inflate(-th.sp(32), -th.sp(32))
            scene.services.text.record, rec = (
                None,
                scene.services.text.record,
            )  # a ghost, not layout
            t.draw(surface, choice.text, t_inner, "body", pal.muted, scale=scene.fit_scale)
            scene.services.text.record = rec
            fade_surface(surface, r.inflate(12, 12), pal.bg, int(fb * 255))
