"""Scenes on a stack, and the focus/hover/click behaviour they all share.

A screen is a :class:`Scene`. It builds its widgets in :meth:`Scene.layout`
(called on entry, on resize and whenever its state changes) and draws in
:meth:`Scene.draw`. The base class handles the mouse (hover, click, wheel) and
the keyboard (Tab and arrows move focus, Enter/Space activate, Esc goes back),
so every screen works by mouse alone and by keyboard alone.

Every scene is constructed as ``SceneClass(services, ...)`` by the navigator
(:mod:`game.ui.navigation`) and gets everything through ``self.services``
(:class:`game.ui.services.Services`); nothing is global. To open another
screen a scene calls ``self.services.nav``; it never imports another scene.

Life cycle of a scene on the :class:`SceneStack`, in order:

* ``__init__`` -- built by the navigator; keep it to storing state (no layout yet).
* :meth:`Scene.on_enter` -- pushed onto the stack; lays itself out.
* :meth:`Scene.handle` / :meth:`Scene.update` / :meth:`Scene.draw` -- each frame
  while it is on top (``update`` and ``draw`` also run while it is covered).
* :meth:`Scene.on_pause` -- another scene was pushed on top of it.
* :meth:`Scene.on_resume` -- the scene above it was closed; it is on top again.
* :meth:`Scene.on_resize` -- the window changed size.
* :meth:`Scene.on_exit` -- taken off the stack for good.
* :meth:`Scene.on_close` -- the window closes with the scene still on the stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.input_gate import is_fresh
from game.ui.widgets import ScrollView, Widget, WidgetState, focus_ring

if TYPE_CHECKING:  # annotations only
    from game.ui.services import Services, Window
    from game.ui.text import TextRenderer

NEXT_KEYS = (pygame.K_DOWN, pygame.K_RIGHT)
PREV_KEYS = (pygame.K_UP, pygame.K_LEFT)
ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
# what a held key (auto-repeat) may still do: move focus and scroll, nothing else
REPEATABLE_KEYS = (
    *NEXT_KEYS, *PREV_KEYS, pygame.K_TAB,
    pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END,
)  # fmt: skip


class Scene:
    name = "scene"
    opaque = True  # False for overlays: the scene below is drawn first

    def __init__(self, services: Services) -> None:
        self.services = services
        self.widgets: list[Widget] = []
        self.focus_key: str | None = None
        self.hover_key: str | None = None
        self.pressed_key: str | None = None
        self.scroll: ScrollView | None = None

    # -- life cycle ---------------------------------------------------------------
    def on_enter(self) -> None:
        """Called once, when the scene is pushed onto the stack; lays it out."""
        self.layout()

    def on_pause(self) -> None:
        """Called when another scene (a dialog, say) is pushed on top of this one."""

    def on_resume(self) -> None:
        """Called when the scene above this one was closed and this one is on top again."""
        self.layout()

    def on_exit(self) -> None:
        """Called once, when the scene is taken off the stack for good."""

    def on_close(self) -> None:
        """Called when the window closes (or the game is asked to stop) with this scene open."""

    def on_resize(self, size: tuple[int, int]) -> None:
        """Called when the window changed size (the theme is already resized)."""
        self.layout()

    def layout(self) -> None:
        """Build ``self.widgets`` for the current size and state (entry, resize, any change)."""
        self.widgets = []

    def update(self, dt: float) -> bool:
        """Called every frame with the seconds since the last; True while something moves."""
        return False

    # -- focus ----------------------------------------------------------------
    @property
    def focusables(self) -> list[Widget]:
        return [w for w in self.widgets if w.focusable]

    @property
    def focused(self) -> Widget | None:
        for w in self.focusables:
            if w.key == self.focus_key:
                return w
        return None

    def set_focus(self, key: str | None, *, reveal: bool = True) -> None:
        self.focus_key = key
        w = self.focused
        if reveal and w is not None and w.content_rect is not None and self.scroll is not None:
            margin = self.services.theme.sp(16)
            if self.scroll.ensure_visible(w.content_rect, margin):
                self.layout()
        self.services.window.dirty = True

    def ensure_focus(self, default: str | None = None) -> None:
        keys = [w.key for w in self.focusables]
        if self.focus_key not in keys:
            if default in keys:
                self.focus_key = default
            else:
                self.focus_key = keys[0] if keys else None

    def move_focus(self, delta: int) -> None:
        ws = self.focusables
        if not ws:
            return
        keys = [w.key for w in ws]
        if self.focus_key not in keys:
            i = 0 if delta > 0 else len(ws) - 1
        else:
            i = (keys.index(self.focus_key) + delta) % len(ws)
        self.set_focus(keys[i])

    # -- input ------------------------------------------------------------------
    def widget_at(self, pos) -> Widget | None:
        for w in reversed(self.widgets):
            if not w.rect.collidepoint(pos):
                continue
            if (
                w.content_rect is not None
                and self.scroll is not None
                and not self.scroll.viewport.collidepoint(pos)
            ):
                continue
            if w.on_activate is None and w.on_click_at is None and not w.tooltip:
                continue
            return w
        return None

    def activate(self, w: Widget, pos=None) -> None:
        if pos is not None and w.on_click_at is not None:
            self.services.sound("click")
            w.on_click_at(pos)
        elif w.on_activate is not None:
            self.services.sound("click")
            w.on_activate()
        self.services.window.dirty = True

    def handle(self, event: pygame.event.Event) -> bool:
        """Called for each event while this scene is on top; True if it was used."""
        app = self.services
        if event.type == pygame.MOUSEMOTION:
            if app.window.keyboard_mode:
                app.window.keyboard_mode = False
                app.window.dirty = True
            w = self.widget_at(event.pos)
            key = w.key if w else None
            if key != self.hover_key:
                self.hover_key = key
                app.window.dirty = True
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            app.window.keyboard_mode = False
            w = self.widget_at(event.pos)
            self.pressed_key = w.key if w else None
            app.window.dirty = True
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            w = self.widget_at(event.pos)
            pressed, self.pressed_key = self.pressed_key, None
            if w is not None and w.key == pressed and is_fresh(event):
                if w.focusable:
                    self.focus_key = w.key
                self.hover_key = w.key
                self.activate(w, event.pos)
            app.window.dirty = True
            return True
        if event.type == pygame.MOUSEWHEEL:
            if self.scroll is not None and self.scroll.scroll(-event.y * app.theme.sp(48)):
                self.layout()
                self.hover_key = None
                app.window.dirty = True
            return True
        if event.type == pygame.KEYDOWN:
            if not is_fresh(event) and event.key not in REPEATABLE_KEYS:
                return True  # a held key never chooses, continues or leaves
            return self.handle_key(event)
        return False

    def handle_key(self, event: pygame.event.Event) -> bool:
        app = self.services
        app.window.keyboard_mode = True
        app.window.dirty = True  # any key may change what is shown; one frame is cheap
        w = self.focused
        if w is not None and w.on_key is not None and w.on_key(event):
            app.window.dirty = True
            return True
        k = event.key
        if k == pygame.K_TAB:
            self.move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            return True
        if k in NEXT_KEYS:
            self.move_focus(1)
            return True
        if k in PREV_KEYS:
            self.move_focus(-1)
            return True
        if k in ACTIVATE_KEYS:
            if w is None:
                self.ensure_focus()
                w = self.focused
            if w is not None:
                self.activate(w)
            return True
        if k == pygame.K_ESCAPE:
            self.back()
            return True
        if self.scroll is not None and k in (
            pygame.K_PAGEUP,
            pygame.K_PAGEDOWN,
            pygame.K_HOME,
            pygame.K_END,
        ):
            page = int(self.scroll.viewport.height * 0.85)
            delta = {
                pygame.K_PAGEUP: -page,
                pygame.K_PAGEDOWN: page,
                pygame.K_HOME: -(10**9),
                pygame.K_END: 10**9,
            }[k]
            if self.scroll.scroll(delta):
                self.layout()
            return True
        return False

    def back(self) -> None:
        """Esc and the Back button: close this scene (scenes may do something else)."""
        self.services.nav.back()

    # -- drawing ----------------------------------------------------------------
    def state_of(self, w: Widget) -> WidgetState:
        focused = w.key == self.focus_key and w.focusable
        return WidgetState(
            focused=focused,
            hovered=w.key == self.hover_key,
            pressed=w.key == self.pressed_key,
            ring=focused and self.services.window.keyboard_mode,
        )

    def draw_widget(self, surface: pygame.Surface, w: Widget) -> None:
        clipped = w.content_rect is not None and self.scroll is not None
        if clipped:
            if not w.rect.colliderect(
                self.scroll.viewport.inflate(self.services.theme.sp(24), self.services.theme.sp(24))
            ):
                return
            self.services.text.push_clip(
                surface,
                self.scroll.viewport.inflate(self.services.theme.sp(16), self.services.theme.sp(8)),
            )
        w.paint(surface, w.rect, self.state_of(w))
        if clipped:
            self.services.text.pop_clip(surface)

    def draw_widgets(self, surface: pygame.Surface, widgets=None) -> None:
        for w in self.widgets if widgets is None else widgets:
            self.draw_widget(surface, w)

    def draw(self, surface: pygame.Surface) -> None:
        """Called when a frame is drawn (scenes under a see-through dialog are drawn first)."""
        surface.fill(self.services.theme.palette.bg)
        self.draw_widgets(surface)

    def ring(self, surface: pygame.Surface, w: Widget, radius: int | None = None) -> None:
        if self.state_of(w).ring:
            focus_ring(surface, w.rect, self.services, radius)


class SceneStack:
    """The scenes of the window, the top one active. Only the navigator changes it."""

    def __init__(self, window: Window, text: TextRenderer) -> None:
        self.window = window
        self.text = text
        self.scenes: list[Scene] = []

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> Scene:
        if self.scenes:
            self.scenes[-1].on_pause()
        self.scenes.append(scene)
        scene.on_enter()
        self.window.dirty = True
        self.window.new_moment()
        return scene

    def pop(self) -> Scene | None:
        if not self.scenes:
            return None
        scene = self.scenes.pop()
        scene.on_exit()
        if self.scenes:
            self.scenes[-1].on_resume()
        else:
            self.window.quit()
        self.window.dirty = True
        self.window.new_moment()
        return scene

    def replace(self, scene: Scene) -> Scene:
        if self.scenes:
            self.scenes.pop().on_exit()
        self.scenes.append(scene)
        scene.on_enter()
        self.window.dirty = True
        self.window.new_moment()
        return scene

    def reset(self, *scenes: Scene) -> None:
        while self.scenes:
            self.scenes.pop().on_exit()
        for s in scenes:
            self.push(s)

    def pop_to(self, cls: type[Scene]) -> bool:
        """Pop until a scene of ``cls`` is on top; False (and nothing popped) if there is none."""
        if not any(isinstance(s, cls) for s in self.scenes):
            return False
        while not isinstance(self.scenes[-1], cls):
            self.scenes.pop().on_exit()
        self.scenes[-1].on_resume()
        self.window.dirty = True
        self.window.new_moment()
        return True

    def draw(self, surface: pygame.Surface) -> None:
        start = 0
        for i, s in enumerate(self.scenes):
            if s.opaque:
                start = i
        for layer, s in enumerate(self.scenes[start:]):
            self.text.layer = layer
            s.draw(surface)
        self.text.layer = 0

    def update(self, dt: float) -> bool:
        moving = False
        for s in self.scenes:
            moving = s.update(dt) or moving
        return moving
