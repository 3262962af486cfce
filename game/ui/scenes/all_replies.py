"""All replies of one moment: each with its style label, points, feedback and reaction.

``nav.to_all_replies(beat, chosen, speaker="Sam")``: ``beat`` is the moment
(a :class:`game.core.model.Beat`), ``chosen`` the reply the player chose there
(or None), ``speaker`` the name of who spoke (for the reactions). The reply
you chose comes first, then the others in the order the scenario lists them,
so you compare your reply with every other one rather than learn a key.

Used by the debrief and the review of an earlier attempt (and open to the play
screen): the same list everywhere.
"""

from __future__ import annotations

import pygame

from game.core.model import Beat, Choice
from game.ui.scenes.common import Flow, FooterButton, Page
from game.ui.widgets import badge_rect, card, mix, style_badge, style_colour


def points_text(points: int) -> str:
    return f"+{points} point{'' if points == 1 else 's'}"


class AllRepliesScene(Page):
    name = "all-replies"
    title = "All replies"
    max_body_width = 860
    default_focus = "done"

    def __init__(
        self, services, beat: Beat, chosen: Choice | None = None, *, speaker: str = ""
    ) -> None:
        super().__init__(services)
        self.beat = beat
        self.chosen = chosen
        self.speaker = speaker

    def subtitle(self) -> str:
        return "Every reply of this moment, and how each one landed"

    @property
    def ordered(self) -> list[Choice]:
        """The chosen reply first, then the rest in the scenario's order."""
        rest = [c for c in self.beat.choices if c != self.chosen]
        return ([self.chosen] if self.chosen is not None else []) + rest

    def footer(self):
        return [FooterButton("done", "Back", self.back, "primary")]

    def build(self, flow: Flow) -> None:
        th, ui = self.services.theme, self.services
        pal = th.palette
        pad = th.sp(24)
        inner = flow.width - 2 * pad
        who = f"{self.speaker} said" if self.speaker else "They said"
        line = f"\u201c{self.beat.line}\u201d"
        lh = ui.text.line_height("small_bold")
        line_h = ui.text.height_of(line, "line", inner)

        def draw_moment(surface, rect):
            card(surface, rect, ui, raised=False, fill=pal.soft, border=False)
            ui.text.draw(
                surface, who, pygame.Rect(rect.x + pad, rect.y + pad, inner, lh), "small_bold",
                pal.muted,
            )  # fmt: skip
            ui.text.draw(
                surface, line, pygame.Rect(rect.x + pad, rect.y + pad + lh + th.sp(4), inner, line_h),
                "line",
            )  # fmt: skip

        flow.block(2 * pad + lh + th.sp(4) + line_h, draw_moment)
        for i, choice in enumerate(self.ordered):
            flow.gap(16)
            if i == 0 and self.chosen is not None:
                flow.text("Your reply", "subheading", pal.muted)
                flow.gap(8)
            elif i == (1 if self.chosen is not None else 0):
                flow.text("The other replies", "subheading", pal.muted)
                flow.gap(8)
            self.reply_card(flow, choice)

    def reply_card(self, flow: Flow, choice: Choice) -> None:
        th, ui = self.services.theme, self.services
        pal = th.palette
        pad = th.sp(20)
        inner = flow.width - 2 * pad - th.sp(6)
        label = choice.label
        col = style_colour(pal, label)
        text = f"\u201c{choice.text}\u201d"
        badge_h = badge_rect((0, 0), label, ui).height
        text_h = ui.text.height_of(text, "line", inner)
        fb_h = ui.text.height_of(choice.feedback, "body", inner) if choice.feedback else 0
        who = self.speaker or "They"
        reaction = f"{who}: \u201c{choice.reply}\u201d" if choice.reply else ""
        re_h = ui.text.height_of(reaction, "body", inner) if reaction else 0
        height = pad + badge_h + th.sp(10) + text_h
        height += (th.sp(10) + fb_h if fb_h else 0) + (th.sp(10) + re_h if re_h else 0) + pad
        mine = choice is self.chosen

        def draw(surface, rect):
            card(
                surface, rect, ui, raised=mine, stripe=col,
                border=mix(pal.card, col, 0.5) if mine else None,
            )  # fmt: skip
            x, y = rect.x + pad + th.sp(6), rect.y + pad
            b = style_badge(surface, (x, y), label, ui)
            ui.text.draw_line(
                surface, points_text(choice.points), (b.right + th.sp(12), b.centery), "body_bold",
                pal.text, anchor="midleft", container=rect,
            )  # fmt: skip
            y += badge_h + th.sp(10)
            ui.text.draw(surface, text, pygame.Rect(x, y, inner, text_h), "line")
            y += text_h
            if fb_h:
                y += th.sp(10)
                ui.text.draw(surface, choice.feedback, pygame.Rect(x, y, inner, fb_h), "body")
                y += fb_h
            if re_h:
                y += th.sp(10)
                ui.text.draw(surface, reaction, pygame.Rect(x, y, inner, re_h), "body", pal.muted)

        flow.block(height, draw)
