"""numcheck.toml and [tool.numcheck]: a newsroom's defaults, overridden on the command line."""
from __future__ import annotations

from click.testing import CliRunner

from conftest import SEED
from numcheck.cli import main


def run(args):
    return CliRunner().invoke(main, args, catch_exceptions=False)


def test_fail_on_from_numcheck_toml_found_upward(tmp_path, monkeypatch):
    (tmp_path / "numcheck.toml").write_text('fail-on = "error"\npublished = "2024-11-01"\n')
    nested = tmp_path / "desk" / "today"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    assert run(["check", str(SEED)]).exit_code == 0  # only a warning: below "error"
    assert run(["check", str(SEED), "--fail-on", "warning"]).exit_code == 1  # the command line wins


def test_tool_numcheck_in_pyproject_and_relative_paths(tmp_path, monkeypatch):
    rules = tmp_path / "house-rules" / "checks"
    rules.mkdir(parents=True)
    (rules / "NC101-conflicting-figure.yaml").write_text(
        "id: NC101\nname: conflicting-figure\nkind: conflict\nlevel: error\n"
        "message: '{quantity}: {a.text} vs {b.text}'\nmatch: {same: [quantity, unit], different: [source]}\n"
        "window_days: 2\n")
    (tmp_path / "pyproject.toml").write_text('[tool.numcheck]\nrules = ["house-rules"]\nfail-on = "error"\n')
    monkeypatch.chdir(tmp_path)
    result = run(["check", str(SEED), "--published", "2024-11-01"])
    assert result.exit_code == 1 and " error NC101 " in result.stdout


def test_unknown_setting_is_a_clear_error(tmp_path, monkeypatch):
    (tmp_path / "numcheck.toml").write_text('colour = "red"\n')
    monkeypatch.chdir(tmp_path)
    result = run(["check", str(SEED)])
    assert result.exit_code == 2 and "unknown setting 'colour'" in result.stderr
