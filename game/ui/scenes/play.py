"""The play screen: portrait, narration, the line, numbered replies, then feedback.

After a reply is chosen, the chosen card stays, the others fade, and a feedback
panel slides in with the style (icon, colour and word), points, the
explanation, the skills used (definitions on focus or hover), the other
person's reply with their new expression, and what they were feeling. Then
Continue. Esc opens the pause menu.
"""

from __future__ import annotations

import logging
from datetime import datetime

import pygame

from game.core.engine import Playthrough
from game.core.vocab import SKILLS
from game.ui.anim import Tween
from game.ui.scene import Scene
from game.ui.scenes.common import Dialog, Flow, FooterButton
from game.ui.widgets import (
    ScrollView,
    Widget,
    WidgetState,
    badge_rect,
    button_painter,
    card,
    chip_painter,
    chip_rect,
    fade_surface,
    focus_ring,
    mix,
    shadow,
    style_badge,
)

log = logging.getLogger("firm_and_kind.ui.play")

NUMBER_KEYS = {
    pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_4: 3,
    pygame.K_KP1: 0, pygame.K_KP2: 1, pygame.K_KP3: 2, pygame.K_KP4: 3,
}  # fmt: skip


def remaining_decisions(scenario, node_id: str) -> int:
    """The most decisions still possible from ``node_id``."""
    memo: dict[str, int] = {}

    def depth(n: str) -> int:
        if scenario.is_ending(n):
            return 0
        if n not in memo:
            memo[n] = 1 + max(depth(c.next) for c in scenario.beats[n].choices)
        return memo[n]

    return depth(node_id)


class PauseMenu(Dialog):
    name = "pause"
    heading = "Paused"
    width = 460

    def __init__(self, app, play: PlayScene) -> None:
        super().__init__(app)
        self.play = play

    def buttons(self):
        return [
            FooterButton("resume", "Resume", self.back, "primary"),
            FooterButton("restart", "Restart this scenario", self.restart, "secondary"),
            FooterButton("menu", "Quit to menu", self.to_menu, "secondary"),
        ]

    def restart(self) -> None:
        self.app.stack.pop()
        self.play.restart()

    def to_menu(self) -> None:
        from game.ui.scenes.browser import BrowserScene
        from game.ui.scenes.title import TitleScene

        self.app.stack.pop()
        self.app.stack.pop()  # the play scene
        if not isinstance(self.app.stack.top, (BrowserScene, TitleScene)):
            self.app.stack.pop_to(TitleScene)


