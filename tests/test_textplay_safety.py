"""The terminal player in hostile terminals: saved before the score, never a crash (exit 70)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.scenarios import BASE, write

ROOT = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX terminal")
FINISH = b"1\n1\n1\n"  # under any seed, three answers of 1 reach an ending of BASE


def _env(home: Path, **extra) -> dict:
    env = dict(os.environ, FIRM_AND_KIND_HOME=str(home), PYTHONUNBUFFERED="1")
    env.update(extra)
    return env


def _play(path, home, stdin: bytes = FINISH, **env):
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "play", "--text", "--seed", "3", str(path)],
        input=stdin, capture_output=True, env=_env(home, **env), timeout=60,
    )  # fmt: skip


def _attempts(home: Path) -> int:
    out = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "progress", "--json"],
        capture_output=True, text=True, env=_env(home), timeout=60,
    ).stdout  # fmt: skip
    return sum(row["attempts"] for row in json.loads(out))


def test_a_saved_line_comes_before_the_score_line(tmp_path):
    path = write(tmp_path, BASE)
    r = _play(path, tmp_path / "h")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.decode().splitlines()
    assert lines[-1].startswith("score: ")
    assert lines[-2] == "Saved to your history."


def test_a_line_says_so_when_it_could_not_be_saved(tmp_path):
    path = write(tmp_path, BASE)
    home = tmp_path / "h"
    home.mkdir()
    (home / "data").write_text("a file where the data folder should be")
    r = _play(path, home)
    lines = r.stdout.decode().splitlines()
    assert lines[-1].startswith("score: ")
    assert "can't be saved" in lines[-2] or "could not be saved" in lines[-2]
    assert r.returncode == 1


@posix_only
def test_kill_9_right_after_the_score_line_loses_nothing(tmp_path):
    path = write(tmp_path, BASE)
    home = tmp_path / "h"
    tries = 4
    for _ in range(tries):
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "play", "--text", str(path)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=_env(home),
        )  # fmt: skip
        proc.stdin.write(FINISH)
        proc.stdin.close()
        for line in proc.stdout:
            if line.startswith(b"score: "):
                proc.send_signal(signal.SIGKILL)
                break
        proc.wait(timeout=60)
        proc.stdout.close()
    assert _attempts(home) == tries


def test_binary_input_is_an_answer_that_is_not_a_number(tmp_path):
    path = write(tmp_path, BASE)
    binary = b"\xff\xfe\x00\x81\n" + b"x" * 100_000 + b"\n" + FINISH
    r = _play(path, tmp_path / "h", stdin=binary, PYTHONIOENCODING="utf-8:strict")
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert out.count("Please type a number from 1 to 2.") == 2
    assert out.splitlines()[-1].startswith("score: ")


@posix_only
def test_closed_input_is_the_end_of_input(tmp_path):
    path = write(tmp_path, BASE)
    r = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" "{ROOT / "main.py"}" play --text "{path}" <&-'],
        capture_output=True, env=_env(tmp_path / "h"), timeout=60,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert b"nothing was saved" in r.stdout and b"went wrong" not in r.stderr


@posix_only
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_to_a_full_disk_is_one_line_not_a_crash(tmp_path):
    path = write(tmp_path, BASE)
    with open("/dev/full", "wb") as full:
        r = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "play", "--text", str(path)],
            input=FINISH, stdout=full, stderr=subprocess.PIPE, env=_env(tmp_path / "h"),
            timeout=60,
        )  # fmt: skip
    err = r.stderr.decode()
    assert r.returncode == 1, err
    assert "could not write to the terminal" in err
    assert "Traceback" not in err and "went wrong" not in err


def test_an_ascii_only_terminal_gets_ascii(tmp_path):
    path = write(tmp_path, BASE.replace("Could you help me?", "Could you help me … today?"))
    r = _play(path, tmp_path / "h", PYTHONIOENCODING="ascii")
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode("ascii")  # every byte is ASCII
    assert "reply - +" in out and "help me ... today?" in out


@posix_only
def test_ctrl_c_says_nothing_was_saved_and_exits_130(tmp_path):
    path = write(tmp_path, BASE)
    home = tmp_path / "h"
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "play", "--text", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(home),
    )  # fmt: skip
    seen = b""
    while b"Your reply" not in seen:
        chunk = os.read(proc.stdout.fileno(), 4096)
        assert chunk, "the game ended before asking"
        seen += chunk
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    proc.stdin.close()
    assert proc.returncode == 130, err
    assert (seen + out).endswith(b"\nStopped; nothing was saved.\n")
    assert _attempts(home) == 0
