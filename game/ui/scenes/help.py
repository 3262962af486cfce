"""Getting help: what to do in danger, then crisis lines, domestic-abuse lines and image
take-down services for the player's region, read from the help data file.

First, prominently, the line to call the local emergency number and the region's
emergency number. Then a region picker, then the services by kind, each with how to
reach it written out (numbers and web addresses as plain text), who it is for and its
hours; a quiet line under each says when it was checked and where. Last, the line that
numbers change and where to check. If the data cannot be loaded the screen still shows
the emergency line and a plain sentence, and the log says why.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pygame

from game.core.help import HELP_PATH, HelpData, HelpEntry, default_region, load_help
from game.errors import HelpDataError
from game.ui.help_region import region_section, shown_region
from game.ui.scenes.common import Flow, FooterButton, Page
from game.ui.widgets import Widget, WidgetState, card, focus_ring, mix

log = logging.getLogger("firm_and_kind.ui.help")

DANGER = "If you are in danger now, call your local emergency number."
UNAVAILABLE = (
    "The list of help lines could not be opened right now. A doctor, a school or work "
    "counsellor, or someone you trust can help you find support near you."
)
SECTIONS = (
    ("crisis", "Someone to talk to"),
    ("young-people", "For young people"),
    ("domestic-abuse", "Domestic abuse"),
    ("image-takedown", "Getting images taken down"),
)

# one line of a card: (text, font role, colour name, space above in spacing units)
Line = tuple[str, str, str, int]


def checked_words(checked: str) -> str:
    """ "2026-12-02" -> "2 December 2026" (the text as it is if it is no real date)."""
    try:
        d = date.fromisoformat(checked)
    except ValueError:
        return checked
    return f"{d.day} {d:%B %Y}"


def entry_lines(entry: HelpEntry) -> list[Line]:
    lines: list[Line] = [(entry.name, "body_bold", "text", 0), (entry.reach, "body", "text", 4)]
    lines.append((f"For: {entry.who}", "small", "muted", 8))
    if entry.hours:
        lines.append((f"Hours: {entry.hours}", "small", "muted", 2))
    if entry.note:
        lines.append((entry.note, "small", "muted", 2))
    lines.append(
        (f"Checked {checked_words(entry.checked)}  ·  {entry.source}", "small", "muted", 8)
    )
    return lines


class HelpScene(Page):
    name = "help"
    title = "Getting help"
    max_body_width = 820
    default_focus = "danger"

    def __init__(self, services, source: Path | None = None) -> None:
        super().__init__(services)
        self.system_region = default_region()
        self.data: HelpData | None
        source = HELP_PATH if source is None else source
        try:
            self.data = load_help(source)
        except HelpDataError as exc:
            log.error("the Getting help list could not be loaded from %s: %s", source, exc)
            self.data = None

    def subtitle(self) -> str:
        return "People you can call, text or write to."

    @property
    def region_code(self) -> str:
        return shown_region(self.services.settings, self.system_region)

    # -- body --------------------------------------------------------------------------
    def build(self, flow: Flow) -> None:
        th = self.services.theme
        pal = th.palette
        data = self.data
        if data is None:
            self.card(flow, "danger", [(DANGER, "subheading", "text", 0),
                                       (UNAVAILABLE, "body", "text", 12)], danger=True)  # fmt: skip
            return
        region = data.region(self.region_code)
        danger: list[Line] = [(data.danger, "subheading", "text", 0)]
        for e in region.of_kind("emergency"):
            where = "" if region.code == "elsewhere" else f"{region.name}: "
            danger.append((f"{where}{e.reach}", "line", "text", 12))
            if e.note:
                danger.append((e.note, "small", "muted", 4))
        self.card(flow, "danger", danger, danger=True)
        flow.gap(24)
        flow.text("Showing help for", "small_bold", pal.muted)
        flow.gap(8)
        region_section(self, flow, self.system_region, self.layout)
        for kind, heading in SECTIONS:
            entries = region.of_kind(kind)
            if not entries:
                continue
            flow.gap(32)
            flow.text(heading, "subheading")
            for i, entry in enumerate(entries):
                flow.gap(12)
                self.card(flow, f"{kind}:{i}", entry_lines(entry))
        flow.gap(32)
        flow.text(data.changes, "body", pal.muted)

    def card(self, flow: Flow, key: str, lines: list[Line], *, danger: bool = False) -> None:
        """A card of text lines; focusable, so the keyboard can read down the page."""
        ui = self.services
        th = ui.theme
        pad = th.sp(24 if danger else 20)
        stripe = th.sp(6) if danger else 0
        inner = flow.width - 2 * pad - stripe
        heights = [ui.text.height_of(text, role, inner) for text, role, _, _ in lines]
        h = 2 * pad + sum(heights) + sum(th.sp(gap) for *_, gap in lines)

        def paint(surface: pygame.Surface, r: pygame.Rect, st: WidgetState) -> None:
            pal = th.palette
            if danger:
                card(surface, r, ui, fill=mix(pal.card, pal.accent, 0.08),
                     border=mix(pal.card, pal.accent, 0.25), stripe=pal.accent)  # fmt: skip
            else:
                card(surface, r, ui, raised=False)
            y = r.y + pad
            for (text, role, colour, gap), lh in zip(lines, heights, strict=True):
                y += th.sp(gap)
                ui.text.draw(surface, text, pygame.Rect(r.x + pad + stripe, y, inner, lh), role,
                             getattr(pal, colour))  # fmt: skip
                y += lh
            if st.ring:
                focus_ring(surface, r, ui)

        flow.widget(Widget(key, pygame.Rect(flow.x, flow.y, flow.width, h), paint))

    def footer(self):
        return [FooterButton("done", "Done", self.back, "primary")]
