"""One module per command; see :mod:`game.cli` for the protocol."""
