"""One broken fixture per rule of the format, with the position and message it must get."""

from __future__ import annotations

import pytest

from tests.support.scenarios import BASE, errors, load, pos

# (name, old text, new text, needle marking where the error points, message fragment)
# The needle is searched in the *changed* text; "@N" after it picks the N-th occurrence.
CASES = [
    ("unknown top key", "goal", None, None, None),  # placeholder removed below
    (
        "unknown key suggestion",
        "    choices:\n      - text: No, thank",
        "    choises:\n      - text: No, thank",
        "choises",
        "unknown key 'choises' in a beat; did you mean 'choices'?",
    ),
    (
        "unknown key no suggestion",
        "title: A test\n",
        "title: A test\ncolour: blue\n",
        "colour",
        "unknown key 'colour' in a scenario (a scenario takes: id, title",
    ),
    (
        "missing required top key",
        "summary: Someone asks you for something.\n",
        "",
        "id: test",
        "a scenario needs 'summary'",
    ),
    (
        "missing feedback",
        "        feedback: You gave in.\n",
        "",
        "text: Fine",
        "a choice needs 'feedback'",
    ),
    (
        "bad id",
        "id: test-scenario",
        "id: Test_Scenario",
        "Test_Scenario",
        "id 'Test_Scenario' is not a valid id",
    ),
    (
        "id too long",
        "id: test-scenario",
        "id: " + "a" * 65,
        "aaaa",
        "id is 65 characters long; the limit is 64",
    ),
    (
        "title too long",
        "title: A test",
        "title: " + "x" * 81,
        "xxxx",
        "title is 81 characters long; the limit is 80",
    ),
    ("empty title", "title: A test", "title:", "title:", "title is empty"),
    (
        "title not text",
        "title: A test",
        "title: [a, b]",
        "[a, b]",
        "title must be text, not a list",
    ),
    (
        "category too long",
        "category: work",
        "category: " + "c" * 33,
        "cccc",
        "category is 33 characters long; the limit is 32",
    ),
    (
        "difficulty word",
        "difficulty: 2",
        "difficulty: hard",
        "hard",
        "difficulty must be 1, 2 or 3, not 'hard'",
    ),
    (
        "difficulty quoted",
        "difficulty: 2",
        "difficulty: '2'",
        "'2'",
        "difficulty must be 1, 2 or 3, not '2'",
    ),
    (
        "difficulty range",
        "difficulty: 2",
        "difficulty: 4",
        "4",
        "difficulty must be 1, 2 or 3, not 4",
    ),
    (
        "summary too long",
        "summary: Someone asks you for something.",
        "summary: " + "s" * 601,
        "ssss",
        "summary is 601 characters long; the limit is 600",
    ),
    (
        "goal too long",
        "title: A test\n",
        "title: A test\ngoal: " + "g" * 201 + "\n",
        "gggg",
        "goal is 201 characters long; the limit is 200",
    ),
    (
        "takeaway too long",
        "title: A test\n",
        "title: A test\ntakeaway: " + "t" * 301 + "\n",
        "tttt",
        "takeaway is 301 characters long; the limit is 300",
    ),
    (
        "content warning too long",
        "title: A test\n",
        "title: A test\ncontent_warning: " + "w" * 201 + "\n",
        "wwww",
        "content_warning is 201 characters long; the limit is 200",
    ),
    (
        "tags not a list",
        "title: A test\n",
        "title: A test\ntags: work\n",
        "work\n",
        "tags must be a list",
    ),
    (
        "format newer",
        "title: A test\n",
        "title: A test\nformat: 2\n",
        "2\n",
        "format 2 is newer than this game understands",
    ),
    (
        "format word",
        "title: A test\n",
        "title: A test\nformat: one\n",
        "one",
        "format must be a whole number (1), not 'one'",
    ),
    (
        "characters not mapping",
        "  sam: {name: Sam, role: Coworker}\n",
        "  - sam\n",
        "- sam",
        "characters must be a mapping of character ids, not a list",
    ),
    (
        "reserved character",
        "  sam: {name: Sam, role: Coworker}\n",
        "  sam: {name: Sam, role: Coworker}\n  narrator: {name: Nora}\n",
        "narrator:",
        "'narrator' is reserved",
    ),
    (
        "reserved you",
        "  sam: {name: Sam, role: Coworker}\n",
        "  sam: {name: Sam, role: Coworker}\n  you: {name: Me}\n",
        "you:",
        "'you' is reserved",
    ),
    (
        "bad character id",
        "  sam: {name: Sam, role: Coworker}\n",
        "  sam: {name: Sam, role: Coworker}\n  9lives: {name: Cat}\n",
        "9lives",
        "character id '9lives' is not valid",
    ),
    (
        "character name too long",
        "{name: Sam, role: Coworker}",
        "{name: " + "n" * 41 + "}",
        "nnnn",
        "name is 41 characters long; the limit is 40",
    ),
    (
        "role too long",
        "role: Coworker}",
        "role: " + "r" * 41 + "}",
        "rrrr",
        "role is 41 characters long; the limit is 40",
    ),
    (
        "pronouns too long",
        "role: Coworker}",
        "pronouns: " + "p" * 21 + "}",
        "pppp",
        "pronouns is 21 characters long; the limit is 20",
    ),
    (
        "portrait url",
        "role: Coworker}",
        "portrait: 'https://x.org/a.png'}",
        "'https",
        "portrait must be a file path next to the scenario, not a URL",
    ),
    (
        "portrait absolute",
        "role: Coworker}",
        "portrait: /etc/passwd}",
        "/etc",
        "not an absolute path",
    ),
    (
        "portrait escapes",
        "role: Coworker}",
        "portrait: ../../secret.png}",
        "../..",
        "leaves the scenario's folder",
    ),
    (
        "portrait missing",
        "role: Coworker}",
        "portrait: sam.png}",
        "sam.png",
        "portrait file 'sam.png' was not found",
    ),
    (
        "start missing beat",
        "start: ask",
        "start: asc",
        "asc",
        "start 'asc' is not a beat; did you mean 'ask'?",
    ),
    (
        "start names an ending",
        "start: ask",
        "start: held",
        "held\n",
        "start 'held' is not a beat (it is an ending; start must be a beat)",
    ),
    (
        "next dangling",
        "next: second",
        "next: secnd",
        "secnd",
        "next 'secnd' is not a beat or an ending; did you mean 'second'?",
    ),
    (
        "speaker unknown",
        "    speaker: sam\n    mood",
        "    speaker: sma\n    mood",
        "sma",
        "speaker 'sma' is not a character in this scenario; did you mean 'sam'?",
    ),
    (
        "line too long",
        "line: Please?",
        "line: " + "l" * 501,
        "llll",
        "line is 501 characters long; the limit is 500",
    ),
    ("empty line", "line: Please?", "line: ''", "''", "line is empty"),
    (
        "narration too long",
        "    line: Please?\n",
        "    line: Please?\n    narration: " + "n" * 501 + "\n",
        "nnnn",
        "narration is 501 characters long; the limit is 500",
    ),
    (
        "thought too long",
        "    line: Please?\n",
        "    line: Please?\n    thought: " + "t" * 301 + "\n",
        "tttt",
        "thought is 301 characters long; the limit is 300",
    ),
    (
        "unknown mood",
        "mood: hopeful",
        "mood: hopefull",
        "hopefull",
        "unknown mood 'hopefull'; did you mean 'hopeful'?",
    ),
    (
        "unknown reply mood",
        "        feedback: You gave in.\n",
        "        feedback: You gave in.\n        reply_mood: glum\n",
        "glum",
        "unknown reply_mood 'glum' (one of: neutral",
    ),
    (
        "too few choices",
        """      - text: Fine, I guess.
        style: passive
        feedback: You gave in.
        next: gave-in
""",
        "",
        "- text: No, thank",
        "a beat offers 2 to 4 choices; beat 'ask' has 1",
    ),
    (
        "no assertive choice",
        """        style: assertive
        points: 8""",
        """        style: passive
        points: 3""",
        "second:",
        "beat 'second' has no assertive reply",
    ),
    (
        "unknown style",
        "style: passive\n",
        "style: pasive\n",
        "pasive",
        "unknown style 'pasive'; did you mean 'passive'?",
    ),
    (
        "choice text too long",
        "text: Still no.",
        "text: " + "x" * 301,
        "xxxx",
        "text is 301 characters long; the limit is 300",
    ),
    (
        "feedback too long",
        "feedback: Sulky.",
        "feedback: " + "f" * 601,
        "ffff",
        "feedback is 601 characters long; the limit is 600",
    ),
    (
        "reply too long",
        "        feedback: Sulky.\n",
        "        feedback: Sulky.\n        reply: " + "r" * 501 + "\n",
        "rrrr",
        "reply is 501 characters long; the limit is 500",
    ),
    (
        "assertive points too low",
        "points: 8",
        "points: 4",
        "4\n",
        "points must be 5 to 10 for an assertive reply, not 4",
    ),
    (
        "passive points too high",
        "        feedback: You gave in.\n",
        "        feedback: You gave in.\n        points: 5\n",
        "5\n",
        "points must be 0 to 4 for a passive reply, not 5",
    ),
    (
        "points quoted",
        "points: 8",
        "points: '8'",
        "'8'",
        "points must be a whole number from 5 to 10 for an assertive reply, not '8'",
    ),
    (
        "skills on passive",
        "        feedback: You gave in.\n",
        "        feedback: You gave in.\n        skills: [validate]\n",
        "[validate]",
        "skills go only on assertive replies; this reply is passive",
    ),
    (
        "unknown skill",
        "skills: [clear-no]",
        "skills: [clear_no]",
        "clear_no",
        "unknown skill 'clear_no'; did you mean 'clear-no'?",
    ),
    (
        "repeated skill",
        "skills: [clear-no]",
        "skills: [clear-no, clear-no]",
        "clear-no@2",
        "skill 'clear-no' is listed twice",
    ),
    (
        "unknown ending key",
        "    tone: good",
        "    tone: good\n    mood: happy",
        "mood: happy",
        "unknown key 'mood' in an ending",
    ),
    ("ending tone", "tone: good", "tone: great", "great", "unknown tone 'great'"),
    (
        "ending title too long",
        "title: Held",
        "title: " + "h" * 61,
        "hhhh",
        "title is 61 characters long; the limit is 60",
    ),
    (
        "ending text too long",
        "text: You kept your time.",
        "text: " + "e" * 601,
        "eeee",
        "text is 601 characters long; the limit is 600",
    ),
    (
        "beat and ending share id",
        "  held:\n    title: Held",
        "  second:\n    title: Held",
        "second:@2",
        "'second' is both a beat and an ending",
    ),
    (
        "unreachable ending",
        "    text: You lost your afternoon.\n",
        "    text: You lost your afternoon.\n  lonely:\n    title: Lonely\n    tone: mixed\n    text: Never.\n",
        "lonely:",
        "ending 'lonely' can never be reached from start 'ask'",
    ),
    (
        "unreachable beat",
        "endings:\n",
        """  island:
    speaker: sam
    line: Hello?
    choices:
      - text: Hi.
        style: assertive
        feedback: Fine.
        next: held
      - text: Go away.
        style: aggressive
        feedback: Harsh.
        next: held
endings:
""",
        "island:",
        "beat 'island' can never be reached from start 'ask'",
    ),
    (
        "cycle",
        "        feedback: You held it.\n        next: held",
        "        feedback: You held it.\n        next: ask",
        "ask:",
        "these beats form a loop, so a playthrough could never end: ask -> second -> ask",
    ),
    (
        "empty beats",
        """  ask:
    speaker: sam""",
        """  ask: {}
  old:
    speaker: sam""",
        "{}",
        "a beat needs 'speaker'",
    ),
]
CASES = [c for c in CASES if c[1] is not None and c[2] is not None]


@pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure"])
@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_rule_reports_position_and_message(tmp_path, old, new, needle, message, fast):
    assert old in BASE, "fixture text must be in the base scenario"
    text = BASE.replace(old, new, 1)
    occurrence = 1
    if "@" in needle:
        needle, occurrence = needle.rsplit("@", 1)
        occurrence = int(occurrence)
    scenario, problems = load(tmp_path, text, fast=fast)
    assert scenario is None
    found = [p for p in errors(problems) if message in p.message]
    assert found, f"no error containing {message!r}; got {[str(p) for p in problems]}"
    line, column = pos(text, needle, occurrence)
    assert (found[0].line, found[0].column) == (line, column), str(found[0])
    assert found[0].path.endswith("s.yaml")


def test_base_fixture_is_valid(tmp_path):
    scenario, problems = load(tmp_path, BASE)
    assert problems == []
    assert scenario.id == "test-scenario"
    assert scenario.beats["second"].choices[0].points == 8
    assert scenario.beats["ask"].choices[1].points == 2  # passive default
    assert scenario.beats["second"].choices[1].points == 1  # passive-aggressive default


def test_text_is_kept_as_written(tmp_path):
    text = (
        BASE.replace("text: No, thank you.", "text: No")
        .replace("line: Please?", "line: 1:30 then?")
        .replace("title: A test", "title: 2024-05-01")
    )
    scenario, problems = load(tmp_path, text)
    assert errors(problems) == []
    assert scenario.title == "2024-05-01"
    assert scenario.beats["ask"].choices[0].text == "No"
    assert scenario.beats["second"].line == "1:30 then?"


