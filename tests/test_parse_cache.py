"""The parse cache: a file seen before is not parsed again; a bad or stale entry is a miss."""

from __future__ import annotations

import dataclasses
import json
import os
import stat
import sys

import pytest

from game.core import loader, parse_cache
from game.core.library import load_library
from game.core.parse_cache import ParseCache
from game.paths import SHIPPED_SCENARIOS
from tests.support.scenarios import BASE, write


def same(left, right) -> bool:
    """Scenarios compare by identity; these compare every field, all the way down."""
    return [dataclasses.astuple(s) for s in left] == [dataclasses.astuple(s) for s in right]


def entries(cache: ParseCache) -> list:
    return sorted(cache.folder.rglob("*.json")) if cache.folder.exists() else []


def no_parsing(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(loader, "parse", refuse)


@pytest.fixture
def cache(tmp_path):
    return ParseCache(tmp_path / "cache")


def test_a_warm_load_equals_a_cold_one_without_parsing(cache, monkeypatch):
    fresh = load_library([SHIPPED_SCENARIOS], cache=False)
    cold = load_library([SHIPPED_SCENARIOS], cache=cache)
    assert len(entries(cache)) == fresh.files
    no_parsing(monkeypatch)
    warm = load_library([SHIPPED_SCENARIOS], cache=cache)
    assert same(warm.scenarios, fresh.scenarios) and same(cold.scenarios, fresh.scenarios)
    assert [s.path for s in warm.scenarios] == [s.path for s in fresh.scenarios]
    assert warm.problems == fresh.problems


def test_problems_and_broken_files_come_back_as_they_were(tmp_path, cache, monkeypatch):
    write(tmp_path / "lib", BASE.replace("difficulty: 2", "difficulty: hard"), "bad.yaml")
    write(tmp_path / "lib", BASE.replace("mood: hopeful", "mood: gleeful"), "odd.yaml")
    fresh = load_library([tmp_path / "lib"], cache=False)
    assert fresh.problems and fresh.broken
    load_library([tmp_path / "lib"], cache=cache)
    no_parsing(monkeypatch)
    warm = load_library([tmp_path / "lib"], cache=cache)
    assert warm.problems == fresh.problems
    assert [b.problems for b in warm.broken] == [b.problems for b in fresh.broken]
    assert same(warm.scenarios, fresh.scenarios)


def test_the_library_uses_the_user_cache_by_default(tmp_path, monkeypatch):
    lib = write(tmp_path / "lib", BASE)
    load_library([lib])
    default = ParseCache.default()
    assert default.folder.is_relative_to(os.environ["FIRM_AND_KIND_HOME"])
    assert len(entries(default)) == 1


@pytest.mark.parametrize("change", ["content", "version", "format"], ids=lambda c: f"stale-{c}")
def test_a_stale_entry_is_a_miss(tmp_path, cache, monkeypatch, change):
    path = write(tmp_path / "lib", BASE)
    load_library([path], cache=cache)
    if change == "content":
        path.write_text(BASE.replace("A test", "A changed test"), encoding="utf-8")
    elif change == "version":
        monkeypatch.setattr(parse_cache, "__version__", "99.0")
    else:
        monkeypatch.setattr(parse_cache, "FORMAT_VERSION", 99)
    parsed = []
    real = loader.parse
    monkeypatch.setattr(loader, "parse", lambda *a, **k: parsed.append(1) or real(*a, **k))
    lib = load_library([path], cache=cache)
    assert parsed == [1] and len(lib.scenarios) == 1
    if change == "content":
        assert lib.scenarios[0].title == "A changed test"
    assert lib.scenarios[0].path == path.resolve()


@pytest.mark.parametrize(
    "damage",
    [b"", b"\x00\xff garbage", b'{"key": 1}', b"[1, 2, 3]", b'{"key": null, "problems": [[1]]}'],
    ids=["empty", "garbage", "wrong-key", "not-an-object", "half"],
)
def test_a_damaged_entry_is_a_miss_and_is_written_again(tmp_path, cache, monkeypatch, damage):
    path = write(tmp_path / "lib", BASE)
    first = load_library([path], cache=cache)
    (entry,) = entries(cache)
    good = entry.read_bytes()
    entry.write_bytes(damage)
    again = load_library([path], cache=cache)
    assert same(again.scenarios, first.scenarios) and not again.problems
    assert entry.read_bytes() == good  # healed


def test_a_changed_entry_with_the_right_key_still_cannot_break_a_load(tmp_path, cache):
    path = write(tmp_path / "lib", BASE)
    first = load_library([path], cache=cache)
    (entry,) = entries(cache)
    data = json.loads(entry.read_text())
    data["scenario"] = data["scenario"][:3]  # the right key, a body that makes no sense
    entry.write_text(json.dumps(data))
    again = load_library([path], cache=cache)
    assert same(again.scenarios, first.scenarios)


def test_an_oversized_entry_is_not_read(tmp_path, cache, monkeypatch):
    path = write(tmp_path / "lib", BASE)
    load_library([path], cache=cache)
    monkeypatch.setattr(parse_cache, "MAX_ENTRY", 10)
    parsed = []
    real = loader.parse
    monkeypatch.setattr(loader, "parse", lambda *a, **k: parsed.append(1) or real(*a, **k))
    load_library([path], cache=cache)
    assert parsed == [1]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_cache_is_private(tmp_path, cache):
    load_library([write(tmp_path / "lib", BASE)], cache=cache)
    (entry,) = entries(cache)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.folder.stat().st_mode) == 0o700


