"""The fixed colours portraits are drawn in, and small colour helpers."""

from __future__ import annotations

Color = tuple[int, int, int]
Point = tuple[float, float]

# --- palette ------------------------------------------------------------------


def _hex(value: str) -> Color:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def _mix(a: Color, b: Color, t: float) -> Color:
    t = max(0.0, min(1.0, t))
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _luma(c: Color) -> float:
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]


WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
INK = _hex("#2A1F1A")
EYE_WHITE = _hex("#FBF8F2")
MOUTH_DARK = _hex("#5E2A2A")
TONGUE = _hex("#D9787A")
TEETH = _hex("#FFFDF8")
BLUSH = _hex("#EE8C7A")
TEAR = _hex("#8CC3E3")

CARD = {"light": _hex("#FFFDF8"), "dark": _hex("#1F232B")}
ACCENT = {"light": _hex("#1D6B62"), "dark": _hex("#6CC4B5")}
