"""The title screen: the game's name, and Play, Progress, Settings, About, Getting help, Quit."""

from __future__ import annotations

import math

import pygame

from game import APP_NAME
from game.ui.scene import Scene
from game.ui.scenes.common import Dialog, FooterButton
from game.ui.widgets import Widget, button_painter

TAGLINE = "Practise saying no, and asking for what you need."

FIRST_START = (
    "Here you can practise everyday conversations: saying no, setting a limit, asking for what "
    "you need. Nothing here is a test, and there is no wrong way to play.\n\n"
    "This is practice, not therapy. If things feel heavy, talking to someone you trust or a "
    "professional can help."
)


class FirstStartNote(Dialog):
    name = "first-start"
    heading = "Welcome"
    body = FIRST_START
    width = 640

    def on_enter(self) -> None:
        self.focus_key = "ok"  # Enter begins, as before; help is one Tab away
        super().on_enter()

    def buttons(self):
        return [
            FooterButton("help", "See Getting help", self.to_help, "secondary"),
            FooterButton("ok", "Let's begin", self.close, "primary"),
        ]

    def to_help(self) -> None:
        self.close()
        self.services.nav.to_help()

    def close(self) -> None:
        self.services.settings.intro_seen = True
        self.services.settings.save(self.services.paths.settings_file)
        self.dismiss()

    def back(self) -> None:
        self.close()


class TitleScene(Scene):
    name = "title"

    def on_enter(self) -> None:
        super().on_enter()
        if not self.services.settings.intro_seen:
            self.services.nav.open_dialog(FirstStartNote(self.services))

    def layout(self) -> None:
        th = self.services.theme
        w, h = th.size
        nav = self.services.nav
        items = [
            ("play", "Play", nav.to_browser, "primary"),
            ("progress", "Progress", nav.to_progress, "secondary"),
            ("settings", "Settings", nav.to_settings, "secondary"),
            ("about", "About", nav.to_about, "secondary"),
            ("help", "Getting help", nav.to_help, "secondary"),
            ("quit", "Quit", self.services.window.quit, "quiet"),
        ]
        bh = self.services.text.line_height("body_bold") + th.sp(24)
        gap = th.sp(12)
        bw = max(th.sp(300), self.services.text.width_of("Progress", "body_bold") * 3)
        title_h = (
            self.services.text.line_height("display")
            + th.sp(8)
            + self.services.text.line_height("line")
        )
        total = title_h + th.sp(48) + len(items) * bh + (len(items) - 1) * gap
        top = max(th.sp(24), (h - total) // 2)
        self.title_top = top
        y = top + title_h + th.sp(48)
        self.widgets = []
        for key, label, action, kind in items:
            r = pygame.Rect(0, y, bw, bh)
            r.centerx = w // 2
            self.widgets.append(Widget(key, r, button_painter(self.services, label, kind), action))
            y += bh + gap
        self.ensure_focus("play")

    def back(self) -> None:
        pass  # Esc on the title does nothing; Quit is one button away

    def draw(self, surface: pygame.Surface) -> None:
        th = self.services.theme
        pal = th.palette
        w, h = surface.get_size()
        surface.fill(pal.bg)
        draw_backdrop(surface, self.services)
        y = self.title_top
        self.services.text.draw_line(
            surface, APP_NAME, (w // 2, y), "display", pal.text, anchor="midtop"
        )
        y += self.services.text.line_height("display") + th.sp(8)
        self.services.text.draw_line(
            surface, TAGLINE, (w // 2, y), "line", pal.muted, anchor="midtop"
        )
        self.draw_widgets(surface)
        foot = "Arrows or Tab to move  ·  Enter to choose  ·  F11 full screen"
        self.services.text.draw_line(
            surface, foot, (w // 2, h - th.sp(20)), "small", pal.muted, anchor="midbottom"
        )


_backdrops: dict[tuple, pygame.Surface] = {}


def draw_backdrop(surface: pygame.Surface, app) -> None:
    """Two soft overlapping circles in the accent colours: quiet, warm decoration."""
    size = surface.get_size()
    key = (size, app.theme.palette.name)
    bg = _backdrops.get(key)
    if bg is None:
        pal = app.theme.palette
        bg = pygame.Surface(size, pygame.SRCALPHA)
        w, h = size
        r1 = int(min(w, h) * 0.55)
        shapes = [
            ((int(w * 0.06), int(h * 0.95)), r1, (*pal.accent, 22)),
            (
                (int(w * 0.98), int(h * 0.06)),
                int(r1 * 0.8),
                (*pal.styles["passive-aggressive"], 18),
            ),
            ((int(w * 0.9), int(h * 1.02)), int(r1 * 0.45), (*pal.accent, 14)),
        ]
        for c, r, col in shapes:
            layer = pygame.Surface(size, pygame.SRCALPHA)
            pygame.draw.circle(layer, col, c, r)
            bg.blit(layer, (0, 0))
        # a faint arc, like a horizon
        pygame.draw.arc(
            bg,
            (*pal.line, 160),
            pygame.Rect(-w * 0.2, h * 0.55, w * 1.4, h * 0.9),
            0.2,
            math.pi - 0.2,
            max(1, h // 360),
        )
        if len(_backdrops) > 8:
            _backdrops.clear()
        _backdrops[key] = bg
    surface.blit(bg, (0, 0))
