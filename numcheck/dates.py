"""Time expressions in a sentence, resolved against the publication date.

We find the expressions ourselves (dateparser's search over free text takes
"may" and "we" for dates) and resolve the relative ones by the calendar, keeping
their grain: "last week" is the week before, starting on Monday, not a day.
Explicit dates ("Oct 30", "30 October 2024") go to dateparser, one call per
distinct phrase and publication date.

A date names the past unless its clause looks forward ("the bridge will open in
June", "due to close next year"): then it is the next such date, and it tells what
a figure is about (refers_to), never when it was said.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .lexicon import Lexicon, alternation

# "the week to Sunday", "until March 3": an end we do not resolve
_UNTIL = re.compile(r"\b(?:until|till|to|ending|through)\s+$", re.I)
_SINCE = re.compile(r"\bsince\s+(?:(?:early|late|mid-?|the\s+(?:start|end|beginning|middle)\s+of)\s*)?$", re.I)
_BY = re.compile(r"\bby\s+(?:(?:early|late|mid-?|the\s+(?:start|end|beginning|middle)\s+of)\s*)?$", re.I)
# Where a clause starts: a forward cue ("will") counts only inside the date's own clause.
# ("would carry 30,000 vehicles when it opens in June": 'when', 'once', 'after' go on with it).
_CLAUSE_BREAK = re.compile(r",(?!\d)|[;:()“”\"—–]|\b(?:that|which|who|whom|while|whereas|but|because|although|though)\b",
                           re.I)
# A character no opening time's prefix ("From", "By", blanks, quotes) can lose: after one, a time
# does not open its sentence.
_NOT_OPENING = re.compile(r"[^\sFromBy\"“]")
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}


@dataclass(frozen=True, slots=True)
class TimeExpr:
    start: int
    end: int
    text: str
    kind: str  # relative | weekday | month | day | ago | year | quarter
    forward: bool = False  # in a clause that looks forward ("will open in June"): the next such date
    bound: str = ""  # since ("since February": from then on) | by (a deadline) | ref ("the lowest since 1991")


def _compile(lex: Lexicon) -> dict[str, re.Pattern]:
    d = lex["dates"]
    months = [m for m in lex["nonfigures"]["months"] if m != "may"]
    month = alternation([m.capitalize() for m in months] + ["May"], boundary=False)
    weekday = alternation([w.capitalize() for w in d["weekdays"]], boundary=False)
    relative = alternation(d["relative"], boundary=False)
    numbers = list(lex["numbers"]["units"]) + list(lex["numbers"]["tens"])
    count = rf"(?i:\d+|{alternation(numbers, boundary=False)}|a|an)"
    units = alternation(d["ago_units"], boundary=False)
    year = r"(?:1[89]\d\d|20\d\d)"
    before_month = "|".join(rf"(?<={w}\s)|(?<={w.capitalize()}\s)" for w in ("in", "since", "early", "late", "during", "its", "their",
                                                                            "until", "by", "from", "of", "next", "last", "this"))
    ordinal = alternation(d["quarter_ordinals"], boundary=False)
    parts = [
        rf"(?P<day>(?:{month})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{year})?(?!\d)"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{month})\.?(?:,?\s+{year})?(?!\d))",
        rf"(?P<month>(?=[A-Z])(?:{before_month}|(?<=mid-))"
        rf"(?:{month})(?:\s+{year})?(?!\s+\d{{1,2}}\b))",
        rf"(?P<weekday>(?:(?:last|this|on|next|late\s+on|early\s+on|on\s+the\s+night\s+of)\s+)?(?:{weekday})(?:\s+(?:morning|afternoon|evening|night))?(?!\s+[A-Z]))",
        rf"(?P<ago>{count}\s+(?:{units})\s+ago)",
        # "the first quarter", "third-quarter profit", "Q1 2024", "the first half of 2024"
        rf"(?P<quarter>(?i:(?:{ordinal})[\s-]+quarter|(?:last|this|next)\s+quarter)(?:\s+(?:of\s+)?{year})?"
        rf"|Q[1-4](?:\s+{year})?|(?i:(?:first|second)\s+half)\s+of\s+(?:{year}|(?:the|this|last|next)\s+year)"
        rf"|H[12]\s+{year})",
        rf"(?P<relative>(?i:{relative}))",
        rf"(?P<year>(?=[12])(?:(?<=in\s)|(?<=In\s)|(?<=since\s)|(?<=Since\s)|(?<=by\s)|(?<=By\s)){year}(?![\d-])"
        rf"|{year}(?=(?:'s)?\s+[a-z])|(?:(?<=the\s)|(?<=The\s)){year}(?=\s+[A-Z]))",  # the 2024 Olympics
    ]
    return {
        "find": re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])"),
        "forward": re.compile(rf"(?i)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)\b(?:{alternation(d['forward'], boundary=False)})\b"
                              r"(?!\s+have\b)"),
        "superlative": re.compile(rf"(?i)(?<!\bat\s)\b(?:\w+est|{alternation(d['superlatives'], boundary=False)})\b"
                                  r"(?:\s+[\w'’-]+){0,7}?\s+since\b[^,;]*$"),
        # "since the monsoon began on June 26": from that day on
        "forward_adjective": re.compile(rf"(?i)\b(?:{alternation(d['forward_adjectives'], boundary=False)})\s+"
                                        r"(?:[\w-]+\s+)?(?:(?:on|in|at)\s+)?$"),
        # "since the monsoon began on June 26", "since their peak in February", "since it was founded
        # in 2019": from that date on
        "since_event": re.compile(rf"(?i)\bsince\s+(?:[\w'’-]+\s+){{0,6}}?"
                                  rf"(?:(?:{alternation(d['event_starts'], boundary=False)})\s+(?:on\s+|in\s+)?|(?:on|in)\s+)"
                                  r"(?:(?:early|late|mid)-?\s*)?$"),
        "sport": re.compile(rf"(?i)\b(?:{alternation(d['not_a_quarter'], boundary=False)})\b"),
    }


def find(text: str, lex: Lexicon, start: int = 0, end: int | None = None) -> list[TimeExpr]:
    """Time expressions in ``text[start:end]``, with offsets into ``text``."""
    rx = lex.regex("dates", _compile)
    found = []
    stop = len(text) if end is None else end
    sport = None  # whether the sentence names a game ("12 points in the third quarter"): searched once
    content = _NOT_OPENING.search(text, start, stop)
    content = content.start() if content else stop  # text[start:content] may still be an opening's prefix
    for m in rx["find"].finditer(text, start, stop):
        kind = m.lastgroup or "relative"
        before = text[max(start, m.start() - 40):m.start()]
        if kind in ("weekday", "day") and _UNTIL.search(before[-8:]):
            continue  # "the week to Sunday": a bound, not the day itself
        if kind == "quarter":
            if sport is None:
                sport = rx["sport"].search(text, start, stop) is not None
            if sport:
                continue  # "12 points in the third quarter", "in the second half of the match"
        lookback = text[max(start, m.start() - 100):m.start()]
        bound = "since" if "since" in lookback and (_SINCE.search(before) or rx["since_event"].search(lookback)) \
            else "by" if _BY.search(before[-25:]) else ""
        if "since" in lookback and rx["superlative"].search(lookback):
            bound = "ref"  # "the lowest since the first free election in 1991": a yardstick, not the figure's time
        forward = False
        if kind in ("month", "day", "weekday", "quarter"):  # the others say which way they point
            breaks = [b.end() for b in _CLAUSE_BREAK.finditer(lookback)]
            forward = m.group(0).lower().startswith("next ") or bool(rx["forward_adjective"].search(before)) or \
                bool(rx["forward"].search(lookback, breaks[-1] if breaks else 0))
            if not forward and m.start() <= content \
                    and not text[start:m.start()].strip(" \n\"“").replace("From", "").replace("By", "").strip():
                # an opening time goes with the clause after it: "From 1 July, the tax will rise"
                after = _CLAUSE_BREAK.search(text, m.end() + 1, stop)
                forward = bool(rx["forward"].search(text[m.end():after.start() if after else stop]))
        found.append(TimeExpr(m.start(), m.end(), m.group(0), kind, forward, bound))
    return found


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, 1)


def resolve(expr: TimeExpr, published: date | None, lex: Lexicon) -> tuple[date | None, str]:
    """The first day of the period ``expr`` names, and its grain (day/week/month/quarter/half/year)."""
    return _resolve(expr.text, expr.kind, published, lex, expr.forward)


def can_be_said(expr: TimeExpr, published: date | None, lex: Lexicon) -> bool:
    """Whether ``expr`` can tell when something was said: not a year or quarter (the period a
    figure is about), not a bound ("since Friday"), not in a forward clause, not after publication."""
    if expr.kind in ("year", "quarter") or expr.forward or expr.bound:
        return False
    when, _ = resolve(expr, published, lex)
    return when is None or published is None or when <= published


def period(expr: TimeExpr, published: date | None, lex: Lexicon) -> str:
    """How refers_to writes the period ``expr`` names: 2023, 2023-05, 2023-Q1, 2023-H1 or
    2023-05-04; "since February" is an interval whose end the text leaves unsaid, 2023-02/ (ISO
    8601-2); weeks and yardsticks give ''."""
    if expr.bound == "ref":
        return ""
    when, grain = resolve(expr, published, lex)
    if when is None:
        return ""
    text = {"year": str(when.year), "month": f"{when:%Y-%m}", "day": when.isoformat(),
            "quarter": f"{when.year}-Q{(when.month - 1) // 3 + 1}", "half": f"{when.year}-H{(when.month - 1) // 6 + 1}",
            }.get(grain, "")
    return f"{text}/" if text and expr.bound == "since" else text


@lru_cache(maxsize=4096)
def _resolve(text: str, kind: str, published: date | None, lex: Lexicon,
             forward: bool = False) -> tuple[date | None, str]:
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
        ahead = (wanted - published.weekday()) % 7
        if low.startswith("next "):
            return published + timedelta(days=ahead or 7), "day"
        if forward:
            return published + timedelta(days=ahead), "day"
        back = (published.weekday() - wanted) % 7
        if low.startswith("last "):
            back = back or 7
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
        words = low.split()
        month = lex["nonfigures"]["months"][words[0].rstrip(".")]
        if len(words) > 1 and words[1].isdigit():
            return date(int(words[1]), month, 1), "month"
        return _latest_or_next(month, published, forward), "month"
    if kind == "quarter":
        return _quarter(low, published, forward)
    if kind == "day":
        return _explicit_day(text, published, forward)
    return None, ""


def _latest_or_next(month: int, published: date | None, forward: bool, length: int = 1) -> date | None:
    """The latest period starting in ``month`` that has begun by ``published``, or with
    ``forward`` the next one that has not ended by then."""
    if published is None:
        return None
    if forward:
        year = published.year if month + length - 1 >= published.month else published.year + 1
    else:
        year = published.year if month <= published.month else published.year - 1
    return date(year, month, 1)


def _quarter(low: str, published: date | None, forward: bool) -> tuple[date | None, str]:
    half = "half" in low or low.startswith("h")
    grain, length = ("half", 6) if half else ("quarter", 3)
    year = re.search(r"\d{4}", low)
    words = re.split(r"[\s-]+", low)
    if low[0] in "qh" and low[1].isdigit():
        n = int(low[1])
    elif words[0] in ("last", "this", "next"):
        if published is None:
            return None, grain
        current = date(published.year, (published.month - 1) // 3 * 3 + 1, 1)
        return _add_months(current, {"last": -3, "this": 0, "next": 3}[words[0]]), grain
    else:
        n = _QUARTERS.get(words[0], 1)
    first_month = (n - 1) * length + 1
    if year:
        return date(int(year.group(0)), first_month, 1), grain
    if re.search(r"\b(?:last|next)\s+year$", low) and published is not None:
        return date(published.year + (1 if low.endswith("next year") else -1), first_month, 1), grain
    if low.endswith(("the year", "this year")) and published is not None:
        return date(published.year, first_month, 1), grain
    return _latest_or_next(first_month, published, forward, length), grain


def _explicit_day(text: str, published: date | None, forward: bool = False) -> tuple[date | None, str]:
    has_year = bool(re.search(r"\d{4}", text))
    if published is None and not has_year:
        return None, "day"
    import dateparser  # imported here: it costs a tenth of a second and most articles never need it

    settings = {"PREFER_DATES_FROM": "future" if forward else "past", "REQUIRE_PARTS": ["day", "month"]}
    if published is not None:
        from datetime import datetime
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    cleaned = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text).replace(" of ", " ")
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)
    if parsed is None:
        return None, "day"
    return parsed.date(), "day"
