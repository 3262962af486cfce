"""A page with a header, a scrolling body and a row of buttons at the bottom.

Most screens are pages: they describe their body top to bottom with a
:class:`Flow` (blocks of drawing and widgets) and the :class:`Page` base lays
it out at the current window size, scrolls it, and draws the fixed header and
footer. Overlays (pause menu, notices) use :class:`Dialog`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.ui.blocks import Text
from game.ui.chrome import FooterButton, back_button, draw_title, footer_row
from game.ui.scene import Scene
from game.ui.widgets import ScrollView, Widget, button_painter, card

Draw = Callable[[pygame.Surface, pygame.Rect], None]


@dataclass
class Block:
    rect: pygame.Rect  # in content coordinates
    draw: Draw


class Flow:
    """Top-to-bottom layout of a page body, in content coordinates."""

    def __init__(self, scene: Page, x: int, width: int) -> None:
        self.scene = scene
        self.x = x
        self.width = width
        self.y = 0
        self.blocks: list[Block] = []
        self.widgets: list[tuple[Widget, pygame.Rect]] = []

    def gap(self, n: float) -> None:
        self.y += self.scene.services.theme.sp(n)

    def block(
        self,
        height: int,
        draw: Draw,
        *,
        x: int | None = None,
        width: int | None = None,
        advance: bool = True,
    ) -> pygame.Rect:
        r = pygame.Rect(
            self.x if x is None else x, self.y, self.width if width is None else width, height
        )
        self.blocks.append(Block(r, draw))
        if advance:
            self.y += height
        return r

    def add(self, block, *, x: int | None = None, width: int | None = None) -> pygame.Rect:
        """Measure a layout-kit block (:mod:`game.ui.blocks`) once for the width, and place it."""
        width = self.width if width is None else width
        return self.block(block.measure(self.scene.services, width), block.draw, x=x, width=width)

    def widget(self, w: Widget, *, advance: bool = True) -> Widget:
        r = pygame.Rect(w.rect)
        self.widgets.append((w, r))
        if advance:
            self.y = max(self.y, r.bottom)
        return w

    def text(
        self,
        text: str,
        role: str = "body",
        color=None,
        *,
        width: int | None = None,
        align: str = "left",
        x: int | None = None,
    ) -> pygame.Rect:
        return self.add(Text(text, role, color, align), x=x, width=width)


class Page(Scene):
    """Header (title, back button), scrolling body, footer buttons."""

    title = ""
    back_label = "Back"
    show_back = True
    max_body_width = 860
    default_focus: str | None = None

    def __init__(self, services) -> None:
        super().__init__(services)
        self.scroll = ScrollView()
        self.blocks: list[Block] = []

    # subclasses --------------------------------------------------------------
    def build(self, flow: Flow) -> None:
        pass

    def footer(self) -> list[FooterButton]:
        return []

    def subtitle(self) -> str:
        return ""

    # layout ------------------------------------------------------------------
    def reserved_bottom(self) -> int:
        """Extra height a page keeps free under its body (for a hint bar, say)."""
        return 0

    def layout(self) -> None:
        th = self.services.theme
        w, h = th.size
        margin = th.sp(48)
        self.header_rect = pygame.Rect(
            0, 0, w, th.sp(32) + self.services.text.line_height("title") + th.sp(16)
        )
        sub = self.subtitle()
        if sub:
            self.header_rect.height += self.services.text.line_height("body")
        foot = self.footer()
        btn_h = self.services.text.line_height("body_bold") + th.sp(24)
        foot_h = (btn_h + th.sp(48) if foot else th.sp(24)) + self.reserved_bottom()
        self.footer_rect = pygame.Rect(0, h - foot_h, w, foot_h)
        body_w = min(w - 2 * margin - th.sp(24), th.sp(self.max_body_width))
        body_x = (w - body_w) // 2
        self.scroll.viewport = pygame.Rect(
            body_x - th.sp(16),
            self.header_rect.bottom,
            body_w + th.sp(32),
            self.footer_rect.top - self.header_rect.bottom,
        )
        flow = Flow(self, body_x - self.scroll.viewport.x, body_w)
        flow.gap(8)
        self.build(flow)
        flow.gap(16)
        self.scroll.content_height = flow.y
        self.scroll.clamp()
        # map content rects to the screen
        vx = self.scroll.viewport.x
        self.blocks = []
        for b in flow.blocks:
            self.blocks.append(Block(b.rect.move(vx, 0), b.draw))
        widgets: list[Widget] = []
        for wdg, r in flow.widgets:
            content = r.move(vx, 0)
            wdg.content_rect = content
            wdg.rect = self.scroll.to_screen(content)
            widgets.append(wdg)
        # header back button and footer buttons
        fixed: list[Widget] = []
        if self.show_back:
            fixed.append(back_button(self.services, self.back, self.back_label))
        self.title_x = (
            margin - th.sp(16) + (fixed[0].rect.width + th.sp(16) if self.show_back else th.sp(16))
        )
        # line the title up with the body when there is room beside the back button
        self.title_x = max(self.title_x, body_x)
        footer_widgets: list[Widget] = []
        if foot:
            footer_widgets = footer_row(
                self.services,
                foot,
                right=w - margin,
                y=self.footer_rect.y + th.sp(24),
                height=btn_h,
                gap=th.sp(16),
                min_width=th.sp(160),
                pad=th.sp(56),
                room=w - 2 * margin,
            )
        # focus order: back button last, so content comes first
        self.widgets = widgets + footer_widgets + fixed
        self.ensure_focus(self.default_focus)

    # drawing ------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        th = self.services.theme
        pal = th.palette
        surface.fill(pal.bg)
        vp = self.scroll.viewport
        self.services.text.push_clip(surface, pygame.Rect(0, vp.y, surface.get_width(), vp.height))
        for b in self.blocks:
            r = self.scroll.to_screen(b.rect)
            if r.bottom < vp.top - th.sp(40) or r.top > vp.bottom + th.sp(40):
                continue
            b.draw(surface, r)
        content_widgets = [w for w in self.widgets if w.content_rect is not None]
        self.draw_widgets(surface, content_widgets)
        self.services.text.pop_clip(surface)
        # soft edges where content scrolls under the header/footer
        if self.scroll.offset > 0:
            pygame.draw.line(surface, pal.line, (0, vp.top), (surface.get_width(), vp.top))
        if self.scroll.offset < self.scroll.max_offset:
            pygame.draw.line(
                surface, pal.line, (0, vp.bottom - 1), (surface.get_width(), vp.bottom - 1)
            )
        self.scroll.draw_bar(surface, self.services)
        self.draw_header(surface)
        self.draw_widgets(surface, [w for w in self.widgets if w.content_rect is None])

    def header_right(self) -> int:
        """Where the title must stop (pages with a control in the header stop sooner)."""
        return self.services.theme.size[0] - self.services.theme.sp(48)

    def draw_header(self, surface: pygame.Surface) -> None:
        x = self.title_x
        box = pygame.Rect(x, 0, self.header_right() - x, self.header_rect.height)
        draw_title(surface, self.services, self.title, self.subtitle(), box)


class Dialog(Scene):
    """A centred card over a dimmed copy of the scene below."""

    opaque = False
    heading = ""
    body = ""
    width = 620

    def buttons(self) -> list[FooterButton]:
        return []

    def dismiss(self, result=None) -> None:
        """Close the dialog and give ``result`` to whoever opened it (Esc gives None)."""
        self.services.nav.dismiss(self, result)

    def back(self) -> None:
        self.dismiss(None)

    def layout(self) -> None:
        th = self.services.theme
        w, h = th.size
        cw = min(th.sp(self.width), w - th.sp(96))
        pad = th.sp(32)
        inner = cw - 2 * pad
        hh = self.services.text.height_of(self.heading, "heading", inner) if self.heading else 0
        bh = self.services.text.height_of(self.body, "body", inner) if self.body else 0
        btns = self.buttons()
        btn_h = self.services.text.line_height("body_bold") + th.sp(24)
        self.vertical = len(btns) > 2
        gap = th.sp(12)
        rows = len(btns) if self.vertical else 1
        buttons_h = rows * btn_h + (rows - 1) * gap
        ch = pad + hh + (th.sp(12) if hh and bh else 0) + bh + th.sp(24) + buttons_h + pad
        self.card_rect = pygame.Rect(0, 0, cw, ch)
        self.card_rect.center = (w // 2, h // 2)
        self.heading_rect = pygame.Rect(self.card_rect.x + pad, self.card_rect.y + pad, inner, hh)
        self.body_rect = pygame.Rect(
            self.card_rect.x + pad,
            self.heading_rect.bottom + (th.sp(12) if hh and bh else 0),
            inner,
            bh,
        )
        y = self.body_rect.bottom + th.sp(24)
        self.widgets = []
        if self.vertical:
            for b in btns:
                r = pygame.Rect(self.card_rect.x + pad, y, inner, btn_h)
                self.widgets.append(
                    Widget(
                        b.key, r, button_painter(self.services, b.label, b.kind, b.icon), b.action
                    )
                )
                y += btn_h + gap
        else:
            bw = (
                (inner - gap * (len(btns) - 1)) // max(1, len(btns))
                if len(btns) > 1
                else min(inner, th.sp(240))
            )
            x = self.card_rect.right - pad - (bw * len(btns) + gap * (len(btns) - 1))
            for b in btns:
                r = pygame.Rect(x, y, bw, btn_h)
                self.widgets.append(
                    Widget(
                        b.key, r, button_painter(self.services, b.label, b.kind, b.icon), b.action
                    )
                )
                x += bw + gap
        self.ensure_focus()

    def draw(self, surface: pygame.Surface) -> None:
        pal = self.services.theme.palette
        veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        veil.fill(pal.scrim)
        surface.blit(veil, (0, 0))
        card(surface, self.card_rect, self.services)
        if self.heading:
            self.services.text.draw(surface, self.heading, self.heading_rect, "heading")
        if self.body:
            self.services.text.draw(surface, self.body, self.body_rect, "body", pal.text)
        self.draw_widgets(surface)
