"""One error tree: every error the game raises is in game.errors, and every one there is raised."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import game
from game import errors

GAME = Path(game.__file__).parent


def raised_names() -> set[str]:
    names = set()
    for path in GAME.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and node.exc is not None:
                exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
                if isinstance(exc, ast.Name):
                    names.add(exc.id)
    return names


def escaping_errors() -> set[str]:
    """Exception classes defined outside game.errors, except those caught in their own package.

    (A package may use a private exception to unwind its own work, if it never lets it out.)
    """
    caught: dict[Path, set[str]] = {}
    defined: list[tuple[Path, str]] = []
    for path in GAME.rglob("*.py"):
        parsed = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(parsed):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                caught.setdefault(path.parent, set()).update(
                    n.attr if isinstance(n, ast.Attribute) else n.id
                    for n in ast.walk(node.type)
                    if isinstance(n, ast.Name | ast.Attribute)
                )
            is_exception = isinstance(node, ast.ClassDef) and any(
                isinstance(b, ast.Name) and b.id.endswith(("Error", "Exception"))
                for b in node.bases
            )
            if is_exception and path.name != "errors.py":
                defined.append((path.parent, node.name))
    return {name for package, name in defined if name not in caught.get(package, set())}


def tree() -> set[str]:
    return {
        name
        for name, obj in inspect.getmembers(errors, inspect.isclass)
        if issubclass(obj, errors.FirmKindError)
    }


def test_every_error_in_the_tree_is_raised_somewhere():
    assert tree() - raised_names() == set()


def test_the_game_defines_its_errors_only_in_the_tree():
    assert escaping_errors() == set()


def test_one_root():
    for name in tree():
        assert issubclass(getattr(errors, name), errors.FirmKindError)