def test_yes_no_null_stay_text(tmp_path):
    text = BASE.replace("text: Still no.", "text: yes").replace(
        "text: Ugh, whatever.", "text: null"
    )
    scenario, _ = load(tmp_path, text)
    texts = {c.text for c in scenario.beats["second"].choices}
    assert texts == {"yes", "null"}


def test_portrait_inside_folder_is_accepted(tmp_path):
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "sam.png").write_bytes(b"\x89PNG fake")
    text = BASE.replace("role: Coworker}", "portrait: img/sam.png}")
    scenario, problems = load(tmp_path, text)
    assert errors(problems) == []
    assert scenario.characters["sam"].portrait == (tmp_path / "img" / "sam.png").resolve()


def test_portrait_in_assets_folder_is_accepted(tmp_path):
    from game.core.loader import load_scenario_file

    assets = tmp_path / "assets"
    (assets / "portraits").mkdir(parents=True)
    (assets / "portraits" / "sam.png").write_bytes(b"x")
    path = tmp_path / "scenarios" / "s.yaml"
    path.parent.mkdir()
    path.write_text(BASE.replace("role: Coworker}", "portrait: ../assets/portraits/sam.png}"))
    scenario, problems = load_scenario_file(path, assets_dir=assets)
    assert errors(problems) == [], [str(p) for p in problems]
    assert scenario.characters["sam"].portrait.name == "sam.png"


