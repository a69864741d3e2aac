"""Who is who in an article: the people, bodies and places it names, and one name per source.

"Mr Zelensky" is the "Volodymyr Zelensky" introduced earlier; "the official" the official
introduced earlier; "the ministry" the ministry named before; "WEC" the "Westmere Electoral
Commission (WEC)"; aliases come from rules/vocab/sources.yaml. Across articles, a short name
takes the full name another article gives. The attributor (attribution.py) asks these
questions while it reads who said each figure.
"""
from __future__ import annotations

import re
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


_CAPS_WORD = re.compile(r"\b[A-Z]{2,6}\b")

_OPENING_NAME = re.compile(r"\s*((?:The\s+)?[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|for|and|the))*)(?=,|\s+(?:has|have|had|is|was|will|would)\b)")

_CONJUNCTION = re.compile(r"^(?:and|but|so|yet|however|meanwhile)\s+", re.I)

_CONNECTED_ORG = re.compile(r"(?<![\w'’-])[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*(?:\s+(?:of|for|on)\s+(?:the\s+)?"
                            r"[A-Z][\w'’.&-]*(?:\s+(?:and\s+)?[A-Z][\w'’.&-]*)*)+")

_OPENING_BODY = re.compile(r"\s*((?:The|Its)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\b")

_PROPER = r"[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|for|and|the))*"

_DESCRIPTION_NAME = re.compile(rf"\b(?:the|its)\s+(?P<desc>[\w'’ -]{{3,50}}?),\s+(?P<name>{_PROPER})(?:\s+\([A-Z]+\))?,")

_NAME_DESCRIPTION = re.compile(rf"(?P<name>{_PROPER}),\s+the\s+(?P<desc>[\w'’ -]{{3,50}}?),")

_PEOPLE_AT = re.compile(r"[A-Za-z]+s\s+(?:at|from|of|with|in)\s")

_SUBJECT_AFTER = re.compile(r"(?:,\s*\d{1,3},)?\s+(?:is|was|has|had|says|said|told|wrote)\b")

# "a spokesperson for Kingsbridge Energy" is "Kingsbridge Energy spokesperson"
_ROLE_FOR = re.compile(r"^(spokesperson|spokesman|spokeswoman|representative)\s+for\s+(?:the\s+)?(.+)$", re.I)

_COURTESY = re.compile(r"^(?:mr|mrs|ms|miss|dr|sir|dame)\.?\s+", re.I)

_PRONOUNS = {"he", "she", "they", "we", "i", "his", "her", "their"}

_NOT_A_SPEAKER_START = re.compile(r"^(?:according|first|initially|originally|previously|already|once|on|in|at|last|this|next|yesterday|today|earlier|later|after|before|during|when|as|that|to|for|with)\b", re.I)

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
    anonymous: set[str] = field(default_factory=set)  # sources introduced as unnamed

def _clean(phrase: str) -> str:
    phrase = " ".join(phrase.replace("’", "'").split())
    phrase = _AGE_ADJ.sub("", phrase)
    phrase = re.sub(r"\s*\([^)]*\)", "", phrase)
    phrase = _LEADING.sub("", phrase)
    phrase = _TRAILING.sub("", phrase)
    return phrase.strip(" ,.;'\"“”")


def _compile(lex: Lexicon) -> dict:
    sp = lex["speech"]
    docs = alternation(sp["document_subjects"], boundary=False)
    published = alternation(sp["publish_verbs"], boundary=False)
    adjectives = alternation(sp["document_adjectives"], boundary=False)
    return {
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
        "document_by": re.compile(rf"\b(?:{docs})\s+(?:(?:{published})\s+)?by\s+(?P<owner>(?:the\s+)?[^,.;:!?“”\"()]{{2,60}}?)"
                                  rf"(?=\s*[,.;:!?“”\"()]|\s+(?:on|in|last|that|which|for|and|gave|put|found|shows?|showed|{published})\b)", re.I),
        "titles": re.compile(rf"^(?:(?:{alternation(sp['titles'], boundary=False)})\.?\s+)+", re.I),
    }


