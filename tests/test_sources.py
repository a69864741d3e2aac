"""One name per source across articles: the short name one story uses is the full name another gives."""
from __future__ import annotations

import pytest

from conftest import claims_of

from numcheck.pipeline import analyse


def _write(folder, name, outlet, published, text):
    (folder / f"{name}.md").write_text(f"---\nid: {name}\noutlet: {outlet}\npublished: {published}\n---\n{text}\n")


@pytest.mark.parametrize("full, short, name", [
    ("Ukrainian President Volodymyr Zelensky said", "Mr Zelensky said", "Volodymyr Zelensky"),
    ("Health minister Ana Lind said", "Ms Lind said", "Ana Lind"),
])
def test_a_short_name_takes_the_full_name_another_article_gives(tmp_path, full, short, name):
    _write(tmp_path, "a", "Kyiv Daily", "2024-11-01", f"{full} on Friday that 10,000 troops were in the region.")
    _write(tmp_path, "b", "Seoul Post", "2024-11-02", f"{short} on Saturday that 12,000 troops were in the region.")
    sources = {c.article: c.source for c in analyse([str(tmp_path)]).claims}
    assert sources == {"a": name, "b": name}


def test_two_people_with_one_surname_stay_apart(tmp_path):
    _write(tmp_path, "a", "Daily", "2024-11-01", "Health minister Anna Berg said 300 beds were free.")
    _write(tmp_path, "b", "Daily", "2024-11-01", "Opposition leader Lars Berg said 200 beds were free.")
    _write(tmp_path, "c", "Daily", "2024-11-02", "Mr Berg said on Saturday that 250 beds were free.")
    sources = {c.article: c.source for c in analyse([str(tmp_path)]).claims}
    assert sources["c"] == "Berg"  # two full names end in "Berg": which one is not ours to guess


@pytest.mark.parametrize("sentence, figure, kind", [
    ("On Wednesday, the Pentagon said 10,000 troops had been sent.", "10,000", "military"),
    ("South Korea's spy agency said 3,000 soldiers were in training.", "3,000", "intelligence"),
    ("An unnamed official said 40 people had been detained.", "40", "anonymous"),
    ("A diplomat in Varn who asked not to be named said 30 specialists would be sent.", "30", "anonymous"),
    ("\u201cThe lights were on 24 hours a day,\u201d said one resident, who asked not to be named.", "24 hours", "anonymous"),
    ("Reuters reported that 12 ships had been turned back.", "12", "media"),
    ("The health ministry said 42 people had been admitted to hospital.", "42", "government body"),
    ("Amnesty International said 300 protesters had been arrested.", "300", "organisation"),
    ("Energy minister Helen Carr said the farm would power 900,000 homes.", "900,000", "official"),
    ("A UN official said 30 aid trucks had entered the city.", "30", "official"),
    ("\u201cWe lost 40 homes,\u201d the mayor, Ana Petrov, said.", "40", "official"),
    ("The bridge, which opened in 1998, carries 40,000 cars a day.", "40,000", "outlet"),
])
def test_source_type(sentence, figure, kind, lex):
    claims = {c.figure.text: c for c in claims_of(sentence, lex=lex)}
    assert claims[figure].source_type == kind, (claims[figure].source, claims[figure].source_type)
