"""``lsp``: the language server for editors, over stdin and stdout."""

from __future__ import annotations

NAME = "lsp"
HELP = (
    "run the scenario language server over stdio, for editors "
    "(diagnostics, completion, go to definition, references, hover, outline)"
)
ORDER = 80


def add_arguments(parser) -> None:
    # Editors' LSP clients often pass --stdio; stdio is the only transport, so it is accepted.
    parser.add_argument("--stdio", action="store_true", help="talk over stdin/stdout (the default)")


def run(args, ctx) -> int:
    # Imported here so that other commands never pay for pygls.
    from game.authoring.lsp.server import serve

    serve()
    return 0
