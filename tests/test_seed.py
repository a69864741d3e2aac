"""The seed article, as design.md works it through."""
from __future__ import annotations

from datetime import date

import pytest

from conftest import SEED, SEED_PUBLISHED
from numcheck import pipeline


@pytest.fixture(scope="module")
def result():
    return pipeline.analyse([str(SEED)], published=SEED_PUBLISHED)


def by_text(result):
    return {(c.figure.text, c.source): c for c in result.claims}


def test_exactly_the_six_figures(result):
    values = sorted(c.figure.value for c in result.claims)
    assert values == [3000, 3000, 10000, 10000, 11000, 12000]
    assert not any("third" in c.figure.text for c in result.claims)  # "a third country" is no figure


@pytest.mark.parametrize("text, counted, source, via, said_on, grain, modality", [
    ("some 11,000", "soldier", "South Korean official", "Reuters", date(2024, 11, 1), "day", "stated"),
    ("over 3,000", "soldier", "South Korean official", "Reuters", date(2024, 11, 1), "day", "stated"),
    ("3,000", "soldier", "National Intelligence Service", "", date(2024, 10, 21), "week", "stated"),
    ("12,000", "troop", "National Intelligence Service", "", date(2024, 10, 21), "week", "planned"),
    ("10,000", "troop", "Pentagon", "", date(2024, 10, 30), "day", "stated"),
    ("around 10,000", "soldier", "Volodymyr Zelensky", "", date(2024, 11, 1), "day", "planned"),
])
def test_each_figure_has_its_noun_source_and_date(result, text, counted, source, via, said_on, grain, modality):
    claim = by_text(result)[(text, source)]
    assert (claim.counted, claim.via, claim.said_on, claim.said_on_grain, claim.modality) == \
        (counted, via, said_on, grain, modality)


def test_one_quantity_for_the_troops_sent(result):
    wholes = {c.quantity for c in result.claims if not c.part_of}
    assert wholes == {"troop/north-korea/russia"}


def test_over_3000_of_them_is_a_part_of_the_11000(result):
    part = next(c for c in result.claims if c.figure.text == "over 3,000")
    whole = next(c for c in result.claims if c.figure.text == "some 11,000")
    assert part.part_of == whole.id


def test_one_conflict_11000_against_10000(result):
    conflicts = [f for f in result.findings if f.kind == "conflict"]
    assert len(conflicts) == 1
    assert sorted(conflicts[0].values) == [10000, 11000]
    assert {c.source for c in conflicts[0].claims} == {"Pentagon", "South Korean official"}


def test_one_drift_series_in_date_order(result):
    drifts = [f for f in result.findings if f.kind == "drift"]
    assert len(drifts) == 1
    assert list(drifts[0].values) == [3000, 10000, 11000]


def test_no_alarm_for_the_plan_or_the_part(result):
    for finding in result.findings:
        assert 12000 not in finding.values
        assert not any(c.part_of for c in finding.claims)
    assert not [f for f in result.findings if f.kind == "part-whole"]
