"""Which region's help lines the Getting help screen shows: the choice, and its control.

The choice lives in the settings (``help_region``); "" means "from the system
locale" (:func:`game.core.help.default_region`). The same section, a
segmented control of the regions and a quiet line saying where the choice came
from, sits on the Getting help screen and in Settings, so it is changeable in
both places and saved at once.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.core.help import REGIONS, default_region
from game.ui.segmented import Segments, segmented_widget
from game.ui.widgets import Widget, button_painter

LABELS = {
    "UK": "UK",
    "IE": "Ireland",
    "US": "US",
    "CA": "Canada",
    "AU": "Australia",
    "NZ": "New Zealand",
    "elsewhere": "Elsewhere",
}
# used only when the words do not fit the width
SHORT_LABELS = {code: code for code in REGIONS} | {"elsewhere": "Other"}

PICKER_KEY = "help-region"
SYSTEM_KEY = "help-region-system"


def shown_region(settings, system: str | None = None) -> str:
    """The region to show: the player's choice, else the system's."""
    return settings.help_region or (system if system is not None else default_region())


def choose_region(services, code: str) -> None:
    """Save ``code`` ("" for "from the system") as the player's help region."""
    services.settings.help_region = code
    services.settings.save(services.paths.settings_file)
    services.window.dirty = True


def region_section(scene, flow, system: str, relayout: Callable[[], None]) -> None:
    """The region picker and a quiet line about the choice, added to a page's ``flow``."""
    ui = scene.services
    s = ui.settings
    pal = ui.theme.palette

    def get() -> int:
        return REGIONS.index(shown_region(s, system))

    def put(i: int) -> None:
        choose_region(ui, REGIONS[i])
        relayout()

    segments = Segments(ui, tuple(LABELS[c] for c in REGIONS), get, put)
    width, height = segments.size()
    if width > flow.width:
        segments = Segments(ui, tuple(SHORT_LABELS[c] for c in REGIONS), get, put)
        width = segments.size()[0]
    rect = pygame.Rect(flow.x, flow.y, min(width, flow.width), height)
    flow.widget(segmented_widget(ui, PICKER_KEY, rect, segments))
    flow.gap(8)
    if not s.help_region:
        flow.text("Chosen from your computer's language and region settings.", "small", pal.muted)
        return
    note = "You chose this region. It is saved for next time."
    label = "Use my computer's region"
    bw = ui.text.width_of(label, "body_bold") + ui.theme.sp(48)
    bh = ui.text.line_height("body_bold") + ui.theme.sp(16)
    note_w = ui.text.width_of(note, "small")
    if note_w + ui.theme.sp(16) + bw <= flow.width:  # side by side
        top = flow.y
        flow.block(bh, lambda surf, r: ui.text.draw_line(
            surf, note, (r.x, r.centery), "small", pal.muted, anchor="midleft", container=r
        ), width=note_w, advance=False)  # fmt: skip
        brect = pygame.Rect(flow.x + note_w + ui.theme.sp(16), top, bw, bh)
    else:
        flow.text(note, "small", pal.muted)
        flow.gap(4)
        brect = pygame.Rect(flow.x, flow.y, bw, bh)

    def use_system() -> None:
        choose_region(ui, "")
        scene.focus_key = PICKER_KEY  # this button goes away; stay on the picker
        relayout()

    flow.widget(Widget(SYSTEM_KEY, brect, button_painter(ui, label, "secondary"), use_system))
