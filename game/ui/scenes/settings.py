"""Settings: display, theme, motion, sound and volume (applied and saved at once); the region
of the Getting help screen; exporting and resetting the history; where the player's own
scenarios go."""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pygame

from game.core.help import default_region
from game.ui.help_region import region_section
from game.ui.scenes.common import Dialog, Flow, FooterButton, Page
from game.ui.scenes.controls import FolderNote, folder_section, reveal
from game.ui.segmented import Segments
from game.ui.widgets import Widget, WidgetState, button_painter, card, focus_ring, slider_track

log = logging.getLogger("firm_and_kind.ui.settings")


def export_folder() -> Path:
    """The player's Documents folder where there is one, else their home folder."""
    try:
        import platformdirs

        docs = Path(platformdirs.user_documents_dir())
        if docs.is_dir():
            return docs
    except Exception:  # noqa: BLE001
        log.debug("no documents folder", exc_info=True)
    return Path.home()


def export_path(now: datetime | None = None) -> Path:
    """A new file name in :func:`export_folder`, such as firm-and-kind-history-20250301-1830.csv."""
    now = now or datetime.now()
    folder = export_folder()
    stem = f"firm-and-kind-history-{now:%Y%m%d-%H%M}"
    path = folder / f"{stem}.csv"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}.csv"
        n += 1
    return path


def plain_reason(exc: BaseException) -> str:
    """Why a file could not be written, in plain words."""
    cause = exc.__cause__ if isinstance(exc.__cause__, OSError) else exc
    if isinstance(cause, PermissionError):
        return "the game is not allowed to write to that folder."
    if isinstance(cause, OSError) and cause.errno == errno.ENOSPC:
        return "the disk is full."
    if isinstance(cause, FileNotFoundError):
        return "the folder could not be found."
    text = str(exc).strip() or "an unexpected problem."
    return text[0].lower() + text[1:] + ("" if text.endswith(".") else ".")


class ResetDialog(Dialog):
    """Are you sure? Esc or Cancel keep everything; focus starts on Cancel."""

    name = "reset-progress"
    heading = "Reset your progress?"
    body = (
        "This deletes every finished playthrough: your scores, stars and the endings you found. "
        "It can't be undone.\n\nTo keep a copy, choose Cancel and use Export history first."
    )

    def buttons(self):
        return [
            FooterButton("cancel", "Cancel", self.back, "primary"),
            FooterButton("confirm-reset", "Reset progress", self.confirm, "secondary"),
        ]

    def confirm(self) -> None:
        """Reset; the result for the opener is whether it worked."""
        self.dismiss(self.services.history.reset())


