"""Where the game keeps things: the shipped folders and the player's own folders.

The shipped scenarios and assets live at the top of the repository
(``scenarios/``, ``assets/``) and are installed as the resource packages
``game.scenarios`` and ``game.assets`` (``package-dir`` in pyproject.toml), so
they are found through :mod:`importlib.resources` in every kind of install:
editable, wheel, and the standalone app.

The player's folders come from platformdirs (the user data, config and log
folders of this system). Setting ``FIRM_AND_KIND_HOME`` puts all of them under
one folder instead, which the tests and portable installs use. Nothing is
created at import; :meth:`AppPaths.ensure` creates the folders when asked,
private to the user (0700).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from game import APP_SLUG
from game.safefiles import private_folder

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def shipped_folder(package: str, folder: str) -> Path:
    """The folder of the resource package ``package`` (``game.scenarios`` or ``game.assets``).

    Installed (editable, wheel or standalone), importlib.resources finds it. A
    checkout used without installing, where ``game.scenarios`` cannot be
    imported, falls back to ``folder`` beside ``game/``.
    """
    try:
        found = resources.files(package)
    except ModuleNotFoundError:
        return PROJECT_ROOT / folder
    return Path(str(found))


ASSETS_DIR = shipped_folder("game.assets", "assets")
SHIPPED_SCENARIOS = shipped_folder("game.scenarios", "scenarios")
HOME_ENV = "FIRM_AND_KIND_HOME"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def user_scenarios(self) -> Path:
        return self.data_dir / "scenarios"

    @property
    def history_db(self) -> Path:
        return self.data_dir / "history.sqlite3"

    @property
    def resume_file(self) -> Path:
        """Where the place in an unfinished scenario is kept (see game.history.resume)."""
        return self.data_dir / "place.json"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "firm-and-kind.log"

    def ensure(self) -> AppPaths:
        """Create the player's folders, and any missing parents, as private (0700) folders.

        Safe when several copies of the game start at once. The log folder is
        not created here: the log creates it when it first has something to say.
        """
        for d in (self.data_dir, self.config_dir, self.user_scenarios):
            private_folder(d)
        return self

    @classmethod
    def default(cls) -> AppPaths:
        home = os.environ.get(HOME_ENV)
        if home:
            root = Path(home)
            return cls(root / "data", root / "config", root / "logs")
        import platformdirs

        return cls(
            Path(platformdirs.user_data_dir(APP_SLUG, appauthor=False)),
            Path(platformdirs.user_config_dir(APP_SLUG, appauthor=False)),
            Path(platformdirs.user_log_dir(APP_SLUG, appauthor=False)),
        )