@pytest.mark.parametrize(
    ("change", "needle", "message"),
    [
        (
            (
                "  sam: {name: Sam, role: Coworker}\n",
                "  sam: {name: Sam, role: Coworker}\n  ali: {name: Ali}\n",
            ),
            "ali:",
            "character 'ali' never speaks",
        ),
        (
            ("        style: passive\n", "        style: assertive\n"),
            "ask:",
            "every reply in beat 'ask' is assertive",
        ),
        (
            ("line: Please?", "line: " + "word " * 70),
            "word",
            "line is 349 characters long; over 300",
        ),
        (
            ("category: work", "category: wrok"),
            "wrok",
            "category 'wrok' is not one of the usual ones; did you mean 'work'?",
        ),
    ],
    ids=["silent character", "one style", "long line", "category typo"],
)
def test_warnings_do_not_reject(tmp_path, change, needle, message):
    text = BASE.replace(*change, 1)
    scenario, problems = load(tmp_path, text)
    assert scenario is not None
    warnings = [p for p in problems if p.severity == "warning"]
    found = [p for p in warnings if message in p.message]
    assert found, [str(p) for p in problems]
    assert (found[0].line, found[0].column) == pos(text, needle)
    assert scenario.warnings


def test_follow_on_errors_are_not_reported(tmp_path):
    # A bad points value must not also make 'second' look missing to its referrers.
    text = BASE.replace("points: 8", "points: 11")
    _, problems = load(tmp_path, text)
    assert len(errors(problems)) == 1, [str(p) for p in problems]


def test_model_answer_is_highest_points_first_in_file(tmp_path):
    scenario, _ = load(tmp_path, BASE)
    assert scenario.beats["second"].model_answer.text == "Still no."
    assert scenario.longest_path() == 2
    assert scenario.shortest_path() == 1


def test_problems_are_listed_top_to_bottom(tmp_path):
    text = BASE.replace("difficulty: 2", "difficulty: hard").replace(
        "summary: Someone asks you for something.\n", ""
    )
    text = text.replace("tone: good", "tone: great")
    _, problems = load(tmp_path, text)
    positions = [(p.line, p.column) for p in problems]
    assert positions == sorted(positions) and len(problems) == 3


def test_a_misspelt_required_key_is_reported_once(tmp_path):
    text = BASE.replace(
        "    choices:\n      - text: No, thank", "    choises:\n      - text: No, thank"
    )
    _, problems = load(tmp_path, text)
    assert [p.message for p in problems] == [
        "unknown key 'choises' in a beat; did you mean 'choices'?"
    ]
