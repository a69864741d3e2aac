"""When a figure was said and what period it is about.

The time expression that dates an attribution ("said last week", "told MPs yesterday",
"put the death toll at 34 on Monday", "Speaking on Tuesday, X said"), the occasion a
statement with no time of its own goes on with ("It added", "the same briefing"), and
the period a figure describes (refers_to: "in 2023", "since February", "in the first
quarter", "by 2030", "next month", a day it is pinned to).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date

from . import dates
from .attribution import quote_for
from .lexicon import Lexicon
from .model import Figure

# A time expression counts as when the source spoke if it sits this close after
# the attribution ("said last week", "said on Wednesday").
_SAID_GAP = 4
# ... or after a short phrase that says how it was said ("said in a statement on Thursday",
# "told reporters in the capital, Orsa, on Monday"; "expects to spend this year" is no such phrase).
_SAID_PHRASE = re.compile(r"\s+(?:(?:in|at|during|via|through|told)\s+|to\s+(?=(?:the|a|an|his|her|their|its|reporters|[A-Z])\b))"
                          r"[^,;:\d“”\"]{0,35}?(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2},)?\s+")
# ... or after whom it was told to ("told MPs yesterday", "told the committee on Monday").
_TOLD_WHOM = re.compile(r"\s+(?:the\s+|a\s+)?(?!that\b)[\w'’-]+(?:\s+(?!that\b)[\w'’-]+){0,3}?\s+")
# ... or after the document's own participle or the source's relative clause ("according to a
# study by NIBR published on Wednesday", "according to PitchGrid, which said last week").
_ISSUED = re.compile(r"(?:\s+\([^()]{1,40}\))?\s+(?:published|released|issued|presented|posted|unveiled|delivered|filed)"
                     r"(?:\s+by\s+[^,;:\d“”\"]{0,40}?)?\s+")
# "according to PitchGrid, which said last week that about one in three": the source's relative
# clause dates what follows it, not the figure before
_WHICH_SAID = re.compile(r",\s+(?:which|who)\s+(?:also\s+)?\w+\s+(?:on\s+|in\s+)?$")
# Between a verb that takes an object ("put the death toll at 34 on Monday") and its time: no new
# clause, no verb of its own.
_OBJECT_GAP = re.compile(r"[,;:“”\"]|\b(?:that|which|who|after|before|when|while|whereas|but|because|although|though|"
                         r"if|unless|and|as|was|were|is|are|"
                         r"had|has|have|will|would|could|can|may|might|should|did|does|been|be)\b", re.I)
# An aside between commas: "The race, which was first held in 1984, raised", "Kessen, a city of
# about 210,000 people before the war, has been", "Relief of A$300, first announced in last year's
# budget, will"; a figure and a time on either side of one do not go together.
_ASIDE = re.compile(r",\s*(?:which|who|whose|an?|(?:\w+ly\s+|first\s+)?\w+ed)\b(?:[^,;]|,(?=\d))*,(?!\d)")
_COMMA = re.compile(r",(?!\d)|;")
# A wire dateline, "DRAVOS, Nov 18 (LWS) - ": the day the report was filed, no figure's own day.
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[\s\"“]*[A-Z][A-Z .'’-]*,\s*$")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?[-–—]")
# The opening of an aside, and what ends one's body: how _ASIDE scans, so that the asides before
# a point can be had from one scan of the sentence.
_ASIDE_OPEN = re.compile(r",\s*(?:which|who|whose|an?|(?:\w+ly\s+|first\s+)?\w+ed)\b")
_SAME = re.compile(r"\bsame\b")
# Where the 60th run of non-blanks after a point starts: no gap _said_on reads holds so many words.
_GAP_RUNS = re.compile(r"\s*(?:\S+\s+){59}")
# Leading the sentence, with no figure between it and the speaker: "On Monday the board put",
# "Sentencing him on Tuesday, Judge Hollis said", "In its update yesterday, the authority said".
_OPENING = re.compile(r"\s*(?:[A-Z][a-z]+\s+)?(?:on\s+)?$|\s*(?:In|At|During|[A-Z][a-z]+ing)\b[^,\d]{0,40}$")


def _said_on(candidates, att, text, published, lex, quotes=(), sentence_start=0, found=(), starts=None, openers=None):
    """The time expression (of ``candidates``, those that can tell when something was said)
    that dates the attribution, resolved; else None.

    It follows the verb ("said last week"), sits inside the attribution, follows the
    verb's object ("put the death toll at 34 on Monday"), or leads the sentence with
    no figure between ("Speaking on Tuesday, the commander said").

    ``starts`` (the candidates' starts) and ``openers`` (the candidates _OPENING allows) spare a
    pass over all of a long sentence's times for each of its attributions.
    """
    k = bisect_left(starts, min(att.start, att.end - 1)) if starts is not None else 0  # none before can date it
    reach = None
    while k < len(candidates):
        expr = candidates[k]
        k += 1
        if expr.start > att.end + 120:  # only a gap of _SAID_PHRASE, _ISSUED or _TOLD_WHOM is so long
            if reach is None:
                runs = _GAP_RUNS.match(text, att.end)
                reach = runs.end() if runs else len(text)
            if expr.start > reach:
                break
        if att.start <= expr.start and expr.end <= att.end:
            if re.search(r",\s+(?:which|who)\b[^,]*$", text[att.start:expr.start]) or "year" in expr.text \
                    and re.search(r"\d", text[att.start:expr.start]):
                continue  # "The SEC, which brought a case in March 2023, said", "is seeking 8% this year and said"
            return expr, dates.resolve(expr, published, lex)
        if att.end - 1 <= expr.start <= att.end + _SAID_GAP:
            return expr, dates.resolve(expr, published, lex)
        if expr.start >= att.end and (_SAID_PHRASE.fullmatch(text, att.end, expr.start)
                                      or _ISSUED.fullmatch(text, att.end, expr.start)):
            return expr, dates.resolve(expr, published, lex)  # "said in a statement on Thursday"
        if expr.start >= att.end and text.startswith(("told", "tell", "Told"), att.verb) \
                and _TOLD_WHOM.fullmatch(text, att.end, expr.start) \
                and not any(map(str.isdigit, text[att.end:expr.start])):
            return expr, dates.resolve(expr, published, lex)
        if expr.start >= att.end and _object_time(text, att, expr, lex, found, quotes):
            return expr, dates.resolve(expr, published, lex)  # "announced €1.5 million in aid on Monday"
    for expr in reversed(candidates if openers is None else openers):
        # only a time that opens the sentence: "Speaking on Tuesday, the commander said"
        if expr.end <= att.start and _OPENING.match(text, sentence_start, expr.start) \
                and re.fullmatch(r"[\s,]*(?:the\s+)?", text[expr.end:att.start]) is not None \
                and not quote_for(text, expr.start, quotes):
            return expr, dates.resolve(expr, published, lex)
    return None, (None, "")


def _object_time(text, att, expr, lex, found, quotes) -> bool:
    """"The EU announced €1.5 million in aid on Monday", "the ministry last revised its estimate in
    March": a verb that takes an object, not a clause, and the time at the end of its clause; not
    a year ("put $2bn into start-ups so far this year": the period of the figure)."""
    if "year" in expr.text.lower():
        return False
    verb = re.match(r"[\w-]+", text[att.verb:att.verb + 20])
    if expr.start - att.end > 120:
        return False
    gap = text[att.end:expr.start]
    return bool(verb) and verb.group(0).lower() in lex.wordset("dates", "giving_verbs") \
        and not _OBJECT_GAP.search(gap) and not text.startswith(("'s", "’s"), expr.end) \
        and not any(att.end <= other.start < expr.start for other in found) and not quote_for(text, expr.start, quotes)


def _which_said(expr, text: str, published, lex) -> bool:
    """ "PitchGrid, which said last week that": a time in the source's relative clause, before "that"."""
    return _WHICH_SAID.search(text, max(0, expr.start - 40), expr.start) is not None \
        and re.match(r"\s+that\b", text[expr.end:expr.end + 6]) is not None and dates.can_be_said(expr, published, lex)


def own_time(fig: Figure, exprs, text: str, lo: int, limit: int, published, lex, starts=None, which_said=None):
    """The time a figure was given, when its own clause says it ("up from 22 reported last week",
    "the death toll of 11 he had given on Monday evening", "PitchGrid, which said last week that
    about one in three"), resolved; else None.

    ``starts`` (of ``exprs``) and ``which_said`` (the times of ``exprs`` _which_said allows) spare
    a pass over all of a long sentence's times for each of its figures."""
    rx = lex.regex("own_time", lambda lx: re.compile(
        r"(?:\s*[\w'’-]+){0,3}?\s*(?:(?:that|which)\s+)?(?:(?:he|she|it|they|we|officials|the\s+[\w-]+)\s+)?"
        r"(?:had\s+|has\s+|have\s+)?(?:" + "|".join(sorted(lx.wordset("dates", "statement_verbs"))) + r")"
        r"(?:\s+by\s+[^,;:\d“”\"]{0,40}?)?\s+(?:in\s+)?", re.I))
    first = 0 if starts is None else bisect_left(starts, fig.end)  # the times before it are passed over
    for expr in exprs[first:first + 1] if starts is not None else exprs:
        if fig.end <= expr.start < limit:
            if rx.fullmatch(text, fig.end, expr.start) and dates.can_be_said(expr, published, lex) \
                    and not text.startswith(("'s", "’s"), expr.end):  # "promised in last year's budget"
                return expr, dates.resolve(expr, published, lex)
            if _IN_ITS.fullmatch(text, fig.end, expr.start) and dates.can_be_said(expr, published, lex) \
                    and re.match(r"\s+([\w-]+)", text[expr.end:expr.end + 30]) \
                    and re.match(r"\s+([\w-]+)", text[expr.end:expr.end + 30]).group(1).lower() in lex.wordset("dates", "dated_documents"):
                return expr, dates.resolve(expr, published, lex)  # "up from 2.5% in its April outlook"
            break
    if which_said is None:
        which_said = [e for e in exprs if _which_said(e, text, published, lex)]
    k = bisect_left(which_said, fig.start, key=lambda e: e.start)
    while k > 0 and which_said[k - 1].start >= lo:  # the nearest before the figure, from lo on
        k -= 1
        if which_said[k].end <= fig.start:
            return which_said[k], dates.resolve(which_said[k], published, lex)
    return None


_IN_ITS = re.compile(r"\s+in\s+(?:its|their|his|her|the)\s+")


class Occasions:
    """When each source spoke. A time with the attribution dates it; without one, a statement
    goes on with an occasion already dated: a pronoun, participle or 'also' after the source's
    dated statement ('It said', 'adding'), a person named again, 'the poll' after a dated poll,
    '... and expected' after 'said on Monday', 'In the same statement'. Else (a fresh 'and a
    South Korean official said') it is the story's day."""

    def __init__(self, text: str, published: date | None, lex: Lexicon, quotes):
        self.text, self.published, self.lex, self.quotes = text, published, lex, quotes
        self.by_source: dict[str, tuple[int, date | None, str, bool]] = {}  # sentence, said_on, grain, dated
        self.latest: tuple[int, date | None, str, bool] | None = None  # the latest dated statement of anyone
        self.memo: dict = {}

    def sentence(self, number: int, s_start: int, exprs, found, figures: bool, s_end: int | None = None) -> None:
        """Date the sentence's attributions in order. Only a sentence with figures leaves its
        speakers' occasions for the sentences after it to go on with."""
        self.number, self.s_start, self.found, self.memo, self.exprs = number, s_start, found, {}, exprs
        self.s_end = len(self.text) if s_end is None else s_end
        self.spoken: set = set()  # the time expressions that date a statement, as self.memo gives them
        self.expr_starts = [e.start for e in exprs]
        self._ends: tuple | None = None  # built when needed: see _last_ending_by
        self._aside_scan: tuple | None = None  # see _asides
        self._same_end: int | None = None  # see _same_by
        self.candidates = [e for e in exprs if dates.can_be_said(e, self.published, self.lex)] if found else []
        self.candidate_starts = [e.start for e in self.candidates]
        self.openers = [e for e in self.candidates if _OPENING.match(self.text, s_start, e.start)]
        self._which_said: list | None = None  # see which_said
        self.keep = figures
        for att in found:
            self.date(att)

    def date(self, att):
        """(time expression or None, said_on, grain, dated) of an attribution in this sentence."""
        key = (att.start, att.end, att.source)
        if key in self.memo:
            return self.memo[key]
        text, published = self.text, self.published
        expr, (when, grain) = _said_on(self.candidates, att, text, published, self.lex, self.quotes, self.s_start,
                                       self.found, self.candidate_starts, self.openers)
        explicit = expr is not None and when is not None
        if expr is None:
            before = self._last_ending_by(att.start)
            prior = self.memo.get((before.start, before.end, before.source)) if before else None
            last = self.by_source.get(att.source)
            if prior and prior[3] and re.search(r"\band\s+(?:also\s+)?$", text[before.end:att.verb]):
                _, when, grain, explicit = prior  # "said on Monday that ... and expected": one occasion
            elif last and self.number - last[0] <= 2 and self._goes_on(att) or last and self.number - last[0] <= 2 \
                    and att.source_type in ("person", "official") and not re.match(r"told\s+(?:the\s+)?[A-Z]", text[att.verb:att.verb + 12]):
                # "Daras told the same briefing": the same occasion; "Mr Oyelaran told Channel 6": a new one
                _, when, grain, explicit = last
            elif self.latest and self.number - self.latest[0] <= 2 and self._same_by(att.end + 30):
                _, when, grain, explicit = self.latest  # "In the same statement, the agency said"
            elif published is not None:
                when, grain = published, "day"
        record = (self.number, when, grain, explicit)
        if self.keep:
            self.by_source[att.source] = record
        if explicit:
            self.latest = record
        self.memo[key] = (expr, when, grain, explicit)
        self.spoken.add(expr)
        return self.memo[key]

    def which_said(self) -> list:
        """The sentence's times in a source's relative clause ("which said last week that"), for own_time."""
        if self._which_said is None:
            self._which_said = [e for e in self.exprs if _which_said(e, self.text, self.published, self.lex)]
        return self._which_said

    def _last_ending_by(self, pos: int):
        """The last of the sentence's attributions (in their order) that ends by ``pos``, or None:
        what [a for a in found if a.end <= pos][-1] gives, without a pass over all of them."""
        if self._ends is None:
            order = sorted(range(len(self.found)), key=lambda k: self.found[k].end)
            latest, best = [], -1
            for k in order:
                best = max(best, k)
                latest.append(best)
            self._ends = ([self.found[k].end for k in order], latest)
        ends, latest = self._ends
        n = bisect_right(ends, pos)
        return self.found[latest[n - 1]] if n else None

    def _same_by(self, end: int) -> bool:
        """Whether the word "same" stands in text[s_start:end] (the sentence and a little after),
        from one search of the sentence instead of one per attribution."""
        text, start = self.text, self.s_start
        if end > self.s_end + 30:  # an attribution after the sentence (a quote's closing speaker)
            return _SAME.search(text[start:end]) is not None
        if self._same_end is None:
            m = _SAME.search(text, start, self.s_end + 30)
            self._same_end = m.end() if m else -1
        if 0 <= self._same_end <= end:
            return True
        # a "same" the end cuts off ("samey" read up to its "y"): the slice ends its word
        return end - 4 >= start and _SAME.fullmatch(text, end - 4, end) is not None

    def _asides(self, hi: int) -> tuple[int, tuple[int, int] | None]:
        """The spans _ASIDE.finditer(text, s_start, hi) gives, from one scan of the sentence: the
        first n of the whole sentence's asides, then at most one more (see _aside_at).

        Up to the last comma or semicolon that ends an aside's body before hi - 1, the asides are
        those of the whole sentence; after it, an aside can only close on a comma right at hi - 1.
        """
        text, start = self.text, self.s_start
        if self._aside_scan is None:
            whole = [m.span() for m in _ASIDE.finditer(text, start, self.s_end)]
            ends = [m.start() for m in _COMMA.finditer(text, start, self.s_end)]
            opens = [(m.start(), m.end()) for m in _ASIDE_OPEN.finditer(text, start, self.s_end)]
            self._aside_scan = (whole, [a[0] for a in whole], ends, opens, [o[0] for o in opens])
        whole, whole_starts, ends, opens, open_starts = self._aside_scan
        k = bisect_left(ends, hi - 1)
        last_end = ends[k - 1] if k else None  # the last place an aside's body ends before hi - 1
        n = bisect_left(whole_starts, last_end) if last_end is not None else 0
        if hi - 1 >= start and text[hi - 1] == ",":
            resume = max(last_end if last_end is not None else start, whole[n - 1][1] if n else start)
            j = bisect_left(open_starts, resume)
            if j < len(opens) and opens[j][0] < hi - 1 and opens[j][1] <= hi - 1:
                return n, (opens[j][0], hi)
        return n, None

    def _aside_at(self, asides: tuple[int, tuple[int, int] | None], pos: int) -> tuple[int, int] | None:
        """The aside of _asides(hi) that holds pos, if any: they do not overlap."""
        n, extra = asides
        if n:
            whole, whole_starts = self._aside_scan[0], self._aside_scan[1]
            k = bisect_right(whole_starts, pos, 0, n) - 1
            if k >= 0 and pos < whole[k][1]:
                return whole[k]
        return extra if extra is not None and extra[0] <= pos < extra[1] else None

    def period(self, fig: Figure, said_expr, window: tuple[int, int], att=None) -> tuple[str, str]:
        """(period, day) a figure is about. The period: the year, quarter or month its clause
        names ("in 2023", "last year", "in the first quarter", "by 2030", "next month"), or from
        when ("since February": 2025-02/). The day: when the text pins the figure to one apart
        from when it was said ("3,400 hectares by Friday evening, according to the fire service").

        Times that date a statement ("said two days ago") are no figure's period, nor one inside
        the speaker's attribution ("The regulator, which opened an inquiry in March 2023, said"),
        nor one on the other side of an aside ("The race, which was first held in 1984, raised
        $4.6m"). The nearest time in the figure's own stretch between commas comes first
        ("5.2% in January, up from 4.6% a year ago"), after it before before it.
        """
        lo, hi = window
        text = self.text
        spoken = self.spoken
        exprs = self.exprs[bisect_left(self.expr_starts, lo):bisect_left(self.expr_starts, hi)] if lo < hi else []
        asides = self._asides(hi) if exprs else (0, None)
        speaker = (att.start, att.end) if att is not None else (0, 0)

        def aside(pos: int):
            return self._aside_at(asides, pos)

        def rank(expr):
            between = text[fig.end:expr.start] if expr.start >= fig.end else text[expr.end:fig.start]
            return (_COMMA.search(between) is not None, expr.start < fig.end, len(between))
        period = day = ""
        for expr in sorted((e for e in exprs if e.start >= fig.end or e.end <= fig.start),
                           key=rank):
            if expr is said_expr or expr in spoken or speaker[0] <= expr.start < speaker[1] \
                    or aside(expr.start) != aside(fig.start) or self._dateline(expr):
                continue
            named = dates.period(expr, self.published, self.lex)
            if len(named) == 10:
                day = day or named
            else:
                period = period or named
        return period, day

    def _dateline(self, expr) -> bool:
        return _DATELINE_AFTER.match(self.text, expr.end) is not None \
            and _DATELINE_BEFORE.search(self.text, max(0, expr.start - 40), expr.start) is not None

    def _goes_on(self, att) -> bool:
        """"It said ...", "He added ...", "the minister also said", "suggested by the exit poll": the
        same statement as the source's last one; a body's fresh "the HDS said" is a new one."""
        text = self.text
        phrase = text[att.start:att.verb + 12]
        occasion = self.lex.regex("occasion_nouns", lambda lx: re.compile(
            r"(?i)\bthe\s+(?:same\s+|[\w-]+\s+)?(?:" + "|".join(lx["dates"]["occasion_nouns"]) + r")\b"))
        return bool(re.match(r"(?i)(?:he|she|it|they|we)\b|\w+ing\b", phrase)
                    or re.search(r"\b(?:also|added|adding|went on|continued|same)\b", text[att.start:att.end + 30])
                    or occasion.search(text, att.start, att.end))
