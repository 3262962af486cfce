"""A cache of checked scenarios, so a file is parsed and validated once, not at every start.

>>> cache = ParseCache.default()          # the user cache folder (nothing created yet)
>>> found = cache.get(data, path, assets_dir)   # (Scenario | None, [Problem, ...]) or None
>>> cache.put(data, path, assets_dir, scenario, problems)

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
import hashlib
import json
import os
import tempfile
from pathlib import Path

from game import APP_SLUG, __version__, safefiles
from game.core.model import Beat, Character, Choice, Ending, Scenario
from game.core.problems import Problem, display_path
from game.core.vocab import FORMAT_VERSION
from game.paths import HOME_ENV

CACHE_FORMAT = 1
MAX_ENTRY = 4 * 1024 * 1024  # far above any entry a 256 KiB scenario makes


class ParseCache:
    """Checked scenarios on disk, by content. See the module's promises."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

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
        return self.folder / name[:2] / f"{name}.json"

    # -- reading and writing ---------------------------------------------------
    def get(self, content_hash: str, path: Path, assets_dir: Path | None = None):
        """``(scenario, problems)`` as the loader would give them for ``path``, or None (a miss)."""
        key = self._key(content_hash)
        try:
            raw = safefiles.read_small(self._entry(key), MAX_ENTRY)
            entry = json.loads(raw)
            if entry.get("key") != key:
                return None
            shown = display_path(path)
            problems = [Problem(shown, *p) for p in entry["problems"]]
            scenario = _scenario(entry["scenario"], path.resolve(), content_hash, shown)
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None  # missing, damaged or from another version: parse again
        return scenario, problems

    def put(self, content_hash: str, path: Path, assets_dir, scenario, problems) -> None:
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
        with contextlib.suppress(OSError, ValueError, TypeError):
            safefiles.private_folder(target.parent)
            fd, tmp = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=target.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(entry, fh, ensure_ascii=False, separators=(",", ":"))
                os.replace(tmp, target)
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
            b[0]: Beat(b[0], b[1], b[2], tuple(
                Choice(c[0], c[1], c[2], c[3], c[4], tuple(c[5]), *c[6:]) for c in b[7]
            ), *b[3:7])
            for b in beats
        },
        endings={e[0]: Ending(*e) for e in endings},
        goal=goal, takeaway=takeaway, content_warning=warning, tags=tuple(tags), format=fmt,
        path=path, content_hash=content_hash,
        warnings=tuple(Problem(shown, *w) for w in warnings),
        positions={p[0]: (p[1], p[2]) for p in positions},
    )  # fmt: skip
