"""Packaging: what the wheel and the app carry, and how the game finds it once installed.

Building a wheel is slow, so these tests check the configuration and the lookups
directly; .ci/run builds the sdist and wheel, installs the wheel outside the
repository and runs ``validate --strict`` and ``python -m game.selfcheck`` there.
"""

from __future__ import annotations

import importlib
import io
import os
import struct
import sys
import tomllib
from importlib import resources
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.cli.context import Context, command_name  # noqa: E402
from game.paths import ASSETS_DIR, PROJECT_ROOT, SHIPPED_SCENARIOS, AppPaths, shipped_folder  # noqa: E402

PYPROJECT = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def _files_under(folder: Path) -> set[Path]:
    return {
        p.relative_to(folder)
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


# -- the wheel's contents -------------------------------------------------------------
def test_every_game_package_is_listed():
    found = {
        ".".join(p.parent.relative_to(PROJECT_ROOT).parts)
        for p in (PROJECT_ROOT / "game").rglob("__init__.py")
    }
    listed = set(SETUPTOOLS["packages"])
    assert found - listed == set(), "packages missing from [tool.setuptools] packages"
    assert {"game.scenarios", "game.assets"} <= listed


def test_top_level_folders_are_mapped_into_the_package():
    assert SETUPTOOLS["package-dir"] == {"game.scenarios": "scenarios", "game.assets": "assets"}
    for package, folder in SETUPTOOLS["package-dir"].items():
        assert (PROJECT_ROOT / folder / "__init__.py").is_file(), package


@pytest.mark.parametrize("package", ["game.scenarios", "game.assets"])
def test_package_data_patterns_cover_every_shipped_file(package):
    """A new kind of asset that no pattern matches would silently be left out of the wheel."""
    folder = PROJECT_ROOT / SETUPTOOLS["package-dir"][package]
    patterns = SETUPTOOLS["package-data"][package]
    matched = {p.relative_to(folder) for pattern in patterns for p in folder.glob(pattern)}
    left_out = _files_under(folder) - matched - {Path("__init__.py")}
    assert left_out == set()
    assert all(not p.is_dir() for pattern in patterns for p in folder.glob(pattern))


def test_licence_files_exist_and_are_shipped():
    licences = PYPROJECT["project"]["license-files"]
    assert PYPROJECT["project"]["license"] == "MIT"
    for name in licences:
        assert (PROJECT_ROOT / name).is_file(), name
    assert {"assets/fonts/OFL.txt", "assets/sounds/LICENSE.txt"} <= set(licences)


def test_sdist_manifest_carries_what_the_tests_read():
    manifest = (PROJECT_ROOT / "MANIFEST.in").read_text(encoding="utf-8").split()
    for folder in ("tests", "tools", "docs", "bench"):
        assert folder in manifest, folder
    assert "main.py" in manifest


@pytest.mark.parametrize("group", ["scripts", "gui-scripts"])
def test_entry_points_name_real_functions(group):
    for target in PYPROJECT["project"][group].values():
        module, _, func = target.partition(":")
        assert callable(getattr(importlib.import_module(module), func)), target


# -- finding the content --------------------------------------------------------------
def test_shipped_folders_are_found_through_importlib_resources():
    assert Path(str(resources.files("game.scenarios"))) == SHIPPED_SCENARIOS
    assert Path(str(resources.files("game.assets"))) == ASSETS_DIR
    assert len(list(SHIPPED_SCENARIOS.rglob("*.yaml"))) >= 30
    assert (ASSETS_DIR / "fonts" / "AtkinsonHyperlegible-Regular.ttf").is_file()


def test_a_checkout_without_the_package_falls_back_to_the_folder_beside_game():
    assert shipped_folder("game.no_such_package", "scenarios") == PROJECT_ROOT / "scenarios"


def test_fonts_and_sounds_are_looked_up_in_the_shipped_assets():
    from game.ui.audio import SOUND_DIR
    from game.ui.theme import FONT_DIR, FONT_FILES

    assert FONT_DIR == ASSETS_DIR / "fonts" and SOUND_DIR == ASSETS_DIR / "sounds"
    assert all((FONT_DIR / name).is_file() for name in FONT_FILES.values())


# -- the headless start the release checks run -----------------------------------------
def test_selfcheck_passes_with_the_shipped_content(tmp_path, capsys):
    from game.selfcheck import run_checks

    rows = run_checks(tmp_path)
    assert [name for name, _, _ in rows] == ["scenarios", "font", "sounds"]
    assert all(passed for _, passed, _ in rows), rows
    assert "Atkinson Hyperlegible" in rows[1][2]


def test_selfcheck_fails_when_the_font_falls_back_to_pygames_default(tmp_path, monkeypatch):
    import game.ui.theme as theme
    from game.selfcheck import run_checks

    monkeypatch.setattr(theme, "FONT_DIR", tmp_path / "no-fonts")
    rows = dict((name, (passed, detail)) for name, passed, detail in run_checks(tmp_path / "h"))
    assert rows["font"][0] is False
    assert "FreeSans" in rows["font"][1]
    assert rows["scenarios"][0] is True


# -- the command the player used, in the hints ----------------------------------------
@pytest.mark.parametrize(
    ("argv0", "expected"),
    [
        ("main.py", "python main.py"),
        ("../fk/main.py", "python ../fk/main.py"),
        (str(PROJECT_ROOT / "game" / "__main__.py"), "python -m game"),
        ("/venv/bin/firm-and-kind", "firm-and-kind"),
        ("C:\\Apps\\firm-and-kind\\firm-and-kind.exe", "firm-and-kind"),
        ("/opt/firm-and-kind/firm-and-kind", "firm-and-kind"),
    ],
)
def test_command_name(argv0, expected):
    assert command_name(argv0) == expected


@pytest.mark.parametrize("command", ["python main.py", "firm-and-kind"])
def test_new_and_usage_name_the_command_used(tmp_path, command):
    from game.cli import main

    out, err = io.StringIO(), io.StringIO()
    ctx = Context(AppPaths(tmp_path / "d", tmp_path / "c", tmp_path / "l"), out, err)
    ctx.command = command
    assert main(["new", "borrowed-car", "--dir", str(tmp_path)], ctx) == 0
    assert f"Next: {command} validate " in out.getvalue()
    assert f"      {command} play --text " in out.getvalue()


def test_usage_line_names_the_command_used(tmp_path, capsys):
    from game.cli import main

    ctx = Context(AppPaths(tmp_path / "d", tmp_path / "c", tmp_path / "l"))
    ctx.command = "python main.py"
    with pytest.raises(SystemExit):
        main(["--help"], ctx)
    assert capsys.readouterr().out.startswith("usage: python main.py ")


# -- the window entry (gui-scripts) ----------------------------------------------------
def test_window_entry_survives_having_no_console(monkeypatch):
    from game.cli import window

    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    with pytest.raises(SystemExit) as exc:
        window.main(["--seed", "not-a-number"])  # argparse prints its error, then exits 2
    assert exc.value.code == 2
    assert sys.stdout is not None and sys.stderr is not None


# -- icons and desktop files ------------------------------------------------------------
def _load_make_icons():
    spec = importlib.util.spec_from_file_location(
        "make_icons", PROJECT_ROOT / "tools" / "make_icons.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_app_icon_is_the_window_icon():
    import pygame

    from game.ui.window_setup import set_icon

    shown = []

    class FakeWindow:
        def set_icon(self, surface):
            shown.append(surface)

    set_icon(FakeWindow())
    drawn = _load_make_icons().draw_icon(64)
    assert pygame.image.tobytes(shown[0], "RGBA") == pygame.image.tobytes(drawn, "RGBA")


def test_icon_files_are_current():
    """assets/icons/ is what tools/make_icons.py writes today (run it after changing the icon)."""
    make_icons = _load_make_icons()
    icons = PROJECT_ROOT / "assets" / "icons"
    assert (icons / "firm-and-kind-64.png").read_bytes() == make_icons.png_bytes(
        make_icons.draw_icon(64)
    )
    ico = (icons / "firm-and-kind.ico").read_bytes()
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, len(make_icons.ICO_SIZES))
    icns = (icons / "firm-and-kind.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    for size in make_icons.PNG_SIZES:
        png = (icons / f"firm-and-kind-{size}.png").read_bytes()
        assert struct.unpack(">II", png[16:24]) == (size, size)  # the PNG's IHDR width, height


def test_desktop_file_starts_the_window_command_with_the_shipped_icon():
    linux = PROJECT_ROOT / "assets" / "linux"
    (desktop,) = linux.glob("*.desktop")
    app_id = desktop.name.removesuffix(".desktop")
    entries = dict(
        line.split("=", 1)
        for line in desktop.read_text(encoding="utf-8").splitlines()
        if "=" in line
    )
    assert entries["Exec"].split()[0] in PYPROJECT["project"]["gui-scripts"]
    assert entries["Icon"] == app_id
    assert entries["StartupWMClass"] == "firm-and-kind"  # what run_window sets for SDL
    metainfo = (linux / f"{app_id}.metainfo.xml").read_text(encoding="utf-8")
    assert f"<id>{app_id}</id>" in metainfo
    assert f'<launchable type="desktop-id">{desktop.name}</launchable>' in metainfo