class SettingsScene(Page):
    name = "settings"
    title = "Settings"
    max_body_width = 760

    def __init__(self, services) -> None:
        super().__init__(services)
        self.history_note = ""
        self.history_note_row = ""
        self.history_note_rect = None
        self.folder_note = FolderNote()
        self.system_region = default_region()

    def show_history_note(self, row: str, text: str) -> None:
        self.history_note, self.history_note_row = text, row
        self.history_note_rect = None
        self.layout()
        reveal(self, self.history_note_rect)

    def subtitle(self) -> str:
        return "Changes apply at once and are saved."

    def rows(self):
        s = self.services.settings
        return [
            (
                "display",
                "Display",
                ("Window", "Full screen"),
                lambda: int(s.fullscreen),
                lambda i: setattr(s, "fullscreen", bool(i)),
            ),
            (
                "theme",
                "Theme",
                ("Light", "Dark"),
                lambda: 0 if s.theme == "light" else 1,
                lambda i: setattr(s, "theme", ("light", "dark")[i]),
            ),
            (
                "motion",
                "Motion",
                ("On", "Off"),
                lambda: 0 if s.motion else 1,
                lambda i: setattr(s, "motion", i == 0),
            ),
            (
                "sound",
                "Sound",
                ("On", "Muted"),
                lambda: 1 if s.muted else 0,
                lambda i: setattr(s, "muted", i == 1),
            ),
        ]

    def build(self, flow: Flow) -> None:
        th = self.services.theme
        row_h = self.services.text.line_height("body_bold") + th.sp(40)
        for key, label, options, get, put in self.rows():
            r = pygame.Rect(flow.x, flow.y, flow.width, row_h)
            flow.widget(self.segmented(key, r, label, options, get, put))
            flow.gap(12)
        r = pygame.Rect(flow.x, flow.y, flow.width, row_h)
        flow.widget(self.volume_row(r))
        flow.gap(16)
        flow.text(
            "Keyboard: Up and Down move between settings, Left and Right change them. F11 switches full screen anywhere.",
            "small",
            th.palette.muted,
        )
        flow.gap(32)
        flow.text("Getting help", "subheading", th.palette.muted)
        flow.gap(4)
        flow.text("Which region's help lines the Getting help screen shows.", "small", th.palette.muted)
        flow.gap(8)
        region_section(self, flow, self.system_region, self.layout)
        flow.gap(32)
        self.history_section(flow)
        flow.gap(32)
        folder_section(self, flow, self.folder_note)

    # -- your history: export and reset ---------------------------------------------
    def history_section(self, flow: Flow) -> None:
        th = self.services.theme
        pal = th.palette
        flow.text("Your history", "subheading", pal.muted)
        flow.gap(8)
        if self.services.history is None:
            flow.text(
                "Your history is not available right now, so there is nothing to export or reset.",
                "body",
                pal.muted,
            )
            return
        self.action_row(
            flow,
            "export",
            "Export history",
            "Save every finished playthrough to a spreadsheet file (CSV).",
            "Export",
            self.export,
        )
        self.note_after(flow, "export")
        flow.gap(12)
        self.action_row(
            flow,
            "reset",
            "Reset progress",
            "Delete your scores and start fresh. The scenarios themselves stay.",
            "Reset\u2026",
            self.confirm_reset,
        )
        self.note_after(flow, "reset")

    def note_after(self, flow: Flow, row: str) -> None:
        """The short note about what the export or reset just did, under its own row."""
        if self.history_note and self.history_note_row == row:
            flow.gap(8)
            self.history_note_rect = flow.text(
                self.history_note, "small_bold", self.services.theme.palette.accent
            )

    def action_row(self, flow: Flow, key, label, description, button, action) -> None:
        th = self.services.theme
        pal = th.palette
        t = self.services.text
        pad = th.sp(24)
        bh = t.line_height("body_bold") + th.sp(16)
        bw = max(th.sp(140), t.width_of(button, "body_bold") + th.sp(56))
        text_w = flow.width - 2 * pad - bw - th.sp(24)
        lh = t.line_height("body_bold")
        dh = t.height_of(description, "small", text_w)
        inner_h = max(lh + th.sp(2) + dh, bh)
        h = inner_h + 2 * pad - th.sp(8)
        top = flow.y

        def draw(surface, rect):
            card(surface, rect, self.services, raised=False)
            y = rect.y + (rect.height - lh - th.sp(2) - dh) // 2
            box = pygame.Rect(rect.x + pad, y, text_w, lh + th.sp(2) + dh)
            t.draw(surface, label, pygame.Rect(box.x, y, text_w, lh), "body_bold")
            t.draw(
                surface,
                description,
                pygame.Rect(box.x, y + lh + th.sp(2), text_w, dh),
                "small",
                pal.muted,
            )

        flow.block(h, draw)
        r = pygame.Rect(flow.x + flow.width - pad - bw, top + (h - bh) // 2, bw, bh)
        flow.widget(
            Widget(key, r, button_painter(self.services, button, "secondary"), action),
            advance=False,
        )

    def export(self) -> None:
        h = self.services.history
        if h is None:
            return
        try:
            count = len(h.attempts())
        except Exception:  # noqa: BLE001
            count = 0
        if count == 0:
            self.show_history_note(
                "export", "There is nothing to export yet. Finish a scenario first."
            )
            return
        try:
            path = export_path()
            rows = h.export_csv(path)
        except Exception as exc:  # noqa: BLE001 - plain words, never a traceback
            log.warning("could not export the history", exc_info=True)
            self.show_history_note("export", f"The history could not be saved: {plain_reason(exc)}")
        else:
            what = f"{rows} playthrough{'s' if rows != 1 else ''}"
            self.show_history_note("export", f"Saved {what} to {path}")

    def confirm_reset(self) -> None:
        self.services.nav.open_dialog(ResetDialog(self.services), self.reset_done)

    def reset_done(self, ok: bool | None) -> None:
        """The reset dialog's result: True (reset), False (it failed), None (cancelled)."""
        if ok is None:
            return
        if ok:
            note = "Your progress was reset. Every scenario is new again."
        else:
            notice = self.services.history.take_notice()
            note = notice or "Your history could not be reset right now. Nothing was deleted."
        self.show_history_note("reset", note)

    # -- rows -----------------------------------------------------------------------
    def _control_rect(self, rect: pygame.Rect) -> pygame.Rect:
        th = self.services.theme
        w = min(th.sp(360), rect.width // 2)
        return pygame.Rect(
            rect.right - th.sp(16) - w, rect.y + th.sp(12), w, rect.height - th.sp(24)
        )

    def _row_background(self, surface, rect, label, st: WidgetState) -> None:
        pal = self.services.theme.palette
        card(surface, rect, self.services, fill=pal.hover if st.hovered else pal.card, raised=False)
        lab = pygame.Rect(
            rect.x + self.services.theme.sp(24),
            rect.y,
            self._control_rect(rect).x - rect.x - self.services.theme.sp(32),
            rect.height,
        )
        self.services.text.draw_line(
            surface,
            self.services.text.shorten(label, "body_bold", lab.width),
            (lab.x, rect.centery),
            "body_bold",
            pal.text,
            anchor="midleft",
            container=lab,
        )

    def segmented(
        self, key, rect, label, options, get: Callable[[], int], put: Callable[[int], None]
    ) -> Widget:
        """A settings row: its label, and a segmented control that applies the choice at once."""

        def put_and_apply(i: int) -> None:
            put(i)
            self.services.window.apply_settings()
            self.layout()

        segments = Segments(self.services, options, get, put_and_apply, equal=True)

        def paint(surface, r, st: WidgetState) -> None:
            self._row_background(surface, r, label, st)
            segments.paint(surface, self._control_rect(r))
            if st.ring:
                focus_ring(surface, r, self.services)

        def click_at(pos) -> None:
            i = segments.index_at(self._control_rect(w.rect), pos)
            if i is None:
                segments.cycle()
            else:
                segments.choose(i)

        w = Widget(
            key,
            rect,
            paint,
            on_activate=segments.cycle,
            on_key=segments.on_key,
            on_click_at=click_at,
        )
        return w

    def volume_row(self, rect: pygame.Rect) -> Widget:
        s = self.services.settings

        def set_volume(v: float) -> None:
            v = round(min(1.0, max(0.0, v)), 2)
            if v != s.volume:
                s.volume = v
                self.services.window.apply_settings()
                self.services.sound("click")

        def paint(surface, r, st: WidgetState) -> None:
            pal = self.services.theme.palette
            self._row_background(surface, r, "Volume", st)
            c = self._control_rect(r)
            pct = f"{round(s.volume * 100)}%"
            tw = self.services.text.width_of("100%", "body")
            track_area = pygame.Rect(c.x, c.y, c.width - tw - self.services.theme.sp(12), c.height)
            t = slider_track(track_area, self.services)
            col = pal.muted if s.muted else pal.accent
            pygame.draw.rect(surface, pal.line, t, border_radius=t.height // 2)
            filled = pygame.Rect(t.x, t.y, max(t.height, int(t.width * s.volume)), t.height)
            pygame.draw.rect(surface, col, filled, border_radius=t.height // 2)
            kr = t.height * 2
            kx = t.x + int(t.width * s.volume)
            pygame.draw.circle(surface, pal.card, (kx, t.centery), kr)
            pygame.draw.circle(surface, col, (kx, t.centery), kr, width=max(2, kr // 3))
            pr = pygame.Rect(c.right - tw, c.y, tw, c.height)
            self.services.text.draw_line(
                surface,
                pct,
                (pr.right, pr.centery),
                "body",
                pal.text,
                anchor="midright",
                container=pr,
            )
            if st.ring:
                focus_ring(surface, r, self.services)

        def on_key(event) -> bool:
            if event.key == pygame.K_LEFT:
                set_volume(s.volume - 0.1)
                return True
            if event.key == pygame.K_RIGHT:
                set_volume(s.volume + 0.1)
                return True
            return False

        w = Widget("volume", rect, paint, on_key=on_key)

        def click_at(pos) -> None:
            c = self._control_rect(w.rect)
            tw = self.services.text.width_of("100%", "body")
            t = slider_track(
                pygame.Rect(c.x, c.y, c.width - tw - self.services.theme.sp(12), c.height),
                self.services,
            )
            if t.inflate(t.height * 4, c.height).collidepoint(pos):
                set_volume((pos[0] - t.x) / max(1, t.width))

        w.on_click_at = click_at
        return w

    def footer(self):
        return [FooterButton("done", "Done", self.back, "primary")]

    def handle(self, event) -> bool:
        # dragging the volume knob
        if event.type == pygame.MOUSEMOTION and event.buttons[0] and self.pressed_key == "volume":
            w = next((w for w in self.widgets if w.key == "volume"), None)
            if w is not None and w.on_click_at is not None:
                w.on_click_at(event.pos)
                self.services.window.dirty = True
                return True
        return super().handle(event)
