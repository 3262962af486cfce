"""Packs as .zip files and pack.yaml, through the command line: hostile zips are refused by name."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from game.core import pack_zip
from game.paths import AppPaths
from tests.test_install import SCENARIO, installed_names, run_cli

META = 'name: Friends and favours\nauthor: Sam Lee\nlicence: CC-BY-4.0\nlanguage: pt-BR\nversion: "1.2"\n'


def make_zip(
    path: Path, entries: dict[str, bytes | str], *, compression=zipfile.ZIP_DEFLATED
) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def good_entries(prefix: str = "") -> dict[str, str]:
    return {
        f"{prefix}moving-day.yaml": SCENARIO.format(id="moving-day"),
        f"{prefix}more/second-one.yaml": SCENARIO.format(id="second-one"),
        f"{prefix}pack.yaml": META,
    }


@pytest.fixture
def paths(tmp_path) -> AppPaths:
    return AppPaths(
        tmp_path / "home" / "data", tmp_path / "home" / "config", tmp_path / "home" / "logs"
    )


def leftovers(paths) -> list[str]:
    root = paths.data_dir / "unpacking"
    return sorted(p.name for p in root.iterdir()) if root.exists() else []


@pytest.mark.parametrize("prefix", ["", "friends/"])
def test_install_a_zip_with_pack_yaml(tmp_path, paths, prefix):
    zip_path = make_zip(
        tmp_path / "friends.zip", {**good_entries(prefix), f"{prefix}notes.txt": "x"}
    )
    code, out, err = run_cli(["install", str(zip_path)], paths)
    assert code == 0, err
    target = paths.user_scenarios / "friends"
    assert (target / "moving-day.yaml").is_file()
    assert (target / "more" / "second-one.yaml").is_file()
    assert (target / "pack.yaml").read_text(encoding="utf-8") == META  # stored with the pack
    assert not (target / "notes.txt").exists()
    assert "not copied: notes.txt: not a scenario file or an image" in out
    assert "pack: Friends and favours by Sam Lee" in out
    assert stat.S_IMODE((target / "moving-day.yaml").stat().st_mode) == 0o600
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    assert leftovers(paths) == []  # the private staging folder is gone
    # pack.yaml is never loaded as a scenario: the library sees exactly the two scenarios
    from game.core.library import load_library

    library = load_library([paths.user_scenarios])
    assert sorted(s.id for s in library.scenarios) == ["moving-day", "second-one"]
    assert library.problems == []


HOSTILE = {
    "traversal": ("../../evil.yaml", "has '..' in its path"),
    "absolute": ("/etc/evil.yaml", "has an absolute path"),
    "backslash": ("..\\evil.yaml", "has '..' in its path"),
    "drive": ("C:/evil.yaml", "names a drive"),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_entries_that_leave_the_pack_are_refused(tmp_path, paths, kind):
    entry, why = HOSTILE[kind]
    zip_path = make_zip(tmp_path / "sneaky.zip", {**good_entries(), entry: "id: x\n"})
    code, out, err = run_cli(["install", str(zip_path)], paths)
    assert code == 1
    assert f"the zip entry '{entry}' {why}" in err
    assert installed_names(paths) == []
    assert not (tmp_path / "evil.yaml").exists()
    assert leftovers(paths) == []


def test_a_symlink_entry_is_refused(tmp_path, paths):
    zip_path = tmp_path / "linked.zip"
    with zipfile.ZipFile(zip_path, "w") as archive:
        for name, data in good_entries().items():
            archive.writestr(name, data)
        link = zipfile.ZipInfo("portrait.png")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    code, out, err = run_cli(["install", str(zip_path)], paths)
    assert code == 1
    assert "the zip entry 'portrait.png' is a link" in err
    assert installed_names(paths) == []


def test_a_zip_bomb_entry_is_refused_by_its_ratio(tmp_path, paths):
    bomb = b" " * (200 * 1024)  # compresses over 100 times, and is within the scenario limit
    zip_path = make_zip(tmp_path / "bomb.zip", {**good_entries(), "big.yaml": bomb})
    info = zipfile.ZipFile(zip_path).getinfo("big.yaml")
    assert info.file_size > pack_zip.MAX_RATIO * info.compress_size
    code, out, err = run_cli(["install", str(zip_path)], paths)
    assert code == 1
    assert "the zip entry 'big.yaml' unpacks to over 100 times its packed size" in err
    assert installed_names(paths) == []


def test_too_many_entries_are_refused(tmp_path, paths, monkeypatch):
    monkeypatch.setattr(pack_zip, "MAX_ENTRIES", 5)
    entries = {**good_entries(), **{f"p{i}.png": b"x" for i in range(3)}}
    code, out, err = run_cli(["install", str(make_zip(tmp_path / "many.zip", entries))], paths)
    assert code == 1
    assert "the zip has 6 entries; the limit is 5" in err
    assert installed_names(paths) == []


def test_an_oversize_entry_is_refused(tmp_path, paths):
    from game.core.loader import MAX_BYTES

    big = ("# " + "x" * 70 + "\n") * (MAX_BYTES // 72 + 10)
    zip_path = make_zip(
        tmp_path / "big.zip", {**good_entries(), "huge.yaml": big}, compression=zipfile.ZIP_STORED
    )
    code, out, err = run_cli(["install", str(zip_path)], paths)
    assert code == 1
    assert "the zip entry 'huge.yaml' is larger than 256 KiB" in err
    assert installed_names(paths) == []


def test_not_a_zip_is_refused_calmly(tmp_path, paths):
    bad = tmp_path / "broken.zip"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    code, out, err = run_cli(["install", str(bad)], paths)
    assert code == 1
    assert "is not a readable zip file" in err
    assert "Traceback" not in err


def test_pack_yaml_errors_are_positioned(tmp_path, paths):
    meta = "name: " + "n" * 61 + "\nauthr: Sam\nlanguage: english please\ndescription: [a, b]\n"
    zip_path = make_zip(tmp_path / "meta.zip", {**good_entries(), "pack.yaml": meta})
    code, out, err = run_cli(["install", str(zip_path)], paths)
    assert code == 1
    lines = [line.replace(str(tmp_path) + "/", "") for line in err.splitlines()]
    assert "meta.zip/pack.yaml:1:7: error: name is 61 characters long; the limit is 60" in lines
    assert (
        "meta.zip/pack.yaml:2:1: error: unknown key 'authr' in the pack.yaml; did you mean 'author'?"
        in lines
    )
    assert any(
        line.startswith("meta.zip/pack.yaml:3:11: error: language 'english please'")
        for line in lines
    )
    assert "meta.zip/pack.yaml:4:14: error: description must be text, not a list" in lines
    assert installed_names(paths) == []


def test_pack_yaml_needs_a_name_and_valid_yaml(tmp_path, paths):
    folder = tmp_path / "nameless"
    folder.mkdir()
    (folder / "moving-day.yaml").write_text(SCENARIO.format(id="moving-day"), encoding="utf-8")
    (folder / "pack.yaml").write_text("author: Sam\n", encoding="utf-8")
    code, out, err = run_cli(["install", str(folder)], paths)
    assert code == 1
    assert "pack.yaml:1:1: error: the pack.yaml needs 'name'" in err
    (folder / "pack.yaml").write_text("name: x\nauthor: a: b\n", encoding="utf-8")
    code, out, err = run_cli(["install", str(folder)], paths)
    assert code == 1
    assert "pack.yaml:2:10: error: YAML syntax error" in err


def test_packs_list_and_remove(tmp_path, paths, monkeypatch):
    code, out, _ = run_cli(["packs", "list"], paths)
    assert code == 0 and out.startswith("no packs installed")
    run_cli(["install", str(make_zip(tmp_path / "friends.zip", good_entries()))], paths)
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "third.yaml").write_text(SCENARIO.format(id="third"), encoding="utf-8")
    assert run_cli(["install", str(plain)], paths)[0] == 0
    code, out, _ = run_cli(["packs", "list"], paths)
    assert code == 0
    assert out.splitlines() == [
        "Friends and favours: 2 scenarios, by Sam Lee, version 1.2, licence CC-BY-4.0",
        f"  folder: {paths.user_scenarios / 'friends'}",
        "plain: 1 scenario",
        f"  folder: {paths.user_scenarios / 'plain'}",
    ]
    # not at a terminal and no --yes: nothing is removed
    code, out, err = run_cli(["packs", "remove", "plain"], paths)
    assert code == 2 and "add --yes" in err
    assert installed_names(paths) == ["friends", "plain"]
    code, out, err = run_cli(["packs", "remove", "plian", "--yes"], paths)
    assert code == 1 and "no pack named 'plian' is installed; did you mean 'plain'?" in err
    code, out, err = run_cli(["packs", "remove", "plain", "--yes"], paths)
    assert code == 0, err
    assert installed_names(paths) == ["friends"]
    # by its pack.yaml name too
    code, out, err = run_cli(["packs", "remove", "Friends and favours", "--yes"], paths)
    assert code == 0, err
    assert installed_names(paths) == []


def test_packs_remove_asks_at_a_terminal(tmp_path, paths):
    import io

    from game.cli import main
    from game.cli.context import Context

    run_cli(["install", str(make_zip(tmp_path / "friends.zip", good_entries()))], paths)

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    for answer, kept in (("n\n", True), ("\n", True), ("y\n", False)):
        out, err = io.StringIO(), io.StringIO()
        code = main(["packs", "remove", "friends"], Context(paths, out, err, Terminal(answer)))
        assert "[y/N]" in out.getvalue()
        assert (installed_names(paths) == ["friends"]) is kept
        assert code == (1 if kept else 0)


def test_the_guides_pack_yaml_example_is_valid():
    import re

    from game.core.pack_meta import parse_meta
    from game.paths import PROJECT_ROOT

    guide = (PROJECT_ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yml\n(.*?)```", guide, re.S)
    assert len(blocks) == 1
    meta, problems = parse_meta(blocks[0], "pack.yaml")
    assert problems == [] and meta is not None
    assert meta.name == "Money and friends" and meta.language == "en" and meta.version == "1.2"
