"""The help data file and its loader: shape, limits, and the region chosen from the locale."""

from __future__ import annotations

import copy
import re

import pytest
import yaml

from game.core.help import (
    ELSEWHERE,
    HELP_PATH,
    MAX_BYTES,
    REGIONS,
    REQUIRED_KINDS,
    HelpDataError,
    default_region,
    load_help,
    parse_help,
    region_for_locale,
)
from game.errors import FirmKindError


@pytest.fixture(scope="module")
def raw() -> dict:
    return yaml.safe_load(HELP_PATH.read_text(encoding="utf-8"))


def test_the_shipped_list_loads_with_every_region_and_kind():
    data = load_help()
    assert list(data.regions) == list(REGIONS)
    assert data.danger == "If you are in danger now, call your local emergency number."
    assert "change" in data.changes and "website" in data.changes
    for code in REGIONS:
        kinds = {e.kind for e in data.regions[code].entries}
        needed = {"emergency", "crisis"} if code == ELSEWHERE else set(REQUIRED_KINDS)
        assert needed <= kinds, code


def test_every_region_ends_with_the_services_that_work_everywhere(raw):
    data = load_help()
    names = [e["name"] for e in raw["everywhere"]]
    assert "Take It Down (NCMEC)" in names and "StopNCII.org" in names
    for region in data.regions.values():
        assert [e.name for e in region.entries[-len(names) :]] == names


def test_every_entry_names_a_source_and_a_checked_date():
    for region in load_help().regions.values():
        for e in region.entries:
            assert re.match(r"^\d{4}-\d{2}-\d{2}$", e.checked), e.name
            if region.code != ELSEWHERE:  # "elsewhere" points at local services in words
                assert re.match(r"^[a-z0-9.-]+\.[a-z]{2,}(/\S*)?$", e.source), e.name
            # Hours are either written, or the entry says plainly that they were not confirmed.
            assert e.hours is not None or "not confirmed" in e.note or region.code == ELSEWHERE


@pytest.mark.parametrize(
    ("code", "number"),
    [("UK", "999"), ("IE", "112"), ("US", "911"), ("CA", "911"), ("AU", "000"), ("NZ", "111")],
)
def test_each_region_leads_with_its_emergency_number(code, number):
    first = load_help().region(code).entries[0]
    assert first.kind == "emergency" and number in first.reach


def test_an_unknown_region_code_falls_back_to_elsewhere():
    data = load_help()
    assert data.region("FR").code == ELSEWHERE
    assert data.region(None).code == ELSEWHERE
    assert data.region("NZ").code == "NZ"


def broken(raw: dict, change) -> dict:
    data = copy.deepcopy(raw)
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("danger"), "danger must be text"),
        (lambda d: d.update(format=2), "format 2"),
        (lambda d: d["regions"].pop("NZ"), "missing ['NZ']"),
        (lambda d: d["regions"].update(FR={"name": "France", "entries": []}), "unknown ['FR']"),
        (lambda d: d["regions"]["UK"]["entries"][0].update(kind="police"), "kind 'police'"),
        (lambda d: d["regions"]["UK"]["entries"][0].pop("source"), "missing keys ['source']"),
        (lambda d: d["regions"]["UK"]["entries"][0].update(phone="999"), "unknown keys ['phone']"),
        (lambda d: d["regions"]["IE"]["entries"][0].update(checked="yesterday"), "YYYY-MM-DD"),
        (lambda d: d["regions"]["US"]["entries"][0].update(name="x" * 81), "limit is 80"),
        (
            lambda d: d["regions"]["AU"].update(
                entries=[e for e in d["regions"]["AU"]["entries"] if e["kind"] != "domestic-abuse"]
            ),
            "region AU has no domestic-abuse entry",
        ),
        (lambda d: d.update(everywhere=[]), "everywhere must be a list"),
    ],
)
def test_a_damaged_list_is_refused_with_a_plain_reason(raw, change, message):
    with pytest.raises(HelpDataError, match=re.escape(message)):
        parse_help(broken(raw, change))


def test_read_problems_are_game_errors(tmp_path):
    with pytest.raises(HelpDataError, match="could not be read"):
        load_help(tmp_path / "missing.yaml")
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (MAX_BYTES + 1))
    with pytest.raises(HelpDataError, match="larger than 64 KiB"):
        load_help(big)
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: [1\n", encoding="utf-8")
    with pytest.raises(HelpDataError, match="not readable YAML"):
        load_help(bad)
    assert issubclass(HelpDataError, FirmKindError)


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("en_GB", "UK"),
        ("en_GB.UTF-8", "UK"),
        ("cy_GB", "UK"),
        ("en_IE.utf8", "IE"),
        ("ga_IE", "IE"),
        ("en_US", "US"),
        ("es_US.UTF-8", "US"),
        ("en_CA", "CA"),
        ("fr_CA.UTF-8", "CA"),
        ("en_AU", "AU"),
        ("en_NZ", "NZ"),
        ("mi_NZ", "NZ"),
        ("en-GB", "UK"),
        ("English_United Kingdom", "UK"),
        ("French_Canada", "CA"),
        ("de_DE", ELSEWHERE),
        ("fr_FR.UTF-8", ELSEWHERE),
        ("C", ELSEWHERE),
        ("C.UTF-8", ELSEWHERE),
        ("POSIX", ELSEWHERE),
        ("", ELSEWHERE),
        (None, ELSEWHERE),
    ],
)
def test_region_for_locale(name, region):
    assert region_for_locale(name) == region


def test_default_region_prefers_the_process_locale_then_the_environment():
    assert default_region({"LANG": "en_US.UTF-8"}, lambda: ("en_NZ", "UTF-8")) == "NZ"
    assert default_region({"LANG": "en_AU.UTF-8"}, lambda: (None, None)) == "AU"
    assert default_region({"LC_ALL": "C", "LANG": "en_IE.UTF-8"}, lambda: ("C", None)) == "IE"
    assert default_region({"LC_MESSAGES": "fr_CA"}, lambda: (None, None)) == "CA"
    assert default_region({}, lambda: (None, None)) == ELSEWHERE


def test_default_region_survives_a_broken_locale_setting():
    def broken():
        raise ValueError("unknown locale: xx")

    assert default_region({"LANG": "en_GB.UTF-8"}, broken) == "UK"
