from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from numcheck import lexicon
from numcheck.extract import extract
from numcheck.model import Article

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_7b0e9a8535a782d9.txt"
SEED_PUBLISHED = date(2024, 11, 1)


@pytest.fixture(scope="session")
def lex():
    return lexicon.load()


def claims_of(text: str, published: date | None = date(2024, 11, 1), outlet: str = "The Daily Ledger",
              lex=None):
    """Sentence in, claims out: the helper every example test uses."""
    article = Article(id="t", path="t.md", text=text, outlet=outlet, published=published)
    return extract(article, lex or lexicon.load())
