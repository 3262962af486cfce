"""``packs list`` and ``packs remove NAME [--yes]``: the packs in your scenario folder."""

from __future__ import annotations

from game.cli.streams import tolerant

NAME = "packs"
HELP = "list the scenario packs you installed, or remove one"
ORDER = 55


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub.add_parser("list", help="list installed packs", description="list installed packs")
    remove = sub.add_parser(
        "remove", help="remove an installed pack", description="remove an installed pack"
    )
    remove.add_argument("name", metavar="NAME", help="the pack's name, as 'packs list' shows it")
    remove.add_argument(
        "--yes",
        "-y",
        action="store_true",
        help="remove without asking (needed when not at a terminal)",
    )


def run(args, ctx) -> int:
    tolerant(ctx.out, ctx.err)
    if args.action == "list":
        return _list(ctx)
    return _remove(args, ctx)


def _list(ctx) -> int:
    from game.core.installed import installed_packs

    folder = ctx.paths.user_scenarios
    packs = installed_packs(folder)
    if not packs:
        print(f"no packs installed (your scenario folder is {folder})", file=ctx.out)
        return 0
    for pack in packs:
        meta = pack.meta
        count = f"{pack.scenarios} scenario{'s' * (pack.scenarios != 1)}"
        details = [count]
        if meta is not None:
            details += [
                f"by {meta.author}" if meta.author else "",
                f"version {meta.version}" if meta.version else "",
                f"licence {meta.licence}" if meta.licence else "",
            ]
        print(f"{pack.name}: {', '.join(d for d in details if d)}", file=ctx.out)
        print(f"  folder: {pack.path}", file=ctx.out)
    return 0


def _remove(args, ctx) -> int:
    from game.core.installed import find_pack, remove_pack

    pack = find_pack(ctx.paths.user_scenarios, args.name)
    if not args.yes:
        if not _is_terminal(ctx.inp):
            print(
                f"packs remove deletes {pack.path}; add --yes to confirm (nothing was changed)",
                file=ctx.err,
            )
            return 2
        print(
            f"Remove the pack '{pack.name}' ({pack.scenarios} scenario"
            f"{'s' * (pack.scenarios != 1)}, {pack.path})? [y/N] ",
            end="",
            file=ctx.out,
            flush=True,
        )
        answer = ctx.inp.readline(16).strip().casefold()
        if answer not in ("y", "yes"):
            print("kept it: nothing was changed", file=ctx.out)
            return 1
    remove_pack(pack)
    print(f"removed the pack '{pack.name}' ({pack.path})", file=ctx.out)
    return 0


def _is_terminal(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False
