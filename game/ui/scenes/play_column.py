"""What the play screen's story column holds: the narration, the line, then the replies
(with the hint and the keys) or the chosen reply and its feedback."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.ui.scenes.common import Flow
from game.ui.scenes.play_feedback import feedback_panel
from game.ui.scenes.play_replies import ask_row, keys_line, reply_card
from game.ui.widgets import card

if TYPE_CHECKING:
    from game.ui.scenes.play import PlayScene


def build_column(scene: PlayScene, flow: Flow) -> None:
    th = scene.services.theme
    pal = th.palette
    t = scene.services.text
    s = scene.fit_scale
    beat = scene.beat
    if beat is None:
        return
    if beat.narration and scene.phase == "choose":
        h = t.height_of(beat.narration, "italic", flow.width, s)
        flow.block(
            h,
            lambda surf, r, txt=beat.narration: t.draw(
                surf, txt, r, "italic", pal.muted, scale=s
            ),
        )
        flow.gap(12)
    # the line, in a speech card
    # (after a choice it steps back: smaller and quieter, the feedback leads)
    pad = th.sp(20) if scene.phase == "choose" else th.sp(14)
    role = "line" if scene.phase == "choose" else "body"
    colour = pal.text if scene.phase == "choose" else pal.muted
    line = f"\u201c{beat.line}\u201d" if beat.speaker != "narrator" else beat.line
    lh = t.height_of(line, role, flow.width - 2 * pad, s)

    def draw_line(surf, r, line=line):
        card(surf, r, scene.services)
        t.draw(surf, line, r.inflate(-2 * pad, -2 * pad), role, colour, scale=s)

    flow.block(lh + 2 * pad, draw_line)
    flow.gap(16 if scene.phase == "choose" else 10)
    if scene.phase == "choose":
        ask_row(scene, flow)
        for i, choice in enumerate(scene.shown):
            reply_card(scene, flow, i, choice)
            flow.gap(10)
        keys_line(scene, flow)
    else:
        reply_card(scene, flow, scene.decision.shown_position, scene.decision.choice, chosen=True)
        flow.gap(16)
        feedback_panel(scene, flow)

