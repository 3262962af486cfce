"""An image's width and height from its first bytes, without decoding it.

A 380 KB PNG can claim 20,000 x 20,000 pixels and cost gigabytes to decode, so
portraits are measured from their headers (PNG IHDR, JPEG SOF, WebP, BMP, GIF)
and refused before any decoder sees them. Pure functions, no pygame.
"""

from __future__ import annotations

import struct
from pathlib import Path

from game.core.reading import NotAFile, NotRegularFile, read_limited

MAX_SIDE = 4096
MAX_PIXELS = MAX_SIDE * MAX_SIDE
MAX_IMAGE_BYTES = 8 * 1024 * 1024
HEAD_BYTES = 256 * 1024  # enough to pass a JPEG's EXIF and reach its frame header
FORMATS = "PNG, JPEG, WebP, BMP or GIF"

_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def image_size(head: bytes) -> tuple[int, int] | None:
    """``(width, height)`` read from the start of an image file, or None if not recognised."""
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR" and len(head) >= 24:
        return struct.unpack(">II", head[16:24])
    if head.startswith((b"GIF87a", b"GIF89a")) and len(head) >= 10:
        return struct.unpack("<HH", head[6:10])
    if head.startswith(b"BM") and len(head) >= 26:
        width, height = struct.unpack("<ii", head[18:26])
        return abs(width), abs(height)
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return _webp_size(head)
    if head.startswith(b"\xff\xd8"):
        return _jpeg_size(head)
    return None


def _webp_size(head: bytes) -> tuple[int, int] | None:
    kind, body = head[12:16], head[20:]
    if kind == b"VP8 " and len(body) >= 10:
        width, height = struct.unpack("<HH", body[6:10])
        return width & 0x3FFF, height & 0x3FFF
    if kind == b"VP8L" and len(body) >= 5:
        bits = int.from_bytes(body[1:5], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if kind == b"VP8X" and len(body) >= 10:
        return int.from_bytes(body[4:7], "little") + 1, int.from_bytes(body[7:10], "little") + 1
    return None


def _jpeg_size(head: bytes) -> tuple[int, int] | None:
    """Walk the JPEG's segments (each step moves forward) to the first frame header."""
    i = 2
    while i + 4 <= len(head):
        if head[i] != 0xFF:
            return None
        marker = head[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            i += 2
            continue
        length = int.from_bytes(head[i + 2 : i + 4], "big")
        if length < 2:
            return None
        if marker in _JPEG_SOF:
            if i + 9 > len(head):
                return None
            height, width = struct.unpack(">HH", head[i + 5 : i + 9])
            return width, height
        i += 2 + length
    return None


def too_large(size: tuple[int, int]) -> bool:
    width, height = size
    return width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS


def inspect_image(path: Path | str) -> tuple[tuple[int, int] | None, str | None]:
    """``(size or None, reason to refuse it or None)`` for an image file, read from its header.

    A refusal means the image must not be decoded: too many pixels, too large a file,
    not a regular file, or unreadable. An unrecognised header is no refusal (the size
    is None): a decoder may still know the format, and fails safely if not.
    """
    try:
        head = read_limited(path, HEAD_BYTES)
        total = Path(path).stat().st_size
    except (NotAFile, NotRegularFile):
        return None, "is not a regular file"
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror or exc})"
    if total > MAX_IMAGE_BYTES:
        return None, f"is {total // (1024 * 1024)} MiB; a portrait may be at most 8 MiB"
    size = image_size(head)
    if size is not None and too_large(size):
        return size, (
            f"is {size[0]} x {size[1]} pixels; a portrait may be at most {MAX_SIDE} x {MAX_SIDE}"
        )
    return size, None
