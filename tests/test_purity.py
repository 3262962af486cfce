"""The model never imports pygame: the validator and terminal player need no display."""

import subprocess
import sys

CORE_MODULES = [
    "game.core.yamltree", "game.core.fields", "game.core.validate", "game.core.loader",
    "game.core.library", "game.core.engine", "game.core.scoring", "game.core.model",
    "game.core.vocab", "game.cli.textplay", "game.cli", "game.history",
]  # fmt: skip


def test_core_does_not_import_pygame():
    code = (
        "import sys, importlib\n"
        f"for m in {CORE_MODULES!r}:\n"
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
