"""Hostile scenario files: each one is refused with a positioned message and affects no other file."""

from __future__ import annotations

import contextlib
import os
import struct
import sys
import threading
import zlib
from pathlib import Path

import pytest

from game.core import library as library_mod
from game.core.fields import Reporter, suggestion
from game.core.library import load_library, scenario_files
from game.core.loader import MAX_BYTES, load_scenario_file
from game.core.problems import Problem, display_path
from tests.support.scenarios import BASE, errors, load, pos, write

posix_only = pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX file system")


# -- item 6: huge numbers, and one bad file never affects another ------------
@pytest.mark.parametrize(
    ("old", "key"),
    [
        ("difficulty: 2", "difficulty"),
        ("points: 8", "points"),
        ("summary:", "format"),
    ],
)
def test_a_4301_digit_number_is_a_positioned_error(tmp_path, old, key):
    huge = "9" * 4301
    if key == "format":
        text = BASE.replace("summary:", f"format: {huge}\nsummary:")
    else:
        text = BASE.replace(old, f"{key}: {huge}")
    scenario, problems = load(tmp_path, text)
    assert scenario is None
    found = [p for p in errors(problems) if p.message.startswith(f"{key} ")]
    assert len(found) == 1, problems
    assert (found[0].line, found[0].column) == pos(text, huge)
    assert len(found[0].message) < 300  # the number is quoted shortened, not in full


def test_an_unexpected_exception_in_one_file_is_that_files_problem(tmp_path, monkeypatch, caplog):
    write(tmp_path, BASE, "good.yaml")
    write(tmp_path, BASE.replace("id: test-scenario", "id: poison"), "poison.yaml")
    real = library_mod.load_scenario_file

    def flaky(path, **kw):
        if Path(path).name == "poison.yaml":
            raise ValueError("a bug in a rule")
        return real(path, **kw)

    monkeypatch.setattr(library_mod, "load_scenario_file", flaky)
    with caplog.at_level("ERROR"):
        lib = load_library([tmp_path])
    assert [s.id for s in lib.scenarios] == ["test-scenario"]
    assert [b.path.name for b in lib.broken] == ["poison.yaml"]
    (problem,) = lib.broken[0].problems
    assert problem.is_error and "could not be checked" in problem.message
    assert "a bug in a rule" in caplog.text


# -- item 7: a file name that is not valid UTF-8 -----------------------------
@posix_only
def test_a_file_name_with_undecodable_bytes_displays_safely(tmp_path):
    name = os.fsdecode(b"bad-\xff\xfe.yaml")
    path = write(tmp_path, "id: [unclosed\n", name)
    shown = display_path(path)
    shown.encode("utf-8")  # no surrogates left to trip a font or a strict terminal
    assert "bad-" in shown and "\\xff" in shown
    lib = load_library([tmp_path])
    for problem in lib.problems:
        str(problem).encode("utf-8")


# -- item 10: suggestions stay fast on many bad references -------------------
def test_many_bad_references_are_each_reported(tmp_path):
    lines = ["id: many", "title: Many", "category: work", "difficulty: 1", "summary: Many.",
             "characters:", "  sam: {name: Sam}", "start: b0", "beats:"]  # fmt: skip
    n = 600
    for i in range(n):
        lines += [f"  b{i}:", "    speaker: sam", "    line: Again.", "    choices:",
                  "      - text: No.", "        style: assertive", "        feedback: Good.",
                  f"        next: missing-beat-{i}",
                  "      - text: Yes.", "        style: passive", "        feedback: Hm.",
                  "        next: end"]  # fmt: skip
    lines += ["endings:", "  end: {title: End, tone: good, text: Done.}"]
    scenario, problems = load(tmp_path, "\n".join(lines) + "\n")
    bad = [p for p in problems if "is not a beat or an ending" in p.message]
    assert len(bad) == n
    assert {p.message.split("'")[1] for p in bad} == {f"missing-beat-{i}" for i in range(n)}


def test_suggestions_are_cached_and_bounded_per_file():
    rep = Reporter("x.yaml")
    options = {f"beat-{i}" for i in range(500)}
    assert suggestion("beat-7x", options, rep) == "; did you mean 'beat-7'?"
    # The same unknown name costs nothing the second time, and answers the same.
    assert suggestion("beat-7x", options, rep) == "; did you mean 'beat-7'?"
    for i in range(1000):
        assert suggestion(f"other-{i}", options, rep) == ""
    assert suggestion("beat-7x", options, rep) == "; did you mean 'beat-7'?"
    assert 0 < rep.suggestion_work <= Reporter.SUGGESTION_BUDGET


