"""The log: private, rotated, created only when something is logged, and never a traceback
on the terminal when it cannot be written. Also the player's folders are private."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli.logfile import PrivateLogHandler
from game.paths import AppPaths

ROOT = Path(__file__).resolve().parent.parent


def run(home: Path, *args):
    env = dict(os.environ, FIRM_AND_KIND_HOME=str(home))
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=60,
    )  # fmt: skip


def damaged_history(home: Path) -> None:
    """A history the game will log about when it opens it."""
    data = home / "data"
    data.mkdir(parents=True)
    (data / "history.sqlite3").write_bytes(b"this is not a database at all" * 200)


def test_validate_creates_no_log_folder(tmp_path):
    home = tmp_path / "home"
    r = run(home, "validate", ROOT / "scenarios")
    assert r.returncode == 0, r.stdout + r.stderr
    assert not (home / "logs").exists()


def test_the_log_and_its_folder_are_private_when_first_written(tmp_path):
    home = tmp_path / "home"
    damaged_history(home)
    r = run(home, "progress")
    assert r.returncode == 0, r.stderr
    log = home / "logs" / "firm-and-kind.log"
    assert "damaged" in log.read_text(encoding="utf-8")
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_log_on_a_full_disk_prints_no_traceback(tmp_path):
    home = tmp_path / "home"
    damaged_history(home)
    (home / "logs").mkdir(mode=0o700)
    (home / "logs" / "firm-and-kind.log").symlink_to("/dev/full")  # every write: ENOSPC
    mode = os.stat("/dev/full").st_mode
    r = run(home, "progress")
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr and "Logging error" not in r.stderr, r.stderr
    assert "set aside" in r.stderr  # the player is still told what happened
    assert os.stat("/dev/full").st_mode == mode  # the device was not made private


def test_a_failing_handler_notes_the_failure_once_and_stops_trying(tmp_path, capfd):
    target = tmp_path / "logs" / "firm-and-kind.log"
    handler = PrivateLogHandler(target)
    calls = []

    def broken_open():
        calls.append(1)
        raise OSError(28, "No space left on device")

    handler._open = broken_open
    logger = logging.getLogger("firm_and_kind.test_failing_handler")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for i in range(5):
            logger.warning("message %d", i)
    finally:
        logger.removeHandler(handler)
        handler.close()
    out, err = capfd.readouterr()
    assert err == "" and out == ""
    assert len(calls) == 1
    assert handler.failure and "No space left" in handler.failure


def test_the_log_rotates_and_keeps_a_few_private_files(tmp_path):
    target = tmp_path / "logs" / "firm-and-kind.log"
    handler = PrivateLogHandler(target, max_bytes=2000, backups=2)
    logger = logging.getLogger("firm_and_kind.test_rotation")
    logger.addHandler(handler)
    logger.propagate = False
    assert not target.parent.exists()  # nothing yet: opened on the first record
    try:
        for i in range(300):
            logger.warning("line %04d %s", i, "x" * 40)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in target.parent.iterdir())
    assert files == ["firm-and-kind.log", "firm-and-kind.log.1", "firm-and-kind.log.2"]
    for p in target.parent.iterdir():
        assert p.stat().st_size <= 2000
        assert stat.S_IMODE(p.stat().st_mode) == 0o600
    assert "line 0299" in target.read_text(encoding="utf-8")


def test_the_players_folders_are_created_private(tmp_path):
    root = tmp_path / "new" / "home"
    paths = AppPaths(root / "data", root / "config", root / "logs")
    old = os.umask(0o022)
    try:
        paths.ensure()
    finally:
        os.umask(old)
    for d in (root, paths.data_dir, paths.config_dir, paths.user_scenarios):
        assert stat.S_IMODE(d.stat().st_mode) == 0o700, d
    assert not paths.log_dir.exists()
