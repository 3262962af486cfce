"""A scenario as a graph: its orders and the branch map's layout (pure; no drawing, no recursion).

* :func:`topological_order` -- every node reachable from the start, each before
  the nodes it leads to (the report walks it backwards).
* :func:`reading_order` -- beats in the order a reader meets them (the outline).
* :func:`layout` -- columns and rows for the branch map: a node's column is its
  depth (the longest way from the start), so every arrow points right; an arrow
  that spans columns passes through waypoints, one per column between.

The layout takes time in proportion to the beats, the replies and the columns
the arrows span (plus sorting each column), and uses loops, not recursion, so a
scenario with thousands of beats lays out at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.core.model import Scenario


def successors(scenario: Scenario, node_id: str) -> list[str]:
    """Where a node's replies lead, each once, in reply order (nothing for an ending)."""
    beat = scenario.beats.get(node_id)
    if beat is None:
        return []
    return list(dict.fromkeys(c.next for c in beat.choices))


def topological_order(scenario: Scenario) -> list[str]:
    """Nodes reachable from the start, each before every node it leads to.

    The order is the reverse of a depth-first post-order that follows replies in
    their order. Raises ValueError if the beats form a cycle.
    """
    return _depth_first(scenario)[1]


def _depth_first(scenario: Scenario) -> tuple[list[str], list[str]]:
    """(pre-order, reversed post-order) of a depth-first walk from the start, replies in order."""
    pre: list[str] = [scenario.start]
    post: list[str] = []
    state: dict[str, int] = {}  # 1 = on the path, 2 = done
    stack: list[tuple[str, list[str], int]] = [
        (scenario.start, successors(scenario, scenario.start), 0)
    ]
    state[scenario.start] = 1
    while stack:
        node, nexts, i = stack[-1]
        if i < len(nexts):
            stack[-1] = (node, nexts, i + 1)
            nxt = nexts[i]
            seen = state.get(nxt)
            if seen is None:
                state[nxt] = 1
                pre.append(nxt)
                stack.append((nxt, successors(scenario, nxt), 0))
            elif seen == 1:
                raise ValueError(f"cycle through beat {nxt!r}")
        else:
            stack.pop()
            state[node] = 2
            post.append(node)
    post.reverse()
    return pre, post


def reading_order(scenario: Scenario) -> list[str]:
    """Beats in the order a reader meets them: start first, then breadth first, then any others."""
    order = [scenario.start]
    seen = {scenario.start}
    i = 0
    while i < len(order):
        for nxt in successors(scenario, order[i]):
            if nxt in scenario.beats and nxt not in seen:
                seen.add(nxt)
                order.append(nxt)
        i += 1
    order += [b for b in scenario.beats if b not in seen]
    return order


@dataclass
class Node:
    """A box on the branch map (or a waypoint of a long arrow)."""

    id: str
    ending: bool
    depth: int = 0  # the column
    row: float = 0.0  # the row; columns are centred, so it may be a half
    found: bool = False  # set by the screen: the player has reached it
    parents: list[str] = field(default_factory=list)
    dummy: bool = False  # a waypoint that keeps a long arrow clear of the boxes it passes


@dataclass
class GraphLayout:
    nodes: dict[str, Node]
    routes: dict[tuple[str, str], list[str]]  # (from, to) -> node ids along the arrow
    columns: int
    rows: int  # the tallest column


def layout(scenario: Scenario) -> GraphLayout:
    """Columns (depths) and rows of every node, and each distinct arrow's route."""
    first_met, order = _depth_first(scenario)
    nodes = {nid: Node(nid, scenario.is_ending(nid)) for nid in first_met}  # boxes in Tab order
    edges: list[tuple[str, str]] = []
    for nid in order:  # in topological order, so a node's depth is final before its children
        for nxt in successors(scenario, nid):
            edges.append((nid, nxt))
            child = nodes[nxt]
            child.parents.append(nid)
            child.depth = max(child.depth, nodes[nid].depth + 1)
    routes: dict[tuple[str, str], list[str]] = {}
    for a, b in edges:
        route = [a]
        for d in range(nodes[a].depth + 1, nodes[b].depth):
            wid = f"~{a}>{b}:{d}"
            nodes[wid] = Node(wid, False, depth=d, dummy=True, parents=[route[-1]])
            route.append(wid)
        if len(route) > 1:
            parents = nodes[b].parents
            parents[parents.index(a)] = route[-1]
        route.append(b)
        routes[(a, b)] = route
        order.extend(route[1:-1])
    columns: dict[int, list[Node]] = {}
    for nid in sorted(order, key=lambda nid: nodes[nid].depth):
        columns.setdefault(nodes[nid].depth, []).append(nodes[nid])
    for d in sorted(columns):
        col = columns[d]
        if d > 0:  # order by the mean row of the parents, to keep arrows from crossing
            col.sort(key=lambda n: sum(nodes[p].row for p in n.parents) / max(1, len(n.parents)))
        for i, n in enumerate(col):
            n.row = i
    tallest = max(len(c) for c in columns.values())
    for col in columns.values():  # centre each column vertically
        shift = (tallest - len(col)) / 2
        for n in col:
            n.row += shift
    return GraphLayout(nodes, routes, columns=max(columns) + 1, rows=tallest)
