"""Who said a figure: the speaker of the clause or quote that carries it.

Patterns, in the order they win: "R quoted X as saying" (source X, via R),
"according to X", "R, citing X" (source X, via R), then "X said" / "said X" /
"X told R". A figure inside a quotation belongs to the quotation's speaker, and
a speaker carries over to the rest of the same quotation. Where nobody is named,
the figure is the outlet's own. Who is who (one name per source, aliases, "the
ministry" and "it" pointing back) is names.py's job; the Attributor is a Names that
also reads the speech around each figure.

When a pattern does not clearly name a speaker we fall back to the outlet rather
than guess.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from copy import deepcopy
from dataclasses import dataclass, replace

from . import dates
from .lexicon import Lexicon, alternation
from .names import _NAME_RUN, _OPENING_NAME, _TRAILING, Names

_APPOSITIVE_NAME = re.compile(r",\s+((?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){1,3})(?=\s*(?:[,.;:!?]|$))")
_BY_AGENT = re.compile(r"\s+by\s+((?:the\s+|an?\s+)?[^,.;:!?“”\"()]{2,60}?)(?=\s*[,.;:!?“”\"(]|\s+(?:on|in|last|that|which|for|and)\b|$)")
# A figure (and at most two words) just before a participle: "the 3.2% forecast by".
_FIGURE_BEFORE = re.compile(r"\d[\d,.]*\s*(?:%|per\s+cent|percent|[a-zA-Z]{0,3})(?:\s+[a-z][\w-]*){0,2}\s+$")
# The figure's own relative clause: "the 66 that the exit poll had projected".
_RELATIVE = re.compile(r"\S+(?:\s+[\w'’-]+){0,2}?\s+(?:(?:that|which)\s+(?:the\s+|an?\s+)?)?")
_PRONOUN_AT_END = re.compile(r"(?<=\s)(?:it|he|she|they|we)(?:\s+(?:now|also|had|has|have|would|will|then|later|previously|again|first|originally))*\s*$")
_PRONOUN_SUBJECT = re.compile(r"(?:it|he|she|they|we)\s")
_APPOSITIVE_AGE = re.compile(r"\d{1,3}\s*(?:[,)]|\.(?!\d))")
_ZERO_RELATIVE = re.compile(r"\s*(?:a|an|the|this|that|any)\s+(?:[a-z][\w-]*\s+){0,2}?(?!(?:of|for|at|in|to|from|with|by|on|and|or)\s)[a-z][\w-]*\s+((?:the|a|an|its|his|her|their)\s+\S.*)$")
_AUXILIARIES = {"has", "have", "had", "was", "were", "is", "are", "would", "will", "could", "can", "may", "might"}
_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
_COORDINATED = re.compile(r"\sand\s+$")
# A clause up to its punctuation, over the commas and points inside numbers ("3,200", "4.5").
_CLAUSE_TEXT = re.compile(r"(?:[^,.;:!?“”\"]|(?<=\d)[,.](?=\d))*")
_INTERVIEW = re.compile(r"\b(?:[Ss]peaking|[Tt]alking)\s+(?:to|with)\s|\b[Ii]n\s+an\s+interview\s+with\s")
_INTERVIEW_AFTER = re.compile(r"(?:on\s+\w+\s+)?in\s+an\s+interview\s+with\s")
_CLAUSE_MARK = re.compile(r"[,;:”\"]")

@dataclass(frozen=True, slots=True)
class Attribution:
    source: str
    via: str
    source_type: str
    start: int  # where the attribution phrase starts
    end: int  # where it ends; reported content usually follows
    verb: int  # offset of the speech verb (or cue)
    relay: bool = False  # "according to X" after a speaker: X relays, the speaker speaks
    passive: bool = False  # "the 3.2% forecast by the ministry": speaks for the figure just before
    document: bool = False  # "A GU survey of 1,800 members found": the figures in the phrase are the owner's too

def _compile(lex: Lexicon) -> dict:
    sp = lex["speech"]
    verbs = alternation(sp["verbs"], boundary=False)
    relays = alternation(sp["relays"], boundary=False)
    np = r"[^,.;:!?“”\"]{2,80}?"
    docs = alternation(sp["document_subjects"], boundary=False)
    published = alternation(sp["publish_verbs"], boundary=False)
    return {
        # "Reuters quoted X as saying", "State broadcaster ONRTV quoted the minister, Ahmat Djidda, as saying"
        "quoted": re.compile(rf"(?P<via>{relays}|(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}}))\s+quoted\s+"
                             rf"(?P<src>[^.;:!?“”\"]{{2,120}}?)\s+as\s+saying", re.I),
        "according": re.compile(
            rf"(?i:according\s+to)\s+(?:(?P<doc>(?i:{alternation(sp['documents'], boundary=False)}))"
            rf"(?:\s+(?:{published})(?:\s+[a-z]+){{0,2}})?\s+(?:from|by|of|for)\s+)?(?P<src>[^,.;:!?“”\"()]{{2,80}}?)"
            rf"(?=\s*[,.;:!?“”\"()]|\s+(?:that|which|who|on|last|in|as|{published})\b|$)"),
        "citing": re.compile(rf"(?P<via>{np})(?P<cue>,?\s+citing|,\s*quoting|,\s*(?:which|who)\s+(?:cited|quoted))\s+"
                             rf"(?P<src>[^,.;:!?“”\"]{{2,80}}?)(?=[,.;:!?]|\s+(?:as|that|on|who)\b|$)"),
        # not the nouns "reports to the force", "estimates of"
        "verb": re.compile(rf"(?<![\w-])(?P<verb>{verbs})(?![\w-])(?<!reports(?=\s(?:to|of|from|on)\b))(?<!estimates(?=\sof\b))"),
        "told": re.compile(rf"\s+(?:(?:the\s+)?(?P<via>{relays})|reporters|journalists|lawmakers|parliament|a\s+news\s+conference|a\s+briefing)\b", re.I),
        # "told Radio Lakeland", "told state broadcaster ONRTV": a named outlet relays
        "told_outlet": re.compile(r"\s+(?:the\s+)?(?:(?:state|public|national|local|regional)\s+)?"
                                  r"(?:broadcaster|newspaper|radio|television|channel|news\s+agency|agency|daily|weekly)?\s*"
                                  r"(?P<via>(?:[A-Z][\w'’-]+)(?:\s+(?:[A-Z][\w'’-]+|\d+\b)){0,3})"),
        "relay": re.compile(rf"^(?:the\s+)?(?:{relays})$", re.I),
        # "a poll published yesterday by the Daily Lenorian had Mr Dragan ahead by six points"
        "document_had": re.compile(rf"\b(?P<subj>(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{docs})\b[^,;.“”\"]*?)\s+had\b", re.I),
        # "an independent review published in March warned": a document nobody is said to own
        "bare_document": re.compile(rf"\s*(?i:an?)\s+(?P<doc>(?:[a-z][\w-]*\s+){{0,2}}(?:{docs}))"
                                    rf"(?:\s+(?:{published})\b[^,;]*)?\s*"),
        "study_team": re.compile(rf"(?:The|Its|Their)\s+(?:study's\s+|report's\s+)?(?:{alternation(sp['study_team'], boundary=False)})\b"),
        # "the observatory said in its annual State of the Climate report": later "the report" is its
        "in_document": re.compile(rf"\s+in\s+(?:its|their|his|her|a|an|the)\s+(?:[\w'’-]+\s+){{0,6}}?(?:{docs})\b", re.I),
        "occasion": re.compile(rf"\b(?:{alternation(sp['occasions'], boundary=False)})\b", re.I),
    }

def _inside(spans: list[tuple[int, int]], pos: int, slack: int) -> bool:
    """Whether pos lies in one of ``spans`` (sorted by start), allowing ``slack`` past its end."""
    i = bisect_right(spans, (pos, float("inf")))
    return any(s <= pos <= e + slack if slack >= 0 else s <= pos < e for s, e in spans[max(0, i - 3):i])

def quote_for(text: str, offset: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation (from ``spans``, sorted by start) that holds ``offset``, if any."""
    i = bisect_right(spans, (offset, float("inf")))
    if i and spans[i - 1][0] <= offset < spans[i - 1][1]:
        return spans[i - 1]
    return None


