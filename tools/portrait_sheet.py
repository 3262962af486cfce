"""Write a contact sheet of drawn portraits, to look at them all at once.

    SDL_VIDEODRIVER=dummy python tools/portrait_sheet.py [OUT.png] [--size W H]

One row per character id (plus the narrator and an inner voice), one column per
mood; the light theme on the left half, the dark theme on the right. The
default output is /tmp/portraits.png.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame  # noqa: E402

from game.core.vocab import MOODS  # noqa: E402
from game.ui.portraits import draw_portrait  # noqa: E402

IDS = ("sam", "mum", "dad", "priya", "aisha", "leo", "nadia", "omar", "raj", "kai")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="/tmp/portraits.png")
    parser.add_argument("--size", nargs=2, type=int, default=(120, 150), metavar=("W", "H"))
    parser.add_argument("--ids", nargs="*", default=list(IDS))
    parser.add_argument("--themes", nargs="*", default=["light", "dark"])
    args = parser.parse_args(argv)

    w, h = args.size
    gap = 6
    rows = [(cid, "person") for cid in args.ids] + [
        ("narrator", "narrator"),
        ("inner-critic", "inner"),
    ]
    cols = len(MOODS)
    panel_w = cols * (w + gap) + gap
    sheet = pygame.Surface((panel_w * len(args.themes), len(rows) * (h + gap) + gap))
    for t, theme in enumerate(args.themes):
        bg = (0xF7, 0xF3, 0xEC) if theme == "light" else (0x15, 0x18, 0x1E)
        sheet.fill(bg, pygame.Rect(t * panel_w, 0, panel_w, sheet.get_height()))
        for r, (cid, kind) in enumerate(rows):
            for c, mood in enumerate(MOODS):
                pic = draw_portrait(cid, mood, (w, h), kind=kind, theme=theme)
                sheet.blit(pic, (t * panel_w + gap + c * (w + gap), gap + r * (h + gap)))
    pygame.image.save(sheet, args.out)
    print(f"wrote {args.out} ({sheet.get_width()}x{sheet.get_height()})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
