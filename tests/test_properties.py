"""Whatever an author's file holds, the loader answers with a scenario or positioned errors."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.core.loader import load_scenario_bytes
from tests.support.scenarios import BASE

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(data: bytes):
    for fast in (True, False):
        scenario, problems = load_scenario_bytes(data, Path("prop.yaml"), fast=fast)
        for p in problems:
            assert p.line >= 1 and p.column >= 1 and p.message
            assert p.severity in ("error", "warning")
        if scenario is None:
            assert any(p.is_error for p in problems)
        else:
            assert not any(p.is_error for p in problems)


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    check(data)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("ab: -[]{}&*!|>#'\"\n\t?,%@`")), max_size=300))
def test_random_yamlish_text(text):
    check(text.encode())


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 20), st.text(max_size=30),
    st.sampled_from(["ask", "second", "held", "gave-in", "sam", "assertive", "passive", "good"]),
)  # fmt: skip
shapes = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(["text", "style", "next", "name", "line", "x"]), inner, max_size=4
        ),
    ),
    max_leaves=12,
)
BASE_DATA = yaml.safe_load(BASE)
PATHS = [
    ("title",), ("difficulty",), ("characters",), ("characters", "sam"), ("start",),
    ("beats",), ("beats", "ask"), ("beats", "ask", "choices"), ("beats", "second", "speaker"),
    ("endings",), ("endings", "held"), ("endings", "held", "tone"), ("summary",), ("extra",),
]  # fmt: skip


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(PATHS), shapes), min_size=1, max_size=4))
def test_scenario_shaped_mutations(mutations):
    import copy

    data = copy.deepcopy(BASE_DATA)
    for path, value in mutations:
        node = data
        for key in path[:-1]:
            if not isinstance(node, dict) or key not in node:
                break
            node = node[key]
        else:
            if isinstance(node, dict):
                node[path[-1]] = value
    check(yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode())


def test_unmutated_base_is_valid():
    scenario, problems = load_scenario_bytes(BASE.encode(), Path("prop.yaml"))
    assert scenario is not None and problems == []
