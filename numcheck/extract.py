"""Article -> claims: figures with what they count, who said them and when.

A pure function of the article and the loaded vocabulary, so a corpus can be
mapped over processes or a cluster engine without change.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import replace
from datetime import date

from . import dates
from .attribution import Attributor, quote_for
from .context import ContextReader
from .figures import find_figures
from .lexicon import Lexicon
from .model import Article, Claim, Figure, line_at, line_starts
from .occasions import Occasions, own_time
from .text import quote_spans, sentences


def _slug(part: str) -> str:
    return re.sub(r"[\W_]+", "-", part.lower()).strip("-")


def quantity_key(cls: str, subject: str, place: str, period: str) -> str:
    """A readable key: class/subject/place, then @period when one is given."""
    if not cls:
        return ""
    key = "/".join(_slug(p) or "-" for p in (cls, subject, place))
    return f"{key}@{period}" if period else key


def _parts_of_totals(claims: list[Claim], text: str, lex: Lexicon) -> list[Claim]:
    """"2,600 homes across the borough ... in Brayside alone 1,900 homes": a figure for one
    place, after a total for the whole area, is a part of that total.

    A claim is made a part at most once; the claims a total can take are indexed once (by class,
    unit and modality), so that no total goes through all the claims after it."""
    cues = lex.regex("total_cues", lambda lx: re.compile(
        r"\b(?:" + "|".join(re.escape(c) for c in lx["nouns"]["total_cues"]) + r")\b", re.I))
    out = list(claims)
    by_id = {c.id: c for c in out}
    # "81 of the 150 seats": a whole named after its part is the total of a breakdown
    named_totals = {c.part_of for c in out if c.part_of in by_id and c.figure.start < by_id[c.part_of].figure.start}
    sentence_of = [c.sentence for c in out]  # in text order
    # a named total takes the smaller figures of its class in the next two sentences: by value, per sentence
    smaller: dict[tuple, list[tuple[float, int]]] = {}
    # a total with a cue takes the figures of its class for a place in any later sentence
    placed: dict[tuple, list[int]] = {}
    for index, c in enumerate(out):
        if c.part_of:
            continue
        if c.figure.value == c.figure.value:  # not NaN: NaN is smaller than nothing
            smaller.setdefault((c.quantity.split("/")[0], c.figure.unit, c.modality, c.sentence), []) \
                .append((c.figure.value, index))
        bits = c.quantity.split("@")[0].split("/")
        if len(bits) >= 3 and bits[2] != "-":
            placed.setdefault((bits[0], c.figure.unit, c.modality), []).append(index)
    for values in smaller.values():
        values.sort()
    taken = dict.fromkeys(smaller, 0)  # how many of each list are taken or dead
    placed_done = {k: len(v) for k, v in placed.items()}  # from where on each list is all taken

    def make_part(p_index: int, total: Claim) -> None:
        out[p_index] = replace(out[p_index], part_of=total.id, quantity=f"{total.quantity}/part")
    for t_index, total in enumerate(out):
        key = total.quantity.split("@")[0].split("/")
        if total.id in named_totals:
            for sentence in (total.sentence + 1, total.sentence + 2):
                bucket = (key[0], total.figure.unit, total.modality, sentence)
                values = smaller.get(bucket, ())
                while taken.get(bucket, 0) < len(values) and values[taken[bucket]][0] < total.figure.value:
                    p_index = values[taken[bucket]][1]
                    taken[bucket] += 1
                    if not out[p_index].part_of:
                        make_part(p_index, total)
            continue
        if total.part_of or not total.quantity or len(key) < 3 or key[2] != "-":
            continue
        start = text.rfind(".", max(0, total.figure.start - 300), total.figure.start) + 1 or \
            max(0, total.figure.start - 300)
        stop = text.find(".", total.figure.end, total.figure.end + 300)
        window = text[start:stop if stop >= 0 else total.figure.end + 300]
        if not cues.search(window):
            continue
        bucket = (key[0], total.figure.unit, total.modality)
        indices = placed.get(bucket, [])
        first = bisect_left(indices, bisect_right(sentence_of, total.sentence))  # from the next sentence on
        for p_index in indices[first:placed_done.get(bucket, 0)]:
            if not out[p_index].part_of:
                make_part(p_index, total)
        placed_done[bucket] = min(first, placed_done.get(bucket, 0))
    return out


# Between two figures of one clause whose second leaves out its noun and verb: "were killed and 22".
_GAPPED = re.compile(r"[^,;:.\d]{0,80}?\s(?:and|while)\s+")


def _floors(found, figs: list[Figure], s_start: int) -> list[int]:
    """Per figure, where its reported content starts: the furthest end of an attribution whose
    verb and end come before the figure (else the sentence start). One sweep, not one pass over
    the attributions per figure."""
    ready = sorted((max(a.end, a.verb + 1), a.end) for a in found)  # by when an attribution is before a figure
    out, k, best = [], 0, None
    for fig in figs:  # in text order
        while k < len(ready) and ready[k][0] <= fig.start:
            best = ready[k][1] if best is None else max(best, ready[k][1])
            k += 1
        out.append(s_start if best is None else best)
    return out


def extract(article: Article, lex: Lexicon) -> list[Claim]:
    text = article.text
    figures = find_figures(text, lex)
    if not figures:
        return []
    published = article.published
    outlet = article.outlet or article.id
    starts = line_starts(text)

    def line_of(offset: int) -> int:
        if article.fixed_line is not None:
            return article.fixed_line
        return article.body_line + line_at(starts, offset) - 1
    attributor = Attributor(lex, outlet)
    reader = ContextReader(lex)
    quotes = quote_spans(text)
    counts = Counter(c for _, c in reader.countries(text, 0, len(text)))
    article_countries = [c for c, _ in counts.most_common()]

    claims: list[Claim] = []
    history: list[tuple[Figure, str, str]] = []  # figures so far: counted noun and class, for "of them"
    keys: list[tuple[str, str, str, str]] = []
    countries = lex.regex("extract:countries", lambda lx: frozenset(lx["places"]["countries"]))
    time_units = lex.regex("extract:time-units", lambda lx: frozenset(lx["units"]["time_units"].values()))
    measure_units = lex.regex("extract:measure-units", lambda lx: frozenset(lx["units"]["measures"].values()))
    statistics = lex.wordset("nouns", "statistic_nouns")
    occasions = Occasions(text, published, lex, quotes)
    pending: dict[int, int] = {}  # part -> whole for "81 of the 150 seats"
    index = 0
    carried: tuple[str, str, str, date | None, str] | None = None  # last quoted speaker, for carry-over
    spans = sentences(text, lex)
    span_starts = [s for s, _ in spans]
    closing: dict[tuple[int, int], object] = {}  # quote -> the attribution after its close, if any

    def speaker_after(quote: tuple[int, int]):
        if quote not in closing:
            k = bisect_right(span_starts, quote[1]) - 1
            found_there = attributor.peek(text, spans[k][0], spans[k][1], quotes) if k >= 0 else []
            closing[quote] = attributor.quote_speaker(text, quote, found_there)
        return closing[quote]
    for number, span in enumerate(spans):
        s_start, s_end = span
        found = attributor.in_sentence(text, s_start, s_end, quotes)
        sent_figs: list[Figure] = []
        while index < len(figures) and figures[index].start < s_end:
            if figures[index].start >= s_start:
                sent_figs.append(figures[index])
            index += 1
        exprs = dates.find(text, lex, s_start, s_end)
        occasions.sentence(number, s_start, exprs, found, bool(sent_figs), s_end)
        if not sent_figs:
            if found:
                last = found[-1]
                carried = (last.source, last.via, last.source_type) + occasions.date(last)[1:3]
            continue
        sentence_text = text[s_start:s_end]  # one copy shared by the sentence's claims
        floors = _floors(found, sent_figs, s_start)
        contexts = reader.read(text, span, sent_figs, history, floors)
        for j, (fig, ctx) in enumerate(zip(sent_figs, contexts)):
            quote = quote_for(text, fig.start, quotes)
            att = attributor.for_figure(text, span, fig.start, found, quote)
            if att is None and quote is not None and quote[1] > s_end:
                att = speaker_after(quote)
            content_start = s_start
            expr = None
            if att is not None:
                source, via, stype = att.source, att.via, att.source_type
                expr, said_on, grain, explicit = occasions.date(att)
                own = own_time(fig, exprs, text, att.end if att.end <= fig.start else s_start,
                                sent_figs[j + 1].start if j + 1 < len(sent_figs) else s_end, published, lex,
                                occasions.expr_starts, occasions.which_said())
                if own is not None:  # "up from 22 reported last week"
                    expr, (said_on, grain), explicit = own[0], own[1], True
                if att.verb < fig.start:
                    content_start = att.end
                if quote is not None:
                    carried = (source, via, stype, said_on, grain)
            elif quote is not None and carried is not None:
                source, via, stype, said_on, grain = carried
                explicit = False
            else:
                source, via, stype = outlet, "", "outlet"
                said_on, grain = (published, "day") if published is not None else (None, "")
                explicit = False
            prev_end = sent_figs[j - 1].end if j else s_start
            next_start = sent_figs[j + 1].start if j + 1 < len(sent_figs) else s_end
            c_lo, c_hi = reader.clause(text, s_start, s_end, fig)
            # a time between the figure before and this one's speaker is the figure before's
            window = (max(c_lo, prev_end, content_start if j else c_lo), min(c_hi, next_start))
            # refers_to: the figure's own period, else its whole's (the key may mark a baseline with "<")
            period, event = occasions.period(fig, expr, window, att)
            cls, subject, place, refers = reader.key(text, span, fig, ctx.counted, fig.unit,
                                                     article_countries, period, content_start, next_start)
            if ctx.counted == "age" or (fig.unit in time_units and not ctx.counted):
                cls = ""  # ages and durations of different people and things are not one quantity
            elif fig.unit in measure_units:
                # A measure is compared by its unit ("15,200 hectares" of wildfire, "3,400 hectares" of
                # blaze); a statistic ("the long-term average of 71mm") is a quantity of its own.
                cls = f"{fig.unit}-{ctx.counted}" if ctx.counted in statistics else fig.unit
            elif claims and claims[-1].sentence == number and claims[-1].counted == ctx.counted and keys \
                    and cls == reader.classes.get(ctx.counted, ctx.counted) and keys[-1][0] != cls:
                cls = keys[-1][0]  # "killed 18 people in Sevra and 26 in Marin": 26 deaths too
            part_of = ""
            if ctx.part_of is not None and ctx.part_of < len(claims):
                whole = claims[ctx.part_of]
                part_of = whole.id
                cls, subject, place, refers = keys[ctx.part_of]
                reader.part_index[len(claims)] = ctx.part_of
            elif ctx.part_of is not None:
                pending[len(claims)] = ctx.part_of  # the whole comes later in the sentence
            else:
                # Fill the country the sentence leaves unsaid ("the North has sent 10,000 troops
                # to its ally") from the last claim about the same thing.
                for prev in reversed(keys[-40:] if cls else ()):
                    if prev[0] == cls and (not subject or prev[1] == subject):
                        if prev[1] in countries:
                            subject = subject or prev[1]
                        if prev[2] in countries:
                            place = place or prev[2]
                        break
            if j and claims and claims[-1].sentence == number and not claims[-1].part_of and not part_of \
                    and _GAPPED.fullmatch(text, sent_figs[j - 1].end, fig.start) \
                    and not reader.noun_after(text, fig.end, next_start)[0]:
                # "Fourteen soldiers were killed and 22 wounded ... near Kelmira on Monday": what the
                # second, gapped figure's clause says of where and when is the first one's too
                prev, (p_cls, p_subject, p_place, p_refers) = claims[-1], keys[-1]
                day = prev.refers_to if len(prev.refers_to) == 10 else (event or prev.refers_to)
                if (place and not p_place) or day != prev.refers_to:
                    keys[-1] = (p_cls, p_subject, p_place or place, p_refers)
                    moved = quantity_key(*keys[-1])
                    claims[-1] = replace(prev, quantity=moved if prev.quantity else "", refers_to=day)
            keys.append((cls, subject, place, refers))
            quantity = quantity_key(cls, subject, place, refers)
            if part_of:
                quantity = f"{quantity}/part" if quantity else ""
            history.append((fig, ctx.counted, cls))
            claims.append(Claim(
                article=article.id, path=article.path, published=published, sentence=number,
                sentence_text=sentence_text, line=line_of(fig.start), figure=fig,
                counted=ctx.counted, quantity=quantity, source=source, source_type=stype, via=via,
                said_on=said_on, said_on_grain=grain if said_on is not None or grain else "", dated=explicit,
                modality=ctx.modality, refers_to=event or period or refers.lstrip("<"), part_of=part_of))
        if found and not any(quote_for(text, fig.start, quotes) for fig in sent_figs):
            last = found[-1]
            carried = (last.source, last.via, last.source_type) + occasions.date(last)[1:3]
    for part, whole in pending.items():
        if whole < len(claims):
            quantity = f"{claims[whole].quantity}/part" if claims[whole].quantity else ""
            claims[part] = replace(claims[part], part_of=claims[whole].id, quantity=quantity)
    return _parts_of_totals(claims, text, lex)

