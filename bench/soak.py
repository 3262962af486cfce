"""Reliability soak: hostile files, packs, terminals, kills and a monkey in the window.

    .venv/bin/python bench/soak.py            # about 3 minutes
    .venv/bin/python bench/soak.py --quick    # under a minute

Not part of the test run. Each case throws something at the game and checks a
promise: no traceback or exit 70 from a hostile file; an install that is copied
is private, bounded and whole; every playthrough a terminal said it saved is in
the history; a killed save or install loses nothing and leaves nothing behind;
random events in the window never reach the error screen. It prints a table of
cases tried, failures and playthroughs lost, and exits 1 unless there are zero
failures and zero lost.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
MAIN = str(ROOT / "main.py")
ANSWERS = "1\n" * 60  # reply 1 is always allowed; enough to reach any shipped ending


@dataclass
class Row:
    case: str
    tried: int = 0
    failures: int = 0
    lost: int = 0
    notes: list[str] = field(default_factory=list)

    def fail(self, note: str) -> None:
        self.failures += 1
        if len(self.notes) < 4:
            self.notes.append(note[:300])


def _env(home: Path, **extra) -> dict:
    env = dict(os.environ, FIRM_AND_KIND_HOME=str(home), PYTHONUNBUFFERED="1")
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    env.update(extra)
    return env


def _shipped_files() -> list[Path]:
    from game.core.library import scenario_files
    from game.paths import SHIPPED_SCENARIOS

    return scenario_files(SHIPPED_SCENARIOS)


# -- fuzzed scenario files ------------------------------------------------------
_ODD = [
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\u200b",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\t",
    "\r",
    "\u0085",
]


def mutate(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    lines = text.splitlines(keepends=True) or [""]
    kind = rng.randrange(12)
    if kind == 0:  # flip bytes
        b = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            if b:
                b[rng.randrange(len(b))] = rng.randrange(256)
        return bytes(b)
    if kind == 1:  # an odd character somewhere
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(_ODD) + text[at:]
    elif kind == 2:  # truncated
        return data[: rng.randrange(len(data) + 1)]
    elif kind == 3:  # a line duplicated, dropped or moved
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        op = rng.randrange(3)
        if op == 0:
            lines.insert(j, lines[i])
        elif op == 1:
            del lines[i]
        else:
            lines[i], lines[j] = lines[j], lines[i]
        text = "".join(lines)
    elif kind == 4:  # a huge or odd number
        number = rng.choice(["9" * 4301, str(2**64), "-0", "+7", "0x1F", "1e400", "٣"])
        key = rng.choice(["difficulty", "points", "format"])
        text = (
            text.replace(f"\n{key}:", f"\n{key}: {number}\n_{key}:", 1)
            if rng.random() < 0.3
            else (text + f"\n{key}: {number}\n")
        )
    elif kind == 5:  # deep nesting
        depth = rng.choice([33, 200, 5000])
        text = text + "\nx: " + "[" * depth + "]" * depth + "\n"
    elif kind == 6:  # a reference made wrong
        i = rng.randrange(len(lines))
        if "next:" in lines[i]:
            lines[i] = (
                lines[i].split("next:")[0]
                + "next: "
                + rng.choice(["\u200bgone", "nowhere", "x" * 300, "'quoted'", "é"])
                + "\n"
            )
        text = "".join(lines)
    elif kind == 7:  # indentation broken
        i = rng.randrange(len(lines))
        lines[i] = (" " * rng.randint(1, 5)) + lines[i] if rng.random() < 0.5 else lines[i].lstrip()
        text = "".join(lines)
    elif kind == 8:  # anchors, aliases, tags, merge keys, documents
        text += rng.choice(
            [
                "\na: &x 1\nb: *x\n",
                "\nc: !!python/object {}\n",
                "\n<<: {a: 1}\n",
                "\n---\nid: two\n",
            ]
        )
    elif kind == 9:  # not UTF-8
        at = rng.randrange(len(data) + 1)
        return data[:at] + bytes([rng.choice([0xFF, 0xC3, 0x80, 0xFE])]) + data[at:]
    elif kind == 10:  # a long run of one reference, many times
        text += "".join(f"\n#{'z' * rng.randint(1, 4000)}" for _ in range(rng.randint(1, 20)))
    else:  # many small edits
        for _ in range(rng.randint(2, 6)):
            return mutate(mutate(data, rng), rng)
    return text.encode("utf-8", "surrogatepass")


def check_problems(row: Row, label: str, scenario, problems) -> None:
    if scenario is None and not any(p.is_error for p in problems):
        row.fail(f"{label}: refused without an error")
    for p in problems:
        if p.line < 1 or p.column < 1:
            row.fail(f"{label}: position {p.line}:{p.column}")
        try:
            str(p).encode("utf-8")
        except UnicodeEncodeError:
            row.fail(f"{label}: unprintable message {p!r}")
        if any(ch in str(p) for ch in "\u200b\u202e\u2066\x1b\x07"):
            row.fail(f"{label}: invisible character in {p}")


def soak_fuzz(rows: list[Row], seconds: float, rng: random.Random, work: Path) -> None:
    from game.core.loader import load_scenario_bytes

    row = Row("fuzzed scenario files (both parsers)")
    rows.append(row)
    sources = [(p, p.read_bytes()) for p in _shipped_files()]
    folder = work / "fuzzed"
    folder.mkdir()
    deadline = time.monotonic() + seconds
    count = 0
    while time.monotonic() < deadline or count < 20:
        i = count
        count += 1
        src, data = rng.choice(sources)
        mutant = mutate(data, rng)
        path = folder / f"f{i}.yaml"
        verdicts = []
        for fast in (True, False):
            row.tried += 1
            try:
                scenario, problems = load_scenario_bytes(mutant, path, fast=fast)
            except Exception as exc:  # noqa: BLE001 - this is what the soak looks for
                row.fail(f"{src.name} mutant {i}: {type(exc).__name__}: {exc}")
                continue
            check_problems(row, f"{src.name} mutant {i}", scenario, problems)
            verdicts.append(scenario is None)
        if len(set(verdicts)) > 1:
            row.fail(f"{src.name} mutant {i}: the two parsers disagree")
        if i < 300:
            path.write_bytes(mutant)

    # The same files, and stranger ones, through the commands on a strict ASCII terminal.
    cmd = Row("hostile files through validate/outline")
    rows.append(cmd)
    (folder / os.fsdecode(b"name-\xff\xfe.yaml")).write_bytes(b"id: [\n")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.yaml")
    runs = [["validate", folder], ["validate", folder / "pipe.yaml"], ["outline", "/dev/zero"]]
    runs += [["outline", folder / f"f{i}.yaml"] for i in rng.sample(range(min(count, 300)), 5)]
    for args in runs:
        cmd.tried += 1
        try:
            r = subprocess.run(
                [sys.executable, MAIN, *map(str, args)], capture_output=True, timeout=120,
                env=_env(work / "cmd-home", PYTHONIOENCODING="ascii:strict"),
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            cmd.fail(f"{args[0]} {args[1]}: did not finish")
            continue
        err = r.stderr.decode("utf-8", "replace")
        if r.returncode not in (0, 1) or "Traceback" in err or "went wrong" in err:
            cmd.fail(f"{args[0]} {args[1]}: exit {r.returncode}: {err[-200:]}")


# -- hostile packs --------------------------------------------------------------
PACK_SCENARIO = """\
id: {id}
title: Pack scenario {id}
category: friends
difficulty: 2
summary: A friend asks for a favour.
characters:
  ana: {{name: Ana{portrait}}}
