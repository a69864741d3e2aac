"""Extraction over several processes gives what one process gives, in the same order."""
from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import ROOT
from numcheck.cli import main

CORPUS = str(ROOT / "tests" / "corpus" / "articles")


def run(args):
    return CliRunner().invoke(main, args, catch_exceptions=False)


def test_jobs_2_equals_jobs_1():
    one = run(["export", CORPUS, "--format", "jsonl", "--jobs", "1"])
    two = run(["export", CORPUS, "--format", "jsonl", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) > 300


def test_check_with_jobs_gives_the_same_findings():
    one = run(["check", CORPUS, "--format", "json", "--jobs", "1"])
    two = run(["check", CORPUS, "--format", "json", "--jobs", "2"])
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_streaming_export_writes_chunks_with_one_header(tmp_path):
    from numcheck.pipeline import iter_claims
    from numcheck.render.table import write_claims

    out = tmp_path / "claims.csv"
    with out.open("w", encoding="utf-8") as handle:
        written = write_claims("csv", iter_claims([CORPUS]), handle, chunk=50)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert written > 300 and lines[0].startswith("article,sentence,start,end,line,text,")
    assert sum(1 for line in lines if line.startswith("article,sentence,")) == 1


def test_jsonl_archive_streams_through_export(tmp_path):
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as handle:
        for n in range(400):
            handle.write(json.dumps({"id": f"a{n}", "published": "2025-01-02",
                                     "text": f"Police said {n + 10} people were arrested."}) + "\n")
    result = run(["export", str(feed), "--format", "jsonl", "-o", str(tmp_path / "out.jsonl"), "--jobs", "2"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["value"] for r in rows] == [n + 10 for n in range(400)]
    assert rows[5]["line"] == 6 and rows[5]["article"] == "a5"


def test_jobs_2_really_uses_worker_processes(monkeypatch):
    import numcheck.pipeline as pipeline

    started = []
    real = pipeline.ProcessPoolExecutor

    class Recording(real):
        def __init__(self, workers, **kwargs):
            started.append(workers)
            super().__init__(workers, **kwargs)

    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", Recording)
    claims = list(pipeline.iter_claims([CORPUS], jobs=2))
    assert started == [2] and len(claims) > 300
