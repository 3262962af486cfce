"""The rules across a whole scenario file: references resolve, everything is reachable, no loops.

Each check is a single pass over the beats and replies (no recursion, no
step that grows with the length of a path), so a file with thousands of
beats is checked as fast as a small one, per beat.
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
        hint = f.suggestion(start, beat_ids, rep)
        rep.error(items["start"], f"start '{start}' is not a beat{where}{hint}")
        ok = False
    if "beats" in items and "endings" in items:
        for nxt, node in nexts:
            if nxt not in targets:
                hint = f.suggestion(nxt, targets, rep)
                rep.error(node, f"next '{nxt}' is not a beat or an ending{hint}")
                ok = False
    if characters is not None:
        names = set(characters) | {NARRATOR}
        for speaker, node in speakers:
            if speaker not in names:
                hint = f.suggestion(speaker, names, rep)
                rep.error(
                    node,
                    f"speaker '{speaker}' is not a character in this scenario"
                    f"{hint or ' (add it under characters, or use narrator)'}",
                )
                ok = False
    return ok and not rep.has_errors


def check_graph(rep, start, beats, beat_keys, ending_keys) -> None:
    """Every beat and ending reachable from ``start``; no loop among the beats."""
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
    _check_loops(rep, beats, beat_keys)


def _check_loops(rep, beats, beat_keys) -> None:
    """An iterative depth-first search; a reply back to a beat on the current path closes a loop.

    A loop is reported unless one of its beats is already in a reported loop. ``where`` maps
    each beat on the path to its place, and ``marked`` holds, in increasing order, the places
    on the path of beats already reported, so both questions take constant time and each beat
    is named in at most one message.
    """
    WHITE, GREY, BLACK = 0, 1, 2
    colour = dict.fromkeys(beats, WHITE)
    for root in beats:
        if colour[root] != WHITE:
            continue
        path: list[str] = [root]
        where = {root: 0}
        marked: list[int] = []
        iters = [iter(beats[root].choices)]
        colour[root] = GREY
        while iters:
            step = next(iters[-1], None)
            if step is None:
                done = path.pop()
                colour[done] = BLACK
                del where[done]
                if marked and marked[-1] == len(path):
                    marked.pop()
                iters.pop()
                continue
            nxt = step.next
            if nxt not in beats:
                continue
            if colour[nxt] == WHITE:
                colour[nxt] = GREY
                where[nxt] = len(path)
                path.append(nxt)
                iters.append(iter(beats[nxt].choices))
            elif colour[nxt] == GREY:
                at = where[nxt]
                if marked and marked[-1] >= at:
                    continue  # part of this loop was already reported
                loop = path[at:]
                marked.extend(range(at, len(path)))
                names = " -> ".join([*loop, nxt])
                rep.error(
                    beat_keys[nxt],
                    f"these beats form a loop, so a playthrough could never end: {names}",
                )
