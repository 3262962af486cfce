"""A cache of checked scenarios, so a file is parsed and validated once, not at every start.

>>> cache = ParseCache.default()          # the user cache folder (nothing created yet)
>>> found = cache.get(content_hash, path)   # (Scenario | None, [Problem, ...]) or None
>>> cache.put(content_hash, scenario, problems)

An entry is keyed by the file's content (SHA-256), the game's version, the
format version and this cache's own format: any change to one of them is a
miss. Where the file is does not matter (its place and the name shown in
messages are filled in when an entry is read), so a file copied or installed
elsewhere is not parsed again. Entries are plain JSON, read with a size limit, so reading one can
never run code. A damaged, stale or unreadable entry is simply a miss and is
written again; the cache never fails a load and never raises. Folders are
private (0700) and entries private files (0600), written atomically.

A file whose result involves a portrait is not cached: where the image is,
and whether it exists, are not part of the file's content.

The folder is ``$FIRM_AND_KIND_HOME/cache`` when that is set, else the user
cache folder of this system (platformdirs).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import threading
from pathlib import Path

from game import APP_SLUG, __version__, safefiles
from game.core.model import Beat, Character, Choice, Ending, Scenario
from game.core.problems import Problem, display_path
from game.core.vocab import FORMAT_VERSION
from game.paths import HOME_ENV

CACHE_FORMAT = 1
MAX_ENTRY = 4 * 1024 * 1024  # far above any entry a 256 KiB scenario makes
_BINARY = getattr(os, "O_BINARY", 0)


class ParseCache:
    """Checked scenarios on disk, by content. See the module's promises."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._ready = False  # the folder has been made (private) by this cache
        self._real: dict[str, Path] = {}  # folder -> the folder with its links resolved

    @classmethod
    def default(cls) -> ParseCache:
        home = os.environ.get(HOME_ENV)
        if home:
            return cls(Path(home) / "cache" / "scenarios")
        import platformdirs

        return cls(Path(platformdirs.user_cache_dir(APP_SLUG, appauthor=False)) / "scenarios")

    # -- the key ---------------------------------------------------------------
    @staticmethod
    def _key(content_hash: str) -> dict:
        return {
            "cache": CACHE_FORMAT,
            "game": __version__,
            "format": FORMAT_VERSION,
            "hash": content_hash,
        }

    def _entry(self, key: dict) -> Path:
        name = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()
        return self.folder / f"{name}.json"

    # -- reading and writing ---------------------------------------------------
    def get(self, content_hash: str, path: Path, shown: str | None = None):
        """``(scenario, problems)`` as the loader would give them for ``path``, or None (a miss).

        ``shown`` is the path as messages show it (worked out from ``path`` if not given).
        """
        key = self._key(content_hash)
        try:
            raw = safefiles.read_small(self._entry(key), MAX_ENTRY)
            entry = json.loads(raw)
            if entry.get("key") != key:
                return None
            shown = display_path(path) if shown is None else shown
            problems = [Problem(shown, *p) for p in entry["problems"]]
            scenario = _scenario(entry["scenario"], self._resolved(path), content_hash, shown)
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None  # missing, damaged or from another version: parse again
        return scenario, problems

    def _resolved(self, path: Path) -> Path:
        """``path.resolve()``, resolving each folder once (a library has many files per folder)."""
        if os.path.islink(path):
            return path.resolve()
        folder = str(path.parent)
        real = self._real.get(folder)
        if real is None:
            real = self._real[folder] = path.parent.resolve()
        return real / path.name

    def put(self, content_hash: str, scenario, problems) -> None:
        """Keep a result (never raises; a cache that cannot be written is no cache)."""
        if scenario is not None and any(c.portrait for c in scenario.characters.values()):
            return
        if any("portrait" in p.message for p in problems):
            return
        key = self._key(content_hash)
        entry = {
            "key": key,
            "problems": [[p.line, p.column, p.severity, p.message] for p in problems],
            "scenario": None if scenario is None else _plain(scenario),
        }
        target = self._entry(key)
        tmp = target.with_name(f".{target.stem}.{os.getpid()}.{threading.get_ident()}.tmp")
        with contextlib.suppress(OSError, ValueError, TypeError):
            if not self._ready:
                safefiles.private_folder(self.folder)
                self._ready = True
            data = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _BINARY, 0o600)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, target)  # whole entries only, never half of one
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise


# -- a scenario as plain JSON and back ----------------------------------------------
def _plain(s: Scenario) -> list:
    return [
        s.id, s.title, s.category, s.difficulty, s.summary,
        [[c.id, c.name, c.role, c.pronouns] for c in s.characters.values()],
        s.start,
        [
            [b.id, b.speaker, b.line, b.mood, b.narration, b.thought, b.hint,
             [[c.text, c.style, c.points, c.feedback, c.next, list(c.skills), c.reply,
               c.reply_mood, c.index, c.line] for c in b.choices]]
            for b in s.beats.values()
        ],
        [[e.id, e.title, e.text, e.tone] for e in s.endings.values()],
        s.goal, s.takeaway, s.content_warning, list(s.tags), s.format,
        [[p.line, p.column, p.severity, p.message] for p in s.warnings],
        [[k, v[0], v[1]] for k, v in s.positions.items()],
    ]  # fmt: skip


_CHOICE_FIELDS = tuple(f.name for f in dataclasses.fields(Choice))


def _choice(values: list) -> Choice:
    """A Choice from its fields in order, without the frozen dataclass's slower __init__
    (thousands are made per load; the fields were checked when the entry was written)."""
    if len(values) != len(_CHOICE_FIELDS):
        raise ValueError("a choice with the wrong number of fields")
    choice = object.__new__(Choice)
    fields = dict(zip(_CHOICE_FIELDS, values, strict=True))
    fields["skills"] = tuple(fields["skills"])
    choice.__dict__.update(fields)
    return choice


def _scenario(plain, path: Path, content_hash: str, shown: str) -> Scenario | None:
    if plain is None:
        return None
    (sid, title, category, difficulty, summary, chars, start, beats, endings, goal, takeaway,
     warning, tags, fmt, warnings, positions) = plain  # fmt: skip
    return Scenario(
        id=sid, title=title, category=category, difficulty=difficulty, summary=summary,
        characters={c[0]: Character(*c) for c in chars},
        start=start,
        beats={
            b[0]: Beat(b[0], b[1], b[2], tuple(_choice(c) for c in b[7]), *b[3:7])
            for b in beats
        },
        endings={e[0]: Ending(*e) for e in endings},
        goal=goal, takeaway=takeaway, content_warning=warning, tags=tuple(tags), format=fmt,
        path=path, content_hash=content_hash,
        warnings=tuple(Problem(shown, *w) for w in warnings),
        positions={p[0]: (p[1], p[2]) for p in positions},
    )  # fmt: skip
