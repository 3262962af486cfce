"""The game window (pygame-ce): scenes, widgets, theme and the main loop."""
