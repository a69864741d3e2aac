"""The records that cross module borders: Article -> Figure -> Claim -> Finding.

Every stage is a pure function of these (plus the loaded rules), so a corpus can
be mapped over processes or a cluster without changing the stages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from bisect import bisect_right


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    path: str
    text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: date | None = None
    # Lines of the file before the body (front matter), so claims can point at file lines.
    body_line: int = 1
    # When the body does not map line for line onto the file (JSONL, HTML), every
    # claim points at this line instead.
    fixed_line: int | None = None

    def line_of(self, offset: int) -> int:
        if self.fixed_line is not None:
            return self.fixed_line
        return self.body_line + self.text.count("\n", 0, offset)


@dataclass(frozen=True, slots=True)
class Figure:
    start: int
    end: int
    text: str
    value: float
    low: float | None
    high: float | None
    approx: str  # = ~ > >= < <= range
    unit: str = ""
    # Half-width of the rounding a reader allows from how the number is written
    # (1.2bn -> 0.05bn); 0 where the figure is written exactly.
    precision: float = 0.0


@dataclass(frozen=True, slots=True)
class Claim:
    article: str
    path: str
    published: date | None
    sentence: int
    sentence_text: str
    line: int
    figure: Figure
    counted: str = ""
    quantity: str = ""
    source: str = ""
    source_type: str = ""
    via: str = ""
    said_on: date | None = None
    said_on_grain: str = ""
    modality: str = "stated"
    refers_to: str = ""
    part_of: str = ""  # id of the claim this figure is a part of ("3,000 of them")
    dated: bool = False  # said_on comes from the text ("on Wednesday"), not from the publication date

    @property
    def id(self) -> str:
        return f"{self.article}:{self.figure.start}"


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    name: str
    kind: str
    level: str
    quantity: str
    claims: tuple[Claim, ...]
    message: str
    why: str = ""

    @property
    def values(self) -> tuple[float, ...]:
        return tuple(c.figure.value for c in self.claims)


LEVELS = ("info", "warning", "error")


def level_rank(level: str) -> int:
    return LEVELS.index(level)


def line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def line_at(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset)
