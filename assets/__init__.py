"""The shipped fonts, sounds, icons and desktop files, each with its licence.

This file only makes the folder the resource package ``game.assets`` (see
``package-dir`` in pyproject.toml), so the game finds it through
importlib.resources however it is installed. No code lives here.
"""
