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
from bisect import bisect_left, bisect_right, insort
from copy import deepcopy
from dataclasses import dataclass, field, replace

from . import dates
from .lexicon import Lexicon, alternation
from .model import Claim

_NAME_RUN = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’.-]*|al-\w+|(?:bin|de|van|von|der|da|di|la|le)\b)(?:\s+(?:[A-Z][\w'’.-]*|al-\w+|(?:bin|de|van|von|der|da|di)\b))*")
_LEADING = re.compile(
    r"^(?:(?:and|but|so|then|also|meanwhile|however|separately|earlier|later|now|yet|while|as|because|since|speaking|writing)\s+)*"
    r"(?:(?:the|a|an|its|our)\s+)?(?:(?:unnamed|anonymous|unidentified)\s+)?", re.I)
# Adverbs and auxiliaries between a speaker and the verb ("Mr Zelensky also claimed").
_TRAILING = re.compile(
    r"(?:\s+(?:also|has|have|had|was|were|is|are|previously|later|earlier|repeatedly|reportedly|then|"
    r"again|further|separately|too|already|first|initially|subsequently|now|recently|would|will|last|"
    r"so\s+far|still|just|since|never|jointly|publicly|formally|officially|"
    r"on\s+\w+|last\s+\w+|this\s+\w+|yesterday|today|in\s+a\s+statement))+$")
_AGE_ADJ = re.compile(r"\b\d+-year-old\s+", re.I)
_ACRONYM = re.compile(r"((?:[A-Z][\w'-]*\s+)(?:(?:for|of|and|on|the|de|des|du)\s+|[A-Z][\w'-]*\s+){0,8}?[A-Z][\w'-]*)\s+\(([A-Z][A-Za-z&]{1,9})\)")
# A lone capitalised word followed by a verb or a possessive: "Korvane said", "Brauwald's shares".
_SINGLE_NAME = re.compile(r"(?<![\w'’-])([A-Z][a-z]+[A-Za-z]*)(?=(?:'s|’s)?\s+(?:said|says|reported|carried|posted|"
                          r"announced|warned|expects|expected|shares|has|had|is|was|will|would|also|made|sold))")
_CONNECTORS = {"of", "for", "and", "the", "on", "in", "de"}


def _full_org_name(name: str) -> bool:
    """"International Committee of the Red Cross": capitalised words joined by "of", "for",
    "and", "the" make one name, not a description followed by a shorter name."""
    words = name.split()
    return len(words) >= 3 and words[0][:1].isupper() and words[-1][:1].isupper() \
        and any(w in _CONNECTORS for w in words) and all(w[:1].isupper() or w in _CONNECTORS for w in words)


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
_CAPS_WORD = re.compile(r"\b[A-Z]{2,6}\b")
_OPENING_NAME = re.compile(r"\s*((?:The\s+)?[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|for|and|the))*)(?=,|\s+(?:has|have|had|is|was|will|would)\b)")
_CONJUNCTION = re.compile(r"^(?:and|but|so|yet|however|meanwhile)\s+", re.I)
_CONNECTED_ORG = re.compile(r"(?<![\w'’-])[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*(?:\s+(?:of|for|on)\s+(?:the\s+)?"
                            r"[A-Z][\w'’.&-]*(?:\s+(?:and\s+)?[A-Z][\w'’.&-]*)*)+")
_AUXILIARIES = {"has", "have", "had", "was", "were", "is", "are", "would", "will", "could", "can", "may", "might"}
_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
_OPENING_BODY = re.compile(r"\s*((?:The|Its)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\b")
_COORDINATED = re.compile(r"\sand\s+$")
_PROPER = r"[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|for|and|the))*"
_DESCRIPTION_NAME = re.compile(rf"\b(?:the|its)\s+(?P<desc>[\w'’ -]{{3,50}}?),\s+(?P<name>{_PROPER})(?:\s+\([A-Z]+\))?,")
_NAME_DESCRIPTION = re.compile(rf"(?P<name>{_PROPER}),\s+the\s+(?P<desc>[\w'’ -]{{3,50}}?),")
# A clause up to its punctuation, over the commas and points inside numbers ("3,200", "4.5").
_CLAUSE_TEXT = re.compile(r"(?:[^,.;:!?“”\"]|(?<=\d)[,.](?=\d))*")
_PEOPLE_AT = re.compile(r"[A-Za-z]+s\s+(?:at|from|of|with|in)\s")
_INTERVIEW = re.compile(r"\b(?:[Ss]peaking|[Tt]alking)\s+(?:to|with)\s|\b[Ii]n\s+an\s+interview\s+with\s")
_INTERVIEW_AFTER = re.compile(r"(?:on\s+\w+\s+)?in\s+an\s+interview\s+with\s")
_SUBJECT_AFTER = re.compile(r"(?:,\s*\d{1,3},)?\s+(?:is|was|has|had|says|said|told|wrote)\b")
# "a spokesperson for Kingsbridge Energy" is "Kingsbridge Energy spokesperson"
_ROLE_FOR = re.compile(r"^(spokesperson|spokesman|spokeswoman|representative)\s+for\s+(?:the\s+)?(.+)$", re.I)
_COURTESY = re.compile(r"^(?:mr|mrs|ms|miss|dr|sir|dame)\.?\s+", re.I)
_CLAUSE_MARK = re.compile(r"[,;:”\"]")
_PRONOUNS = {"he", "she", "they", "we", "i", "his", "her", "their"}
_NOT_A_SPEAKER_START = re.compile(r"^(?:according|first|initially|originally|previously|already|once|on|in|at|last|this|next|yesterday|today|earlier|later|after|before|during|when|as|that|to|for|with)\b", re.I)


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


@dataclass
class _State:
    """What an article has said so far about its sources."""
    names: list[str] = field(default_factory=list)  # people named so far
    people: set[str] = field(default_factory=set)  # names known to be people (a title before them)
    orgs: list[str] = field(default_factory=list)  # organisations named so far, latest last
    last_org: str = ""
    last_document_source: str = ""
    sources: list[str] = field(default_factory=list)  # speakers so far
    last_person: str = ""
    told: dict[str, str] = field(default_factory=dict)  # person -> the outlet they first spoke to
    last_place: str = ""  # "across Porto Sul": what "the city's" means


def _compile(lex: Lexicon) -> dict:
    sp = lex["speech"]
    verbs = alternation(sp["verbs"], boundary=False)
    relays = alternation(sp["relays"], boundary=False)
    np = r"[^,.;:!?“”\"]{2,80}?"
    docs = alternation(sp["document_subjects"], boundary=False)
    published = alternation(sp["publish_verbs"], boundary=False)
    adjectives = alternation(sp["document_adjectives"], boundary=False)
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
        "suffixes": re.compile(rf"(?:,?\s+(?:{alternation(sp['name_suffixes'], boundary=False)})\.?)+$"),
        # "Home Office figures published yesterday", "an exit poll by broadcaster VPR",
        # "final results released yesterday by the Election Board": the owner speaks.
        "document_owner": re.compile(
            rf"^(?:(?:the|a|an|its|{adjectives})\s+)*(?:(?-i:[a-z])[\w-]*\s+){{0,2}}?(?:{docs})\b.*?\s+by\s+(?P<owner>[^,]+?)(?:\s+(?:{published})\b[^,]*)?$"
            rf"|^(?:(?:the|a|an|its|{adjectives})\s+)*(?:(?-i:[a-z])[\w-]*\s+){{0,2}}?(?:{docs})(?:\s+(?:{published})\b[^,]*?)?\s+(?:from|of)\s+(?P<owner_of>.+)$"
            rf"|^(?:{docs})\s+(?:that\s+|which\s+)?(?P<rel>(?:the|its)\s+[\w-]+(?:\s+[\w-]+)?|(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,3}}))\s+(?:also\s+|had\s+|has\s+)?"
            rf"(?:{published})\b.*$"
            rf"|^(?P<whose>[^,']{{2,60}}?)(?:'s|’s)\s+(?:(?:{adjectives}|(?-i:[a-z])[\w-]*)\s+){{0,2}}(?:{docs})(?:\s+(?:{published}|for|on)\b.*)?$"
            rf"|^(?:(?-i:An?)\s+)?(?P<before>(?!(?-i:An?)\s)(?-i:[A-Z])[^,]*?|(?:(?-i:[a-z])[\w-]*\s+){{0,2}}(?:{alternation(sp['org_nouns'], boundary=False)}))(?:'s|’s)?\s+"
            rf"(?P<before_doc>{docs})(?:\s+(?:{published}|of|among|into|on)\b.*)?$", re.I),
        # "a poll published yesterday by the Daily Lenorian had Mr Dragan ahead by six points"
        "document_had": re.compile(rf"\b(?P<subj>(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{docs})\b[^,;.“”\"]*?)\s+had\b", re.I),
        "document_by": re.compile(rf"\b(?:{docs})\s+(?:(?:{published})\s+)?by\s+(?P<owner>(?:the\s+)?[^,.;:!?“”\"()]{{2,60}}?)"
                                  rf"(?=\s*[,.;:!?“”\"()]|\s+(?:on|in|last|that|which|for|and|gave|put|found|shows?|showed|{published})\b)", re.I),
        # "an independent review published in March warned": a document nobody is said to own
        "bare_document": re.compile(rf"\s*(?i:an?)\s+(?P<doc>(?:[a-z][\w-]*\s+){{0,2}}(?:{docs}))"
                                    rf"(?:\s+(?:{published})\b[^,;]*)?\s*"),
        "study_team": re.compile(rf"(?:The|Its|Their)\s+(?:study's\s+|report's\s+)?(?:{alternation(sp['study_team'], boundary=False)})\b"),
        # "the observatory said in its annual State of the Climate report": later "the report" is its
        "in_document": re.compile(rf"\s+in\s+(?:its|their|his|her|a|an|the)\s+(?:[\w'’-]+\s+){{0,6}}?(?:{docs})\b", re.I),
        "occasion": re.compile(rf"\b(?:{alternation(sp['occasions'], boundary=False)})\b", re.I),
        "titles": re.compile(rf"^(?:(?:{alternation(sp['titles'], boundary=False)})\.?\s+)+", re.I),
    }


def _clean(phrase: str) -> str:
    phrase = " ".join(phrase.replace("’", "'").split())
    phrase = _AGE_ADJ.sub("", phrase)
    phrase = re.sub(r"\s*\([^)]*\)", "", phrase)
    phrase = _LEADING.sub("", phrase)
    phrase = _TRAILING.sub("", phrase)
    return phrase.strip(" ,.;'\"“”")


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
        self.local_aliases: dict[str, str] = {}
        self._types_seen: dict[str, str] = {}
        self._verbs_of: list | None = None
        self._verbs: list[int] = []
        self.org_nouns = lex.wordset("speech", "org_nouns")
        self.named_org_nouns = lex.wordset("speech", "named_org_nouns")
        self.fixed_bodies = lex.wordset("speech", "fixed_bodies")
        self.commercial_nouns = lex.wordset("speech", "commercial_nouns")
        self.noncommercial = lex.wordset("speech", "noncommercial_words")
        self.media_nouns = lex.wordset("speech", "media_nouns")
        self.org_noun_kinds = {k.lower(): {w.lower() for w in v} for k, v in lex["speech"]["org_noun_kinds"].items()}
        self.commentators = lex.wordset("speech", "commentators")
        self.group_speakers = lex.wordset("speech", "group_speakers")
        self.title_words = {w for w in lex.wordset("speech", "titles") if " " not in w} - {
            "foreign", "defence", "defense", "health", "finance", "interior", "home", "trade", "education",
            "energy", "transport", "environment", "justice", "state", "federal", "national", "regional",
            "local", "new", "former", "acting", "deputy", "senior", "opposition", "party", "high"}
        self.participles = lex.wordset("speech", "participles")
        self.person_nouns = lex.wordset("speech", "person_nouns")
        self.content_verbs = lex.wordset("speech", "content_verbs")
        self.passive_verbs = lex.wordset("speech", "passive_verbs")
        self.ed_adjectives = lex.wordset("speech", "ed_adjectives")
        self.not_org_words = lex.wordset("speech", "titles") | lex.wordset("speech", "not_speakers") | {
            w.lower() for w in lex["dates"]["weekdays"]} | set(lex.wordset("nonfigures", "months")) | {
            "he", "she", "it", "they", "we", "officials", "police", "analysts", "investors", "residents"}
        self.org_words = lex.wordset("speech", "org_words")
        self.places = {p for country, others in lex["places"]["countries"].items() for p in [country, *others]}
        self.place_names = {p.lower() for p in self.places}
        self.verb_words = (lex.wordset("nouns", "verbs") | lex.wordset("speech", "verbs")) - {"report", "reports", "forecast", "estimate", "estimates", "claims", "claim"}

    # -- naming ------------------------------------------------------------
    def source_type(self, name: str) -> str:
        if name == self.outlet:
            return "outlet"
        found = self._types_seen.get(name)
        if found is None:
            found = self._types_seen[name] = self._source_type(name)
        if found in ("person", "other") and (name in self.state.orgs or name in self.local_aliases.values()):
            return "organisation"  # "Port Ellery Transit", known as "the city's transport authority"
        if found == "other" and name.lower() in self.place_names:
            return "government body"  # "India said"
        if found == "person" and name in self.state.people:
            return "official"  # "Energy minister Helen Carr": named with a title
        return found

    def _source_type(self, name: str) -> str:
        low = f" {name.lower()} "
        for kind, words in self.types:
            if any(f" {w} " in low for w in words):
                return kind
        if any(w in self.org_words for w in low.split()):
            return "organisation"  # "Dalmark Foods", "Kestrel Airways"
        return "person" if _NAME_RUN.fullmatch(name) and len(name.split()) >= 2 else "other"

    def observe(self, text: str, start: int, end: int) -> None:
        """Learn the names a sentence introduces: people, "Full Name (ACR)", and whose study
        "the study" means later ("an exit poll by broadcaster VPR")."""
        for m in (self.rx["document_by"].finditer(text, start, end) if " by " in text[start:end] else ()):
            if self.is_speaker(m.group("owner")):
                self.state.last_document_source = self.canonical(m.group("owner"))
        named = []  # "UN Office for Project Services (UNOPS)": one organisation, whatever its words
        for m in (_ACRONYM.finditer(text, start, end) if "(" in text[start:end] else ()):
            full = _clean(m.group(1))
            self.local_aliases[m.group(2).lower()] = self.aliases.get(full.lower(), full)
            if not self._commentators_at(text, start, m.start()):
                named.append(full)  # but "Investigators from the Maritime Accident Board (MAB)" are people
        if ", " in text[start:end]:
            for rx in (_DESCRIPTION_NAME, _NAME_DESCRIPTION):
                for m in rx.finditer(text, start, end):
                    self._learn_description(m.group("desc"), m.group("name"))
        for m in _NAME_RUN.finditer(text, start, end):
            # "The European Space Agency's Selene-2 lander": the owner is a name of its own
            for whole in m.group(0).replace("’", "'").rstrip(".").removesuffix("'s").rstrip("'").split("'s "):
                self._learn_name(text, start, m.start(), whole)
        for m in _SINGLE_NAME.finditer(text, start, end):
            word = m.group(1)
            if any(word in name.split() for name in self.state.names) or any(
                    word in org.split()[1:] for org in self.state.orgs):
                continue  # "Rejec told Reuters": the person named before; "Services" of "Fire Services"
            if word.lower() not in self.places and (re.search(r"[a-z][A-Z]", word) or (
                    m.start(1) > start + 1 and not text[m.start(1) - 2:m.start(1)].strip().endswith((".", "“", "\""))
                    and word.lower() not in self.not_org_words)):
                self.note_org(word)  # "AeroNordica carried ..., it warned": "it" is AeroNordica
        for m in _CONNECTED_ORG.finditer(text, start, end) if (" of " in text[start:end] or " for " in text[start:end]) else ():
            full = _clean(m.group(0))
            if any(w.lower() in self.org_words for w in full.split()):
                named.append(full)  # "the Institute for Fiscal Research", not "Fiscal Research"
        for full in named:
            if not self.is_person(full):
                # "Department of Fire Services" replaces the "Fire Services" read from it
                self.state.orgs = [o for o in self.state.orgs if o == full or o not in full]
                self.note_org(full)
        opener = _OPENING_NAME.match(text, start)
        phrase = opener.group(1) if opener else self._opening_body(text, start)
        if phrase:
            name = self.canonical(phrase)
            if name in self.state.orgs or name in self.local_aliases.values():
                self.note_org(name)  # "The authority earned $8.1bn last year. It said": the subject is "it"
            elif name in self.state.names and self.is_person(name):
                self.state.last_person = name  # "Tomas Reiner, 33, has worked here for 12 years. ... he said"

    def _commentators_at(self, text: str, start: int, at: int) -> bool:
        """Whether the name at ``at`` follows "analysts at", "investigators from": a commentator's
        employer, which "it" and "the company" do not point back to (unlike "workers at Vantor")."""
        m = re.search(r"(\w+)\s+(?:at|from|with)\s+(?:the\s+)?(?:[a-z]+\s+)?$", text[max(start, at - 40):at])
        return bool(m) and m.group(1).lower() in self.commentators

    def _learn_description(self, desc: str, name: str) -> None:
        """"the city's transport authority, Port Ellery Transit (PET)," / "Europol, the EU's law
        enforcement agency,": later "the authority", "the agency" is that name."""
        words = desc.lower().replace("’", "'").split()
        if not words or words[-1] not in self.org_nouns or not self.is_speaker(name) \
                or name.lower() in self.not_org_words:
            return
        name = _clean(name)
        for k in range(len(words)):
            self.local_aliases[" ".join(words[k:])] = name
        self.note_org(name)

    def _learn_name(self, text: str, start: int, at: int, whole: str) -> None:
        run = self.strip_title(re.sub(r"^(?:The|An?)\s+", "", whole))
        words = run.split()
        before = re.search(r"([\w-]+)\s+$", text[max(start, at - 25):at])
        titled = run != whole or bool(before) and before.group(1).lower() in self.title_words
        possessive = text.startswith(("'s", "’s"), at + len(whole)) and len(words) == 1 \
            and not any(words[0] in n.split() for n in self.state.names + self.state.orgs)
        if (possessive or re.search(r"\b(?:in|across|near|from|throughout)\s+$", text[max(start, at - 12):at])) and words \
                and not any(w.lower() in self.org_words or w.lower() in self.not_org_words for w in words) \
                and run not in self.state.names:
            self.state.last_place = run  # "trapped people in lifts across Porto Sul"
        if run.lower() in self.local_aliases and run.isupper():
            run = self.local_aliases[run.lower()]  # "OCHA" again is the office named before
            words = run.split()
        elif run.lower() in self.aliases or run.lower() in self.places or not words:
            return
        if self._commentators_at(text, start, at):
            return  # "Analysts at Hollis Bank": where they work, not what the story is about
        kind = re.search(r"\b([a-z]+)\s+$", text[max(start, at - 20):at])
        if any(w.lower() in self.org_words for w in words) and not all(w.lower() in self.org_words for w in words) \
                or kind and kind.group(1) in self.org_nouns:
            # "Dalmark Foods", "the Nordic firm Vindkraft"; not "Services" in "Services inflation is"
            self.note_org(run)
        elif len(words) >= 2 and not any(w.lower() in self.speaker_nouns for w in words):
            if run not in self.state.names:
                self.state.names.append(run)
            if titled:
                self.state.people.add(run)
                self.state.last_person = run
            elif _SUBJECT_AFTER.match(text, at + len(whole)):
                self.state.last_person = run  # "nurse Aisha Mensah, 28, is starting ... she said"

    def strip_title(self, run: str) -> str:
        """"Treasury Secretary Amara Lint" -> "Amara Lint": the name after the last title word."""
        words = run.split()
        for i in range(len(words) - 1, -1, -1):
            if words[i].lower().rstrip(".") in self.title_words:
                rest = " ".join(words[i + 1:])
                return rest if rest else run
        stripped = self.rx["titles"].sub("", run)
        return stripped if stripped else run

    def canonical(self, phrase: str) -> str:
        """One name per source: aliases, full names for "Mr X", earlier officials for "the official"."""
        raw = phrase.strip()
        name = _clean(raw)
        if not name:
            return ""
        low = name.lower()
        if low in _PRONOUNS:
            return self.state.last_person
        if low == "it":
            return self.state.last_org
        where = re.match(r"^(?:the\s+)?(?:country|city|region|province|state|capital|island|town)'s\s+(.+)$", name, re.I)
        if where and self.state.last_place:
            return f"{self.state.last_place}'s {where.group(1)}"  # "the city's civil protection service"
        role = _ROLE_FOR.match(name)
        if role:
            return f"{self.canonical(role.group(2))} {role.group(1)}"  # "a spokesperson for Kingsbridge Energy"
        m = re.match(r"^(.+?)'s\s+(office|spokesperson|spokesman|spokeswoman|press office|team|aides?|campaign|ministry|government|administration)$", name)
        if m:
            return f"{self.canonical(m.group(1))}'s {m.group(2)}"
        for key in (low, low.removeprefix("the ")):
            if key in self.local_aliases:
                return self.local_aliases[key]
            if key in self.aliases:
                return self.aliases[key]
        name = self.rx["suffixes"].sub("", name)
        if _CAPS_WORD.search(name):
            name = _CAPS_WORD.sub(self._spell_out, name)
        org = re.sub(r"^(?:[a-z][\w-]*\s+){1,2}(?=[A-Z])", "", name)  # "state Department of ..."
        if _full_org_name(org) and any(w in _CONNECTORS for w in self.strip_title(org).split()):
            return org  # "International Committee of the Red Cross" is one name, not "Red Cross"
        counted = re.match(r"^(?:two|three|four|five|several|some|many)\s+(\w+)\b", name)
        if counted and counted.group(1) in self.group_speakers:
            name = name.split(None, 1)[1]  # "two sources familiar with the talks told Reuters"
        described = re.match(r"^([a-z][\w-]*)\s+(?:of|from|in|at|on)\s", name)
        if described and (described.group(1) in self.person_nouns or described.group(1) in self.commentators):
            return name  # "resident of Mill Lane", "diplomat in Varn": a person described, not the place
        # "Ukrainian president Volodymyr Zelensky" -> the name at the end of the phrase.
        runs = list(_NAME_RUN.finditer(name))
        if runs and runs[-1].end() == len(name):
            run = self.strip_title(runs[-1].group(0))
            words = run.split()
            if len(words) >= 2 and not any(w.lower() in self.speaker_nouns for w in words):
                return run
            if len(words) == 1:
                for known in reversed(self.state.names):
                    if known.split()[-1] == words[0] and known != words[0]:
                        return known
                for known in reversed(self.state.names):
                    if words[0] in known.replace("-", " ").split()[:1] + known.split() and known != words[0]:
                        return known
                for known in reversed(self.state.orgs):
                    if known.split()[0] == words[0] and known != words[0]:
                        return known  # "Korvane" is the "Korvane Systems" named before
                before = name[:runs[-1].start()].split()
                if before and before[-1].lower() in self.org_nouns and not words[0].lower() in self.org_nouns:
                    return run  # "German drinks group Brauwald" is Brauwald
                if not before and run != runs[-1].group(0) and _COURTESY.match(runs[-1].group(0)):
                    return run  # "Mr Zelensky", with no full name in this article: "Zelensky"
        if re.fullmatch(r"(?:the\s+)?(?:study's\s+)?(?:authors|researchers|study team|research team)", raw.lower()) \
                and self.state.last_document_source:
            return self.state.last_document_source  # "the authors wrote": whose study it is
        kind = re.match(r"^([A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*)\s+(?:newspaper|paper|broadcaster|website|news\s+agency)$", name)
        if kind:
            return self.canonical(kind.group(1))  # "the Daily Lenorian newspaper"
        team = re.match(r"^(.+?)\s+(?:team|researchers)$", name)
        if team and (team.group(1) in self.state.orgs or team.group(1) in self.local_aliases.values()):
            return team.group(1)  # "The VIPH team said"
        # "the survey found" -> the body whose survey it is, else the body that spoke last
        if raw.lower().startswith("the ") and low in self.doc_subjects:
            if self.state.last_document_source:
                return self.state.last_document_source
            spoken = [s for s in self.state.sources if self.is_org_name(s)]
            if spoken:
                return spoken[-1]
        # "the company", "the Tokyo-based carmaker" -> the organisation named before, one whose
        # name holds the noun if there is one ("the board" -> "Northern Health Board").
        words = name.split()
        if raw.lower().startswith("the ") and len(words) <= 3 and words[-1].lower() in self.org_nouns \
                and all(w.islower() or "-" in w for w in words[:-1]) and self.state.orgs:
            noun = words[-1].lower()
            modifiers = [w.lower() for w in words[:-1] if "-" not in w]
            kinds = {noun, *self.org_noun_kinds.get(noun, ())}  # "the force" is the police named before
            named = [o for o in self.state.orgs if kinds & set(o.lower().split())
                     and all(m in o.lower() for m in modifiers)]  # "the finance ministry" is not the defence one
            if named:
                return named[-1]
            if noun in self.media_nouns:
                media = [o for o in self.state.orgs + self.state.names if self._source_type(o) == "media" and o != self.outlet]
                return media[-1] if media else name  # "The newspaper reported": the paper named before
            commercial = noun in self.commercial_nouns
            unnamed = [o for o in self.state.orgs if self._source_type(o) != "media"
                       and not any(w.lower() in self.fixed_bodies for w in o.split())
                       and (not commercial or self._source_type(o) not in ("government body", "military", "intelligence")
                            and not any(w.lower() in self.noncommercial for w in o.split()))]
            if unnamed and noun not in self.named_org_nouns and (
                    len(words) == 1 or all("-" in w for w in words[:-1])):
                return unnamed[-1]  # "the Tokyo-based carmaker"; not "the transport ministry", nor a court
        # "the official" -> the official introduced earlier ("an unnamed South Korean official").
        if raw.lower().startswith("the ") and len(name.split()) <= 2:
            *modifier, head = name.lower().split()
            for known in reversed(self.state.sources):
                if known.lower().split()[-1] == head and known.lower() != name.lower() \
                        and all(m in known.lower().split() for m in modifier):
                    return known
        return name

    def _spell_out(self, m: re.Match) -> str:
        """"WEC" -> "Westmere Electoral Commission" when an organisation of those initials was
        named before and the article gave no "(WEC)" of its own."""
        word = m.group(0)
        if word.lower() in self.local_aliases:
            return self.local_aliases[word.lower()]  # "a WEC spokeswoman", after "Westmere Electoral Commission (WEC)"
        if word.lower() in self.aliases:
            return word
        for org in reversed(self.state.orgs):
            words = [w for w in org.split() if w[:1].isupper() and w != "The"]
            if len(words) == len(word) > 1 and "".join(w[0] for w in words) == word:
                return " ".join(org.split()[1:] if org.startswith("The ") else org.split())
        return word

    def remember(self, name: str) -> None:
        if name and name not in self.state.sources:
            self.state.sources.append(name)
        if self.is_person(name) or name.split()[-1:] and name.split()[-1].lower() in self.person_nouns:
            self.state.last_person = name  # "a senior officer said ... He said": he is the officer
        elif self.is_org_name(name):
            self.note_org(name)

    def is_org_name(self, name: str) -> bool:
        """"Korvane Systems", "NATO", "the Health Data Service"; not "Analysts" opening a sentence,
        nor "Investigators from the Maritime Accident Board"."""
        words = name.split()
        if _PEOPLE_AT.match(name):
            return False
        if any(w.lower() in self.org_words for w in words):
            return True
        if len(words) == 1:
            return words[0].isupper() and len(words[0]) > 1
        return all(w[:1].isupper() for w in words if w.lower() not in ("of", "for", "and", "the"))

    def is_person(self, name: str) -> bool:
        words = name.replace("'s", "").split()
        if not words or any(w.lower() in self.org_words for w in words):
            return False
        if name in self.state.people:
            return True
        return self.source_type(name) in ("person", "official") and len(words) >= 2 and all(w[:1].isupper() for w in words)

    def note_org(self, name: str) -> None:
        if name in self.state.orgs:
            self.state.orgs.remove(name)
        self.state.orgs.append(name)
        self.state.last_org = name

    def is_speaker(self, phrase: str) -> bool:
        name = _clean(phrase)
        if not name or len(name) > 80 or any(ch.isdigit() for ch in name):
            return False
        low = name.lower()
        if low in _PRONOUNS:
            return bool(self.state.last_person)
        if low == "it":
            return bool(self.state.last_org)
        words = low.split()
        if words[-1] in self.doc_subjects and name.split()[-1].islower() and not re.search(r"\b(?:from|by|of)\b", low):
            return len(words) <= 2 and bool(self.state.last_document_source)  # "the (exit) poll", "the report"
        long_ok = _full_org_name(name) or re.search(r"\b(?:for|of|at|from)\s+(?:the\s+)?[A-Z]", name)
        if words[0] in self.not_speakers and not name.split()[0].isupper() or _NOT_A_SPEAKER_START.match(name) \
                or len(words) > (12 if long_ok else 7):
            return False
        if any(w in self.verb_words for w in name.split()):
            return False  # "fines would rise" is a clause, not a speaker; "Theresa May" is a speaker
        if any(w.endswith("ed") and w.islower() and "-" not in w and w not in self.ed_adjectives for w in name.split()):
            return False  # "figures ESA released"
        if words[0] in ("most", "many", "some", "all", "both", "none", "each", "several", "few", "roughly",
                        "about", "around", "nearly", "almost", "half", "one", "two", "three") \
                and not (len(words) > 1 and words[1] in self.group_speakers) \
                or len(words[0]) > 5 and words[0].endswith("est") and name[:1].islower():
            return False  # "the highest ever recorded": a superlative, not a speaker
        when = dates.find(name, self.lex) if any(ch.isdigit() for ch in name) or " ago" in low or \
            low.split()[0] in ("yesterday", "today", "last", "this", "on", "in") else ()
        if when and when[0].end - when[0].start > len(name) - 3:
            return False  # "two days ago"
        return True

    def document_owner(self, phrase: str) -> str:
        """The body whose document a phrase names, or "" ("Treasury documents" -> Treasury)."""
        m = self.rx["document_owner"].match(_CONJUNCTION.sub("", " ".join(phrase.split())))
        if m is None or m.group("before") and not m.group("before_doc").islower():
            return ""  # "US Geological Survey" is a name, not the survey of "US Geological"
        owner = (m.group("owner") or m.group("owner_of") or m.group("rel") or m.group("whose") or m.group("before") or "").strip()
        return owner if owner and self.is_speaker(owner) else ""

    def make(self, phrase: str, via: str, start: int, end: int, verb: int) -> Attribution | None:
        owner = self.document_owner(phrase)
        if owner:
            phrase = owner
            self.state.last_document_source = self.canonical(owner)
        name = self.canonical(phrase)
        if not name:
            return None
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

    def _opening_body(self, text: str, start: int) -> str:
        """"The ministry disputes that figure; it puts ...": the body that opens the sentence."""
        m = _OPENING_BODY.match(text, start)
        words = m.group(1).split() if m else []
        for i, w in enumerate(words[1:], 1):
            if w in self.org_nouns:
                return " ".join(words[:i + 1])
        return ""

    def _interviewed(self, a: Attribution | None, sentence: str) -> Attribution | None:
        """A person who told an outlet something goes on speaking to it: 'Hanna Berglund told
        Agence France-Presse that ... "We built Kibali for 5,000 people," Ms Berglund said.',
        unless the sentence names another occasion ("Speaking at a press conference, Mr Mori said")."""
        if a is None or not self.is_person(a.source):
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
            a = self._interviewed(self.make(subject, via, sub_start, close, verb_start), text[max(sentence_start, verb_start - 300):min(end, verb_end + 300)])
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
                return self._interviewed(self.make(phrase, "", verb_start, verb_end + right.end(), verb_start),
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
            # A quotation's speaker stands just outside it, after or before.
            outside = [a for a in found if a.start >= q_end - 1 or a.end <= q_start + 1]
            if outside:
                best = min(outside, key=lambda a: min(abs(a.start - q_end), abs(a.end - q_start)))
                return best
            return None
        if not found:
            return None
        if len(found) > 8:  # only the attributions near the figure can govern it (found is sorted by verb)
            if self._verbs_of is not found:
                self._verbs_of, self._verbs = found, [a.verb for a in found]
            found = found[bisect_left(self._verbs, fig_start - 400):bisect_right(self._verbs, fig_start + 400)]
            if not found:
                return None
        if re.fullmatch(r"\s*(?:The|A|An)\s+", text[sentence[0]:fig_start]) and re.match(r"\d+-year-old\s+(?:has|had|is|was|will|[a-z]+ed)\b", text[fig_start:fig_start + 30]):
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
                self._weak(text, best) or ";" in text[best.end:fig_start]):
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
        if any(ch.isdigit() for ch in rest) or re.search(
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


def one_name_per_source(claims: list[Claim]) -> list[Claim]:
    """Across articles, the fullest name for a source: "Zelensky" in one story is the
    "Volodymyr Zelensky" another names in full, when only one known name ends that way."""
    full = {c.source for c in claims if len(c.source.split()) >= 2} | {c.via for c in claims if len(c.via.split()) >= 2}
    ends: dict[str, set[str]] = {}
    for name in full:
        words = name.split()
        for k in range(1, len(words)):
            ends.setdefault(" ".join(words[k:]), set()).add(name)

    def fullest(name: str) -> str:
        longer = ends.get(name, set())
        return next(iter(longer)) if len(longer) == 1 and name[:1].isupper() else name
    out = []
    for c in claims:
        source, via = fullest(c.source), fullest(c.via) if c.via else c.via
        out.append(c if (source, via) == (c.source, c.via) else replace(c, source=source, via=via))
    return out


def same_source(a: str, b: str, lex: Lexicon) -> bool:
    """Two names for one source, through the alias table ("the UN" = "United Nations")."""
    def norm(name: str) -> str:
        low = _COURTESY.sub("", _clean(name).lower().removeprefix("the "))
        role = _ROLE_FOR.match(low)
        if role:
            low = f"{role.group(2)} {role.group(1)}"  # "spokeswoman for the health department"
        for canonical, others in lex["sources"]["aliases"].items():
            if low == canonical.lower() or low in (o.lower().replace("’", "'").removeprefix("the ") for o in others):
                return canonical.lower()
        return low
    return norm(a) == norm(b)


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


