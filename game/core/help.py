"""Getting help: emergency numbers, crisis lines, domestic-abuse lines and image take-down
services by region, read from ``game/data/help.yaml``.

This module only reads and checks the data and picks a default region; the screen
that shows it lives in the window. The read is size-limited and every field is
checked, so a damaged file gives one clear :class:`HelpDataError` instead of a
half-shown list. The default region comes from the system locale
(:func:`default_region`); the player can change it in the settings.
"""

from __future__ import annotations

import locale
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from game.errors import HelpDataError

HELP_PATH = Path(__file__).resolve().parent.parent / "data" / "help.yaml"
MAX_BYTES = 64 * 1024
REGIONS = ("UK", "IE", "US", "CA", "AU", "NZ", "elsewhere")
ELSEWHERE = "elsewhere"
KINDS = ("emergency", "crisis", "domestic-abuse", "image-takedown", "young-people")
# Every region except "elsewhere" offers at least one entry of each of these.
REQUIRED_KINDS = ("emergency", "crisis", "domestic-abuse", "image-takedown")
ENTRY_REQUIRED = ("kind", "name", "reach", "for", "source", "checked")
ENTRY_OPTIONAL = ("hours", "note")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TEXT_MAX = 300


@dataclass(frozen=True)
class HelpEntry:
    kind: str  # one of KINDS
    name: str
    reach: str  # how to reach it, written out as text: numbers, text codes, web addresses
    who: str  # who it is for (the file's `for`)
    source: str  # the organisation's own website, as text
    checked: str  # YYYY-MM-DD: when the details were last checked against the source
    hours: str | None = None  # None when not confirmed
    note: str = ""


@dataclass(frozen=True)
class HelpRegion:
    code: str  # "UK", "IE", "US", "CA", "AU", "NZ" or "elsewhere"
    name: str
    entries: tuple[HelpEntry, ...]  # the region's own entries, then the ones for everywhere

    def of_kind(self, kind: str) -> tuple[HelpEntry, ...]:
        return tuple(e for e in self.entries if e.kind == kind)


@dataclass(frozen=True)
class HelpData:
    danger: str  # the first line: "If you are in danger now, call your local emergency number."
    changes: str  # numbers change, and where to check
    regions: dict[str, HelpRegion]

    def region(self, code: str | None) -> HelpRegion:
        """The region with that code, or "elsewhere" for any code the file does not have."""
        return self.regions.get(code or ELSEWHERE, self.regions[ELSEWHERE])


