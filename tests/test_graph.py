"""The scenario graph: orders and the branch map's layout, down to a scenario of 1,000 beats."""

from __future__ import annotations

from collections import defaultdict

import pytest

from game.core.graph import layout, reading_order, successors, topological_order
from game.core.report import scenario_report
from tests.support.history import big_scenario, make_scenario


def long_scenario(n: int = 1000):
    """A chain of ``n`` beats; each may skip one ahead or leave for a nearby ending."""
    return big_scenario(sid="thousand", depth=n)


def check_layout(scenario) -> None:
    g = layout(scenario)
    real = {nid for nid, n in g.nodes.items() if not n.dummy}
    assert real == set(scenario.beats) | set(scenario.endings)
    # every arrow runs one column at a time, left to right, from its start to its end
    for (a, b), route in g.routes.items():
        assert route[0] == a and route[-1] == b
        depths = [g.nodes[nid].depth for nid in route]
        assert depths == list(range(depths[0], depths[0] + len(route)))
        assert b in successors(scenario, a)
    assert len(g.routes) == sum(len(successors(scenario, b)) for b in scenario.beats)
    # a column is the longest way from the start
    assert g.nodes[scenario.start].depth == 0
    for a, b in g.routes:
        assert g.nodes[b].depth >= g.nodes[a].depth + 1
    # no two boxes share a slot; columns are centred in the tallest
    slots = defaultdict(set)
    for n in g.nodes.values():
        assert n.row not in slots[n.depth]
        slots[n.depth].add(n.row)
    assert g.columns == max(n.depth for n in g.nodes.values()) + 1
    assert g.rows == max(len(s) for s in slots.values())
    assert max(n.row for n in g.nodes.values()) + 1 == g.rows


def test_small_scenarios_lay_out():
    check_layout(make_scenario())
    check_layout(make_scenario(extra_ending=True))
    check_layout(big_scenario(depth=7))


def test_a_thousand_beats_lay_out_without_recursion():
    sc = long_scenario(1000)
    check_layout(sc)
    g = layout(sc)
    assert g.columns == 1000 + 1  # the chain of beats, then the ending after the last one
    assert g.nodes["b999"].depth == 999 and g.nodes["end-main"].depth == 1000


def test_topological_order_puts_each_node_before_where_it_leads():
    sc = long_scenario(1000)
    order = topological_order(sc)
    where = {nid: i for i, nid in enumerate(order)}
    assert order[0] == sc.start
    for b in sc.beats:
        for nxt in successors(sc, b):
            assert where[b] < where[nxt]


def test_reading_order_meets_beats_breadth_first():
    sc = big_scenario(depth=5)
    assert reading_order(sc) == ["b0", "b1", "b2", "b3", "b4"]


def test_a_cycle_is_refused():
    sc = make_scenario()
    first = sc.beats[sc.start]
    loop = first.choices[0].__class__(**{**first.choices[0].__dict__, "next": sc.start})
    beats = dict(sc.beats)
    beats[sc.start] = first.__class__(**{**first.__dict__, "choices": (loop, *first.choices[1:])})
    looped = sc.__class__(**{**sc.__dict__, "beats": beats})
    with pytest.raises(ValueError, match="cycle"):
        topological_order(looped)


def test_the_report_walks_a_deep_scenario_in_the_shared_order():
    report = scenario_report(long_scenario(200))
    assert report.beats == 200 and report.shortest == 1 and report.longest == 200
