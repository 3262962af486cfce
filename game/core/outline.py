"""The shape of a scenario at a glance: a text tree, a Mermaid flowchart or a Graphviz graph.

``python main.py outline FILE [--format text|mermaid|dot]`` prints one of
these. The text tree follows each reply to its beat or ending; a beat that
more than one reply leads to is drawn in full once and referred to after
that (``→ see beat pushback``), so the tree stays as small as the file.
Indentation stops at :data:`MAX_DEPTH` levels: a beat deeper than that starts
again at the left margin under a marked line, so every line stays readable
(and the output linear in the file) however long a scenario's chains are.
The graphs draw every beat and ending once, with one arrow per reply.
"""

from __future__ import annotations

from game.core.graph import reading_order
from game.core.model import Beat, Choice, Scenario
from game.core.vocab import DIFFICULTIES, NARRATOR

FORMATS = ("text", "mermaid", "dot")
TEXT_WIDTH = 60  # characters of a line or reply shown before "…"
GRAPH_WIDTH = 40
MAX_DEPTH = 12  # levels of indentation before the tree starts again at the margin

UNICODE_GLYPHS = {"tee": "├─ ", "last": "└─ ", "pipe": "│  ", "gap": "   ", "to": "→", "more": "…"}
ASCII_GLYPHS = {"tee": "|- ", "last": "`- ", "pipe": "|  ", "gap": "   ", "to": "->", "more": "..."}


def shorten(text: str, width: int, more: str = "…") -> str:
    """One line of at most ``width`` characters (whitespace collapsed)."""
    flat = " ".join(str(text).split())
    if width <= 0 or len(flat) <= width:
        return flat
    return flat[: max(1, width - len(more))].rstrip() + more


def _speaker(scenario: Scenario, beat: Beat) -> str:
    if beat.speaker == NARRATOR and NARRATOR not in scenario.characters:
        return "Narrator"
    try:
        return scenario.character(beat.speaker).name
    except KeyError:
        return beat.speaker


def _choice_label(choice: Choice) -> str:
    return f"{choice.style} {choice.points}"


# -- text ---------------------------------------------------------------------
def outline_text(scenario: Scenario, *, width: int = TEXT_WIDTH, ascii_only: bool = False) -> str:
    """An indented tree of beats, replies (style and points) and endings."""
    g = ASCII_GLYPHS if ascii_only else UNICODE_GLYPHS
    difficulty = DIFFICULTIES.get(scenario.difficulty, str(scenario.difficulty))
    lines = [
        f"{scenario.title} ({scenario.id}, {scenario.category}, {difficulty.lower()})",
    ]
    shown: set[str] = set()

    def beat_line(beat: Beat) -> str:
        mood = "" if beat.mood == "neutral" else f", {beat.mood}"
        said = shorten(beat.line, width, g["more"])
        return f'beat {beat.id} ({_speaker(scenario, beat)}{mood}): "{said}"'

    def node_line(node_id: str) -> str:
        if node_id in scenario.endings:
            e = scenario.endings[node_id]
            return f"ending {e.id} ({e.tone}): {e.title}"
        if node_id in shown:
            return f"see beat {node_id}"
        return beat_line(scenario.beats[node_id])

    # An explicit stack instead of recursion: a long scenario must not hit the recursion limit.
    # Each entry: (node id, prefix for the node's children)
    shown.add(scenario.start)
    lines.append(beat_line(scenario.beats[scenario.start]))
    stack: list[tuple[str, str, int]] = [(scenario.start, "", 0)]
    while stack:
        beat_id, prefix, i = stack.pop()
        choices = scenario.beats[beat_id].choices
        if i >= len(choices):
            continue
        stack.append((beat_id, prefix, i + 1))
        choice = choices[i]
        last = i == len(choices) - 1
        said = shorten(choice.text, width, g["more"])
        skills = f" [{', '.join(choice.skills)}]" if choice.skills else ""
        lines.append(
            f'{prefix}{g["last"] if last else g["tee"]}{_choice_label(choice)}: "{said}"{skills}'
        )
        child_prefix = prefix + (g["gap"] if last else g["pipe"])
        target = choice.next
        first_visit = target in scenario.beats and target not in shown
        lines.append(f"{child_prefix}{g['to']} {node_line(target)}")
        if first_visit:
            shown.add(target)
            if len(child_prefix) > MAX_DEPTH * len(g["gap"]):
                lines.append(f"{g['more']} beat {target} continues at the margin {g['more']}")
                child_prefix = ""
            stack.append((target, child_prefix, 0))
    return "\n".join(lines)


