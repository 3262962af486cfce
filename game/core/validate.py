"""Every rule of the scenario format, checked on a positioned YAML tree.

:func:`build_scenario` turns the tree from :mod:`game.core.yamltree` into a
:class:`~game.core.model.Scenario`, or reports why it cannot. Field rules come
first (types, lengths, ranges, ids, vocabulary); the rules across the whole
file (references, reachability, cycles, in :mod:`game.core.crossfile`) run only
once every reference can be followed, so one typo does not bury the author in
follow-on messages.

Each problem points at the most useful place: the offending key or value, or
the beat's key for a rule about a whole beat.
"""

from __future__ import annotations

import re
from pathlib import Path

from game.core import fields as f
from game.core.fields import Reporter
from game.core.graph_rules import check_graph, check_references
from game.core.imageinfo import FORMATS, inspect_image
from game.core.model import Beat, Character, Choice, Ending, Scenario
from game.core.vocab import (
    CHARACTER_ID_PATTERN,
    DEFAULT_MOOD,
    FORMAT_VERSION,
    ID_PATTERN,
    KNOWN_CATEGORIES,
    MOODS,
    RESERVED_CHARACTER_IDS,
    SKILLS,
    STYLES,
    TONES,
)
from game.core.yamltree import MAPPING, Node

_ID = re.compile(ID_PATTERN)
_CHAR_ID = re.compile(CHARACTER_ID_PATTERN)
_NODE_ID_MAX = 64

TOP_REQUIRED = (
    "id",
    "title",
    "category",
    "difficulty",
    "summary",
    "characters",
    "start",
    "beats",
    "endings",
)
TOP_OPTIONAL = ("goal", "takeaway", "content_warning", "tags", "format")
CHARACTER_KEYS = (("name",), ("role", "pronouns", "portrait"))
BEAT_KEYS = (("speaker", "line", "choices"), ("mood", "narration", "thought", "hint"))
CHOICE_KEYS = (("text", "style", "feedback", "next"), ("points", "skills", "reply", "reply_mood"))
ENDING_KEYS = (("title", "text", "tone"), ())
HINT_MAX = 200  # format 1.1: an optional nudge before choosing

# Longer than this still loads, with a warning: it no longer reads comfortably on screen.
COMFORTABLE = {
    "summary": 450,
    "narration": 300,
    "line": 300,
    "thought": 220,
    "text": 180,  # a reply the player picks
    "feedback": 420,
    "reply": 300,
    "ending text": 450,
}


