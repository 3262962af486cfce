"""Build the standalone app: a folder that runs Firm & Kind with no Python installed.

    pip install -e '.[build]'
    python tools/build_app.py            # -> dist/firm-and-kind/

It builds on the system it runs on (PyInstaller does not cross-build):

* Linux:   dist/firm-and-kind/firm-and-kind (and firm-and-kind-window)
* Windows: dist/firm-and-kind/firm-and-kind.exe (a console command) and
           firm-and-kind-window.exe (the game, with no console window)
* macOS:   the same folder, and dist/Firm & Kind.app

The app is made from the same wheel pip would install: the wheel is built,
unpacked into build/app/site, and PyInstaller freezes it from there, so the
scenarios and assets sit inside the package (game/scenarios, game/assets)
exactly as in a pip install and are found the same way (importlib.resources).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "app"
DIST = ROOT / "dist"
NAME = "firm-and-kind"
APP_ID = "io.github.firmandkind.FirmAndKind"

SPEC = """\
# Written by tools/build_app.py; edit that file, not this one.
import sys

datas = {datas!r}
hidden = {hidden!r}

a = Analysis(
    [{entry!r}],
    pathex=[{site!r}],
    datas=datas,
    hiddenimports=hidden,
    excludes=["tkinter", "unittest", "pydoc", "setuptools", "pip"],
    noarchive=False,
)
pyz = PYZ(a.pure)


def exe(name, console):
    return EXE(
        pyz, a.scripts, [], exclude_binaries=True, name=name, console=console,
        icon={icon!r}, upx=False,
    )


window = exe({name!r} + "-window", console=False)
command = exe({name!r}, console=True)
coll = COLLECT(window, command, a.binaries, a.datas, name={name!r}, upx=False)
if sys.platform == "darwin":
    app = BUNDLE(
        coll,
        name="Firm & Kind.app",
        icon={icns!r},
        bundle_identifier={app_id!r},
        version={version!r},
        info_plist={{
            "NSHighResolutionCapable": True,
            "LSBackgroundOnly": False,
            "CFBundleDisplayName": "Firm & Kind",
            "LSApplicationCategoryType": "public.app-category.education",
        }},
    )
"""


def run(cmd: list[str]) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)


def unpack_wheel() -> Path:
    """Build the wheel and install it (no dependencies) into build/app/site."""
    wheels, site = BUILD / "wheel", BUILD / "site"
    for d in (wheels, site):
        shutil.rmtree(d, ignore_errors=True)
    pip = [sys.executable, "-m", "pip"]
    run([*pip, "wheel", "--no-deps", "--quiet", "--wheel-dir", str(wheels), str(ROOT)])
    (wheel,) = wheels.glob("*.whl")
    run([*pip, "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)])
    return site


def icon_for(platform: str, icon_dir: Path) -> str | None:
    """The executable's icon: .ico on Windows, .icns on macOS; Linux executables have none
    (the desktop file names the icon there)."""
    if platform == "win32":
        return str(icon_dir / f"{NAME}.ico")
    if platform == "darwin":
        return str(icon_dir / f"{NAME}.icns")
    return None


def write_spec(site: Path) -> Path:
    game = site / "game"
    modules = sorted(
        ".".join(p.relative_to(site).with_suffix("").parts).removesuffix(".__init__")
        for p in game.rglob("*.py")
    )
    datas = []
    for p in sorted(game.rglob("*")):
        if p.is_file() and p.suffix not in (".py", ".pyc"):
            datas.append((str(p), str(p.parent.relative_to(site))))
    from game import __version__

    icon_dir = site / "game" / "assets" / "icons"
    spec = SPEC.format(
        datas=datas,
        hidden=modules,
        entry=str(ROOT / "tools" / "app_main.py"),
        site=str(site),
        icon=icon_for(sys.platform, icon_dir),
        icns=str(icon_dir / f"{NAME}.icns"),
        name=NAME,
        app_id=APP_ID,
        version=__version__,
    )
    path = BUILD / f"{NAME}.spec"
    path.write_text(spec, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller is missing: pip install -e '.[build]'", file=sys.stderr)
        return 2
    BUILD.mkdir(parents=True, exist_ok=True)
    spec = write_spec(unpack_wheel())
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(BUILD / "work"),
            str(spec),
        ]
    )
    exe = DIST / NAME / (f"{NAME}.exe" if sys.platform == "win32" else NAME)
    print(f"built {exe}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
