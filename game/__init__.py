"""Firm & Kind: a calm game for practising saying no and asking for what you need.

The package is split in two:

* ``game.core`` (and ``game.history``) is the pure model: loading and validating
  scenario files, playing them through and scoring them, and keeping the
  player's history. It never imports pygame, so it runs anywhere, including in
  the terminal player and the author's validator.
* ``game.ui`` draws what the model decides, with pygame-ce.

``game.cli`` ties both to the command line (``python main.py --help``).
"""

__version__ = "0.1.0"
APP_NAME = "Firm & Kind"
APP_SLUG = "firm-and-kind"
