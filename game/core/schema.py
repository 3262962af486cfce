"""The JSON Schema (draft-07) of the scenario format, for editors.

The schema ships as ``game/data/scenario.schema.json``. Editors that use
yaml-language-server (VS Code's YAML extension, Neovim, Helix, Zed, ...) read
it through the modeline at the top of a scenario file::

    # yaml-language-server: $schema=../../game/data/scenario.schema.json

and then complete keys, show what each one means on hover, and underline
mistakes as they are typed. The game's own validator stays the judge: the
schema checks what a schema can (keys, types, lengths, enums, points per
style, skills only on assertive replies, at least one assertive reply per
beat); the validator also checks references, reachability and cycles.

:func:`build_schema` builds the schema from the vocabulary in
:mod:`game.core.vocab`, so the two cannot drift apart; a test checks that
the shipped file is exactly what it builds. After changing the vocabulary,
run ``python -c "from game.core.schema import write_schema; write_schema()"``.

Text fields accept what an unquoted word or number could be read as
(``"type": ["string", "number", "boolean"]``): the game keeps every
unquoted scalar as the text written (``text: No`` is the word "No"), but an
editor reads the file with ordinary YAML types and would otherwise underline
``text: No`` or ``line: 42`` as "not a string". Length limits apply to real
strings only, which covers every text anyone writes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

# The required keys come from the validator, so the two can never disagree.
from game.core.validate import (
    BEAT_KEYS,
    CHARACTER_KEYS,
    CHOICE_KEYS,
    ENDING_KEYS,
    HINT_MAX,
    TOP_REQUIRED,
)
from game.core.vocab import (
    CHARACTER_ID_PATTERN,
    DIFFICULTIES,
    FORMAT_VERSION,
    ID_PATTERN,
    KNOWN_CATEGORIES,
    MOODS,
    NARRATOR,
    RESERVED_CHARACTER_IDS,
    SKILLS,
    STYLES,
    TONES,
)

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data" / "scenario.schema.json"
MODELINE_PREFIX = "# yaml-language-server: $schema="
SCHEMA_COPY = "scenario.schema.json"  # the copy `new` puts beside a scenario outside the game

# What an unquoted YAML scalar may be typed as by an editor, which the game reads as text.
TEXT_TYPES = ["string", "number", "boolean"]
# The scenario id: the game reads `id: 2024` or `id: no` as the id "2024" / "no".
ID_TYPES = ["string", "integer", "boolean"]
NOT_BLANK = r"\S"
# Beat and ending ids: any key that is not blank, at most 64 characters.
NODE_ID_NAMES = {"minLength": 1, "maxLength": 64, "pattern": NOT_BLANK}


def _text(description: str, *, min_length: int = 0, max_length: int | None = None) -> dict:
    """A text field. Required ones (``min_length=1``) need a non-blank string; optional ones may
    be left empty (``goal:`` with nothing after it), which an editor reads as null."""
    types = list(TEXT_TYPES) if min_length else [*TEXT_TYPES, "null"]
    node: dict[str, Any] = {"description": description, "type": types}
    if min_length:
        node["minLength"] = min_length
        node["pattern"] = NOT_BLANK
    if max_length is not None:
        node["maxLength"] = max_length
    return node


def _id_ref(description: str, pattern: str = NOT_BLANK) -> dict:
    """A reference to a beat, an ending or a character: any non-blank word or number."""
    return {
        "description": description,
        "type": list(TEXT_TYPES),
        "minLength": 1,
        "pattern": pattern,
    }


def _mood(description: str) -> dict:
    return {"description": description, "enum": list(MOODS)}


def _points_rules() -> list[dict]:
    """One if/then per style: points within that style's range."""
    rules = []
    for style in STYLES.values():
        rules.append(
            {
                "if": {"properties": {"style": {"const": style.id}}, "required": ["style"]},
                "then": {
                    "properties": {
                        "points": {
                            "minimum": style.low,
                            "maximum": style.high,
                            "description": (
                                f"{style.word} replies score {style.low} to {style.high} "
                                f"(default {style.default})."
                            ),
                        }
                    }
                },
            }
        )
    return rules


