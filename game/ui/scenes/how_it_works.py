"""How it works: the styles of reply, what points and stars mean, and that it is practice.

Reached from the title ("How it works") and offered, never forced, on the
briefing of a player who has not finished a scenario yet ("New here?").
Opened with ``services.nav.to_how_it_works()``.
"""

from __future__ import annotations

import pygame

from game.core.vocab import display_style
from game.ui.scenes.common import Flow, FooterButton, Page
from game.ui.widgets import badge_rect, card, mix, stars, style_badge, style_colour

INTRO = (
    "This is practice, not a test. In each scenario someone asks something of you, and you "
    "choose how to reply. Afterwards you see what kind of reply it was and what it tends to "
    "lead to. You can try another reply at any moment, and compare every reply side by side."
)

EXAMPLE_SITUATION = "Sam asks you to cover their Saturday shift. You already have plans."

# (style, points, an example reply to Sam, what it tends to lead to)
EXAMPLES = (
    (
        "assertive", 10,
        "I can't this Saturday, I have plans. I hope you find someone.",
        "Clear and kind to both of you. Your limit is heard, and the friendship stays on "
        "an equal footing.",
    ),
    (
        "assertive", 6,
        "Oh, I'm so sorry, I really wish I could, it's just that I sort of have plans...",
        "Partly assertive: you did say no, but the pile of apologies gives Sam room to push.",
    ),
    (
        "passive", 2,
        "Um, I guess... if nobody else can.",
        "It keeps the peace for now, but your Saturday pays the price, and Sam learns to ask "
        "again.",
    ),
    (
        "aggressive", 0,
        "Seriously? Again? Find someone else for once.",
        "You get your way, at Sam's cost. Feelings get hurt and the next talk is harder.",
    ),
    (
        "passive-aggressive", 1,
        "Sure, fine. Not like I had plans or anything.",
        "A yes with a sting. Nothing is solved, and resentment builds on both sides.",
    ),
)  # fmt: skip

POINTS = (
    "Every reply earns 0 to 10 points. Assertive replies earn the most: 8 to 10, or 5 to 7 for a "
    "partly assertive one. Your score is your points out of the most you could have earned."
)
STARS = "One star at 40%, two at 70%, three at 90%. Replay any scenario whenever you like."
PRACTICE = (
    "A run where you try another reply is a practice run: it never changes your best. Scenarios "
    "with a content note talk about the safest replies instead of a score."
)


class HowItWorksScene(Page):
    name = "how-it-works"
    title = "How it works"
    max_body_width = 860
    default_focus = "done"

    def subtitle(self) -> str:
        return "The styles of reply, points and stars"

    def footer(self):
        return [FooterButton("done", "Got it", self.back, "primary")]

    def build(self, flow: Flow) -> None:
        th = self.services.theme
        pal = th.palette
        self.text_card(flow, "Practice, not a test", INTRO, fill=mix(pal.card, pal.accent, 0.07))
        flow.gap(24)
        flow.text("Five ways to reply", "heading")
        flow.gap(4)
        flow.text(EXAMPLE_SITUATION, "body", pal.muted)
        flow.gap(12)
        for style, points, example, effect in EXAMPLES:
            self.style_card(flow, style, points, example, effect)
            flow.gap(12)
        flow.gap(12)
        self.points_card(flow)
        flow.gap(16)
        self.text_card(flow, "Practice runs and content notes", PRACTICE)

    def text_card(self, flow: Flow, heading: str, body: str, *, fill=None) -> None:
        th, ui = self.services.theme, self.services
        pad = th.sp(24)
        inner = flow.width - 2 * pad
        hh = ui.text.height_of(heading, "subheading", inner)
        bh = ui.text.height_of(body, "body", inner)

        def draw(surface, rect):
            card(surface, rect, ui, raised=False, fill=fill)
            ui.text.draw(
                surface, heading, pygame.Rect(rect.x + pad, rect.y + pad, inner, hh), "subheading"
            )
            ui.text.draw(
                surface, body, pygame.Rect(rect.x + pad, rect.y + pad + hh + th.sp(8), inner, bh),
                "body",
            )  # fmt: skip

        flow.block(2 * pad + hh + th.sp(8) + bh, draw)

    def style_card(self, flow: Flow, style: str, points: int, example: str, effect: str) -> None:
        th, ui = self.services.theme, self.services
        pal = th.palette
        label = display_style(style, points)
        col = style_colour(pal, label)
        pad = th.sp(20)
        inner = flow.width - 2 * pad - th.sp(6)
        line = f"\u201c{example}\u201d"
        bh = badge_rect((0, 0), label, ui).height
        lh = ui.text.height_of(line, "line", inner)
        eh = ui.text.height_of(effect, "body", inner)

        def draw(surface, rect):
            card(surface, rect, ui, raised=False, stripe=col)
            x, y = rect.x + pad + th.sp(6), rect.y + pad
            b = style_badge(surface, (x, y), label, ui)
            ui.text.draw_line(
                surface, f"{points} point{'' if points == 1 else 's'}",
                (b.right + th.sp(12), b.centery), "small", pal.muted, anchor="midleft",
                container=rect,
            )  # fmt: skip
            y += bh + th.sp(8)
            ui.text.draw(surface, line, pygame.Rect(x, y, inner, lh), "line")
            y += lh + th.sp(6)
            ui.text.draw(surface, effect, pygame.Rect(x, y, inner, eh), "body", pal.muted)

        flow.block(2 * pad + bh + th.sp(8) + lh + th.sp(6) + eh, draw)

    def points_card(self, flow: Flow) -> None:
        th, ui = self.services.theme, self.services
        pal = th.palette
        pad = th.sp(24)
        inner = flow.width - 2 * pad
        head = "Points and stars"
        hh = ui.text.height_of(head, "subheading", inner)
        ph = ui.text.height_of(POINTS, "body", inner)
        size = th.sp(24)
        sw = int(size * 3.5) + th.sp(16)
        sh = max(size, ui.text.height_of(STARS, "body", inner - sw))

        def draw(surface, rect):
            card(surface, rect, ui, raised=False)
            x, y = rect.x + pad, rect.y + pad
            ui.text.draw(surface, head, pygame.Rect(x, y, inner, hh), "subheading")
            y += hh + th.sp(8)
            ui.text.draw(surface, POINTS, pygame.Rect(x, y, inner, ph), "body")
            y += ph + th.sp(12)
            stars(surface, (x + int(size * 1.25) + size // 2, y + size // 2), 2, size, ui)
            ui.text.draw(surface, STARS, pygame.Rect(x + sw, y, inner - sw, sh), "body", pal.muted)

        flow.block(2 * pad + hh + th.sp(8) + ph + th.sp(12) + sh, draw)