def build_scenario(
    root: Node,
    rep: Reporter,
    *,
    file_path: Path | None = None,
    assets_dir: Path | None = None,
    content_hash: str = "",
) -> Scenario | None:
    """Check every rule; return the scenario if there were no errors."""
    items = root.items
    f.check_keys(rep, root, "scenario", TOP_REQUIRED, TOP_OPTIONAL)

    sid = None
    if "id" in items:
        sid = f.identifier(
            rep,
            items["id"],
            "id",
            _ID,
            "use lowercase letters, digits and single hyphens, like 'extra-shift'",
        )
        if sid is not None and len(sid) > 64:
            rep.error(items["id"], f"id is {len(sid)} characters long; the limit is 64")
    title = f.text(rep, items.get("title"), "title", low=1, high=80)
    category = f.text(rep, items.get("category"), "category", low=1, high=32)
    if category is not None and category not in KNOWN_CATEGORIES:
        hint = f.suggestion(category, KNOWN_CATEGORIES, rep)
        if hint:
            rep.warn(items["category"], f"category '{category}' is not one of the usual ones{hint}")
    difficulty = f.integer(rep, items.get("difficulty"), "difficulty", "1, 2 or 3")
    if difficulty is not None and difficulty not in (1, 2, 3):
        rep.error(items["difficulty"], f"difficulty must be 1, 2 or 3, not {difficulty}")
        difficulty = None
    summary = f.text(rep, items.get("summary"), "summary", low=1, high=600)
    f.long_text_warning(rep, items.get("summary"), "summary", COMFORTABLE["summary"])
    goal = f.text(rep, items.get("goal"), "goal", high=200)
    takeaway = f.text(rep, items.get("takeaway"), "takeaway", high=300)
    warning = f.text(rep, items.get("content_warning"), "content_warning", high=200)
    tags = [str(n.value) for n in f.text_list(rep, items.get("tags"), "tags")]
    fmt = FORMAT_VERSION
    if "format" in items:
        fmt = f.integer(rep, items["format"], "format", "a whole number (1)")
        if fmt is not None and fmt > FORMAT_VERSION:
            rep.error(
                items["format"],
                f"format {fmt} is newer than this game understands (it reads format {FORMAT_VERSION})",
            )
        elif fmt is not None and fmt < 1:
            rep.error(items["format"], f"format must be 1, not {fmt}")

    scenario_dir = file_path.parent if file_path else None
    characters = _characters(rep, items.get("characters"), scenario_dir, assets_dir)
    endings, ending_keys = _endings(rep, items.get("endings"))
    beats, beat_keys, nexts, speakers = _beats(rep, items.get("beats"))

    for eid, key_node in ending_keys.items():
        if eid in beat_keys:
            rep.error(
                key_node,
                f"'{eid}' is both a beat and an ending (line {beat_keys[eid].line}); "
                "beat and ending ids share one namespace",
            )

    start = f.reference_scalar(rep, items.get("start"), "start")
    refs_ok = check_references(
        rep, items, start, beat_keys, ending_keys, characters, nexts, speakers
    )
    if refs_ok and beats is not None and endings is not None and start is not None:
        check_graph(rep, start, beats, beat_keys, ending_keys)
    if characters is not None and beats is not None:
        spoken = {speaker for speaker, _ in speakers}
        for cid, (key_node, _) in characters.items():
            if cid not in spoken:
                rep.warn(key_node, f"character '{cid}' never speaks (no beat has speaker: {cid})")

    if rep.has_errors:
        return None
    positions = {"id": (items["id"].line, items["id"].column)}
    positions.update({f"beat:{k}": (n.line, n.column) for k, n in beat_keys.items()})
    positions.update({f"ending:{k}": (n.line, n.column) for k, n in ending_keys.items()})
    return Scenario(
        id=sid, title=title, category=category, difficulty=difficulty, summary=summary,
        goal=goal or "", takeaway=takeaway or "", content_warning=warning or "",
        tags=tuple(tags), format=fmt,
        characters={cid: c for cid, (_, c) in characters.items()},
        start=start, beats=beats, endings=endings,
        path=file_path, content_hash=content_hash,
        warnings=tuple(p for p in rep.problems if not p.is_error),
        positions=positions,
    )  # fmt: skip


# -- characters --------------------------------------------------------------
def _characters(rep, node, scenario_dir, assets_dir):
    if node is None:
        return None
    if node.kind != MAPPING:
        rep.error(node, f"characters must be a mapping of character ids, not {node.describe()}")
        return None
    if not node.items:
        rep.error(node, "characters needs at least one character")
    out: dict[str, tuple[Node, Character | None]] = {}
    for cid, value in node.items.items():
        key_node = node.keys[cid]
        ok = True
        if cid in RESERVED_CHARACTER_IDS:
            rep.error(key_node, f"'{cid}' is reserved; choose another character id")
            ok = False
        elif not _CHAR_ID.match(cid):
            rep.error(
                key_node,
                f"character id '{cid}' is not valid: start with a lowercase letter, then "
                "lowercase letters, digits, '_' or '-'",
            )
            ok = False
        if not f.check_keys(rep, value, "character", *CHARACTER_KEYS):
            continue
        v = value.items
        name = f.text(rep, v.get("name"), "name", low=1, high=40)
        role = f.text(rep, v.get("role"), "role", high=40)
        pronouns = f.text(rep, v.get("pronouns"), "pronouns", high=20)
        portrait = _portrait(rep, v.get("portrait"), scenario_dir, assets_dir)
        if ok and name is not None:
            char = Character(cid, name, role or "", pronouns or "", portrait)
            out[cid] = (key_node, char)
        elif ok:
            out[cid] = (key_node, None)
    return out


