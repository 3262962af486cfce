"""The window's modules form no import cycle, and no scene module imports another scene.

The graph is built from the source with ``ast``, counting imports placed inside
functions too (they hide cycles from a plain import). Imports under
``if TYPE_CHECKING:`` never run, so they are left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

import game.ui

UI_ROOT = Path(game.ui.__file__).parent
SCENES = "game.ui.scenes"
# Modules under game/ui/scenes that are shared building blocks, not screens.
SHARED_SCENE_PARTS = {f"{SCENES}.common", f"{SCENES}.controls"}


def module_name(path: Path) -> str:
    rel = path.relative_to(UI_ROOT.parent.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _runtime_nodes(tree: ast.AST):
    """Every node except those under ``if TYPE_CHECKING:``."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            stack.extend(node.orelse)
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The game.ui modules ``path`` imports, anywhere in its code."""
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in _runtime_nodes(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        found.update(n for n in names if n in known)
    return found


def ui_graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in UI_ROOT.rglob("*.py")}
    known = set(files)
    return {name: imports_of(path, known) - {name} for name, path in files.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the list of modules around it, or None (iterative DFS)."""
    colour = dict.fromkeys(graph, 0)  # 0 new, 1 on the path, 2 done
    for start in sorted(graph):
        if colour[start]:
            continue
        path, iters = [start], [iter(sorted(graph[start]))]
        colour[start] = 1
        while path:
            nxt = next(iters[-1], None)
            if nxt is None:
                colour[path.pop()] = 2
                iters.pop()
            elif colour[nxt] == 1:
                return path[path.index(nxt) :] + [nxt]
            elif colour[nxt] == 0:
                colour[nxt] = 1
                path.append(nxt)
                iters.append(iter(sorted(graph[nxt])))
    return None


def family(module: str) -> str:
    """A scene and its parts share a family: play, play_feedback, play_pause ... -> play."""
    return module.rsplit(".", 1)[1].split("_")[0]


def test_the_graph_sees_imports_inside_functions(tmp_path):
    src = tmp_path / "m.py"
    src.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    import game.ui.theme\n"
        "def f():\n    from game.ui.scenes.title import TitleScene\n"
    )
    assert imports_of(src, {"game.ui.scenes.title", "game.ui.theme"}) == {"game.ui.scenes.title"}
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycle_in_the_window():
    assert find_cycle(ui_graph()) is None


def test_scenes_never_import_other_scenes():
    graph = ui_graph()
    wrong = []
    for module, imports in graph.items():
        if not module.startswith(SCENES + ".") or module in SHARED_SCENE_PARTS:
            continue
        wrong += [
            f"{module} imports {other}"
            for other in imports
            if other.startswith(SCENES + ".")
            and other not in SHARED_SCENE_PARTS
            and family(other) != family(module)
        ]
    assert wrong == []


def test_only_the_navigator_knows_the_scene_classes():
    graph = ui_graph()
    users = {
        m
        for m, imports in graph.items()
        if not m.startswith(SCENES) and any(i.startswith(SCENES + ".") for i in imports)
    }
    assert users == {"game.ui.navigation"}
