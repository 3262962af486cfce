"""Make the app icons in assets/icons/ from the game's drawn window icon.

    python tools/make_icons.py          # writes assets/icons/*

The window icon is drawn by the game at start-up (``set_icon`` in
game/ui/window_setup.py: the assertive style's balanced scale on the accent colour).
This draws the same picture at each size, so every icon is sharp rather than
a scaled 64-pixel image, and writes:

* ``firm-and-kind-SIZE.png`` for SIZE in 16, 24, 32, 48, 64, 128, 256, 512
  (the freedesktop hicolor sizes);
* ``firm-and-kind.ico`` (Windows: 16 to 256, each a PNG inside the ICO file);
* ``firm-and-kind.icns`` (macOS: 16 to 1024, each a PNG inside the ICNS file).

The ICO and ICNS files are written here by hand (both formats are a small
header and a table around PNG images), so making icons needs only pygame.
The output is the same on every run. tests/test_packaging.py checks that the
64-pixel drawing here matches the window icon pixel for pixel.
"""

from __future__ import annotations

import io
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from game.ui.icons import style_icon  # noqa: E402
from game.ui.theme import LIGHT  # noqa: E402

OUT = ROOT / "assets" / "icons"
NAME = "firm-and-kind"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types that hold a PNG, by pixel size (the @2x types share sizes).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def draw_icon(size: int) -> pygame.Surface:
    """The window icon at ``size`` pixels: at 64 it is exactly the game's own drawing."""
    k = size / 64
    icon = pygame.Surface((size, size), pygame.SRCALPHA)
    pygame.draw.rect(icon, LIGHT.accent, icon.get_rect(), border_radius=round(16 * k))
    inner = pygame.Rect(round(12 * k), round(12 * k), round(40 * k), round(40 * k))
    style_icon(icon, inner, "assertive", LIGHT.card)
    return icon


def png_bytes(surface: pygame.Surface) -> bytes:
    buf = io.BytesIO()
    pygame.image.save(surface, buf, "icon.png")
    return buf.getvalue()


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file holding one PNG per size (Windows Vista and later read PNG entries)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    table, data = b"", b""
    for s in sizes:
        side = 0 if s >= 256 else s  # 0 stands for 256 in the one-byte fields
        table += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(pngs[s]), offset)
        data += pngs[s]
        offset += len(pngs[s])
    return header + table + data


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file: a big-endian header, then (type, length, PNG) elements."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[s])) + pngs[s] for kind, s in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make(out: Path = OUT) -> list[Path]:
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(s for _, s in ICNS_TYPES)})
    pngs = {s: png_bytes(draw_icon(s)) for s in sizes}  # plain surfaces: no display needed
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for s in PNG_SIZES:
        written.append(out / f"{NAME}-{s}.png")
        written[-1].write_bytes(pngs[s])
    written.append(out / f"{NAME}.ico")
    written[-1].write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    written.append(out / f"{NAME}.icns")
    written[-1].write_bytes(icns_bytes(pngs))
    return written


if __name__ == "__main__":
    for path in make():
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")