def load_help(path: Path = HELP_PATH) -> HelpData:
    """Read and check the help data; raise :class:`HelpDataError` with a plain reason."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise HelpDataError(f"the help list could not be read ({exc.strerror})") from None
    if len(raw) > MAX_BYTES:
        raise HelpDataError(f"the help list is larger than {MAX_BYTES // 1024} KiB")
    try:
        data = yaml.safe_load(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise HelpDataError(f"the help list is not readable YAML: {exc}") from None
    return parse_help(data)


def parse_help(data: object) -> HelpData:
    """Check already-parsed help data and build it; raise :class:`HelpDataError` if wrong."""
    top = _mapping(data, "the help list")
    if top.get("format") != 1:
        raise HelpDataError(f"the help list has format {top.get('format')!r}; expected 1")
    danger = _text(top.get("danger"), "danger")
    changes = _text(top.get("changes"), "changes")
    everywhere = tuple(
        _entry(e, f"everywhere[{i}]")
        for i, e in enumerate(_list(top.get("everywhere"), "everywhere"))
    )
    regions_raw = _mapping(top.get("regions"), "regions")
    missing = [r for r in REGIONS if r not in regions_raw]
    unknown = [r for r in regions_raw if r not in REGIONS]
    if missing or unknown:
        raise HelpDataError(
            f"regions must be exactly {', '.join(REGIONS)} (missing {missing}, unknown {unknown})"
        )
    regions = {}
    for code in REGIONS:
        raw = _mapping(regions_raw[code], f"region {code}")
        if set(raw) != {"name", "entries"}:
            raise HelpDataError(f"region {code} takes exactly: name, entries")
        entries = tuple(
            _entry(e, f"{code}[{i}]")
            for i, e in enumerate(_list(raw.get("entries"), f"{code} entries"))
        )
        kinds = {e.kind for e in entries}
        needed = ("emergency", "crisis") if code == ELSEWHERE else REQUIRED_KINDS
        lacking = [k for k in needed if k not in kinds]
        if lacking:
            raise HelpDataError(f"region {code} has no {', '.join(lacking)} entry")
        regions[code] = HelpRegion(
            code, _text(raw.get("name"), f"{code} name"), entries + everywhere
        )
    return HelpData(danger=danger, changes=changes, regions=regions)


def _mapping(value: object, what: str) -> dict:
    if not isinstance(value, dict):
        raise HelpDataError(f"{what} must be a mapping of keys")
    return value


def _list(value: object, what: str) -> list:
    if not isinstance(value, list) or not value:
        raise HelpDataError(f"{what} must be a list with at least one entry")
    return value


def _text(value: object, what: str, *, high: int = _TEXT_MAX) -> str:
    if not isinstance(value, str) or not value.strip():
        raise HelpDataError(f"{what} must be text")
    if len(value) > high:
        raise HelpDataError(f"{what} is {len(value)} characters long; the limit is {high}")
    return value.strip()


def _entry(value: object, where: str) -> HelpEntry:
    raw = _mapping(value, where)
    unknown = [k for k in raw if k not in ENTRY_REQUIRED + ENTRY_OPTIONAL]
    missing = [k for k in ENTRY_REQUIRED if k not in raw]
    if unknown or missing:
        raise HelpDataError(f"{where}: unknown keys {unknown}, missing keys {missing}")
    kind = raw["kind"]
    if kind not in KINDS:
        raise HelpDataError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    checked = raw["checked"]
    if not isinstance(checked, str) or not _DATE.match(checked):
        raise HelpDataError(f'{where}: checked must be a date written as "YYYY-MM-DD"')
    hours = raw.get("hours")
    return HelpEntry(
        kind=kind,
        name=_text(raw["name"], f"{where} name", high=80),
        reach=_text(raw["reach"], f"{where} reach"),
        who=_text(raw["for"], f"{where} for"),
        source=_text(raw["source"], f"{where} source", high=80),
        checked=checked,
        hours=None if hours is None else _text(hours, f"{where} hours", high=120),
        note="" if raw.get("note") is None else _text(raw["note"], f"{where} note"),
    )


# -- the default region ----------------------------------------------------------
_COUNTRY_REGION = {
    "GB": "UK",
    "UK": "UK",
    "IE": "IE",
    "US": "US",
    "CA": "CA",
    "AU": "AU",
    "NZ": "NZ",
}
# Windows names its locales in words ("English_United Kingdom").
_WINDOWS_COUNTRY = {
    "united kingdom": "UK",
    "ireland": "IE",
    "united states": "US",
    "canada": "CA",
    "australia": "AU",
    "new zealand": "NZ",
}


def region_for_locale(name: str | None) -> str:
    """The help region for a locale name: ``en_GB`` (or ``cy_GB``, ``en_GB.UTF-8``) is "UK",
    ``en_IE`` "IE", ``en_US`` "US", ``en_CA`` or ``fr_CA`` "CA", ``en_AU`` "AU", ``en_NZ``
    "NZ"; anything else, or nothing, is "elsewhere". The country part decides, so Welsh in
    the UK or Spanish in the US finds that country's lines."""
    if not name:
        return ELSEWHERE
    base = re.split(r"[.@]", name.strip(), maxsplit=1)[0]
    match = re.match(r"^[A-Za-z]{2,3}[_-]([A-Za-z]{2})$", base)
    if match:
        return _COUNTRY_REGION.get(match.group(1).upper(), ELSEWHERE)
    if "_" in base:  # Windows: "English_United Kingdom"
        return _WINDOWS_COUNTRY.get(base.split("_", 1)[1].strip().lower(), ELSEWHERE)
    return ELSEWHERE


def default_region(
    environ: Mapping[str, str] | None = None,
    getlocale: Callable[[], tuple[str | None, str | None]] = locale.getlocale,
) -> str:
    """The region to show first: from the process's locale if it names a country, else
    from LC_ALL, LC_MESSAGES or LANG (in that order), else "elsewhere". Reads only."""
    environ = os.environ if environ is None else environ
    try:
        name = getlocale()[0]
    except (ValueError, TypeError):  # an unparsable locale setting
        name = None
    candidates = [name] + [environ.get(k) for k in ("LC_ALL", "LC_MESSAGES", "LANG")]
    for candidate in candidates:
        region = region_for_locale(candidate)
        if region != ELSEWHERE:
            return region
    return ELSEWHERE
