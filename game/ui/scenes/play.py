"""The play screen: portrait, narration, the line, numbered replies, then feedback.

After a reply is chosen, the chosen card stays, the others fade, and a feedback
panel slides in with the style (icon, colour and word), points, the
explanation, the skills used (definitions on focus or hover), the other
person's reply with their new expression, and what they were feeling. Then
Continue. Esc opens the pause menu.

The parts live in their own modules: ``play_replies`` (the reply cards),
``play_feedback`` (the panel after a choice), ``play_speaker`` (portrait, name
and goal), ``play_topbar`` (title and progress dots) and ``play_pause`` (the
pause menu).
"""

from __future__ import annotations

import logging
from datetime import datetime

import pygame

from game.core.engine import Playthrough
from game.errors import PlaythroughError
from game.history.outcome import Outcome
from game.ui.anim import Tween
from game.ui.live_reload import LiveReloader, is_reload_key
from game.ui.scene import Scene
from game.ui.scenes.common import Flow
from game.ui.scenes.play_feedback import feedback_panel
from game.ui.scenes.play_pause import MENU, RESTART, PauseMenu
from game.ui.scenes.play_problems import PlayProblems
from game.ui.scenes.play_replies import draw_fading_replies, reply_card
from game.ui.scenes.play_speaker import draw_speaker
from game.ui.scenes.play_topbar import draw_topbar
from game.ui.widgets import ScrollView, Widget, button_painter, card, fade_surface

log = logging.getLogger("firm_and_kind.ui.play")

NUMBER_KEYS = {
    pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_4: 3,
    pygame.K_KP1: 0, pygame.K_KP2: 1, pygame.K_KP3: 2, pygame.K_KP4: 3,
}  # fmt: skip

__all__ = ["NUMBER_KEYS", "PauseMenu", "PlayScene"]