def build_schema() -> dict:
    """The draft-07 schema of scenario format version 1, from the game's vocabulary."""
    styles_help = "; ".join(
        f"{s.id}: {s.low}-{s.high} points (default {s.default})" for s in STYLES.values()
    )
    skills_help = "; ".join(f"{s.id}: {s.meaning}" for s in SKILLS.values())

    character = {
        "type": "object",
        "description": "Someone in the scenario.",
        "additionalProperties": False,
        "required": list(CHARACTER_KEYS[0]),
        "properties": {
            "name": _text("The character's name, 1 to 40 characters.", min_length=1, max_length=40),
            "role": _text(
                'Who they are to you, at most 40 characters ("Coworker", "Mum").', max_length=40
            ),
            "pronouns": _text("Their pronouns, at most 20 characters.", max_length=20),
            "portrait": {
                "description": (
                    "An image file, relative to the scenario file, inside the scenario's folder "
                    "or the game's assets/ folder. Without it the game draws a portrait."
                ),
                "type": "string",
                "minLength": 1,
                "maxLength": 260,
                "not": {"pattern": r"^(/|\\|~|[A-Za-z]:[\\/]|[A-Za-z][A-Za-z0-9+.-]*://|data:)"},
            },
        },
    }

    choice = {
        "type": "object",
        "description": "One thing you could say.",
        "additionalProperties": False,
        "required": list(CHOICE_KEYS[0]),
        "properties": {
            "text": _text("What you say, 1 to 300 characters.", min_length=1, max_length=300),
            "style": {
                "description": f"How the reply comes across. {styles_help}.",
                "enum": list(STYLES),
            },
            "points": {
                "description": (
                    f"Points within the style's range; the style's default if absent. {styles_help}."
                ),
                "type": "integer",
                "minimum": 0,
                "maximum": 10,
            },
            "skills": {
                "description": (
                    f"Skills this reply shows, no repeats; only on assertive replies. {skills_help}."
                ),
                "type": "array",
                "uniqueItems": True,
                "items": {"enum": list(SKILLS)},
            },
            "feedback": _text(
                "Why this reply scores as it does, and its likely effect, 1 to 600 characters.",
                min_length=1,
                max_length=600,
            ),
            "reply": _text(
                "The other person's immediate reaction, at most 500 characters.", max_length=500
            ),
            "reply_mood": _mood("The speaker's expression while they react."),
            "next": _id_ref("The beat or ending this reply leads to."),
        },
        "allOf": [
            *_points_rules(),
            {
                "if": {
                    "properties": {"style": {"not": {"const": "assertive"}}},
                    "required": ["style"],
                },
                "then": {
                    "properties": {
                        "skills": {
                            "maxItems": 0,
                            "description": "Skills are listed only on assertive replies.",
                        }
                    }
                },
            },
        ],
    }

    beat = {
        "type": "object",
        "description": "A moment where someone speaks and you choose a reply.",
        "additionalProperties": False,
        "required": list(BEAT_KEYS[0]),
        "properties": {
            "speaker": _id_ref(
                f"A character id from 'characters', or '{NARRATOR}'.", CHARACTER_ID_PATTERN
            ),
            "line": _text(
                "What the speaker says, 1 to 500 characters.", min_length=1, max_length=500
            ),
            "mood": _mood("The speaker's expression (neutral if absent)."),
            "narration": _text(
                "Scene-setting shown before the line, at most 500 characters.", max_length=500
            ),
            "thought": _text(
                "What the speaker feels, revealed after you choose, at most 300 characters.",
                max_length=300,
            ),
            "hint": _text(
                "An optional nudge the player may ask for before choosing, at most 200 "
                "characters; never a giveaway of the answer. Without it the game builds a "
                "general hint from the skills of the best reply.",
                max_length=HINT_MAX,
            ),
            "choices": {
                "description": "2 to 4 replies; at least one must be assertive.",
                "type": "array",
                "minItems": 2,
                "maxItems": 4,
                "items": {"$ref": "#/definitions/choice"},
                "contains": {
                    "type": "object",
                    "properties": {"style": {"const": "assertive"}},
                    "required": ["style"],
                },
            },
        },
    }

    ending = {
        "type": "object",
        "description": "How the scenario ends.",
        "additionalProperties": False,
        "required": list(ENDING_KEYS[0]),
        "properties": {
            "title": _text("The ending's title, 1 to 60 characters.", min_length=1, max_length=60),
            "text": _text(
                "What happened afterwards, 1 to 600 characters.", min_length=1, max_length=600
            ),
            "tone": {"description": "How it went: good, mixed or poor.", "enum": list(TONES)},
        },
    }

    difficulty_help = ", ".join(f"{n} {word.lower()}" for n, word in DIFFICULTIES.items())
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Firm & Kind scenario",
        "description": (
            f"A scenario for Firm & Kind, format version {FORMAT_VERSION}. "
            "See docs/authoring.md for the full guide."
        ),
        "type": "object",
        "additionalProperties": False,
        "required": list(TOP_REQUIRED),
        "properties": {
            "id": {
                "description": (
                    "The scenario's id: lowercase letters, digits and single hyphens, at most 64 "
                    "characters, unique across every loaded scenario."
                ),
                "type": list(ID_TYPES),
                "pattern": ID_PATTERN,
                "maxLength": 64,
                "minimum": 0,
            },
            "title": _text("The title, 1 to 80 characters.", min_length=1, max_length=80),
            "category": {
                **_text(
                    "The menu groups scenarios by it, 1 to 32 characters. Known: "
                    + ", ".join(KNOWN_CATEGORIES)
                    + " (others allowed).",
                    min_length=1,
                    max_length=32,
                ),
                "examples": list(KNOWN_CATEGORIES),
            },
            "difficulty": {
                "description": f"How hard the scenario is: {difficulty_help}.",
                "type": "integer",
                "enum": sorted(DIFFICULTIES),
            },
            "summary": _text(
                "The situation, shown before play, at most 600 characters.", max_length=600
            ),
            "goal": _text(
                "What to practise, shown before play, at most 200 characters.", max_length=200
            ),
            "takeaway": _text(
                "The lesson, shown in the debrief, at most 300 characters.", max_length=300
            ),
            "content_warning": _text(
                "Shown before play, with a way to skip the scenario without any penalty; at most "
                "200 characters.",
                max_length=200,
            ),
            "tags": {
                "description": "Words to find the scenario by.",
                "type": "array",
                "items": _text("A tag, 1 to 40 characters.", min_length=1, max_length=40),
            },
            "format": {
                "description": f"The format version; {FORMAT_VERSION} if absent.",
                "type": "integer",
                "enum": [FORMAT_VERSION],
            },
            "characters": {
                "description": (
                    "The people in the scenario, by id (a lowercase letter, then lowercase "
                    f"letters, digits, '_' or '-'). {' and '.join(RESERVED_CHARACTER_IDS)} are reserved."
                ),
                "type": "object",
                "minProperties": 1,
                "propertyNames": {
                    "pattern": CHARACTER_ID_PATTERN,
                    "not": {"enum": list(RESERVED_CHARACTER_IDS)},
                },
                "additionalProperties": {"$ref": "#/definitions/character"},
            },
            "start": _id_ref("The id of the first beat."),
            "beats": {
                "description": (
                    "The beats by id (any name up to 64 characters, like 'ask' or 'push-back'), "
                    "at least one. Beat ids and ending ids share one namespace."
                ),
                "type": "object",
                "minProperties": 1,
                "propertyNames": dict(NODE_ID_NAMES),
                "additionalProperties": {"$ref": "#/definitions/beat"},
            },
            "endings": {
                "description": "The endings by id, at least one.",
                "type": "object",
                "minProperties": 1,
                "propertyNames": dict(NODE_ID_NAMES),
                "additionalProperties": {"$ref": "#/definitions/ending"},
            },
        },
        "definitions": {
            "character": character,
            "beat": beat,
            "choice": choice,
            "ending": ending,
        },
    }


