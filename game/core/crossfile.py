"""The rules that span a whole scenario file: references, reachability and cycles.

:func:`check_references` runs first; :func:`check_graph` only once every id named
resolves, so one typo does not bury the author in follow-on messages. Both report
through the file's :class:`~game.core.fields.Reporter`, at the most useful place.
"""

from __future__ import annotations

from game.core import fields as f
from game.core.vocab import NARRATOR


def check_references(rep, items, start, beat_keys, ending_keys, characters, nexts, speakers):
    """Check that every id named resolves; True when the graph can be followed."""
    ok = True
    beat_ids = set(beat_keys)
    targets = beat_ids | set(ending_keys)
    if start is not None and "beats" in items and start not in beat_ids:
        where = " (it is an ending; start must be a beat)" if start in ending_keys else ""
        hint = f.suggestion(start, beat_ids)
        rep.error(items["start"], f"start '{start}' is not a beat{where}{hint}")
        ok = False
    if "beats" in items and "endings" in items:
        for nxt, node in nexts:
            if nxt not in targets:
                rep.error(
                    node, f"next '{nxt}' is not a beat or an ending{f.suggestion(nxt, targets)}"
                )
                ok = False
    if characters is not None:
        names = set(characters) | {NARRATOR}
        for speaker, node in speakers:
            if speaker not in names:
                rep.error(
                    node,
                    f"speaker '{speaker}' is not a character in this scenario"
                    f"{f.suggestion(speaker, names) or ' (add it under characters, or use narrator)'}",
                )
                ok = False
    return ok and not rep.has_errors


def check_graph(rep, start, beats, endings, beat_keys, ending_keys) -> None:
    # Reachability, breadth first from start.
    seen = {start}
    queue = [start]
    while queue:
        node = queue.pop()
        if node in beats:
            for c in beats[node].choices:
                if c.next not in seen:
                    seen.add(c.next)
                    queue.append(c.next)
    for bid, key in beat_keys.items():
        if bid not in seen:
            rep.error(key, f"beat '{bid}' can never be reached from start '{start}'")
    for eid, key in ending_keys.items():
        if eid not in seen:
            rep.error(key, f"ending '{eid}' can never be reached from start '{start}'")

    # Cycles: an iterative depth-first search; a back edge closes a loop.
    WHITE, GREY, BLACK = 0, 1, 2
    colour = dict.fromkeys(beats, WHITE)
    in_reported: set[str] = set()
    for root in beats:
        if colour[root] != WHITE:
            continue
        path: list[str] = [root]
        iters = [iter(beats[root].choices)]
        colour[root] = GREY
        while iters:
            step = next(iters[-1], None)
            if step is None:
                colour[path.pop()] = BLACK
                iters.pop()
                continue
            nxt = step.next
            if nxt not in beats:
                continue
            if colour[nxt] == WHITE:
                colour[nxt] = GREY
                path.append(nxt)
                iters.append(iter(beats[nxt].choices))
            elif colour[nxt] == GREY:
                loop = path[path.index(nxt) :]
                if not in_reported.intersection(loop):
                    in_reported.update(loop)
                    names = " -> ".join([*loop, nxt])
                    rep.error(
                        beat_keys[nxt],
                        f"these beats form a loop, so a playthrough could never end: {names}",
                    )
