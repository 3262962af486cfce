"""The place in an unfinished scenario, kept so the player can continue later.

One small JSON file holds at most one place: the scenario, the version of it
that was being played, the seed (so the replies keep their order) and the
replies chosen so far, each as its position in the file.

>>> save_place(path, Place.of(playthrough, started_at))
>>> place = load_place(path)          # None if there is none, or it is unreadable
>>> outcome = place.restore(scenario)   # a Playthrough at the same moment, or None if changed

Promises: the file is private (0600) and replaced atomically, so a crash
leaves the old place or the new one, never half of one; a damaged file reads
as "no place" (the player simply starts over); reads are size-limited.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from game.core.engine import Playthrough
from game.core.model import Scenario
from game.errors import PlaythroughError

log = logging.getLogger("firm_and_kind.history.resume")

MAX_BYTES = 64 * 1024
VERSION = 1


@dataclass(frozen=True)
class Place:
    """Where the player was in an unfinished scenario."""

    scenario_id: str
    title: str
    content_hash: str
    seed: int
    path: tuple[int, ...]  # file positions of the replies chosen so far
    tries: int
    started_at: datetime

    @classmethod
    def of(cls, playthrough: Playthrough, started_at: datetime) -> Place:
        s = playthrough.scenario
        return cls(
            scenario_id=s.id,
            title=s.title,
            content_hash=s.content_hash or "",
            seed=playthrough.seed,
            path=tuple(d.choice.index for d in playthrough.decisions),
            tries=playthrough.tries,
            started_at=started_at,
        )

    def matches(self, scenario: Scenario) -> bool:
        """True if ``scenario`` is the same version of the scenario as when the place was kept."""
        return (
            scenario.id == self.scenario_id and (scenario.content_hash or "") == self.content_hash
        )

    def restore(self, scenario: Scenario) -> Playthrough | None:
        """A playthrough at the same moment with the same reply order, or None if the
        scenario changed since (the caller starts over and says so)."""
        if not self.matches(scenario):
            return None
        p = Playthrough(scenario, self.seed)
        try:
            p.replay(self.path)
        except PlaythroughError:
            return None
        if p.finished:
            return None
        p.tries = self.tries
        return p

    def to_json(self) -> dict:
        return {
            "version": VERSION,
            "scenario_id": self.scenario_id,
            "title": self.title,
            "content_hash": self.content_hash,
            "seed": str(self.seed),
            "path": list(self.path),
            "tries": self.tries,
            "started_at": self.started_at.astimezone(UTC).isoformat(timespec="seconds"),
        }

    @classmethod
    def from_json(cls, data: object) -> Place | None:
        """The place in ``data``, or None if it is not a place this game wrote."""
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return None
        try:
            path = data["path"]
            if not isinstance(path, list) or not all(
                isinstance(i, int) and not isinstance(i, bool) and 0 <= i < 4 for i in path
            ):
                return None
            tries = data.get("tries", 0)
            if not isinstance(tries, int) or isinstance(tries, bool) or tries < 0:
                return None
            started = datetime.fromisoformat(str(data["started_at"]))
            fields = (data["scenario_id"], data["title"], data["content_hash"])
            if not all(isinstance(f, str) and len(f) <= 400 for f in fields):
                return None
            seed_text = str(data["seed"])
            if len(seed_text) > 40:
                return None
            return cls(
                scenario_id=fields[0],
                title=fields[1],
                content_hash=fields[2],
                seed=int(seed_text),
                path=tuple(path),
                tries=tries,
                started_at=started if started.tzinfo else started.replace(tzinfo=UTC),
            )
        except (KeyError, TypeError, ValueError):
            return None


def save_place(path: Path, place: Place) -> bool:
    """Keep ``place`` at ``path`` (atomically, privately). False, logged, if it cannot be written."""
    data = json.dumps(place.to_json(), ensure_ascii=False).encode("utf-8")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("could not keep the place in %s: %s", place.scenario_id, exc)
        with contextlib.suppress(OSError):
            tmp.unlink()
        return False
    return True


def load_place(path: Path) -> Place | None:
    """The kept place, or None when there is none or it cannot be read (logged)."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("could not read the kept place %s: %s", path, exc)
        return None
    if len(data) > MAX_BYTES:
        log.warning("kept place %s is too large; ignored", path)
        return None
    try:
        place = Place.from_json(json.loads(data.decode("utf-8")))
    except (ValueError, RecursionError):
        place = None
    if place is None:
        log.warning("kept place %s is not readable; ignored", path)
    return place


def clear_place(path: Path) -> None:
    """Forget the kept place (the scenario was finished or abandoned on purpose)."""
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("could not clear the kept place %s: %s", path, exc)
