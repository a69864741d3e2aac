"""The example tables in tests/cases/: a sentence in, the figures and their
sources and dates out, one test per case."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import claims_of
from numcheck.names import same_source

CASES = Path(__file__).parent / "cases"


def _load(name):
    cases = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    return [pytest.param(case, id=f"{i:03d}-{case['form']}") for i, case in enumerate(cases)]


def _close(a, b):
    return abs(float(a) - float(b)) <= 1e-3 * max(1.0, abs(float(b)))


@pytest.mark.parametrize("case", _load("figures.yaml") + _load("counted.yaml"))
def test_figures(case, lex):
    claims = claims_of(case["sentence"], lex=lex)
    got = [(c.figure.text, c.figure.value, c.figure.approx, c.figure.unit, c.counted) for c in claims]
    want = case["figures"] or []
    assert [g[0] for g in got] == [w["text"] for w in want], got
    for claim, w in zip(claims, want):
        f = claim.figure
        assert _close(f.value, w["value"]), (f.text, f.value)
        assert f.approx == w["approx"], (f.text, f.approx)
        assert f.unit == (w.get("unit") or ""), (f.text, f.unit)
        assert claim.counted == (w.get("counted") or ""), (f.text, claim.counted)
        if "low" in w:
            assert f.low is not None and _close(f.low, w["low"]), (f.text, f.low)
        if "high" in w:
            assert f.high is not None and _close(f.high, w["high"]), (f.text, f.high)
        assert claim.figure.text == case["sentence"][f.start:f.end]


@pytest.mark.parametrize("case", _load("attribution.yaml"))
def test_attribution(case, lex):
    published = case["published"]
    claims = claims_of(case["text"], published=published, outlet=case.get("outlet", "The Daily Ledger"), lex=lex)
    by_text = {}
    for c in claims:
        by_text.setdefault(c.figure.text, []).append(c)
    for w in case["figures"]:
        found = by_text.get(w["text"])
        assert found, f"figure {w['text']!r} not found; got {[c.figure.text for c in claims]}"
        claim = found[w.get("nth", 1) - 1] if len(found) >= w.get("nth", 1) else found[0]
        assert same_source(claim.source, str(w["source"]), lex), (w["text"], claim.source)
        assert same_source(claim.via, str(w.get("via") or ""), lex), (w["text"], claim.via)
        said_on = w.get("said_on")
        assert claim.said_on == (said_on if isinstance(said_on, date) or said_on is None else date.fromisoformat(said_on)), \
            (w["text"], claim.said_on, claim.said_on_grain)
        assert claim.said_on_grain == (w.get("said_on_grain") or ""), (w["text"], claim.said_on_grain)


@pytest.mark.parametrize("case", _load("dates.yaml"))
def test_dates(case, lex):
    """When each figure was said (said_on, its grain) and the period it is about (refers_to)."""
    claims = claims_of(case["text"], published=case["published"], lex=lex)
    by_text = {c.figure.text: c for c in claims}
    for w in case["figures"]:
        claim = by_text.get(w["text"])
        assert claim is not None, f"figure {w['text']!r} not found; got {list(by_text)}"
        got = (claim.said_on, claim.said_on_grain, claim.refers_to)
        assert got == (w["said_on"], w["grain"], str(w["refers_to"])), (w["text"], got)
