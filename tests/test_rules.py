"""Rule files: every rule's own examples, and mistakes named by file, line and field."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from numcheck import findings, lexicon, rulebook
from numcheck.errors import RuleFileError
from numcheck.extract import extract
from numcheck.model import Article

RULES = rulebook.load()


def _examples():
    for rule in RULES:
        for i, text in enumerate(rule.examples_fail):
            yield pytest.param(rule, text, True, id=f"{rule.id}-fail-{i}")
        for i, text in enumerate(rule.examples_pass):
            yield pytest.param(rule, text, False, id=f"{rule.id}-pass-{i}")


@pytest.mark.parametrize("rule, text, fires", list(_examples()))
def test_rule_examples(rule, text, fires):
    article = Article(id="ex", path="ex.md", text=text, outlet="The Test", published=date(2025, 3, 7))
    claims = extract(article, lexicon.load())
    fired = findings.run((rule,), claims)
    assert bool(fired) == fires, [f.message for f in fired]


def test_every_rule_has_a_failing_and_a_passing_example():
    for rule in RULES:
        assert rule.examples_fail and rule.examples_pass, rule.id


def test_file_names_match_ids_and_names():
    for rule in RULES:
        assert Path(rule.path).stem == f"{rule.id}-{rule.name}"
        assert re.fullmatch(r"NC\d{3}", rule.id)
    assert len({r.id for r in RULES}) == len({r.name for r in RULES}) == len(RULES)


GOOD = """id: NC901
name: local-rule
kind: conflict
level: error
message: "{quantity}: {a.text} vs {b.text}"
match:
  same: [quantity, unit]
  different: [source]
window_days: 30
"""


@pytest.mark.parametrize("text, line, field", [
    (GOOD.replace("kind: conflict", "kind: guess"), 3, "kind"),
    (GOOD.replace("level: error", "level: fatal"), 4, "level"),
    (GOOD.replace("name: local-rule\n", ""), 1, "name"),
    (GOOD + "colour: red\n", 10, "colour"),
    (GOOD.replace("window_days: 30", "window_days: soon"), 9, "window_days"),
    (GOOD.replace("same: [quantity, unit]", "same: [quantity, mood]"), 7, "match.same"),
    (GOOD.replace("id: NC901", "id: X1"), 1, "id"),
    (GOOD.replace('message: "{quantity}', 'message: "{nothing}'), 5, "message"),
    ("id: NC901\nname: [unclosed\n", 2, "YAML"),
])
def test_bad_rule_file_names_file_line_and_field(tmp_path, text, line, field):
    (tmp_path / "NC901-local-rule.yaml").write_text(text)
    rulebook.load.cache_clear()
    with pytest.raises(RuleFileError) as err:
        rulebook.load((str(tmp_path),))
    message = str(err.value)
    assert f"NC901-local-rule.yaml:{line}" in message and field in message


def test_duplicate_id_in_one_folder(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD)
    (tmp_path / "b.yaml").write_text(GOOD.replace("local-rule", "other-rule"))
    rulebook.load.cache_clear()
    with pytest.raises(RuleFileError, match="duplicate rule id NC901"):
        rulebook.load((str(tmp_path),))


def test_a_new_rule_file_fires_with_no_code_change(tmp_path):
    """A newsroom rule: conflicts a month apart still count, for named sources."""
    (tmp_path / "NC901-local-rule.yaml").write_text(GOOD)
    rulebook.load.cache_clear()
    rules = rulebook.load((str(tmp_path),))
    text = ("The mayor said on Monday that 40 people were arrested in the riot. "
            "Police said last month that 90 people were arrested in the riot.")
    claims = extract(Article(id="x", path="x.md", text=text, published=date(2025, 3, 7)), lexicon.load())
    fired = [f for f in findings.run(rules, claims) if f.rule == "NC901"]
    assert len(fired) == 1 and sorted(fired[0].values) == [40, 90]


def test_override_by_id_changes_the_level(tmp_path):
    base = Path(next(r.path for r in RULES if r.id == "NC101")).read_text()
    (tmp_path / "NC101-conflicting-figure.yaml").write_text(base.replace("level: warning", "level: error"))
    rulebook.load.cache_clear()
    rules = {r.id: r for r in rulebook.load((str(tmp_path),))}
    assert rules["NC101"].level == "error"


def test_vocabulary_can_be_extended(tmp_path):
    (tmp_path / "vocab").mkdir()
    (tmp_path / "vocab" / "speech.yaml").write_text("verbs: [opined]\n")
    lexicon.load.cache_clear()
    lex = lexicon.load((str(tmp_path),))
    text = "The mayor opined that 40 people were arrested."
    claims = extract(Article(id="x", path="x.md", text=text, outlet="The Test"), lex)
    assert claims[0].source == "mayor"


def test_unknown_vocabulary_file_is_an_error(tmp_path):
    (tmp_path / "vocab").mkdir()
    (tmp_path / "vocab" / "colours.yaml").write_text("red: [scarlet]\n")
    lexicon.load.cache_clear()
    with pytest.raises(RuleFileError, match="unknown vocabulary 'colours'"):
        lexicon.load((str(tmp_path),))


# -- modality: what a modal verb before a figure makes of it ------------------------------------------
MODALITY = [
    ("The company said it would cut 1,200 jobs.", "planned"),
    ("The government will pay a £150 rebate to 900,000 households.", "planned"),
    ("The rate would be held at 2.9 per cent, the minister said.", "planned"),
    ("Growth would be 1.3% this year, she said.", "forecast"),
    ("The deal would save €180m a year, the chief executive said.", "forecast"),
    ("Bills could rise to £2,000 next year, analysts said.", "forecast"),
    ("Police said 40 people were killed in the blast.", "stated"),
]


@pytest.mark.parametrize("text, modality", MODALITY, ids=[m for _, m in MODALITY])
def test_modality(text, modality):
    lexicon.load.cache_clear()
    claims = extract(Article(id="m", path="m.md", text=text, outlet="The Test", published=date(2025, 3, 7)),
                     lexicon.load())
    assert claims[0].modality == modality, (claims[0].figure.text, claims[0].modality)


def test_a_forecast_is_set_against_what_is_stated_but_a_plan_is_not():
    lex = lexicon.load()
    forecast = ("The new metro line will cost $1.2bn, the transport ministry said on Tuesday.",
                "The cost of the new metro line is $2.3bn, the audit office said on Tuesday.")
    plan = ("The ministry said on Tuesday it would send 5,000 troops to the border.",
            "Some 2,000 troops are at the border, the army said on Tuesday.")
    for (a, b), fires in ((forecast, True), (plan, False)):
        articles = [Article(id=i, path=f"{i}.md", text=t, outlet="The Test", published=date(2025, 3, 7))
                    for i, t in (("a", a), ("b", b))]
        claims = [c for art in articles for c in extract(art, lex)]
        fired = [f for f in findings.run(RULES, claims) if f.rule == "NC101"]
        assert bool(fired) == fires, (a, [f.message for f in fired])


def test_a_prediction_beside_a_fact_in_one_article_is_no_drift():
    text = ("The 2023 heatwave killed 61 people across the region, when temperatures peaked at 44C. "
            "Forecasters expect temperatures to ease to about 35C by Sunday.")
    claims = extract(Article(id="h", path="h.md", text=text, outlet="The Test", published=date(2025, 7, 25)),
                     lexicon.load())
    assert not [f for f in findings.run(RULES, claims) if f.kind == "drift"]