# -- item 11: reads are bounded; FIFOs and devices are refused ---------------
def test_the_size_limit_holds_on_the_read_itself(tmp_path, monkeypatch):
    path = write(tmp_path, BASE + "#" + "x" * (MAX_BYTES + 10) + "\n")
    real_stat = Path.stat

    def lying_stat(self, *a, **kw):  # a file that grows after stat(): stat cannot be trusted
        st = real_stat(self, *a, **kw)
        if self == path:
            return os.stat_result((st.st_mode, *[0] * 5, 10, *st[7:]))
        return st

    monkeypatch.setattr(Path, "stat", lying_stat)
    scenario, problems = load_scenario_file(path)
    assert scenario is None
    assert "at most 256 KiB" in errors(problems)[0].message


@contextlib.contextmanager
def _fifo_writer(fifo: Path):
    """A writer that connects and closes at once; released on exit if nobody opened the FIFO."""

    def connect():
        with open(fifo, "wb"):
            pass

    thread = threading.Thread(target=connect, daemon=True)
    thread.start()
    try:
        yield
    finally:
        if thread.is_alive():
            fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
            thread.join()
            os.close(fd)


@posix_only
def test_a_fifo_is_refused_not_read(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with _fifo_writer(fifo):  # so that opening it for reading cannot block the test forever
        scenario, problems = load_scenario_file(fifo)
    assert scenario is None
    assert "not a regular file" in errors(problems)[0].message


@posix_only
def test_a_device_is_refused():
    scenario, problems = load_scenario_file(Path("/dev/zero"))
    assert scenario is None
    assert "not a regular file" in errors(problems)[0].message


@posix_only
def test_a_fifo_named_on_the_command_line_is_an_error_in_the_library(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with _fifo_writer(fifo):
        lib = load_library([fifo])
    assert lib.files == 1 and lib.errors
    assert "not a regular file" in lib.errors[0].message


def test_an_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    write(tmp_path, BASE, "good.yaml")
    write(tmp_path / "locked", BASE.replace("test-scenario", "hidden-one"), "inside.yaml")
    real_scandir = os.scandir

    def refusing(path):  # as chmod 000 would, even for a test run as root
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(library_mod.os, "scandir", refusing)
    lib = load_library([tmp_path])
    assert [s.id for s in lib.scenarios] == ["test-scenario"]
    (problem,) = lib.errors
    assert problem.path.endswith("locked") and "cannot be read" in problem.message


# -- item 12: staging folders and folders that vanish mid-scan ---------------
def test_the_scan_skips_staging_folders(tmp_path):
    write(tmp_path, BASE, "good.yaml")
    write(tmp_path / ".pack.installing-1234abcd", BASE, "copy.yaml")
    assert [p.name for p in scenario_files(tmp_path)] == ["good.yaml"]


def test_a_folder_vanishing_mid_scan_spoils_nothing(tmp_path, monkeypatch):
    write(tmp_path, BASE, "a/good.yaml")
    write(tmp_path, BASE.replace("test-scenario", "other"), "b/gone.yaml")
    real_scandir = os.scandir

    def vanishing(path):
        if Path(path).name == "b":
            raise FileNotFoundError(2, "No such file or directory", str(path))
        return real_scandir(path)

    monkeypatch.setattr(library_mod.os, "scandir", vanishing)
    lib = load_library([tmp_path])
    assert [s.id for s in lib.scenarios] == ["test-scenario"]
    assert lib.errors == []  # a folder that is gone is not an error of anyone's


def test_a_file_vanishing_between_scan_and_read_is_its_own_problem(tmp_path, monkeypatch):
    write(tmp_path, BASE, "a.yaml")
    gone = write(tmp_path, BASE.replace("test-scenario", "other"), "b.yaml")
    real = library_mod.scan

    def scan_then_delete(root, *a, **kw):
        found = real(root, *a, **kw)
        gone.unlink()
        return found

    monkeypatch.setattr(library_mod, "scan", scan_then_delete)
    lib = load_library([tmp_path])
    assert [s.id for s in lib.scenarios] == ["test-scenario"]
    assert [p.message for p in lib.errors] == ["no such file"]


# -- item 13: portraits with huge dimensions ---------------------------------
def _png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + chunk + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))


def test_a_huge_portrait_is_refused_before_decoding(tmp_path):
    (tmp_path / "sam.png").write_bytes(_png_header(20000, 20000) + b"\0" * 64)
    text = BASE.replace("role: Coworker}", "portrait: sam.png}")
    scenario, problems = load(tmp_path, text)
    assert scenario is not None  # it still plays, with a drawn portrait
    assert scenario.characters["sam"].portrait is None
    (warning,) = [p for p in problems if "portrait" in p.message]
    assert not warning.is_error
    assert (warning.line, warning.column) == pos(text, "sam.png")
    assert "20000" in warning.message and "4096" in warning.message


def test_a_normal_portrait_still_loads(tmp_path):
    (tmp_path / "sam.png").write_bytes(_png_header(256, 300) + b"\0" * 64)
    scenario, problems = load(tmp_path, BASE.replace("role: Coworker}", "portrait: sam.png}"))
    assert problems == []
    assert scenario.characters["sam"].portrait == (tmp_path / "sam.png").resolve()


