"""The standalone app's entry point (tools/build_app.py freezes it with PyInstaller).

The app folder holds two executables built from this one script:

* ``firm-and-kind`` takes the same commands as the installed ``firm-and-kind``
  (``validate``, ``play --text``, ...; no command opens the window);
* ``firm-and-kind-window`` only opens the window, with no console on Windows
  (and is what the macOS ``.app`` starts).

With ``FIRM_AND_KIND_SELF_CHECK=1`` either one runs ``game.selfcheck`` instead:
a short headless start that checks the app found its scenarios, font and sounds.
"""

import os
import sys
from pathlib import Path

if os.environ.get("FIRM_AND_KIND_SELF_CHECK") == "1":
    from game.selfcheck import main
elif Path(sys.executable).stem.endswith("-window"):
    from game.cli.window import main
else:
    from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
