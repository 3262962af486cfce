"""Review an earlier attempt: step through what you chose and the feedback you got.

``nav.to_review(attempt, scenario=None, attempts=None)``: ``attempt`` is a
:class:`game.history.Attempt`; ``scenario`` the current scenario if it is still
installed (used for the stronger reply and for attempts saved before the
history kept its own copy of the words); ``attempts`` the list to move between
(newest first, as :meth:`History.attempts` returns it).

Left/Right (or the Previous/Next buttons) step through the decisions; the last
step is the ending. "Earlier attempt"/"Later attempt" switch attempts.
"""

from __future__ import annotations

import pygame

from game.core.vocab import SKILLS, STYLES, display_style
from game.ui.labels import day
from game.ui.scenes.common import Flow, FooterButton, Page
from game.ui.widgets import (
    Widget,
    badge_rect,
    button_painter,
    card,
    mix,
    stars,
    style_badge,
    style_colour,
)

NOT_KEPT_CHANGED = (
    "The other replies of this moment aren't available: the scenario has changed since you "
    "played it. Above is what your history kept."
)
NOT_KEPT_GONE = (
    "The other replies of this moment aren't available: the scenario is no longer installed. "
    "Above is what your history kept."
)


class ReviewScene(Page):
    name = "review"
    max_body_width = 820
    default_focus = "next"

    def __init__(self, services, attempt, scenario=None, attempts=None) -> None:
        super().__init__(services)
        self.attempt = attempt
        self.scenario = scenario
        if attempts is None:
            attempts = services.attempts(attempt.scenario_id)
        self.attempts = list(attempts) or [attempt]
        self.step = 0

    # -- what to show -------------------------------------------------------------
    @property
    def title(self) -> str:
        name = self.scenario.title if self.scenario else self.attempt.title
        return f"Review: {name}"

    @property
    def count(self) -> int:
        return len(self.attempt.steps) + 1  # the decisions, then the ending

    def subtitle(self) -> str:
        a = self.attempt
        n = self.index_of_attempt()
        which = f"Attempt {len(self.attempts) - n} of {len(self.attempts)}"
        return f"{which} · {day(a.ended_at)} · {a.percent}% ({a.score}/{a.maximum})"

    def index_of_attempt(self) -> int:
        ids = [a.id for a in self.attempts]
        return ids.index(self.attempt.id) if self.attempt.id in ids else 0

    @property
    def same_version(self) -> bool:
        return self.scenario is not None and not self.attempt.is_older_version(
            self.scenario.content_hash
        )

    def step_words(self, i: int) -> dict:
        """Speaker, line, reply and feedback of decision ``i``, from the attempt's own copy
        (or, for attempts saved without one, from the scenario if it still has that beat)."""
        s = self.attempt.steps[i]
        words = {"speaker": s.speaker, "line": s.line, "text": s.text, "feedback": s.feedback}
        beat = self.scenario.beats.get(s.beat_id) if self.scenario else None
        choice = None
        if beat is not None:
            choice = next((c for c in beat.choices if c.index == s.choice_index), None)
        if not words["text"] and beat is not None and choice is not None:
            words = {
                "speaker": self.scenario.character(beat.speaker).name,
                "line": beat.line,
                "text": choice.text,
                "feedback": choice.feedback,
            }
        # The stronger reply, only where the scenario is the version that was played.
        stronger = None
        if self.same_version and beat is not None:
            best = beat.model_answer
            if best.points > s.points:
                stronger = best
        words["stronger"] = stronger
        # Every reply of the moment, only where the beat is the one that was played.
        same = self.same_version and beat is not None and choice is not None
        words["beat"], words["choice"] = (beat, choice) if same else (None, None)
        return words

    def open_all_replies(self, i: int) -> None:
        """Every reply of decision ``i``'s moment (only offered where the beat is unchanged)."""
        w = self.step_words(i)
        if w["beat"] is not None:
            self.services.nav.to_all_replies(w["beat"], w["choice"], self.scenario)

    def footer(self):
        last = self.step >= self.count - 1
        buttons = [
            FooterButton("prev", "Previous", lambda: self.go(-1)),
            FooterButton(
                "next",
                "Done" if last else "Next",
                self.back if last else lambda: self.go(1),
                "primary",
            ),
        ]
        if len(self.attempts) > 1:
            i = self.index_of_attempt()
            if i + 1 < len(self.attempts):
                buttons.insert(
                    0, FooterButton("earlier", "Earlier attempt", lambda: self.switch(1), "quiet")
                )
            if i > 0:
                buttons.insert(
                    0, FooterButton("later", "Later attempt", lambda: self.switch(-1), "quiet")
                )
        return buttons

    # -- actions -------------------------------------------------------------------
    def go(self, delta: int) -> None:
        self.step = max(0, min(self.count - 1, self.step + delta))
        self.scroll.offset = 0
        self.layout()

    def switch(self, delta: int) -> None:
        i = self.index_of_attempt() + delta
        if 0 <= i < len(self.attempts):
            self.attempt = self.attempts[i]
            self.step = 0
            self.scroll.offset = 0
            self.layout()

    def handle_key(self, event) -> bool:
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT) and not (event.mod & pygame.KMOD_SHIFT):
            self.go(-1 if event.key == pygame.K_LEFT else 1)
            return True
        return super().handle_key(event)

    # -- layout ------------------------------------------------------------------------
    def build(self, flow: Flow) -> None:
        th, ui = self.services.theme, self.services
        pal = th.palette
        self.build_dots(flow)
        flow.gap(16)
        if self.scenario is not None and not self.same_version:
            flow.text(
                "This attempt was played on an earlier version of the scenario.", "small", pal.muted
            )
            flow.gap(8)
        elif self.scenario is None:
            flow.text(
                "This scenario is no longer installed; its history is kept.", "small", pal.muted
            )
            flow.gap(8)
        if self.step < len(self.attempt.steps):
            self.build_step(flow, self.step)
        else:
            self.build_ending(flow)
        del ui

    def build_dots(self, flow: Flow) -> None:
        th, ui = self.services.theme, self.services
        pal = th.palette
        label = (
            f"Decision {self.step + 1} of {len(self.attempt.steps)}"
            if self.step < len(self.attempt.steps)
            else "The ending"
        )
        h = max(ui.text.line_height("body_bold"), th.sp(16))

        def draw(surface, rect):
            r = ui.text.draw_line(
                surface,
                label,
                (rect.x, rect.centery),
                "body_bold",
                pal.text,
                anchor="midleft",
                container=rect,
            )
            x = r.right + th.sp(16)
            rad = th.sp(5)
            space = rect.right - x
            n = self.count
            stepw = min(th.sp(20), space // max(1, n))
            for i in range(n):
                c = (x + rad + i * stepw, rect.centery)
                if i == self.step:
                    pygame.draw.circle(surface, pal.accent, c, rad + 1)
                elif i < len(self.attempt.steps):
                    st = self.attempt.steps[i].style
                    pygame.draw.circle(surface, pal.styles.get(st, pal.muted), c, rad - 1)
                else:
                    pygame.draw.circle(surface, pal.muted, c, rad - 1, 1)

        flow.block(h, draw)

    def build_step(self, flow: Flow, i: int) -> None:
        th, ui = self.services.theme, self.services
        pal = th.palette
        s = self.attempt.steps[i]
        w = self.step_words(i)
        pad = th.sp(24)
        inner = flow.width - 2 * pad
        # what they said
        said = f"{w['speaker']} said" if w["speaker"] else "They said"
        line = f"“{w['line']}”" if w["line"] else "(The words of this moment were not kept.)"
        lh1 = ui.text.line_height("small_bold")
        lh2 = ui.text.height_of(line, "line", inner)

        def draw_said(surface, rect, said=said, line=line):
            card(surface, rect, ui, raised=False, fill=pal.soft, border=False)
            ui.text.draw(
                surface,
                said,
                pygame.Rect(rect.x + pad, rect.y + pad, inner, lh1),
                "small_bold",
                pal.muted,
            )
            ui.text.draw(
                surface,
                line,
                pygame.Rect(rect.x + pad, rect.y + pad + lh1 + th.sp(4), inner, lh2),
                "line",
            )

        flow.block(pad + lh1 + th.sp(4) + lh2 + pad, draw_said)
        flow.gap(16)
        # what you chose, its style and points, skills, feedback
        text = w["text"] or "(The words of this reply were not kept.)"
        skills = [SKILLS[k].name for k in s.skills if k in SKILLS]
        skill_line = ("Skills: " + ", ".join(skills)) if skills else ""
        feedback = w["feedback"]
        th_ = ui.text.height_of(text, "line", inner)
        label = display_style(s.style, s.points)
        badge_h = badge_rect((0, 0), label, ui).height if s.style in STYLES else 0
        sk_h = ui.text.height_of(skill_line, "small", inner) if skill_line else 0
        fb_h = ui.text.height_of(feedback, "body", inner) if feedback else 0
        height = pad + lh1 + th.sp(4) + th_ + th.sp(12) + badge_h
        height += (th.sp(8) + sk_h if sk_h else 0) + (th.sp(12) + fb_h if fb_h else 0) + pad

        def draw_chose(surface, rect, text=text, skill_line=skill_line, feedback=feedback):
            col = style_colour(pal, label) if s.style in STYLES else pal.line
            card(surface, rect, ui, raised=False, border=mix(pal.card, col, 0.5))
            x, y = rect.x + pad, rect.y + pad
            ui.text.draw(
                surface, "You said", pygame.Rect(x, y, inner, lh1), "small_bold", pal.muted
            )
            y += lh1 + th.sp(4)
            ui.text.draw(surface, text, pygame.Rect(x, y, inner, th_), "line")
            y += th_ + th.sp(12)
            if s.style in STYLES:
                b = style_badge(surface, (x, y), label, ui)
                pts = f"+{s.points} point{'' if s.points == 1 else 's'}"
                ui.text.draw_line(
                    surface,
                    pts,
                    (b.right + th.sp(12), b.centery),
                    "body_bold",
                    pal.text,
                    anchor="midleft",
                    container=rect,
                )
                y += badge_h
            if skill_line:
                y += th.sp(8)
                ui.text.draw(
                    surface, skill_line, pygame.Rect(x, y, inner, sk_h), "small", pal.muted
                )
                y += sk_h
            if feedback:
                y += th.sp(12)
                ui.text.draw(surface, feedback, pygame.Rect(x, y, inner, fb_h), "body")

        flow.block(height, draw_chose)
        stronger = w["stronger"]
        if stronger is not None:
            flow.gap(16)
            head = "A stronger reply"
            body = f"“{stronger.text}”"
            bh = ui.text.height_of(body, "body", inner)
            sb = badge_rect((0, 0), stronger.label, ui).height

            def draw_stronger(surface, rect, body=body, head=head):
                card(surface, rect, ui, raised=False, fill=mix(pal.card, pal.accent, 0.06))
                x, y = rect.x + pad, rect.y + pad
                ui.text.draw(surface, head, pygame.Rect(x, y, inner, lh1), "small_bold", pal.muted)
                y += lh1 + th.sp(4)
                ui.text.draw(surface, body, pygame.Rect(x, y, inner, bh), "body")
                y += bh + th.sp(8)
                b = style_badge(surface, (x, y), stronger.label, ui)
                ui.text.draw_line(
                    surface,
                    f"+{stronger.points} points",
                    (b.right + th.sp(12), b.centery),
                    "body_bold",
                    pal.text,
                    anchor="midleft",
                    container=rect,
                )

            flow.block(pad + lh1 + th.sp(4) + bh + th.sp(8) + sb + pad, draw_stronger)
        self.all_replies_link(flow, i, w)

    def all_replies_link(self, flow: Flow, i: int, w: dict) -> None:
        """The "All replies" button, or a plain note of why the other replies are not shown."""
        th, ui = self.services.theme, self.services
        flow.gap(16)
        if w["beat"] is None:
            note = NOT_KEPT_GONE if self.scenario is None else NOT_KEPT_CHANGED
            flow.text(note, "small", th.palette.muted)
            return
        label = "All replies of this moment"
        bh = ui.text.line_height("body_bold") + th.sp(16)
        bw = min(flow.width, ui.text.width_of(label, "body_bold") + th.sp(48))
        flow.widget(
            Widget(
                "all-replies",
                pygame.Rect(flow.x, flow.y, bw, bh),
                button_painter(ui, label, "secondary"),
                lambda i=i: self.open_all_replies(i),
            )
        )

    def build_ending(self, flow: Flow) -> None:
        th, ui = self.services.theme, self.services
        pal = th.palette
        a = self.attempt
        pad = th.sp(24)
        inner = flow.width - 2 * pad
        ending = self.scenario.endings.get(a.ending_id) if self.scenario else None
        title = a.ending_title or (ending.title if ending else a.ending_id)
        tone = a.ending_tone or (ending.tone if ending else None)
        text = ending.text if ending is not None and self.same_version else ""
        tone_word = {
            "good": "A good ending",
            "mixed": "A mixed ending",
            "poor": "A hard ending",
        }.get(tone or "", "")
        th1 = ui.text.height_of(title, "heading", inner)
        tw_h = ui.text.line_height("small_bold") if tone_word else 0
        tx_h = ui.text.height_of(text, "body", inner) if text else 0
        score = f"{a.percent}%  ·  {a.score} of {a.maximum} points"
        sh = ui.text.line_height("subheading")
        star_size = th.sp(28)
        height = (
            pad
            + tw_h
            + th.sp(4)
            + th1
            + (th.sp(8) + tx_h if text else 0)
            + th.sp(16)
            + max(sh, star_size)
            + pad
        )

        def draw(surface, rect):
            col = pal.tones.get(tone or "", pal.line)
            card(surface, rect, ui, raised=False, border=col, width=max(2, th.sp(2)))
            x, y = rect.x + pad, rect.y + pad
            if tone_word:
                ui.text.draw(surface, tone_word, pygame.Rect(x, y, inner, tw_h), "small_bold", col)
            y += tw_h + th.sp(4)
            ui.text.draw(surface, title, pygame.Rect(x, y, inner, th1), "heading")
            y += th1
            if text:
                y += th.sp(8)
                ui.text.draw(surface, text, pygame.Rect(x, y, inner, tx_h), "body")
                y += tx_h
            y += th.sp(16)
            r = stars(
                surface,
                (x + int(star_size * 1.25) + star_size // 2, y + star_size // 2),
                a.stars,
                star_size,
                ui,
            )
            ui.text.draw_line(
                surface,
                score,
                (r.right + th.sp(16), y + star_size // 2),
                "subheading",
                pal.text,
                anchor="midleft",
                container=rect,
            )

        flow.block(height, draw)
