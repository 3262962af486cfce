"""Which characters the bundled fonts can draw, and the warnings ``validate`` gives."""

from __future__ import annotations

import struct

import pytest

from game.core.glyphs import (
    FALLBACK_FONT,
    FONT_DIR,
    MAIN_FONT,
    Coverage,
    read_cmap,
    text_problems,
)
from game.errors import FontFileError
from tests.support.scenarios import BASE, pos, write
from tests.test_cli import run


def font_with_cmap(*subtables: tuple[int, int, bytes]) -> bytes:
    """A minimal sfnt file holding only a cmap table with the given subtables."""
    head = struct.pack(">HH", 0, len(subtables))
    body = b""
    offset = 4 + 8 * len(subtables)
    for platform, encoding, sub in subtables:
        head += struct.pack(">HHI", platform, encoding, offset + len(body))
        body += sub
    cmap = head + body
    return struct.pack(">IHHHH", 0x00010000, 1, 16, 0, 0) + struct.pack(
        ">4sIII", b"cmap", 0, 28, len(cmap)
    ) + cmap  # fmt: skip


def format12(groups) -> bytes:
    data = b"".join(struct.pack(">III", *g) for g in groups)
    return struct.pack(">HHIII", 12, 0, 16 + len(data), 0, len(groups)) + data


def format4() -> bytes:
    # Segment 0: A-C by delta (glyphs 10-12). Segment 1: U+0410-U+0412 through the glyph
    # array [5, 0, 7], so U+0411 maps to glyph 0 (the box) and is not covered. Then 0xFFFF.
    ends, starts = [0x43, 0x412, 0xFFFF], [0x41, 0x410, 0xFFFF]
    deltas, offsets = [10 - 0x41, 0, 1], [0, 2 * 2, 0]
    glyphs = [5, 0, 7]
    n = len(ends)
    body = struct.pack(f">{n}H", *ends) + b"\0\0" + struct.pack(f">{n}H", *starts)
    body += struct.pack(f">{n}h", *deltas) + struct.pack(f">{n}H", *offsets)
    body += struct.pack(f">{len(glyphs)}H", *glyphs)
    return struct.pack(">HHHHHHH", 4, 14 + len(body), 0, 2 * n, 0, 0, 0) + body


def test_format_12_groups(tmp_path):
    path = tmp_path / "f.ttf"
    path.write_bytes(font_with_cmap((3, 10, format12([(0x20, 0x22, 1), (0x1F600, 0x1F601, 9)]))))
    assert read_cmap(path) == {0x20, 0x21, 0x22, 0x1F600, 0x1F601}


def test_format_4_deltas_and_glyph_array(tmp_path):
    path = tmp_path / "f.ttf"
    path.write_bytes(font_with_cmap((3, 1, format4())))
    assert read_cmap(path) == {0x41, 0x42, 0x43, 0x410, 0x412}


def test_format_12_is_preferred_over_format_4(tmp_path):
    path = tmp_path / "f.ttf"
    path.write_bytes(font_with_cmap((3, 1, format4()), (3, 10, format12([(0x30, 0x30, 3)]))))
    assert read_cmap(path) == {0x30}


@pytest.mark.parametrize("data", [b"", b"\0\1\0\0" + b"\0" * 8, font_with_cmap()[:40]])
def test_damaged_fonts_raise_a_font_error(tmp_path, data):
    path = tmp_path / "f.ttf"
    path.write_bytes(data)
    with pytest.raises(FontFileError):
        read_cmap(path)


def test_the_bundled_fonts():
    main, fallback = read_cmap(FONT_DIR / MAIN_FONT), read_cmap(FONT_DIR / FALLBACK_FONT)
    assert {ord(c) for c in "Aé?"} <= main
    assert ord("Ж") not in main and ord("ω") not in main  # why a fallback is bundled
    assert {ord(c) for c in "ЖжΩωĞőẞ€"} <= fallback
    assert ord("ツ") not in main | fallback


def test_first_problem_per_text():
    cov = Coverage.bundled()
    assert cov.first_problem("Привет! Καλημέρα. Grüße, ça va?\n") is None
    assert cov.first_problem("ok ツ and ツ") == (
        3,
        "the bundled fonts cannot draw 'ツ' (U+30C4); it would show as a box",
    )
    index, message = cov.first_problem("say שלום")
    assert index == 4
    assert message.startswith("right-to-left text is not supported yet: 'ש' (U+05E9)")
    assert "U+0645" in cov.first_problem("مرحبا")[1]
    assert cov.first_problem("a\u0378b")[1].startswith("the bundled fonts cannot draw U+0378")


def test_positions_point_at_the_character(tmp_path):
    text = BASE.replace(
        "feedback: Clear and kind.", "feedback: >-\n          Clear and\n          kind ツ."
    ).replace("title: Held", 'title: "Held 😀"')
    problems = text_problems(text, "s.yaml", Coverage.bundled())
    assert [(p.line, p.column) for p in problems] == [pos(text, "ツ"), pos(text, "😀")]
    assert all(p.severity == "warning" for p in problems)


def test_ids_and_portraits_are_not_checked():
    text = BASE.replace("next: gave-in", "next: ツ").replace("gave-in:", "ツ:")
    assert text_problems(text, "s.yaml", Coverage.bundled()) == []


def test_validate_warns_with_line_and_column(tmp_path):
    text = (
        BASE.replace("Could you help me?", "Можешь помочь? ツ ツ")
        .replace("title: Held", "title: שלום")
        .replace("title: A test", "title: Ένα τεστ")
    )
    write(tmp_path, text)
    r = run("validate", "s.yaml", cwd=tmp_path)
    assert r.returncode == 0  # warnings only
    line, col = pos(text, "ツ")
    rtl_line, rtl_col = pos(text, "שלום")
    assert r.stdout.splitlines() == [
        f"s.yaml:{line}:{col}: warning: the bundled fonts cannot draw 'ツ' (U+30C4); "
        "it would show as a box",
        f"s.yaml:{rtl_line}:{rtl_col}: warning: right-to-left text is not supported yet: "
        "'ש' (U+05E9); the game cannot show it properly",
        "1 file checked, 1 valid: 0 errors, 2 warnings",
    ]
    assert run("validate", "--strict", "s.yaml", cwd=tmp_path).returncode == 1


def test_russian_and_greek_validate_clean(tmp_path):
    write(tmp_path, BASE.replace("Could you help me?", "Поможешь? Θα βοηθήσεις;"))
    r = run("validate", "--strict", "s.yaml", cwd=tmp_path)
    assert r.returncode == 0, r.stdout
