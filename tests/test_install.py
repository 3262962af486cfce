"""Scenario packs: checked first, refused with reasons, copied atomically."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.cli.context import Context
from game.core import pack_copy, packs
from game.core.packs import install_pack
from game.errors import PackRefused
from game.paths import AppPaths

SCENARIO = """\
id: {id}
title: Pack scenario {id}
category: friends
difficulty: 2
summary: A friend asks for a favour.
characters:
  ana: {{name: Ana}}
start: ask
beats:
  ask:
    speaker: ana
    line: Can you help me move on Sunday?
    choices:
      - text: I can't this Sunday, but I can lend you boxes.
        style: assertive
        skills: [clear-no, offer-alternative]
        feedback: Clear, and you offered what you can.
        next: fine
      - text: Sure, I guess.
        style: passive
        feedback: Your Sunday is gone.
        next: gone
endings:
  fine: {{title: Sunday kept, tone: good, text: Ana finds other help.}}
  gone: {{title: Sunday gone, tone: poor, text: You carry boxes all day.}}
"""


@pytest.fixture
def paths(tmp_path) -> AppPaths:
    return AppPaths(
        tmp_path / "home" / "data", tmp_path / "home" / "config", tmp_path / "home" / "logs"
    )


def write_pack(
    folder: Path, ids=("moving-day", "second-one"), *, extra: dict | None = None
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for sid in ids:
        (folder / f"{sid}.yaml").write_text(SCENARIO.format(id=sid), encoding="utf-8")
    for name, text in (extra or {}).items():
        p = folder / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return folder


def run_cli(argv, paths):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, Context(paths, out, err))
    return code, out.getvalue(), err.getvalue()


def installed_names(paths: AppPaths) -> list[str]:
    if not paths.user_scenarios.exists():
        return []
    return sorted(p.name for p in paths.user_scenarios.iterdir())


def test_install_a_folder(tmp_path, paths):
    src = write_pack(
        tmp_path / "friends-pack",
        extra={
            "sub/third.yml": SCENARIO.format(id="third"),
            "README.txt": "hello",
            ".hidden/x.yaml": "junk: [",
        },
    )
    result = install_pack(src, paths)
    assert result.name == "friends-pack"
    assert set(result.scenario_ids) == {"moving-day", "second-one", "third"}
    assert not result.replaced
    target = paths.user_scenarios / "friends-pack"
    assert (target / "moving-day.yaml").is_file()
    assert (target / "sub" / "third.yml").is_file()
    assert not (target / "README.txt").exists()  # only scenarios and images are copied
    assert result.skipped == ("README.txt: not a scenario file or an image",)
    assert not (target / ".hidden").exists()
    assert installed_names(paths) == ["friends-pack"]  # no staging folders left behind

    from game.core.library import load_library

    lib = load_library([paths.user_scenarios])
    assert {s.id for s in lib.scenarios} == {"moving-day", "second-one", "third"}


def test_install_a_single_file(tmp_path, paths):
    src = write_pack(tmp_path / "loose", ids=("lonely-one",)) / "lonely-one.yaml"
    result = install_pack(src, paths)
    assert result.name == "lonely-one"
    assert (paths.user_scenarios / "lonely-one" / "lonely-one.yaml").is_file()


def test_refuses_a_pack_with_errors_and_changes_nothing(tmp_path, paths):
    src = write_pack(tmp_path / "broken-pack")
    (src / "bad.yaml").write_text(
        SCENARIO.format(id="bad-one").replace("difficulty: 2", "difficulty: 7"), encoding="utf-8"
    )
    with pytest.raises(PackRefused) as info:
        install_pack(src, paths)
    problems = info.value.problems
    assert any("bad.yaml:4:13: error: difficulty must be 1, 2 or 3" in str(p) for p in problems)
    assert "1 error in 1 file" in str(info.value)
    assert installed_names(paths) == []


def test_refuses_ids_already_installed_or_shipped(tmp_path, paths):
    install_pack(write_pack(tmp_path / "first"), paths)
    with pytest.raises(PackRefused) as info:
        install_pack(write_pack(tmp_path / "second", ids=("moving-day", "fresh-one")), paths)
    [problem] = [p for p in info.value.problems if p.is_error]
    assert problem.line == 1 and problem.column == 5
    assert "scenario id 'moving-day' is already used by" in problem.message
    assert "first" in problem.message
    assert installed_names(paths) == ["first"]


def test_refuses_a_copy_of_a_shipped_scenario(tmp_path, paths):
    from game.paths import SHIPPED_SCENARIOS

    shipped = sorted(SHIPPED_SCENARIOS.rglob("*.yaml"))[0]
    pack = tmp_path / "copycat"
    pack.mkdir()
    (pack / shipped.name).write_bytes(shipped.read_bytes())
    with pytest.raises(PackRefused) as info:
        install_pack(pack, paths)
    assert any("is already used by" in p.message for p in info.value.problems)


def test_refuses_duplicate_ids_inside_the_pack(tmp_path, paths):
    src = write_pack(tmp_path / "twins", ids=("twin",))
    (src / "again.yaml").write_text(SCENARIO.format(id="twin"), encoding="utf-8")
    with pytest.raises(PackRefused) as info:
        install_pack(src, paths)
    assert any("duplicate scenario id 'twin'" in p.message for p in info.value.problems)


def test_refuses_to_overwrite_without_replace(tmp_path, paths):
    src = write_pack(tmp_path / "pack")
    install_pack(src, paths)
    with pytest.raises(PackRefused, match="--replace"):
        install_pack(src, paths)


def test_replace_swaps_the_pack(tmp_path, paths):
    src = write_pack(tmp_path / "pack")
    install_pack(src, paths)
    (src / "second-one.yaml").unlink()
    (src / "new-one.yaml").write_text(SCENARIO.format(id="new-one"), encoding="utf-8")
    result = install_pack(src, paths, replace=True)
    assert result.replaced
    target = paths.user_scenarios / "pack"
    assert sorted(p.name for p in target.iterdir()) == ["moving-day.yaml", "new-one.yaml"]
    assert installed_names(paths) == ["pack"]


def test_failed_copy_leaves_the_old_pack(tmp_path, paths, monkeypatch):
    src = write_pack(tmp_path / "pack")
    install_pack(src, paths)

    def broken_copy(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pack_copy, "_write_private", broken_copy)
    with pytest.raises(packs.InstallError, match="No space left"):
        install_pack(src, paths, replace=True)
    assert installed_names(paths) == ["pack"]
    assert (paths.user_scenarios / "pack" / "second-one.yaml").is_file()


def test_refuses_odd_sources(tmp_path, paths):
    with pytest.raises(PackRefused, match="no such file"):
        install_pack(tmp_path / "missing", paths)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(PackRefused, match="no scenario files"):
        install_pack(empty, paths)
    txt = tmp_path / "notes.txt"
    txt.write_text("hi", encoding="utf-8")
    with pytest.raises(PackRefused, match=r"\.yaml or \.yml"):
        install_pack(txt, paths)
    install_pack(write_pack(tmp_path / "pack"), paths)
    with pytest.raises(PackRefused, match="already inside your scenario folder"):
        install_pack(paths.user_scenarios / "pack", paths, replace=True)


@pytest.mark.skipif(sys.platform.startswith("win"), reason="symlinks need privileges on Windows")
def test_links_are_not_followed(tmp_path, paths):
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"\x89PNG")
    src = write_pack(tmp_path / "linky", ids=("linky",))
    os.symlink(outside, src / "face.png")
    result = install_pack(src, paths)
    assert not (result.target / "face.png").exists()


def test_install_command_success_and_refusal(tmp_path, paths):
    src = write_pack(tmp_path / "cli-pack")
    code, out, err = run_cli(["install", str(src)], paths)
    assert code == 0, err
    assert "installed the pack 'cli-pack': 2 scenarios (moving-day, second-one)" in out

    code, out, err = run_cli(["install", str(src)], paths)
    assert code == 1
    assert "install refused:" in err and "--replace" in err

    code, out, err = run_cli(["install", "--replace", str(src)], paths)
    assert code == 0 and "replaced the pack 'cli-pack'" in out

    bad = write_pack(tmp_path / "bad-pack", ids=("bad-one",))
    (bad / "bad-one.yaml").write_text("id: bad-one\ntitle: [\n", encoding="utf-8")
    code, out, err = run_cli(["install", str(bad)], paths)
    assert code == 1
    assert "bad-one.yaml:3:1: error:" in err
    assert "nothing was installed" in err
    assert "Traceback" not in err