class Attributor(Names):
    """Who said each figure of one article, sentence by sentence."""

    def __init__(self, lex: Lexicon, outlet: str):
        super().__init__(lex, outlet)
        names_rx = self.rx
        self.rx = lex.regex("attribution", lambda lx: {**names_rx, **_compile(lx)})  # one dict per lexicon
        self.participles = lex.wordset("speech", "participles")
        self.content_verbs = lex.wordset("speech", "content_verbs")
        self.passive_verbs = lex.wordset("speech", "passive_verbs")
        self._verbs_of: list | None = None  # the attributions of the last long sentence, by verb
        self._verbs: list[int] = []

    def make(self, phrase: str, via: str, start: int, end: int, verb: int, context: str = "") -> Attribution | None:
        """The attribution to ``phrase``; ``context`` is the text around the speaker, which may
        say they are unnamed ("a diplomat who asked not to be named")."""
        owner = self.document_owner(phrase)
        if owner:
            phrase = owner
            self.state.last_document_source = self.canonical(owner)
        name = self.canonical(phrase)
        if not name:
            return None
        if self.unnamed.search(phrase) or context and self.unnamed.search(context):
            self.state.anonymous.add(name)  # "an unnamed South Korean official": the name keeps no trace of it
        via_name = self.canonical(via) if via else ""
        if via_name and self.outlet.lower().endswith(via_name.lower().removeprefix("the ")):
            via_name = ""  # "told the Post" in the Post: nobody relays
        return Attribution(name, via_name, self.source_type(name), start, end, verb, document=bool(owner))

    # -- one sentence ------------------------------------------------------
    def in_sentence(self, text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[Attribution]:
        """The attributions in ``text[start:end]``; ``quotes`` are the quotation spans of the
        whole text (a quote may open in an earlier sentence)."""
        self.observe(text, start, end)
        found: list[Attribution] = []
        covered: list[tuple[int, int]] = []
        sentence = text[start:end]
        # These patterns start with an open-ended phrase; trying them only where their
        # keyword occurs saves a quarter of the extraction time.
        quoted = self.rx["quoted"].finditer(text, start, end) if " quoted " in sentence else ()
        citing = self.rx["citing"].finditer(text, start, end) if "citing" in sentence or " cited " in sentence \
            or " quoted " in sentence or "quoting" in sentence else ()
        according = self.rx["according"].finditer(text, start, end) if "ccording" in sentence else ()
        for m in quoted:
            a = self.make(self._named_in(m.group("src")), m.group("via"), m.start(), m.end(), m.start())
            if a:
                found.append(a)
                covered.append(m.span())
        cited_after = []  # "OCHA put the toll at 34, citing local authorities": the clause's speaker relays
        for m in citing:
            via = m.group("via").split(",")[-1]
            if not self.is_speaker(via):
                if m.group("cue").startswith(","):
                    cited_after.append(m)
                continue
            verb = re.match(r",?\s*(?:" + self.rx["verb"].pattern + r")", text[m.end():end])
            close = m.end() + (verb.end() if verb else 0)
            a = self.make(m.group("src"), via, m.start("via"), close, m.start())
            if a:
                found.append(a)
                covered.append((m.start(), close))
        for m in according:
            src = m.group("src")
            phrase = _CLAUSE_TEXT.match(text, m.start("doc") if m.group("doc") else m.start("src"), end).group(0)
            close = m.end()
            if src != phrase and self.document_owner(phrase):
                # "according to final results published on Monday by the Election Board"
                src, close = phrase, max(close, m.start("doc") if m.group("doc") else m.start("src")) + len(phrase)
            bare_document = len(src.split()) >= 2 and src.split()[-1].lower() in self.doc_subjects \
                and not src.lower().startswith(("the ", "a ", "an ")) and src[:1].islower()
            if self.is_speaker(src) or self.document_owner(src) or bare_document:
                a = self.make(src, "", m.start(), close, m.start())
                if a and m.group("doc"):
                    self.state.last_document_source = a.source  # "the survey found" later means this body
                if a:
                    a = Attribution(a.source, a.via, a.source_type, a.start, a.end, a.verb, relay=True)
                    found.append(a)
                    covered.append((m.start(), close))
        first = max(0, bisect_right(quotes, (start, float("inf"))) - 1)  # quotes do not overlap
        inside = []
        for q_start, q_end in quotes[first:]:
            if q_start >= end:
                break
            if q_end > start:
                inside.append((max(q_start, start), min(q_end, end)))
        quotes = inside
        team = self.rx["study_team"].match(text, start, end) if self.state.last_document_source else None
        if team:
            # "The researchers analysed 1.6 million observations": the study's authors, named before
            found.append(Attribution(self.state.last_document_source, "", self.source_type(
                self.state.last_document_source), start, team.end(), team.end()))
        for m in self.rx["document_had"].finditer(text, start, end) if " had " in sentence else ():
            if self.document_owner(m.group("subj")) and not _inside(quotes, m.start(), -1):
                a = self.make(m.group("subj"), "", m.start("subj"), m.end(), m.end() - 3)
                if a:
                    found.append(a)
                    covered.append((m.start(), m.end()))
        covered.sort()
        for m in self.rx["verb"].finditer(text, start, end):
            if _inside(covered, m.start(), 2) or _inside(quotes, m.start(), -1):
                continue
            if m.group("verb").lower() in self.participles and \
                    re.search(r",\s*$", text[max(start, m.start() - 10):m.start()]):
                # "..., telling parliament that": the speaker of the main clause goes on speaking;
                # "Mei Lin Ong delivered her budget on Tuesday, forecasting a surplus": the subject speaks
                prev = found[-1] if found else None
                a = replace(prev, start=m.start(), end=m.end(), verb=m.start(), passive=False) if prev \
                    else self.sentence_subject(text, start, m)
                via, close = self._told(text, m)
                if a and via:
                    a = replace(a, via=self.canonical(via), end=close)  # "..., telling Radio Westmere that"
                if a:
                    found.append(a)
                    insort(covered, (m.start(), m.end()))
                continue
            a = self.speaker_of(text, start, end, m, quotes)
            if a and found and text[a.start:a.verb].split()[:1] in (["they"], ["he"], ["she"]) \
                    and not found[-1].passive:
                # "Analysts at Brightwater expect ..., though they said": the speaker of this sentence
                a = replace(a, source=found[-1].source, source_type=found[-1].source_type, via=found[-1].via)
            if a:
                self.remember(a.source)  # "Dalmark said ..., below the $3.4bn it forecast": "it" is Dalmark
            if a and found and re.search(r"\bthat\s+$", text[max(start, a.start - 8):a.start]) \
                    and any(f.verb < a.start and not f.passive for f in found):
                continue  # "told the council that monitors had recorded 37 violations": the teller speaks
            if a:
                found.append(a)
                insort(covered, (a.start, a.end))
        found.sort(key=lambda a: a.verb)
        for m in cited_after:
            relays = [k for k, a in enumerate(found) if a.verb < m.start("cue") and not a.passive]
            if not relays:
                continue
            k = relays[-1]
            a = self.make(m.group("src"), "", found[k].start, max(found[k].end, m.end()), found[k].verb)
            if a and a.source != found[k].source:
                found[k] = replace(a, via=found[k].source)
        for a in found:
            self.remember(a.source)
        return found

    def peek(self, text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[Attribution]:
        """The attributions of a later sentence, leaving what the article has learned untouched:
        a quotation split over sentences is attributed where it closes."""
        saved = (deepcopy(self.state), dict(self.local_aliases))
        try:
            return self.in_sentence(text, start, end, quotes)
        finally:
            self.state, self.local_aliases = saved

    def quote_speaker(self, text: str, quote: tuple[int, int], found: list[Attribution]) -> Attribution | None:
        """The attribution standing right after a quotation's close: '...," Jacques Moreau said'."""
        for a in found:
            if quote[1] - 1 <= a.start and re.fullmatch(r"[\s,.!?”\"’']*", text[quote[1]:a.start]) \
                    or quote[1] <= a.verb and re.fullmatch(r"[\s,.!?”\"’']*", text[quote[1]:a.verb]):
                return a
        return None

    def _subject(self, left: str) -> tuple[str, int]:
        """The speaker phrase at the end of ``left`` and its offset in it; appositives allowed."""
        cut = max(left.rfind(";"), left.rfind(":"), left.rfind("”"), left.rfind("\""), left.rfind("“"))
        body = left[cut + 1:]
        base = cut + 1
        segments = _COMMA.split(body)  # not the comma of "6,800"
        last = segments[-1]
        parts = re.split(r"\b(that|which|who|whom|as|while|when|whereas|because|after|before|since|although|though|where|if)\b", last)
        last_clause = parts[-1]
        if len(parts) >= 3 and parts[-2] == "who" and re.match(r"\s*(?:asked|declined|spoke|requested|was|is|had|has)\b", last_clause) \
                and self.is_speaker(parts[-3]):
            # "A diplomat in Draven who asked not to be named said": the noun before the relative clause
            last_clause = parts[-3] + "who" + last_clause
            return parts[-3], base + len(body) - len(last_clause)
        offset = base + len(body) - len(last_clause)
        if last_clause.strip() and _TRAILING.fullmatch(" " + last_clause.strip()):
            last_clause = ""  # "Vance's lawyer, Michael Chen, had argued": the name before the auxiliary
        zero_relative = _ZERO_RELATIVE.match(last_clause)
        if zero_relative:
            # "a change the defence ministry says could bring": the second noun phrase speaks
            offset += zero_relative.start(1)
            last_clause = last_clause[zero_relative.start(1):]
        pronoun = _PRONOUN_AT_END.search(last_clause)
        if pronoun and pronoun.start() > 0:
            # "below the $3.4bn it forecast": the pronoun, not the phrase before it, is the subject
            offset += pronoun.start()
            last_clause = last_clause[pronoun.start():]
        when = dates.find(last_clause, self.lex) if last_clause.strip() else ()
        if when and re.fullmatch(r"\s*(?:on|in|late|early|last|this)?\s*", last_clause[:when[0].start]) \
                and not last_clause[when[0].end:].strip():
            last_clause = ""  # "Porto Vell's governor, Elena Ruiz, on Tuesday confirmed": a time, not a speaker
        coordinated = re.match(r"^(.*?)\s+and\s*$", last_clause)
        if coordinated and len(segments) > 1 and self.is_speaker(segments[0]):
            # "The ministry, in a statement, listed 64 people as missing and said": the sentence's subject;
            # "The developer, Greystone Homes, wants ... and says": its name
            if len(segments) > 2 and _NAME_RUN.fullmatch(segments[1].strip()) and self.is_speaker(segments[1]):
                return segments[1], base + len(segments[0]) + 1
            return segments[0], base
        if coordinated:
            # "The regulator opened an inquiry and said": the subject of the first verb speaks;
            # "that it had cut power to 27,000 customers as a precaution and expected": "it" does
            clause = re.split(r"\b(?:that|which|who)\b", last)[-1]
            words = re.finditer(r"\S+", clause)
            end = 0
            for w in words:
                low = w.group(0).lower()
                if low in self.verb_words or (low.endswith("ed") and len(low) > 4) or low in _AUXILIARIES:
                    break
                end = w.end()
            return clause[:end], base + len(body) - len(clause)
        if last_clause.strip():
            return last_clause, offset
        # "The chief executive, Sara Okafor, said" / "Dr Priya Nair, the medical director, said"
        candidates = []
        pos = base
        for seg in segments[:-1]:
            candidates.append((seg, pos))
            pos += len(seg) + 1
        candidates = [(seg, p) for seg, p in candidates if seg.strip() and not re.fullmatch(r"\s*\d{1,3}\s*", seg)]
        known = [(seg, p) for seg, p in candidates if seg.strip() in self.state.names or seg.strip() in self.state.orgs]
        if known:
            return known[0]  # "Graham Pettifer, 58, of 14 Elm Road, Dunmore, had admitted": the person, not the town
        candidates = [(seg, p) for seg, p in candidates[-2:]  # "Novak, 29, who was playing here, said"
                      if not re.match(r"\s*(?:who|which|where|whose|when)\b", seg)]
        # a proper name ("Europol", "Sara Okafor") before a description ("the EU's police agency")
        named = [(seg, p) for seg, p in candidates  # "the grid operator, Norland Power Networks (NPN), said"
                 if re.fullmatch(r"\s*(?:the\s+)?(?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|of|for|and|the|de|van|von|al))*\s*(?:\([A-Z]+\)\s*)?", seg)]
        for seg, p in (named or candidates)[:1]:
            return seg, p
        return "", len(left)

    def _interviewed(self, a: Attribution | None, sentence: str) -> Attribution | None:
        """A person who told an outlet something goes on speaking to it: 'Hanna Berglund told
        Agence France-Presse that ... "We built Kibali for 5,000 people," Ms Berglund said.',
        unless the sentence names another occasion ("Speaking at a press conference, Mr Mori said")."""
        if a is None or not (self.is_person(a.source) or a.source_type == "anonymous"):
            return a
        if a.via:
            self.state.told.setdefault(a.source, a.via)
            return a
        via = self.state.told.get(a.source)
        if via and self.rx["occasion"].search(sentence):
            return a
        return replace(a, via=via) if via else a

    def _interview_outlet(self, text: str, start: int, subject: int) -> tuple[str, int]:
        """"Speaking to Radio Kelbridge earlier this week, Ms Adeyemi said", "In an interview with
        the Daily Post, she said": the outlet relays."""
        lead = _INTERVIEW.search(text, max(start, subject - 200), subject) if subject > start else None
        if not lead:
            return "", 0
        outlet = self.rx["told_outlet"].match(text, lead.end() - 1)
        name = outlet.group("via") if outlet else ""
        described = outlet is not None and re.sub(r"^\s*(?:the\s+)?", "", outlet.group(0)).strip() != name
        return (name, outlet.end()) if name and (described or self._source_type(name) == "media") else ("", 0)

    def _told(self, text: str, m: re.Match) -> tuple[str, int]:
        """Who relays what was told ("told Reuters", "telling state broadcaster ONRTV"), and where
        the attribution ends."""
        verb_end = m.end()
        if m.group("verb").lower() not in ("told", "tells", "telling"):
            return "", verb_end
        told = self.rx["told"].match(text, verb_end)
        if told:
            return told.group("via") or "", told.end()
        outlet = self.rx["told_outlet"].match(text, verb_end)
        name = outlet.group("via") if outlet else ""
        # a broadcaster or paper, by a word before it ("told state broadcaster ONRTV") or its name
        described = outlet is not None and re.sub(r"^\s*(?:the\s+)?", "", outlet.group(0)).strip() != name
        media = described or self._source_type(name) == "media"
        if name and media and not self.is_person(self.canonical(name)) and name not in self.state.names:
            return name, outlet.end()
        return "", verb_end

    def sentence_subject(self, text: str, start: int, m: re.Match) -> Attribution | None:
        """The subject that opens the sentence, speaking through a participle later in it."""
        words = []
        for w in re.finditer(r"[\w'’.-]+", text[start:min(m.start(), start + 200)]):  # a subject opens the sentence
            low = w.group(0).lower()
            if low in self.verb_words or low.endswith("ed") and w.group(0).islower() and low not in self.ed_adjectives:
                break
            words.append(w.group(0))
        phrase = " ".join(words)
        if not words or len(words) > 8 or not self.is_speaker(phrase):
            return None
        name = self.canonical(phrase)
        if not name or self.source_type(name) == "other" and not self.is_org_name(name):
            return None  # "The plan raises council tax by 4.99%, adding £94": things do not speak
        # the span starts at the subject, so a time in the main clause dates the statement
        return Attribution(name, "", self.source_type(name), start, m.end(), m.start())

    def speaker_of(self, text: str, start: int, end: int, m: re.Match, quotes) -> Attribution | None:
        verb_start, verb_end = m.span()
        sentence_start, start = start, max(start, verb_start - 300)  # a speaker is named within a clause, not a page, before the verb
        left = text[start:verb_start]
        by = _BY_AGENT.match(text, verb_end, end)
        if by and m.group("verb").lower() in self.passive_verbs and _FIGURE_BEFORE.search(left) and not re.search(r"\b(?:is|are|was|were|be|been|being)\s+$", left) \
                and self.is_speaker(by.group(1)):
            # "the 34 per cent suggested by the exit poll": the agent of the passive is the source
            a = self.make(by.group(1), "", verb_start, by.end(1), verb_start)
            return replace(a, passive=True) if a else None
        if re.search(r"\b(?:is|are|was|were|be|been|being)\s+$", left) and not m.group("verb").endswith("ing") or by:
            return None  # "prices are expected to rise", "violations recorded by the mission": passives
        if re.search(r"\b(?:a|an|the)\s+$", left, re.I):
            return None  # "down from an estimated 90,000": an adjective, not a verb
        subject, offset = self._subject(left)
        for expr in dates.find(subject, self.lex):
            head = subject[:expr.start].strip().lower()
            if head in ("", "on", "in", "since", "by", "speaking", "speaking on", "writing"):
                rest = re.match(r"[\s,]*", subject[expr.end:])
                subject, offset = subject[expr.end + rest.end():], offset + expr.end + rest.end()
                break
        closer = subject.strip().lower()
        if (closer == "it" and text[max(sentence_start, start + offset - 60):start + offset].strip()
                or closer.startswith("the ") and len(closer.split()) <= 3 and subject.strip().islower()
                and closer.split()[-1] in self.org_nouns and closer.split()[-1] not in self.named_org_nouns
                and re.search(r",\s*$", text[start:start + offset])):
            # "The finance ministry has set aside $2bn, it said", "Kizuna Energy, a Tokyo-based
            # developer, has raised $180m in a round led by Marlin Capital, the company said":
            # the body the sentence opens with
            opener = _OPENING_NAME.match(text, sentence_start)
            phrase = opener.group(1) if opener else self._opening_body(text, sentence_start)
            name = self.canonical(phrase) if phrase else ""
            if name and self.is_speaker(name) and self._source_type(name) != "media" and (
                    self.is_org_name(name) or name.split()[-1].lower() in self.org_nouns):
                return Attribution(name, "", self.source_type(name), start + offset, verb_end, verb_start)
            opener = self.sentence_subject(text, sentence_start, m)
            if closer == "it" and opener and self.is_org_name(opener.source):
                return replace(opener, start=start + offset, end=verb_end)
        bare = self.rx["bare_document"].fullmatch(subject) if " " in subject.strip() else None
        if bare and not self.document_owner(subject):
            doc = bare.group("doc")
            return Attribution(doc, "", self.source_type(doc), start + offset, verb_end, verb_start)
        if subject.strip() and (self.is_speaker(subject) or self.document_owner(subject)):
            sub_start = start + offset + (len(subject) - len(subject.lstrip()))
            via, close = self._told(text, m)
            if not via:
                via, _ = self._interview_outlet(text, sentence_start, sub_start)
            after = _INTERVIEW_AFTER.match(text, verb_end + 1) if not via else None
            if after:  # "said in an interview with public broadcaster NRV on Sunday"
                via, close = self._interview_outlet(text, verb_end, after.end())
                close = max(close, verb_end)
            doc = self.rx["in_document"].match(text, close, end)
            a = self._interviewed(self.make(subject, via, sub_start, close, verb_start, text[sub_start:verb_start]),
                                  text[max(sentence_start, verb_start - 300):min(end, verb_end + 300)])
            if a and doc:
                self.state.last_document_source = a.source
            return a
        # Inverted: ', said John Smith, the mayor.' / '" said the mayor'
        if not subject.strip() or left.rstrip().endswith((",", "”", "\"")):
            right = re.match(r"\s+([^,.;:!?“”\"]{2,60}?)(?=[,.;:!?“”\"]|\s+(?:on|in|last|at|during|after|before|when|as|that|this|yesterday|earlier)\b|$)",
                             text[verb_end:end])
            if right and re.match(r"one\s+(?!of\b)[a-z]+", right.group(1)) and right.group(1).split()[1] in self.person_nouns:
                # "said one resident of Falcon Road": a person described
                phrase = right.group(1)[4:]
                close = verb_end + right.end()
                return self._interviewed(self.make(phrase, "", verb_start, close, verb_start, text[close:min(end, close + 80)]),
                                         text[max(sentence_start, verb_start - 300):min(end, verb_end + 300)])
            if right and not self.is_speaker(right.group(1)) and re.match(r"one\s+of\s+", right.group(1)) \
                    and _APPOSITIVE_NAME.match(text, verb_end + right.end(), end):
                named = _APPOSITIVE_NAME.match(text, verb_end + right.end(), end)  # "said one of the organisers, Marta Iglesias"
                return self._interviewed(self.make(named.group(1), "", verb_start, named.end(1), verb_start),
                                         text[max(sentence_start, verb_start - 300):min(end, verb_end + 300)])
            if right and self.is_speaker(right.group(1)):
                close = verb_end + right.end()
                # '" said the union's chairman, Anders Lunde.': the name after the description
                named = _APPOSITIVE_NAME.match(text, close, end)
                if named and not _NAME_RUN.fullmatch(right.group(1).strip()):
                    return self._interviewed(self.make(named.group(1), "", verb_start, named.end(1), verb_start),
                                             text[max(sentence_start, verb_start - 300):min(end, verb_end + 300)])
                return self._interviewed(self.make(right.group(1), "", verb_start, close, verb_start), text[max(sentence_start, verb_start - 300):min(end, verb_end + 300)])
        return None

    # -- a figure ----------------------------------------------------------
    def for_figure(self, text: str, sentence: tuple[int, int], fig_start: int,
                   found: list[Attribution], paragraph_quote: tuple[int, int] | None) -> Attribution | None:
        """The attribution that governs the figure at fig_start."""
        if paragraph_quote is not None:
            q_start, q_end = paragraph_quote
            found = self._near(found, q_start - 400, q_end + 400)
            # A quotation's speaker stands just outside it, after or before.
            outside = [a for a in found if a.start >= q_end - 1 or a.end <= q_start + 1]
            if outside:
                best = min(outside, key=lambda a: min(abs(a.start - q_end), abs(a.end - q_start)))
                return best
            return None
        if not found:
            return None
        found = self._near(found, fig_start - 400, fig_start + 400)
        if not found:
            return None
        if fig_start - sentence[0] <= 8 and re.fullmatch(r"\s*(?:The|A|An)\s+", text[sentence[0]:fig_start]) and re.match(r"\d+-year-old\s+(?:has|had|is|was|will|[a-z]+ed)\b", text[fig_start:fig_start + 30]):
            return None  # "The 24-year-old has agreed a five-year contract": who, not what was said
        for a in found:
            if a.document and a.start <= fig_start < a.verb:
                return a  # "An NFF survey of 2,300 members found": the survey's own size
        # A figure inside the speaker's own description ("the 64-year-old minister, who has led
        # the department for six years, said") is the outlet's, not the speaker's.
        if any(a.start <= fig_start < a.verb and not a.document and not any(a.start <= b.verb < fig_start for b in found)
               and not _COORDINATED.search(text, a.start, a.verb) for a in found) \
                or _APPOSITIVE_AGE.match(text, fig_start) \
                and re.search(r"[A-Z][\w'’.-]*,\s*$", text[max(0, fig_start - 40):fig_start]):
            return None  # "said Anna Brekke, 46, who": an age described by the outlet
        # "the 34 per cent suggested by the exit poll, and turnout at 71.9 per cent": a passive agent
        # speaks only for the figure it follows
        before = [a for a in found if a.verb < fig_start and not a.passive]
        # "the 66 that the exit poll had projected", "the 3.2% forecast by the ministry": the
        # figure's own clause names its source.
        own = [a for a in found if fig_start < a.verb <= fig_start + 80 and (
            a.passive and not _CLAUSE_MARK.search(text, fig_start, a.verb)
            or (rel := _RELATIVE.fullmatch(text, fig_start, a.start)) is not None
            and (re.search(r"\b(?:that|which)\s+(?:the\s+|an?\s+)?$", rel.group(0)) or _PRONOUN_SUBJECT.match(text, a.start)))]
        if own:
            return own[0]
        # "..., the company said." speaks for what came before it; "fell 8.3% after the company
        # reported a 41% drop" does not make the company the source of the 8.3%.
        after = [a for a in found if fig_start <= a.verb <= fig_start + 300 and not a.passive
                 and _CLAUSE_MARK.search(text, fig_start, a.start + 1)
                 and (a.relay or re.search(r"[,;:”\"]\s*$", text[max(0, a.start - 4):a.start]) and self._closes_clause(text, a))]
        if not before and not after:
            return None
        best = before[-1] if before else after[0]
        if before and after and self._closes_clause(text, after[0]) and (
                self._weak(text, best) or text.find(";", max(best.end, fig_start - 400), fig_start) >= 0):
            # "The race raised $4.6m for charity, organisers said": "raised" is the news, not the telling
            best = after[0]
        if before and best is before[-1] and self._outside_report(text, best, fig_start, sentence[0]):
            return None
        if before and after and not best.via and best is before[-1]:
            # "X said 10,000 ..., his office reported": the office relays X
            relay = after[-1]
            if relay.relay or relay.source_type == "media" or relay.source.endswith("office"):
                best = Attribution(best.source, self.possessive(relay.source, best.source), best.source_type,
                                   best.start, best.end, best.verb)
        if re.match(r"(?i)(?:his|her|their)\s", best.source):
            best = Attribution(self.possessive(best.source, self.state.last_person), best.via, best.source_type,
                               best.start, best.end, best.verb)
        return best

    def _near(self, found: list[Attribution], lo: int, hi: int) -> list[Attribution]:
        """The attributions whose verb lies in [lo, hi]: only those near a figure can govern it
        (``found`` is sorted by verb; a long sentence may hold thousands)."""
        if len(found) <= 8:
            return found
        if self._verbs_of is not found:
            self._verbs_of, self._verbs = found, [a.verb for a in found]
        return found[bisect_left(self._verbs, lo):bisect_right(self._verbs, hi)]

    @staticmethod
    def _named_in(phrase: str) -> str:
        """"the minister of territorial administration, Ahmat Saleh Djidda" -> the name."""
        if "," not in phrase:
            return phrase
        for part in phrase.split(","):
            if _NAME_RUN.fullmatch(part.strip()) and len(part.split()) >= 2:
                return part
        return phrase.split(",")[0]

    def _outside_report(self, text: str, a: Attribution, fig_start: int, sentence_start: int) -> bool:
        """A figure after an attribution that is not what it reports: the speaker's own
        description ('said Fazal Rahim, a 62-year-old shopkeeper') or the outlet's gloss after a
        closing attribution ('..., the club announced, making the 29-year-old the most expensive')."""
        if fig_start - a.end > 300:
            return False  # a description or a gloss follows its attribution closely
        between = text[a.end:fig_start]
        if a.start == a.verb and not a.relay and re.fullmatch(r",\s+(?:\d{1,3},\s+)?(?:a|an|the|who|whose)\b[^,.;:“”\"]*", between):
            return True
        if re.fullmatch(r"\s+(?:a|an|the)\s+(?:[\w-]+\s+){1,2}of\s+(?:some\s+|about\s+|around\s+)?", between) \
                and text[a.verb:a.verb + 4] == "told":
            return True  # "told a rally of some 3,000 workers": the audience, not what was said
        # "..., grid operator Redelux said on its website, as temperatures reached 44C"
        gloss = re.match(r"[^,.;:]*,\s+([a-z]+ing|as|amid)\b", between)
        return bool(gloss) and gloss.group(1) not in self.participles \
            and bool(re.search(r"[,”\"]\s*$", text[max(sentence_start, a.start - 3):a.start])) and self._closes_clause(text, a)

    def _weak(self, text: str, a: Attribution) -> bool:
        """A verb that more often carries the news than reports it ("raised", "recorded")."""
        word = re.match(r"[\w-]+", text[a.verb:a.verb + 20])
        return bool(word) and word.group(0).lower() in self.content_verbs

    @staticmethod
    def _closes_clause(text: str, a: Attribution) -> bool:
        """"..., police said." / "..., the ministry said on Monday, adding": nothing reported follows."""
        rest = re.match(r"[^,.;:!?“”\"]*", text[a.end:a.end + 120]).group(0)
        # "..., the ministry said on Monday after the driest spring since 1961": what follows is the occasion
        rest = re.split(r"\b(?:after|following|before|when|as|amid|despite|while)\b", rest, maxsplit=1)[0]
        if any(map(str.isdigit, rest)) or re.search(
                r"\b(?:that(?!\s+(?:day|evening|morning|afternoon|night|week))|would|will|could|was|were|is|are|had|has)\b", rest):
            return False
        # "..., the company said in a statement to the stock exchange": the occasion, however long
        rest = re.sub(r"^\s*(?:\w+\s+){0,2}?(?:in|on)\s+(?:a|an|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:statement|filing|post|report|letter|interview|update|website)\b.*$", "", rest)
        return len(rest.split()) <= 6

    @staticmethod
    def possessive(phrase: str, owner: str) -> str:
        """"his office" -> "Yoon Suk-yeol's office" once we know whose."""
        m = re.match(r"(?i)(?:his|her|their)\s+(.+)$", phrase)
        return f"{owner}'s {m.group(1)}" if m and owner else phrase
