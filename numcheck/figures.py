"""Find the figures in a text, as a careful reader reads them.

A figure is a number a reader could check: a count, money, a percentage, a
measure, an age or a duration, with the hedge that bounds it ("some 11,000" is
about 11,000; "more than 3,000" is anything above). Years, dates, times,
ordinals, model names, scores, phone numbers and numbers inside names are not
figures. Vocabulary comes from rules/vocab/ (numbers, hedges, units, nonfigures).

The scan is one pass of compiled regular expressions with bounded look-around
windows, so its cost is linear in the length of the text.
"""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass

from .lexicon import Lexicon, alternation
from .model import Figure

_WINDOW = 40  # characters of context examined on either side of a number

_DIGITS_CORE = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+)(?:\.\d+)?(?![\d])"
_DIGITS = r"(?<![\w.,/#:-])" + _DIGITS_CORE
_CLOCK = re.compile(r"\s?(?:[ap]\.m\.|[ap]m\b|o'clock\b|gmt\b|utc\b|bst\b|cet\b|est\b|edt\b|pst\b)", re.I)
_PHONE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?)?(?:\(0?\d{1,4}\)|\b0\d{1,4})[\s.-]\d{3,4}[\s.-]?\d{3,4}\b"
    r"|\+\d{1,3}(?:[\s.-]?\d{2,4}){2,5}\b"
    r"|\b\d{3}[.-]\d{3}[.-]\d{4}\b"
    r"|(?<![\d,])\b\d{3}-\d{4}\b")
