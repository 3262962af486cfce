"""The story so far: the conversation of the current playthrough, to scroll back through.

Opened over the play screen with ``nav.to_backlog(scenario, playthrough, decision)``
(key H, or the mouse wheel turned up over the story); Esc, H or "Back to the
conversation" closes it and the current moment is exactly as it was. It shows the
narration, each line, your replies and the reactions, newest at the bottom.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.scenes.common import Flow, FooterButton, Page
from game.ui.widgets import mix


@dataclass(frozen=True)
class Entry:
    kind: str  # "narration", "line" (someone speaks), "you" (your reply), "now" (a marker)
    who: str
    text: str


def conversation(scenario, playthrough, decision=None) -> list[Entry]:
    """What happened so far, in order: each beat's narration and line, your reply, the reaction.

    ``decision`` is the reply just chosen (the play screen is showing its feedback);
    without it the current beat's line is the moment waiting for an answer.
    """

    def name_of(speaker: str) -> str:
        return "" if speaker == "narrator" else scenario.character(speaker).name

    out: list[Entry] = []

    def beat_entries(beat) -> None:
        if beat.narration:
            out.append(Entry("narration", "", beat.narration))
        out.append(Entry("line", name_of(beat.speaker), beat.line))

    for d in playthrough.decisions:
        beat_entries(d.beat)
        out.append(Entry("you", "You", d.choice.text))
        if d.choice.reply:
            out.append(Entry("line", name_of(d.beat.speaker), d.choice.reply))
    beat = playthrough.beat
    if decision is None and beat is not None:
        beat_entries(beat)
        out.append(Entry("now", "", "Now it is your turn to answer."))
    return out


class BacklogScene(Page):
    name = "backlog"
    title = "The story so far"
    max_body_width = 760
    default_focus = "done"

    def __init__(self, services, scenario, playthrough, decision=None) -> None:
        super().__init__(services)
        self.scenario = scenario
        self.entries = conversation(scenario, playthrough, decision)

    def subtitle(self) -> str:
        return self.scenario.title

    def on_enter(self) -> None:
        super().on_enter()
        self.scroll.scroll(10**9)  # the newest lines are at the bottom, where you were
        self.layout()

    def build(self, flow: Flow) -> None:
        th = self.services.theme
        t = self.services.text
        for e in self.entries:
            if e.kind == "narration":
                flow.text(e.text, "italic", th.palette.muted)
                flow.gap(12)
                continue
            if e.kind == "now":
                flow.text(e.text, "small_bold", th.palette.accent)
                flow.gap(12)
                continue
            you = e.kind == "you"
            pad = th.sp(14)
            width = int(flow.width * 0.86)
            x = flow.x + (flow.width - width if you else 0)
            words = e.text if (you or not e.who) else f"\u201c{e.text}\u201d"
            label_h = t.line_height("small_bold") if e.who else 0
            text_h = t.height_of(words, "body", width - 2 * pad)
            h = pad + label_h + (th.sp(4) if e.who else 0) + text_h + pad

            def draw(surf, rect, e=e, words=words, you=you, label_h=label_h, pad=pad):
                pal = self.services.theme.palette
                fill = mix(pal.card, pal.accent, 0.10) if you else pal.card
                pygame.draw.rect(surf, fill, rect, border_radius=th.sp(12))
                pygame.draw.rect(surf, pal.line, rect, width=1, border_radius=th.sp(12))
                ir = rect.inflate(-2 * pad, -2 * pad)
                y = ir.y
                if e.who:
                    t.draw(surf, e.who, pygame.Rect(ir.x, y, ir.width, label_h), "small_bold",
                           pal.accent if you else pal.muted)  # fmt: skip
                    y += label_h + th.sp(4)
                t.draw(surf, words, pygame.Rect(ir.x, y, ir.width, ir.bottom - y), "body",
                       pal.text)  # fmt: skip

            flow.block(h, draw, x=x, width=width)
            flow.gap(10)

    def handle_key(self, event) -> bool:
        if event.key == pygame.K_h:
            self.back()
            return True
        return super().handle_key(event)

    def footer(self):
        return [FooterButton("done", "Back to the conversation", self.back, "primary")]
