"""The Dask engine gives the same claims, in the same order, and the same findings as one process."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from numcheck import findings, lexicon, rulebook  # noqa: E402
from numcheck.engines import dask_engine  # noqa: E402
from numcheck.extract import extract  # noqa: E402
from numcheck.read import read_paths  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PATHS = [str(ROOT / "seeds"), str(ROOT / "tests" / "corpus" / "articles")]
PUBLISHED = datetime.date(2024, 11, 1)


def test_dask_engine_matches_one_process(tmp_path):
    lex = lexicon.load(())
    expected = [c for a in read_paths(PATHS, PUBLISHED, None) for c in extract(a, lex)]
    assert len(expected) > 50  # the corpus gives the engine something to do

    out = tmp_path / "claims"
    # Small partitions, so the articles are spread over many parts and both workers.
    claims, found = dask_engine.analyse(PATHS, published=PUBLISHED, out_dir=str(out), partition_size=4)

    assert len(list(out.glob("*.parquet"))) > 1
    assert claims == expected  # exact, field by field, and in the same order
    assert found == findings.run(rulebook.load(()), expected)
    assert found  # the corpus has findings, so the comparison means something

    # The Parquet can be read again on its own, and rerunning into the same folder replaces it.
    assert dask_engine.read_claims(str(out)) == expected
