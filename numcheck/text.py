"""Cutting a body into sentences, with offsets kept."""
from __future__ import annotations

import re

from .lexicon import Lexicon

# An end of sentence: . ! or ? (then closing quotes or brackets), then space and a
# capital, a digit or an opening quote; a line break always ends a sentence.
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n+")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")


def sentences(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of ``text``, leading blanks trimmed."""
    abbreviations = lex.wordset("text", "abbreviations")
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group(0)[0] == ".":
            word = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if word and (word.group(1).lower().rstrip(".") in abbreviations
                         or len(word.group(1)) == 1 and word.group(1).isupper()):
                continue
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        _push(text, start, end, spans)
        start = m.end()
    _push(text, start, len(text), spans)
    return spans


def _push(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (curly or straight), marks excluded.

    An opening mark with no closing one runs to the end of the paragraph, as a
    quote continued into the next paragraph does in print.
    """
    spans = []
    for m in re.finditer(r"“([^”\n]*)(?:”|$)|\"([^\"\n]*)(?:\"|$)", text, re.M):
        group = 1 if m.group(1) is not None else 2
        spans.append((m.start(group), m.end(group)))
    return spans
