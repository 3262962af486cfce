"""The play screen: portrait, narration, the line, numbered replies, then feedback.

After a reply is chosen, the chosen card stays, the others fade, and a feedback
panel slides in with the style (icon, colour and word), points, the
explanation, the skills used (definitions on focus or hover), the other
person's reply with their new expression, and what they were feeling. Then
Continue. Esc opens the pause menu.

Practice that teaches: after a choice, T tries another reply at the same moment
(the run becomes practice), A shows all replies; H (or the wheel turned up over
the story) shows the story so far; ? shows a hint before choosing. Only a fresh
press acts (see :mod:`game.ui.input_gate`); leaving mid-scenario keeps the place.

The parts live in their own modules: ``play_column`` (what the story column
holds), ``play_draw`` (drawing it), ``play_replies`` (the reply cards and the
hint), ``play_feedback`` (the panel after a choice), ``play_speaker`` (portrait,
name and goal), ``play_topbar`` (title and progress dots), ``play_overlays``
(notes and the Practice marker) and ``play_pause`` (the pause menu and the leave
question); :mod:`game.ui.kept_place` keeps the place.
"""

from __future__ import annotations

import logging
from datetime import datetime

import pygame

from game.core.engine import Playthrough
from game.errors import PlaythroughError
from game.history.outcome import Outcome
from game.ui.anim import Tween
from game.ui.kept_place import forget_place, keep_place
from game.ui.live_reload import LiveReloader, is_reload_key
from game.ui.scene import ACTIVATE_KEYS, Scene
from game.ui.scenes.common import Flow
from game.ui.scenes.play_column import build_column
from game.ui.scenes.play_draw import draw_play
from game.ui.scenes.play_pause import MENU, RESTART, LeaveDialog, PauseMenu
from game.ui.widgets import ScrollView, Widget, button_painter

log = logging.getLogger("firm_and_kind.ui.play")

NUMBER_KEYS = {
    pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_4: 3,
    pygame.K_KP1: 0, pygame.K_KP2: 1, pygame.K_KP3: 2, pygame.K_KP4: 3,
}  # fmt: skip

__all__ = ["NUMBER_KEYS", "PauseMenu", "PlayScene"]


