"""The model never imports pygame: the validator and terminal player need no display."""

import pkgutil
import subprocess
import sys

import game.core
import game.history

PURE_PACKAGES = (game.core, game.history)


def pure_modules() -> list[str]:
    """Every module of the pure packages, found on disk (a new module is checked at once)."""
    names = []
    for package in PURE_PACKAGES:
        names.append(package.__name__)
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            names.append(info.name)
    return names


def test_the_walk_finds_the_modules():
    names = pure_modules()
    assert {"game.core.engine", "game.core.packs", "game.history.store"} <= set(names)


def test_core_does_not_import_pygame():
    modules = [*pure_modules(), "game.cli.textplay", "game.cli"]
    code = (
        "import sys, importlib\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "from game.cli import _command_modules\n"
        "_command_modules()\n"
        "assert 'pygame' not in sys.modules, [m for m in sys.modules if 'pygame' in m]\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_validate_runs_without_pygame_installed(tmp_path):
    # A stub that explodes on import stands in for pygame.
    (tmp_path / "pygame").mkdir()
    (tmp_path / "pygame" / "__init__.py").write_text("raise ImportError('no pygame here')\n")
    code = "import sys; from game.cli import main; sys.exit(main(['validate']))"
    env_path = f"{tmp_path}"
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True,
        env={"PYTHONPATH": env_path + ":" + str(__import__("pathlib").Path.cwd()), "PATH": "/usr/bin:/bin",
             "FIRM_AND_KIND_HOME": str(tmp_path / "home")},
    )  # fmt: skip
    assert r.returncode == 0, r.stdout + r.stderr