class PlayScene(Scene):
    name = "play"

    def __init__(self, app, scenario, *, seed: int | None = None, live: bool = False) -> None:
        super().__init__(app)
        self.scenario = scenario
        self.fixed_seed = seed
        self.live = live
        self.reloader = None
        self.scroll = ScrollView()
        self.problems: list = []
        self.note = ""
        self.note_left = 0.0
        self._begin(Playthrough(scenario, seed))

    # -- live reload hooks -------------------------------------------------------
    @property
    def scenario_path(self):
        return self.scenario.path

    def replace_scenario(self, new_scenario) -> None:
        """Swap in a reloaded scenario: keep the current beat if it still exists."""
        old = self.playthrough
        target = self.beat.id if self.beat is not None else None
        p = Playthrough(new_scenario, old.seed)
        try:
            for d in old.decisions[: len(old.decisions) - (1 if self.phase == "feedback" else 0)]:
                beat = p.beat
                if beat is None or beat.id != d.beat.id:
                    raise LookupError
                pos = next(i for i, c in enumerate(p.choices) if c.index == d.choice.index)
                p.choose(pos)
            if target is None or p.beat is None or p.beat.id != target:
                raise LookupError
        except (LookupError, StopIteration, Exception):  # noqa: BLE001 - fall back to the start
            p = Playthrough(new_scenario, old.seed)
        self.scenario = new_scenario
        self.problems = []
        self._begin(p, keep_started=True)
        self.show_note("Reloaded")
        self.layout()

    def show_problems(self, problems) -> None:
        self.problems = list(problems)
        self.app.dirty = True

    def show_note(self, text: str) -> None:
        self.note = text
        self.note_left = 2.5

    def on_enter(self) -> None:
        super().on_enter()
        if self.live and self.reloader is None and self.scenario.path is not None:
            try:
                from game.ui.live_reload import LiveReloader

                self.reloader = LiveReloader.for_play_scene(self)
            except Exception:  # noqa: BLE001 - live reload is for authors; play on without it
                log.warning("live reload is not available", exc_info=True)

    # -- state -----------------------------------------------------------------
    def _begin(self, playthrough: Playthrough, *, keep_started: bool = False) -> None:
        self.playthrough = playthrough
        if not keep_started or not hasattr(self, "started_at"):
            self.started_at = datetime.now().astimezone()
        self.phase = "choose"
        self.decision = None
        self.beat = playthrough.beat
        self.shown = playthrough.choices
        self.mood = self.beat.mood if self.beat else "neutral"
        self.old_mood = self.mood
        self.mood_tween = Tween(0.2, enabled=False)
        self.enter_tween = Tween(0.2, enabled=self.app.motion)
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
        self.app.sound("chime" if decision.choice.style == "assertive" else "tone")
        new_mood = decision.choice.reply_mood or self.beat.mood
        if new_mood != self.mood:
            self.old_mood, self.mood = self.mood, new_mood
            self.mood_tween = Tween(0.2, enabled=self.app.motion)
        self.fb_tween = Tween(0.2, enabled=self.app.motion, delay=0.08)
        self.chosen_from = self.old_rects.get(position)
        self.scroll.offset = 0
        self.focus_key = "continue"
        self.layout()

    def next_beat(self) -> None:
        if self.phase != "feedback":
            return
        if self.playthrough.finished:
            from game.ui.scenes.debrief import DebriefScene

            self.app.stack.replace(
                DebriefScene(
                    self.app,
                    self.playthrough,
                    started_at=self.started_at,
                    ended_at=datetime.now().astimezone(),
                    live=self.live,
                )
            )
            return
        p = self.playthrough
        self.phase = "choose"
        self.decision = None
        self.beat = p.beat
        self.shown = p.choices
        new_mood = self.beat.mood
        if new_mood != self.mood:
            self.old_mood, self.mood = self.mood, new_mood
            self.mood_tween = Tween(0.2, enabled=self.app.motion)
        self.enter_tween = Tween(0.2, enabled=self.app.motion)
        self.skill_hint = ""
        self.focus_key = None
        self.scroll.offset = 0
        self.layout()

    def _reply_widgets(self) -> list[Widget]:
        return [w for w in self.widgets if w.key.startswith("reply:")]

    # -- layout ------------------------------------------------------------------
    def layout(self) -> None:
        th = self.app.theme
        t = self.app.text
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
            button_painter(self.app, "Pause", "quiet", icon="pause"),
            self.pause,
        )
        # the column on the right, fitted: shrink text one step before scrolling
        # (in feedback, when the panel is too tall, Continue moves out of the
        # scrolling column to a fixed place below it, so the mouse always finds it)
        steps = (1.0, 0.92, 0.85) if self.phase == "choose" else (1.0,)
        self.fixed_continue = None
        for step in steps:
            self.step = step
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
            and not self.app.keyboard_mode
            and self.focus_key
            and self.focus_key.startswith("reply:")
        ):
            pass
        self.app.dirty = True

    def _build_column(self, flow: Flow) -> None:
        th = self.app.theme
        pal = th.palette
        t = self.app.text
        s = self.step
        beat = self.beat
        if beat is None:
            return
        if beat.narration and self.phase == "choose":
            h = t.height_of(beat.narration, "italic", flow.width, s)
            flow.block(
                h,
                lambda surf, r, txt=beat.narration: t.draw(
                    surf, txt, r, "italic", pal.muted, step=s
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
            card(surf, r, self.app)
            t.draw(surf, line, r.inflate(-2 * pad, -2 * pad), role, colour, step=s)

        flow.block(lh + 2 * pad, draw_line)
        flow.gap(16 if self.phase == "choose" else 10)
        if self.phase == "choose":
            label = "How do you answer?"
            flow.text(label, "small_bold", pal.muted)
            flow.gap(8)
            for i, choice in enumerate(self.shown):
                self._reply_card(flow, i, choice)
                flow.gap(10)
        else:
            self._reply_card(flow, self.decision.shown_position, self.decision.choice, chosen=True)
            flow.gap(16)
            self._feedback(flow)

    def _reply_card(self, flow: Flow, i: int, choice, *, chosen: bool = False) -> None:
        th = self.app.theme
        t = self.app.text
        s = self.step
        pad = th.sp(16)
        num = t.line_height("body_bold", s) + th.sp(6)
        inner = flow.width - 2 * pad - num - th.sp(14)
        h = max(num, t.height_of(choice.text, "body", inner, s)) + 2 * pad
        r = pygame.Rect(flow.x, flow.y, flow.width, h)
        style_col = self.app.theme.palette.styles[choice.style]

        def paint(surf, rect, st: WidgetState, choice=choice, i=i):
            pal = self.app.theme.palette
            if chosen:
                card(
                    surf,
                    rect,
                    self.app,
                    fill=mix(pal.card, style_col, 0.06),
                    border=style_col,
                    width=2,
                )
            else:
                card(
                    surf,
                    rect,
                    self.app,
                    fill=pal.hover if st.hovered else pal.card,
                    border=pal.accent if st.hovered else pal.line,
                )
            nb = pygame.Rect(rect.x + pad, rect.y + pad, num, num)
            pygame.draw.rect(surf, style_col if chosen else pal.soft, nb, border_radius=num // 3)
            t.draw_line(
                surf,
                str(i + 1),
                nb.center,
                "body_bold",
                pal.card if chosen else pal.accent,
                anchor="center",
                container=nb,
                step=s,
            )
            tr = pygame.Rect(nb.right + th.sp(14), rect.y + pad, inner, rect.height - 2 * pad)
            t.draw(surf, choice.text, tr, "body", pal.text, step=s)
            if st.ring and not chosen:
                focus_ring(surf, rect, self.app)

        flow.widget(
            Widget(
                f"reply:{i + 1}" if not chosen else "chosen",
                r,
                paint,
                on_activate=(lambda i=i: self.choose(i)) if not chosen else None,
                focusable=not chosen,
            )
        )

    def _feedback(self, flow: Flow) -> None:
        th = self.app.theme
        pal = th.palette
        t = self.app.text
        s = self.step
        d = self.decision
        choice = d.choice
        pad = th.sp(20)
        inner_x = flow.x + pad + th.sp(6)
        inner_w = flow.width - 2 * pad - th.sp(6)
        top = flow.y
        y = top + pad
        items: list = []  # (kind, rect, payload)
        br = badge_rect((inner_x, y), choice.style, self.app)
        items.append(("badge", br, choice.style))
        pts = f"+{choice.points} point{'s' if choice.points != 1 else ''}"
        pr = pygame.Rect(br.right + th.sp(12), br.y, t.width_of(pts, "body_bold", s), br.height)
        items.append(("points", pr, pts))
        if not d.was_best:
            hint = "There is a stronger reply here."
            hr = pygame.Rect(
                pr.right + th.sp(12),
                br.y,
                max(0, inner_x + inner_w - pr.right - th.sp(12)),
                br.height,
            )
            if t.width_of(hint, "small", s) <= hr.width:
                items.append(("hint", hr, hint))
        y = br.bottom + th.sp(12)
        fh = t.height_of(choice.feedback, "body", inner_w, s)
        items.append(("text", pygame.Rect(inner_x, y, inner_w, fh), choice.feedback))
        y += fh + th.sp(12)
        chips: list[Widget] = []
        if choice.skills:
            label = "Skills used:"
            ch0 = chip_rect((0, 0), choice.skills[0], self.app).height
            lw = t.width_of(label, "small_bold", s)
            lr = pygame.Rect(inner_x, y, lw, ch0)
            items.append(("label", lr, label))
            x = inner_x + lw + th.sp(10)
            for sk in choice.skills:
                cr = chip_rect((x, y), sk, self.app)
                if cr.right > inner_x + inner_w and x > inner_x:
                    x = inner_x
                    y += cr.height + th.sp(8)
                    cr = chip_rect((x, y), sk, self.app)
                chips.append(
                    Widget(
                        f"skill:{sk}",
                        cr,
                        chip_painter(self.app, sk),
                        on_activate=lambda sk=sk: self._show_skill(sk),
                        tooltip=SKILLS[sk].meaning,
                    )
                )
                x = cr.right + th.sp(8)
            y = chips[-1].rect.bottom + th.sp(8)
            hint_text = self._skill_hint_text(choice)
            hh = t.height_of(hint_text, "small", inner_w, s)
            # reserve room for the longest definition so nothing jumps
            longest = max(
                (self._hint_for(sk) for sk in choice.skills),
                key=lambda x: t.height_of(x, "small", inner_w, s),
            )
            hh = max(hh, t.height_of(longest, "small", inner_w, s))
            items.append(("skillhint", pygame.Rect(inner_x, y, inner_w, hh), None))
            y += hh + th.sp(12)
        speaker = self.speaker
        if choice.reply:
            rtext = f"\u201c{choice.reply}\u201d"
            name_h = t.line_height("small_bold", s)
            rh = t.height_of(rtext, "line", inner_w - th.sp(32), s)
            rr = pygame.Rect(inner_x, y, inner_w, name_h + th.sp(6) + rh + th.sp(24))
            items.append(("reply", rr, (speaker.name, rtext, name_h)))
            y = rr.bottom + th.sp(12)
        if self.beat.thought:
            ttext = self.beat.thought
            label = (
                f"What {speaker.name} was feeling"
                if self.beat.speaker != "narrator"
                else "Underneath"
            )
            lh_ = t.line_height("small_bold", s)
            th_ = t.height_of(ttext, "italic", inner_w - th.sp(32), s)
            tr = pygame.Rect(inner_x, y, inner_w, lh_ + th.sp(4) + th_ + th.sp(24))
            items.append(("thought", tr, (label, ttext, lh_)))
            y = tr.bottom + th.sp(12)
        y += th.sp(4)
        label = "See how it went" if self.playthrough.finished else "Continue"
        bh = t.line_height("body_bold") + th.sp(24)
        bw = max(th.sp(200), t.width_of(label, "body_bold") + th.sp(64))
        cont = Widget(
            "continue",
            pygame.Rect(inner_x + inner_w - bw, y, bw, bh),
            button_painter(self.app, label, "primary"),
            self.next_beat,
        )
        if getattr(self, "fixed_continue", None) is None:
            y += bh + pad
        else:
            y += pad - th.sp(16)
        panel = pygame.Rect(flow.x, top, flow.width, y - top)
        style_col = pal.styles[choice.style]

        def draw_panel(surf, rect):
            dy = rect.y - panel.y
            pal = self.app.theme.palette
            card(surf, rect, self.app)
            stripe = pygame.Rect(rect.x, rect.y, th.sp(6), rect.height)
            pygame.draw.rect(
                surf,
                style_col,
                stripe,
                border_top_left_radius=th.radius,
                border_bottom_left_radius=th.radius,
            )
            for kind, r0, payload in items:
                r = r0.move(0, dy)
                if kind == "badge":
                    style_badge(surf, r.topleft, payload, self.app)
                elif kind == "points":
                    t.draw_line(
                        surf,
                        payload,
                        (r.x, r.centery),
                        "body_bold",
                        pal.text,
                        anchor="midleft",
                        container=r,
                        step=s,
                    )
                elif kind == "hint":
                    t.draw_line(
                        surf,
                        payload,
                        (r.x, r.centery),
                        "small",
                        pal.muted,
                        anchor="midleft",
                        container=r,
                        step=s,
                    )
                elif kind == "text":
                    t.draw(surf, payload, r, "body", pal.text, step=s)
                elif kind == "label":
                    t.draw_line(
                        surf,
                        payload,
                        (r.x, r.centery),
                        "small_bold",
                        pal.muted,
                        anchor="midleft",
                        container=r,
                        step=s,
                    )
                elif kind == "skillhint":
                    t.draw(surf, self._skill_hint_text(choice), r, "small", pal.muted, step=s)
                elif kind == "reply":
                    name, rtext, nh = payload
                    pygame.draw.rect(surf, pal.soft, r, border_radius=th.sp(10))
                    ir = r.inflate(-th.sp(32), -th.sp(24))
                    t.draw(
                        surf,
                        f"{name} replies",
                        pygame.Rect(ir.x, ir.y, ir.width, nh),
                        "small_bold",
                        pal.muted,
                        step=s,
                    )
                    t.draw(
                        surf,
                        rtext,
                        pygame.Rect(ir.x, ir.y + nh + th.sp(6), ir.width, ir.height - nh),
                        "line",
                        pal.text,
                        step=s,
                    )
                elif kind == "thought":
                    label_, ttext, nh = payload
                    pygame.draw.rect(
                        surf, mix(pal.soft, pal.accent, 0.08), r, border_radius=th.sp(10)
                    )
                    ir = r.inflate(-th.sp(32), -th.sp(24))
                    t.draw(
                        surf,
                        label_,
                        pygame.Rect(ir.x, ir.y, ir.width, nh),
                        "small_bold",
                        pal.accent,
                        step=s,
                    )
                    t.draw(
                        surf,
                        ttext,
                        pygame.Rect(ir.x, ir.y + nh + th.sp(4), ir.width, ir.height - nh),
                        "italic",
                        pal.text,
                        step=s,
                    )

        flow.block(panel.height, draw_panel)
        self.panel_content = panel
        for c in chips:
            flow.widget(c, advance=False)
        flow.widget(cont, advance=False)

    def _hint_for(self, sk: str) -> str:
        return f"{SKILLS[sk].name}: {SKILLS[sk].meaning}."

    def _skill_hint_text(self, choice) -> str:
        key = self.focus_key if (self.focus_key or "").startswith("skill:") else None
        if self.hover_key and self.hover_key.startswith("skill:"):
            key = self.hover_key
        if key:
            return self._hint_for(key.split(":", 1)[1])
        if self.skill_hint:
            return self._hint_for(self.skill_hint)
        return "Point at a skill, or Tab to it, to see what it means."

    def _show_skill(self, sk: str) -> None:
        self.skill_hint = sk
        self.app.dirty = True

    # -- input -------------------------------------------------------------------
    def pause(self) -> None:
        self.app.stack.push(PauseMenu(self.app, self))

    def back(self) -> None:
        self.pause()

    def handle_key(self, event) -> bool:
        if self.reloader is not None:
            from game.ui.live_reload import is_reload_key

            if is_reload_key(event):
                self.reloader.reload()
                self.app.dirty = True
                return True
        if event.key in NUMBER_KEYS and self.phase == "choose":
            if not self.app.keyboard_mode:
                self.app.keyboard_mode = True
            idx = NUMBER_KEYS[event.key]
            if idx < len(self.shown):
                self.choose(idx)
            return True
        return super().handle_key(event)

    # -- frame -------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        moving = False
        if self.reloader is not None:
            try:
                if self.reloader.update() is not None:
                    self.app.dirty = True
            except Exception:  # noqa: BLE001
                log.warning("live reload failed", exc_info=True)
                self.reloader = None
        for tw in (self.enter_tween, self.fb_tween, self.mood_tween):
            moving = tw.update(dt) or moving
        if self.note_left > 0:
            self.note_left -= dt
            moving = True
        return moving

    def draw(self, surface: pygame.Surface) -> None:
        th = self.app.theme
        pal = th.palette
        t = self.app.text
        surface.fill(pal.bg)
        self._draw_topbar(surface)
        self._draw_portrait(surface)
        vp = self.scroll.viewport
        t.push_clip(surface, vp)
        enter = self.enter_tween.value
        fb = self.fb_tween.value
        slide = int((1 - enter) * th.sp(12))
        for b in self.blocks:
            r = self.scroll.to_screen(b.rect).move(0, slide)
            is_panel = (
                self.phase == "feedback"
                and getattr(self, "panel_content", None) is not None
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
        # the other replies fade away where they were
        if self.phase == "feedback" and fb < 1 and self.old_rects:
            for i, r in self.old_rects.items():
                if self.decision is not None and i == self.decision.shown_position:
                    continue
                choice = self.shown[i] if i < len(self.shown) else None
                if choice is None:
                    continue
                card(surface, r, self.app, raised=False)
                t_inner = r.inflate(-th.sp(32), -th.sp(32))
                self.app.text.record, rec = None, self.app.text.record  # a ghost, not layout
                t.draw(surface, choice.text, t_inner, "body", pal.muted, step=self.step)
                self.app.text.record = rec
                fade_surface(surface, r.inflate(12, 12), pal.bg, int(fb * 255))
        if enter < 1:
            fade_surface(surface, vp, pal.bg, int((1 - enter) * 200))
        t.pop_clip(surface)
        self.scroll.draw_bar(surface, self.app)
        for w in self.widgets:
            if w.content_rect is None:
                self.draw_widget(surface, w)
        if self.problems:
            self._draw_problems(surface)
        if self.note_left > 0 and self.note:
            # a small pill under the top bar ("Reloaded")
            tw = t.width_of(self.note, "small_bold")
            pill = pygame.Rect(0, 0, tw + th.sp(32), t.line_height("small_bold") + th.sp(10))
            pill.midtop = (surface.get_width() // 2, self.topbar.bottom + th.sp(8))
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

    def _draw_topbar(self, surface: pygame.Surface) -> None:
        th = self.app.theme
        pal = th.palette
        t = self.app.text
        w = surface.get_width()
        tb = self.topbar
        pygame.draw.line(surface, pal.line, (0, tb.bottom), (w, tb.bottom))
        # progress dots
        p = self.playthrough
        done = len(p.decisions)
        current_node = p.node_id
        remaining = remaining_decisions(self.scenario, current_node)
        total = done + remaining
        current = done - 1 if self.phase == "feedback" else done
        r = max(4, th.sp(6))
        gap = r * 3
        dots_w = total * 2 * r + (total - 1) * (gap - 2 * r) if total else 0
        cx = w // 2 - dots_w // 2 + r
        for i in range(total):
            c = (cx + i * gap, tb.centery)
            if i < current or (i == current and self.phase == "feedback"):
                pygame.draw.circle(surface, pal.accent, c, r)
            elif i == current:
                pygame.draw.circle(surface, pal.accent, c, r + 2, width=2)
                pygame.draw.circle(surface, mix(pal.bg, pal.accent, 0.35), c, r - 2)
            else:
                pygame.draw.circle(surface, pal.line, c, r)
        step_text = f"{min(current + 1, total)} of {total}"
        dots_right = cx + (total - 1) * gap + r if total else w // 2
        sr = t.draw_line(
            surface,
            step_text,
            (dots_right + th.sp(16), tb.centery),
            "small",
            pal.muted,
            anchor="midleft",
        )
        del sr
        # title on the left, kept clear of the dots
        margin = th.sp(40)
        dots_left = w // 2 - dots_w // 2
        room = dots_left - margin - th.sp(24)
        title = t.shorten(self.scenario.title, "subheading", room)
        t.draw_line(
            surface,
            title,
            (margin, tb.centery),
            "subheading",
            pal.text,
            anchor="midleft",
            container=pygame.Rect(margin, tb.y, room, tb.height),
        )

    def _draw_portrait(self, surface: pygame.Surface) -> None:
        th = self.app.theme
        pal = th.palette
        t = self.app.text
        if self.beat is None:
            return
        ch = self.speaker
        L = self.left
        name_h = t.line_height("subheading") + t.line_height("body") + th.sp(16)
        goal_h = self._goal_height()
        size = min(L.width, L.height - name_h - th.sp(32))
        if goal_h:
            with_goal = L.height - name_h - th.sp(40) - goal_h
            if with_goal >= int(L.width * 0.62):
                size = min(size, with_goal)
            else:
                goal_h = 0
        self.show_goal = bool(goal_h)
        stage = pygame.Rect(0, L.y + th.sp(8), size, size)
        stage.centerx = L.centerx
        img = self.app.portrait(ch, self.mood, size)
        pos = img.get_rect(center=stage.center)
        # drawn portraits are rounded cards of their own; give them a soft shadow
        shadow(surface, pos, int(size * 0.068 * 1.14), pal.shadow, max(2, th.sp(4)))
        mt = self.mood_tween.value
        if mt < 1 and self.old_mood != self.mood:
            old = self.app.portrait(ch, self.old_mood, size).copy()
            surface.blit(old, pos)
            new = img.copy()
            new.set_alpha(int(255 * mt))
            surface.blit(new, pos)
        else:
            surface.blit(img, pos)
        y = stage.bottom + th.sp(12)
        name = t.shorten(ch.name, "subheading", L.width)
        t.draw_line(
            surface,
            name,
            (L.centerx, y),
            "subheading",
            pal.text,
            anchor="midtop",
            container=pygame.Rect(L.x, y, L.width, name_h),
        )
        if ch.role:
            y += t.line_height("subheading")
            role = t.shorten(ch.role, "body", L.width)
            t.draw_line(
                surface,
                role,
                (L.centerx, y),
                "body",
                pal.muted,
                anchor="midtop",
                container=pygame.Rect(L.x, y, L.width, name_h),
            )
        self._draw_goal(surface, stage.bottom + th.sp(12) + name_h)

    def _goal_height(self) -> int:
        if not self.scenario.goal:
            return 0
        th = self.app.theme
        t = self.app.text
        inner = self.left.width - 2 * th.sp(16)
        return (
            2 * th.sp(16)
            + t.line_height("small_bold")
            + th.sp(4)
            + t.height_of(self.scenario.goal, "small", inner)
        )

    def _draw_goal(self, surface: pygame.Surface, top: int) -> None:
        """A quiet reminder of the goal under the portrait, when there is room for all of it."""
        goal = self.scenario.goal
        if not goal or not self.show_goal:
            return
        th = self.app.theme
        pal = th.palette
        t = self.app.text
        L = self.left
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

    def _draw_problems(self, surface: pygame.Surface) -> None:
        th = self.app.theme
        pal = th.palette
        t = self.app.text
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
        card(surface, r, self.app, fill=pal.card, border=pal.styles["aggressive"])
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