# -- Mermaid ------------------------------------------------------------------
def _mermaid_escape(text: str) -> str:
    """Text safe inside a quoted Mermaid label (entity codes for the characters it treats specially)."""
    out = []
    for ch in str(text):
        if ch == '"':
            out.append("#quot;")
        elif ch == "#":
            out.append("#35;")
        elif ch == "<":
            out.append("#lt;")
        elif ch == ">":
            out.append("#gt;")
        elif ch in "\r\n\t":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def _node_ids(scenario: Scenario) -> dict[str, str]:
    """Safe graph node names (b0, b1 ..., e0, e1 ...): ids may hold characters graphs reject."""
    names = {bid: f"b{i}" for i, bid in enumerate(reading_order(scenario))}
    names.update({eid: f"e{i}" for i, eid in enumerate(scenario.endings)})
    return names


def outline_mermaid(scenario: Scenario, *, width: int = GRAPH_WIDTH) -> str:
    """A Mermaid flowchart: beats as boxes, endings as rounded ends, one arrow per reply."""
    ids = _node_ids(scenario)
    esc = _mermaid_escape
    lines = ["flowchart TD"]
    for bid in reading_order(scenario):
        beat = scenario.beats[bid]
        label = esc(bid) + "<br/>" + esc(f"{_speaker(scenario, beat)}: {shorten(beat.line, width)}")
        lines.append(f'    {ids[bid]}["{label}"]')
    for eid, ending in scenario.endings.items():
        label = esc(f"{eid} ({ending.tone})") + "<br/>" + esc(shorten(ending.title, width))
        lines.append(f'    {ids[eid]}(["{label}"])')
    for bid in reading_order(scenario):
        for c in scenario.beats[bid].choices:
            lines.append(f'    {ids[bid]} -->|"{esc(_choice_label(c))}"| {ids[c.next]}')
    for tone, colours in (
        ("good", "fill:#d9efe6,stroke:#1e6b5c"),
        ("mixed", "fill:#f5e6c8,stroke:#8a5a0b"),
        ("poor", "fill:#f4d9d4,stroke:#a3392a"),
    ):
        members = [ids[e.id] for e in scenario.endings.values() if e.tone == tone]
        if members:
            lines.append(f"    classDef {tone} {colours}")
            lines.append(f"    class {','.join(members)} {tone}")
    return "\n".join(lines)


# -- Graphviz -----------------------------------------------------------------
def _dot_string(text: str) -> str:
    """A double-quoted DOT string; backslashes and quotes escaped, new lines as \\n."""
    body = str(text).replace("\\", "\\\\").replace('"', '\\"')
    body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{body}"'


def outline_dot(scenario: Scenario, *, width: int = GRAPH_WIDTH) -> str:
    """A Graphviz digraph: beats as boxes, endings as ellipses coloured by tone."""
    tone_fill = {"good": "#d9efe6", "mixed": "#f5e6c8", "poor": "#f4d9d4"}
    q = _dot_string
    lines = [
        f"digraph {q(scenario.id)} {{",
        f"    label={q(scenario.title)};",
        "    labelloc=t;",
        "    rankdir=TB;",
        '    node [shape=box, style="rounded", fontname="Helvetica"];',
        '    edge [fontname="Helvetica", fontsize=10];',
    ]
    for bid in reading_order(scenario):
        beat = scenario.beats[bid]
        label = f"{bid}\n{_speaker(scenario, beat)}: {shorten(beat.line, width)}"
        lines.append(f"    {q(bid)} [label={q(label)}];")
    for eid, ending in scenario.endings.items():
        label = f"{eid} ({ending.tone})\n{shorten(ending.title, width)}"
        fill = tone_fill.get(ending.tone, "#ffffff")
        lines.append(
            f'    {q("ending:" + eid)} [label={q(label)}, shape=ellipse, style=filled, fillcolor="{fill}"];'
        )
    for bid in reading_order(scenario):
        for c in scenario.beats[bid].choices:
            target = ("ending:" + c.next) if c.next in scenario.endings else c.next
            lines.append(f"    {q(bid)} -> {q(target)} [label={q(_choice_label(c))}];")
    lines.append("}")
    return "\n".join(lines)


def outline(scenario: Scenario, fmt: str = "text", *, ascii_only: bool = False) -> str:
    if fmt == "text":
        return outline_text(scenario, ascii_only=ascii_only)
    if fmt == "mermaid":
        return outline_mermaid(scenario)
    if fmt == "dot":
        return outline_dot(scenario)
    raise ValueError(f"unknown outline format {fmt!r}; use one of {', '.join(FORMATS)}")