_APPOSITION_AGE = re.compile(r"[A-Z][\w'’-]+\s*[,(]\s*$")
_DEGREES = re.compile(r"([CF])(?![\w])")
_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z][\w'’.-]*)")
_RANGE_SEP = re.compile(r"\s*(?:-|–|—|to)\s*")
_AND_SEP = re.compile(r"\s+and\s+")


@dataclass(slots=True)
class _Num:
    start: int
    end: int
    value: float
    written: str  # the digits or words as written
    is_words: bool = False


def _compile(lex: Lexicon) -> dict:
    nums = lex["numbers"]
    words = list(nums["units"]) + list(nums["tens"]) + list(nums["scale_words"]) + ["dozen"]
    word = alternation(words, boundary=False)
    units = lex["units"]
    hedges = lex["hedges"]
    fractions = nums["fractions"]
    small = list(nums["units"]) + list(nums["tens"])
    non = lex["nonfigures"]
    return {
        "digits": re.compile(_DIGITS),
        "digits_bare": re.compile(_DIGITS_CORE),
        "words": re.compile(
            rf"(?<![\w-])(?:(?:a|half\s+a)\s+)?{word}(?:(?:\s+|-)(?:and\s+|a\s+)?{word})*(?![\w])", re.I),
        "scale_word": re.compile(rf"\s?({alternation(nums['scale_words'], boundary=False)})(?![\w])", re.I),
        "scale_suffix": re.compile(rf"({alternation(nums['scale_suffixes'], boundary=False)})(?![\w])", re.I),
        "percent": re.compile(
            rf"\s?({alternation([k for k in units['percent'] if k != 'points'], boundary=False)})(?![\w])", re.I),
        "currency_word": re.compile(rf"\s({alternation(units['currency_words'], boundary=False)})(?![\w])", re.I),
        "measure": re.compile(rf"[\s-]?({alternation(units['measures'], boundary=False)})(?![\w/])", re.I),
        "time_unit": re.compile(rf"[\s-]({alternation(units['time_units'], boundary=False)})(?![\w])", re.I),
        "age": re.compile(r"-years?-old\b|\s+years?\s+old\b", re.I),
        "strong": re.compile(r"-strong\b", re.I),
        "currency_prefix": re.compile(
            rf"(?:{alternation(units['currency_prefixes'], boundary=False)})\s?$"),
        "currency_prefix_fwd": re.compile(rf"(?:{alternation(units['currency_prefixes'], boundary=False)})\s?(?=\d)"),
        "phone_cue": re.compile(rf"(?<![\w])(?:{alternation(non['phone_cues'], boundary=False)})\s+(?:on\s+|the\s+)?$", re.I),
        "code_after": re.compile(rf"^\s+(?:{alternation(non['code_after'], boundary=False)})\b", re.I),
        "hedge": re.compile(rf"(?:^|(?<=[^\w]))({alternation(hedges['hedges'], boundary=False)})\s+$", re.I),
        "between": re.compile(r"(?:^|(?<=[^\w]))(between)\s+$", re.I),
        "fraction": re.compile(
            rf"(?<![\w-])((?:a|one|{alternation(small, boundary=False)})[\s-]+"
            rf"{alternation(fractions, boundary=False)}|half)(?=\s+(?:of|the)\b)", re.I),
        "ratio": re.compile(
            rf"(?<![\w-])((?:\d+|{alternation(small, boundary=False)})\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d+|{alternation(small, boundary=False)}))(?![\w])",
            re.I),
        "vague": re.compile(rf"(?<![\w-])({alternation(hedges['vague'], boundary=False)})(?=\s+of\b|\s+(?!of)[a-z])",
                            re.I),
        "month_before": re.compile(rf"(?<![\w])(?:{alternation(non['months'], boundary=False)})\.?\s*$", re.I),
        "month_after": re.compile(
            rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{alternation(non['months'], boundary=False)})\b", re.I),
        "ordinal": re.compile(rf"^(?:{'|'.join(non['ordinal_suffixes'])})\b", re.I),
        "street": re.compile(
            rf"^\s+(?:[A-Z][\w'’-]*\s+){{1,3}}(?:{alternation([s.capitalize() for s in non['street_types']], boundary=False)})\b"),
        "relative_after": re.compile(
            rf"^\s*(?:{alternation(units['time_units'], boundary=False)})\s+(?:{alternation(non['relative_time_after'], boundary=False)})\b",
            re.I),
    }


def _parse_words(run: str, lex: Lexicon) -> float | None:
    nums = lex["numbers"]
    units, tens, scales = nums["units"], nums["tens"], nums["scale_words"]
    tokens = [t for t in re.split(r"[\s-]+", run.lower()) if t and t != "and"]
    if not tokens:
        return None
    if tokens[0] == "half" and len(tokens) >= 3 and tokens[1] == "a":
        rest = _parse_words(" ".join(tokens[2:]), lex)
        return None if rest is None else 0.5 * rest
    total, current, seen = 0.0, 0.0, False
    for tok in tokens:
        if tok == "a":
            current = 1
        elif tok in units:
            current += units[tok]
            seen = True
        elif tok in tens:
            current += tens[tok]
            seen = True
        elif tok == "dozen":
            current = max(current, 1) * nums["dozen"]
            seen = True
        elif tok == "hundred":
            current = max(current, 1) * 100
            seen = True
        elif tok in scales:
            total += max(current, 1) * scales[tok]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


_MULTIPLIERS = ("hundred", "dozen")
_LAST_WORD = re.compile(r"(\w+)\W*$")


def _split_run(run: str, start: int, scale_words) -> list[tuple[int, str]]:
    """"five and seven" is two numbers, "three hundred and fifty" one; "a two-year-old" is two."""
    pieces, offset = [], 0
    for m in re.finditer(r"\s+and\s+", run):
        last = _LAST_WORD.search(run, max(offset, m.start() - 24), m.start())
        before = last.group(1).lower() if last else ""
        if before not in scale_words and before not in _MULTIPLIERS:
            pieces.append((offset, run[offset:m.start()]))
            offset = m.end()
    pieces.append((offset, run[offset:]))
    out = []
    for off, piece in pieces:
        words = re.split(r"([\s-]+)", piece)
        if words[0].lower() == "a" and len(words) > 2 and words[2].lower() not in scale_words \
                and words[2].lower() not in _MULTIPLIERS:
            skip = len(words[0]) + len(words[1])
            off, piece = off + skip, piece[skip:]
        out.append((start + off, piece))
    return out


def _number_value(written: str) -> float:
    return float(re.sub(r"[,\s\u00a0\u202f]", "", written))


def _decimals(written: str) -> int:
    return len(written.split(".", 1)[1]) if "." in written else 0


def _prev_word(text: str, pos: int) -> tuple[str, int]:
    """The word ending just before pos (skipping spaces), and where it starts."""
    i = pos
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in ".'’"):
        j -= 1
    return text[j:i], j


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1) if m else ""


