"""`new` writes files meant to be shared: no machine-local paths in them."""

from __future__ import annotations

import io

from game.cli import main
from game.cli.context import Context
from game.core.schema import shipped_schema_text
from game.paths import AppPaths


def run(argv, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    paths = AppPaths(tmp_path / "d", tmp_path / "c", tmp_path / "l")
    return main(argv, Context(paths, out, err)), out.getvalue(), err.getvalue()


def test_new_outside_the_game_names_a_schema_copy_beside_the_file(tmp_path):
    folder = tmp_path / "my-pack"
    code, out, err = run(["new", "lunch-money", "--dir", str(folder)], tmp_path)
    assert code == 0, err
    text = (folder / "lunch-money.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=scenario.schema.json"
    assert "file://" not in text and str(tmp_path) not in text
    copy = folder / "scenario.schema.json"
    assert copy.read_text(encoding="utf-8") == shipped_schema_text()
    assert f"Wrote {copy}" in out
    # a second scenario in the same folder keeps the copy as it is
    copy.write_text("{}", encoding="utf-8")
    code, out, err = run(["new", "second-one", "--dir", str(folder)], tmp_path)
    assert code == 0, err
    assert copy.read_text(encoding="utf-8") == "{}"
    assert "scenario.schema.json" not in out


def test_install_leaves_the_schema_copy_out_quietly(tmp_path):
    folder = tmp_path / "my-pack"
    run(["new", "lunch-money", "--dir", str(folder)], tmp_path)
    code, out, err = run(["install", str(folder)], tmp_path)
    assert code == 0, err
    assert "not copied" not in out
    installed = tmp_path / "d" / "scenarios" / "my-pack"
    assert sorted(p.name for p in installed.iterdir()) == ["lunch-money.yaml"]
