"""The pure model of Firm & Kind: scenarios, validation, playthroughs and scoring.

Nothing under ``game.core`` imports pygame (a test checks this), so the
validator and the terminal player need no display.
"""
