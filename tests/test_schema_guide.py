"""docs/authoring.md is kept in step with the schema, the vocabulary and the checker's messages."""

from __future__ import annotations

import re

import pytest
import yaml

from game.core.loader import load_scenario_file
from game.core.schema import load_schema
from game.core.vocab import MOODS, SKILLS, STYLES, TONES
from game.paths import PROJECT_ROOT

from .test_schema import BASE, BROKEN, SCHEMA_STRICTER

GUIDE = PROJECT_ROOT / "docs" / "authoring.md"


@pytest.fixture(scope="module")
def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """The text under a heading, up to the next heading of the same or a higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    start = text.index(heading + "\n")
    rest = text[start + len(heading) + 1 :]
    m = re.search(rf"^#{{1,{level}}} ", rest, re.M)
    return rest[: m.start()] if m else rest


def table_rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if line.startswith("|") and not re.match(r"^\|\s*-", line):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
            rows.append(cells)
    return rows[1:]  # without the header


def first_column_keys(text: str) -> list[str]:
    return [re.sub(r"^`|`$", "", row[0]) for row in table_rows(text)]


REFERENCE = {
    "### Top-level keys": lambda s: s,
    "### Character": lambda s: s["definitions"]["character"],
    "### Beat": lambda s: s["definitions"]["beat"],
    "### Choice": lambda s: s["definitions"]["choice"],
    "### Ending": lambda s: s["definitions"]["ending"],
}


@pytest.mark.parametrize("heading", list(REFERENCE))
def test_reference_tables_match_the_schema(heading, guide):
    part = REFERENCE[heading](load_schema())
    rows = table_rows(section(guide, heading))
    keys = [re.sub(r"^`|`$", "", r[0]) for r in rows]
    assert sorted(keys) == sorted(part["properties"]), heading
    required = {re.sub(r"^`|`$", "", r[0]) for r in rows if r[1] == "yes"}
    assert required == set(part["required"]), heading
    assert all(r[1] in ("yes", "no") for r in rows)


def test_reference_limits_match_the_schema(guide):
    """Every "at most N" / "A to B characters" in the tables is the schema's limit."""
    schema = load_schema()
    for heading, pick in REFERENCE.items():
        props = pick(schema)["properties"]
        for row in table_rows(section(guide, heading)):
            key = row[0].strip("`")
            prop = props[key]
            if "maxLength" in prop and key not in ("id", "portrait"):
                m = re.search(r"(?:at most|to) (\d+) characters", row[2])
                assert m, (heading, key)
                assert int(m.group(1)) == prop["maxLength"], (heading, key)
                if prop.get("minLength"):
                    assert f"{prop['minLength']} to {prop['maxLength']}" in row[2], (heading, key)


def test_styles_table(guide):
    rows = table_rows(section(guide, "### Styles and points"))
    assert [r[0].strip("`") for r in rows] == list(STYLES)
    for row in rows:
        s = STYLES[row[0].strip("`")]
        assert row[1] == f"{s.low} to {s.high}" and row[2] == str(s.default)


def test_skills_table(guide):
    rows = table_rows(section(guide, "### Skills"))
    assert [r[0].strip("`") for r in rows] == list(SKILLS)
    for row in rows:
        skill = SKILLS[row[0].strip("`")]
        assert row[1] == skill.name and row[2] == skill.meaning


def test_moods_and_tones_are_listed(guide):
    beat = section(guide, "### Beat")
    for mood in MOODS:
        assert f"`{mood}`" in beat
    ending = section(guide, "### Ending")
    assert all(f"`{t}`" in ending for t in TONES)


def _examples(text: str):
    for m in re.finditer(r"(?:<!-- fragment: (\w+) -->\s*\n)?```yaml\n(.*?)```", text, re.S):
        yield m.group(1), m.group(2)


def test_full_examples_load_in_the_game(guide, tmp_path):
    full = [body for fragment, body in _examples(guide) if fragment is None]
    assert full
    for i, body in enumerate(full):
        path = tmp_path / f"example-{i}.yaml"
        path.write_text(body, encoding="utf-8")
        scenario, problems = load_scenario_file(path)
        assert scenario is not None, [str(p) for p in problems]
        assert not problems, [str(p) for p in problems]


def test_commands_in_the_guide_exist(guide):
    from game.cli import build_parser

    _parser, handlers = build_parser()
    used = set(re.findall(r"python main\.py ([a-z]+)", guide))
    assert used <= set(handlers), used - set(handlers)
    assert {"new", "validate", "play", "outline", "install", "schema"} <= used


# -- the checker's messages --------------------------------------------------------
PLACEHOLDER = re.compile(r"\.\.\.|\ba STYLE\b|\b(?:X|Y|N|M|A|B|PATH)\b|0x\.\.")


def message_patterns(guide: str) -> list[re.Pattern]:
    part = section(guide, "## The checker's messages and what to do")
    patterns = []
    for row in table_rows(part):
        for snippet in re.findall(r"`([^`]+)`", row[0]):
            literal = PLACEHOLDER.split(snippet)
            patterns.append(re.compile(".+?".join(re.escape(part) for part in literal)))
    return patterns


SYNTAX_FIXTURES = {
    "tab": "id: a\ntitle: b\n\tcategory: c\n",
    "colon in text": "id: a\ntitle: Note: this\n",
    "bad indentation": "id: a\ntitle: b\n  category: c\n",
    "anchor": "id: &x a\n",
    "alias": "id: a\ntitle: *x\n",
    "merge": "id: a\n<<: {title: b}\n",
    "tag": "id: !foo a\n",
    "duplicate": "id: a\nid: b\n",
    "two documents": "id: a\n---\nid: b\n",
    "empty": "",
    "list at top": "- a\n- b\n",
    "backtick": "id: a\ntitle: `b`\n",
}


def _problems_for_fixtures(tmp_path) -> list[str]:
    messages = []
    for i, text in enumerate(SYNTAX_FIXTURES.values()):
        path = tmp_path / f"syntax-{i}.yaml"
        path.write_text(text, encoding="utf-8")
        messages += [p.message for p in load_scenario_file(path)[1]]
    for i, name in enumerate(sorted(set(BROKEN) - SCHEMA_STRICTER)):
        data = yaml.safe_load(BASE)
        if name == "top level a list":
            data = [data]
        else:
            BROKEN[name](data)
        path = tmp_path / f"broken-{i}.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        messages += [p.message for p in load_scenario_file(path)[1]]
    return messages


def test_every_message_from_the_fixtures_is_explained(guide, tmp_path):
    patterns = message_patterns(guide)
    messages = _problems_for_fixtures(tmp_path)
    assert len(messages) > 40
    missing = sorted({m for m in messages if not any(p.match(m) for p in patterns)})
    assert missing == []


def test_message_patterns_are_specific(guide):
    assert not [p.pattern for p in message_patterns(guide) if p.match("zzz something else")]
