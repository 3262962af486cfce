"""The language server, through a client talking to ``main.py lsp`` over real pipes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.lsp_client import ROOT, LspClient
from tests.support.scenarios import BASE, pos


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lsp")
    c = LspClient(cwd=folder, env={"FIRM_AND_KIND_HOME": str(folder / "home")})
    c.capabilities = c.initialize(folder)["capabilities"]
    c.folder = folder
    c.opened = 0
    yield c
    assert c.close() == 0


def open_doc(client, text: str) -> tuple[str, list[dict]]:
    """Open ``text`` as a new file; return its uri and first diagnostics."""
    client.opened += 1
    uri = (client.folder / f"doc{client.opened}.yaml").as_uri()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
    )
    return uri, client.diagnostics_for(uri, 1)


def at(text: str, needle: str, offset: int = 0, occurrence: int = 1) -> dict:
    """The LSP position (0-based) of ``needle`` in ``text``, plus ``offset`` characters."""
    line, col = pos(text, needle, occurrence)
    return {"line": line - 1, "character": col - 1 + offset}


def doc_at(uri: str, position: dict) -> dict:
    return {"textDocument": {"uri": uri}, "position": position}


def test_capabilities(client):
    caps = client.capabilities
    for key in (
        "completionProvider", "definitionProvider", "referencesProvider",
        "hoverProvider", "documentSymbolProvider", "textDocumentSync", "codeActionProvider",
    ):  # fmt: skip
        assert caps.get(key), key
    assert " " in caps["completionProvider"]["triggerCharacters"]


def test_diagnostics_as_you_type(client):
    text = BASE.replace("next: held", "next: helt").replace(
        "characters:\n", "characters:\n  ann: {name: Ann}\n"
    )
    uri, diags = open_doc(client, text)
    by_message = {d["message"]: d for d in diags}
    error = by_message["next 'helt' is not a beat or an ending; did you mean 'held'?"]
    assert error["severity"] == 1
    assert error["source"] == "firm-and-kind"
    assert error["range"] == {"start": at(text, "helt"), "end": at(text, "helt", 4)}
    warning = by_message["character 'ann' never speaks (no beat has speaker: ann)"]
    assert warning["severity"] == 2
    assert warning["range"]["start"] == at(text, "ann:")

    fixed = text.replace("next: helt", "next: held")
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]},
    )
    diags = client.diagnostics_for(uri, 2)
    assert [d["message"] for d in diags] == [
        "character 'ann' never speaks (no beat has speaker: ann)"
    ]


def test_syntax_error_is_a_positioned_diagnostic(client):
    text = BASE.replace("line: Please?", "line: Listen: please?")
    _, diags = open_doc(client, text)
    assert len(diags) == 1
    assert diags[0]["message"].endswith('put the text in quotes: line: "Listen: please?"')
    assert diags[0]["range"]["start"] == at(text, ": please?")


def test_columns_are_utf16_units(client):
    # U+1F642 is one code point but two UTF-16 units: the LSP default counts units.
    text = BASE.replace("{name: Sam, role: Coworker}", '{name: "Sam \U0001f642", rol: Coworker}')
    _, diags = open_doc(client, text)
    [typo] = [d for d in diags if "unknown key 'rol'" in d["message"]]
    start = at(text, "rol:")
    assert typo["range"]["start"] == {"line": start["line"], "character": start["character"] + 1}


def test_completion_of_ids_at_next(client):
    text = BASE.replace("next: gave-in", "next: ", 1)
    uri, _ = open_doc(client, text)
    position = at(text, "next: \n", 6)
    result = client.request("textDocument/completion", doc_at(uri, position))
    labels = [i["label"] for i in result["items"]]
    assert set(labels) == {"ask", "second", "held", "gave-in"}
    held = next(i for i in result["items"] if i["label"] == "held")
    assert held["detail"] == "ending · good: Held"
    assert held["textEdit"] == {"range": {"start": position, "end": position}, "newText": "held"}


def test_completion_keeps_working_while_the_file_is_broken(client):
    # Half-typed: a bad line makes the YAML unreadable, and the id is half written.
    text = BASE.replace("line: Please?", "line: Listen: please?").replace(
        "next: gave-in", "next: ga", 1
    )
    uri, _ = open_doc(client, text)
    position = at(text, "next: ga\n", 8)
    result = client.request("textDocument/completion", doc_at(uri, position))
    labels = {i["label"] for i in result["items"]}
    assert labels == {"ask", "second", "held", "gave-in"}
    item = next(i for i in result["items"] if i["label"] == "gave-in")
    assert item["textEdit"]["range"]["start"] == at(text, "next: ga\n", 6)


def test_completion_of_start_speaker_mood_style_and_skills(client):
    text = (
        BASE.replace("start: ask", "start: ")
        .replace("speaker: sam\n    mood: hopeful", "speaker: \n    mood: ")
        .replace("style: passive\n", "style: \n", 1)
        .replace("skills: [clear-no]", "skills: [clear-no, ")
    )
    uri, _ = open_doc(client, text)

    def labels(needle, offset):
        result = client.request("textDocument/completion", doc_at(uri, at(text, needle, offset)))
        return [i["label"] for i in result["items"]]

    assert labels("start: \n", 7) == ["ask", "second"]  # start names a beat, never an ending
    assert labels("speaker: \n", 9) == ["sam", "narrator"]
    assert labels("mood: \n", 6)[:3] == ["neutral", "happy", "hopeful"]
    assert labels("style: \n", 7) == ["assertive", "passive", "passive-aggressive", "aggressive"]
    skills = labels("skills: [clear-no, ", 19)
    assert "broken-record" in skills and len(skills) == 14
    # Nothing is offered where the format fixes no value (a line of dialogue).
    assert client.request("textDocument/completion", doc_at(uri, at(text, "Please?", 3))) is None


def test_definition_and_references(client):
    uri, _ = open_doc(client, BASE)
    found = client.request("textDocument/definition", doc_at(uri, at(BASE, "next: gave-in", 8)))
    assert found["uri"] == uri
    assert found["range"]["start"] == at(BASE, "gave-in:")

    refs = client.request(
        "textDocument/references",
        {**doc_at(uri, at(BASE, "gave-in:", 2)), "context": {"includeDeclaration": False}},
    )
    starts = [r["range"]["start"] for r in refs]
    assert starts == [at(BASE, "gave-in", 0, 1), at(BASE, "gave-in", 0, 2)]

    speaker = client.request(
        "textDocument/references",
        {**doc_at(uri, at(BASE, "sam: {", 1)), "context": {"includeDeclaration": True}},
    )
    assert [r["range"]["start"]["line"] for r in speaker] == [
        at(BASE, "sam: {")["line"],
        at(BASE, "speaker: sam", 9, 1)["line"],
        at(BASE, "speaker: sam", 9, 2)["line"],
    ]
    assert client.request("textDocument/definition", doc_at(uri, at(BASE, "Please?"))) is None


def test_hover_for_skills_and_styles(client):
    uri, _ = open_doc(client, BASE)
    skill = client.request("textDocument/hover", doc_at(uri, at(BASE, "clear-no]", 2)))
    assert "**Clear no**" in skill["contents"]["value"]
    assert "Says no plainly, without hedging" in skill["contents"]["value"]
    style = client.request("textDocument/hover", doc_at(uri, at(BASE, "style: assertive", 9)))
    value = style["contents"]["value"]
    assert "5 to 10 points" in value
    assert "5 to 7 points is shown to the player as **Partly assertive**" in value
    passive = client.request("textDocument/hover", doc_at(uri, at(BASE, "style: passive\n", 9)))
    assert "0 to 4 points; 2 if `points` is left out" in passive["contents"]["value"]
    ending = client.request("textDocument/hover", doc_at(uri, at(BASE, "next: held", 7)))
    assert "good: Held" in ending["contents"]["value"]


def test_document_outline(client):
    uri, _ = open_doc(client, BASE)
    symbols = client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    assert [s["name"] for s in symbols] == ["beats", "endings"]
    beats, endings = symbols
    assert [c["name"] for c in beats["children"]] == ["ask", "second"]
    assert [c["name"] for c in endings["children"]] == ["held", "gave-in"]
    ask = beats["children"][0]
    assert ask["selectionRange"]["start"] == at(BASE, "ask:\n")
    assert ask["range"]["end"]["line"] == at(BASE, "second:")["line"] - 1
    assert ask["detail"] == "sam: Could you help me?"


def test_other_commands_do_not_import_pygls():
    code = (
        "import sys; from game.cli import main; main(['validate', 'scenarios/work']);"
        "sys.exit(3 if 'pygls' in sys.modules or 'lsprotocol' in sys.modules else 0)"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr


def test_completion_in_a_block_list_of_skills(client):
    text = BASE.replace("skills: [clear-no]", "skills:\n          - clear-no\n          - br")
    uri, _ = open_doc(client, text)
    result = client.request("textDocument/completion", doc_at(uri, at(text, "- br", 4)))
    item = next(i for i in result["items"] if i["label"] == "broken-record")
    assert item["detail"] == "Broken record"
    assert item["textEdit"]["range"]["start"] == at(text, "- br", 2)
    hover = client.request("textDocument/hover", doc_at(uri, at(text, "- clear-no", 3)))
    assert "**Clear no**" in hover["contents"]["value"]


def test_lsp_command_is_listed_with_its_help():
    from tests.test_cli import run

    r = run("lsp", "--help")
    assert r.returncode == 0
    assert "language server" in r.stdout


def test_text_the_fonts_cannot_draw_is_a_warning(client):
    text = BASE.replace("Could you help me?", "Поможешь? ツ")
    _, diags = open_doc(client, text)
    assert [(d["message"], d["severity"], d["range"]["start"]) for d in diags] == [
        (
            "the bundled fonts cannot draw 'ツ' (U+30C4); it would show as a box",
            2,
            at(text, "ツ"),
        )
    ]


def test_quick_fixes_apply_the_checkers_suggestions(client):
    text = BASE.replace("mood: hopeful", "mood: hopefull").replace(
        "line: Please?", "line: Listen: please?"
    )
    uri, diags = open_doc(client, text)
    assert len(diags) == 1  # the syntax error hides the rest
    [fix] = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": diags[0]["range"],
            "context": {"diagnostics": diags},
        },
    )
    [edit] = fix["edit"]["changes"][uri]
    assert fix["title"] == "Put the text in quotes"
    assert edit["newText"] == 'line: "Listen: please?"'
    assert edit["range"]["start"] == at(text, "line: Listen")

    fixed = text.replace("line: Listen: please?", edit["newText"])
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]},
    )
    [mood] = client.diagnostics_for(uri, 2)
    [fix] = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": mood["range"], "context": {"diagnostics": [mood]}},
    )
    assert fix["title"] == "Change to 'hopeful'"
    assert fix["edit"]["changes"][uri] == [{"range": mood["range"], "newText": "hopeful"}]
    assert mood["range"] == {"start": at(text, "hopefull"), "end": at(text, "hopefull", 8)}


def test_incremental_changes_are_applied(client):
    text = BASE.replace("next: held", "next: helt")
    uri, diags = open_doc(client, text)
    assert len(diags) == 1
    start = at(text, "helt", 3)
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [
                {"range": {"start": start, "end": {**start, "character": start["character"] + 1}},
                 "text": "d"}
            ],
        },
    )  # fmt: skip
    assert client.diagnostics_for(uri, 2) == []
