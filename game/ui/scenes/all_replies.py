"""All replies of one moment: every reply with its style, points, feedback and the other
person's reaction, the chosen one marked. The player learns by comparing.

Opened with ``nav.to_all_replies(beat, chosen, scenario, back_words=...)`` after a choice (key A on the
play screen) and from the debrief or a review for a past decision. Esc or "Back" returns.
``scenario`` (optional) gives the speaker's name and, with a content note, shows a
0-point reply without a grade.
"""

from __future__ import annotations

import pygame

from game.ui.scenes.common import Flow, FooterButton, Page
from game.ui.widgets import badge_rect, card, mix, style_badge


class AllRepliesScene(Page):
    name = "all-replies"
    title = "All replies"
    max_body_width = 820
    default_focus = "done"

    def __init__(self, services, beat, chosen=None, scenario=None, *, back_words="Back") -> None:
        super().__init__(services)
        self.back_words = back_words
        self.beat = beat
        self.chosen = chosen
        self.scenario = scenario
        # strongest first, so the comparison reads top to bottom; the file order breaks ties
        self.replies = sorted(beat.choices, key=lambda c: (-c.points, c.index))

    @property
    def speaker_name(self) -> str:
        if self.scenario is not None and self.beat.speaker != "narrator":
            return self.scenario.character(self.beat.speaker).name
        return ""

    def subtitle(self) -> str:
        name = self.speaker_name
        line = f"\u201c{self.beat.line}\u201d"
        return f"{name}: {line}" if name else line

    def gentle(self, choice) -> bool:
        return (
            self.scenario is not None
            and bool(self.scenario.content_warning)
            and choice.points == 0
        )

    def build(self, flow: Flow) -> None:
        pal = self.services.theme.palette
        flow.text(
            "Every reply you could have given here, strongest first. Yours is marked.",
            "small",
            pal.muted,
        )
        flow.gap(12)
        for choice in self.replies:
            self.reply_card(flow, choice)
            flow.gap(16)

    def reply_card(self, flow: Flow, choice) -> None:
        th = self.services.theme
        t = self.services.text
        pad = th.sp(20)
        inner_w = flow.width - 2 * pad - th.sp(6)
        mine = self.chosen is not None and choice == self.chosen
        gentle = self.gentle(choice)
        head_h = badge_rect((0, 0), choice.style, self.services, points=choice.points).height
        text_h = t.height_of(choice.text, "body_bold", inner_w)
        fb_h = t.height_of(choice.feedback, "body", inner_w)
        name = self.speaker_name or "They"
        reaction = f"\u201c{choice.reply}\u201d" if choice.reply else ""
        react_label = f"{name} replies" if self.speaker_name else "The reply"
        rl_h = t.line_height("small_bold")
        r_h = t.height_of(reaction, "body", inner_w - th.sp(32)) if reaction else 0
        box_h = rl_h + th.sp(4) + r_h + th.sp(24) if reaction else 0
        h = pad + head_h + th.sp(10) + text_h + th.sp(10) + fb_h
        h += (th.sp(12) + box_h if reaction else 0) + pad

        def draw(surf, rect, choice=choice):
            pal = self.services.theme.palette
            col = pal.styles.get(choice.style, pal.muted)
            fill = mix(pal.card, col, 0.06) if mine else pal.card
            card(surf, rect, self.services, fill=fill, border=col if mine else pal.line,
                 stripe=col)  # fmt: skip
            x = rect.x + pad + th.sp(6)
            y = rect.y + pad
            if gentle:
                word = choice.label.word
                b = pygame.Rect(x, y, t.width_of(word, "body_bold"), head_h)
                t.draw_line(surf, word, (b.x, b.centery), "body_bold", pal.text, anchor="midleft",
                            container=b)  # fmt: skip
                note, note_role = "Understandable", "small"
            else:
                b = style_badge(surf, (x, y), choice.style, self.services, points=choice.points)
                note = f"+{choice.points} point{'s' if choice.points != 1 else ''}"
                note_role = "body_bold"
            nr = pygame.Rect(b.right + th.sp(12), y, t.width_of(note, note_role), head_h)
            t.draw_line(surf, note, (nr.x, nr.centery), note_role,
                        pal.muted if gentle else pal.text, anchor="midleft", container=nr)  # fmt: skip
            if mine:
                yours = "Your reply"
                yw = t.width_of(yours, "small_bold")
                yr = pygame.Rect(rect.right - pad - yw - th.sp(20), y, yw + th.sp(20), head_h)
                if yr.left > nr.right + th.sp(8):
                    pygame.draw.rect(surf, col, yr, border_radius=yr.height // 2)
                    t.draw_line(surf, yours, yr.center, "small_bold", pal.card, anchor="center",
                                container=yr)  # fmt: skip
            y += head_h + th.sp(10)
            t.draw(surf, choice.text, pygame.Rect(x, y, inner_w, text_h), "body_bold", pal.text)
            y += text_h + th.sp(10)
            t.draw(surf, choice.feedback, pygame.Rect(x, y, inner_w, fb_h), "body", pal.text)
            y += fb_h + th.sp(12)
            if reaction:
                box = pygame.Rect(x, y, inner_w, box_h)
                pygame.draw.rect(surf, pal.soft, box, border_radius=th.sp(10))
                ir = box.inflate(-th.sp(32), -th.sp(24))
                t.draw(surf, react_label, pygame.Rect(ir.x, ir.y, ir.width, rl_h), "small_bold",
                       pal.muted)  # fmt: skip
                t.draw(surf, reaction, pygame.Rect(ir.x, ir.y + rl_h + th.sp(4), ir.width, r_h),
                       "body", pal.text)  # fmt: skip

        flow.block(h, draw)

    def footer(self):
        return [FooterButton("done", self.back_words, self.back, "primary")]
