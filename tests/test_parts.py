"""Parts and wholes inside one sentence: which figures are parts of which."""
from __future__ import annotations

import pytest

from conftest import claims_of


@pytest.mark.parametrize("sentence, part, whole", [
    ("Hospitals admitted 860 patients with flu, including 540 aged over 65.", "540", "860"),
    ("Of the 150 seats, the alliance won 81.", "81", "150"),
    # an opener that names what it breaks down points at the figure that counts it
    ("The coastguard rescued 1,230 people over the weekend in 19 operations. Of those rescued, 810 were men.",
     "810", "1,230"),
    ("Labs confirmed 2,260 cases, up from 1,900, in 40 towns. Of those cases, 1,380 were in Nadu.", "1,380", "2,260"),
    # "Of those", "Of the total": not a goal, nor a figure too small to hold the part
    ("Builders completed 18,400 homes last year, short of the goal of 25,000 a year. Of those, 11,200 were in the north.",
     "11,200", "18,400"),
    ("The state presented a ₹2.85 lakh crore budget, and ₹18,000 crore would go to irrigation. "
     "Of the total, ₹62,400 crore is earmarked for education.", "₹62,400 crore", "₹2.85 lakh crore"),
])
def test_a_part_points_at_its_whole(sentence, part, whole, lex):
    claims = {c.figure.text: c for c in claims_of(sentence, lex=lex)}
    assert claims[part].part_of == claims[whole].id


def test_a_part_counts_what_its_whole_counts(lex):
    claims = {c.figure.text: c for c in claims_of(
        "The coastguard rescued 1,230 people in 19 operations. Of those rescued, 810 were men.", lex=lex)}
    assert claims["810"].counted == "person"


@pytest.mark.parametrize("sentence, age", [
    ("The clinic treated 700 patients. Of those, 420 were aged over 65 and 150 were children under 12.", "under 12"),
    ("Shelters took in 2,000 people. Of those, 600 were children under 18 and 300 were pensioners over 70.",
     "over 70"),
])
def test_an_age_is_never_a_part(sentence, age, lex):
    claims = {c.figure.text: c for c in claims_of(sentence, lex=lex)}
    assert age in claims, list(claims)
    assert claims[age].part_of == ""
