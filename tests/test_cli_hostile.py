"""Hostile files through the commands authors run: a clear message and an exit code, never 70."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.support.scenarios import BASE, write

ROOT = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX file system")


def _limit_memory():  # a read without a limit fails here instead of filling the machine
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run(*args, **env):
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True, cwd=ROOT, env=dict(os.environ, **env), timeout=60,
        preexec_fn=None if sys.platform.startswith("win") else _limit_memory,
    )  # fmt: skip


@posix_only
def test_outline_of_dev_zero_is_refused():
    r = run("outline", "/dev/zero")
    err = r.stderr.decode()
    assert r.returncode == 1, err
    assert "not a regular file" in err and "went wrong" not in err


@posix_only
def test_validate_of_a_fifo_is_an_error(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)

    def connect():  # releases a reader that opens it (the bug); harmless otherwise
        with open(fifo, "wb"):
            pass

    writer = threading.Thread(target=connect, daemon=True)
    writer.start()
    try:
        r = run("validate", fifo)
    finally:
        if writer.is_alive():
            fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
            writer.join()
            os.close(fd)
    out = r.stdout.decode()
    assert r.returncode == 1, out
    assert "not a regular file" in out and "1 file checked, 0 valid: 1 error" in out


@posix_only
def test_validate_on_a_strict_ascii_terminal(tmp_path):
    write(tmp_path, BASE.replace("mood: hopeful", "mood: tristé"), "triste.yaml")
    write(tmp_path, "id: [unclosed\n", os.fsdecode(b"bad-\xff.yaml"))
    r = run("validate", tmp_path, PYTHONIOENCODING="ascii:strict")
    out = r.stdout.decode("ascii")
    assert r.returncode == 1, r.stderr.decode()
    assert "unknown mood 'trist\\xe9'" in out
    assert "bad-\\xff.yaml" in out
    assert "2 files checked, 0 valid" in out