class PlayScene(PlayProblems, Scene):
    name = "play"

    def __init__(
        self, services, scenario, *, seed: int | None = None, live: bool = False, start=None
    ) -> None:
        super().__init__(services)
        self.scenario = scenario
        self.fixed_seed = seed
        self.live = live
        self.reloader: LiveReloader | None = None
        self.panel_content: pygame.Rect | None = None  # the feedback panel, set by its builder
        self.fixed_continue: pygame.Rect | None = None  # Continue, when it sits below the column
        self.scroll = ScrollView()
        self.problems: list = []
        self.note = ""
        self.note_left = 0.0
        self._begin(Playthrough(scenario, seed, start=start))  # start: an author's playtest

    # -- live reload hooks -------------------------------------------------------
    @property
    def scenario_path(self):
        return self.scenario.path

    def replace_scenario(self, new_scenario) -> None:
        """Swap in a reloaded scenario: keep the current beat if it still exists."""
        old = self.playthrough
        target = self.beat.id if self.beat is not None else None
        start = (
            old.started_from if old.playtest and old.started_from in new_scenario.beats else None
        )
        p = Playthrough(new_scenario, old.seed, start=start)
        try:
            for d in old.decisions[: len(old.decisions) - (1 if self.phase == "feedback" else 0)]:
                beat = p.beat
                if beat is None or beat.id != d.beat.id:
                    raise LookupError
                pos = next((i for i, c in enumerate(p.choices) if c.index == d.choice.index), None)
                if pos is None:
                    raise LookupError
                p.choose(pos)
            if target is None or p.beat is None or p.beat.id != target:
                raise LookupError
        except (LookupError, PlaythroughError):  # the beat is gone: start again
            p = Playthrough(new_scenario, old.seed, start=start)
        self.scenario = new_scenario
        self.problems = []
        self._begin(p, keep_started=True)
        self.show_note("Reloaded")
        self.layout()

    def show_problems(self, problems) -> None:
        self.problems = list(problems)
        self.services.window.dirty = True

    def show_note(self, text: str) -> None:
        self.note = text
        self.note_left = 2.5

    def on_enter(self) -> None:
        super().on_enter()
        if self.live and self.reloader is None and self.scenario.path is not None:
            self.reloader = LiveReloader.for_play_scene(self)

    # -- state -----------------------------------------------------------------
    def _begin(self, playthrough: Playthrough, *, keep_started: bool = False) -> None:
        self.playthrough = playthrough
        if not keep_started:
            self.started_at = datetime.now().astimezone()
        self.phase = "choose"
        self.decision = None
        self.beat = playthrough.beat
        self.shown = playthrough.choices
        self.mood = self.beat.mood if self.beat else "neutral"
        self.old_mood = self.mood
        self.mood_tween = Tween(0.2, enabled=False)
        self.enter_tween = Tween(0.2, enabled=self.services.motion)
        self.fb_tween = Tween(0.2, enabled=False)
        self.old_rects: dict[int, pygame.Rect] = {}
        self.chosen_from: pygame.Rect | None = None
        self.skill_hint = ""
        self.focus_key = None
        self.scroll.offset = 0

    def restart(self) -> None:
        self._begin(self.playthrough.restart(self.fixed_seed))
        self.layout()

    @property
    def speaker(self):
        return self.scenario.character(self.beat.speaker)

    def choose(self, position: int) -> None:
        if self.phase != "choose" or not 0 <= position < len(self.shown):
            return
        self.old_rects = {i: w.rect.copy() for i, w in enumerate(self._reply_widgets())}
        decision = self.playthrough.choose(position)
        self.decision = decision
        self.phase = "feedback"
        self.services.sound("chime" if decision.choice.style == "assertive" else "tone")
        new_mood = decision.choice.reply_mood or self.beat.mood
        if new_mood != self.mood:
            self.old_mood, self.mood = self.mood, new_mood
            self.mood_tween = Tween(0.2, enabled=self.services.motion)
        self.fb_tween = Tween(0.2, enabled=self.services.motion, delay=0.08)
        self.chosen_from = self.old_rects.get(position)
        self.scroll.offset = 0
        self.focus_key = "continue"
        self.layout()

    def next_beat(self) -> None:
        if self.phase != "feedback":
            return
        if self.playthrough.finished:
            self.finish()
            return
        p = self.playthrough
        self.phase = "choose"
        self.decision = None
        self.beat = p.beat
        self.shown = p.choices
        new_mood = self.beat.mood
        if new_mood != self.mood:
            self.old_mood, self.mood = self.mood, new_mood
            self.mood_tween = Tween(0.2, enabled=self.services.motion)
        self.enter_tween = Tween(0.2, enabled=self.services.motion)
        self.skill_hint = ""
        self.focus_key = None
        self.scroll.offset = 0
        self.layout()

    def finish(self) -> None:
        """Record the finished playthrough (where it finishes), then show its debrief."""
        ended_at = datetime.now().astimezone()
        history = self.services.history
        if history is None:
            outcome = Outcome(self.playthrough)
        else:
            outcome = history.record_finished(self.playthrough, self.started_at, ended_at)
            self.services.take_history_notice()
        self.services.nav.to_debrief(outcome, live=self.live)

    def _reply_widgets(self) -> list[Widget]:
        return [w for w in self.widgets if w.key.startswith("reply:")]

    # -- layout ------------------------------------------------------------------
    def layout(self) -> None:
        th = self.services.theme
        t = self.services.text
        w, h = th.size
        margin = th.sp(40)
        self.topbar = pygame.Rect(0, 0, w, th.sp(20) * 2 + t.line_height("subheading"))
        left_w = max(th.sp(300), min(int(w * 0.32), th.sp(440)))
        self.left = pygame.Rect(
            margin,
            self.topbar.bottom + th.sp(8),
            left_w,
            h - self.topbar.bottom - th.sp(8) - margin,
        )
        right_x = self.left.right + th.sp(40)
        self.right = pygame.Rect(
            right_x,
            self.topbar.bottom + th.sp(8),
            w - margin - right_x,
            h - self.topbar.bottom - th.sp(8) - th.sp(16),
        )
        self.scroll.viewport = self.right.inflate(th.sp(16), 0)
        # pause button
        ph = t.line_height("body_bold") + th.sp(12)
        pw = t.width_of("Pause", "body_bold") + ph + th.sp(32)
        pause = Widget(
            "pause",
            pygame.Rect(w - margin - pw, self.topbar.centery - ph // 2, pw, ph),
            button_painter(self.services, "Pause", "quiet", icon="pause"),
            self.pause,
        )
        # the column on the right, fitted: shrink text one step before scrolling
        # (in feedback, when the panel is too tall, Continue moves out of the
        # scrolling column to a fixed place below it, so the mouse always finds it)
        scales = (1.0, 0.92, 0.85) if self.phase == "choose" else (1.0,)
        self.fixed_continue = None
        for scale in scales:
            self.fit_scale = scale
            flow = Flow(self, self.right.x, self.right.width - th.sp(8))
            flow.y = th.sp(8)
            self._build_column(flow)
            flow.gap(24)
            if flow.y <= self.scroll.viewport.height:
                break
        if self.phase == "feedback" and flow.y > self.scroll.viewport.height:
            bh = t.line_height("body_bold") + th.sp(24)
            band = bh + th.sp(16)
            self.scroll.viewport = pygame.Rect(
                self.scroll.viewport.x,
                self.scroll.viewport.y,
                self.scroll.viewport.width,
                self.scroll.viewport.height - band,
            )
            self.fixed_continue = pygame.Rect(0, self.scroll.viewport.bottom + th.sp(12), 0, bh)
            flow = Flow(self, self.right.x, self.right.width - th.sp(8))
            flow.y = th.sp(8)
            self._build_column(flow)
            flow.gap(16)
        self.scroll.content_height = flow.y
        self.scroll.clamp()
        self.blocks = flow.blocks
        widgets = []
        for wdg, r in flow.widgets:
            if wdg.key == "continue" and self.fixed_continue is not None:
                wdg.rect = pygame.Rect(
                    self.right.right - th.sp(8) - r.width, self.fixed_continue.y, r.width, r.height
                )
                wdg.content_rect = None
            else:
                wdg.content_rect = r
                wdg.rect = self.scroll.to_screen(r)
            widgets.append(wdg)
        self.widgets = widgets + [pause]
        self.ensure_focus("continue" if self.phase == "feedback" else None)
        if (
            self.phase == "choose"
            and not self.services.window.keyboard_mode
            and self.focus_key
            and self.focus_key.startswith("reply:")
        ):
            pass
        self.services.window.dirty = True

    def _build_column(self, flow: Flow) -> None:
        th = self.services.theme
        pal = th.palette
        t = self.services.text
        s = self.fit_scale
        beat = self.beat
        if beat is None:
            return
        if beat.narration and self.phase == "choose":
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
        pad = th.sp(20) if self.phase == "choose" else th.sp(14)
        role = "line" if self.phase == "choose" else "body"
        colour = pal.text if self.phase == "choose" else pal.muted
        line = f"\u201c{beat.line}\u201d" if beat.speaker != "narrator" else beat.line
        lh = t.height_of(line, role, flow.width - 2 * pad, s)

        def draw_line(surf, r, line=line):
            card(surf, r, self.services)
            t.draw(surf, line, r.inflate(-2 * pad, -2 * pad), role, colour, scale=s)

        flow.block(lh + 2 * pad, draw_line)
        flow.gap(16 if self.phase == "choose" else 10)
        if self.phase == "choose":
            label = "How do you answer?"
            flow.text(label, "small_bold", pal.muted)
            flow.gap(8)
            for i, choice in enumerate(self.shown):
                reply_card(self, flow, i, choice)
                flow.gap(10)
        else:
            reply_card(self, flow, self.decision.shown_position, self.decision.choice, chosen=True)
            flow.gap(16)
            feedback_panel(self, flow)

    def show_skill(self, sk: str) -> None:
        """Show what a skill means under the chips (a chip was activated)."""
        self.skill_hint = sk
        self.services.window.dirty = True

    # -- input -------------------------------------------------------------------
    def pause(self) -> None:
        self.services.nav.open_dialog(PauseMenu(self.services), self.paused)

    def paused(self, choice: str | None) -> None:
        """The pause menu's result: resume (or Esc), restart, or back to the menu."""
        if choice == RESTART:
            self.restart()
        elif choice == MENU:
            self.services.nav.to_menu(or_title=True)

    def back(self) -> None:
        self.pause()

    def handle_key(self, event) -> bool:
        if self.reloader is not None and is_reload_key(event):
            self.reloader.reload()
            self.services.window.dirty = True
            return True
        if event.key in NUMBER_KEYS and self.phase == "choose":
            if not self.services.window.keyboard_mode:
                self.services.window.keyboard_mode = True
            idx = NUMBER_KEYS[event.key]
            if idx < len(self.shown):
                self.choose(idx)
            return True
        return super().handle_key(event)

    # -- frame -------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        moving = False
        if self.reloader is not None and self.reloader.update() is not None:
            self.services.window.dirty = True
        for tw in (self.enter_tween, self.fb_tween, self.mood_tween):
            moving = tw.update(dt) or moving
        if self.note_left > 0:
            self.note_left -= dt
            moving = True
        return moving

    def draw(self, surface: pygame.Surface) -> None:
        th = self.services.theme
        pal = th.palette
        t = self.services.text
        surface.fill(pal.bg)
        draw_topbar(self, surface)
        draw_speaker(self, surface)
        vp = self.scroll.viewport
        t.push_clip(surface, vp)
        enter = self.enter_tween.value
        fb = self.fb_tween.value
        slide = int((1 - enter) * th.sp(12))
        for b in self.blocks:
            r = self.scroll.to_screen(b.rect).move(0, slide)
            is_panel = (
                self.phase == "feedback"
                and self.panel_content is not None
                and b.rect == self.panel_content
            )
            if is_panel:
                r = r.move(0, int((1 - fb) * th.sp(24)))
            b.draw(surface, r)
            if is_panel and fb < 1:
                fade_surface(surface, r.inflate(th.sp(24), th.sp(24)), pal.bg, int((1 - fb) * 255))
        for w in self.widgets:
            if w.content_rect is None:
                continue
            if w.key == "chosen" and self.chosen_from is not None and fb < 1:
                # the chosen card glides to its place
                target = w.rect
                src = self.chosen_from
                w.rect = pygame.Rect(
                    src.x, round(src.y + (target.y - src.y) * fb), target.width, target.height
                )
                self.draw_widget(surface, w)
                w.rect = target
                continue
            if self.phase == "feedback" and w.key != "chosen" and fb < 1:
                saved = w.rect
                w.rect = w.rect.move(0, int((1 - fb) * th.sp(24)))
                self.draw_widget(surface, w)
                fade_surface(surface, w.rect.inflate(8, 8), pal.bg, int((1 - fb) * 255))
                w.rect = saved
                continue
            if slide:
                saved = w.rect
                w.rect = w.rect.move(0, slide)
                self.draw_widget(surface, w)
                w.rect = saved
            else:
                self.draw_widget(surface, w)
        draw_fading_replies(self, surface, fb)
        if enter < 1:
            fade_surface(surface, vp, pal.bg, int((1 - enter) * 200))
        t.pop_clip(surface)
        self.scroll.draw_bar(surface, self.services)
        for w in self.widgets:
            if w.content_rect is None:
                self.draw_widget(surface, w)
        if self.problems:
            self._draw_problems(surface)
        if self.note_left > 0 and self.note:
            # a small pill in the top bar, beside Pause ("Reloaded"), clear of the story text
            tw = t.width_of(self.note, "small_bold")
            pill = pygame.Rect(0, 0, tw + th.sp(32), t.line_height("small_bold") + th.sp(10))
            pause = next((w.rect for w in self.widgets if w.key == "pause"), None)
            right = pause.left - th.sp(16) if pause else surface.get_width() - th.sp(160)
            pill.midright = (right, self.topbar.centery)
            t.layer += 40
            pygame.draw.rect(surface, pal.accent, pill, border_radius=pill.height // 2)
            t.draw_line(
                surface,
                self.note,
                pill.center,
                "small_bold",
                pal.accent_text,
                anchor="center",
                container=pill,
            )
            t.layer -= 40

    @property
    def shown_choices(self):
        return self.shown
