"""The left column of the play screen: the speaker's portrait, name and role, and the goal."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.widgets import shadow

if TYPE_CHECKING:
    from game.ui.scenes.play import PlayScene


def draw_speaker(scene: PlayScene, surface: pygame.Surface) -> None:
    """The left column: the speaker's portrait in the current mood, name, role and the goal."""
    th = scene.services.theme
    pal = th.palette
    t = scene.services.text
    if scene.beat is None:
        return
    ch = scene.speaker
    L = scene.left
    name_h = t.line_height("subheading") + t.line_height("body") + th.sp(16)
    goal_h = goal_height(scene)
    size = min(L.width, L.height - name_h - th.sp(32))
    if goal_h:
        with_goal = L.height - name_h - th.sp(40) - goal_h
        if with_goal >= int(L.width * 0.62):
            size = min(size, with_goal)
        else:
            goal_h = 0
    scene.show_goal = bool(goal_h)
    stage = pygame.Rect(0, L.y + th.sp(8), size, size)
    stage.centerx = L.centerx
    img = scene.services.portraits.get(ch, scene.mood, size)
    pos = img.get_rect(center=stage.center)
    # drawn portraits are rounded cards of their own; give them a soft shadow
    shadow(surface, pos, int(size * 0.068 * 1.14), pal.shadow, max(2, th.sp(4)))
    mt = scene.mood_tween.value
    if mt < 1 and scene.old_mood != scene.mood:
        old = scene.services.portraits.get(ch, scene.old_mood, size).copy()
        surface.blit(old, pos)
        new = img.copy()
        new.set_alpha(int(255 * mt))
        surface.blit(new, pos)
    else:
        surface.blit(img, pos)
    y = stage.bottom + th.sp(12)
    lines = [(ch.name, "subheading", pal.text)]
    if ch.role:
        lines.append((ch.role, "body", pal.muted))
    for text, role, colour in lines:
        t.draw_line(
            surface,
            t.shorten(text, role, L.width),
            (L.centerx, y),
            role,
            colour,
            anchor="midtop",
            container=pygame.Rect(L.x, y, L.width, name_h),
        )
        y += t.line_height(role)
    draw_goal(scene, surface, stage.bottom + th.sp(12) + name_h)


def goal_height(scene: PlayScene) -> int:
    if not scene.scenario.goal:
        return 0
    th = scene.services.theme
    t = scene.services.text
    inner = scene.left.width - 2 * th.sp(16)
    return (
        2 * th.sp(16)
        + t.line_height("small_bold")
        + th.sp(4)
        + t.height_of(scene.scenario.goal, "small", inner)
    )


def draw_goal(scene: PlayScene, surface: pygame.Surface, top: int) -> None:
    """A quiet reminder of the goal under the portrait, when there is room for all of it."""
    goal = scene.scenario.goal
    if not goal or not scene.show_goal:
        return
    th = scene.services.theme
    pal = th.palette
    t = scene.services.text
    L = scene.left
    pad = th.sp(16)
    inner = L.width - 2 * pad
    label_h = t.line_height("small_bold")
    h = 2 * pad + label_h + th.sp(4) + t.height_of(goal, "small", inner)
    r = pygame.Rect(L.x, top + th.sp(8), L.width, h)
    if r.bottom > L.bottom + 1:
        return
    pygame.draw.rect(surface, pal.soft, r, border_radius=th.sp(12))
    ir = r.inflate(-2 * pad, -2 * pad)
    t.draw(
        surface,
        "YOUR GOAL",
        pygame.Rect(ir.x, ir.y, ir.width, label_h),
        "small_bold",
        pal.accent,
    )
    t.draw(
        surface,
        goal,
        pygame.Rect(ir.x, ir.y + label_h + th.sp(4), ir.width, ir.height - label_h),
        "small",
        pal.text,
    )
