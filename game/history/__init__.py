"""The player's history of finished playthroughs (pure: never imports pygame).

>>> from game.history import History
>>> h = History.open(ctx.paths.history_db)
>>> outcome = h.record_finished(playthrough, started_at, ended_at)
>>> outcome.previous_best, outcome.is_new_best, outcome.endings_found
>>> h.summaries()["extra-shift"].best_percent

See :mod:`game.history.store` for what the store promises and
:mod:`game.history.stats` for what is computed from it.
"""

from game.history.outcome import Outcome
from game.history.records import Attempt, Step, Summary
from game.history.store import History

__all__ = ["Attempt", "History", "Outcome", "Step", "Summary"]
