"""``pack.yaml``: what a pack says about itself (name, author, licence, language, version, description).

The file is optional and sits at the root of a pack. It is read like a scenario
file (strict, positioned YAML through :mod:`game.core.yamltree`), so its
problems print as ``PATH:LINE:COLUMN: error: MESSAGE``. Only ``name`` is
required. The name ``pack.yaml`` is reserved: the library never loads a file of
that name as a scenario.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from game.core.fields import Reporter, check_keys, text
from game.core.problems import ERROR, Problem, display_path
from game.core.reading import read_limited
from game.core.yamltree import YamlProblem, parse
from game.errors import FirmKindError

META_FILE = "pack.yaml"
MAX_META_BYTES = 16 * 1024
NAME_MAX = 60
DESCRIPTION_MAX = 300
SHORT_MAX = 80  # author, licence, version
REQUIRED = ("name",)
OPTIONAL = ("author", "licence", "language", "version", "description")

# BCP 47, the shapes people write: en, pt-BR, zh-Hant-TW, sr-Latn, es-419, de-CH-1996.
_BCP47 = re.compile(
    r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$"
)


@dataclass(frozen=True)
class PackMeta:
    name: str
    author: str = ""
    licence: str = ""
    language: str = ""
    version: str = ""
    description: str = ""


def read_meta(path: Path, shown: str | None = None) -> tuple[PackMeta | None, list[Problem]]:
    """Read and check a ``pack.yaml``: ``(meta or None, problems)``. Never raises for bad input."""
    path = Path(path)
    where = shown or display_path(path)
    try:
        data = read_limited(path, MAX_META_BYTES)
    except (OSError, FirmKindError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        return None, [Problem(where, 1, 1, ERROR, f"pack.yaml cannot be read ({reason})")]
    if len(data) > MAX_META_BYTES:
        message = f"pack.yaml is larger than {MAX_META_BYTES // 1024} KiB"
        return None, [Problem(where, 1, 1, ERROR, message)]
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [Problem(where, 1, 1, ERROR, f"pack.yaml is not UTF-8 text ({exc.reason})")]
    return parse_meta(source, where)


def parse_meta(source: str, where: str) -> tuple[PackMeta | None, list[Problem]]:
    rep = Reporter(where)
    try:
        root = parse(source)
    except YamlProblem as exc:
        message = exc.message.replace("scenario file", "pack.yaml").replace(
            "a scenario", "pack.yaml"
        )
        return None, [Problem(where, exc.line, exc.column, ERROR, message)]
    if not check_keys(rep, root, "the pack.yaml", REQUIRED, OPTIONAL):
        return None, rep.problems
    items = root.items
    values = {
        "name": text(rep, items.get("name"), "name", low=1, high=NAME_MAX),
        "author": text(rep, items.get("author"), "author", high=SHORT_MAX),
        "licence": text(rep, items.get("licence"), "licence", high=SHORT_MAX),
        "version": text(rep, items.get("version"), "version", high=SHORT_MAX),
        "description": text(rep, items.get("description"), "description", high=DESCRIPTION_MAX),
        "language": text(rep, items.get("language"), "language", high=35),
    }
    language = values["language"]
    if language and not _BCP47.match(language):
        rep.error(
            items["language"],
            f"language '{language}' is not a BCP 47 tag; write one like 'en', 'pt-BR' or 'sr-Latn'",
        )
    if rep.has_errors:
        return None, rep.problems
    return PackMeta(**{k: (v or "").strip() for k, v in values.items()}), rep.problems


def meta_of(folder: Path) -> PackMeta | None:
    """The checked ``pack.yaml`` of an installed pack folder, or None (missing or broken)."""
    path = Path(folder) / META_FILE
    if not path.is_file():
        return None
    return read_meta(path)[0]
