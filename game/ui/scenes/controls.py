"""Small controls shared by the browser, Settings and About screens.

- :func:`small_button_painter`: a compact pill button that sits inside a card.
- :func:`segmented_widget`: a row of options, one chosen (Left/Right, Enter, or a click).
- :func:`folder_section`: where the player's own scenarios go, with "Open folder".
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import pygame

from game.ui.desktop import copy_to_clipboard, open_folder
from game.ui.widgets import Widget, WidgetState, button_painter, card, focus_ring, mix

log = logging.getLogger("firm_and_kind.ui.controls")

INSTALL_LINE = "To install a pack from a terminal: python main.py install PATH"


def small_button_painter(ui, label: str):
    """A quiet pill in small bold text, for secondary actions inside a card."""

    def paint(surface: pygame.Surface, rect: pygame.Rect, st: WidgetState) -> None:
        pal = ui.theme.palette
        active = st.hovered or st.pressed
        fill = mix(pal.soft, pal.accent, 0.16) if active else pal.soft
        pygame.draw.rect(surface, fill, rect, border_radius=rect.height // 2)
        if active:
            pygame.draw.rect(
                surface,
                mix(pal.card, pal.accent, 0.5),
                rect,
                width=1,
                border_radius=rect.height // 2,
            )
        text = ui.text.shorten(label, "small_bold", rect.width - ui.theme.sp(12))
        ui.text.draw_line(
            surface,
            text,
            rect.center,
            "small_bold",
            pal.accent if active else pal.text,
            anchor="center",
            container=rect,
        )
        if st.ring:
            focus_ring(surface, rect, ui, radius=rect.height // 2)

    return paint


def small_button_size(ui, label: str) -> tuple[int, int]:
    h = ui.text.line_height("small_bold") + ui.theme.sp(12)
    return ui.text.width_of(label, "small_bold") + ui.theme.sp(32), h


# ---------------------------------------------------------------------------
def segment_rects(ui, rect: pygame.Rect, options) -> list[pygame.Rect]:
    """Segments sized to their words, filling ``rect`` from the left."""
    widths = [ui.text.width_of(o, "body_bold") + ui.theme.sp(32) for o in options]
    total = sum(widths)
    if total > rect.width:  # squeeze evenly
        widths = [rect.width // len(options)] * len(options)
    rects, x = [], rect.x
    for w in widths:
        rects.append(pygame.Rect(x, rect.y, w, rect.height))
        x += w
    return rects


def segmented_size(ui, options) -> tuple[int, int]:
    w = sum(ui.text.width_of(o, "body_bold") + ui.theme.sp(32) for o in options)
    return w + ui.theme.sp(8), ui.text.line_height("body_bold") + ui.theme.sp(16)


def segmented_widget(
    ui,
    key: str,
    rect: pygame.Rect,
    options: tuple[str, ...],
    get: Callable[[], int],
    put: Callable[[int], None],
) -> Widget:
    """Options in a pill, the chosen one filled; Left/Right or a click choose, Enter cycles."""

    def inner(r: pygame.Rect) -> pygame.Rect:
        return r.inflate(-ui.theme.sp(8), -ui.theme.sp(8))

    def set_to(i: int) -> None:
        i = max(0, min(len(options) - 1, i))
        if i != get():
            put(i)

    def paint(surface: pygame.Surface, r: pygame.Rect, st: WidgetState) -> None:
        pal = ui.theme.palette
        pygame.draw.rect(
            surface, pal.hover if st.hovered else pal.soft, r, border_radius=r.height // 2
        )
        for i, (opt, sr) in enumerate(
            zip(options, segment_rects(ui, inner(r), options), strict=True)
        ):
            on = i == get()
            role = "body_bold" if on else "body"
            if on:
                pygame.draw.rect(surface, pal.accent, sr, border_radius=sr.height // 2)
            text = ui.text.shorten(opt, role, sr.width - ui.theme.sp(8))
            ui.text.draw_line(
                surface,
                text,
                sr.center,
                role,
                pal.accent_text if on else pal.text,
                anchor="center",
                container=sr,
            )
        if st.ring:
            focus_ring(surface, r, ui, radius=r.height // 2)

    def on_key(event) -> bool:
        if event.key == pygame.K_LEFT:
            set_to(get() - 1)
            return True
        if event.key == pygame.K_RIGHT:
            set_to(get() + 1)
            return True
        return False

    w = Widget(key, rect, paint, on_key=on_key)

    def click_at(pos) -> None:
        for i, sr in enumerate(segment_rects(ui, inner(w.rect), options)):
            if sr.inflate(0, ui.theme.sp(8)).collidepoint(pos):
                set_to(i)
                return

    w.on_activate = lambda: put((get() + 1) % len(options))
    w.on_click_at = click_at
    return w


# ---------------------------------------------------------------------------
def reveal(scene, content_rect) -> None:
    """Scroll a page so a note just shown (in content coordinates) is in view."""
    if content_rect is None or scene.scroll is None:
        return
    if scene.scroll.ensure_visible(content_rect, scene.services.theme.sp(16)):
        scene.layout()


class FolderNote:
    """What the folder card says after "Open folder", and where (for scrolling it into view)."""

    def __init__(self) -> None:
        self.text = ""
        self.rect: pygame.Rect | None = None


def open_user_folder(scene, note: FolderNote) -> None:
    """The "Open folder" button: open the scenario folder, or show its path to copy."""
    path = scene.services.paths.user_scenarios
    if open_folder(path):
        note.text = "The folder is opening in your file manager."
    else:
        copied = copy_to_clipboard(str(path))
        note.text = (
            "This computer could not open the folder for you. Open it in your file manager "
            f"at: {path}" + (" (the path is copied to your clipboard)." if copied else "")
        )
    scene.layout()
    reveal(scene, note.rect)


def folder_section(scene, flow, folder_note: FolderNote, *, raised: bool = False) -> None:
    """A card: where the player's own scenarios go, the path, "Open folder", and ``install``."""
    app = scene.services
    th = app.theme
    pal = th.palette
    t = app.text
    path = str(app.paths.user_scenarios)
    intro = (
        "Scenarios you write, or packs someone shares with you, go in this folder. They appear "
        "in the scenario list the next time you press Play."
    )
    note = folder_note.text
    pad = th.sp(24)
    inner = flow.width - 2 * pad
    hh = t.line_height("subheading")
    ih = t.height_of(intro, "body", inner)
    ph = t.height_of(path, "small_bold", inner)
    bw, bh = (
        t.width_of("Open folder", "body_bold") + th.sp(56),
        t.line_height("body_bold") + th.sp(16),
    )
    lh = t.height_of(INSTALL_LINE, "small", inner)
    nh = t.height_of(note, "small_bold", inner) if note else 0
    y_path = pad + hh + th.sp(8) + ih + th.sp(8)
    y_btn = y_path + ph + th.sp(16)
    y_install = y_btn + bh + th.sp(12)
    y_note = y_install + lh + th.sp(8)
    height = (y_note + nh if note else y_install + lh) + pad
    top = flow.y

    def draw(surface, rect):
        card(surface, rect, app, raised=raised)
        x = rect.x + pad
        t.draw(surface, "Your own scenarios", pygame.Rect(x, rect.y + pad, inner, hh), "subheading")
        t.draw(surface, intro, pygame.Rect(x, rect.y + pad + hh + th.sp(8), inner, ih), "body")
        t.draw(surface, path, pygame.Rect(x, rect.y + y_path, inner, ph), "small_bold", pal.text)
        t.draw(
            surface, INSTALL_LINE, pygame.Rect(x, rect.y + y_install, inner, lh), "small", pal.muted
        )
        if note:
            t.draw(
                surface, note, pygame.Rect(x, rect.y + y_note, inner, nh), "small_bold", pal.accent
            )

    block = flow.block(height, draw)
    folder_note.rect = pygame.Rect(block.x, top + y_note, block.width, nh + pad) if note else None
    flow.widget(
        Widget(
            "open-folder",
            pygame.Rect(flow.x + pad, top + y_btn, bw, bh),
            button_painter(app, "Open folder", "secondary"),
            lambda: open_user_folder(scene, folder_note),
        ),
        advance=False,
    )
