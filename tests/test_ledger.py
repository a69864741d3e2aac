"""The claims ledger: a real SQLite file in a temporary folder."""
from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from numcheck import ledger as ledger_mod
from numcheck.cli import main

DAY1 = """---
id: floods-day1
outlet: The Valley Post
published: 2025-04-01
---
Flooding in the Varna valley has killed 12 people, the regional civil protection agency said on Tuesday.
Some 800 homes were evacuated overnight.
"""
DAY3 = """---
id: floods-day3
outlet: Daily Meridian
published: 2025-04-03
---
The number of people killed by the floods in the Varna valley has risen to 31, the civil protection agency said on Thursday.
"""
DAY7 = """---
id: floods-day7
outlet: The Valley Post
published: 2025-04-07
---
On Thursday, the interior ministry put the number of people killed in the Varna valley at 22.
The civil protection agency said on Monday that 58 people had now died in the floods in the Varna valley.
"""


def run(args):
    return CliRunner().invoke(main, args, catch_exceptions=False)


@pytest.fixture
def story(tmp_path):
    paths = {}
    for name, text in (("day1", DAY1), ("day3", DAY3), ("day7", DAY7)):
        paths[name] = tmp_path / f"{name}.md"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def claim_count(db):
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM claims").fetchone()[0]


def test_ingest_then_reingest_adds_nothing(tmp_path, story):
    db = str(tmp_path / "ledger.db")
    first = run(["ingest", str(story["day1"]), str(story["day3"]), "--ledger", db])
    assert first.exit_code == 0 and first.stdout.startswith("2 added, 0 replaced, 0 unchanged")
    count = claim_count(db)
    again = run(["ingest", str(story["day1"]), str(story["day3"]), "--ledger", db])
    assert again.stdout.startswith("0 added, 0 replaced, 2 unchanged")
    assert claim_count(db) == count == 3


def test_an_edited_article_has_its_claims_replaced(tmp_path, story):
    db = str(tmp_path / "ledger.db")
    run(["ingest", str(story["day1"]), "--ledger", db])
    story["day1"].write_text(DAY1.replace("killed 12 people", "killed 14 people"), encoding="utf-8")
    result = run(["ingest", str(story["day1"]), "--ledger", db])
    assert result.stdout.startswith("0 added, 1 replaced")
    with ledger_mod.Ledger.open(db) as store:
        values = sorted(c.figure.value for c in store.claims())
    assert values == [14, 800]


def test_a_crash_mid_write_leaves_the_ledger_as_it_was(tmp_path, story, monkeypatch):
    db = str(tmp_path / "ledger.db")
    run(["ingest", str(story["day1"]), "--ledger", db])
    before = claim_count(db)
    story["day1"].write_text(DAY1.replace("killed 12 people", "killed 14 people"), encoding="utf-8")
    calls = {"n": 0}
    real = ledger_mod._claim_to_json

    def crash_on_second(claim):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # the power goes off half-way through the article
        return real(claim)

    monkeypatch.setattr(ledger_mod, "_claim_to_json", crash_on_second)
    result = CliRunner().invoke(main, ["ingest", str(story["day1"]), "--ledger", db])
    assert result.exit_code == 2
    monkeypatch.undo()
    with ledger_mod.Ledger.open(db) as store:
        assert sorted(c.figure.value for c in store.claims()) == [12, 800]
    assert claim_count(db) == before


def test_two_processes_ingesting_at_once_lose_nothing(tmp_path):
    db = str(tmp_path / "ledger.db")
    folders = []
    for job in range(2):
        folder = tmp_path / f"job{job}"
        folder.mkdir()
        for n in range(15):
            (folder / f"a{job}-{n}.md").write_text(
                f"---\npublished: 2025-04-0{1 + n % 9}\n---\nPolice said {n + 10} people were arrested "
                f"and {n + 200} homes were searched in district {job}-{n}.\n", encoding="utf-8")
        folders.append(folder)
    jobs = [subprocess.Popen([sys.executable, "-m", "numcheck", "ingest", str(f), "--ledger", db],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for f in folders]
    for job in jobs:
        out, err = job.communicate(timeout=120)
        assert job.returncode == 0, err
    with ledger_mod.Ledger.open(db) as store:
        assert len(store.articles()) == 30
        assert len(store.claims()) == 60


def test_day7_against_the_ledger_names_day3_and_the_drift_from_day1(tmp_path, story):
    db = str(tmp_path / "ledger.db")
    run(["ingest", str(story["day1"]), str(story["day3"]), "--ledger", db])
    result = run(["check", str(story["day7"]), "--ledger", db, "--format", "json"])
    assert result.exit_code == 1
    import json
    findings = json.loads(result.stdout)["findings"]
    conflict = next(f for f in findings if f["kind"] == "conflict")
    assert set(conflict["articles"].split("; ")) == {"floods-day7", "floods-day3"}
    assert "civil protection agency" in conflict["sources"] and "interior ministry" in conflict["sources"]
    assert conflict["values"] in ("22; 31", "31; 22")
    drift = next(f for f in findings if f["kind"] == "drift")
    assert drift["articles"].startswith("floods-day1") and drift["values"].startswith("12; ")
    assert drift["values"].endswith("58")


def test_changed_only_skips_what_the_ledger_holds(tmp_path, story):
    db = str(tmp_path / "ledger.db")
    run(["ingest", str(story["day1"]), str(story["day3"]), "--ledger", db])
    result = run(["check", str(story["day1"]), str(story["day3"]), "--ledger", db, "--changed-only"])
    assert result.exit_code == 0 and "2 article(s) unchanged" in result.stderr


def test_export_the_whole_ledger(tmp_path, story):
    db = str(tmp_path / "ledger.db")
    run(["ingest", str(story["day1"]), str(story["day3"]), str(story["day7"]), "--ledger", db])
    result = run(["export", "--ledger", db, "--format", "jsonl"])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == claim_count(db)


def test_not_a_ledger_is_a_clear_error(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("not sqlite at all " * 100)
    result = run(["export", "--ledger", str(bogus)])
    assert result.exit_code == 2 and "not a numcheck ledger" in result.stderr