def schema_text(schema: dict | None = None) -> str:
    """The schema as the shipped file holds it: indented JSON ending in a newline."""
    return (
        json.dumps(build_schema() if schema is None else schema, indent=2, ensure_ascii=False)
        + "\n"
    )


def load_schema() -> dict:
    """The shipped schema file, parsed."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def shipped_schema_text() -> str:
    return SCHEMA_PATH.read_text(encoding="utf-8")


def write_schema(path: Path = SCHEMA_PATH) -> Path:
    """Rebuild the schema from the vocabulary and write it (by default over the shipped file)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(schema_text(), encoding="utf-8")
    return path


def schema_modeline(for_file: Path) -> str:
    """The yaml-language-server modeline for a scenario file at ``for_file``.

    Inside the game's own folder (a checkout, where scenarios/ lives) the
    schema is named by a path relative to the file's folder, so the line
    keeps working wherever the checkout is. Anywhere else (the player's own
    scenario folder, a pack being written in the home folder, another drive)
    it names :data:`SCHEMA_COPY` in the file's own folder, which ``new``
    writes there: never a machine-local ``file://`` path, since scenario
    files are meant to be shared.
    """
    folder = _resolve_existing(Path(for_file).expanduser().absolute().parent)
    target = SCHEMA_PATH
    root = target.parent.parent.parent  # the folder holding the game package
    if folder == root or root in folder.parents:
        return MODELINE_PREFIX + Path(os.path.relpath(target, folder)).as_posix()
    return MODELINE_PREFIX + SCHEMA_COPY


def needs_schema_copy(for_file: Path) -> bool:
    """True when the modeline for ``for_file`` names a schema copy beside it."""
    return schema_modeline(for_file) == MODELINE_PREFIX + SCHEMA_COPY


def _resolve_existing(folder: Path) -> Path:
    """``folder`` with symlinks resolved as far as it exists (it may not be created yet)."""
    missing: list[str] = []
    current = folder
    while not current.exists() and current.parent != current:
        missing.append(current.name)
        current = current.parent
    resolved = current.resolve()
    for name in reversed(missing):
        resolved = resolved / name
    return resolved