# -- item 17: control characters at their place, one wording ----------------
@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize("char", ["\x07", "\x1b", "\x7f", "\x0c"])
def test_a_control_character_is_reported_where_it_is(tmp_path, fast, char):
    text = BASE.replace("Could you help me?", f"Could you{char} help me?")
    scenario, problems = load(tmp_path, text, fast=fast)
    (problem,) = errors(problems)
    assert (problem.line, problem.column) == pos(text, char)
    assert problem.message == (
        f"a control character (U+{ord(char):04X}) is not allowed in a scenario file; delete it"
    )


# -- item 18: invisible characters are shown escaped -------------------------
def test_zero_width_and_bidi_characters_are_visible_in_messages(tmp_path):
    text = BASE.replace("next: second", "next: \u200bsecond").replace(
        "next: held", "next: he\u202eld"
    )
    scenario, problems = load(tmp_path, text)
    messages = [p.message for p in errors(problems)]
    assert any("'\\u200bsecond'" in m and "did you mean 'second'?" in m for m in messages)
    assert any("'he\\u202eld'" in m for m in messages)
    for m in messages:
        assert "\u200b" not in m and "\u202e" not in m


def test_problem_text_escapes_invisible_characters():
    p = Problem("a\u200b.yaml", 1, 1, "error", "x\u2066y\tz")
    assert str(p) == "a\\u200b.yaml:1:1: error: x\\u2066y\\tz"


def test_image_headers_are_measured_without_decoding(tmp_path):
    import pygame

    from game.core.imageinfo import image_size

    for ext in ("png", "jpg", "bmp"):
        surface = pygame.Surface((37, 23))
        pygame.image.save(surface, str(tmp_path / f"x.{ext}"))
        assert image_size((tmp_path / f"x.{ext}").read_bytes()) == (37, 23), ext
    assert image_size(_png_header(20000, 20000)) == (20000, 20000)
    assert image_size(b"GIF89a" + struct.pack("<HH", 5, 7)) == (5, 7)
    assert image_size(b"not an image at all") is None
    assert image_size(b"\xff\xd8\xff\xe0\x00\x01") is None  # a broken segment length


def test_the_window_falls_back_to_a_drawn_portrait_for_a_huge_image(tmp_path, caplog):
    from game.ui.portraits.loading import load_portrait

    path = tmp_path / "huge.png"
    path.write_bytes(_png_header(20000, 20000) + b"\0" * 64)
    with caplog.at_level("WARNING"):
        assert load_portrait(path, (160, 200)) is None
    assert "20000 x 20000" in caplog.text


def test_many_replies_back_to_the_start_make_one_loop_message(tmp_path):
    # Every beat of a long chain has a reply back to the first: one loop is named, once.
    lines = ["id: loops", "title: Loops", "category: work", "difficulty: 1", "summary: Loops.",
             "characters:", "  sam: {name: Sam}", "start: b0", "beats:"]  # fmt: skip
    n = 400
    for i in range(n):
        nxt = f"b{i + 1}" if i + 1 < n else "end"
        lines.append(
            f"  b{i}: {{speaker: sam, line: L, choices: [{{text: a, style: assertive, "
            f"feedback: f, next: {nxt}}}, {{text: b, style: passive, feedback: f, next: b0}}]}}"
        )
    lines += ["endings:", "  end: {title: End, tone: good, text: Done.}"]
    scenario, problems = load(tmp_path, "\n".join(lines) + "\n")
    loops = [p for p in errors(problems) if "form a loop" in p.message]
    (loop,) = loops
    chain = " -> ".join(f"b{i}" for i in range(n))
    assert loop.message.endswith(f"could never end: {chain} -> b0")


@pytest.mark.parametrize(
    "edit",
    [
        ("Could you help me?", "Could you\thelp me?"),  # a tab between words is text
        ("line: Please?", "line:\tPlease?"),  # a tab after ':' separates
        ("    line: Please?", "    line: Please?\t"),  # a trailing tab is nothing
        ("  second:", "\t  second:"),  # a tab as indentation is refused
        ("      - text: Still no.", "      -\ttext: Still no."),  # not after '-'
    ],
)
def test_both_parsers_read_tabs_alike(tmp_path, edit):
    assert edit[0] in BASE
    text = BASE.replace(*edit)
    fast_scenario, fast_problems = load(tmp_path, text, fast=True)
    pure_scenario, pure_problems = load(tmp_path, text, fast=False)
    assert (fast_scenario is None) == (pure_scenario is None)
    assert [p.message for p in fast_problems] == [p.message for p in pure_problems]
    if fast_scenario is not None:
        assert fast_scenario.beats == pure_scenario.beats
