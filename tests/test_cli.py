"""The command line through a real subprocess, as authors use it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.scenarios import BASE, write

ROOT = Path(__file__).resolve().parent.parent


def run(*args, stdin: str = "", cwd: Path = ROOT, home: Path | None = None):
    env = dict(os.environ)
    if home is not None:
        env["FIRM_AND_KIND_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        input=stdin, capture_output=True, text=True, cwd=cwd, env=env, timeout=60,
    )  # fmt: skip


def test_help_lists_every_command():
    out = " ".join(run("--help").stdout.split())
    for command in ("play", "validate", "new"):
        assert command in out
    from game.cli import _command_modules

    for mod in _command_modules():
        assert f"{mod.NAME} {' '.join(mod.HELP.split())}" in out


def test_help_is_read_without_importing_the_commands():
    from game.cli import _command_modules, command_table

    table = command_table()
    assert [(c.name, c.help, c.order) for c in table] == [
        (m.NAME, m.HELP, m.ORDER) for m in _command_modules()
    ]
    code = (
        "import sys, contextlib, io\n"
        "from game.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['--help'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('game.cli.commands.')))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.stdout.strip() == "[]", r.stdout + r.stderr


@pytest.mark.parametrize("command", ["validate", "schema"])
def test_a_command_imports_only_its_own_module(tmp_path, command):
    code = (
        "import sys, contextlib, io\n"
        "from game.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main([{command!r}])\n"
        "print(code, sorted(m for m in sys.modules if m.startswith('game.cli.commands.')))\n"
    )
    env = dict(os.environ, FIRM_AND_KIND_HOME=str(tmp_path))
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env
    )
    assert r.stdout.strip() == f"0 ['game.cli.commands.{command}']", r.stdout + r.stderr


def test_validate_shipped_scenarios_is_clean():
    r = run("validate")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 errors, 0 warnings" in r.stdout.splitlines()[-1]


def test_validate_reports_positions_and_exit_code(tmp_path):
    write(tmp_path, BASE.replace("difficulty: 2", "difficulty: hard"), "bad.yaml")
    write(tmp_path, BASE.replace("test-scenario", "good-one"), "good.yaml")
    r = run("validate", tmp_path, cwd=tmp_path)
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert lines[0] == "bad.yaml:4:13: error: difficulty must be 1, 2 or 3, not 'hard'" or lines[
        0
    ].endswith("bad.yaml:4:13: error: difficulty must be 1, 2 or 3, not 'hard'")
    assert lines[-1] == "2 files checked, 1 valid: 1 error, 0 warnings"
    assert "Traceback" not in r.stdout + r.stderr


def test_validate_relative_paths_print_relative(tmp_path):
    write(tmp_path, BASE.replace("difficulty: 2", "difficulty: hard"), "sub/bad.yaml")
    r = run("validate", "sub", cwd=tmp_path)
    assert r.stdout.splitlines()[0].startswith("sub/bad.yaml:4:13: error:")


def test_validate_strict_fails_on_warnings(tmp_path):
    write(tmp_path, BASE.replace("category: work", "category: wrok"))
    assert run("validate", tmp_path).returncode == 0
    r = run("validate", "--strict", tmp_path)
    assert r.returncode == 1 and "warning:" in r.stdout


def test_duplicate_ids_name_both_files(tmp_path):
    write(tmp_path, BASE, "a.yaml")
    write(tmp_path, BASE, "b.yaml")
    r = run("validate", ".", cwd=tmp_path)
    assert r.returncode == 1
    assert (
        "b.yaml:1:5: error: duplicate scenario id 'test-scenario': also used by a.yaml" in r.stdout
    )


def test_validate_missing_path(tmp_path):
    r = run("validate", tmp_path / "nope")
    assert r.returncode == 1 and "no such file or folder" in r.stdout


def test_broken_file_does_not_stop_the_others(tmp_path):
    write(tmp_path, "id: [unclosed\n", "broken.yaml")
    write(tmp_path, BASE, "fine.yaml")
    r = run("validate", tmp_path)
    assert "2 files checked, 1 valid" in r.stdout


def test_play_text_best_path_prints_the_score_line(tmp_path):
    path = write(tmp_path, BASE)
    # Find which number is the best reply under seed 5, as a player reading the screen would.
    from game.core.engine import Playthrough
    from game.core.loader import load_scenario_file

    p = Playthrough(load_scenario_file(path)[0], seed=5)
    answers = []
    while not p.finished:
        best = max(range(len(p.choices)), key=lambda i: p.choices[i].points)
        answers.append(str(best + 1))
        p.choose(best)
    r = run(
        "play", "--text", "--seed", "5", path, stdin="\n".join(answers) + "\n", home=tmp_path / "h"
    )
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert out.splitlines()[-1] == "score: 18/20 (90%) stars: 3"
    assert "Could you help me?" in out and "Assertive reply · +10 points" in out
    assert "== Held (good ending) ==" in out


def test_play_text_reasks_and_quits_on_eof(tmp_path):
    path = write(tmp_path, BASE)
    r = run("play", "--text", "--seed", "1", path, stdin="hello\n7\n", home=tmp_path / "h")
    assert r.returncode == 0
    assert r.stdout.count("Please type a number from 1 to 2.") == 2
    assert "nothing was saved" in r.stdout
    assert "score:" not in r.stdout


def test_play_text_same_seed_same_order(tmp_path):
    path = write(tmp_path, BASE)
    a = run("play", "--text", "--seed", "9", path, stdin="", home=tmp_path / "h").stdout
    b = run("play", "--text", "--seed", "9", path, stdin="", home=tmp_path / "h").stdout
    assert a == b


def test_play_text_bad_file(tmp_path):
    path = write(tmp_path, BASE.replace("start: ask", "start: nowhere"))
    r = run("play", "--text", path)
    assert r.returncode == 1
    assert "error: start 'nowhere' is not a beat" in r.stderr
    assert "Traceback" not in r.stderr


def test_new_writes_a_valid_template_and_refuses_to_overwrite(tmp_path):
    r = run("new", "borrowed-car", "--dir", tmp_path)
    assert r.returncode == 0, r.stderr
    target = tmp_path / "borrowed-car.yaml"
    text = target.read_text()
    assert text.startswith("# yaml-language-server: $schema=")
    v = run("validate", "--strict", target)
    assert v.returncode == 0, v.stdout
    before = target.read_text()
    again = run("new", "borrowed-car", "--dir", tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert target.read_text() == before


@pytest.mark.parametrize("bad", ["Bad_Id", "x-", "a--b", "a b"])
def test_new_rejects_bad_ids(tmp_path, bad):
    r = run("new", bad, "--dir", tmp_path)
    assert r.returncode == 2 and "not a valid scenario id" in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_unexpected_error_prints_one_line_and_logs(tmp_path, monkeypatch, capsys):
    from game.cli import main
    from game.cli.commands import validate

    def boom(args, ctx):
        raise ValueError("kaboom")

    monkeypatch.setattr(validate, "run", boom)
    code = main(["validate"])
    err = capsys.readouterr().err
    assert code == 70
    assert err.count("\n") == 1 and "details in" in err and "Traceback" not in err
    # The log is set up once a process: read it where this process's handler writes.
    import logging

    (handler,) = logging.getLogger("firm_and_kind").handlers
    assert "kaboom" in Path(handler.baseFilename).read_text()


def test_play_text_records_finished_playthroughs_only(tmp_path):
    path = write(tmp_path, BASE)
    home = tmp_path / "h"
    run("play", "--text", "--seed", "1", path, stdin="", home=home)  # quit at once
    out = run("progress", "--json", home=home).stdout
    assert out.strip() == "[]"
    r = run("play", "--text", "--seed", "1", path, stdin="1\n1\n1\n", home=home)
    assert r.stdout.splitlines()[-1].startswith("score:")
    import json

    rows = json.loads(run("progress", "--json", home=home).stdout)
    assert [row["id"] for row in rows] == ["test-scenario"] and rows[0]["attempts"] == 1


def test_closed_pipe_ends_quietly(tmp_path):
    # A long chain of beats gives an outline far larger than a pipe's buffer.
    lines = ["id: long", "title: Long", "category: work", "difficulty: 1", "summary: Long.",
             "characters:", "  sam: {name: Sam}", "start: b0", "beats:"]  # fmt: skip
    for i in range(400):
        nxt = f"b{i + 1}" if i < 399 else "end"
        lines += [
            f"  b{i}:",
            "    speaker: sam",
            f"    line: Asking again, time {i}.",
            "    choices:",
        ]
        for style in ("assertive", "passive"):
            lines += [f"      - text: A {style} reply at {i}.", f"        style: {style}",
                      "        feedback: Some feedback.", f"        next: {nxt}"]  # fmt: skip
    lines += ["endings:", "  end: {title: End, tone: good, text: Done.}"]
    path = write(tmp_path, "\n".join(lines) + "\n")
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "outline", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )  # fmt: skip
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert "went wrong" not in err and "Traceback" not in err


def test_play_text_needs_a_file_not_a_folder(tmp_path):
    r = run("play", "--text", tmp_path)
    assert r.returncode == 2 and "is a folder" in r.stderr
    r = run("play", "--text")
    assert r.returncode == 2 and "needs a scenario FILE" in r.stderr
