"""The scenario browser: scenarios grouped by category, and files that failed to load.

Each row shows the best percentage, stars and number of tries (or "New"), and
has small Map and Review buttons (keys M and R on the focused row) that open
the branch map and the latest attempt. A sort control above the list orders
it by menu, unplayed first, or lowest score first; the choice is remembered.
"""

from __future__ import annotations

import logging

import pygame

from game.core.installed import pack_names
from game.core.problems import display_path
from game.invocation import command_name
from game.ui.labels import category_label
from game.ui.scenes.browser_card import BrowserCards
from game.ui.scenes.common import Flow, Page
from game.ui.scenes.controls import (
    small_button_painter,
    small_button_size,
)
from game.ui.segmented import Segments, segmented_widget
from game.ui.settings import BROWSER_SORTS
from game.ui.widgets import Widget, card

log = logging.getLogger("firm_and_kind.ui.browser")

_SORT_LABELS = {"menu": "Menu order", "unplayed": "Unplayed first", "lowest": "Lowest score first"}
SORTS = tuple((mode, _SORT_LABELS[mode]) for mode in BROWSER_SORTS)  # the settings own the modes
HINT = "Arrows to move  \u00b7  Enter to open  \u00b7  M map of the branches  \u00b7  R review your last try"


def ordered_groups(scenarios, summaries, mode: str) -> list[tuple[str, list]]:
    """The scenarios in the order ``mode`` asks for, as (heading, scenarios) groups."""
    scenarios = list(scenarios)
    new = [s for s in scenarios if s.id not in summaries]
    played = [s for s in scenarios if s.id in summaries]
    if mode == "unplayed":
        groups = [("Not played yet", new), ("Played", played)]
    elif mode == "lowest":
        # sorted() is stable: equal scores keep the menu order
        played = sorted(played, key=lambda s: summaries[s.id].best_percent)
        groups = [("Played, lowest best score first", played), ("Not played yet", new)]
    else:
        groups = []
        for s in scenarios:
            if not groups or groups[-1][0] != category_label(s.category):
                groups.append((category_label(s.category), []))
            groups[-1][1].append(s)
    return [(h, g) for h, g in groups if g]


