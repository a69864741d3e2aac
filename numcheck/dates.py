"""Time expressions in a sentence, resolved against the publication date.

We find the expressions ourselves (dateparser's search over free text takes
"may" and "we" for dates) and resolve the relative ones by the calendar, keeping
their grain: "last week" is the week before, starting on Monday, not a day.
Explicit dates ("Oct 30", "30 October 2024") go to dateparser, one call per
distinct phrase and publication date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .lexicon import Lexicon, alternation


_SINCE = re.compile(r"\b(?:since|until|till|to|ending|through)\s+$", re.I)


@dataclass(frozen=True, slots=True)
class TimeExpr:
    start: int
    end: int
    text: str
    kind: str  # relative | weekday | month | day | ago | year


def _compile(lex: Lexicon) -> re.Pattern:
    d = lex["dates"]
    months = [m for m in lex["nonfigures"]["months"] if m != "may"]
    month = alternation([m.capitalize() for m in months] + ["May"], boundary=False)
    weekday = alternation([w.capitalize() for w in d["weekdays"]], boundary=False)
    relative = alternation(d["relative"], boundary=False)
    numbers = list(lex["numbers"]["units"]) + list(lex["numbers"]["tens"])
    count = rf"(?i:\d+|{alternation(numbers, boundary=False)}|a|an)"
    units = alternation(d["ago_units"], boundary=False)
    parts = [
        rf"(?P<day>(?:{month})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?!\d)"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{month})\.?(?:,?\s+\d{{4}})?(?!\d))",
        rf"(?P<month>(?:(?<=in\s)|(?<=In\s)|(?<=since\s)|(?<=Since\s)|(?<=early\s)|(?<=Early\s)|(?<=late\s)|(?<=Late\s)|(?<=mid-)|(?<=during\s)|(?<=During\s)|(?<=until\s)|(?<=by\s)|(?<=By\s))"
        rf"(?:{month})(?:\s+\d{{4}})?(?!\s+\d{{1,2}}\b))",
        rf"(?P<weekday>(?:(?:last|this|on|next|late\s+on|early\s+on|on\s+the\s+night\s+of)\s+)?(?:{weekday})(?:\s+(?:morning|afternoon|evening|night))?(?!\s+[A-Z]))",
        rf"(?P<ago>{count}\s+(?:{units})\s+ago)",
        rf"(?P<relative>(?i:{relative}))",
        r"(?P<year>(?:(?<=in\s)|(?<=In\s))(?:1[89]\d\d|20\d\d)(?![\d-])|(?:1[89]\d\d|20\d\d)(?=(?:'s)?\s+[a-z]))",
    ]
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])")


def find(text: str, lex: Lexicon, start: int = 0, end: int | None = None) -> list[TimeExpr]:
    """Time expressions in ``text[start:end]``, with offsets into ``text``."""
    rx = lex.regex("dates", _compile)
    found = []
    for m in rx.finditer(text, start, len(text) if end is None else end):
        if m.lastgroup in ("weekday", "day") and _SINCE.search(text, max(0, m.start() - 7), m.start()):
            continue  # "since Tuesday's failure", "the week to Sunday": a bound, not the day itself
        found.append(TimeExpr(m.start(), m.end(), m.group(0), m.lastgroup or "relative"))
    return found


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, 1)


def resolve(expr: TimeExpr, published: date | None, lex: Lexicon) -> tuple[date | None, str]:
    """The first day of the period ``expr`` names, and its grain (day/week/month/year)."""
    return _resolve(expr.text, expr.kind, published, lex)


@lru_cache(maxsize=4096)
def _resolve(text: str, kind: str, published: date | None, lex: Lexicon) -> tuple[date | None, str]:
    low = text.lower()
    if kind == "year":
        return date(int(text[:4]), 1, 1), "year"
    if kind == "relative":
        rule = lex["dates"]["relative"].get(low)
        if rule is None or published is None:
            return None, (rule or {}).get("grain", "")
        grain = rule["grain"]
        if grain == "day":
            return published + timedelta(days=rule.get("days", 0)), "day"
        if grain == "week":
            return _monday(published) + timedelta(weeks=rule.get("weeks", 0)), "week"
        if grain == "month":
            return _add_months(published.replace(day=1), rule.get("months", 0)), "month"
        return date(published.year + rule.get("years", 0), 1, 1), "year"
    if kind == "weekday":
        if published is None:
            return None, "day"
        names = lex["dates"]["weekdays"]
        wanted = next(i for i, name in enumerate(names) if name in low)
        back = (published.weekday() - wanted) % 7
        if low.startswith("last "):
            back = back or 7
        if low.startswith("next "):
            return published + timedelta(days=(wanted - published.weekday()) % 7 or 7), "day"
        return published - timedelta(days=back), "day"
    if kind == "ago":
        if published is None:
            return None, "day"
        count_word, unit = low.split()[:2]
        numbers = {**lex["numbers"]["units"], **lex["numbers"]["tens"], "a": 1, "an": 1}
        n = int(count_word) if count_word.isdigit() else numbers.get(count_word, 1)
        grain = lex["dates"]["ago_units"][unit]
        if grain == "day":
            return published - timedelta(days=n), "day"
        if grain == "week":
            return _monday(published - timedelta(weeks=n)), "week"
        if grain == "month":
            return _add_months(published.replace(day=1), -n), "month"
        return date(published.year - n, 1, 1), "year"
    if kind == "month":
        months = lex["nonfigures"]["months"]
        words = low.split()
        month = months[words[0].rstrip(".")]
        if len(words) > 1 and words[1].isdigit():
            return date(int(words[1]), month, 1), "month"
        if published is None:
            return None, "month"
        year = published.year if month <= published.month else published.year - 1
        return date(year, month, 1), "month"
    if kind == "day":
        return _explicit_day(text, published)
    return None, ""


def _explicit_day(text: str, published: date | None) -> tuple[date | None, str]:
    has_year = bool(re.search(r"\d{4}", text))
    if published is None and not has_year:
        return None, "day"
    import dateparser  # imported here: it costs a tenth of a second and most articles never need it

    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if published is not None:
        from datetime import datetime
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    cleaned = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text).replace(" of ", " ")
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)
    if parsed is None:
        return None, "day"
    return parsed.date(), "day"