class PlayScene(Scene):
    name = "play"

    def __init__(
        self,
        services,
        scenario,
        *,
        seed: int | None = None,
        live: bool = False,
        resume=None,
        start: str | None = None,
    ) -> None:
        super().__init__(services)
        self.done = False  # finished and recorded: there is no place to keep
        self.scenario = scenario
        self.fixed_seed = seed
        self.live = live
        self.reloader: LiveReloader | None = None
        self.panel_content: pygame.Rect | None = None  # the feedback panel, set by its builder
        self.fixed_continue: pygame.Rect | None = None  # Continue, when it sits below the column
        self.scroll = ScrollView()
        self.pointer: tuple[int, int] | None = None  # where the mouse last was
        self.hint_open = False
        self.problems: list = []
        self.note = ""
        self.note_left = 0.0
        if resume is None:  # start: an author's playtest from a later beat
            self._begin(Playthrough(scenario, seed, start=start))
        else:  # a kept place: the same moment, the same order of replies
            self._begin(resume[0])
            self.started_at = resume[1]

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

    def on_exit(self) -> None:
        keep_place(self)  # left mid-scenario: keep the place, quietly

    def on_close(self) -> None:
        keep_place(self)  # the window closes (or the game was asked to stop) mid-scenario

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
        self.hint_open = False
        self.focus_key = None
        self.scroll.offset = 0

    def restart(self) -> None:
        forget_place(self)
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
        self.services.window.new_moment()  # a press from before the feedback does not continue
        self.layout()

    def next_beat(self) -> None:
        if self.phase != "feedback":
            return
        if self.playthrough.finished:
            self.finish()
            return
        self._enter_moment()

    def try_another(self) -> None:
        """Back to the moment just answered, with the same replies in the same places (T).

        The run becomes practice: it is kept marked as such and never touches bests.
        """
        if self.phase != "feedback":
            return
        self.playthrough.try_another()
        self._enter_moment()

    def _enter_moment(self) -> None:
        """Show the playthrough's current beat and its replies."""
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
        self.hint_open = False
        self.focus_key = None
        self.scroll.offset = 0
        self.services.window.new_moment()  # a press from before the replies appeared never picks one
        self.layout()

    def all_replies(self) -> None:
        """Every reply of the moment just answered, the chosen one marked (A)."""
        if self.phase == "feedback" and self.decision is not None:
            self.services.nav.to_all_replies(
                self.decision.beat,
                self.decision.choice,
                self.scenario,
                back_words="Back to the feedback",
            )

    def story_so_far(self) -> None:
        """The conversation so far, over the current moment (H, or the wheel up over the story)."""
        self.services.nav.to_backlog(self.scenario, self.playthrough, self.decision)

    def toggle_hint(self) -> None:
        """Show or hide a quiet hint before choosing (?); it never changes the score."""
        if self.phase == "choose":
            self.hint_open = not self.hint_open
            self.layout()

    def finish(self) -> None:
        """Record the finished playthrough (where it finishes), then show its debrief."""
        ended_at = datetime.now().astimezone()
        self.done = True
        forget_place(self)
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
        # focus order: the replies (or Continue) first, then the smaller controls
        firsts = ("reply:", "continue")
        widgets.sort(key=lambda wdg: not wdg.key.startswith(firsts))
        self.widgets = widgets + [pause]
        if self.phase == "feedback" or self.focus_key is not None:
            self.ensure_focus("continue" if self.phase == "feedback" else None)
        # while choosing, nothing has focus until the player moves it: the first
        # Enter only shows the ring on reply 1 (its place is shuffled), it never picks
        self.services.window.dirty = True

    def _build_column(self, flow: Flow) -> None:
        build_column(self, flow)

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
            self.services.nav.open_dialog(LeaveDialog(self.services), self.leave)

    def leave(self, sure: bool | None) -> None:
        """The answer to "Leave this scenario?": leave (the place is kept on exit) or stay."""
        if sure:
            self.services.nav.to_menu(or_title=True)

    def back(self) -> None:
        self.pause()

    def handle_key(self, event) -> bool:
        if self.reloader is not None and is_reload_key(event):
            self.reloader.reload()
            self.services.window.dirty = True
            return True
        if not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META):
            action = self._letter_action(event)
            if action is not None:
                self.services.window.keyboard_mode = True
                action()
                return True
        if event.key in ACTIVATE_KEYS and self.phase == "choose" and self.focused is None:
            self.services.window.keyboard_mode = True
            self.move_focus(1)  # show where focus is first; choosing takes another press
            return True
        if event.key in NUMBER_KEYS and self.phase == "choose":
            if not self.services.window.keyboard_mode:
                self.services.window.keyboard_mode = True
            idx = NUMBER_KEYS[event.key]
            if idx < len(self.shown):
                self.choose(idx)
            return True
        return super().handle_key(event)

    def _letter_action(self, event):
        """The action of T, A, H or ? in this phase, or None."""
        if event.key == pygame.K_h:
            return self.story_so_far
        if self.phase == "feedback":
            return {pygame.K_t: self.try_another, pygame.K_a: self.all_replies}.get(event.key)
        if event.unicode == "?" or event.key == pygame.K_QUESTION or (
            event.key == pygame.K_SLASH and event.mod & pygame.KMOD_SHIFT
        ):
            return self.toggle_hint
        return None

    def handle(self, event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            self.pointer = event.pos
        # the wheel turned up over the story, already at its top, opens the story so far
        if (
            event.type == pygame.MOUSEWHEEL
            and event.y > 0
            and self.scroll.offset == 0
            and self._over_story()
        ):
            self.story_so_far()
            return True
        return super().handle(event)

    def _over_story(self) -> bool:
        pos = self.pointer
        return pos is None or pos[1] > self.topbar.bottom

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
        draw_play(self, surface)

    @property
    def shown_choices(self):
        return self.shown