def _sentence_start(text: str, pos: int) -> bool:
    i = pos
    while i > 0 and text[i - 1] in " \t\"“‘'(":
        i -= 1
    return i == 0 or text[i - 1] in ".!?\n:"


class _Scanner:
    def __init__(self, text: str, lex: Lexicon):
        self.text = text
        self.lex = lex
        self.rx = lex.regex("figures", _compile)
        self.spread = float(lex["hedges"]["approximate_spread"])
        self.hedges = {k.lower(): v for k, v in lex["hedges"]["hedges"].items()}
        self.close = lex.wordset("hedges", "close")
        self.vague = {k.lower(): v for k, v in lex["hedges"]["vague"].items()}
        self.scale_words = {k.lower(): v for k, v in lex["numbers"]["scale_words"].items()}
        self.scale_suffixes = {k.lower(): v for k, v in lex["numbers"]["scale_suffixes"].items()}
        units = lex["units"]
        self.percent = {k.lower(): v for k, v in units["percent"].items()}
        self.currency_words = {k.lower(): v for k, v in units["currency_words"].items()}
        self.currency_prefixes = units["currency_prefixes"]
        self.measures = {k.lower(): v for k, v in units["measures"].items()}
        self.time_units = {k.lower(): v for k, v in units["time_units"].items()}
        self.name_prefixes = lex.wordset("nonfigures", "name_prefixes")
        self.score_words = lex.wordset("nonfigures", "score_context")
        self.months = lex.wordset("nonfigures", "months")
        self.weekdays = frozenset(lex["dates"]["weekdays"])
        self.stopwords = lex.wordset("nouns", "stopwords")
        self.irregular = lex["nouns"]["irregular_plurals"]
        self.masked: list[tuple[int, int]] = [m.span() for m in _PHONE.finditer(text)]
        self.figures: list[Figure] = []
        self.taken: list[tuple[int, int]] = []

    # -- helpers -----------------------------------------------------------
    def overlaps(self, start: int, end: int, spans) -> bool:
        """Whether [start, end) meets a span in ``spans``, a list kept sorted by start."""
        i = bisect_left(spans, (start, start))
        return (i < len(spans) and spans[i][0] < end) or (i > 0 and spans[i - 1][1] > start)

    def plural_noun_follows(self, pos: int) -> bool:
        word = _next_word(self.text, pos).lower().rstrip(".,")
        if not word or word in self.stopwords or word in self.months or word in self.weekdays:
            return False
        return word in self.irregular or (word.endswith("s") and not word.endswith("ss"))

    def add(self, start, end, value, low, high, approx, unit="", precision=0.0):
        if self.overlaps(start, end, self.taken):
            return
        insort(self.taken, (start, end))
        self.figures.append(Figure(start, end, self.text[start:end], value, low, high, approx, unit, precision))

    def add_hedged(self, start: int, end: int, value: float, unit: str) -> None:
        """A figure whose value is fixed by its words, with the hedge before it."""
        hedge, hedge_start = self.hedge_before(start)
        if hedge == "between":
            hedge, hedge_start = "", start
        approx = self.hedges.get(hedge, "=") if hedge else "="
        low, high = self.interval(value, approx, hedge)
        self.add(hedge_start if hedge else start, end, value, low, high, approx, unit)

    # -- candidates --------------------------------------------------------
    def numbers(self) -> list[_Num]:
        found = [_Num(m.start(), m.end(), _number_value(m.group(0)), m.group(0))
                 for m in self.rx["digits"].finditer(self.text)]
        for m in self.rx["words"].finditer(self.text):
            for start, run in _split_run(m.group(0), m.start(), self.scale_words):
                value = _parse_words(run, self.lex)
                if value is None:
                    continue
                found.append(_Num(start, start + len(run), value, run, is_words=True))
        found.sort(key=lambda n: (n.start, -n.end))
        return found

    def run(self) -> list[Figure]:
        text = self.text
        for m in self.rx["ratio"].finditer(text):
            a, b = re.split(r"\s+(?:in|out\s+of)\s+(?:every\s+)?", m.group(1), flags=re.I)
            av = _number_value(a) if a[0].isdigit() else _parse_words(a, self.lex)
            bv = _number_value(b) if b[0].isdigit() else _parse_words(b, self.lex)
            if av and bv and bv > av:
                self.add_hedged(m.start(1), m.end(1), 100.0 * av / bv, "%")
        for m in self.rx["fraction"].finditer(text):
            phrase = m.group(1).lower()
            parts = re.split(r"[\s-]+", phrase)
            frac = self.lex["numbers"]["fractions"].get(parts[-1])
            count = 1.0 if len(parts) == 1 or parts[0] in ("a", "one") else (_parse_words(parts[0], self.lex) or 1.0)
            self.add_hedged(m.start(1), m.end(1), round(count * float(frac), 6), "%")
        for m in self.rx["vague"].finditer(text):
            low, high = (float(x) for x in self.vague[m.group(1).lower()])
            self.add(m.start(1), m.end(1), (low + high) / 2, low, high, "range")
        for num in self.numbers():
            if self.overlaps(num.start, num.end, self.taken):
                continue
            self.figure_at(num)
        self.figures.sort(key=lambda f: f.start)
        return self.figures

    # -- one number --------------------------------------------------------
    def is_not_a_figure(self, num: _Num, end: int, currency: str = "", hedge: str = "") -> bool:
        """True for years, dates, times, codes, names and other numbers that are not figures."""
        text = self.text
        if self.overlaps(num.start, num.end, self.masked):
            return True
        after = text[num.end:num.end + _WINDOW]
        before = text[max(0, num.start - _WINDOW):num.start]
        if num.is_words:
            tokens = num.written.lower().split()
            if tokens in (["one"], ["a"]) or tokens[0] == "a" and len(tokens) == 1:
                return True
            if self.rx["relative_after"].match(after):
                return True
            return False
        if after[:1] == ":" and after[1:2].isdigit():
            return True  # 10:30
        if after[:1] == "/" and after[1:2].isdigit() or before[-1:] == "/":
            return True  # 24/7, 10/30/2024
        if self.rx["ordinal"].match(after) or _CLOCK.match(after):
            return True
        if after[:1] == "s" and not after[1:2].isalpha() or after[:2] == "'s" and len(num.written) == 4:
            return True  # the 1990s, the 80s
        if after[:1].isalpha() and not (self.rx["scale_suffix"].match(after) or self.rx["measure"].match(after)
                                        or self.rx["percent"].match(after) or _DEGREES.match(after)):
            return True  # 5G, 4x4, 3D
        if self.rx["relative_after"].match(after):
            return True  # "two days ago" is a date, not a figure
        if self.rx["code_after"].match(after) or self.rx["phone_cue"].search(before):
            return True  # the 90210 zip code, call 116 123
        if self.rx["street"].match(after) and "," not in num.written:
            return True  # 10 Downing Street
        integer = "." not in num.written and "," not in num.written and " " not in num.written.strip()
        if self.rx["month_before"].search(before) and num.value <= 31 and integer:
            return True  # October 30
        if integer and num.value <= 31 and self.rx["month_after"].match(after):
            return True  # 30 October, 1st of May
        prev, prev_start = _prev_word(text, num.start)
        if currency:
            return False
        if integer and prev.lower().rstrip(".") in self.name_prefixes | {p.rstrip(".") for p in self.name_prefixes} \
                and prev and not prev.lower() in self.hedges:
            return True  # Article 5, No 10, Formula 1
        if integer and 1000 <= num.value <= 2100 and len(num.written) == 4 and end == num.end and not hedge:
            if num.value >= 1800 or not self.plural_noun_follows(num.end):
                return True  # in 2023, Vision 2030
        if (integer and prev[:1].isupper() and prev.lower().rstrip(".") not in self.months
                and prev.lower() not in self.weekdays and prev.lower() not in self.hedges
                and not _sentence_start(text, prev_start) and end == num.end
                and not self.plural_noun_follows(num.end) and not prev.isupper()):
            return True  # Apollo 11, Windows 11: a capitalised name and its number
        return False

    def right_extension(self, pos: int, currency: str, start: int) -> tuple[float, str, int]:
        """Scale, unit and end of the figure's written form after the number."""
        text = self.text
        scale, unit = 1.0, currency
        m = self.rx["scale_word"].match(text, pos)
        if m:
            scale = self.scale_words[m.group(1).lower()]
            pos = m.end()
        else:
            m = self.rx["scale_suffix"].match(text, pos)
            if m and not self.rx["measure"].match(text, pos):
                word = m.group(1).lower()
                if word == "m" and not currency and re.match(r"m[\s-]+(?:high|tall|long|deep|wide)\b", text[pos:pos + 12], re.I):
                    pass  # a 5m-high wall: metres
                else:
                    scale = self.scale_suffixes[word]
                    pos = m.end()
        m = self.rx["percent"].match(text, pos)
        if m:
            return scale, self.percent[m.group(1).lower()], m.end()
        m = self.rx["currency_word"].match(text, pos)
        if m and not (m.group(1).lower().startswith("pound") and re.match(r"\s+of\b", text[m.end():m.end() + 5])):
            return scale, self.currency_words[m.group(1).lower()], m.end()
        if unit:
            return scale, unit, pos
        if _APPOSITION_AGE.search(text, max(0, start - 40), start) and re.match(r"\s*[,)]", text[pos:pos + 2]) \
                and scale == 1 and not unit:
            return scale, "year", pos  # "Anna Brekke, 46, said": an age
        m = self.rx["age"].match(text, pos)
        if m or re.search(r"\baged\s+(?:between\s+|over\s+|under\s+)?(?:\d+\s+and\s+)?$", text[max(0, start - 24):start], re.I):
            return scale, "year", m.end() if m else pos
        m = self.rx["time_unit"].match(text, pos)
        if m:
            return scale, self.time_units[m.group(1).lower()], m.end()
        m = _DEGREES.match(text, pos)
        if m:
            return scale, "degC" if m.group(1) == "C" else "degF", m.end()
        m = self.rx["measure"].match(text, pos)
        if m and not (m.group(0)[:1] == "-" and not text[m.end():m.end() + 1] in " ,.;"):
            return scale, self.measures[m.group(1).lower()], m.end()
        m = self.rx["strong"].match(text, pos)
        if m:
            return scale, "", m.end()
        return scale, unit, pos

    def currency_before(self, start: int) -> tuple[str, int]:
        m = self.rx["currency_prefix"].search(self.text, max(0, start - 5), start)
        if m and m.end() == start:
            code = self.currency_prefixes[m.group(0).strip()]
            begin = m.start()
            if begin > 0 and self.text[begin - 1].isalnum() and not m.group(0)[0] in "$£€¥₹₽₴₩₦":
                return "", start
            return code, begin
        return "", start

    def hedge_before(self, start: int) -> tuple[str, int]:
        window = self.text[max(0, start - 30):start]
        m = self.rx["hedge"].search(window)
        if m:
            return m.group(1).lower(), start - len(window) + m.start(1)
        m = self.rx["between"].search(window)
        if m:
            return "between", start - len(window) + m.start(1)
        return "", start

    def second_number(self, pos: int) -> _Num | None:
        text = self.text
        m = self.rx["currency_prefix_fwd"].match(text, pos)
        if m:
            pos = m.end()
        m = self.rx["digits_bare"].match(text, pos)
        if m:
            return _Num(m.start(), m.end(), _number_value(m.group(0)), m.group(0))
        m = self.rx["words"].match(text, pos)
        if m:
            value = _parse_words(m.group(0), self.lex)
            if value is not None:
                return _Num(m.start(), m.end(), value, m.group(0), is_words=True)
        return None

    def figure_at(self, num: _Num) -> None:
        text = self.text
        currency, begin = self.currency_before(num.start) if not num.is_words else ("", num.start)
        scale, unit, end = self.right_extension(num.end, currency, num.start)
        hedge, hedge_start = self.hedge_before(begin)
        if self.is_not_a_figure(num, end if (unit or scale != 1) else num.end, currency,
                                hedge if hedge != "between" else ""):
            return
        value = num.value * scale
        precision = 0.5 * 10 ** -_decimals(num.written) * scale if (scale != 1 or "." in num.written) else 0.0
        if unit == "pp_or_index":
            unit = "pp"

        # A range: "10,000-12,000", "10 to 12 million", "between 2% and 3%".
        sep = _AND_SEP.match(text, end) if hedge == "between" else _RANGE_SEP.match(text, end)
        if sep and not (sep.group(0).strip() == "to" and self.before_is(hedge_start, ("from", "by", "rose", "fell"))):
            other = self.second_number(sep.end())
            if other is not None and not self.overlaps(other.start, other.end, self.masked):
                scale2, unit2, end2 = self.right_extension(other.end, currency, num.start)
                if scale == 1 and unit == currency and (scale2 != 1 or unit2):
                    scale, unit = scale2, unit2 or unit
                    value = num.value * scale
                if unit2 in ("", unit) or unit2 == currency:
                    second = other.value * (scale2 if scale2 != 1 else scale)
                    if self.is_score_or_years(num, other, sep.group(0)):
                        insort(self.taken, (num.start, other.end))
                        return
                    if second > value:
                        start = hedge_start if hedge == "between" else begin
                        low, high = value, second
                        self.add(start, end2, (low + high) / 2, low, high, "range", unit, precision)
                        return
        if hedge == "between":
            hedge, hedge_start = "", begin
        start = hedge_start if hedge else begin
        approx = self.hedges.get(hedge, "=") if hedge else "="
        low, high = self.interval(value, approx, hedge)
        self.add(start, end, value, low, high, approx, unit, precision)

    def before_is(self, pos: int, words) -> bool:
        prev, _ = _prev_word(self.text, pos)
        return prev.lower() in words

    def is_score_or_years(self, a: _Num, b: _Num, sep: str) -> bool:
        if a.is_words or b.is_words:
            return False
        if len(a.written) == 4 and 1000 <= a.value <= 2100 and (len(b.written) in (2, 4)) and "." not in a.written:
            return True  # 2024-25, 1990-2000
        if sep.strip() in ("-", "–", "—") and a.value <= 200 and b.value <= 200 and "." not in a.written + b.written:
            lo = max(0, a.start - 40)
            window = re.findall(r"[a-z-]+", self.text[lo:b.end + 40].lower())
            return any(w in self.score_words for w in window)
        return False

    def interval(self, value: float, approx: str, hedge: str) -> tuple[float | None, float | None]:
        spread = self.spread
        if approx == "~":
            return value * (1 - spread), value * (1 + spread)
        if approx in (">", ">="):
            return value, (value * (1 + spread) if hedge in self.close else None)
        if approx in ("<", "<="):
            return (value * (1 - spread) if hedge in self.close else (0.0 if value >= 0 else None)), value
        return value, value


def find_figures(text: str, lex: Lexicon) -> list[Figure]:
    """Every figure in ``text``, in order, with offsets into ``text``."""
    return _Scanner(text, lex).run()
