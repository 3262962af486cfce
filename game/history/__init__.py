"""The player's history of finished playthroughs (pure: never imports pygame).

>>> from game.history import History
>>> h = History.open(ctx.paths.history_db)
>>> h.record(playthrough, started_at, ended_at)
>>> h.summaries()["extra-shift"].best_percent

See :mod:`game.history.store` for what the store promises and
:mod:`game.history.stats` for what is computed from it.
"""

from game.history.records import Attempt, Step, Summary
from game.history.store import History

__all__ = ["Attempt", "History", "Step", "Summary"]
