"""The command line through click's CliRunner: exit codes, formats, one-line errors."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from conftest import ROOT, SEED
from numcheck.cli import main
from numcheck.render.rows import CLAIM_COLUMNS

PUB = ["--published", "2024-11-01"]


def run(args, input=None):
    runner = CliRunner()
    # The group turns errors into exit codes by calling sys.exit; CliRunner catches it.
    return runner.invoke(main, args, input=input, catch_exceptions=False)


def assert_code(result, code):
    assert result.exit_code == code, (result.output, result.stderr if hasattr(result, "stderr") else "")


@pytest.fixture
def calm(tmp_path):
    path = tmp_path / "calm.md"
    path.write_text("---\npublished: 2025-03-04\noutlet: The Test\n---\n"
                    "Police said on Monday that 40 people were arrested. The mayor said 40 people were arrested.\n")
    return path


def test_check_seed_exits_1_and_prints_path_line_level_rule(tmp_path):
    result = run(["check", str(SEED), *PUB])
    assert_code(result, 1)
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{SEED}:5: warning NC101 ")


def test_check_clean_article_exits_0(calm):
    assert_code(run(["check", str(calm)]), 0)


@pytest.mark.parametrize("fail_on, code", [("info", 1), ("warning", 1), ("error", 0)])
def test_fail_on_threshold(fail_on, code):
    assert_code(run(["check", str(SEED), *PUB, "--fail-on", fail_on]), code)


def test_missing_file_exits_2_with_one_line(tmp_path):
    result = run(["check", str(tmp_path / "nope.txt")])
    assert_code(result, 2)
    assert result.stderr.count("\n") == 1 and "no such file" in result.stderr
    assert "Traceback" not in result.output


def test_binary_file_exits_2(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    result = run(["check", str(path)])
    assert_code(result, 2)
    assert "binary file" in result.stderr and result.stderr.count("\n") == 1


def test_unknown_option_exits_2_with_one_line():
    result = run(["check", "--bogus", str(SEED)])
    assert_code(result, 2)
    assert result.stderr.count("\n") == 1 and "--bogus" in result.stderr


def test_bad_published_date_exits_2():
    result = run(["check", str(SEED), "--published", "1 Nov"])
    assert_code(result, 2)
    assert "YYYY-MM-DD" in result.stderr


def test_check_json_is_valid_and_carries_claims():
    result = run(["check", str(SEED), *PUB, "--format", "json"])
    doc = json.loads(result.stdout)
    assert doc["schema_version"] == 1
    assert len(doc["claims"]) == 6 and len(doc["findings"]) == 2


def test_export_claims_csv_has_the_contract_columns_in_order():
    result = run(["export", str(SEED), *PUB])
    assert_code(result, 0)
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0][:len(CLAIM_COLUMNS)]) == CLAIM_COLUMNS
    header = rows[0]
    first = dict(zip(header, rows[1]))
    assert first["text"] == "some 11,000" and first["value"] == "11000"
    assert first["low"] == "10450" and first["high"] == "11550" and first["approx"] == "~"
    assert first["line"] == "2" and first["said_on"] == "2024-11-01" and first["said_on_grain"] == "day"


def test_export_unbounded_high_is_empty():
    result = run(["export", str(SEED), *PUB])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    over = next(r for r in rows if r["text"] == "over 3,000")
    assert over["high"] == "" and over["approx"] == ">"


def test_export_findings_jsonl():
    result = run(["export", str(SEED), *PUB, "--table", "findings", "--format", "jsonl"])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["rule"] for line in lines] == ["NC101", "NC201"]
    assert list(lines[0])[:8] == ["rule", "kind", "level", "quantity", "values", "sources", "articles", "message"]
    assert lines[0]["values"] == "10000; 11000"


def test_stdin_is_read_with_dash():
    text = SEED.read_text(encoding="utf-8")
    result = run(["check", "-", *PUB], input=text)
    assert_code(result, 1)
    assert result.stdout.startswith("<stdin>:5:")


def test_output_into_missing_folder_is_a_clear_error(tmp_path):
    result = run(["report", str(SEED), *PUB, "-o", str(tmp_path / "no" / "such" / "r.md")])
    assert_code(result, 2)
    assert "does not exist" in result.stderr


def test_report_to_file(tmp_path):
    target = tmp_path / "r.md"
    assert_code(run(["report", str(SEED), *PUB, "-o", str(target)]), 0)
    assert target.read_text().startswith("# numcheck report")


def test_rules_lists_every_rule():
    result = run(["rules"])
    assert_code(result, 0)
    ids = [line.split()[0] for line in result.stdout.splitlines()]
    assert ids == sorted(ids) and {"NC101", "NC102", "NC201", "NC501"} <= set(ids)


def test_explain_a_rule():
    result = run(["explain", "nc101"])
    assert result.exit_code == 0 and result.stdout.startswith("NC101 conflicting-figure (conflict, warning)")
    assert "fires on:" in result.stdout and "quiet on:" in result.stdout


def test_explain_an_unknown_rule_lists_the_rules():
    result = run(["explain", "NC999"])
    assert result.exit_code == 2 and "NC101" in result.stderr


@pytest.mark.parametrize("command", ["report", "check", "export", "rules", "explain", "ingest", "baseline"])
def test_help_has_an_example(command):
    result = run([command, "--help"])
    assert_code(result, 0)
    assert "Example:" in result.stdout and "numcheck" in result.stdout


def test_golden_seed_report_is_current(monkeypatch):
    """reports/seed.md is what the README command writes; regenerate it when this fails."""
    monkeypatch.chdir(ROOT)
    result = run(["report", "seeds/", *PUB])
    assert result.stdout == (ROOT / "reports" / "seed.md").read_text(encoding="utf-8")


def test_written_files_get_ordinary_permissions(tmp_path):
    import os
    import stat

    target = tmp_path / "r.md"
    run(["report", str(SEED), *PUB, "-o", str(target)])
    mode = stat.S_IMODE(os.stat(target).st_mode)
    mask = os.umask(0)
    os.umask(mask)
    assert mode == 0o666 & ~mask
