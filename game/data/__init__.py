"""Data shipped with the game: the scenario template and the JSON Schema for editors."""
