"""The shipped scenarios (YAML files, one folder per category).

This file only makes the folder the resource package ``game.scenarios`` (see
``package-dir`` in pyproject.toml), so the game finds it through
importlib.resources however it is installed. No code lives here.
"""