start: ask
beats:
  ask:
    speaker: ana
    line: Can you help me move on Sunday?
    choices:
      - text: I can't this Sunday, but I can lend you boxes.
        style: assertive
        feedback: Clear, and you offered what you can.
        next: fine
      - text: Sure, I guess.
        style: passive
        feedback: Your Sunday is gone.
        next: gone
endings:
  fine: {{title: Sunday kept, tone: good, text: Ana finds other help.}}
  gone: {{title: Sunday gone, tone: poor, text: You carry boxes all day.}}
"""


def write_pack(folder: Path, ids, portrait: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for sid in ids:
        text = PACK_SCENARIO.format(id=sid, portrait=f", portrait: {portrait}" if portrait else "")
        (folder / f"{sid}.yaml").write_text(text, encoding="utf-8")
    return folder


def _png(width: int, height: int) -> bytes:
    import struct
    import zlib

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr
        + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr)) + b"\0" * 64
    )  # fmt: skip


def hostile_packs(base: Path) -> list[Path]:
    packs = []

    def new(name, ids=None, portrait=""):
        p = write_pack(base / name, ids or [f"{name}-a", f"{name}-b"], portrait)
        packs.append(p)
        return p

    p = new("links")
    os.symlink("/etc/passwd", p / "passwd.yaml")
    os.symlink("/", p / "root")
    os.symlink(p / "loop", p / "loop")
    os.symlink(p / "missing", p / "dangling.png")
    p = new("huge")
    with open(p / "video.mp4", "wb") as fh:
        fh.truncate(2 * 1024**3)
    with open(p / "big.png", "wb") as fh:
        fh.truncate(9 * 1024**2)
    p = new("huge-scenario")
    with open(p / "huge-scenario-c.yaml", "wb") as fh:
        fh.truncate(300 * 1024)
    p = new("setuid", portrait="face.png")
    (p / "face.png").write_bytes(_png(64, 64))
    for f in p.iterdir():
        f.chmod(0o6777)
    p.chmod(0o777)
    p = new("fifo")
    if hasattr(os, "mkfifo"):
        os.mkfifo(p / "pipe.yaml")
        os.mkfifo(p / "pipe.png")
    p = new("bad-name")
    (p / os.fsdecode(b"odd-\xff.png")).write_bytes(_png(8, 8))
    p = new("deep")
    d = p
    for i in range(60):
        d = d / f"d{i}"
    d.mkdir(parents=True)
    write_pack(d, ["deep-c"])
    p = new("many-files")
    for i in range(2100):
        (p / f"img{i}.png").write_bytes(b"x")
    p = new("huge-portrait", portrait="big.png")
    (p / "big.png").write_bytes(_png(20000, 20000))
    p = new("junk")
    (p / ".git").mkdir()
    (p / ".git" / "config").write_text("x")
    (p / "README.md").write_text("hi")
    (p / "run.sh").write_text("#!/bin/sh\n")
    (p / "run.sh").chmod(0o755)
    return packs


def check_installed(row: Row, target: Path) -> None:
    from game.core.library import load_library
    from game.core.loader import MAX_BYTES

    total = 0
    for dirpath, dirnames, filenames in os.walk(target):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            st = p.lstat()
            if stat.S_ISLNK(st.st_mode):
                row.fail(f"{p}: a link was installed")
            elif stat.S_ISDIR(st.st_mode) and stat.S_IMODE(st.st_mode) != 0o700:
                row.fail(f"{p}: folder mode {oct(st.st_mode)}")
            elif stat.S_ISREG(st.st_mode):
                total += st.st_size
                if stat.S_IMODE(st.st_mode) != 0o600:
                    row.fail(f"{p}: file mode {oct(st.st_mode)}")
                limit = MAX_BYTES if p.suffix in (".yaml", ".yml") else 8 * 1024**2
                if st.st_size > limit or p.suffix.lower() not in (
                    ".yaml", ".yml", ".png", ".jpg", ".jpeg", ".webp", ".bmp",
                ):  # fmt: skip
                    row.fail(f"{p}: should not have been copied ({st.st_size} bytes)")
            elif not stat.S_ISDIR(st.st_mode):
                row.fail(f"{p}: a special file was installed")
    if total > 64 * 1024**2:
        row.fail(f"{target}: {total} bytes installed")
    lib = load_library([target])
    if lib.errors:
        row.fail(f"{target}: installed pack has errors: {lib.errors[0]}")


def _leftovers(user: Path) -> list[str]:
    if not user.exists():
        return []
    return [n for n in os.listdir(user) if ".installing-" in n or ".old-" in n]


def soak_packs(rows: list[Row], work: Path) -> None:
    from game.core.packs import install_pack
    from game.errors import FirmKindError
    from game.paths import AppPaths

    row = Row("hostile packs (links, huge, setuid, FIFOs)")
    rows.append(row)
    home = work / "pack-home"
    paths = AppPaths(home / "data", home / "config", home / "logs")
    for pack in hostile_packs(work / "packs"):
        row.tried += 1
        try:
            result = install_pack(pack, paths, replace=True)
        except FirmKindError:
            continue  # refused, with a message: fine
        except Exception as exc:  # noqa: BLE001
            row.fail(f"{pack.name}: {type(exc).__name__}: {exc}")
            continue
        check_installed(row, result.target)
        if _leftovers(paths.user_scenarios):
            row.fail(f"{pack.name}: left {_leftovers(paths.user_scenarios)}")


# -- terminal players -------------------------------------------------------------
def _seeds_in_history(home: Path) -> list[int] | None:
    from game.history import History

    db = home / "data" / "history.sqlite3"
    history = History.open(db, create=False)
    try:
        if history.notice:
            return None  # set aside or unreadable: everything in it counts as lost
        return [a.seed for a in history.attempts()]
    finally:
        history.close()


def _player(path: Path, seed: int, home: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, MAIN, "play", "--text", "--seed", str(seed), str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(home),
    )  # fmt: skip


def soak_players(rows: list[Row], rounds: int, width: int, rng, work: Path) -> None:
    row = Row(f"concurrent terminal players ({width} at a time)")
    rows.append(row)
    home = work / "players-home"  # fresh: the first round races to create it
    files = _shipped_files()
    acknowledged: list[int] = []
    seed = 1000
    for _ in range(rounds):
        procs = []
        for _ in range(width):
            seed += 1
            procs.append((seed, _player(rng.choice(files), seed, home)))
        for s, proc in procs:
            row.tried += 1
            try:
                out, err = proc.communicate(ANSWERS.encode(), timeout=120)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
                row.fail(f"seed {s}: did not finish")
                continue
            text = out.decode("utf-8", "replace")
            if "Saved to your history." in text:
                acknowledged.append(s)
            if proc.returncode != 0 or "Saved to your history." not in text:
                row.fail(f"seed {s}: exit {proc.returncode}: {text[-160:]!r} {err[-300:]!r}")
    recorded = _seeds_in_history(home)
    if recorded is None:
        row.fail("the history was set aside or unreadable")
        recorded = []
    row.lost = len(set(acknowledged) - set(recorded))


def soak_kill_saves(rows: list[Row], count: int, rng, work: Path) -> None:
    row = Row("kill -9 during terminal saves")
    rows.append(row)
    home = work / "kill-home"
    files = _shipped_files()
    acknowledged: list[int] = []
    for i in range(count):
        row.tried += 1
        seed = 5000 + i
        proc = _player(rng.choice(files), seed, home)
        timer = threading.Timer(rng.uniform(0.3, 2.5), proc.send_signal, (signal.SIGKILL,))
        timer.start()
        try:
            out, _ = proc.communicate(ANSWERS.encode(), timeout=120)
        except (subprocess.TimeoutExpired, BrokenPipeError):
            proc.kill()
            out, _ = proc.communicate()
        timer.cancel()
        if b"Saved to your history." in out or b"\nscore: " in out:  # the player saw it end
            acknowledged.append(seed)
    recorded = _seeds_in_history(home)
    if recorded is None:
        row.fail("the history was set aside after the kills")
        recorded = []
    row.lost = len(set(acknowledged) - set(recorded))


# -- kills during installs -------------------------------------------------------
_INSTALL_CHILD = (
    "import sys\nfrom pathlib import Path\nfrom game.core.packs import install_pack\n"
    "from game.paths import AppPaths\nh = Path(sys.argv[2])\n"
    "install_pack(Path(sys.argv[1]), AppPaths(h / 'data', h / 'config', h / 'logs'), replace=True)\n"
)


def soak_kill_installs(rows: list[Row], count: int, rng, work: Path) -> None:
    from game.core.library import load_library
    from game.core.packs import install_pack
    from game.paths import AppPaths

    row = Row("kill -9 during installs")
    rows.append(row)
    home = work / "install-home"
    paths = AppPaths(home / "data", home / "config", home / "logs")
    ids = [f"kill-pack-{i}" for i in range(40)]
    pack = write_pack(work / "kill-pack", ids)
    for _ in range(count):
        row.tried += 1
        proc = subprocess.Popen(
            [sys.executable, "-c", _INSTALL_CHILD, str(pack), str(home)], cwd=ROOT,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(rng.uniform(0.2, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        target = paths.user_scenarios / "kill-pack"
        if target.exists():  # never half a pack
            got = {s.id for s in load_library([target]).scenarios}
            if got != set(ids):
                row.fail(f"a half pack was visible: {len(got)} of {len(ids)}")
        try:
            result = install_pack(pack, paths, replace=True)
        except Exception as exc:  # noqa: BLE001
            row.fail(f"reinstall after a kill: {type(exc).__name__}: {exc}")
            continue
        if set(result.scenario_ids) != set(ids):
            row.fail("reinstall after a kill is missing scenarios")
        if _leftovers(paths.user_scenarios):
            row.fail(f"left behind: {_leftovers(paths.user_scenarios)}")


# -- monkey in the window ----------------------------------------------------------
def monkey_child(seconds: float, seed: int, home: Path, hostile: Path) -> int:
    """Run in a child process: random events into a real window for ``seconds``."""
    os.environ.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    import pygame

    from game.cli.context import Context
    from game.paths import AppPaths
    from game.ui.app import App, start_scenes

    rng = random.Random(seed)
    paths = AppPaths(home / "data", home / "config", home / "logs")
    keys = [pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_SPACE, pygame.K_TAB, pygame.K_UP,
            pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_BACKSPACE, pygame.K_1,
            pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_a, pygame.K_t, pygame.K_h, pygame.K_m,
            pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END, pygame.K_F1]  # fmt: skip
    stats = {"events": 0, "errors": 0, "windows": 0, "notes": []}
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app = App(Context(paths), extra_paths=[hostile], size=(1280, 720))
        stats["windows"] += 1
        real_error = app.show_error

        def counted(exc=None, _real=real_error):
            stats["errors"] += 1
            if len(stats["notes"]) < 3:
                stats["notes"].append(f"{type(exc).__name__}: {exc}")
            _real(exc)

        app.show_error = counted
        start_scenes(app)
        while app.running and time.monotonic() < deadline:
            w, h = app.window.size
            events = []
            for _ in range(rng.randint(1, 6)):
                r = rng.random()
                pos = (rng.randrange(w), rng.randrange(h))
                if r < 0.45:
                    k = rng.choice(keys)
                    for t in (pygame.KEYDOWN, pygame.KEYUP):
                        events.append(pygame.event.Event(t, key=k, mod=0, unicode="", scancode=0))
                elif r < 0.75:
                    for t in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
                        events.append(pygame.event.Event(t, pos=pos, button=1))
                elif r < 0.9:
                    events.append(
                        pygame.event.Event(
                            pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0)
                        )
                    )
                elif r < 0.97:
                    events.append(
                        pygame.event.Event(
                            pygame.MOUSEWHEEL,
                            x=0,
                            y=rng.choice([-3, -1, 1, 3]),
                            flipped=False,
                            precise_x=0.0,
                            precise_y=0.0,
                        )
                    )
                else:
                    app.resize(rng.choice([(960, 540), (1280, 720), (1920, 1080), (800, 600)]))
            stats["events"] += len(events)
            app.step(events, rng.choice([0.0, 0.016, 0.05, 0.3]))
        app.close()
    print(json.dumps(stats))
    return 0


def soak_monkey(rows: list[Row], seconds: float, rng, work: Path) -> None:
    row = Row(f"monkey in the window ({seconds:.0f} s of random events)")
    rows.append(row)
    hostile = work / "monkey-library"
    hostile.mkdir()
    write_pack(hostile, ["monkey-one"])
    (hostile / "broken.yaml").write_text("id: [\n")
    (hostile / os.fsdecode(b"bad-\xff.yaml")).write_text("id: x\n")
    (hostile / "big.png").write_bytes(_png(20000, 20000))
    write_pack(hostile / "portrait", ["monkey-two"], portrait="../big.png")
    try:
        r = subprocess.run(
            [sys.executable, __file__, "--monkey-child", str(seconds), str(rng.randrange(10**6)),
             str(work / "monkey-home"), str(hostile)],
            capture_output=True, timeout=seconds + 120, env=_env(work / "monkey-home"),
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        row.tried += 1
        row.fail("the window stopped answering")
        return
    try:
        stats = json.loads(r.stdout.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):
        row.tried += 1
        row.fail(f"the monkey run crashed: exit {r.returncode}: {r.stderr.decode()[-400:]}")
        return
    row.tried = stats["events"]
    for note in stats["notes"]:
        row.notes.append(note)
    row.failures = stats["errors"]


# -- the table ----------------------------------------------------------------------
def print_table(rows: list[Row]) -> None:
    width = max(len(r.case) for r in rows)
    print(f"{'case':<{width}}  {'tried':>7}  {'failures':>8}  {'lost':>4}")
    for r in rows:
        print(f"{r.case:<{width}}  {r.tried:>7}  {r.failures:>8}  {r.lost:>4}")
    total_f = sum(r.failures for r in rows)
    total_l = sum(r.lost for r in rows)
    print(f"{'total':<{width}}  {sum(r.tried for r in rows):>7}  {total_f:>8}  {total_l:>4}")
    for r in rows:
        for note in r.notes:
            print(f"  {r.case}: {note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a shorter run (under a minute)")
    parser.add_argument("--seed", type=int, default=None, help="repeat a run")
    parser.add_argument("--monkey-child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.monkey_child:
        seconds, seed, home, hostile = args.monkey_child
        return monkey_child(float(seconds), int(seed), Path(home), Path(hostile))

    seed = args.seed if args.seed is not None else random.randrange(10**6)
    rng = random.Random(seed)
    q = args.quick
    print(f"soak {'--quick ' if q else ''}--seed {seed}", flush=True)
    rows: list[Row] = []
    work = Path(tempfile.mkdtemp(prefix="fk-soak-"))
    try:
        steps = [
            lambda: soak_fuzz(rows, 15 if q else 50, rng, work),
            lambda: soak_packs(rows, work),
            lambda: soak_players(rows, 2 if q else 6, 4, rng, work),
            lambda: soak_kill_saves(rows, 6 if q else 16, rng, work),
            lambda: soak_kill_installs(rows, 3 if q else 10, rng, work),
            lambda: soak_monkey(rows, 10 if q else 40, rng, work),
        ]
        for step in steps:
            started = time.monotonic()
            step()
            print(f"  {rows[-1].case}: {time.monotonic() - started:.1f} s", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print()
    print_table(rows)
    ok = all(r.failures == 0 and r.lost == 0 for r in rows)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
