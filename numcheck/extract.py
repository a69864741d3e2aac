"""Article -> claims: figures with what they count, who said them and when.

A pure function of the article and the loaded vocabulary, so a corpus can be
mapped over processes or a cluster engine without change.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date

from . import dates
from .attribution import Attributor, quote_for
from .context import ContextReader
from .figures import find_figures
from .lexicon import Lexicon
from .model import Article, Claim, Figure
from .text import quote_spans, sentences

# A time expression counts as when the source spoke if it sits this close after
# the attribution ("said last week", "said on Wednesday").
_SAID_GAP = 4


def _slug(part: str) -> str:
    return re.sub(r"[^a-z0-9%]+", "-", part.lower()).strip("-")


def quantity_key(cls: str, subject: str, place: str, period: str) -> str:
    """A readable key: class/subject/place, then @period when one is given."""
    if not cls:
        return ""
    key = "/".join(_slug(p) or "-" for p in (cls, subject, place))
    return f"{key}@{period}" if period else key


def _said_on(exprs, att, text, published, lex, quotes=()):
    """The time expression that dates the attribution, resolved; else None.

    It follows the verb ("said last week"), sits inside the attribution, or
    leads it with no figure between ("Speaking on Tuesday, the commander said").
    """
    candidates = [e for e in exprs if e.kind != "year"]
    for expr in candidates:
        if att.end - 1 <= expr.start <= att.end + _SAID_GAP or att.start <= expr.start and expr.end <= att.end:
            return expr, dates.resolve(expr, published, lex)
    for expr in reversed(candidates):
        if expr.end <= att.start and not re.search(r"\d", text[expr.end:att.start]) \
                and not quote_for(text, expr.start, quotes):
            return expr, dates.resolve(expr, published, lex)
    return None, (None, "")


def extract(article: Article, lex: Lexicon) -> list[Claim]:
    text = article.text
    figures = find_figures(text, lex)
    if not figures:
        return []
    published = article.published
    outlet = article.outlet or article.id
    attributor = Attributor(lex, outlet)
    reader = ContextReader(lex)
    quotes = quote_spans(text)
    counts = Counter(c for _, c in reader.countries(text, 0, len(text)))
    article_countries = [c for c, _ in counts.most_common()]

    claims: list[Claim] = []
    keys: list[tuple[str, str, str, str]] = []
    index = 0
    carried: tuple[str, str, str, date | None, str] | None = None  # last quoted speaker, for carry-over
    for number, span in enumerate(sentences(text, lex)):
        s_start, s_end = span
        found = attributor.in_sentence(text, s_start, s_end)
        sent_figs: list[Figure] = []
        while index < len(figures) and figures[index].start < s_end:
            if figures[index].start >= s_start:
                sent_figs.append(figures[index])
            index += 1
        exprs = dates.find(text, lex, s_start, s_end)
        if not sent_figs:
            if found:
                last = found[-1]
                _, (when, grain) = _said_on(exprs, last, text, published, lex, quotes)
                if when is None and published is not None:
                    when, grain = published, "day"
                carried = (last.source, last.via, last.source_type, when, grain)
            continue
        first = len(claims)
        periods: list[str] = []
        for fig in sent_figs:
            period = ""
            for expr in exprs:
                if expr.kind == "year" and abs(expr.start - fig.end) < 80:
                    period = expr.text
            periods.append(period)
        contexts = reader.read(text, span, sent_figs, article_countries, periods)
        for fig, ctx, period in zip(sent_figs, contexts, periods):
            quote = quote_for(text, fig.start, quotes)
            att = attributor.for_figure(text, span, fig.start, found, quote)
            content_start = s_start
            if att is not None:
                source, via, stype = att.source, att.via, att.source_type
                expr, (said_on, grain) = _said_on(exprs, att, text, published, lex, quotes)
                if expr is None and published is not None:
                    said_on, grain = published, "day"
                if att.verb < fig.start:
                    content_start = att.end
                if quote is not None:
                    carried = (source, via, stype, said_on, grain)
            elif quote is not None and carried is not None:
                source, via, stype, said_on, grain = carried
            else:
                source, via, stype = outlet, "", "outlet"
                said_on, grain = (published, "day") if published is not None else (None, "")
            cls, subject, place, refers = reader.key(text, span, fig, ctx.counted, fig.unit,
                                                     article_countries, period, content_start)
            if ctx.counted == "age" or (fig.unit in lex["units"]["time_units"].values() and not ctx.counted):
                cls = ""  # ages and durations of different people and things are not one quantity
            part_of = ""
            if ctx.part_of is not None and first + ctx.part_of < len(claims):
                whole = claims[first + ctx.part_of]
                part_of = whole.id
                cls, subject, place, refers = keys[first + ctx.part_of]
            else:
                # Fill what the sentence leaves unsaid from the last claim about the same thing.
                for prev in reversed(keys):
                    if prev[0] == cls and cls and (not subject or prev[1] == subject):
                        subject = subject or prev[1]
                        place = place or prev[2]
                        break
            keys.append((cls, subject, place, refers))
            quantity = quantity_key(cls, subject, place, refers)
            if part_of:
                quantity = f"{quantity}/part" if quantity else ""
            claims.append(Claim(
                article=article.id, path=article.path, published=published, sentence=number,
                sentence_text=text[s_start:s_end], line=article.line_of(fig.start), figure=fig,
                counted=ctx.counted, quantity=quantity, source=source, source_type=stype, via=via,
                said_on=said_on, said_on_grain=grain if said_on is not None or grain else "",
                modality=ctx.modality, refers_to=refers, part_of=part_of))
        if found and not any(quote_for(text, fig.start, quotes) for fig in sent_figs):
            last = found[-1]
            _, (when, grain) = _said_on(exprs, last, text, published, lex, quotes)
            if when is None and published is not None:
                when, grain = published, "day"
            carried = (last.source, last.via, last.source_type, when, grain)
    return claims

