"""Words and dates as the player reads them: one place for every label format."""

from __future__ import annotations

from datetime import datetime

TONE_WORDS = {"good": "Good ending", "mixed": "Mixed ending", "poor": "Hard ending"}


def day(moment: datetime) -> str:
    """'3 Mar 2026' in the player's local time."""
    local = moment.astimezone()
    return f"{local.day} {local:%b %Y}"


def short_day(moment: datetime) -> str:
    """'3 Mar' in the player's local time."""
    local = moment.astimezone()
    return f"{local.day} {local:%b}"


def category_label(category: str) -> str:
    """A scenario folder's name as a heading: 'family-and-home' -> 'Family and home'."""
    return category.replace("-", " ").replace("_", " ").capitalize()


def tries(n: int) -> str:
    """'1 try', '3 tries'."""
    return f"{n} {'try' if n == 1 else 'tries'}"
