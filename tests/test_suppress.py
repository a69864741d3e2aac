"""Acknowledging findings: a baseline file and inline markers, each with a reason."""
from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import SEED
from numcheck.cli import main

PUB = ["--published", "2024-11-01"]


def run(args):
    return CliRunner().invoke(main, args, catch_exceptions=False)


def test_baseline_hides_known_findings_and_says_so(tmp_path):
    baseline = tmp_path / "base.json"
    made = run(["baseline", str(SEED), *PUB, "-o", str(baseline), "--reason", "checked by the desk"])
    assert made.exit_code == 0
    doc = json.loads(baseline.read_text())
    assert [f["rule"] for f in doc["findings"]] == ["NC101", "NC201"]
    assert all(f["reason"] == "checked by the desk" for f in doc["findings"])
    checked = run(["check", str(SEED), *PUB, "--baseline", str(baseline), "--fail-on", "info"])
    assert checked.exit_code == 0 and checked.stdout == ""
    assert "2 finding(s) hidden by the baseline" in checked.stderr


def test_baseline_survives_a_paragraph_added_above(tmp_path):
    baseline = tmp_path / "base.json"
    run(["baseline", str(SEED), *PUB, "-o", str(baseline)])
    moved = tmp_path / SEED.name
    moved.write_text("An editor's note added at the top.\n\n" + SEED.read_text(encoding="utf-8"), encoding="utf-8")
    checked = run(["check", str(moved), *PUB, "--baseline", str(baseline), "--fail-on", "info"])
    assert checked.exit_code == 0, checked.stdout


def test_a_new_finding_still_fails_with_a_baseline(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("---\npublished: 2025-03-04\n---\nPolice said on Monday that 40 people were arrested in the riot.\n")
    baseline = tmp_path / "base.json"
    run(["baseline", str(article), "-o", str(baseline)])
    article.write_text(article.read_text() + "The mayor said on Monday that 90 people were arrested in the riot.\n")
    checked = run(["check", str(article), "--baseline", str(baseline)])
    assert checked.exit_code == 1 and "NC101" in checked.stdout


def test_missing_baseline_is_a_clear_error(tmp_path):
    result = run(["check", str(SEED), *PUB, "--baseline", str(tmp_path / "none.json")])
    assert result.exit_code == 2 and "baseline file not found" in result.stderr


def test_inline_marker_silences_one_rule_on_its_line(tmp_path):
    text = ("---\npublished: 2025-03-04\n---\n"
            "Police said on Monday that 40 people were arrested in the riot.\n"
            "<!-- numcheck: ignore NC101 -- the mayor's count includes the suburbs -->\n"
            "The mayor said on Monday that 90 people were arrested in the riot.\n")
    article = tmp_path / "a.md"
    article.write_text(text)
    silenced = run(["check", str(article)])
    assert silenced.exit_code == 0 and "hidden by the baseline, 1 by inline markers" in silenced.stderr
    audited = run(["check", str(article), "--no-suppress"])
    assert audited.exit_code == 1


def test_unused_marker_is_reported(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("<!-- numcheck: ignore NC102 -- stale -->\nSome 40 people came.\n")
    result = run(["check", str(article)])
    assert result.exit_code == 0 and "a.md:1: unused suppression of NC102" in result.stderr


def test_sarif_and_the_baseline_share_one_fingerprint(tmp_path):
    from conftest import SEED_PUBLISHED
    from numcheck import pipeline, rulebook
    from numcheck.render import sarif

    result = pipeline.analyse([str(SEED)], published=SEED_PUBLISHED)
    baseline = tmp_path / "base.json"
    run(["baseline", str(SEED), *PUB, "-o", str(baseline)])
    in_baseline = [f["fingerprint"] for f in json.loads(baseline.read_text())["findings"]]
    log = json.loads(sarif.render(list(result.findings), rulebook.load()))
    in_sarif = [r["partialFingerprints"]["numcheck/v1"] for r in log["runs"][0]["results"]]
    assert sorted(in_sarif) == sorted(in_baseline) and len(in_sarif) == 2