def test_a_cache_that_cannot_be_written_changes_nothing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = ParseCache(blocker / "cache")
    path = write(tmp_path / "lib", BASE)
    assert same(
        load_library([path], cache=cache).scenarios, load_library([path], cache=False).scenarios
    )


def test_a_scenario_with_a_portrait_is_not_cached(tmp_path, cache):
    folder = tmp_path / "lib"
    (folder).mkdir()
    (folder / "sam.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    text = BASE.replace("sam: {name: Sam, role: Coworker}", "sam: {name: Sam, portrait: sam.png}")
    lib = load_library([write(folder, text)], cache=cache)
    assert lib.scenarios and lib.scenarios[0].characters["sam"].portrait is not None
    assert entries(cache) == []


def test_a_copy_elsewhere_is_not_parsed_again_and_names_its_own_place(tmp_path, cache, monkeypatch):
    text = BASE.replace("category: work", "category: chores")  # a warning, to see the path
    first = load_library([write(tmp_path / "a", text)], cache=cache)
    assert first.problems and first.scenarios
    no_parsing(monkeypatch)
    copy = write(tmp_path / "b" / "deeper", text, "renamed.yaml")
    lib = load_library([copy], cache=cache)
    (scenario,) = lib.scenarios
    assert scenario.path == copy.resolve()
    assert [p.message for p in lib.problems] == [p.message for p in first.problems]
    assert all(p.path.endswith("renamed.yaml") for p in lib.problems + list(scenario.warnings))


def test_a_missing_portrait_is_looked_for_again_every_time(tmp_path, cache):
    folder = tmp_path / "lib"
    text = BASE.replace("sam: {name: Sam, role: Coworker}", "sam: {name: Sam, portrait: sam.png}")
    path = write(folder, text)
    assert load_library([path], cache=cache).errors
    (folder / "sam.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert not load_library([path], cache=cache).errors


def test_install_parses_each_file_once_and_not_the_installed_library(tmp_path, monkeypatch):
    from game.core.packs import install_pack
    from game.paths import AppPaths

    paths = AppPaths.default()
    installed = paths.user_scenarios / "mine"
    write(installed, BASE.replace("test-scenario", "already-here"), "here.yaml")
    load_library([paths.user_scenarios])  # the game has loaded its library before
    pack = tmp_path / "pack"
    write(pack, BASE.replace("test-scenario", "new-one"), "one.yaml")
    write(pack, BASE.replace("test-scenario", "new-two"), "two.yaml")
    parsed = []
    real = loader.parse
    monkeypatch.setattr(loader, "parse", lambda text, **k: parsed.append(text) or real(text, **k))
    result = install_pack(pack, paths, shipped=None)
    assert sorted(result.scenario_ids) == ["new-one", "new-two"]
    assert len(parsed) == 2  # each pack file once; the installed one not at all
    parsed.clear()
    lib = load_library([paths.user_scenarios])
    assert {s.id for s in lib.scenarios} == {"already-here", "new-one", "new-two"}
    assert parsed == []  # and the next start parses nothing
