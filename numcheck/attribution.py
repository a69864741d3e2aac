"""Who said a figure: the speaker of the clause or quote that carries it.

Patterns, in the order they win: "R quoted X as saying" (source X, via R),
"according to X", "R, citing X" (source X, via R), then "X said" / "said X" /
"X told R". A figure inside a quotation belongs to the quotation's speaker, and
a speaker carries over to the rest of the same quotation. Where nobody is named,
the figure is the outlet's own. Names are made one per source within an article:
"Mr Zelensky" is the "Volodymyr Zelensky" introduced earlier, "the official" the
official introduced earlier, and aliases come from rules/vocab/sources.yaml.

When a pattern does not clearly name a speaker we fall back to the outlet rather
than guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import Lexicon, alternation
from .text import quote_spans

_NAME_RUN = re.compile(r"(?:[A-Z][\w'’.-]*|al-\w+|bin|de|van|von|der|da|di|la|le)(?:\s+(?:[A-Z][\w'’.-]*|al-\w+|bin|de|van|von|der|da|di))*")
_TITLES = re.compile(r"^(?:mr|mrs|ms|miss|dr|prof|sir|dame|lord|lady|gen|col|maj|capt|sgt|lt|adm)\.?\s+", re.I)
_LEADING = re.compile(
    r"^(?:(?:and|but|so|then|also|meanwhile|however|separately|earlier|later|now|yet|while|as|because|since)\s+)*"
    r"(?:(?:the|a|an|its|their|his|her|our)\s+)?(?:(?:unnamed|anonymous|unidentified)\s+)?", re.I)
_TRAILING = re.compile(
    r"(?:\s+(?:also|has|have|had|was|were|is|are|previously|later|earlier|repeatedly|reportedly|then|"
    r"again|further|separately|too|already|first|initially|subsequently|now|recently|had|would|will|"
    r"on\s+\w+|last\s+\w+|this\s+\w+|yesterday|today|in\s+a\s+statement|in\s+\w+))+$", re.I)
_PRONOUNS = {"he", "she", "they", "we", "i", "his", "her", "their"}


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str
    via: str
    source_type: str
    start: int  # where the attribution phrase starts
    end: int  # where it ends; reported content usually follows
    verb: int  # offset of the speech verb (or cue)


@dataclass
class _State:
    """What an article has said so far about its sources."""
    names: list[str] = field(default_factory=list)
    last_person: str = ""
    last_speaker: Attribution | None = None


def _compile(lex: Lexicon) -> dict:
    sp = lex["speech"]
    verbs = alternation(sp["verbs"], boundary=False)
    relays = alternation(sp["relays"], boundary=False)
    np = r"[^,.;:!?“”\"]{2,80}?"
    return {
        "quoted": re.compile(rf"(?P<via>{relays})\s+quoted\s+(?P<src>{np})\s+as\s+saying", re.I),
        "according": re.compile(
            rf"according\s+to\s+(?:(?:figures|data|estimates|a\s+report|a\s+statement|a\s+count|statistics)\s+(?:from|by|of)\s+)?(?P<src>[^,.;:!?“”\"()]{{2,80}}?)(?=\s*[,.;:!?“”\"()]|\s+(?:that|which|who|on|last|in|as)\b|$)"),
        "citing": re.compile(rf"(?P<via>{np}),?\s+citing\s+(?P<src>[^,.;:!?“”\"]{{2,80}}?)(?=[,.;:!?]|\s+(?:as|that|on|who)\b|$)"),
        "verb": re.compile(rf"(?<![\w-])(?P<verb>{verbs})(?![\w-])"),
        "told": re.compile(rf"\s+(?:(?:the\s+)?(?P<via>{relays})|reporters|journalists|lawmakers|parliament|a\s+news\s+conference|a\s+briefing)\b", re.I),
        "relay": re.compile(rf"^(?:the\s+)?(?:{relays})$", re.I),
    }


def _clean(phrase: str) -> str:
    phrase = phrase.strip().replace("’", "'")
    phrase = _LEADING.sub("", phrase)
    phrase = _TRAILING.sub("", phrase)
    return phrase.strip(" ,'\"")


class Attributor:
    def __init__(self, lex: Lexicon, outlet: str):
        self.lex = lex
        self.rx = lex.regex("attribution", _compile)
        self.outlet = outlet
        self.state = _State()
        self.aliases: dict[str, str] = {}
        for canonical, others in lex["sources"]["aliases"].items():
            for form in [canonical, *others]:
                self.aliases[form.lower().replace("’", "'").removeprefix("the ")] = canonical
        self.types = [(kind, [w.lower() for w in words]) for kind, words in lex["sources"]["types"].items()]
        self.not_speakers = lex.wordset("speech", "not_speakers")
        self.doc_subjects = lex.wordset("speech", "document_subjects")
        self.speaker_nouns = {w for _, words in self.types for w in words if " " not in w}

    # -- naming ------------------------------------------------------------
    def source_type(self, name: str) -> str:
        if name == self.outlet:
            return "outlet"
        low = f" {name.lower()} "
        for kind, words in self.types:
            if any(f" {w} " in low or low.strip().endswith(f" {w}") or low.strip() == w for w in words):
                return kind
        return "person" if _NAME_RUN.fullmatch(name) else "other"

    def canonical(self, phrase: str) -> str:
        """One name per source: aliases, full names for "Mr X", earlier officials for "the official"."""
        raw = phrase.strip()
        name = _clean(raw)
        if not name:
            return ""
        low = name.lower()
        if low in _PRONOUNS:
            return self.state.last_person
        m = re.match(r"^(his|her|their)\s+(.+)$", low)
        if m and self.state.last_person:
            name = f"{self.state.last_person}'s {name.split(' ', 1)[1]}"
            low = name.lower()
        if low in self.aliases:
            return self.aliases[low]
        if low.removeprefix("the ") in self.aliases:
            return self.aliases[low.removeprefix("the ")]
        # "Ukrainian president Volodymyr Zelensky" -> the name at the end of the phrase.
        runs = list(_NAME_RUN.finditer(name))
        if runs and runs[-1].end() == len(name):
            run = _TITLES.sub("", runs[-1].group(0))
            words = run.split()
            if len(words) >= 2 and not any(w.lower() in self.speaker_nouns for w in words):
                return run
            if len(words) == 1:
                for known in reversed(self.state.names):
                    if known.split()[-1] == words[0] and known != words[0]:
                        return known
                if _TITLES.match(name):
                    return name
        # "the official" -> the official introduced earlier ("an unnamed South Korean official").
        if raw.lower().startswith("the ") and len(name.split()) <= 2:
            head = name.split()[-1].lower()
            for known in reversed(self.state.names):
                if known.lower().split()[-1] == head and known.lower() != name.lower():
                    return known
        return name

    def remember(self, name: str) -> None:
        if name and name not in self.state.names:
            self.state.names.append(name)
        kind = self.source_type(name)
        if kind in ("person", "official"):
            self.state.last_person = name

    def is_speaker(self, phrase: str) -> bool:
        name = _clean(phrase)
        if not name or len(name) > 80:
            return False
        low = name.lower()
        if low in _PRONOUNS:
            return bool(self.state.last_person)
        if low in self.not_speakers or low.split()[0] in {"it", "this", "that", "which", "there"}:
            return False
        words = low.split()
        if words[-1] in self.doc_subjects:
            return False
        if len(words) > 8:
            return False
        if any(w[:1].isupper() for w in name.split()):
            return True
        return any(w in self.speaker_nouns for w in words) or low in self.aliases

    def make(self, phrase: str, via: str, start: int, end: int, verb: int) -> Attribution | None:
        name = self.canonical(phrase)
        if not name:
            return None
        via_name = self.canonical(via) if via else ""
        return Attribution(name, via_name, self.source_type(name), start, end, verb)

    # -- one sentence ------------------------------------------------------
    def in_sentence(self, text: str, start: int, end: int) -> list[Attribution]:
        found: list[Attribution] = []
        covered: list[tuple[int, int]] = []
        sentence = text[start:end]
        for m in self.rx["quoted"].finditer(text, start, end):
            a = self.make(m.group("src"), m.group("via"), m.start(), m.end(), m.start())
            if a:
                found.append(a)
                covered.append(m.span())
        for m in self.rx["citing"].finditer(text, start, end):
            via = m.group("via").split(",")[-1]
            if not self.is_speaker(via):
                continue
            a = self.make(m.group("src"), via, m.start("via"), m.end(), m.start())
            if a:
                found.append(a)
                covered.append(m.span())
        for m in self.rx["according"].finditer(text, start, end):
            src = m.group("src")
            if self.is_speaker(src):
                a = self.make(src, "", m.start(), m.end(), m.start())
                if a:
                    found.append(a)
                    covered.append(m.span())
        quotes = quote_spans(sentence)
        for m in self.rx["verb"].finditer(text, start, end):
            if any(s <= m.start() < e for s, e in covered):
                continue
            rel = m.start() - start
            if any(s <= rel < e for s, e in quotes):
                continue
            a = self.speaker_of(text, start, end, m)
            if a:
                found.append(a)
                covered.append((a.start, a.end))
        for a in found:
            self.remember(a.source)
        found.sort(key=lambda a: a.verb)
        return found

    def speaker_of(self, text: str, start: int, end: int, m: re.Match) -> Attribution | None:
        verb_start, verb_end = m.span()
        # Subject before the verb, back to a clause boundary.
        left = text[start:verb_start]
        cut = max(left.rfind(","), left.rfind(";"), left.rfind(":"), left.rfind("”"), left.rfind("\""),
                  left.rfind("“"))
        subject = left[cut + 1:] if cut >= 0 else left
        subject = re.split(r"\b(?:that|which|who|whom)\b", subject)[-1]
        if subject.strip() and self.is_speaker(subject):
            sub_start = verb_start - len(subject) + (len(subject) - len(subject.lstrip()))
            via = ""
            told = self.rx["told"].match(text, verb_end) if m.group("verb").lower() in ("told", "tells") else None
            if told and told.group("via"):
                via = told.group("via")
            close = told.end() if told else verb_end
            return self.make(subject, via, sub_start, close, verb_start)
        # Inverted: ', said John Smith, the mayor.' / '" said the mayor'
        if not subject.strip() or left.rstrip().endswith((",", "”", "\"")):
            right = re.match(r"\s+([^,.;:!?“”\"]{2,60}?)(?=[,.;:!?“”\"]|\s+(?:on|in|last|at|during|after|before|when|as|that)\b|$)",
                             text[verb_end:end])
            if right and self.is_speaker(right.group(1)):
                return self.make(right.group(1), "", verb_start, verb_end + right.end(), verb_start)
        return None

    # -- a figure ----------------------------------------------------------
    def for_figure(self, text: str, sentence: tuple[int, int], fig_start: int,
                   found: list[Attribution], paragraph_quote: tuple[int, int] | None) -> Attribution | None:
        """The attribution that governs the figure at fig_start."""
        if paragraph_quote is not None:
            q_start, q_end = paragraph_quote
            # A quotation's speaker stands just outside it, after or before.
            outside = [a for a in found if a.start >= q_end - 1 or a.end <= q_start + 1]
            if outside:
                best = min(outside, key=lambda a: min(abs(a.start - q_end), abs(a.end - q_start)))
                self.state.last_speaker = best
                return best
            return None
        if not found:
            return None
        before = [a for a in found if a.verb < fig_start]
        after = [a for a in found if a.verb >= fig_start]
        best = before[-1] if before else after[0]
        self.state.last_speaker = best
        return best


def quote_for(text: str, offset: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    for s, e in spans:
        if s <= offset < e:
            return s, e
    return None


def paragraph_quotes(text: str) -> list[tuple[int, int]]:
    return quote_spans(text)
