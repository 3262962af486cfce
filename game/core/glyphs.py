"""Which characters the bundled fonts can draw, read from their ``cmap`` tables.

Pure Python (no pygame): :func:`read_cmap` reads a TrueType/OpenType file's
character map (subtable formats 4 and 12, the ones fonts for text use), and
:func:`text_problems` warns, per text of a scenario, about the first character
no bundled font has a glyph for (it would show as a box) and about right-to-left
scripts, which the game cannot lay out yet.
"""

from __future__ import annotations

import struct
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from game.core.problems import WARNING, Problem
from game.core.yamltree import MAPPING, SCALAR, SEQUENCE, Node, YamlProblem, parse
from game.errors import FontFileError, TooLarge
from game.paths import ASSETS_DIR
from game.safefiles import read_small

FONT_DIR = ASSETS_DIR / "fonts"
MAIN_FONT = "AtkinsonHyperlegible-Regular.ttf"
FALLBACK_FONT = "NotoSans-Regular.ttf"
MAX_FONT_BYTES = 32 * 1024 * 1024

# The keys whose values the player reads (tags: each item of the list).
SHOWN_KEYS = frozenset(
    [
        "title",
        "category",
        "summary",
        "goal",
        "takeaway",
        "content_warning",
        "tags",
        "name",
        "role",
        "pronouns",
        "line",
        "narration",
        "thought",
        "hint",
        "text",
        "feedback",
        "reply",
    ]
)

# Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their presentation forms.
RTL_RANGES = (
    (0x0590, 0x08FF),
    (0xFB1D, 0xFDFF),
    (0xFE70, 0xFEFF),
    (0x10800, 0x10FFF),
    (0x1E800, 0x1EFFF),
)


def _table(data: bytes, tag: bytes) -> bytes:
    if len(data) < 12:
        raise FontFileError("too short to be a font")
    (count,) = struct.unpack_from(">H", data, 4)
    for i in range(count):
        entry = 12 + 16 * i
        if entry + 16 > len(data):
            break
        name, _, offset, length = struct.unpack_from(">4sIII", data, entry)
        if name == tag:
            if offset + length > len(data):
                raise FontFileError(f"the {tag.decode()} table runs past the end of the file")
            return data[offset : offset + length]
    raise FontFileError(f"no {tag.decode()} table")


def _format4(sub: bytes) -> set[int]:
    (seg_x2,) = struct.unpack_from(">H", sub, 6)
    n = seg_x2 // 2
    ends = struct.unpack_from(f">{n}H", sub, 14)
    starts = struct.unpack_from(f">{n}H", sub, 16 + seg_x2)
    deltas = struct.unpack_from(f">{n}h", sub, 16 + 2 * seg_x2)
    range_at = 16 + 3 * seg_x2
    offsets = struct.unpack_from(f">{n}H", sub, range_at)
    found: set[int] = set()
    for i in range(n):
        for code in range(starts[i], ends[i] + 1):
            if code == 0xFFFF:
                continue
            if offsets[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:
                at = range_at + 2 * i + offsets[i] + 2 * (code - starts[i])
                if at + 2 > len(sub):
                    continue
                (glyph,) = struct.unpack_from(">H", sub, at)
                if glyph:
                    glyph = (glyph + deltas[i]) & 0xFFFF
            if glyph:
                found.add(code)
    return found


def _format12(sub: bytes) -> set[int]:
    (groups,) = struct.unpack_from(">I", sub, 12)
    found: set[int] = set()
    for i in range(min(groups, (len(sub) - 16) // 12)):
        start, end, glyph = struct.unpack_from(">III", sub, 16 + 12 * i)
        found.update(range(start + (glyph == 0), min(end, 0x10FFFF) + 1))
    return found


def read_cmap(path: Path | str) -> frozenset[int]:
    """The code points the font at ``path`` maps to a real glyph (not the box)."""
    try:
        data = read_small(Path(path), MAX_FONT_BYTES)
    except TooLarge:
        raise FontFileError("larger than any text font") from None
    try:
        cmap = _table(data, b"cmap")
        (count,) = struct.unpack_from(">H", cmap, 2)
        subtables = {}
        for i in range(count):
            platform, encoding, offset = struct.unpack_from(">HHI", cmap, 4 + 8 * i)
            (fmt,) = struct.unpack_from(">H", cmap, offset)
            subtables[(platform, encoding, fmt)] = cmap[offset:]
        for key, reader in (((3, 10, 12), _format12), ((0, 4, 12), _format12),
                            ((3, 1, 4), _format4), ((0, 3, 4), _format4)):  # fmt: skip
            if key in subtables:
                return frozenset(reader(subtables[key]))
    except struct.error as exc:
        raise FontFileError(f"its character map is damaged ({exc})") from None
    raise FontFileError("no Unicode character map (format 4 or 12)")


def is_rtl(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in RTL_RANGES)


def describe(char: str) -> str:
    """``'ツ' (U+30C4)``, or ``U+200D ZERO WIDTH JOINER`` for a character one cannot see."""
    code = f"U+{ord(char):04X}"
    if unicodedata.category(char)[0] in "CMZ":
        return f"{code} {unicodedata.name(char, '')}".rstrip()
    return f"'{char}' ({code})"


@dataclass(frozen=True)
class Coverage:
    """The characters at least one bundled font can draw."""

    codepoints: frozenset[int]

    @classmethod
    def bundled(cls, font_dir: Path = FONT_DIR) -> Coverage:
        return cls(read_cmap(font_dir / MAIN_FONT) | read_cmap(font_dir / FALLBACK_FONT))

    def first_problem(self, text: str) -> tuple[int, str] | None:
        """(index, message) for the first character of ``text`` that will not show right."""
        for i, char in enumerate(text):
            if char in "\n\t\r":
                continue
            if is_rtl(char):
                return i, (
                    f"right-to-left text is not supported yet: {describe(char)}; "
                    "the game cannot show it properly"
                )
            if ord(char) not in self.codepoints:
                return i, f"the bundled fonts cannot draw {describe(char)}; it would show as a box"
        return None


def _shown_scalars(node: Node, key: str | None = None):
    if node.kind == MAPPING:
        for name, value in node.items.items():
            yield from _shown_scalars(value, name)
    elif node.kind == SEQUENCE:
        for item in node.value:
            yield from _shown_scalars(item, key)
    elif node.kind == SCALAR and key in SHOWN_KEYS:
        yield node


def text_problems(text: str, path: str, coverage: Coverage) -> list[Problem]:
    """A warning per shown text with a character that will not display, at that character."""
    try:
        root = parse(text)
    except YamlProblem:
        return []  # the loader reports the syntax error
    starts = [0]
    for i, char in enumerate(text):
        if char == "\n":
            starts.append(i + 1)
    out = []
    for node in _shown_scalars(root):
        found = coverage.first_problem(str(node.value))
        if found is None:
            continue
        index, message = found
        line, column = node.line, node.column
        at = text.find(str(node.value)[index], starts[node.line - 1] + node.column - 1)
        if at >= 0:  # where the character is written (not found: written as an escape)
            line = next(n for n in range(len(starts), 0, -1) if starts[n - 1] <= at)
            column = at - starts[line - 1] + 1
        out.append(Problem(path, line, column, WARNING, message))
    return out


def file_problems(path: Path, shown_path: str, coverage: Coverage, max_bytes: int) -> list[Problem]:
    """:func:`text_problems` for a file; nothing if it cannot be read (the loader says why)."""
    try:
        text = read_small(path, max_bytes).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):  # TooLarge and NotAFile are OSErrors too
        return []
    return text_problems(text, shown_path, coverage)
