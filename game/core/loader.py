"""Load one scenario file: size, encoding, YAML, then every rule of the format.

>>> scenario, problems = load_scenario_file(Path("scenarios/work/extra-shift.yaml"))

``scenario`` is ``None`` when any problem is an error; ``problems`` lists the
errors and warnings, each with the file, line and column. Nothing here raises
for a bad file, and nothing here imports pygame.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from game.core.fields import Reporter
from game.core.problems import Problem, display_path
from game.core.reading import NotAFile, NotRegularFile, read_limited
from game.core.validate import build_scenario
from game.core.yamltree import YamlProblem, parse
from game.paths import ASSETS_DIR

MAX_BYTES = 256 * 1024
BOM = b"\xef\xbb\xbf"


def load_scenario_file(
    path: Path | str, *, fast: bool = True, assets_dir: Path = ASSETS_DIR, cache=None
) -> tuple:
    """Read and validate one file: ``(Scenario | None, [Problem, ...])``."""
    path = Path(path)
    rep = Reporter(display_path(path))
    try:
        data = read_limited(path, MAX_BYTES)
    except NotAFile:
        rep.error(None, "this is a folder, not a scenario file")
        return None, rep.problems
    except NotRegularFile:
        rep.error(None, "not a regular file (a pipe or a device?); a scenario is a .yaml file")
        return None, rep.problems
    except FileNotFoundError:
        rep.error(None, "no such file")
        return None, rep.problems
    except OSError as exc:
        rep.error(None, f"cannot read the file ({exc.strerror or exc})")
        return None, rep.problems
    return load_scenario_bytes(
        data, path, rep=rep, fast=fast, assets_dir=assets_dir, cache=cache
    )


def load_scenario_bytes(
    data: bytes,
    path: Path,
    *,
    rep: Reporter | None = None,
    fast: bool = True,
    assets_dir: Path = ASSETS_DIR,
    cache=None,
) -> tuple:
    """Validate a scenario given as bytes (``path`` names it and anchors portraits).

    With ``cache`` (a :class:`game.core.parse_cache.ParseCache`) a file seen before
    is not parsed again.
    """
    rep = rep or Reporter(display_path(path))
    if len(data) > MAX_BYTES:
        rep.error(None, "the file is over 256 KiB; a scenario file may be at most 256 KiB")
        return None, rep.problems
    content_hash = hashlib.sha256(data).hexdigest()
    if cache is not None and (found := cache.get(content_hash, path, rep.path)) is not None:
        return found
    text = _decode(data, rep)
    if text is None:
        return None, rep.problems
    try:
        root = parse(text, fast=fast)
    except YamlProblem as exc:
        rep.error(None, exc.message, exc.line, exc.column)
        return None, rep.problems
    scenario = build_scenario(
        root, rep, file_path=path.resolve(), assets_dir=assets_dir, content_hash=content_hash
    )
    # Top to bottom, as an author reads the file (the sort is stable within a line).
    problems = sorted(rep.problems, key=lambda p: (p.line, p.column))
    if cache is not None:
        cache.put(content_hash, scenario, problems)
    return scenario, problems


def _decode(data: bytes, rep: Reporter) -> str | None:
    body = data[len(BOM) :] if data.startswith(BOM) else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = body[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        rep.error(
            None,
            f"the file is not UTF-8 text (byte 0x{body[exc.start]:02x} cannot be read); "
            "save it as UTF-8",
            line,
            column,
        )
        return None
    if "\x00" in text:
        at = text.index("\x00")
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        rep.error(
            None, "the file contains a NUL character; is it really a text file?", line, column
        )
        return None
    return text


__all__ = ["load_scenario_file", "load_scenario_bytes", "Problem", "MAX_BYTES"]