class _Vocabulary:
    """The lexicon's words as Names reads them: built once per lexicon, shared (read only) by
    every article's Names."""

    def __init__(self, lex: Lexicon):
        self.aliases = {}
        for canonical, others in lex["sources"]["aliases"].items():
            for form in [canonical, *others]:
                self.aliases[form.lower().replace("’", "'").removeprefix("the ")] = canonical
        self.types = [(kind, [w.lower() for w in words]) for kind, words in lex["sources"]["types"].items()]
        self.not_speakers = lex.wordset("speech", "not_speakers")
        self.doc_subjects = lex.wordset("speech", "document_subjects")
        self.speaker_nouns = {w for _, words in self.types for w in words if " " not in w}
        self.org_nouns = lex.wordset("speech", "org_nouns")
        self.named_org_nouns = lex.wordset("speech", "named_org_nouns")
        self.fixed_bodies = lex.wordset("speech", "fixed_bodies")
        self.commercial_nouns = lex.wordset("speech", "commercial_nouns")
        self.noncommercial = lex.wordset("speech", "noncommercial_words")
        self.media_nouns = lex.wordset("speech", "media_nouns")
        self.org_noun_kinds = {k.lower(): {w.lower() for w in v} for k, v in lex["speech"]["org_noun_kinds"].items()}
        self.commentators = lex.wordset("speech", "commentators")
        self.study_authors = lex.wordset("speech", "study_authors")
        self.place_nouns = lex.wordset("speech", "place_nouns")
        self.outlet_kinds = lex.wordset("speech", "outlet_kinds")
        self.unnamed = re.compile(rf"\b(?:{alternation(lex['sources']['types']['anonymous'], boundary=False)})\b", re.I)
        self.group_speakers = lex.wordset("speech", "group_speakers")
        self.title_words = {w for w in lex.wordset("speech", "titles") if " " not in w} - {
            "foreign", "defence", "defense", "health", "finance", "interior", "home", "trade", "education",
            "energy", "transport", "environment", "justice", "state", "federal", "national", "regional",
            "local", "new", "former", "acting", "deputy", "senior", "opposition", "party", "high"}
        self.person_nouns = lex.wordset("speech", "person_nouns")
        self.ed_adjectives = lex.wordset("speech", "ed_adjectives")
        self.not_org_words = lex.wordset("speech", "titles") | lex.wordset("speech", "not_speakers") | {
            w.lower() for w in lex["dates"]["weekdays"]} | set(lex.wordset("nonfigures", "months")) | {
            "he", "she", "it", "they", "we", "officials", "police", "analysts", "investors", "residents"}
        self.org_words = lex.wordset("speech", "org_words")
        self.places = {p for country, others in lex["places"]["countries"].items() for p in [country, *others]}
        self.place_names = {p.lower() for p in self.places}
        self.verb_words = (lex.wordset("nouns", "verbs") | lex.wordset("speech", "verbs")) - {"report", "reports", "forecast", "estimate", "estimates", "claims", "claim"}
        # _source_type: one-word type words are looked up among the name's words, longer ones
        # searched in it (" w " in " name " for a word without spaces is the same as w being
        # one of the name's space-separated words)
        self.type_words = [(kind, frozenset(w for w in words if w and " " not in w),
                         tuple(w for w in words if not w or " " in w)) for kind, words in self.types]