class BrowserScene(BrowserCards, Page):
    name = "browser"
    title = "Choose a scenario"
    max_body_width = 960

    def __init__(self, services) -> None:
        super().__init__(services)
        self.library = services.library()
        self.packs = pack_names(self.library.scenarios, services.paths.user_scenarios)
        self.summaries = {}
        mode = services.settings.browser_sort
        self.sort = mode if mode in dict(SORTS) else "menu"
        self._load_summaries()

    def _load_summaries(self) -> None:
        history = self.services.history
        self.summaries = history.summaries() if history is not None else {}

    def on_resume(self) -> None:
        self._load_summaries()
        super().on_resume()

    def subtitle(self) -> str:
        n = len(self.library.scenarios)
        if n == 0:
            return "No scenarios yet."
        return f"{n} scenario{'s' if n != 1 else ''}. Each one takes a few minutes."

    # -- sorting ----------------------------------------------------------------------
    def set_sort(self, mode: str) -> None:
        if mode == self.sort or mode not in dict(SORTS):
            return
        self.sort = mode
        self.services.settings.browser_sort = mode
        self.services.settings.save(self.services.paths.settings_file)
        focus = self.focus_key
        self.scroll.offset = 0
        self.layout()
        if focus == "sort":
            self.focus_key = "sort"

    def sort_widget(self) -> Widget:
        """The sort control, fixed at the right of the header so it stays in reach."""
        th = self.services.theme
        labels = tuple(label for _, label in SORTS)
        modes = [m for m, _ in SORTS]
        segments = Segments(
            self.services, labels, lambda: modes.index(self.sort), lambda i: self.set_sort(modes[i])
        )
        sw, sh = segments.size()
        x = th.size[0] - th.sp(48) - sw
        y = th.sp(24) + (self.services.text.line_height("title") - sh) // 2
        return segmented_widget(self.services, "sort", pygame.Rect(x, y, sw, sh), segments)

    def build(self, flow: Flow) -> None:
        th = self.services.theme
        pal = th.palette
        if not self.library.scenarios:
            flow.gap(24)
            flow.text("No scenarios could be found.", "heading")
            flow.gap(8)
            extra = self.services.library.error
            flow.text(
                f"Scenario files go in {self.services.paths.user_scenarios}."
                + (f" ({extra})" if extra else ""),
                "body",
                pal.muted,
            )
        self.default_focus = None
        for heading, group in ordered_groups(self.library.scenarios, self.summaries, self.sort):
            flow.gap(16 if flow.y > th.sp(16) else 0)
            flow.text(heading, "subheading", pal.muted)
            flow.gap(8)
            for sc in group:
                self.default_focus = self.default_focus or f"scenario:{sc.id}"
                self.scenario_row(flow, sc)
                flow.gap(12)
        if self.library.broken:
            flow.gap(24)
            flow.text("Files that could not be loaded", "subheading", pal.muted)
            flow.gap(4)
            flow.text(
                "These files have a problem, so they are not in the list above. Run "
                f"'{command_name()} validate' for every detail.",
                "small",
                pal.muted,
            )
            flow.gap(8)
            for bf in self.library.broken:
                self.broken_card(flow, bf)
                flow.gap(8)

    def scenario_row(self, flow: Flow, sc) -> None:
        th = self.services.theme
        h = self.card_height(flow.width)
        r = pygame.Rect(flow.x, flow.y, flow.width, h)
        flow.widget(
            Widget(f"scenario:{sc.id}", r, self.card_painter(sc), lambda sc=sc: self.open(sc)),
            advance=False,
        )
        # Map and Review: small buttons between the text and the score, in fixed slots
        pad = th.sp(20)
        gap = th.sp(8)
        x = r.right - pad - self.right_width() - th.sp(16) - self.actions_width() + th.sp(24)
        actions = dict((k, (label, action)) for k, label, action in self.row_actions(sc))
        for key, label in (("map", "Map"), ("review", "Review")):
            bw, bh = small_button_size(self.services, label)
            if key in actions:
                flow.widget(
                    Widget(
                        f"{key}:{sc.id}",
                        pygame.Rect(x, r.centery - bh // 2, bw, bh),
                        small_button_painter(self.services, label),
                        actions[key][1],
                        focusable=False,  # keyboard: M and R on the focused row
                    ),
                    advance=False,
                )
            x += bw + gap
        flow.y = r.bottom

    def row_actions(self, sc) -> list:
        actions = [("map", "Map", lambda sc=sc: self.open_map(sc))]
        if sc.id in self.summaries:
            actions.append(("review", "Review", lambda sc=sc: self.open_review(sc)))
        return actions

    def broken_card(self, flow: Flow, bf) -> None:
        th = self.services.theme
        pal = th.palette
        pad = th.sp(16)
        inner = flow.width - 2 * pad
        path = display_path(bf.path)
        errors = [p for p in bf.problems if p.is_error]
        if errors:
            msg = f"line {errors[0].line}, column {errors[0].column}: {errors[0].message}"
        else:
            msg = str(bf.problems[0]) if bf.problems else "it could not be read"
        ph = self.services.text.height_of(path, "small_bold", inner)
        mh = self.services.text.height_of(msg, "small", inner)
        h = pad * 2 + ph + th.sp(4) + mh

        def draw(surface, rect, path=path, msg=msg, ph=ph):
            card(surface, rect, self.services, fill=pal.soft, raised=False, border=pal.line)
            ir = rect.inflate(-2 * pad, -2 * pad)
            self.services.text.draw(
                surface, path, pygame.Rect(ir.x, ir.y, ir.width, ph), "small_bold", pal.text
            )
            self.services.text.draw(
                surface,
                msg,
                pygame.Rect(ir.x, ir.y + ph + th.sp(4), ir.width, ir.height - ph),
                "small",
                pal.styles["aggressive"],
            )

        flow.block(h, draw)

    def footer(self):
        return []

    # -- the key hint at the bottom ----------------------------------------------------
    def layout(self) -> None:
        super().layout()
        if not self.library.scenarios:
            self.sort_rect = None
            return
        sort = self.sort_widget()
        self.sort_rect = sort.rect
        self.widgets.insert(0, sort)
        self.ensure_focus(self.default_focus)
        hint_h = self.hint_height()
        self.hint_rect = pygame.Rect(
            0, self.scroll.viewport.bottom, self.services.theme.size[0], hint_h
        )

    def hint_height(self) -> int:
        return self.services.text.line_height("small") + self.services.theme.sp(16)

    def reserved_bottom(self) -> int:
        # The key hint sits under the list; the list must scroll clear of it.
        return self.hint_height() if self.library.scenarios else 0

    def header_right(self) -> int:
        th = self.services.theme
        return (self.sort_rect.x if self.sort_rect else th.size[0] - th.sp(48)) - th.sp(24)

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        if not self.library.scenarios:
            return
        pal = self.services.theme.palette
        r = self.hint_rect
        text = self.services.text.shorten(HINT, "small", r.width - self.services.theme.sp(96))
        self.services.text.draw_line(
            surface,
            text,
            (r.centerx, r.bottom - self.services.theme.sp(4)),
            "small",
            pal.muted,
            anchor="midbottom",
            container=r,
        )

    # -- keys and actions ------------------------------------------------------------------
    def focused_scenario(self):
        key = self.focus_key or ""
        if not key.startswith("scenario:"):
            return None
        return self.library.by_id(key.split(":", 1)[1])

    def handle_key(self, event) -> bool:
        if event.key in (pygame.K_m, pygame.K_r) and not event.mod & (
            pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META
        ):
            self.services.window.keyboard_mode = True
            sc = self.focused_scenario()
            if sc is not None:
                if event.key == pygame.K_m:
                    self.open_map(sc)
                elif sc.id in self.summaries:
                    self.open_review(sc)
                else:
                    self.services.toast(
                        "You have not played this one yet, so there is nothing to review."
                    )
            self.services.window.dirty = True
            return True
        return super().handle_key(event)

    def open(self, sc) -> None:
        self.services.nav.to_briefing(sc)

    def open_map(self, sc) -> None:
        self.focus_key = f"scenario:{sc.id}"
        self.services.nav.to_branch_map(sc)

    def open_review(self, sc) -> None:
        self.focus_key = f"scenario:{sc.id}"
        attempts = self.services.attempts(sc.id)
        if not attempts:
            self.services.toast("There is no finished attempt at this one to review yet.")
            return
        self.services.nav.to_review(attempts[0], sc, attempts)
