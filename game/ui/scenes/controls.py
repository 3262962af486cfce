"""Small controls shared by the browser, Settings and About screens.

- :func:`small_button_painter`: a compact pill button that sits inside a card.
- :func:`folder_section`: where the player's own scenarios go, with "Open folder".
"""

from __future__ import annotations

import logging

import pygame

from game.invocation import command_name
from game.ui.desktop import copy_to_clipboard, open_folder
from game.ui.widgets import Widget, WidgetState, button_painter, card, focus_ring, mix

log = logging.getLogger("firm_and_kind.ui.controls")



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
    lh = t.height_of(install_line(), "small", inner)
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
            surface, install_line(), pygame.Rect(x, rect.y + y_install, inner, lh), "small", pal.muted
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


def install_line() -> str:
    """The hint for installing a pack, naming the command the player used."""
    return f"To install a pack from a terminal: {command_name()} install PATH"
