"""Claims -> findings: the rule kinds, applied as the rule files configure them.

Compatibility is interval arithmetic: each figure is [low, high] from its
wording, widened by the rule's tolerance; two figures agree when their
intervals overlap. Time is interval arithmetic too: "last week" covers seven
days, so two claims are "about the same time" when their periods come within
the rule's window of each other.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import combinations
from types import SimpleNamespace

from . import lexicon
from .model import Claim, Finding
from .rulebook import Rule

INF = math.inf


@dataclass(frozen=True)
class Key:
    cls: str
    subject: str
    place: str
    period: str
    part: bool

    @classmethod
    @lru_cache(maxsize=65536)
    def parse(cls, quantity: str) -> "Key":
        part = quantity.endswith("/part")
        base = quantity[:-5] if part else quantity
        base, _, period = base.partition("@")
        bits = (base.split("/") + ["-", "-", "-"])[:3]
        bits = ["" if b == "-" else b for b in bits]
        return cls(bits[0], bits[1], bits[2], period, part)

    def __str__(self) -> str:
        key = "/".join(p or "-" for p in (self.cls, self.subject, self.place))
        return key + (f"@{self.period}" if self.period else "") + ("/part" if self.part else "")

    def fills(self, other: "Key") -> bool:
        """Names a subject, place or period that ``other`` leaves out."""
        return any(a and not b for a, b in ((self.subject, other.subject), (self.place, other.place),
                                             (self.period, other.period)))

    def merged(self, others: list["Key"]) -> "Key":
        subject, place, period = self.subject, self.place, self.period
        for o in others:
            subject, place, period = subject or o.subject, place or o.place, period or o.period
        return Key(self.cls, subject, place, period, self.part)

    def overall(self, others: list["Key"]) -> "Key":
        """This key with "all" where ``others`` name different subjects or places and it names none."""
        subjects = {o.subject for o in others if o.subject}
        places = {o.place for o in others if o.place}
        return Key(self.cls, self.subject or ("all" if len(subjects) > 1 else ""),
                   self.place or ("all" if len(places) > 1 else ""), self.period, self.part)

    def compatible(self, other: "Key") -> bool:
        """Same class and part-ness; subject, place and period equal where both give them."""
        if not self.cls or self.cls != other.cls or self.part != other.part:
            return False
        return all(not a or not b or a == b for a, b in ((self.subject, other.subject), (self.place, other.place))) \
            and same_period(self.period, other.period)


def interval(claim: Claim, rule: Rule, rounding: bool = False, closed: bool = False) -> tuple[float, float]:
    """[low, high] the wording allows, widened by rounding and the rule's tolerance.

    ``closed`` reads "more than 300" as about 300: for a series over time, a count
    that goes from "more than 300" to 1,150 has moved, though one does not exclude the other.
    """
    f = claim.figure
    low = (f.value if closed else -INF) if f.low is None else f.low
    high = (f.value if closed else INF) if f.high is None else f.high
    if rounding and f.precision:
        low, high = low - f.precision, high + f.precision
    if low != -INF:
        low = low - abs(low) * rule.relative - rule.absolute
    if high != INF:
        high = high + abs(high) * rule.relative + rule.absolute
    return low, high


def disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def period(claim: Claim) -> tuple[date, date] | None:
    """The days a claim is about: the day it describes when the text gives one, else when it was said."""
    if len(claim.refers_to) == 10:
        day = date.fromisoformat(claim.refers_to)
        return day, day
    start = claim.said_on or claim.published
    if start is None:
        return None
    grain = claim.said_on_grain if claim.said_on else "day"
    if grain == "week":
        return start, start + timedelta(days=6)
    if grain == "month":
        nxt = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start, nxt - timedelta(days=1)
    if grain == "year":
        return start, date(start.year, 12, 31)
    return start, start


def days_apart(a: Claim, b: Claim) -> float:
    pa, pb = period(a), period(b)
    if pa is None or pb is None:
        return 0.0  # undated: we cannot tell them apart in time
    return max(0, (pb[0] - pa[1]).days, (pa[0] - pb[1]).days)


def within_window(rule: Rule, a: Claim, b: Claim) -> bool:
    """About the same time. A figure the text pins to its own day ("9,800 hectares by
    Sunday") is of that day: two pinned figures must share it, one gets a day's grace."""
    apart = days_apart(a, b)
    pinned = (len(a.refers_to) == 10) + (len(b.refers_to) == 10)
    if pinned == 2 and a.dated and b.dated and a.said_on and b.said_on and \
            abs((a.said_on - b.said_on).days) > rule.window_days:
        return False  # "the toll from Monday's landslide" given on Wednesday and on Saturday: two counts
    window = rule.window_days if pinned == 0 else 1 if pinned == 1 else 0
    if a.dated and b.dated and not pinned:
        # both sources' days are in the text ("on Tuesday", "on Thursday"): the window that
        # allows for an undated "said" is not needed
        window = min(window, rule.window_days_dated)
    return apart <= window


def _field(claim: Claim, name: str) -> str:
    if name == "unit":
        return claim.figure.unit
    if name == "modality":
        # an estimate or a forecast of a quantity is compared with what is stated of it; a plan is not
        return _comparable_modality().get(claim.modality, claim.modality)
    return str(getattr(claim, name))


def _comparable_modality() -> dict[str, str]:
    return lexicon.load()["modality"].get("compared_as", {})


def prediction_beside_fact(a: Claim, b: Claim) -> bool:
    """A forecast and a figure that is not one, in one article: "temperatures peaked at 44C ...
    expected to ease to about 35C" tells a change to come, not a figure revised; "the toll stood at 34
    ... could rise to more than 50" and "profit was $212m ... analysts had expected $280m" are no conflict."""
    return a.article == b.article and (a.modality == "forecast") != (b.modality == "forecast")


def same_named_period(a: Claim, b: Claim) -> bool:
    """Both keys name one period: "will widen to £14m next year" and "a shortfall of £9m next year" are
    one forecast told twice, not a figure now and one to come."""
    pa, pb = Key.parse(a.quantity).period, Key.parse(b.quantity).period
    return bool(pa) and pa == pb


def forecast_against_other(a: Claim, b: Claim) -> bool:
    """A forecast set against another source's later statement: "a poll forecast 41 per cent", then "the party
    won 36.2 per cent", is a forecast missed, not one figure revised (that is a source revising its own
    forecast: "will cost $1.2bn", then "has risen to $1.65bn")."""
    return (a.modality == "forecast") != (b.modality == "forecast") and a.source != b.source


def _implied_period(claim: Claim, like: str) -> str:
    """A figure with no period of its own is about the time it was given, written as ``like`` is
    (2025, 2025-08, 2025-Q3, 2025-H2, 2025-08-04); a running count ("since Friday", 2025-08-01/)
    is what an undated count of the same thing reports."""
    when = claim.said_on or claim.published
    if when is None or like.endswith("/") or claim.modality == "planned":
        return like  # a plan with no date ("1,400 jobs will go") fits the one that gives its deadline
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", like):
        return when.isoformat()
    if re.fullmatch(r"\d{4}-\d{2}", like):
        return when.strftime("%Y-%m")
    if re.fullmatch(r"\d{4}-Q\d", like):
        return f"{when.year}-Q{(when.month - 1) // 3 + 1}"
    if re.fullmatch(r"\d{4}-H\d", like):
        return f"{when.year}-H{(when.month - 1) // 6 + 1}"
    return str(when.year)


def same_period(a: str, b: str) -> bool:
    """Equal where both are given; two running counts ("since Friday", "since the weekend") are one
    count, and a running count is within a period that holds its start (2025-08-01/ in 2025)."""
    if not a or not b or a == b:
        return True
    if a.endswith("/") and b.endswith("/"):
        return True
    since, other = (a, b) if a.endswith("/") else (b, a) if b.endswith("/") else ("", "")
    return bool(since) and since.startswith(other)


def _noun_classes() -> dict[str, str]:
    return lexicon.load().regex("noun-classes", lambda lex: {
        w: cls for cls, words in lex["nouns"]["classes"].items() for w in words})


def same_measured(a: Claim, b: Claim, key: "Key") -> bool:
    """A measure is keyed by its unit ("15,200 hectares" of wildfire, "3,400 hectares" of blaze); two that
    name what they measure must name the same thing ("38.4C" of temperature is not "nights above 20C")."""
    if key.cls != a.figure.unit.lower() or not a.counted or not b.counted or a.counted == b.counted:
        return True
    classes = _noun_classes()
    return classes.get(a.counted, a.counted) == classes.get(b.counted, b.counted)


def same_quantity(a: Claim, b: Claim) -> bool:
    ka, kb = Key.parse(a.quantity), Key.parse(b.quantity)
    if not same_measured(a, b, ka):
        return False
    if ka.period and not kb.period:
        kb = Key(kb.cls, kb.subject, kb.place, _implied_period(b, ka.period), kb.part)
    elif kb.period and not ka.period:
        ka = Key(ka.cls, ka.subject, ka.place, _implied_period(a, kb.period), ka.part)
    if ka.place and kb.place and ka.place != kb.place and one_place(a, ka.place, b, kb.place):
        kb = Key(kb.cls, kb.subject, ka.place, kb.period, kb.part)
    return ka.compatible(kb)


def one_place(a: Claim, pa: str, b: Claim, pb: str) -> bool:
    """Two places that are one: a name written shorter ("the Pan-Oceanic Championships" for "the Pan-Oceanic
    Athletics Championships"), or a place and the one it lies in where each figure's sentence names both
    ("the village of Tambor in the Verhen district ... killing nine", "the toll in Tambor has risen to 23,
    the Verhen district office said")."""
    wa, wb = pa.split("-"), pb.split("-")
    short, long = sorted((wa, wb), key=len)
    it = iter(long)
    if short[0] == long[0] and all(w in it for w in short):
        return True
    ta, tb = a.sentence_text.lower(), b.sentence_text.lower()
    return " ".join(wb) in ta.replace("-", " ") and " ".join(wa) in tb.replace("-", " ")


_CONTENT_WORD = re.compile(r"[a-z][a-z'’-]{3,}")
_NAME = re.compile(r"[A-Z][\w'’-]{3,}")
_NAME_INSIDE = re.compile(r"(?<=[\w,;] )[A-Z][a-z][\w'’-]{2,}")
_FEW_WORDS = 8


# Where one figure's clause ends and the next one's begins: "harvested 4.8 million tonnes of wheat last year
# and exports about a third of its crop" gives the wheat to the tonnes, not to the third.
_CLAUSE_BREAK = re.compile(r"(?:,(?!\d)|;|:|\s[-–—]\s|\b(?:and|but|while|whereas|when|where|which|who|as|after|"
                           r"compared with|against|up from|down from|from)\b)", re.I)
# ", killing at least 11 people", "a deficit of €12.4bn, or 3.1 per cent of output": the clause before is this one's too
_PARTICIPLE = re.compile(r",\s+(?:(?:\w+ly\s+)?[a-z]+ing|or)\b")
_FRAME_WORD = re.compile(r"[A-Za-z][a-z'’]{2,}")


def _stem(word: str) -> str:
    """A crude stem, enough to hear "killed" and "killing", "cuts" and "cut" as one word."""
    word = word.lower().removesuffix("'s").removesuffix("’s")
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
            break
    return word.removesuffix("e")


def _marks(before: str, after: str) -> tuple[str, ...]:
    """What sets a figure apart from a plain count of its noun: an increment ("another 2,000 jobs", "700 more
    guards") or a subgroup named by a superlative ("the poorest 800,000 households")."""
    marks = []
    if _increment_before().search(before) or _increment_after().match(after):
        marks.append("+")
    top = re.search(r"\bthe\s+([a-z]{2,}est|top|bottom)\s+$", before, re.I)
    if top and top.group(1).lower() not in _NOT_SUPERLATIVE:
        marks.append(top.group(1).lower())
    return tuple(marks)


_NOT_SUPERLATIVE = {"latest", "interest", "harvest", "protest", "request", "contest", "forest", "west"}


def _increment_before() -> re.Pattern:
    return lexicon.load().regex("increment-before", lambda lex: re.compile(
        r"\b(?:" + "|".join(map(re.escape, lex["modality"].get("increments", {}).get("before", []) or ["\0"]))
        + r")\s+$", re.I))


def _increment_after() -> re.Pattern:
    return lexicon.load().regex("increment-after", lambda lex: re.compile(
        r"\s+(?:[a-z-]+\s+)?(?:" + "|".join(map(re.escape, lex["modality"].get("increments", {}).get("after", []) or ["\0"]))
        + r")\b", re.I))


class Frames:
    """What the words around a figure say about it, beyond its counted noun: the stems of its clause.

    A sentence's figures each own their clause ("Police solved 44 per cent of all cases, and burglaries fell
    to 18,300"); the words before the first clause and after the last are the whole sentence's ("... near
    Kelmira on Monday, the general staff said" tells of every figure in it). Two figures with the same key
    are one quantity told twice only when their frames share a word: "reported cases up 21 per cent to
    37,600" of online fraud and "shoplifting rose to 11,400 reported cases" say nothing in common.
    """

    def __init__(self, claims: list[Claim], skip: frozenset[str]):
        self.skip = {_stem(w) for w in skip} | skip
        self.frames: dict[str, frozenset[str]] = {}
        self.marks: dict[str, tuple[str, ...]] = {}
        by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
        for c in claims:
            by_sentence[(c.article, c.sentence)].append(c)
        classes = _noun_classes()
        members: dict[str, set[str]] = defaultdict(set)
        for word, cls in classes.items():
            members[cls].add(word)
        for group in by_sentence.values():
            group.sort(key=lambda c: c.figure.start)
            text = group[0].sentence_text
            spans, pos = [], 0
            for c in group:  # the figures' places in the sentence, in order
                at = text.find(c.figure.text, pos)
                if at < 0:
                    spans = []
                    break
                spans.append((at, at + len(c.figure.text)))
                pos = at + len(c.figure.text)
            if not spans:
                for c in group:
                    self.frames[c.id] = self._words(text, c, members)
                continue
            for c, (lo, hi) in zip(group, spans):
                self.marks[c.id] = _marks(text[:lo], text[hi:])
            starts, ends = [0] * len(group), [len(text)] * len(group)
            lean = [False] * len(group)  # ", killing at least 11 people": the clause before is this one's too
            for i in range(len(group) - 1):
                gap_lo, gap_hi = spans[i][1], spans[i + 1][0]
                breaks = list(_CLAUSE_BREAK.finditer(text, gap_lo, gap_hi))
                if breaks:
                    ends[i], starts[i + 1] = breaks[0].start(), breaks[-1].start()
                    lean[i + 1] = bool(_PARTICIPLE.match(text, breaks[-1].start()))
            # before the first figure's clause and after the last one's: the sentence's, shared by all
            head = list(_CLAUSE_BREAK.finditer(text, 0, spans[0][0]))
            tail = _CLAUSE_BREAK.search(text, spans[-1][1])
            if len(group) > 1:
                starts[0] = head[-1].start() if head else 0
                ends[-1] = tail.start() if tail else len(text)
            shared = text[: starts[0]] + " " + text[ends[-1]:] if len(group) > 1 else ""
            for i, c in enumerate(group):
                own = text[starts[i]:ends[i]] if len(group) > 1 else text
                if lean[i]:
                    own += " " + text[starts[i - 1]:ends[i - 1]]
                self.frames[c.id] = self._words(own + " " + shared, c, members)

    def _words(self, text: str, claim: Claim, members: dict[str, set[str]]) -> frozenset[str]:
        counted = _noun_classes().get(claim.counted, claim.counted)
        noun = {_stem(w) for w in members.get(counted, set()) | {claim.counted, counted} for w in w.split()}
        noun |= {_stem(w) for w in _FRAME_WORD.findall(claim.figure.text)}
        return frozenset(s for s in (_stem(w) for w in _FRAME_WORD.findall(text))
                         if s not in self.skip and s not in noun)

    def alike(self, a: Claim, b: Claim) -> bool:
        """Both plain counts, both increments, or both of one subgroup (see _marks)."""
        return self.marks.get(a.id, ()) == self.marks.get(b.id, ())

    def share(self, a: Claim, b: Claim) -> frozenset[str]:
        """Words both frames hold, less the name of a source both figures have ("the agency said")."""
        common = self.frames.get(a.id, frozenset()) & self.frames.get(b.id, frozenset())
        both = {_stem(w) for w in _FRAME_WORD.findall(f"{a.source} {a.via}")} & \
            {_stem(w) for w in _FRAME_WORD.findall(f"{b.source} {b.via}")}
        return common - both


class Stories:
    """Whether two articles tell the same story: the share of content words they have in
    common (over the smaller article's words). Claims of unrelated stories checked together
    ("a folder of today's news") are not compared just because both count deaths.
    """

    def __init__(self, claims: list[Claim], texts: dict[str, str] | None, skip: frozenset[str]):
        self.skip = skip
        self.words: dict[str, set[str]] = {}
        for article, text in (texts or {}).items():
            self.words[article] = self._content(text)
        extra: dict[str, list[str]] = defaultdict(list)
        for c in claims:
            if c.article not in self.words:
                extra[c.article].append(c.sentence_text)  # ledger claims: their sentences are what we have
        for article, sentences in extra.items():
            self.words[article] = self._content(" ".join(dict.fromkeys(sentences)))
        self._cache: dict[tuple[str, str], float] = {}
        self.frames = Frames(claims, skip)
        self.mates: dict[tuple[str, int], list[Claim]] = defaultdict(list)
        for c in claims:
            if c.quantity and not c.part_of:
                self.mates[(c.article, c.sentence)].append(c)
        # names each article holds, and in how many articles each name is: a name that many of the articles
        # checked together hold ("Council", "Health") tells no story from another
        self.article_names = {a: {w.lower().removesuffix("'s").removesuffix("’s") for w in _NAME_INSIDE.findall(t)}
                              - skip for a, t in (texts or {}).items()}
        self.name_count: dict[str, int] = defaultdict(int)
        for names in self.article_names.values():
            for n in names:
                self.name_count[n] += 1
        self.rare = max(2, len(self.article_names) // 20)

    def _content(self, text: str) -> set[str]:
        return {w for w in _CONTENT_WORD.findall(text.lower()) if w not in self.skip}

    def overlap(self, a: str, b: str) -> float:
        key = (a, b) if a < b else (b, a)
        if key not in self._cache:
            wa, wb = self.words.get(a, set()), self.words.get(b, set())
            if min(len(wa), len(wb)) < _FEW_WORDS:
                self._cache[key] = 1.0  # a line or two cannot tell us which story it belongs to
            else:
                self._cache[key] = len(wa & wb) / min(len(wa), len(wb))
        return self._cache[key]

    def same(self, rule: Rule, a: Claim, b: Claim) -> bool:
        if a.article == b.article or not rule.same_story:
            return True
        share = self.overlap(a.article, b.article)
        # Long articles of unrelated stories share a tenth of their words ("officials", "rose", "cases");
        # reports of one story share more, or share the story's names ("Tambor", "Upper Morvaine"). Two
        # short reports of one event may share few words, but both figures' sentences name it
        # ("31 civilians were killed ... in Orsk", "Eighteen people died in ... the Orsk market").
        return share >= 2 * rule.same_story or (share >= rule.same_story and bool(self.story_names(a.article, b.article))) \
            or (share >= rule.same_story / 2 and bool(self.shared_names(a, b)))

    def counterpart_beside(self, a: Claim, b: Claim) -> bool:
        """``b``'s sentence holds another figure of the same quantity that repeats ``a`` ("14 farms in Kessing"
        beside "three farms in Dalvin", and "14 farms" the day before): that one is ``a``'s, ``b`` is another
        thing the sentence sets apart from it."""
        span = interval(a, _EXACT, True)
        return any(m is not b and m is not a and same_quantity(m, b) and not disjoint(span, interval(m, _EXACT, True))
                   for m in self.mates.get((b.article, b.sentence), ()))

    def story_names(self, a: str, b: str) -> set[str]:
        """Names both articles hold that few of the articles checked together hold."""
        if a not in self.article_names or b not in self.article_names:
            return {""}  # claims from the ledger: their articles' names are not at hand
        return {n for n in self.article_names[a] & self.article_names[b] if self.name_count[n] <= self.rare}

    def related(self, a: Claim, b: Claim) -> bool:
        """The two figures' clauses say something in common beyond what is counted (see Frames), or their
        sentences name the same place, person or body."""
        if not self.frames.alike(a, b):
            return False
        if a.article == b.article and "outlet" not in (a.source_type, b.source_type):
            return True  # two sources quoted in one story, or one twice, about what the story counts
        # or the sentences name the same place, person or body besides the sources ("near Kelmira")
        return bool(self.frames.share(a, b)) or bool(self.shared_names(a, b))

    def names(self, claim: Claim) -> set[str]:
        """Names in a claim's sentence (capitalised inside it), less its source's and the story-less words."""
        own = {w.lower() for w in _NAME.findall(f"{claim.source} {claim.via}")}
        return {w.lower().removesuffix("'s").removesuffix("’s") for w in _NAME_INSIDE.findall(claim.sentence_text)} \
            - own - self.skip

    def shared_names(self, a: Claim, b: Claim) -> set[str]:
        return self.names(a) & self.names(b)


def _matches(rule: Rule, a: Claim, b: Claim) -> bool:
    for name in rule.same:
        if name == "quantity":
            if not same_quantity(a, b):
                return False
        elif _field(a, name) != _field(b, name):
            return False
    # "different: [source, article]": at least one of them differs (two sources, or one source
    # quoted differently by two outlets)
    if rule.different and all(_field(a, name) == _field(b, name) for name in rule.different):
        return False
    return True


def describe_when(claim: Claim) -> str:
    if claim.said_on is None:
        return "undated"
    if claim.said_on_grain == "week":
        return f"week of {claim.said_on.isoformat()}"
    if claim.said_on_grain == "month":
        return claim.said_on.strftime("%B %Y")
    if claim.said_on_grain == "year":
        return str(claim.said_on.year)
    return claim.said_on.isoformat()


def _view(claim: Claim) -> SimpleNamespace:
    return SimpleNamespace(text=claim.figure.text, value=claim.figure.value, source=claim.source,
                           when=describe_when(claim), said_on=claim.said_on, line=claim.line, article=claim.article,
                           via=claim.via, counted=claim.counted)


def _finding(rule: Rule, claims: list[Claim], why: str, **fields) -> Finding:
    claims = sorted(claims, key=_time_order)
    values = {"quantity": claims[0].quantity, "rule": rule.id, "count": len(claims)}
    values.update(fields)
    values.setdefault("a", _view(claims[0]))
    values.setdefault("b", _view(claims[-1]))
    try:
        message = rule.message.format_map(values)
    except (AttributeError, KeyError, IndexError, ValueError):
        message = f"{rule.name}: " + ", ".join(f"{c.figure.text} ({c.source})" for c in claims)
    return Finding(rule=rule.id, name=rule.name, kind=rule.kind, level=rule.level,
                   quantity=claims[0].quantity, claims=tuple(claims), message=message, why=why)


def _time_order(c: Claim):
    p = period(c)
    return (p[0] if p else date.min, c.said_on or date.min, c.article, c.figure.start)


def _eligible(rule: Rule, claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.quantity and c.modality in rule.modalities
            and c.source_type not in rule.skip_source_types]


def _components(nodes: list[Claim], edges: list[tuple[int, int]]) -> list[list[Claim]]:
    parent = list(range(len(nodes)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in edges:
        parent[find(i)] = find(j)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for i in {i for e in edges for i in e}:
        groups[find(i)].append(nodes[i])
    return [sorted(g, key=_time_order) for g in groups.values()]


def _pairs(rule: Rule, claims: list[Claim], *, rounding: bool, stories: Stories):
    """Index pairs that match the rule, are about the same time and disagree."""
    wholes = named_wholes(claims)
    # Only claims of one class can be about one quantity: compare within classes, not all pairs.
    by_class: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        by_class[Key.parse(c.quantity).cls].append(i)
    pairs = ((i, j) for members in by_class.values() for i, j in combinations(members, 2))
    for i, j in pairs:
        a, b = claims[i], claims[j]
        if not stories.same(rule, a, b):
            continue
        if a.part_of or b.part_of or same_sentence(a, b):
            continue
        if (a.id in wholes) != (b.id in wholes):
            continue  # "81 of the 150 seats": a total is compared with totals, not with a party's share
        if not _matches(rule, a, b) or not within_window(rule, a, b) \
                or prediction_beside_fact(a, b) and not same_named_period(a, b) or not stories.related(a, b) \
                or stories.counterpart_beside(a, b) or stories.counterpart_beside(b, a):
            continue
        if rule.max_ratio and _ratio(a, b) > rule.max_ratio:
            continue  # 420 and 36,500 runners are not one count told two ways, but two counts
        strict = disjoint(interval(a, rule), interval(b, rule))
        loose = disjoint(interval(a, rule, True), interval(b, rule, True))
        if (loose if not rounding else strict and not loose):
            yield i, j


def same_sentence(a: Claim, b: Claim) -> bool:
    """Two figures in one sentence are a comparison or a breakdown, not one quantity told twice."""
    return a.article == b.article and a.sentence == b.sentence


def own_voice(a: Claim, b: Claim) -> bool:
    """Two figures an article gives in its own voice: a story's background and its news, or a past
    peak and a forecast, not one figure revised (which is reported as someone's)."""
    return a.article == b.article and a.source_type == b.source_type == "outlet"


def _ratio(a: Claim, b: Claim) -> float:
    x, y = abs(a.figure.value), abs(b.figure.value)
    if min(x, y) == 0:
        return math.inf
    return max(x, y) / min(x, y)


def conflicts(rule: Rule, claims: list[Claim], stories: Stories) -> list[Finding]:
    claims = _eligible(rule, claims)
    edges = list(_pairs(rule, claims, rounding=rule.kind == "rounding", stories=stories))
    out = []
    for group in _components(claims, edges):
        sources = sorted({c.source for c in group})
        why = (f"{len(group)} figures for {group[0].quantity} from {', '.join(sources)}, "
               f"within {rule.window_days:g} days of each other, whose intervals do not overlap"
               if rule.kind != "rounding" else
               "the intervals overlap only once each figure's rounding is allowed for")
        out.append(_finding(rule, group, why))
    return out


def _trend(series: list[Claim]) -> str:
    first, last = series[0].figure.value, series[-1].figure.value
    sources = {c.source for c in series}
    word = "rising" if last > first else "falling" if last < first else "changing"
    return f"{word}, revised by {series[0].source}" if len(sources) == 1 else word


def named_wholes(claims: list[Claim]) -> set[str]:
    """ "81 of the 150 seats": a whole named after its part is a total (all the seats), compared with
    totals only, not with a party's share."""
    by_id = {c.id: c for c in claims}
    return {c.part_of for c in claims if c.part_of in by_id and c.figure.start < by_id[c.part_of].figure.start
            and c.article == by_id[c.part_of].article}


def linked(rule: Rule, stories: Stories, a: Claim, b: Claim) -> bool:
    """Two figures of a series: related (see Stories.related) and within the rule's ratio of each other
    (a toll that goes from 12 to 40 has risen; 48,730 and 1,126 cases are two outbreaks); in one sentence
    only when it pins them to two days ("3,400 hectares by Friday and 9,800 by Sunday"); neither repeated
    by a figure beside the other (see Stories.counterpart_beside)."""
    return stories.related(a, b) and not (rule.max_ratio and _ratio(a, b) > rule.max_ratio) \
        and (not same_sentence(a, b) or a.refers_to != b.refers_to and len(a.refers_to) == len(b.refers_to) == 10) \
        and not stories.counterpart_beside(a, b) and not stories.counterpart_beside(b, a)


def drift(rule: Rule, claims: list[Claim], stories: Stories) -> list[Finding]:
    wholes = named_wholes(claims)
    claims = [c for c in _eligible(rule, claims) if not c.part_of and period(c) is not None]
    groups: list[list[Claim]] = []
    by_class: dict[str, list[list[Claim]]] = defaultdict(list)  # only claims of one class can be one quantity
    for claim in sorted(claims, key=_time_order):
        cls = Key.parse(claim.quantity).cls
        for group in by_class[cls]:
            if all(_matches(rule, claim, other) and stories.same(rule, claim, other)
                   and (claim.id in wholes) == (other.id in wholes) for other in group) \
                    and any(linked(rule, stories, claim, other) for other in group):
                group.append(claim)
                break
        else:
            groups.append([claim])
            by_class[cls].append(groups[-1])
    out = []
    for group in groups:
        # a step of the series is two figures that are linked themselves, not only through others
        moved = any(not same_sentence(a, b) and not own_voice(a, b) and not prediction_beside_fact(a, b)
                    and not forecast_against_other(a, b) and not within_window(rule, a, b)
                    and linked(rule, stories, a, b) and
                    disjoint(interval(a, rule, True, closed=True), interval(b, rule, True, closed=True))
                    for a, b in combinations(group, 2))
        if not moved:
            continue
        series = " -> ".join(f"{c.figure.text} ({c.source}, {describe_when(c)})" for c in group)
        why = "the same quantity has values that do not overlap on dates more than " \
              f"{rule.window_days:g} days apart"
        out.append(_finding(rule, group, why, series=series, trend=_trend(group)))
    return out


def part_whole(rule: Rule, claims: list[Claim], stories: Stories) -> list[Finding]:
    by_id = {c.id: c for c in claims}
    parts: dict[str, list[Claim]] = defaultdict(list)
    levels = lexicon.load().wordset("nouns", "non_additive_units")
    for c in claims:
        if c.figure.unit.lower() in levels:
            continue  # rain in one region may exceed the national average: a level has no parts
        if c.part_of and c.part_of in by_id and c.modality in rule.modalities \
                and c.figure.unit == by_id[c.part_of].figure.unit:  # £11.5bn is no part of 212,000 homes
            parts[c.part_of].append(c)
    out = []
    for whole_id, group in parts.items():
        whole = by_id[whole_id]
        _, whole_high = interval(whole, rule, True)
        for part in group:
            part_low, _ = interval(part, rule, True)
            if rule.max_ratio and _ratio(part, whole) > rule.max_ratio:
                continue  # "87 people have died, including 11 ..., and about 640 have been admitted": not its part
            if part_low > whole_high:
                out.append(_finding(rule, [part, whole], "a part's lowest value is above its whole's highest",
                                    a=_view(part), b=_view(whole)))
        # Parts listed together (one sentence: "780 MW solar and 530 MW wind") are a breakdown
        # and must add up within the whole; parts from different sentences may overlap.
        by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
        named_total = any(p.figure.start < whole.figure.start and p.article == whole.article for p in group)
        for part in group:
            # the parts of a named total ("of the 150 seats") are one breakdown wherever they stand
            by_sentence[(part.article, -1 if named_total else part.sentence)].append(part)
        for listed in by_sentence.values():
            if len(listed) < 2:
                continue
            total_low = sum(max(interval(p, rule, True)[0], 0) for p in listed)
            if total_low > whole_high and not any(interval(p, rule, True)[0] > whole_high for p in listed):
                text = " + ".join(p.figure.text for p in listed)
                out.append(_finding(rule, [*listed, whole], "the parts listed together add up to more than their whole",
                                    a=SimpleNamespace(**{**vars(_view(listed[0])), "text": text}), b=_view(whole)))
    return out


_KINDS = {
    "conflict": conflicts,
    "self-contradiction": conflicts,
    "rounding": conflicts,
    "drift": drift,
    "part-whole": part_whole,
}


_EXACT = SimpleNamespace(relative=0.0, absolute=0)


def resolve(claims: list[Claim], stories: Stories, same_story: float) -> list[Claim]:
    """Claims whose key leaves out who or where, made specific where the story tells which.

    "12 people had lost their lives in the territory" fits both "seven killed on San Teo" and "12 died
    in Porto Vell"; a key that fits claims naming different places is about the one whose figure it
    repeats, and is not compared with the others. One that repeats none is left as it is.
    """
    keys = [Key.parse(c.quantity) for c in claims]
    by_class: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        if keys[i].cls and not c.part_of:
            by_class[(keys[i].cls, c.figure.unit)].append(i)
    out = list(claims)
    for members in by_class.values():
        if len(members) < 3:
            continue  # it takes two specific keys to make a third ambiguous
        for i in members:
            a = claims[i]
            fitting = [j for j in members if j != i and keys[j].fills(keys[i]) and keys[j].compatible(keys[i])
                       and (a.article == claims[j].article or stories.overlap(a.article, claims[j].article) >= same_story)]
            if all(keys[x].compatible(keys[y]) for x, y in combinations(fitting, 2)):
                continue  # one story, one place: nothing to choose
            span = interval(a, _EXACT, True)
            agree = [j for j in fitting if not disjoint(span, interval(claims[j], _EXACT, True))]
            if agree and all(keys[x].compatible(keys[y]) for x, y in combinations(agree, 2)):
                out[i] = replace(a, quantity=str(keys[i].merged([keys[j] for j in agree])))
            elif not agree:
                # "19 people died" beside "seven on San Teo" and "12 in Porto Vell": the figure for no
                # one place is the overall one, compared with overall figures only
                out[i] = replace(a, quantity=str(keys[i].overall([keys[j] for j in fitting])))
    return out


def parts_elsewhere(claims: list[Claim], stories: Stories, same_story: float) -> list[Claim]:
    """Claims that repeat a part of another article's breakdown, keyed as that part.

    "Korvex will cut 400 jobs" beside "Halberg will cut 1,100 jobs, including 400 at Korvex": the 400
    is the part, not a second figure for the group's 1,100. A claim is taken for the part when it
    agrees with the part, not with its whole, and counts the same kind of thing.
    """
    by_id = {c.id: c for c in claims}
    parts = [p for p in claims if p.part_of in by_id and p.quantity]
    if not parts:
        return claims
    classes = _noun_classes()
    out = list(claims)
    for i, c in enumerate(claims):
        if c.part_of or not c.quantity:
            continue
        key, span = Key.parse(c.quantity), interval(c, _EXACT, True)
        for p in parts:
            whole = by_id[p.part_of]
            if p.article == c.article or p.figure.unit != c.figure.unit or \
                    classes.get(p.counted, p.counted) != classes.get(c.counted, c.counted) or \
                    not Key.parse(whole.quantity).compatible(key) or stories.overlap(c.article, p.article) < same_story:
                continue
            if not disjoint(span, interval(p, _EXACT, True)) and disjoint(span, interval(whole, _EXACT, True)):
                out[i] = replace(c, quantity=p.quantity)
                break
    return out


def run(rules: tuple[Rule, ...], claims: list[Claim], texts: dict[str, str] | None = None,
        skip_words: frozenset[str] = frozenset()) -> list[Finding]:
    """Every finding of every rule, most severe first, then by place.

    ``texts`` (article id -> body) tell which articles tell the same story; without them
    the claims' own sentences are used. ``skip_words`` are left out of that comparison.
    """
    lex = lexicon.load()
    # times are what a key's period and a claim's date say; as words they tell no quantity from another
    skip_words = skip_words | lex.wordset("nouns", "time_words") | lex.wordset("dates", "quarter_ordinals")
    stories = Stories(claims, texts, skip_words)
    thresholds = [r.same_story for r in rules if r.same_story]
    claims = resolve(claims, stories, min(thresholds) if thresholds else 0.0)
    claims = parts_elsewhere(claims, stories, min(thresholds) if thresholds else 0.0)
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(_KINDS[rule.kind](rule, claims, stories))
    order = {"error": 0, "warning": 1, "info": 2}
    findings.sort(key=lambda f: (order[f.level], f.claims[0].path, f.claims[0].line, f.rule))
    return findings
