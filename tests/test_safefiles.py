"""The one helper for player files: setting damaged files aside, private folders, bounded reads."""

from __future__ import annotations

import os
import re
import stat
import threading

import pytest

from game import safefiles


def test_set_aside_uses_the_documented_name_and_never_overwrites(tmp_path):
    names = []
    for n in range(3):
        f = tmp_path / "settings.json"
        f.write_text(f"version {n}", encoding="utf-8")
        names.append(safefiles.set_aside(f))
        assert not f.exists()
    for p in names:
        assert re.fullmatch(r"settings\.json\.damaged-\d{8}-\d{6}(-\d+)?", p.name), p.name
    assert len(set(names)) == 3  # the same second gives -2, -3, never a clobber
    assert sorted(p.read_text(encoding="utf-8") for p in names) == [
        "version 0",
        "version 1",
        "version 2",
    ]


def test_set_aside_moves_companions_and_drops_caches(tmp_path):
    db = tmp_path / "history.sqlite3"
    for suffix, text in (("", "db"), ("-wal", "wal"), ("-shm", "shm")):
        (tmp_path / f"history.sqlite3{suffix}").write_text(text, encoding="utf-8")
    target = safefiles.set_aside(db, companions=("-wal", "-journal"), drop=("-shm",))
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name, target.name + "-wal"]
    assert (tmp_path / (target.name + "-wal")).read_text(encoding="utf-8") == "wal"


def test_set_aside_of_a_missing_file_changes_nothing(tmp_path):
    with pytest.raises(FileNotFoundError):
        safefiles.set_aside(tmp_path / "nothing.json")
    assert list(tmp_path.iterdir()) == []


def test_private_folder_is_0700_and_race_safe(tmp_path):
    target = tmp_path / "a" / "b" / "c"
    errors = []

    def make():
        try:
            safefiles.private_folder(target)
        except OSError as exc:
            errors.append(exc)

    old = os.umask(0o022)
    try:
        threads = [threading.Thread(target=make) for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        os.umask(old)
    assert errors == []
    for d in (tmp_path / "a", tmp_path / "a" / "b", target):
        assert stat.S_IMODE(d.stat().st_mode) == 0o700


def test_private_folder_refuses_a_file_in_the_way(tmp_path):
    (tmp_path / "x").write_text("a file", encoding="utf-8")
    with pytest.raises(OSError):
        safefiles.private_folder(tmp_path / "x")


def test_read_small_has_a_limit_and_reads_only_regular_files(tmp_path):
    f = tmp_path / "f"
    f.write_bytes(b"12345")
    assert safefiles.read_small(f, 5) == b"12345"
    with pytest.raises(safefiles.TooLarge):
        safefiles.read_small(f, 4)
    with pytest.raises(safefiles.NotAFile):
        safefiles.read_small(tmp_path, 100)
    if os.path.exists("/dev/zero"):
        with pytest.raises(safefiles.NotAFile):
            safefiles.read_small("/dev/zero", 100)


def test_write_private_replaces_atomically_as_0600(tmp_path):
    f = tmp_path / "new" / "settings.json"
    safefiles.write_private(f, b"one")
    f.chmod(0o644)
    safefiles.write_private(f, b"two")
    assert f.read_bytes() == b"two"
    assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert stat.S_IMODE(f.parent.stat().st_mode) == 0o700
    assert [p.name for p in f.parent.iterdir()] == ["settings.json"]
