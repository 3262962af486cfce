"""The play screen's problem panel: what is wrong with a live-reloaded file, over the story.

Mixed into :class:`game.ui.scenes.play.PlayScene` (authors see it while editing).
"""

from __future__ import annotations

import pygame

from game.ui.widgets import card


class PlayProblems:
    """The play screen's problem panel: what is wrong with a live-reloaded file, over the story."""

    def _draw_problems(self, surface: pygame.Surface) -> None:
        th = self.services.theme
        pal = th.palette
        t = self.services.text
        w, h = surface.get_size()
        lines = [str(p) for p in self.problems[:6]]
        if len(self.problems) > 6:
            lines.append(f"... and {len(self.problems) - 6} more")
        inner = w - th.sp(128)
        heights = [t.height_of(x, "small", inner) for x in lines]
        head = "The file has problems; still playing the last good version:"
        total = t.line_height("small_bold") + th.sp(8) + sum(heights) + th.sp(32)
        r = pygame.Rect(th.sp(48), h - th.sp(24) - total, w - th.sp(96), total)
        t.layer += 50
        card(surface, r, self.services, fill=pal.card, border=pal.styles["aggressive"])
        y = r.y + th.sp(16)
        t.draw(
            surface,
            head,
            pygame.Rect(r.x + th.sp(16), y, inner, t.line_height("small_bold")),
            "small_bold",
            pal.styles["aggressive"],
        )
        y += t.line_height("small_bold") + th.sp(8)
        for x, hh in zip(lines, heights, strict=True):
            t.draw(surface, x, pygame.Rect(r.x + th.sp(16), y, inner, hh), "small", pal.text)
            y += hh
        t.layer -= 50
