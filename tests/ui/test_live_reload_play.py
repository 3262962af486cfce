"""Live reload against the window's real play scene, headless (SDL dummy driver)."""

from __future__ import annotations

import pytest

from game.ui.live_reload import PROBLEMS, RELOADED, LiveReloader
from game.ui.scenes.play import PlayScene
from tests.support.live_reload import GOOD, Clock, save, settle

TWO_BEATS = GOOD.replace(
    "endings:\n",
    """  again:
    speaker: sam
    line: {again_line}
    choices:
      - text: Still no.
        style: assertive
        feedback: Broken record.
        next: held
      - text: Fine.
        style: passive
        feedback: Gave in.
        next: gave-in
endings:
""",
)


@pytest.fixture
def window(make_app):
    return make_app(history=False).app


def test_saving_reloads_the_play_scene_and_keeps_the_beat(tmp_path, window):
    from game.core.loader import load_scenario_file

    path = tmp_path / "reload-me.yaml"
    save(path, TWO_BEATS.format(title="First", next="again", again_line="Please?"))
    scenario, problems = load_scenario_file(path)
    assert scenario is not None, [str(p) for p in problems]
    scene = PlayScene(window.services, scenario, seed=3)
    window.stack.push(scene)
    window.frame([], 0.05)

    # Move to the second beat by choosing the assertive reply.
    pos = next(i for i, c in enumerate(scene.playthrough.choices) if c.style == "assertive")
    scene.choose(pos)
    if scene.phase == "feedback":
        scene.next_beat()
    assert scene.beat.id == "again"

    clock = Clock()
    reloader = LiveReloader.for_play_scene(scene, clock=clock)
    assert reloader.path == path.resolve() or reloader.path == path

    save(path, TWO_BEATS.format(title="First", next="again", again_line="Pretty please?"))
    assert [o.kind for o in settle(reloader, clock)] == [RELOADED]
    assert scene.beat.id == "again"
    assert scene.beat.line == "Pretty please?"
    assert scene.note == "Reloaded"
    window.frame([], 0.05)

    # A broken save: the overlay lists the problem, the game keeps running.
    save(path, TWO_BEATS.format(title="First", next="nowhere", again_line="Pretty please?"))
    assert [o.kind for o in settle(reloader, clock)] == [PROBLEMS]
    assert any("next 'nowhere' is not a beat or an ending" in str(p) for p in scene.problems)
    window.frame([], 0.05)
    assert scene.beat.id == "again"

    # The beat disappears: the scenario restarts from the beginning, and the overlay clears.
    save(path, GOOD.format(title="Second", next="held"))
    assert [o.kind for o in settle(reloader, clock)] == [RELOADED]
    assert scene.problems == []
    assert scene.beat.id == "ask"
    assert scene.scenario.title == "Second"
    window.frame([], 0.05)
