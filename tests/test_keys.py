"""Quantity keys: which quantity a figure is about (class/subject/place@period)."""
from __future__ import annotations

from datetime import date

import pytest

from conftest import claims_of


def _key(text: str, figure: str, lex, published=date(2025, 11, 18)) -> str:
    claims = {c.figure.text: c for c in claims_of(text, published=published, lex=lex)}
    assert figure in claims, list(claims)
    return claims[figure].quantity


@pytest.mark.parametrize("text, figure, key", [
    # a gapped figure names its own event: 22 wounded are not 22 deaths
    ("Fourteen soldiers were killed and 22 wounded near Kelmira on Monday, the army said.", "22", "injury/-/kelmira"),
    # ... and where and when the gapped clause says are the first figure's too
    ("Fourteen soldiers were killed and 22 wounded near Kelmira on Monday, the army said.", "Fourteen",
     "death/-/kelmira"),
    ("Police arrested 40 people and 12 were charged after the match.", "12", "arrest/-/-"),
    # killings and homicides are one count of crimes
    ("Varrow recorded 61 homicides last year, police said.", "61", "homicide/-/-@2024"),
    ('"Fifty-three killings are still too many," she said.', "Fifty-three", "homicide/-/-"),
    # a disease that sickened people counts cases
    ("Typhoid fever has sickened 1,470 people in Ebbo, the ministry said.", "1,470", "case/-/ebbo"),
    ("Cholera has sickened 300 people since the outbreak was declared in mid-October.", "300", "case/-/-@2025-10/"),
    # a baseline counted back from the figures around it is before their period
    ("Burglaries in Halden fell to 4,210 last year from 5,030 the year before, police said.", "5,030",
     "burglary/-/halden@<2024"),
    ("Burglaries in Halden fell to 4,210 last year from 5,030 a year earlier, police said.", "5,030",
     "burglary/-/halden@<2024"),
    ("Burglaries in Halden fell to 4,210 last year from 5,030 in 2022, police said.", "5,030",
     "burglary/-/halden@2022"),
    # a place next to another is where the figure is, as the sentence's subject or after "in"
    ("Neighbouring Carvennia registered 21,000 irregular arrivals, its border agency said.", "21,000",
     "arrival/-/carvennia"),
    ("The virus was found at three farms in neighbouring Dalvin province.", "three", "farm/-/dalvin"),
    # ... not where things went
    ("About 4,000 people crossed into neighbouring Rukwa.", "About 4,000", "person/-/-"),
    # a number that names a line or route names the subject
    ("Castelmar's new Line 7 tram carried an average of 31,000 passengers a day.", "31,000",
     "passenger-per-day/line-7/-"),
    ("Bus route 31, which the tram replaced, carried about 19,000 passengers a day.", "about 19,000",
     "passenger-per-day/route-31/-"),
])
def test_quantity_key(text, figure, key, lex):
    assert _key(text, figure, lex) == key


def test_a_dateline_pins_no_figure_to_its_day(lex):
    text = "DRAVOS, Nov 18 (LWS) - Fourteen soldiers were killed in an ambush, the army said."
    claims = claims_of(text, published=date(2025, 11, 18), lex=lex)
    assert claims[0].refers_to == ""
