"""Every shipped scenario loads with no errors and no warnings, in both YAML loaders."""

import pytest

from game.core.library import load_library, scenario_files
from game.core.loader import load_scenario_file
from game.paths import SHIPPED_SCENARIOS

FILES = scenario_files(SHIPPED_SCENARIOS)


def test_there_are_shipped_scenarios():
    assert len(FILES) >= 3


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_shipped_scenario_is_clean(path):
    scenario, problems = load_scenario_file(path)
    assert [str(p) for p in problems] == []
    assert scenario is not None
    assert path.stem == scenario.id, "file name should match the id"


def test_library_has_unique_ids_and_no_problems():
    lib = load_library([SHIPPED_SCENARIOS])
    assert lib.problems == [] and lib.broken == []
    assert len({s.id for s in lib.scenarios}) == len(lib.scenarios) == len(FILES)
