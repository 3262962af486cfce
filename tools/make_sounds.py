"""Make the game's short, soft UI sounds as small WAV files (standard library only).

    python tools/make_sounds.py [OUT_DIR]

Writes click.wav, chime.wav, tone.wav and celebrate.wav (16-bit mono,
22050 Hz) into assets/sounds/ by default. The sounds are built from sine
partials with gentle attacks and long decays, peak at about -12 dBFS, and fade
in and out so they never click. The output is the same on every run.
"""

from __future__ import annotations

import math
import random
import struct
import sys
import wave
from pathlib import Path

RATE = 22050
PEAK_DBFS = -12.0
FADE_IN = 0.004  # seconds
FADE_OUT = 0.02
OUT_DIR = Path(__file__).resolve().parent.parent / "assets" / "sounds"

# Equal-tempered note frequencies used below.
C4, D4, G3 = 261.63, 293.66, 196.00
C5, E5, G5, A5, C6 = 523.25, 659.25, 783.99, 880.00, 1046.50


def silence(seconds: float) -> list[float]:
    return [0.0] * round(seconds * RATE)


def note(
    buf: list[float],
    start: float,
    freq: float,
    length: float,
    *,
    attack: float = 0.01,
    decay: float = 0.25,
    partials: tuple[tuple[float, float], ...] = ((1.0, 1.0),),
    level: float = 1.0,
) -> None:
    """Add a soft note: sine partials (ratio, level) with an attack and exponential decay."""
    first = round(start * RATE)
    for i in range(round(length * RATE)):
        j = first + i
        if j >= len(buf):
            break
        t = i / RATE
        env = min(1.0, t / attack) * math.exp(-t / decay)
        s = 0.0
        for ratio, amp in partials:
            # higher partials fade faster, which sounds warm rather than bright
            s += amp * math.exp(-t * ratio / (decay * 3)) * math.sin(2 * math.pi * freq * ratio * t)
        buf[j] += level * env * s


def finish(buf: list[float]) -> list[float]:
    """Fade the ends and scale so the peak sits at PEAK_DBFS."""
    n = len(buf)
    fin, fout = round(FADE_IN * RATE), round(FADE_OUT * RATE)
    for i in range(min(fin, n)):
        buf[i] *= i / fin
    for i in range(min(fout, n)):
        buf[n - 1 - i] *= i / fout
    peak = max(abs(x) for x in buf) or 1.0
    target = 10 ** (PEAK_DBFS / 20)
    return [x * target / peak for x in buf]


def click() -> list[float]:
    """A very soft tick: a short, damped high tone with a breath of filtered noise."""
    rng = random.Random(7)
    buf = silence(0.04)
    note(buf, 0.0, 1800.0, 0.04, attack=0.0015, decay=0.006, partials=((1.0, 1.0), (1.5, 0.2)))
    lp = 0.0
    for i in range(len(buf)):
        t = i / RATE
        lp += 0.25 * (rng.uniform(-1, 1) - lp)  # a gentle low-pass on white noise
        buf[i] += 0.25 * lp * math.exp(-t / 0.004)
    return finish(buf)


def chime() -> list[float]:
    """A warm two-note chime, rising a fifth, for an assertive reply."""
    bell = ((1.0, 1.0), (2.0, 0.28), (3.0, 0.08), (4.2, 0.03))
    buf = silence(0.6)
    note(buf, 0.0, C5, 0.6, attack=0.012, decay=0.2, partials=bell, level=0.8)
    note(buf, 0.12, G5, 0.48, attack=0.012, decay=0.22, partials=bell)
    return finish(buf)


def tone() -> list[float]:
    """A low, gentle, rounded tone for any other reply: soft, not a buzzer."""
    soft = ((1.0, 1.0), (2.0, 0.18), (3.0, 0.04))
    buf = silence(0.4)
    note(buf, 0.0, D4, 0.4, attack=0.03, decay=0.16, partials=soft)
    note(buf, 0.0, G3, 0.4, attack=0.04, decay=0.16, partials=soft, level=0.45)
    return finish(buf)


def celebrate() -> list[float]:
    """A short, gentle rising arpeggio for a new best."""
    bell = ((1.0, 1.0), (2.0, 0.22), (3.0, 0.06))
    buf = silence(0.9)
    for k, freq in enumerate((C5, E5, G5, C6)):
        start = 0.11 * k
        note(
            buf,
            start,
            freq,
            0.9 - start,
            attack=0.01,
            decay=0.2 + 0.05 * k,
            partials=bell,
            level=0.75,
        )
    note(buf, 0.33, A5 / 2, 0.57, attack=0.05, decay=0.25, level=0.18)  # a soft warm bed
    return finish(buf)


SOUNDS = {"click": click, "chime": chime, "tone": tone, "celebrate": celebrate}


def write_wav(path: Path, samples: list[float]) -> None:
    frames = b"".join(struct.pack("<h", max(-32767, min(32767, round(x * 32767)))) for x in samples)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else OUT_DIR
    out.mkdir(parents=True, exist_ok=True)
    for name, make in SOUNDS.items():
        path = out / f"{name}.wav"
        write_wav(path, make())
        print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
