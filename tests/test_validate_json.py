"""``validate --format json``: every problem and the summary, for tools."""

from __future__ import annotations

import json

from tests.support.scenarios import BASE, pos, write
from tests.test_cli import run


def test_json_lists_problems_with_positions_and_summary(tmp_path):
    bad = BASE.replace("difficulty: 2", "difficulty: hard").replace(
        "mood: hopeful", "mood: hopefull"
    )
    write(tmp_path, bad, "bad.yaml")
    write(tmp_path, BASE.replace("test-scenario", "good-one"), "good.yaml")
    r = run("validate", "--format", "json", ".", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    data = json.loads(r.stdout)
    problems = data["problems"]
    assert problems[0] == {
        "path": "bad.yaml", "line": 4, "column": 13, "severity": "error",
        "message": "difficulty must be 1, 2 or 3, not 'hard'",
    }  # fmt: skip
    mood = problems[1]
    assert (mood["line"], mood["column"]) == pos(bad, "hopefull")
    assert mood["message"] == "unknown mood 'hopefull'; did you mean 'hopeful'?"
    assert data["summary"] == {
        "files": 2, "valid": 1, "errors": 2, "warnings": 0, "ok": False,
        "text": "2 files checked, 1 valid: 2 errors, 0 warnings",
    }  # fmt: skip


def test_json_warnings_and_strict(tmp_path):
    text = BASE.replace("characters:\n", "characters:\n  ann: {name: Ann}\n")
    write(tmp_path, text)
    r = run("validate", "--format", "json", "s.yaml", cwd=tmp_path)
    data = json.loads(r.stdout)
    assert r.returncode == 0
    assert [p["severity"] for p in data["problems"]] == ["warning"]
    assert "never speaks" in data["problems"][0]["message"]
    assert data["summary"]["ok"] is True
    strict = run("validate", "--format", "json", "--strict", "s.yaml", cwd=tmp_path)
    assert strict.returncode == 1
    assert json.loads(strict.stdout)["summary"]["ok"] is False


def test_json_of_a_clean_file_is_an_empty_list(tmp_path):
    write(tmp_path, BASE)
    r = run("validate", "--format", "json", "s.yaml", cwd=tmp_path)
    assert r.returncode == 0
    assert json.loads(r.stdout)["problems"] == []


def test_json_and_report_do_not_mix(tmp_path):
    write(tmp_path, BASE)
    r = run("validate", "--format", "json", "--report", "s.yaml", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stdout == ""
    assert "--report prints text" in r.stderr
