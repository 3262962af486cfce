"""Small remembered choices of the screens (such as how the scenario list is sorted).

They live in ``view.json`` next to the settings file, so the settings stay a
fixed set of fields. A missing or damaged file simply means the defaults;
nothing here raises.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

log = logging.getLogger("firm_and_kind.ui.prefs")

FILE_NAME = "view.json"


def prefs_file(paths) -> Path:
    return Path(paths.settings_file).with_name(FILE_NAME)


def load_prefs(paths) -> dict:
    try:
        data = json.loads(prefs_file(paths).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def get_pref(paths, key: str, default=None):
    return load_prefs(paths).get(key, default)


def set_pref(paths, key: str, value) -> bool:
    data = load_prefs(paths)
    data[key] = value
    path = prefs_file(paths)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, path)
        return True
    except OSError as exc:
        log.warning("could not save %s: %s", path, exc)
        return False
