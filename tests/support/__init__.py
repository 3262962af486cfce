"""What the tests share (nothing here is a test).

* :mod:`tests.support.scenarios` -- scenario YAML written in a test, loaded, positions of text.
* :mod:`tests.support.history` -- scenarios built in code, playthroughs, filled histories.
* :mod:`tests.support.window` -- a real game window driven by posted events, and the
  one layout checker every window test uses.
"""
