"""Installing hostile packs: only scenarios and images, bounded and private; kills leave nothing."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.core.packs import install_pack
from game.paths import AppPaths
from tests.test_install import installed_names, run_cli, write_pack

ROOT = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX file system")


@pytest.fixture
def paths(tmp_path) -> AppPaths:
    home = tmp_path / "home"
    return AppPaths(home / "data", home / "config", home / "logs")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_only_scenarios_and_images_are_copied_each_private(tmp_path, paths):
    src = write_pack(tmp_path / "hostile")
    (src / "face.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    (src / "face.png").chmod(0o4755)  # setuid, executable by all
    (src / "art").mkdir(mode=0o777)
    (src / "art" / "photo.jpeg").write_bytes(b"\xff\xd8\xff")
    with open(src / "clip.mp4", "wb") as fh:  # sparse: 64 MiB stated, nothing on disk
        fh.truncate(64 * 1024 * 1024)
    with open(src / "huge.png", "wb") as fh:
        fh.truncate(9 * 1024 * 1024)
    (src / "moving-day.yaml").chmod(0o4755)
    result = install_pack(src, paths)
    target = result.target
    names = sorted(str(p.relative_to(target)) for p in target.rglob("*"))
    assert names == ["art", "art/photo.jpeg", "face.png", "moving-day.yaml", "second-one.yaml"]
    for p in target.rglob("*"):
        assert _mode(p) == (0o700 if p.is_dir() else 0o600), p
    assert _mode(target) == 0o700
    assert sorted(result.skipped) == [
        "clip.mp4: not a scenario file or an image",
        "huge.png: larger than 8 MiB",
    ]


@posix_only
def test_a_fifo_in_a_pack_is_named_in_a_sentence(tmp_path, paths):
    src = write_pack(tmp_path / "piped")
    os.mkfifo(src / "pipe.png")
    code, out, err = run_cli(["install", str(src)], paths)
    assert code == 0, err
    assert "not copied: pipe.png: not a regular file" in out
    assert "[(" not in out + err


@posix_only
def test_a_scenario_behind_a_link_is_not_listed_as_installed(tmp_path, paths):
    outside = write_pack(tmp_path / "elsewhere", ids=("linked-one",))
    src = write_pack(tmp_path / "linky")
    os.symlink(outside / "linked-one.yaml", src / "linked-one.yaml")
    code, out, err = run_cli(["install", str(src)], paths)
    assert code == 0, err
    assert "2 scenarios (moving-day, second-one)" in out
    assert "linked-one.yaml: a link (links are not copied)" in out
    assert "scenario 'linked-one'" in out and "was not copied" in out


def _leftover(parent: Path, name: str, age: float = 0) -> Path:
    folder = parent / name
    folder.mkdir(parents=True)
    (folder / "x.yaml").write_bytes(b"x" * 1000)
    if age:
        past = time.time() - age
        os.utime(folder, (past, past))
    return folder


@posix_only
def test_leftovers_of_killed_installs_are_cleaned_by_the_next_install(tmp_path, paths):
    user = paths.user_scenarios
    old_style = _leftover(user, ".pack.installing-1234abcd", age=2 * 3600)
    set_aside = _leftover(user, ".pack.old-99999999-1234abcd")  # no such process
    busy = subprocess.Popen(["sleep", "60"])
    try:
        running = _leftover(user, f".other.installing-{busy.pid}-1234abcd")
        install_pack(write_pack(tmp_path / "pack"), paths)
        assert not old_style.exists() and not set_aside.exists()
        assert running.exists()  # an install still in progress is left alone
    finally:
        busy.kill()
        busy.wait()


@posix_only
def test_kill_9_during_an_install_leaves_nothing_behind(tmp_path, paths):
    src = write_pack(tmp_path / "slow", ids=[f"slow-{i}" for i in range(5)])
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from game.core import pack_copy, packs\n"
        "from game.paths import AppPaths\n"
        "real = pack_copy._write_private\n"
        "def slow(*a):\n"
        "    real(*a)\n"
        "    print('copying', flush=True)\n"
        "    time.sleep(30)\n"
        "pack_copy._write_private = slow\n"
        "home = Path(sys.argv[2])\n"
        "paths = AppPaths(home / 'data', home / 'config', home / 'logs')\n"
        "packs.install_pack(Path(sys.argv[1]), paths)\n"
    )
    home = paths.data_dir.parent
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(src), str(home)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdout.readline() == b"copying\n", proc.stderr.read()
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    proc.stdout.close()
    proc.stderr.close()
    assert [n for n in installed_names(paths) if ".installing-" in n]  # the kill left one
    result = install_pack(src, paths)
    assert installed_names(paths) == ["slow"]
    assert len(result.scenario_ids) == 5


@posix_only
def test_leftovers_are_cleaned_when_the_game_starts(tmp_path, paths):
    from game.cli.context import Context

    paths.ensure()
    leftover = _leftover(paths.user_scenarios, ".pack.installing-99999999-1234abcd")
    lib = Context(paths).library(shipped=False)
    assert not leftover.exists() and lib.problems == []
