"""The evaluation command's scoring: when a predicted source counts as the gold one,
and the figures it prints for a tiny labelled corpus."""
from __future__ import annotations

import pytest
import yaml

from numcheck.evaluate import report, same_source


@pytest.mark.parametrize("predicted, gold", [
    ("Volodymyr Zelensky", "Volodymyr Zelensky"),
    ("Zelensky", "Volodymyr Zelensky"),
    ("official", "South Korean official"),
    ("the Pentagon", "Pentagon"),
    ("UN", "United Nations"),                                  # an alias from rules/vocab/sources.yaml
    ("Department of Forestry and Fire Protection", "state Department of Forestry and Fire Protection"),
])
def test_the_same_source(predicted, gold, lex):
    assert same_source(predicted, gold, lex)


@pytest.mark.parametrize("predicted, gold", [
    ("Office", "National Office for Risk and Disaster Management"),   # one word inside a long name
    ("Disaster Management", "National Office for Risk and Disaster Management"),
    ("National Office", "National Office for Risk and Disaster Management"),
    ("Red Cross", "International Committee of the Red Cross"),
    ("The Daily Ledger", "Pentagon"),
    ("", "Pentagon"),
])
def test_not_the_same_source(predicted, gold, lex):
    assert not same_source(predicted, gold, lex)


def test_report_prints_the_scores_of_a_small_corpus(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "a.md").write_text(
        "---\nid: a\noutlet: The Daily Ledger\npublished: 2024-11-01\n---\n"
        "The ministry said on Wednesday that 40 people had died. The 2023 flood was worse.\n", encoding="utf-8")
    gold = {"figures": [{"text": "40", "value": 40, "approx": "=", "unit": "", "counted": "person",
                         "source": "ministry", "via": "", "said_on": "2024-10-30", "said_on_grain": "day"},
                        {"text": "2023", "value": 2023, "approx": "=", "unit": "", "counted": "flood",
                         "source": "The Daily Ledger", "said_on": "2024-11-01"}]}
    (tmp_path / "gold" / "a.yaml").write_text(yaml.safe_dump(gold), encoding="utf-8")
    out = report(tmp_path, tmp_path / "no-findings")
    # the year is not a figure: one hit, one miss, nothing spurious
    assert "figures      precision 1.000  recall 0.500  F1 0.667  (tp 1, fp 0, fn 1)" in out
    assert "counted noun accuracy 1.000  (1/1" in out
    assert "attribution accuracy  1.000  (1/1)" in out
    assert "date accuracy         1.000  (1/1)" in out
