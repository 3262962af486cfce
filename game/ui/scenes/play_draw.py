"""Drawing the play screen: the top bar, the speaker, the story column with its motion
(replies sliding in, the chosen card gliding, the feedback fading in) and the overlays."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.scenes.play_overlays import draw_note, draw_practice_marker, draw_problems
from game.ui.scenes.play_replies import draw_fading_replies
from game.ui.scenes.play_speaker import draw_speaker
from game.ui.scenes.play_topbar import draw_topbar
from game.ui.widgets import fade_surface

if TYPE_CHECKING:
    from game.ui.scenes.play import PlayScene


def draw_play(scene: PlayScene, surface: pygame.Surface) -> None:
    th = scene.services.theme
    pal = th.palette
    t = scene.services.text
    surface.fill(pal.bg)
    draw_topbar(scene, surface)
    draw_speaker(scene, surface)
    vp = scene.scroll.viewport
    t.push_clip(surface, vp)
    enter = scene.enter_tween.value
    fb = scene.fb_tween.value
    slide = int((1 - enter) * th.sp(12))
    for b in scene.blocks:
        r = scene.scroll.to_screen(b.rect).move(0, slide)
        is_panel = (
            scene.phase == "feedback"
            and scene.panel_content is not None
            and b.rect == scene.panel_content
        )
        if is_panel:
            r = r.move(0, int((1 - fb) * th.sp(24)))
        b.draw(surface, r)
        if is_panel and fb < 1:
            fade_surface(surface, r.inflate(th.sp(24), th.sp(24)), pal.bg, int((1 - fb) * 255))
    for w in scene.widgets:
        if w.content_rect is None:
            continue
        if w.key == "chosen" and scene.chosen_from is not None and fb < 1:
            # the chosen card glides to its place
            target = w.rect
            src = scene.chosen_from
            w.rect = pygame.Rect(
                src.x, round(src.y + (target.y - src.y) * fb), target.width, target.height
            )
            scene.draw_widget(surface, w)
            w.rect = target
            continue
        if scene.phase == "feedback" and w.key != "chosen" and fb < 1:
            saved = w.rect
            w.rect = w.rect.move(0, int((1 - fb) * th.sp(24)))
            scene.draw_widget(surface, w)
            fade_surface(surface, w.rect.inflate(8, 8), pal.bg, int((1 - fb) * 255))
            w.rect = saved
            continue
        if slide:
            saved = w.rect
            w.rect = w.rect.move(0, slide)
            scene.draw_widget(surface, w)
            w.rect = saved
        else:
            scene.draw_widget(surface, w)
    draw_fading_replies(scene, surface, fb)
    if enter < 1:
        fade_surface(surface, vp, pal.bg, int((1 - enter) * 200))
    t.pop_clip(surface)
    scene.scroll.draw_bar(surface, scene.services)
    for w in scene.widgets:
        if w.content_rect is None:
            scene.draw_widget(surface, w)
    draw_practice_marker(scene, surface)
    if scene.problems:
        draw_problems(scene, surface)
    if scene.note_left > 0 and scene.note:
        draw_note(scene, surface)
