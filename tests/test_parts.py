"""Parts and wholes inside one sentence: which figures are parts of which."""
from __future__ import annotations

import pytest

from conftest import claims_of


@pytest.mark.parametrize("sentence, part, whole", [
    ("Hospitals admitted 860 patients with flu, including 540 aged over 65.", "540", "860"),
    ("Of the 150 seats, the alliance won 81.", "81", "150"),
])
def test_a_part_points_at_its_whole(sentence, part, whole, lex):
    claims = {c.figure.text: c for c in claims_of(sentence, lex=lex)}
    assert claims[part].part_of == claims[whole].id


@pytest.mark.parametrize("sentence, age", [
    ("The clinic treated 700 patients. Of those, 420 were aged over 65 and 150 were children under 12.", "under 12"),
    ("Shelters took in 2,000 people. Of those, 600 were children under 18 and 300 were pensioners over 70.",
     "over 70"),
])
def test_an_age_is_never_a_part(sentence, age, lex):
    claims = {c.figure.text: c for c in claims_of(sentence, lex=lex)}
    assert age in claims, list(claims)
    assert claims[age].part_of == ""