def _portrait(rep, node, scenario_dir: Path | None, assets_dir: Path | None):
    raw = f.text(rep, node, "portrait", low=1, high=260)
    if raw is None:
        return None
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", raw) or raw.startswith("data:"):
        rep.error(node, "portrait must be a file path next to the scenario, not a URL")
        return None
    if raw.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:[\\/]", raw) or raw.startswith("~"):
        rep.error(
            node, "portrait must be a path relative to the scenario file, not an absolute path"
        )
        return None
    if scenario_dir is None:
        return None
    target = (scenario_dir / raw).resolve()
    roots = [scenario_dir.resolve()] + ([assets_dir.resolve()] if assets_dir else [])
    if not any(target.is_relative_to(r) for r in roots):
        rep.error(
            node,
            f"portrait '{raw}' leaves the scenario's folder; keep images beside the scenario "
            "(or in the game's assets/ folder)",
        )
        return None
    if not target.is_file():
        rep.error(node, f"portrait file '{raw}' was not found next to the scenario")
        return None
    size, refusal = inspect_image(target)
    if refusal is not None:
        rep.warn(node, f"portrait '{raw}' {refusal}; the game draws a portrait instead")
        return None
    if size is None:
        rep.warn(node, f"portrait '{raw}' is not a {FORMATS} image the game can read")
    return target


# -- endings -----------------------------------------------------------------
def _endings(rep, node):
    if node is None:
        return None, {}
    if node.kind != MAPPING:
        rep.error(node, f"endings must be a mapping of ending ids, not {node.describe()}")
        return None, {}
    if not node.items:
        rep.error(node, "endings needs at least one ending")
    out: dict[str, Ending] = {}
    keys: dict[str, Node] = {}
    for eid, value in node.items.items():
        keys[eid] = node.keys[eid]
        _node_id(rep, node.keys[eid], "ending")
        if not f.check_keys(rep, value, "ending", *ENDING_KEYS):
            continue
        v = value.items
        title = f.text(rep, v.get("title"), "title", low=1, high=60)
        body = f.text(rep, v.get("text"), "text", low=1, high=600)
        f.long_text_warning(rep, v.get("text"), "ending text", COMFORTABLE["ending text"])
        tone = f.choice_of(rep, v.get("tone"), "tone", TONES)
        if None not in (title, body, tone):
            out[eid] = Ending(eid, title, body, tone)
    return out, keys


def _node_id(rep, key_node: Node, what: str) -> None:
    value = str(key_node.value)
    if not value.strip():
        rep.error(key_node, f"{what} id is empty")
    elif len(value) > _NODE_ID_MAX:
        rep.error(
            key_node, f"{what} id is {len(value)} characters long; the limit is {_NODE_ID_MAX}"
        )


# -- beats and choices -------------------------------------------------------
def _beats(rep, node):
    nexts: list[tuple[str, Node]] = []
    speakers: list[tuple[str, Node]] = []
    if node is None:
        return None, {}, nexts, speakers
    if node.kind != MAPPING:
        rep.error(node, f"beats must be a mapping of beat ids, not {node.describe()}")
        return None, {}, nexts, speakers
    if not node.items:
        rep.error(node, "beats needs at least one beat")
    out: dict[str, Beat] = {}
    keys: dict[str, Node] = {}
    for bid, value in node.items.items():
        key_node = node.keys[bid]
        keys[bid] = key_node
        _node_id(rep, key_node, "beat")
        if not f.check_keys(rep, value, "beat", *BEAT_KEYS):
            continue
        v = value.items
        speaker = f.reference_scalar(rep, v.get("speaker"), "speaker")
        if speaker is not None:
            speakers.append((speaker, v["speaker"]))
        line = f.text(rep, v.get("line"), "line", low=1, high=500)
        mood = f.choice_of(rep, v.get("mood"), "mood", MOODS) if "mood" in v else DEFAULT_MOOD
        narration = f.text(rep, v.get("narration"), "narration", high=500)
        thought = f.text(rep, v.get("thought"), "thought", high=300)
        hint = f.text(rep, v.get("hint"), "hint", high=HINT_MAX)
        for name in ("line", "narration", "thought"):
            f.long_text_warning(rep, v.get(name), name, COMFORTABLE[name])
        choices = _choices(rep, v.get("choices"), key_node, bid, nexts)
        if None in (speaker, line, mood, choices):
            continue
        out[bid] = Beat(
            bid, speaker, line, tuple(choices), mood, narration or "", thought or "",
            hint=hint if hint and hint.strip() else None,  # blank means none
        )  # fmt: skip
    return out, keys, nexts, speakers


