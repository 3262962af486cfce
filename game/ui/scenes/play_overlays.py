"""What the play screen draws over everything: a live-reload note, a file's problems,
and the quiet "Practice" marker in the top bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.widgets import card, mix

if TYPE_CHECKING:
    from game.ui.scenes.play import PlayScene


def _pill_right(scene: PlayScene, surface: pygame.Surface) -> int:
    th = scene.services.theme
    pause = next((w.rect for w in scene.widgets if w.key == "pause"), None)
    return pause.left - th.sp(16) if pause else surface.get_width() - th.sp(160)


def draw_note(scene: PlayScene, surface: pygame.Surface) -> None:
    """A small pill in the top bar, beside Pause ("Reloaded"), clear of the story text."""
    th = scene.services.theme
    pal = th.palette
    t = scene.services.text
    tw = t.width_of(scene.note, "small_bold")
    pill = pygame.Rect(0, 0, tw + th.sp(32), t.line_height("small_bold") + th.sp(10))
    pill.midright = (_pill_right(scene, surface), scene.topbar.centery)
    t.layer += 40
    pygame.draw.rect(surface, pal.accent, pill, border_radius=pill.height // 2)
    t.draw_line(
        surface, scene.note, pill.center, "small_bold", pal.accent_text, anchor="center",
        container=pill,
    )  # fmt: skip
    t.layer -= 40


PRACTICE = "Practice"


def practice_marker_rect(scene: PlayScene, surface: pygame.Surface) -> pygame.Rect:
    th = scene.services.theme
    t = scene.services.text
    tw = t.width_of(PRACTICE, "small")
    pill = pygame.Rect(0, 0, tw + th.sp(24), t.line_height("small") + th.sp(6))
    pill.midright = (_pill_right(scene, surface), scene.topbar.centery)
    return pill


def draw_practice_marker(scene: PlayScene, surface: pygame.Surface) -> None:
    """A quiet outlined "Practice" pill: this run never touches the player's bests."""
    if not scene.playthrough.practice or scene.note_left > 0:
        return
    pal = scene.services.theme.palette
    t = scene.services.text
    pill = practice_marker_rect(scene, surface)
    pygame.draw.rect(surface, mix(pal.bg, pal.accent, 0.08), pill, border_radius=pill.height // 2)
    pygame.draw.rect(
        surface, mix(pal.bg, pal.accent, 0.5), pill, width=1, border_radius=pill.height // 2
    )
    t.draw_line(
        surface, PRACTICE, pill.center, "small", pal.muted, anchor="center", container=pill
    )


def draw_problems(scene: PlayScene, surface: pygame.Surface) -> None:
    """The live-reloaded file's problems, over the bottom of the screen."""
    th = scene.services.theme
    pal = th.palette
    t = scene.services.text
    w, h = surface.get_size()
    lines = [str(p) for p in scene.problems[:6]]
    if len(scene.problems) > 6:
        lines.append(f"... and {len(scene.problems) - 6} more")
    inner = w - th.sp(128)
    heights = [t.height_of(x, "small", inner) for x in lines]
    head = "The file has problems; still playing the last good version:"
    total = t.line_height("small_bold") + th.sp(8) + sum(heights) + th.sp(32)
    r = pygame.Rect(th.sp(48), h - th.sp(24) - total, w - th.sp(96), total)
    t.layer += 50
    card(surface, r, scene.services, fill=pal.card, border=pal.styles["aggressive"])
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
