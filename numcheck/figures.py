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
_DIGITS_LEFT = r"(?<![\w.,/#:-])"
_CLOCK = re.compile(r"\s?(?:[ap]\.m\.|[ap]m\b|o'clock\b|gmt\b|utc\b|bst\b|cet\b|est\b|edt\b|pst\b)", re.I)
# The look-ahead lets the scan skip, cheaply, every position that cannot start a phone number.
_PHONE = re.compile(
    r"(?=[+(\d])(?:(?:\+\d{1,3}[\s.-]?)?(?:\(0?\d{1,4}\)|\b0\d{1,4})[\s.-]\d{3,4}[\s.-]?\d{3,4}\b"
    r"|\+\d{1,3}(?:[\s.-]?\d{2,4}){2,5}\b"
    r"|(?:\b1[.-])?\b\d{3}[.-]\d{3}[.-]\d{4}\b"
    r"|(?<![\d,])\b\d{3}-\d{4}\b)")
# "0 800 450 112", "0 800 30 14 45": a leading 0 and short groups (not "11 000 000", checked
# in code); a pattern of its own so that its leading literal keeps the scan fast.
_PHONE_ZERO = re.compile(r"0\d{0,4}(?:[ .-]\d{2,4}){2,5}\b")
_APPOSITION_AGE = re.compile(r"[A-Z][\w'’-]+\s*[,(]\s*$")
_DEGREES = re.compile(r"([CF])(?![\w])")
_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z][\w'’.-]*)")
# "11- to 15-year-olds": a suspended hyphen before "to" or "and".
_RANGE_SEP = re.compile(r"\s*(?:-\s*to(?=\s)|-|–|—|to)\s*")
_AND_SEP = re.compile(r"-?\s+and\s+")
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)
_MINUS_SIGN = "-−"


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
    written_months = alternation([m.capitalize() for m in non["months"]] + [m.upper() for m in non["months"]],
                                 boundary=False)
    glued = [p for p in units["currency_prefixes"] if p[-1:].isalpha() or p[-1:] == "."]
    # Numbers glued to a letter currency ("Rs500m") or a minus sign ("-10C"), which the
    # plain pattern's look-behind excludes; found by a second pattern that starts with them.
    # (No look-behind here: it would be tried at every position; the left edge is checked in code.)
    glued_rx = "|".join([re.escape(p) for p in sorted(glued, key=len, reverse=True)] + [f"[{_MINUS_SIGN}]"])
    clause = alternation(non["relative_time_clause_end"], boundary=False)
    time_units = alternation(units["time_units"], boundary=False)
    return {
        "digits": re.compile(_DIGITS_LEFT + _DIGITS_CORE),
        "digits_glued": re.compile(rf"(?:{glued_rx})({_DIGITS_CORE})"),
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
        "age": re.compile(r"-years?-old(?=s?\b)|\s+years?\s+old\b", re.I),
        "strong": re.compile(r"-strong\b", re.I),
        "currency_prefix": re.compile(
            rf"(?:{alternation(units['currency_prefixes'], boundary=False)})\s?$"),
        "currency_prefix_fwd": re.compile(rf"(?:{alternation(units['currency_prefixes'], boundary=False)})\s?(?=\d)"),
        "phone_cue": re.compile(
            rf"(?<![\w])(?:{alternation(non['phone_cues'], boundary=False)})\s+(?:(?:[a-z]+\s+){{0,2}}on\s+|the\s+)?$", re.I),
        "code_after": re.compile(rf"^\s+(?:{alternation(non['code_after'], boundary=False)})\b", re.I),
        "hedge": re.compile(rf"(?:^|(?<=[^\w]))({alternation(hedges['hedges'], boundary=False)})\s+$", re.I),
        "between": re.compile(r"(?:^|(?<=[^\w]))(between)\s+$", re.I),
        "fraction": re.compile(
            rf"(?<![\w-])((?:an?|one|{alternation(small, boundary=False)})[\s-]+"
            rf"{alternation(fractions, boundary=False)}|half)(?![\w-])", re.I),
        "half_of_one": re.compile(
            rf"(?<![\w-])(?:{alternation(nums['half_of_one'], boundary=False)})\s+([a-z]+)\b", re.I),
        "ratio": re.compile(
            rf"(?<![\w-])((?:\d+|{alternation(small, boundary=False)})\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d+|{alternation(small, boundary=False)}))(?![\w])",
            re.I),
        "vague": re.compile(rf"(?<![\w-])({alternation(hedges['vague'], boundary=False)})(?=\s+of\b|\s+(?!of)[a-z])",
                            re.I),
        # "October 30", and the second day of "July 14 and 15" (months written with a capital:
        # "will march 10 miles" is no date)
        "month_before": re.compile(
            rf"(?<![\w])(?-i:{written_months})\.?\s*"
            rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:,|and|to|&|-|–)\s*)?$", re.I),
        # "30 October", "1st of May", and the first day of "14 and 15 July"
        "month_after": re.compile(
            rf"^(?:st|nd|rd|th)?\s*(?:(?:and|to|&|-|–)\s*\d{{1,2}}(?:st|nd|rd|th)?\s*)?(?:of\s+)?"
            rf"(?:{alternation(non['months'], boundary=False)})\b", re.I),
        "ordinal": re.compile(rf"^(?:{'|'.join(non['ordinal_suffixes'])})\b", re.I),
        "street": re.compile(
            rf"^\s+(?:[A-Z][\w'’-]*\s+){{1,3}}(?:{alternation([s.capitalize() for s in non['street_types']], boundary=False)})\b"),
        "relative_after": re.compile(
            rf"^\s*(?:{time_units})\s+(?:(?:{alternation(non['relative_time_after'], boundary=False)})\b"
            rf"|(?:{clause})\s*(?:[,.;:!?)\"”’]|$))", re.I),
        "compound_head": re.compile(rf"^-(?:{alternation(non['compound_heads'], boundary=False)})\b", re.I),
        "year_preposition": re.compile(
            rf"(?<![\w])(?:{alternation(non['year_prepositions'], boundary=False)})\s+$", re.I),
        "change_before_to": re.compile(
            rf"(?<![\w])(?:{alternation(non['change_before_to'], boundary=False)})\s+$", re.I),
        "dimension": re.compile(rf"-(?:{alternation(units['dimension_words'], boundary=False)})\b", re.I),
        "points": re.compile(r"(?:\s|-)points?\b", re.I),
        "poll_cue": re.compile(rf"(?<![\w])(?:{alternation(units['poll_cues'], boundary=False)})(?![\w])", re.I),
        "unit_before": re.compile(rf"(?<![\w])({alternation(units['units_before'], boundary=False)})\s*$", re.I),
        "age_noun": re.compile(
            rf"(?<![\w])(?:{alternation(units['age_nouns'], boundary=False)})\s+(?:\w+\s+){{0,3}}$", re.I),
        "age_subject": re.compile(
            rf"(?<![\w])(?:{alternation(units['age_subjects'], boundary=False)})\s+"
            rf"(?:{alternation(units['age_verbs'], boundary=False)})\s+$|(?<![\w])(?:i|he|she)[’']m\s+$", re.I),
        "age_after": re.compile(
            rf"\s*(?:[,.;:!?)\"”]|$|(?:{alternation(units['age_after'], boundary=False)})\b)", re.I),
        "age_word_before": re.compile(r"\bages?\b[^.!?;]{0,40}$", re.I),
        "minus_word": re.compile(r"(?<![\w])minus\s+$", re.I),
        "plus_or": re.compile(r"(?:plus\s+or|\+/?)\s*$", re.I),
        "compound_duration": re.compile(
            rf"\s+(?:and\s+)?(\d+|{alternation(small, boundary=False)})[\s-]({time_units})(?![\w])", re.I),
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