def _choices(rep, node, beat_key: Node, bid: str, nexts) -> list[Choice] | None:
    if node is None:
        return None
    if node.kind != "sequence":
        rep.error(
            node,
            f"choices must be a list of replies (each starting with '- text:'), not {node.describe()}",
        )
        return None
    items = node.value
    if not 2 <= len(items) <= 4:
        rep.error(node, f"a beat offers 2 to 4 choices; beat '{bid}' has {len(items)}")
    out: list[Choice] = []
    failed = False
    for index, item in enumerate(items):
        choice = _choice(rep, item, index, nexts)
        if choice is None:
            failed = True
        else:
            out.append(choice)
    if failed or not 2 <= len(items) <= 4:
        return None
    styles = {c.style for c in out}
    if "assertive" not in styles:
        rep.error(beat_key, f"beat '{bid}' has no assertive reply; every beat needs at least one")
    elif len(styles) == 1:
        rep.warn(
            beat_key,
            f"every reply in beat '{bid}' is assertive; a mix of styles makes the choice meaningful",
        )
    return out


def _choice(rep, node: Node, index: int, nexts) -> Choice | None:
    if not f.check_keys(rep, node, "choice", *CHOICE_KEYS):
        return None
    v = node.items
    text = f.text(rep, v.get("text"), "text", low=1, high=300)
    f.long_text_warning(rep, v.get("text"), "text", COMFORTABLE["text"])
    style_id = f.choice_of(rep, v.get("style"), "style", STYLES)
    feedback = f.text(rep, v.get("feedback"), "feedback", low=1, high=600)
    f.long_text_warning(rep, v.get("feedback"), "feedback", COMFORTABLE["feedback"])
    reply = f.text(rep, v.get("reply"), "reply", high=500)
    f.long_text_warning(rep, v.get("reply"), "reply", COMFORTABLE["reply"])
    reply_mood = f.choice_of(rep, v.get("reply_mood"), "reply_mood", MOODS)
    nxt = f.reference_scalar(rep, v.get("next"), "next")
    if nxt is not None:
        nexts.append((nxt, v["next"]))

    points = None
    if style_id is not None:
        style = STYLES[style_id]
        expected = f"a whole number from {style.low} to {style.high} for {_style_a(style_id)} reply"
        if "points" in v:
            points = f.integer(rep, v["points"], "points", expected)
            if points is not None and not style.low <= points <= style.high:
                rep.error(
                    v["points"],
                    f"points must be {style.low} to {style.high} for {_style_a(style_id)} reply, not {points}",
                )
                points = None
        else:
            points = style.default
    skills = _skills(rep, v.get("skills"), style_id)
    if None in (text, style_id, feedback, points, nxt, skills) or (
        "reply_mood" in v and reply_mood is None
    ):
        return None
    return Choice(
        text=text, style=style_id, points=points, feedback=feedback, next=nxt,
        skills=tuple(skills), reply=reply or "", reply_mood=reply_mood, index=index, line=node.line,
    )  # fmt: skip


def _style_a(style_id: str) -> str:
    return ("an " if style_id[0] in "aeiou" else "a ") + style_id


def _skills(rep, node, style_id) -> list[str] | None:
    if node is None:
        return []
    items = f.text_list(rep, node, "skills")
    if node.kind != "sequence" or len(items) != len(node.value):
        return None
    if style_id is not None and style_id != "assertive" and items:
        rep.error(node, f"skills go only on assertive replies; this reply is {style_id}")
        return None
    seen: dict[str, Node] = {}
    ok = True
    for item in items:
        sid = str(item.value)
        if sid not in SKILLS:
            hint = f.suggestion(sid, SKILLS, rep) or f" (skills: {', '.join(SKILLS)})"
            rep.error(item, f"unknown skill '{sid}'{hint}")
            ok = False
        elif sid in seen:
            rep.error(item, f"skill '{sid}' is listed twice")
            ok = False
        seen[sid] = item
    return list(seen) if ok else None
