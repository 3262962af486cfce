"""The language server: pygls wiring for the features in this package.

Run with :func:`serve` (``firm-and-kind lsp``). Every handler turns the editor's
positions into the analysis' code-point positions through the document's
codec, asks the pure feature module, and returns its answer; diagnostics are
published when a document is opened, changed or saved.
"""

from __future__ import annotations

import logging
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from game import __version__
from game.authoring.lsp import actions, completion, diagnostics, hover, navigation, outline
from game.authoring.lsp.document import Doc

log = logging.getLogger("firm_and_kind.lsp")
NAME = "firm-and-kind"


def _doc(ls: LanguageServer, uri: str) -> Doc:
    document = ls.workspace.get_text_document(uri)
    return Doc(document.source, document.position_codec)


def _path(uri: str) -> Path:
    fs = to_fs_path(uri) if uri.startswith("file:") else None
    return Path(fs) if fs else Path.cwd() / "untitled.yaml"


def build_server(extra_checks=()) -> LanguageServer:
    """A server with every feature registered; ``extra_checks`` add to the validator's
    problems (each ``check(text, path) -> [Problem]``)."""
    ls = LanguageServer(NAME, __version__)

    def publish(uri: str) -> None:
        document = ls.workspace.get_text_document(uri)
        doc = Doc(document.source, document.position_codec)
        try:
            found = diagnostics.diagnostics(doc, _path(uri), extra_checks)
        except Exception:  # noqa: BLE001 - a checker bug must not take the editor's server down
            log.exception("checking %s failed", uri)
            return
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=document.version)
        )

    @ls.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams):
        publish(params.text_document.uri)

    @ls.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams):
        publish(params.text_document.uri)

    @ls.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams):
        publish(params.text_document.uri)

    @ls.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams):
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @ls.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=completion.TRIGGERS),
    )
    def on_completion(params: types.CompletionParams):
        doc = _doc(ls, params.text_document.uri)
        return completion.complete(doc, *doc.from_client(params.position))

    @ls.feature(types.TEXT_DOCUMENT_DEFINITION)
    def on_definition(params: types.DefinitionParams):
        uri = params.text_document.uri
        doc = _doc(ls, uri)
        return navigation.definition(uri, doc, *doc.from_client(params.position))

    @ls.feature(types.TEXT_DOCUMENT_REFERENCES)
    def on_references(params: types.ReferenceParams):
        uri = params.text_document.uri
        doc = _doc(ls, uri)
        line, column = doc.from_client(params.position)
        return navigation.references(uri, doc, line, column, params.context.include_declaration)

    @ls.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(params: types.HoverParams):
        doc = _doc(ls, params.text_document.uri)
        return hover.hover(doc, *doc.from_client(params.position))

    @ls.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def on_code_action(params: types.CodeActionParams):
        uri = params.text_document.uri
        return actions.code_actions(uri, _doc(ls, uri), params.context.diagnostics)

    @ls.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def on_symbols(params: types.DocumentSymbolParams):
        return outline.document_symbols(_doc(ls, params.text_document.uri))

    return ls


def glyph_check():
    """The check for text the bundled fonts cannot draw, or None if the fonts cannot be read."""
    from game.core.glyphs import Coverage, text_problems
    from game.errors import FontFileError

    try:
        coverage = Coverage.bundled()
    except (OSError, FontFileError):
        log.warning("cannot read the bundled fonts' character maps", exc_info=True)
        return None
    return lambda text, path: text_problems(text, str(path), coverage)


def serve() -> None:
    """Serve one editor over stdin and stdout until it says exit."""
    check = glyph_check()
    build_server([check] if check else []).start_io()