class Names:
    """What an article has named so far, and the one name each source goes by."""

    def __init__(self, lex: Lexicon, outlet: str):
        self.lex = lex
        self.rx = lex.regex("names", _compile)
        self.outlet = outlet
        self.state = _State()
        self.local_aliases: dict[str, str] = {}
        self._types_seen: dict[str, str] = {}
        vars(self).update(vars(lex.regex("names:vocabulary", _Vocabulary)))  # aliases, types, word sets, ...

    # -- naming ------------------------------------------------------------
    def source_type(self, name: str) -> str:
        if name == self.outlet:
            return "outlet"
        if name in self.state.anonymous:
            return "anonymous"
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
        words_of = set(low.split(" "))
        for kind, single, multi in self.type_words:
            if not single.isdisjoint(words_of) or any(f" {w} " in low for w in multi):
                return kind
        if any(w in self.org_words for w in low.split()):
            return "organisation"  # "Dalmark Foods", "Kestrel Airways"
        return "person" if _NAME_RUN.fullmatch(name) and len(name.split()) >= 2 else "other"

    def observe(self, text: str, start: int, end: int) -> None:
        """Learn the names a sentence introduces: people, "Full Name (ACR)", and whose study
        "the study" means later ("an exit poll by broadcaster VPR")."""
        sentence = text[start:end]  # for the cheap "does it hold ..." tests below
        for m in (self.rx["document_by"].finditer(text, start, end) if " by " in sentence else ()):
            if self.is_speaker(m.group("owner")):
                self.state.last_document_source = self.canonical(m.group("owner"))
        named = []  # "UN Office for Project Services (UNOPS)": one organisation, whatever its words
        for m in (_ACRONYM.finditer(text, start, end) if "(" in sentence else ()):
            full = _clean(m.group(1))
            self.local_aliases[m.group(2).lower()] = self.aliases.get(full.lower(), full)
            if not self._commentators_at(text, start, m.start()):
                named.append(full)  # but "Investigators from the Maritime Accident Board (MAB)" are people
        if ", " in sentence:
            for rx in (_DESCRIPTION_NAME, _NAME_DESCRIPTION):
                for m in rx.finditer(text, start, end):
                    self._learn_description(m.group("desc"), m.group("name"))
        for m in _NAME_RUN.finditer(text, start, end):
            # "The European Space Agency's Selene-2 lander": the owner is a name of its own
            for whole in m.group(0).replace("’", "'").rstrip(".").removesuffix("'s").rstrip("'").split("'s "):
                self._learn_name(text, start, m.start(), whole)
        name_words = None  # the words of the names so far (the loop below adds none)
        for m in _SINGLE_NAME.finditer(text, start, end):
            word = m.group(1)
            if name_words is None:
                name_words = {w for name in self.state.names for w in name.split()}
            if word in name_words or any(
                    word in org.split()[1:] for org in self.state.orgs):
                continue  # "Rejec told Reuters": the person named before; "Services" of "Fire Services"
            if word.lower() not in self.places and (re.search(r"[a-z][A-Z]", word) or (
                    m.start(1) > start + 1 and not text[m.start(1) - 2:m.start(1)].strip().endswith((".", "“", "\""))
                    and word.lower() not in self.not_org_words)):
                self.note_org(word)  # "AeroNordica carried ..., it warned": "it" is AeroNordica
        for m in _CONNECTED_ORG.finditer(text, start, end) if (" of " in sentence or " for " in sentence) else ():
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
        before = re.search(r"([\w-]+),?\s+$", text[max(start, at - 25):at])  # "the mayor, Ana Petrov"
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
        where = re.match(r"^(?:the\s+)?(\w+)'s\s+(.+)$", name, re.I)
        if where and where.group(1).lower() in self.place_nouns and self.state.last_place:
            return f"{self.state.last_place}'s {where.group(2)}"  # "the city's civil protection service"
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
        one_of = re.match(r"^one of (?:the|its|their) (\w+)$", name, re.I)
        if one_of:
            # "one of the sources told Reuters": one of the "sources familiar with the talks" met before
            group = one_of.group(1).lower()
            for known in reversed(self.state.sources):
                if known.lower().split()[0] == group:
                    return " ".join([group.removesuffix("s"), *known.split()[1:]])
            return group.removesuffix("s")
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
                if before and before[-1].lower() in self.org_nouns and words[0].lower() not in self.org_nouns:
                    return run  # "German drinks group Brauwald" is Brauwald
                if not before and run != runs[-1].group(0) and _COURTESY.match(runs[-1].group(0)):
                    return run  # "Mr Zelensky", with no full name in this article: "Zelensky"
        if re.sub(r"^(?:the\s+)?(?:study's\s+)?", "", raw.lower()) in self.study_authors and self.state.last_document_source:
            return self.state.last_document_source  # "the authors wrote": whose study it is
        kind = re.match(r"^([A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*)\s+([a-z][a-z ]+)$", name)
        if kind and kind.group(2) in self.outlet_kinds:
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
                first = known.lower().split()[0]
                if not modifier and first in (head, head + "s") and len(known.split()) > 2 and first in self.group_speakers | self.person_nouns | {"source"}:
                    # "the source added": the "source familiar with the talks" met before
                    return " ".join([head, *known.split()[1:]])
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
        if not name or len(name) > 80 or any(map(str.isdigit, name)):
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
                and not re.match(r"one of (?:the|its|their) (\w+)", low) \
                or len(words[0]) > 5 and words[0].endswith("est") and name[:1].islower():
            return False  # "the highest ever recorded": a superlative, not a speaker
        when = dates.find(name, self.lex) if any(map(str.isdigit, name)) or " ago" in low or \
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

    def _opening_body(self, text: str, start: int) -> str:
        """"The ministry disputes that figure; it puts ...": the body that opens the sentence."""
        m = _OPENING_BODY.match(text, start)
        words = m.group(1).split() if m else []
        for i, w in enumerate(words[1:], 1):
            if w in self.org_nouns:
                return " ".join(words[:i + 1])
        return ""


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
