"""``new ID [--dir DIR]``: write a commented template scenario that passes validate."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from game.core.vocab import ID_PATTERN

NAME = "new"
HELP = "write a commented template scenario to start from"
ORDER = 30


def add_arguments(parser) -> None:
    parser.add_argument("id", metavar="ID", help="the new scenario's id, like 'borrowed-car'")
    parser.add_argument(
        "--dir", type=Path, default=Path("."), metavar="DIR",
        help="the folder to write ID.yaml in (default: the current folder)",
    )  # fmt: skip


def modeline(target: Path) -> str:
    from game.core.schema import schema_modeline

    return schema_modeline(target)


def render(scenario_id: str, target: Path) -> str:
    template = resources.files("game.data").joinpath("template.yaml").read_text("utf-8")
    title = scenario_id.replace("-", " ").capitalize()
    return template.format(
        modeline=modeline(target), id=scenario_id, title=title, filename=target.name
    )


def _write_schema_copy(target: Path, ctx) -> None:
    """Outside the game's folder, the modeline names a schema copy beside the file: write it once."""
    from game.core.schema import SCHEMA_COPY, needs_schema_copy, shipped_schema_text

    copy = target.parent / SCHEMA_COPY
    if not needs_schema_copy(target) or copy.exists():
        return
    try:
        with open(copy, "x", encoding="utf-8") as fh:
            fh.write(shipped_schema_text())
    except OSError as exc:
        print(f"could not write {copy} for your editor: {exc.strerror or exc}", file=ctx.err)
        return
    print(f"Wrote {copy} (your editor reads it to check and complete the file)", file=ctx.out)


def run(args, ctx) -> int:
    if not re.match(ID_PATTERN, args.id) or len(args.id) > 64:
        print(
            f"'{args.id}' is not a valid scenario id: use lowercase letters, digits and single "
            "hyphens, like 'borrowed-car' (at most 64 characters)",
            file=ctx.err,
        )
        return 2
    target = args.dir / f"{args.id}.yaml"
    if target.exists():
        print(
            f"{target} already exists; choose another id or folder (nothing was changed)",
            file=ctx.err,
        )
        return 1
    try:
        args.dir.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8") as fh:
            fh.write(render(args.id, target))
    except OSError as exc:
        print(f"could not write {target}: {exc.strerror or exc}", file=ctx.err)
        return 1
    print(f"Wrote {target}", file=ctx.out)
    _write_schema_copy(target, ctx)
    print(f"Next: {ctx.command} validate {target}", file=ctx.out)
    print(f"{' ' * len('Next:')} {ctx.command} play --text {target}", file=ctx.out)
    print(f"To see it in the game's menu, put it in {ctx.paths.user_scenarios}", file=ctx.out)
    return 0
