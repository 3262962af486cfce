"""The expression for each of the ten moods, as a table of face settings."""

from __future__ import annotations

from dataclasses import dataclass

from game.core.vocab import MOODS
from game.ui.portraits.palette import Point


@dataclass(frozen=True)
class Face:
    """The expression for one mood. Offsets are in small steps of the face size."""

    brow_raise: float = 0.0  # both brows up (+) or down (-)
    brow_inner: float = 0.0  # inner ends up (+, worried/sad) or down (-, angry)
    brow_arch: float = 0.35
    brow_asym: float = 0.0  # extra lift of the right brow
    lid: float = 0.12  # how far the upper lid comes down (0 open, 1 closed)
    lid_tilt: float = 0.0  # + inner end of the lid lower (glare), - outer end lower (sad)
    lower_lid: float = 0.0  # cheeks pushing up (smiling eyes)
    eye_scale: float = 1.0
    eye_round: bool = False
    iris_scale: float = 1.0
    look: Point = (0.0, 0.0)  # where the eyes look, -1..1 each way
    smile_eyes: bool = False  # closed, upturned eyes
    mouth: str = "curve"
    mouth_curve: float = 0.15  # + smile, - frown
    mouth_width: float = 1.0
    blush: float = 0.0
    tear: bool = False
    sweat: bool = False
    sparkle: bool = False


FACES: dict[str, Face] = {
    "neutral": Face(mouth_curve=0.18),
    "happy": Face(
        brow_raise=0.45,
        brow_arch=0.6,
        smile_eyes=True,
        mouth="open_smile",
        mouth_width=1.12,
        blush=0.8,
    ),
    "hopeful": Face(
        brow_raise=0.75,
        brow_inner=0.35,
        brow_arch=0.45,
        lid=0.0,
        look=(0.0, -0.55),
        mouth="curve",
        mouth_curve=0.75,
        mouth_width=0.9,
        blush=0.45,
        sparkle=True,
    ),
    "sad": Face(
        brow_raise=0.1,
        brow_inner=1.15,
        brow_arch=0.0,
        lid=0.32,
        lid_tilt=-0.35,
        look=(0.0, 0.35),
        mouth="curve",
        mouth_curve=-0.85,
        mouth_width=0.95,
        tear=True,
    ),
    "hurt": Face(
        brow_raise=-0.1,
        brow_inner=0.75,
        brow_arch=0.1,
        lid=0.52,
        lid_tilt=-0.2,
        look=(-0.55, 0.9),
        mouth="wobble",
        mouth_curve=-0.45,
        mouth_width=0.8,
    ),
    "pleading": Face(
        brow_raise=0.7,
        brow_inner=1.35,
        brow_arch=0.1,
        lid=0.0,
        eye_scale=1.16,
        iris_scale=1.18,
        look=(0.0, -0.5),
        mouth="small_open",
        mouth_curve=-0.2,
        sparkle=True,
        blush=0.3,
    ),
    "annoyed": Face(
        brow_raise=-0.35,
        brow_inner=-0.25,
        brow_arch=0.0,
        brow_asym=0.55,
        lid=0.48,
        look=(0.85, 0.0),
        mouth="side",
        mouth_curve=0.0,
    ),
    "angry": Face(
        brow_raise=-0.45,
        brow_inner=-1.35,
        brow_arch=-0.1,
        lid=0.3,
        lid_tilt=0.6,
        iris_scale=0.9,
        mouth="tight",
        mouth_curve=-0.6,
    ),
    "anxious": Face(
        brow_raise=0.55,
        brow_inner=0.85,
        brow_arch=0.15,
        lid=0.0,
        iris_scale=0.72,
        look=(-0.7, 0.0),
        mouth="wavy",
        mouth_width=0.95,
        sweat=True,
    ),
    "surprised": Face(
        brow_raise=1.25,
        brow_arch=0.8,
        lid=0.0,
        eye_scale=1.12,
        eye_round=True,
        iris_scale=0.7,
        mouth="o",
    ),
}
assert set(FACES) == set(MOODS)