def _split_invalid(run: str, start: int, lex: Lexicon) -> list[tuple[int, str]]:
    """Cut a run of number words where English would not join them ("seven three" is 7 and 3;
    "twenty three" is 23, "three hundred" 300)."""
    nums = lex["numbers"]
    units, tens = nums["units"], nums["tens"]
    out, piece_start, prev = [], 0, ""
    for m in re.finditer(r"[^\s-]+", run):
        tok = m.group(0).lower()
        kind = "u" if tok in units else "t" if tok in tens else "o"
        if (prev == "u" and kind in "ut") or (prev == "t" and kind == "t") \
                or (prev == "t" and kind == "u" and units[tok] >= 10):
            out.append((start + piece_start, run[piece_start:m.start()].rstrip(" -")))
            piece_start = m.start()
        prev = kind if kind != "o" else ("" if tok in ("and", "a") else "o")
    out.append((start + piece_start, run[piece_start:]))
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
        self.name_prefixes = lex.wordset("nonfigures", "name_prefixes") | {
            p.rstrip(".") for p in lex.wordset("nonfigures", "name_prefixes")}
        self.score_words = lex.wordset("nonfigures", "score_context")
        self.months = lex.wordset("nonfigures", "months")
        self.weekdays = frozenset(lex["dates"]["weekdays"])
        self.stopwords = lex.wordset("nouns", "stopwords")
        self.irregular = lex["nouns"]["irregular_plurals"]
        self.units_before = {k.lower(): v for k, v in units["units_before"].items()}
        self.age_hedges = lex.wordset("units", "age_hedges")
        self.over_keeps = lex.wordset("hedges", "over_period_keeps_hedge")
        self.compound = units["compound_durations"]
        self.fraction_next = lex.wordset("numbers", "fraction_before_noun")
        self.fraction_blockers = lex.wordset("numbers", "fraction_blockers")
        self.time_codes = frozenset(units["time_units"].values())
        self._currency_place: dict[str, str] = {}
        self.ambiguous_currency = frozenset(units["ambiguous_currency"])
        self.masked: list[tuple[int, int]] = [m.span() for m in _PHONE.finditer(text)]
        for m in _PHONE_ZERO.finditer(text):
            i = m.start()
            if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in ".,")) and \
                    not (i > 1 and text[i - 1] in " \u00a0\u202f" and text[i - 2].isdigit()):
                insort(self.masked, m.span())
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
        text = self.text
        for m in self.rx["digits_glued"].finditer(text):
            i = m.start()
            edge = text[i - 1] if i else " "
            if text[i] in _MINUS_SIGN and edge not in " \t\n([\"“'" or edge.isalnum():
                continue  # "2-0", "F-16", "MRs5"
            found.append(_Num(m.start(1), m.end(1), _number_value(m.group(1)), m.group(1)))
        for m in self.rx["words"].finditer(self.text):
            for start0, run0 in _split_run(m.group(0), m.start(), self.scale_words):
                for start, run in _split_invalid(run0, start0, self.lex):
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
            if av and bv and bv > av and not (len(b) == 4 and b.isdigit() and 1800 <= bv <= 2100):
                self.add_hedged(m.start(1), m.end(1), 100.0 * av / bv, "%")
        for m in self.rx["half_of_one"].finditer(text):
            noun = m.group(1).lower()
            if noun in self.scale_words or noun == "dozen":
                continue  # "half a million" is read as a number
            unit = self.time_units.get(noun) or self.measures.get(noun) or ""
            self.add_hedged(m.start(), m.end(), 0.5, unit)
        for m in self.rx["fraction"].finditer(text):
            if not self.is_share(m.start(1), m.end(1)):
                continue
            phrase = m.group(1).lower()
            parts = re.split(r"[\s-]+", phrase)
            frac = self.lex["numbers"]["fractions"].get(parts[-1])
            count = 1.0 if len(parts) == 1 or parts[0] in ("a", "an", "one") else (_parse_words(parts[0], self.lex) or 1.0)
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

    def is_share(self, start: int, end: int) -> bool:
        """Whether the fraction at [start, end) is a share ("a third of voters", "cut by half")."""
        text = self.text
        nxt = _next_word(text, end).lower()
        follow = text[end:end + 2]
        if follow[:1] == "-" or re.match(r"\s*-", follow):
            return False  # a quarter-final, half-time
        prev, prev_start = _prev_word(text, start)
        if prev.lower() in self.fraction_blockers:
            return False  # the first half of the year
        if follow[:1] == " " and nxt in self.fraction_next:
            return True
        if nxt in ("a", "an"):
            return False  # "half a million", "half a game" are read whole
        hedge, hedge_start = self.hedge_before(start)
        before, _ = _prev_word(text, hedge_start if hedge and hedge != "between" else start)
        if before.lower() != "by":
            return False
        # after "by", a share is followed by punctuation or a function word ("by a third since
        # May"), not by a noun ("by a third party")
        return not re.match(r"[ \t]+[A-Za-z]", follow + text[end + 2:end + 3]) or nxt in self.stopwords

    # -- one number --------------------------------------------------------
    def is_not_a_figure(self, num: _Num, end: int, currency: str = "", hedge: str = "",
                        hedge_start: int = 0, unit: str = "") -> bool:
        """True for years, dates, times, codes, names and other numbers that are not figures."""
        text = self.text
        if self.overlaps(num.start, num.end, self.masked):
            return True
        after = text[num.end:num.end + _WINDOW]
        before = text[max(0, num.start - _WINDOW):num.start]
        if num.is_words:
            tokens = num.written.lower().split()
            if tokens in (["one"], ["a"]) or tokens[0] == "a" and len(tokens) == 1:
                # "one percentage point", "one per cent" are figures; "one day", "one person" not
                return not (tokens == ["one"] and unit and unit not in self.time_codes and unit != "year")
            if self.rx["relative_after"].match(after) or self.rx["compound_head"].match(after):
                return True  # "two days ago"; "seven three-pointers" (the "three")
            if all(t in self.scale_words or t == "dozen" for t in tokens):
                return True  # "million" alone: the rest of the number was not read
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
        if self.rx["compound_head"].match(after):
            return True  # a 3-pointer, a 5-star hotel
        if self.rx["code_after"].match(after) or (
                self.rx["phone_cue"].search(before) and not self.plural_noun_follows(end)):
            return True  # the 90210 zip code, call 116 123, call police on 101
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
        if integer and prev.lower().rstrip(".") in self.name_prefixes \
                and prev and not prev.lower() in self.hedges:
            return True  # Article 5, No 10, Formula 1
        if integer and 1000 <= num.value <= 2100 and len(num.written) == 4 and end == num.end:
            if not hedge and (num.value >= 1800 or not self.plural_noun_follows(num.end)):
                return True  # in 2023, Vision 2030
            if hedge and num.value >= 1800 and not self.plural_noun_follows(num.end) and \
                    self.rx["year_preposition"].search(text, max(0, hedge_start - 20), hedge_start):
                return True  # until at least 2028
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
            m = self.rx["scale_word"].match(text, pos)
            while m and m.group(0)[:1].isspace():
                scale *= self.scale_words[m.group(1).lower()]  # "2.85 lakh crore"
                pos = m.end()
                m = self.rx["scale_word"].match(text, pos)
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
            code = self.currency_words[m.group(1).lower()]
            return scale, self.place_currency(code) if m.group(1).lower() in self.ambiguous_currency else code, m.end()
        if unit:
            return scale, unit, pos
        if _APPOSITION_AGE.search(text, max(0, start - 40), start) and re.match(r"\s*[,)]", text[pos:pos + 2]) \
                and scale == 1 and not unit:
            return scale, "year", pos  # "Anna Brekke, 46, said": an age
        m = self.rx["age"].match(text, pos)
        if m or re.search(r"\baged\s+(?:over\s+|under\s+|between\s+(?:\d+\s+and\s+)?)?$", text[max(0, start - 24):start], re.I):
            return scale, "year", m.end() if m else pos
        m = self.rx["time_unit"].match(text, pos)
        if m:
            return scale, self.time_units[m.group(1).lower()], m.end()
        m = _DEGREES.match(text, pos)
        if m:
            return scale, "degC" if m.group(1) == "C" else "degF", m.end()
        m = self.rx["measure"].match(text, pos)
        if m and not (m.group(0)[:1] == "-" and not text[m.end():m.end() + 1] in " ,.;:)\"”'’"
                      and not self.rx["dimension"].match(text, m.end())):
            return scale, self.measures[m.group(1).lower()], m.end()
        m = self.rx["strong"].match(text, pos)
        if m:
            return scale, "", m.end()
        m = self.rx["points"].match(text, pos)
        if m and scale == 1 and self.is_poll(start):
            return scale, "pp", m.end()  # "ahead by six points" in a poll
        return scale, unit, pos

    def is_poll(self, pos: int) -> bool:
        """Whether the sentence around pos is about a poll or shares."""
        text = self.text
        lo = max(0, pos - 160)
        left = max(text.rfind(". ", lo, pos), text.rfind("\n", lo, pos), lo)
        right = text.find(". ", pos, pos + 160)
        right = pos + 160 if right < 0 else right
        return self.rx["poll_cue"].search(text, left, right) is not None

    def place_currency(self, code: str) -> str:
        """An ambiguous currency ("Rs", "rupees") read by the country the text names."""
        places = self.lex["units"]["currency_by_place"].get(code)
        if not places:
            return code
        found = self._currency_place.get(code)
        if found is None:
            found = code
            if not any(re.search(rf"\b{re.escape(w)}\b", self.text)
                       for w in self.lex["units"]["currency_place_default"].get(code, ())):
                for place, other in places.items():
                    if re.search(rf"\b{re.escape(place)}\b", self.text):
                        found = other
                        break
            self._currency_place[code] = found
        return found

    def currency_before(self, start: int) -> tuple[str, int]:
        m = self.rx["currency_prefix"].search(self.text, max(0, start - 5), start)
        if m and m.end() == start:
            code = self.currency_prefixes[m.group(0).strip()]
            if m.group(0).strip() in self.ambiguous_currency:
                code = self.place_currency(code)
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

    def sign_before(self, begin: int) -> tuple[float, int]:
        """-1 and the sign's position for "-10C", "minus 230C" ("plus or minus 2" stays positive)."""
        text = self.text
        if begin > 0 and text[begin - 1] in _MINUS_SIGN and (begin == 1 or text[begin - 2] in " \t\n([“\"'"):
            return -1.0, begin - 1
        m = self.rx["minus_word"].search(text, max(0, begin - 12), begin)
        if m and not self.rx["plus_or"].search(text, max(0, m.start() - 12), m.start()):
            return -1.0, m.start()
        return 1.0, begin

    def unit_from_context(self, num: _Num, begin: int, hedge: str, hedge_start: int, end: int) -> str:
        """A unit the words around a bare number give it: "magnitude 6.4", "children under
        five", "I was 71 when", "the minimum age ... from 25"."""
        text = self.text
        m = self.rx["unit_before"].search(text, max(0, begin - 20), begin)
        if m:
            return self.units_before[m.group(1).lower()]
        if "." in num.written or num.value > 120 or num.value < 1 or self.plural_noun_follows(end):
            return ""
        first = hedge_start if hedge else begin
        if hedge in self.age_hedges and self.rx["age_noun"].search(text, max(0, first - 40), first):
            return "year"
        if not hedge and self.rx["age_subject"].search(text, max(0, begin - 30), begin) \
                and self.rx["age_after"].match(text, end):
            return "year"
        if self.rx["age_word_before"].search(text, max(0, first - 48), first):
            return "year"
        return ""

    def figure_at(self, num: _Num) -> None:
        text = self.text
        currency, begin = self.currency_before(num.start) if not num.is_words else ("", num.start)
        sign, begin = self.sign_before(begin)
        base, pos = num.value, num.end
        half = _AND_A_HALF.match(text, pos)
        if half:
            base, pos = base + 0.5, half.end()  # "two and a half miles"
        scale, unit, end = self.right_extension(pos, currency, num.start)
        hedge, hedge_start = self.hedge_before(begin)
        if self.is_not_a_figure(num, end if (unit or scale != 1 or half) else num.end, currency,
                                hedge if hedge != "between" else "", hedge_start, unit):
            return
        value = sign * base * scale
        precision = 0.5 * 10 ** -_decimals(num.written) * scale if (scale != 1 or "." in num.written) else 0.0
        if unit == "pp_or_index":
            unit = "pp"
        written_unit = unit
        if not unit and scale == 1:
            unit = self.unit_from_context(num, begin, hedge, hedge_start, end)
        if hedge == "over" and written_unit in self.time_codes and \
                _prev_word(text, hedge_start)[0].lower() not in self.over_keeps:
            hedge, hedge_start = "", begin  # "over seven years": the period, not "more than"
        if unit in self.compound:
            m = self.rx["compound_duration"].match(text, end)
            if m:
                smaller = self.time_units[m.group(2).lower()]
                factor = self.compound[unit].get(smaller)
                n2 = _number_value(m.group(1)) if m.group(1)[0].isdigit() else _parse_words(m.group(1), self.lex)
                if factor and n2 is not None:
                    value, unit, end, precision = value * factor + sign * n2, smaller, m.end(), 0.0
                    written_unit = unit  # "1 hour 50 minutes" is 110 minutes

        # A range: "10,000-12,000", "10 to 12 million", "between 2% and 3%".
        sep = _AND_SEP.match(text, end) if hedge == "between" else _RANGE_SEP.match(text, end)
        if sep and not (sep.group(0).strip() == "to" and self.rx["change_before_to"].search(
                text, max(0, hedge_start - 16), hedge_start)):
            other = self.second_number(sep.end())
            if other is not None and not self.overlaps(other.start, other.end, self.masked):
                scale2, unit2, end2 = self.right_extension(other.end, currency, num.start)
                if scale == 1 and written_unit == currency and (scale2 != 1 or unit2):
                    scale, unit = scale2, unit2 or unit
                    written_unit = unit
                    value = sign * base * scale
                # "up 7% to 58,900" is two quantities, not a range
                if unit2 == unit or unit2 == currency or (unit2 == "" and written_unit in ("", currency)):
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
        spread = self.spread * abs(value)  # abs: "about minus 20C" is -21 to -19
        if approx == "~":
            return value - spread, value + spread
        if approx in (">", ">="):
            return value, (value + spread if hedge in self.close else None)
        if approx in ("<", "<="):
            return (value - spread if hedge in self.close else (0.0 if value >= 0 else None)), value
        return value, value


def find_figures(text: str, lex: Lexicon) -> list[Figure]:
    """Every figure in ``text``, in order, with offsets into ``text``."""
    return _Scanner(text, lex).run()
