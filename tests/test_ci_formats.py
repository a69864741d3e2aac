"""CI outputs: GitHub Actions annotations and SARIF 2.1.0, on the seed article."""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from numcheck import pipeline, rulebook
from numcheck.model import Claim, Figure, Finding
from numcheck.render import github, sarif

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/000_7b0e9a8535a782d9.txt"
PUBLISHED = date(2024, 11, 1)
SCHEMA = ROOT / "tests" / "data" / "sarif-2.1.0.json"


@pytest.fixture(scope="module")
def seed():
    cwd = os.getcwd()
    os.chdir(ROOT)  # paths in the output are relative, as a CI job in the repository root gives them
    try:
        return pipeline.analyse([SEED], published=PUBLISHED)
    finally:
        os.chdir(cwd)


def _finding(rule: str, result) -> Finding:
    return next(f for f in result.findings if f.rule == rule)


def _claim(path="a.md", line=3, value=10.0, article="a", text="10") -> Claim:
    figure = Figure(start=0, end=len(text), text=text, value=value, low=value, high=value, approx="=")
    return Claim(article=article, path=path, published=None, sentence=0, sentence_text=text, line=line,
                 figure=figure, quantity="q", source="Someone")


# --- GitHub annotations -------------------------------------------------------------


def test_github_first_annotation_is_the_conflict_on_line_5(seed):
    lines = github.render(list(seed.findings)).splitlines()
    assert lines[0] == (
        "::warning file=seeds/000_7b0e9a8535a782d9.txt,line=5,endLine=5,title=numcheck (NC101)::"
        "troop/north-korea/russia: Pentagon says 10,000 (2024-10-30) "
        "but South Korean official says some 11,000 (2024-11-01)")


def test_github_one_annotation_per_finding_with_its_level(seed):
    lines = github.render(list(seed.findings)).splitlines()
    assert len(lines) == len(seed.findings)
    drift = lines[[f.rule for f in seed.findings].index("NC201")]
    # info is a notice, pointing at the first claim of the series (3,000, line 4)
    assert drift.startswith("::notice file=seeds/000_7b0e9a8535a782d9.txt,line=4,endLine=4,"
                            "title=numcheck (NC201)::")


@pytest.mark.parametrize("level, command", [("info", "notice"), ("warning", "warning"), ("error", "error")])
def test_github_levels(level, command):
    finding = Finding(rule="NC101", name="conflicting-figure", kind="conflict", level=level, quantity="q",
                      claims=(_claim(),), message="m")
    assert github.render([finding]) == f"::{command} file=a.md,line=3,endLine=3,title=numcheck (NC101)::m\n"


def test_github_escapes_message_and_properties():
    finding = Finding(rule="NC101", name="conflicting-figure", kind="conflict", level="error", quantity="q",
                      claims=(_claim(path="dir: a,b%.md", line=7),),
                      message="Rate: 40% of 1,200\nthen 50%\r\n")
    assert github.render([finding]) == (
        "::error file=dir%3A a%2Cb%25.md,line=7,endLine=7,title=numcheck (NC101)::"
        "Rate: 40%25 of 1,200%0Athen 50%25%0D%0A\n")


def test_github_stdin_has_no_file():
    finding = Finding(rule="NC101", name="conflicting-figure", kind="conflict", level="warning", quantity="q",
                      claims=(_claim(path="<stdin>"),), message="m")
    assert github.render([finding]) == "::warning title=numcheck (NC101)::m\n"


def test_github_no_findings_no_output():
    assert github.render([]) == ""


# --- SARIF --------------------------------------------------------------------------


def test_sarif_validates_against_the_schema(seed):
    import jsonschema  # in the test extra
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    doc = json.loads(sarif.render(list(seed.findings), rulebook.load()))
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_sarif_schema_catches_a_broken_log():
    import jsonschema
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    broken = json.loads(sarif.render([], rulebook.load()))
    broken["runs"][0]["results"] = [{"ruleId": "NC101", "level": "info", "message": {"text": "m"}}]
    assert not jsonschema.Draft4Validator(schema).is_valid(broken)  # "info" is no SARIF level


def test_sarif_content_for_the_seed(seed):
    rules = rulebook.load()
    doc = json.loads(sarif.render(list(seed.findings), rules))
    assert doc["version"] == "2.1.0"
    (run,) = doc["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "numcheck"
    assert [r["id"] for r in driver["rules"]] == [r.id for r in rules]
    result = run["results"][0]
    assert result["ruleId"] == "NC101"
    assert driver["rules"][result["ruleIndex"]]["id"] == "NC101"
    assert result["level"] == "warning"
    assert [(loc["physicalLocation"]["artifactLocation"]["uri"], loc["physicalLocation"]["region"]["startLine"])
            for loc in result["locations"]] == [(SEED, 5), (SEED, 2)]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    drift = run["results"][[f.rule for f in seed.findings].index("NC201")]
    assert drift["level"] == "note"


def test_sarif_is_deterministic(seed):
    assert sarif.render(list(seed.findings), rulebook.load()) == sarif.render(list(seed.findings), rulebook.load())


def test_sarif_fingerprints_survive_moved_lines(seed, tmp_path):
    text = (ROOT / SEED).read_text(encoding="utf-8")
    moved = tmp_path / Path(SEED).name  # same file name, so the same article id
    moved.write_text("A new first paragraph, without any figure in it.\n" + text, encoding="utf-8")
    later = pipeline.analyse([str(moved)], published=PUBLISHED)

    def prints(result):
        doc = json.loads(sarif.render(list(result.findings), rulebook.load()))
        return [(r["ruleId"], r["partialFingerprints"]["numcheck/v1"],
                 r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in doc["runs"][0]["results"]]

    before, after = prints(seed), prints(later)
    assert [(rule, fp) for rule, fp, _ in before] == [(rule, fp) for rule, fp, _ in after]
    assert [line + 1 for _, _, line in before] == [line for _, _, line in after]  # the lines did move
    assert len({fp for _, fp, _ in before}) == len(before)  # and each finding has its own


def test_sarif_uris_are_posix_and_percent_encoded():
    finding = Finding(rule="NC999", name="x", kind="conflict", level="error", quantity="q",
                      claims=(_claim(path="my articles/a#1.md"), _claim(path="/abs/b.md")), message="m")
    doc = json.loads(sarif.render([finding], rulebook.load()))
    result = doc["runs"][0]["results"][0]
    assert "ruleIndex" not in result  # a rule not in the list given
    uris = [loc["physicalLocation"]["artifactLocation"] for loc in result["locations"]]
    assert uris == [{"uri": "my%20articles/a%231.md", "uriBaseId": "%SRCROOT%"}, {"uri": "file:///abs/b.md"}]
