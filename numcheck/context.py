"""What a figure counts, which quantity it is about, and how it is put.

The counted noun is the head of the noun phrase after the figure ("11,000 North
Korean soldiers" -> soldier), the noun after "of" ("40% of voters" -> voter), or
the thing measured before it ("a death toll of 310" -> death). "3,000 of them"
counts what the figure before it counted, and is a part of it.

The quantity key groups claims about the same thing: the class of the counted
noun (troops = soldiers), what happened to them ("40 people were killed" is a
death count), who (North Korea) and where (Russia), and the year it refers to.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import islice
from dataclasses import dataclass

from .lexicon import Lexicon, alternation
from .model import Figure

# How far around a figure its context is read: a figure's clause is never longer in
# real copy, and the bound keeps a sentence of a million characters linear.
_REACH = 300
# How far back, before its sentence, a count that names nothing looks for what it counts.
_ELLIPSIS_REACH = 300
# How many earlier figures "3,000 of them" or "another 190" may point back to.
_LOOKBACK = 40
# How far back, before its sentence, "Of the total," looks for a whole that can hold its part.
_OPENED_REACH = 600
_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*|[,;:()\"“”]")
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*|[,.;:!?()\"“”]|\S")


def _slug_word(phrase: str) -> str:
    return phrase.lower().replace("’", "'").removeprefix("the ").strip()


def _proper(text: str, word: str) -> bool:
    """A capitalised word that the text also capitalises mid-sentence: a name."""
    return re.search(rf"[a-z,] {re.escape(word)}\b", text) is not None


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos
    while i > 0 and text[i - 1] in " \t\"“‘'(":
        i -= 1
    return i == 0 or text[i - 1] in ".!?\n"
_OF_DET = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+|his\s+|her\s+|this\s+|that\s+|these\s+|those\s+|our\s+)?", re.I)
# Between money and what it pays for: "a year", "over the next three years", "this year".
_MONEY_GAP = (r"(?:\s+(?:a|per|each)\s+(?:year|month|week|day))?(?:\s+(?:over|during|in|within|for)\s+(?:the\s+)?"
              r"(?:next|last|past|coming|first)\s+(?:[a-z]+\s+)?(?:years?|months?|weeks?|decades?))?"
              r"(?:\s+(?:this|next|last)\s+(?:year|month|week))?")
_TARGET_DET = r"(?:(?:the|its|their|a|an|his|her|our|this|these|those)\s+|[“\"‘'])*"
_HYPHEN_NOUN = re.compile(r"-(?!strong\b|odd\b|plus\b|old\b|year)([a-z]+)\b(?!-)")
_CLOSING_QUOTE = re.compile(r"\s*[”\"’']\s*(?=[a-z])")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
# ", up 6%", ", equal to 26%", ", or 31%", ", 18% fewer than": the figure compares the one before it.
_COMPARED_BEFORE = re.compile(r"(?:,|\band)\s+((?:up|down|equal\s+to|equivalent\s+to|or|a\s+rise\s+of|a\s+fall\s+of)\s+)?$")
_COMPARED_AFTER = re.compile(r"\s+(?:more|less|fewer|higher|lower|above|below|up|down)\b")
_NEVER = "\0"  # a word no text holds: a lexicon may leave a list out
_PRONOUN = "\0pronoun"  # measured_before: the figure measures what a subject pronoun stands for
_UNNAMED = "\0unnamed"  # measured_before: the figure measures what an object pronoun stands for, unread
_BARE_LINK = re.compile(r"\b(?:to|at|by)\s+$")
_BACKREF = re.compile(r"\s*(?:-strong\s+)?of\s+(?:them|those|these|whom|which|ours|theirs|yours|mine)\b", re.I)
_PART_OF_THE = re.compile(r"\s+of\s+(?:the|those|these|their|its|our|all)\s+(?=([A-Za-z0-9][\w'-]*))", re.I)
_OF_THE_NEXT = re.compile(r"\s+of\s+(?:(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*['’]s?|the|its|their|a|all|his|her|our)\s+"
                          r"(?:total\s+of\s+)?"
                          r"(?:(?:last|first|next|remaining|other|top)\s+)?", re.I)
_SENTENCE_OF_THE = re.compile(r"\s*(?:Of|Out\s+of|Among)\s+(?:the|those|these|its|their)\s+$")
# "in Sevra", "in the coastal city of Marin": a place named in the figure's clause.
_LOCAL_PLACE = re.compile(
    r"\b(?:in|at|on|near|outside|across|around|towards|In|At|On|Near)\s+(?:the\s+)?(?:(?:[a-z-]+\s+){0,3}of\s+)?"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")
_ADJACENT_AT = re.compile(r"\b(?:[Ii]n|[Aa]t|[Nn]ear|across|around|outside)\s+(?:the\s+)?$")
_WHERE = re.compile(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*),?\s+where\s+(?:[a-z-]+\s+){0,3}$")
# "The deficit, the minister said (on Wednesday), will narrow to 2.9%": the verb group goes on after the speaker.
_AUX_START = re.compile(r"[\s,]*(?:(?:on|in|at|last|this|earlier|late|yesterday|today)\b[^,.;:\d]{0,30},\s*)?(?:will|would|could|should|may|might|has|have|had|is|are|was|were|can)\b")
_PUT_AT = re.compile(r"\b(?:put|puts|putting|estimated|estimates|valued|values|pegged|placed|set|sets)\s+"
                     r"(?:the\s+|its\s+|their\s+)?([a-z].{0,100}?)\s+at\s+$")
_PLACE_PREP = re.compile(r"\b(?:to|into|in|inside|towards|toward|across|at|near|on|throughout)\s+(?:the\s+)?$", re.I)
# Between a noun and the verb that says what happened to it: "miners were killed", "have since died".
_VERB_GROUP = re.compile(r"(?:\s+(?:have|has|had|were|was|are|is|been|being|reportedly|all|also|now|since|later|"
                         r"already|so|far|subsequently|confirmed))*\s+")
# "up from 58.2 per cent", "fell to 4,210 from 5,030", "compared with 41 per cent": a figure given as the
# baseline another is measured against, not as the quantity now.
_BASELINE = re.compile(r"(?:\b(?:up|down)\s+from|\bfrom|\bcompared\s+(?:with|to)|\bagainst|\bversus|\bvs\.?|\bthan)"
                       r"\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?$", re.I)
# A calendar time right after a baseline: its own period ("2,650 in September", "5,030 the year before").
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_OWN_TIME = re.compile(rf"(?:\s+[a-z%]+){{0,3}}?\s+(?:in\s+(?:\d{{4}}|{_MONTHS})|{_MONTHS}\b|last\s+(?:year|month|week|quarter)"
                       r"|\w+\s+(?:years?|months?|weeks?)\s+ago)")
# A time counted back from the figures around a baseline: "5,030 the year before", "a year earlier". It is not
# when the text says it is (the period of the sentence's other figures), but before that.
_TIME_BEFORE = re.compile(r"(?:\s+[a-z%]+){0,3}?\s+(?:the\s+(?:year|month|week|quarter)\s+before|an?\s+(?:year|month|week|quarter)"
                          r"\s+(?:earlier|before)|the\s+(?:previous|prior)\s+(?:year|month|week|quarter)|\w+\s+(?:years?|months?"
                          r"|weeks?|quarters?)\s+(?:earlier|before))")
# Between two figures: a statement ends and another begins ("..., the ministry said, adding that 14 people had died").
_NEW_STATEMENT = re.compile(r"\b(?:said|says|told|adding|added|adds)\b", re.I)
# Between a change and the level it ends at: "17% since June to", "38% last year to", "by 7 points since 2000, to".
_CHANGE_TO = re.compile(r"((?:\s+[A-Za-z0-9]+){0,4}?)\s*,?\s+to\s+(?:an?\s+average\s+of\s+|a\s+record\s+)?")
# A share before a determiner: "spend half their pay on rent", "lost almost half their value".
_SHARE_DET = re.compile(r"\s+(?:their|its|his|her|our|your|my)\s+")
# A noun and a preposition before a noun of the chain: "losses to victims", "fines for breaches of".
_CHAIN_BACK = re.compile(r"\b([A-Za-z][\w-]*)\s+(?:of|to|in|for|from|on|at|among)\s+(?:the\s+|their\s+|its\s+)?(?:[a-z-]+\s+)?$")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")
_BY_AVERAGE = re.compile(r"\b(?:by|to)(\s+)an\s+average\s+of\s+$")
_IN_WORD = re.compile(r"\s+in\s+([a-z]+)\b")
_LIST_END = re.compile(r"\s*(?:[,.;:)\"”]|$|(?:and|or)\b)")
_WITH_FIGURE = re.compile(r"\bwith\s+$")
_CLAUSE_BREAK = re.compile(r"[;:.!?]|,\s+(?:and|but|while|whereas|although)\b|\band\b|\bbut\b")
# Matched at a position up to a limit, not on a slice: a slice to the sentence's end per figure is
# quadratic in a long sentence.
_OF_THE_AFTER = re.compile(r"\s+of\s+(?:the\s+)?")
_PER_THING = re.compile(r"\s+(?:per|a|an)\s+([a-z]+)\b")
_NAMED_TAIL = re.compile(r"(?:\s+(?:from|of|in)\s+(?:[A-Z][\w'-]*\s*)+)?\s*,?\s*")


@dataclass(frozen=True, slots=True)
class Context:
    counted: str
    modality: str
    part_of: int | None  # index of the figure this one is a part of


def singular(word: str, lex: Lexicon) -> str:
    w = word.lower().replace("’", "'")
    irregular = lex["nouns"]["irregular_plurals"]
    if w in irregular:
        return irregular[w]
    if len(w) > 3 and w.endswith("ies") and not w.endswith("eies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return w[:-2]
    if len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s")):
        return w[:-1]
    return w


def _compile_places(lex: Lexicon) -> tuple[re.Pattern, dict[str, str]]:
    names: dict[str, str] = {}
    for country, others in lex["places"]["countries"].items():
        for form in [country, *others]:
            names[form.lower()] = country
    forms = []
    for form in names:
        if len(form) <= 3 or "." in form:
            forms.append(form.upper())
        else:
            forms.append(" ".join(w.capitalize() for w in form.split()))
    pattern = re.compile(rf"(?<![\w])(?:{alternation(forms, boundary=False)})(?![\w])")
    return pattern, names


def _compile_events(lex: Lexicon) -> list[tuple[re.Pattern, str]]:
    out = []
    for cls, words in lex["nouns"]["event_words"].items():
        out.append((re.compile(rf"\b(?:{alternation(words, boundary=False)})\b", re.I), cls))
    return out


def _compile_any_event(lex: Lexicon) -> re.Pattern:
    words = [w for words in lex["nouns"]["event_words"].values() for w in words]
    return re.compile(rf"\b(?:{alternation(words, boundary=False)})\b", re.I)


def _compile_share_events(lex: Lexicon) -> tuple[dict[str, str], list[tuple[re.Pattern, str]]]:
    nouns, patterns = {}, []
    for cls, entry in lex["nouns"]["share_events"].items():
        nouns.update({noun: cls for noun in entry["of"]})
        patterns.append((re.compile(rf"(?:{alternation(entry['verbs'], boundary=False)})\b(?!\s+(?:for|against|to)\b)", re.I),
                         cls))
    return nouns, patterns


def _compile_modality(lex: Lexicon) -> tuple[list, list, re.Pattern, frozenset[str]]:
    def build(table):
        return [(re.compile(rf"\b(?:{alternation(cues, boundary=False)})\b", re.I), modality)
                for modality, cues in table.items()]
    mod = lex["modality"]
    modals = mod.get("modal_verbs", {})
    never = ["\0"]  # matches no text: a lexicon may leave a list out
    fillers = alternation(mod.get("modal_fillers", []) or never, boundary=False)
    plan_or_forecast = alternation(modals.get("plan_or_forecast", []) or never, boundary=False)
    forecast = alternation(modals.get("forecast", []) or never, boundary=False)
    # "would cut", "will also pay", "would not fall", "will be extended": the modal, then the verb that decides
    modal = re.compile(
        rf"(?<![\w'])(?:(?P<pf>{plan_or_forecast})|(?P<fc>{forecast}))\b"
        rf"(?:\s+(?:{fillers})\b)*(?:\s+(?P<be>be|have\s+been)\b)?(?:\s+(?:{fillers})\b)*\s+(?P<verb>[a-z]+)", re.I)
    return build(mod["cues"]), build(mod.get("cues_after", {})), modal, frozenset(mod.get("forecast_verbs", []))


_WORDSETS = {"spending": "spending_verbs", "manner": "manner_nouns", "linking": "linking_verbs",
             "predicates": "predicate_verbs", "fillers": "verb_fillers"}


def _compile_cues(lex: Lexicon) -> dict:
    nouns = lex["nouns"]
    rate_words = {k.lower(): v for k, v in nouns["rate_words"].items()}
    purpose_verbs = alternation(nouns["purpose_verbs"], boundary=False)
    return {
        "ratio_base": re.compile(rf"\s+of\s+(?:{alternation(nouns['ratio_bases'], boundary=False)})\b", re.I),
        "rate": re.compile(rf"\s*,?\s*(?:of\s+\w+\s+)?({alternation(rate_words, boundary=False)})\b"
                           r"(?!\s+(?:earlier|ago|later)\b)", re.I),  # "5,030 a year earlier" is no rate
        "part_cues": re.compile(rf"\b(?:{alternation(nouns['part_cues'], boundary=False)})\s+(?:[a-z]+\s+){{0,2}}$", re.I),
        "sub_part_cues": re.compile(
            rf"\b(?:{alternation(nouns['sub_part_cues'], boundary=False)})\s+(?:[a-z]+\s+){{0,2}}$", re.I),
        # "Of that,", "Of that area,", "Of those cases,"
        "breakdown_opener": re.compile(
            rf"\s*(?:{alternation(nouns['breakdown_openers'], boundary=False)})(?:\s+([a-z]+))?\s*,", re.I),
        "capacity": re.compile(rf"\b(?:{alternation(nouns['capacity_verbs'], boundary=False)})\s+(?:up\s+to\s+|about\s+|some\s+"
                               rf"|around\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?$", re.I),
        "linked": re.compile(rf"([A-Za-z][\w'-]*)\s+(?:(?:down|up|back|out)\s+)?"
                             rf"(?:{alternation(nouns['linked_before'], boundary=False)})\s+$", re.I),
        "purpose": re.compile(rf"{_MONEY_GAP},?\s+(?:(?:will|would|is|are|was|were|has|have|had|be|been|being|to|also)\s+)*"
                              rf"(?:{purpose_verbs})\s+(?:on|to|towards|toward|for|into|in)\s+{_TARGET_DET}", re.I),
        "target": re.compile(rf"{_MONEY_GAP}\s+(in|for|on|towards|into)\s+{_TARGET_DET}(?=[a-z0-9])"),
        # "adding about £94 a year to the bill", "wiping €900m off its market value"
        "destination": re.compile(rf"{_MONEY_GAP}\s+({alternation(nouns['destination_verbs'], boundary=False)})\s+"
                                  rf"{_TARGET_DET}(?=[a-z])"),
    }


def _derived_words(lex: Lexicon) -> dict:
    units = lex["units"]
    rate_words = {k.lower(): v for k, v in lex["nouns"]["rate_words"].items()}
    return {
        "ratio_heads": {w.lower() for w in lex["nouns"]["ratio_heads"]},
        "classes": {singular(w, lex): cls for cls, words in lex["nouns"]["classes"].items() for w in words},
        "units": {w.lower() for w in units["time_units"]} | {w.lower() for w in units["measures"]}
        | {w.lower() for w in units["currency_words"]},
        "scale_words": {w.lower() for w in lex["numbers"]["scale_words"]},
        "rate_words": rate_words,
        "rate_units": set(rate_words.values()) | {w.split()[-1] for w in rate_words},
        "number_words": {w.lower() for w in lex["numbers"]["units"]} | {w.lower() for w in lex["numbers"]["tens"]},
        "time_unit_codes": set(units["time_units"].values()),
        "currency_codes": set(units["currency_prefixes"].values()) | set(units["currency_words"].values()),
    }


class ContextReader:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.stop = lex.wordset("nouns", "stopwords")
        self.modifiers = lex.wordset("nouns", "modifiers")
        self.measure_heads = lex.wordset("nouns", "measure_heads")
        self.of_heads = lex.wordset("nouns", "of_heads")
        self.statistics = lex.wordset("nouns", "statistic_nouns")
        self.counting = lex.wordset("nouns", "counting_verbs")
        self.animals = lex.wordset("nouns", "animal_nouns")
        self.people = lex.wordset("nouns", "people_nouns")
        self.owners = lex.wordset("nouns", "owner_nouns")
        self.regions = lex.regex("regions", lambda lx: re.compile(
            rf"\b(?:[Ii]n|[Aa]cross|[Oo]ver|[Ff]or|[Tt]he)\s+(?:the\s+)?(?:far\s+)?"
            rf"({alternation(lx['nouns']['region_words'], boundary=False)})\b(?![\w-]|\s+of\b)"))
        self.volume_heads = lex.regex("volume-heads", lambda lx: frozenset(singular(w, lx) for w in lx["nouns"]["volume_heads"]))
        self.places, self.place_names = lex.regex("places", _compile_places)
        self.named_place = lex.regex("named-place", lambda lx: re.compile(
            rf"\b(?:[Ii]n|[Aa]t)\s+the\s+(?:[a-z-]+\s+)?(?:{alternation(lx['places']['place_nouns'], boundary=False)})"
            r",\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*),"))
        self.adjacent_place = lex.regex("adjacent-place", lambda lx: re.compile(
            rf"\b(?i:{alternation(lx['places'].get('adjacent_words') or [_NEVER], boundary=False)})\s+"
            r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"))
        self.numbered = lex.regex("numbered-names", lambda lx: re.compile(
            rf"\b(?i:{alternation(lx['nouns'].get('numbered_names') or [_NEVER], boundary=False)})\s+\d{{1,4}}[A-Z]?\b"
            r"(?![.,]\d|\s*(?:%|per\s+cent|percent))"))
        self.events = lex.regex("events", _compile_events)
        self.events_not_after = lex.wordset("nouns", "events_not_after")
        # any event word at all: most windows have none, and one search then does for all classes
        self.any_event = lex.regex("any-event", _compile_any_event)
        self.share_nouns, self.share_events = lex.regex("share-events", _compile_share_events)
        self.modality_cues, self.modality_after, self.modal, self.forecast_verbs = lex.regex("modality", _compile_modality)
        self.modality_window = int(lex["modality"]["window"])
        self._countries_of: str | None = None
        self._country_hits: list[tuple[int, int, str]] = []
        self._country_starts: list[int] = []
        self.part_index: dict[int, int] = {}  # part -> whole, as extract records them
        self.baselines: set[int] = set()  # figures given as a baseline ("up from 2,650"): never a whole
        # where figures start that name nothing and count what a count before named ("fewer than 10 are
        # standing"): often another state of the same things, so they are keyed as naming nothing
        self.elliptic: set[int] = set()
        # Built once per lexicon, not once per article: extraction makes a reader for each article.
        for name, value in lex.regex("context-cues", _compile_cues).items():
            setattr(self, name, value)
        for name, value in lex.regex("context-words", _derived_words).items():
            setattr(self, name, value)
        for name in ("verbs", "change_nouns", "auxiliaries", "ed_nouns", "ing_nouns", "spending", "manner",
                     "particles", "linking", "predicates", "fillers", "figure_preps", "chain_preps",
                     "determiners", "pronouns", "time_words"):
            setattr(self, name, lex.wordset("nouns", _WORDSETS.get(name, name)))
        self.irregular = lex["nouns"]["irregular_plurals"]
        self.subordinators = lex.wordset("nouns", "subordinators")
        self.gap_words = lex.wordset("nouns", "change_gap_words")
        self.participle_links = lex.wordset("nouns", "participle_links")
        self.participle_adjectives = lex.wordset("nouns", "participle_adjectives")
        self.goods = lex.wordset("nouns", "manner_goods")
        self.comparatives = lex.wordset("nouns", "comparatives")
        self.payment_verbs = lex.wordset("nouns", "payment_verbs")
        self.months = lex.wordset("nonfigures", "months")
        self.weekdays = frozenset(lex["dates"]["weekdays"])
        # Per article (a reader reads one text): results that several steps ask for again.
        self._memo_text: str | None = None
        self._memo: dict = {}

    def memo(self, text: str) -> dict:
        """A cache for pure functions of ``text`` and their arguments, emptied for another text."""
        if self._memo_text is not text:
            self._memo_text, self._memo = text, {}
        return self._memo

    # -- counted noun ------------------------------------------------------
    def is_verb(self, low: str) -> bool:
        if low in self.verbs:
            return True
        if "-" in low and low.endswith("ed"):
            return False  # "council-owned", "state-backed": an adjective
        return (low.endswith("ed") and low not in self.ed_nouns) or (low.endswith("ly") and len(low) > 4) \
            or (low.endswith("ing") and len(low) >= 5 and low not in self.ing_nouns)

    def is_plural(self, low: str) -> bool:
        return low in self.irregular or (len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s")))

    def is_noun(self, low: str) -> bool:
        return bool(low) and low[0].isalpha() and low not in self.stop and low not in self.modifiers \
            and not self.is_verb(low) and low not in self.months and low not in self.weekdays

    def plural_modifier(self, tokens: list, i: int) -> bool:
        """A plural that describes the noun after it: "police officers", "services inflation is"."""
        nxt = tokens[i + 1].group(0) if i + 1 < len(tokens) else ""
        low = nxt.lower()
        if not nxt[:1].islower() or not self.is_noun(low) or low in self.units:
            return False
        if self.is_plural(low):
            return True
        if i + 2 >= len(tokens):
            return True  # the phrase ends there: "goods inflation" before its verb
        return tokens[i + 2].group(0).lower() in self.auxiliaries  # "services inflation is"

    def gerund_modifier(self, tokens: list, i: int) -> bool:
        """ "teaching" in "unfilled teaching posts": a form in -ing between a participle and a plural noun."""
        low = tokens[i].group(0).lower()
        if not low.endswith("ing") or low in self.verbs or i + 1 >= len(tokens):
            return False
        nxt = tokens[i + 1].group(0)
        return nxt[:1].islower() and self.is_noun(nxt) and self.is_plural(nxt) and nxt not in self.units

    def noun_after(self, text: str, pos: int, limit: int, nominal: bool = False) -> tuple[str, int]:
        """Head noun of the noun phrase starting at pos, and where it ends.

        Without a tagger we lean on English word order: determiners and
        adjectives come first, a plural noun ends the phrase, and a verb, a
        preposition or punctuation ends it too. ``nominal``: a determiner stood
        before pos, so a bare verb form is a noun ("their pay", "the take-home pay").
        """
        head, head_end, before = "", pos, ""
        tokens = list(islice(_TOKEN.finditer(text, pos, limit), 6))
        for i, m in enumerate(tokens):
            tok = m.group(0)
            if not tok[0].isalnum():
                break
            if any(map(str.isdigit, tok)):
                continue  # F-16, A320: a model name before the noun
            low = tok.lower().replace("’", "'")
            if low.endswith(("'s", "s'")):
                head, head_end, before = "", m.end(), ""  # "Russia's", "pilots'" own the head, they are not it
                continue
            if low in self.modifiers or low in self.units:
                continue
            nxt_tok = tokens[i + 1].group(0) if i + 1 < len(tokens) else ""
            if (low in self.months or low in self.weekdays) and tok[0].isupper() and not head \
                    and nxt_tok[:1].islower() and self.is_noun(nxt_tok.lower()):
                continue  # "1,900 of the October claims", "the Sunday crowd": the time describes the noun
            if head and not self.is_plural(head.lower()) and singular(low, self.lex) in self.change_nouns:
                head, head_end = tok, m.end()  # "a 7% pay rise", "rent rises": a compound ends with the change
                break
            if low in self.number_words:
                continue  # "on six new players"; "up from 52.1% four years ago" ends at "years"
            if low in self.comparatives:
                if head or not (nxt_tok[:1].islower() and self.is_noun(nxt_tok.lower())):
                    break  # "12% cheaper for buyers", "12 percent more than"
                continue  # "a 25% lower risk", "58 per cent less rain", "214 fewer officers"
            if low in self.stop and not head and (low.endswith("ed") or low in self.participle_adjectives) \
                    and nxt_tok[:1].islower() \
                    and self.is_noun(nxt_tok.lower()) and not self.is_verb(nxt_tok.lower()):
                continue  # "310 of the affected staff", "€30m a day in lost production": a participle before its noun
            if low in self.stop or low in self.months or low in self.weekdays:
                break
            plural = self.is_plural(low)
            if (low.endswith("ing") or low.endswith("ed") and not head and low not in self.verbs and nxt_tok[:1].islower()) \
                    and nxt_tok[:1].isalpha() and nxt_tok.lower() not in self.stop \
                    and (not self.is_verb(nxt_tok.lower()) or self.gerund_modifier(tokens, i + 1)):
                continue  # "operating profit", "suspected cholera cases", "unfilled teaching posts": it describes the noun
            if self.is_verb(low):
                # "rises" is a noun in "rent rises will", a verb in "rent rises to"; "pay" is one in
                # "a 7% pay rise" and "their pay"
                nxt = tokens[i + 1].group(0).lower() if i + 1 < len(tokens) else ""
                bare = low.isalpha() and low not in self.auxiliaries and not low.endswith(("ed", "ing"))
                if not (plural and (not head or nxt in self.auxiliaries)) and \
                        not (bare and (nominal and (not head or "-" in head) or singular(nxt, self.lex) in self.change_nouns)):
                    break
            if tok[0].isupper() and m.start() != pos and not _sentence_initial(text, m.start()):
                if head:
                    break
                continue  # "North Korean soldiers": the nationality is not the noun
            head, head_end, before = tok, m.end(), head
            if plural and not self.plural_modifier(tokens, i):
                break
        if head and (head.lower() in self.measure_heads or head.lower() in self.of_heads):
            m = _OF_THE_AFTER.match(text, head_end, limit)
            if m:
                inner, inner_end = self.noun_after(text, m.end(), limit)
                if inner:
                    return inner, inner_end
            elif before and head.lower() in self.measure_heads:
                return before, head_end  # "the death toll": the word before says what is counted
        return head, head_end

    def linked_before(self, text: str, start: int, floor: int, sentence_start: int | None = None) -> str:
        """The noun tied to the figure by "of", "totalling", "at"...: "a fee of £80m" -> fee."""
        put = _PUT_AT.search(text, max(floor if sentence_start is None else sentence_start, start - 120), start)
        if put:  # "put the number of people killed in the valley at 22": the object of "put"
            head, _ = self.noun_after(text, put.start(1), start)
            if head:
                return singular(head, self.lex)
        m = self.linked.search(text, max(floor, start - 60), start)
        if not m:
            return ""
        word = m.group(1)
        low = word.lower()
        if m.group(0).split()[-1].lower() in self.participle_links:
            # "losses to victims totalling £48.2m": the participle describes the head of the chain before it
            chain = _CHAIN_BACK.search(text, max(floor, m.start(1) - 60), m.start(1))
            while chain and self.is_noun(chain.group(1).lower()):
                word = chain.group(1)
                chain = _CHAIN_BACK.search(text, max(floor, chain.start(1) - 60), chain.start(1))
            low = word.lower()
        if (low in self.change_nouns or low in self.statistics) and re.match(r"\s+of\b", text[m.end(1):start]):
            return low  # "a pay rise of at least 9%", "the long-term average of 71mm": a statistic of its own
        if low in self.stop or low in self.verbs or self.is_verb(low) or low in self.modifiers:
            return ""
        if low in self.predicates or low in self.linking:
            prev = re.search(r"([\w'’-]+)\s+$", text[max(floor, m.start(1) - 30):m.start(1)])
            if not prev or prev.group(1).lower() not in self.determiners:
                return ""  # "debt will climb to", "temperatures drop to": a verb, not a noun
        if word[0].isupper() and not _sentence_initial(text, m.start(1)) or "'" in word.replace("’", "'"):
            return ""
        if low in self.measure_heads:
            before = re.search(r"([A-Za-z][\w-]*)\s+$", text[max(floor, m.start(1) - 30):m.start(1)])
            if before and before.group(1).lower() not in self.stop and before.group(1).lower() not in self.modifiers:
                return singular(before.group(1), self.lex)
        return singular(word, self.lex)

    # -- what stands before the figure --------------------------------------
    def verbish(self, low: str) -> bool:
        return low in self.auxiliaries or low in self.predicates or low in self.linking or self.is_verb(low)

    def measured_before(self, text: str, start: int, floor: int) -> str | None:
        """What a figure measures, read off the verb before it; None when no verb leads to it.

        "cut the tax rate from 19%": the object of the verb; "the rate is expected to be cut by
        0.25 points", "temperatures in the hills drop to 4C": the subject; "the deal would save
        €180m": nothing, the figure is the verb's own object.
        """
        memo = self.memo(text)
        if ("measured", start, floor) not in memo:  # counted and subject_before both ask
            memo["measured", start, floor] = self._measured_before(text, start, floor)
        return memo["measured", start, floor]

    def _measured_before(self, text: str, start: int, floor: int) -> str | None:
        toks = [(m, m.group(0).lower().replace("’", "'")) for m in _WORD.finditer(text, max(floor, start - _REACH), start)]
        i = len(toks) - 1
        while i >= 0 and (toks[i][1] in self.figure_preps or self.is_time(toks, i) or toks[i][1] == ","
                          or self.noun_up(toks, i)):
            i -= 1  # "entries up 7% to 58,900", "fell for the fifth year running, to 19,000"
        prep = i < len(toks) - 1
        while i >= 0 and toks[i][1] in self.fillers:
            i -= 1  # "was only", "is still running at"
        if i < 0:
            return None
        low = toks[i][1]
        if prep and low in self.pronouns:
            return _UNNAMED  # "values it at $1.1bn": what "it" is is not read here
        prev = toks[i - 1][1] if i > 0 else ""
        noun_like = prev in self.determiners  # "a rise to", not "debt will rise to"
        after_modal = (prev in self.auxiliaries or prev == "to") and self.is_noun(low) and not self.is_plural(low)
        if not ((self.verbish(low) or after_modal) and not noun_like):
            if i + 1 < len(toks) and toks[i + 1][1] in ("up", "down") and self.is_noun(low) and low not in self.time_words:
                return singular(toks[i][0].group(0), self.lex)  # "with entries up 7% to 58,900"
            return self.object_before(text, toks, i) if prep and self.is_noun(low) else None
        j = i - 1
        while j >= 0 and (self.group_verb(toks, j) or toks[j][1] in self.fillers) \
                and not (low.endswith("ing") and j == i - 1 and self.is_plural(toks[j][1])):
            j -= 1  # ("price increases averaging 4.5%": a noun before a participle, not a verb)
        if not prep and low not in self.linking:
            return ""  # the figure is the object of the verb
        return self.subject_of(text, toks, j)

    def group_verb(self, toks: list, j: int) -> bool:
        """A word of a verb group before its last verb: "has", "been", "expected", "to be"."""
        low = toks[j][1]
        if self.is_plural(low) and j + 1 < len(toks) and toks[j + 1][1] in self.auxiliaries:
            return False  # "rent rises will be capped": a noun before its auxiliary
        return low in self.auxiliaries or low in self.verbs or low in ("be", "been", "being") \
            or (self.is_verb(low) and not self.is_plural(low))

    def noun_up(self, toks: list, i: int) -> bool:
        """An earlier figure in "profit fell 27% to ¥312bn", "entries up 7% to 58,900": the change before the level."""
        if not toks[i][1][0].isdigit() or i < 1:
            return False
        prev = toks[i - 1][1]
        if prev in ("up", "down"):
            return i >= 2 and self.is_noun(toks[i - 2][1])
        return self.verbish(prev) and prev not in self.auxiliaries

    def object_before(self, text: str, toks: list, i: int) -> str | None:
        """ "cuts the small-business tax rate from 19%": the noun phrase after the verb."""
        first = self.chain_start(toks, i)
        if first is None or first == 0:
            return None
        verb = toks[first - 1][1]
        if not self.verbish(verb) or verb in self.auxiliaries or verb in self.linking:
            return None
        return self.head_of(text, toks, first, i)

    def subject_of(self, text: str, toks: list, j: int) -> str | None:
        """The subject ending at toks[j], over an appositive or a relative clause before the verb."""
        while j >= 0 and self.is_time(toks, j):
            j -= 1  # "Telvara's revenue last year was": the time is no part of the subject
        if j >= 0 and toks[j][1] == ",":
            # "The airline's load factor, the share of seats filled, rose to 88.4%"
            k = next((k for k in range(j - 1, -1, -1) if toks[k][1] == ","), -1)
            j = k - 1
        if j >= 1 and toks[j][1] == "it" and self.verbish(toks[j - 1][1]):
            # "spending since Mr Hale bought it in 2021 now stands at": over the clause, to its subject
            k = next((k for k in range(j - 1, -1, -1) if toks[k][1] in self.subordinators), -1)
            j = k - 1
        if j >= 0 and toks[j][1] == "it":
            return _PRONOUN  # "it could rise to £5.6bn": the figure before says what "it" is
        first = self.chain_start(toks, j)
        if first is None:
            return None
        before = toks[first - 1][1] if first else ""
        if before in ("who", "which", "that") and j - first < 1 and first >= 2:
            # "the share of pupils who vape regularly fell to": the relative clause is the subject's
            k = first - 2 if toks[first - 2][1] != "," else first - 3
            if k >= 0 and (self.is_noun(toks[k][1]) or toks[k][1][0].isdigit()):
                start = self.chain_start(toks, k)
                first, j = (k if start is None else start), k
        head = self.head_of(text, toks, first, j)
        if before == "whose" and head in self.measure_heads and first >= 2:
            # "the skylark, whose numbers dropped by 58%": what the numbers are of
            k = first - 2 if toks[first - 2][1] != "," else first - 3
            if k >= 0 and self.is_noun(toks[k][1]):
                return singular(toks[k][0].group(0), self.lex)
        return head or None

    def is_time(self, toks: list, k: int) -> bool:
        low = toks[k][1]
        return low in self.time_words or low in self.weekdays or low in self.months \
            or (len(low) == 4 and low.isdigit())

    def chain_start(self, toks: list, j: int) -> int | None:
        """Where the noun phrase ending at toks[j] begins, over "of", "in" and the like."""
        first = None
        k = j
        while k >= 0:
            low = toks[k][1]
            if low in self.determiners:
                first, k = k, k - 1
                if k >= 0 and toks[k][1] in self.chain_preps:
                    if k >= 1 and toks[k - 1][1] == ",":
                        break  # "..., with a single metro ticket going up": the phrase opens after the comma
                    k -= 1
                    continue
                if k >= 0 and self.participle(toks, k):
                    continue  # "pupils passing their exams"
                if k >= 1 and toks[k][1].endswith("ing") and toks[k][1] not in self.verbs \
                        and toks[k - 1][1] in self.chain_preps and toks[k - 1][1] != "of":
                    k -= 2  # "rates for shipping a container": a gerund's object inside the chain
                    continue
                break
            if low in self.chain_preps and first is not None:
                k -= 1
                continue
            if self.participle(toks, k):
                first, k = k, k - 1
                continue
            if not toks[k][0].group(0)[0].isalnum() or (low in self.stop and low not in self.modifiers) \
                    or low in self.auxiliaries or self.is_verb(low):
                break
            first, k = k, k - 1
        return first

    def participle(self, toks: list, k: int) -> bool:
        """ "people waiting for treatment", "planned hospital treatment": a verb form inside a noun phrase."""
        low = toks[k][1]
        if low in self.verbs or low in self.auxiliaries or not low.endswith(("ed", "ing")):
            return False
        prev = toks[k - 1][1] if k else ""
        nxt = toks[k + 1][1] if k + 1 < len(toks) else ""
        if nxt == "by" and low.endswith("ed") and self.is_noun(prev):
            return True  # "violations in the corridor recorded by the mission": a clause inside the subject
        if k >= 2 and self.is_noun(prev) and not self.is_plural(prev) and toks[k - 2][1] in self.determiners:
            return False  # "the regulator imposed fines": a subject and its verb
        return (self.is_noun(prev) and self.is_plural(prev)) or (self.is_noun(nxt) and not self.verbish(nxt))

    def head_of(self, text: str, toks: list, first: int, last: int) -> str:
        while first <= last and (toks[first][1] in self.determiners or toks[first][1].endswith(("'s", "s'"))
                                 or toks[first][1][0].isdigit()):
            first += 1  # "The UN's $48m emergency appeal": the head comes after the owner and the figure
        if first > last:
            return ""
        pos = toks[first][0].start()
        head, _ = self.noun_after(text, pos, toks[last][0].end())
        low = head.lower()
        if not head or low in self.pronouns or "'" in low or low in self.number_words:
            return ""
        if head[0].isupper() and (not _sentence_initial(text, self.last_index(text, head, pos))
                                  or self.proper(text, head)):
            return ""  # "Kharovia", "Brauwald": a name is not what a figure counts
        return singular(head, self.lex)

    def last_index(self, text: str, word: str, pos: int) -> int:
        """text.rfind(word, pos), from one search of the whole text per word instead of one per figure."""
        memo = self.memo(text)
        if ("last", word) not in memo:
            memo["last", word] = text.rfind(word)
        last = memo["last", word]
        return last if last >= pos else -1

    def proper(self, text: str, word: str) -> bool:
        """_proper(text, word), which searches the whole text, once per word."""
        memo = self.memo(text)
        if ("proper", word) not in memo:
            memo["proper", word] = _proper(text, word)
        return memo["proper", word]

    def subject_before(self, text: str, start: int, floor: int, sentence_start: int | None = None,
                       content: int | None = None) -> str:
        """The thing measured before a figure: "Turnout was", "a death toll of", "Prices rose"."""
        if sentence_start is not None and sentence_start < floor and _AUX_START.match(text, floor, start):
            # "The deficit, the minister said, will narrow to 2.9%": the subject stands before the speaker
            comma = text.find(",", sentence_start, floor)
            opening_end = comma if comma >= 0 else floor  # the sentence up to its first comma
            head, _ = self.noun_after(text, sentence_start, opening_end)
            if not head:
                nxt = _TOKEN.search(text, sentence_start, opening_end)
                head = self.noun_after(text, nxt.end(), opening_end)[0] if nxt else ""
            if head and not head[0].isupper() or head and _sentence_initial(text, text.find(head, sentence_start)):
                return singular(head, self.lex)
        # the subject may stand before an earlier figure of the clause: "attendance has risen 9% to 17,650"
        measured = self.measured_before(text, start, floor if content is None else content)
        if measured is not None:
            return "" if measured in (_PRONOUN, _UNNAMED) else measured
        clause = floor
        for m in re.finditer(r"[,;:]|\b(?:that|said|says|told|and|but|while|whereas)\b", text[floor:start]):
            clause = floor + m.end()
        head, end = self.noun_after(text, clause, start)
        while not head and end < start:
            # skip a leading adverbial ("In the first quarter,") or a determiner-less start
            nxt = _TOKEN.search(text, end, start)
            if nxt is None:
                break
            head, end = self.noun_after(text, nxt.end(), start)
            if head and head.lower() in self.stop:
                head = ""
        if not head or "'" in head.replace("’", "'") or (
                head[0].isupper() and not _sentence_initial(text, text.rfind(head, clause, start))):
            return ""  # "I'm", "Kharovia": not what a figure counts
        low = head.lower()
        if low in self.measure_heads:
            # "the death toll": the modifier before the head says what is counted
            words = re.findall(r"[A-Za-z][\w'-]*", text[clause:end])
            if len(words) >= 2 and words[-2].lower() not in self.stop and words[-2].lower() not in self.modifiers:
                return singular(words[-2], self.lex)
        return singular(head, self.lex)

    def counted(self, text: str, fig: Figure, floor: int, limit: int,
                earlier: list[tuple[Figure, str]], sentence_start: int = 0,
                sentence_end: int | None = None, content: int | None = None) -> tuple[str, int | None]:
        """The counted noun, and the index in ``earlier`` of the whole it is a part of."""
        after = fig.end
        # An age: "34-year-old", or a number the figure reader gave years from its context, with
        # no "year" written ("aged 34", "Anna Brekke, 46,", "children under 12"); "10 years" is a duration.
        if fig.unit == "year" and (fig.text.lower().endswith("old") or not re.search(r"(?i)year|yr", fig.text)):
            return "age", None
        if earlier and earlier[-1][1] == "age" and earlier[-1][0].start >= sentence_start \
                and _LIST_GAP.fullmatch(text, earlier[-1][0].end, fig.start) and _LIST_END.match(text, fig.end):
            return "age", None  # "three men, aged 19, 23 and 27": the list goes on
        if fig.unit in self.time_unit_codes:
            return self.duration_of(text, fig, limit), None
        if not fig.unit and self.capacity.search(text, max(floor, fig.start - 40), fig.start) \
                and not _OF_DET.match(text, after, limit) and not self.noun_after(text, after, limit)[0]:
            # "the Riverside Stadium, which holds 52,000": room, not a count ("which holds 61,000
            # people" counts people, "which holds 23 of the 94 seats" seats)
            return "capacity", None
        back = _BACKREF.match(text, after)
        if back:
            return self.back_reference(text, fig, back.end(), limit, earlier, sentence_start)
        m = _PART_OF_THE.match(text, after)
        if m and not text[m.end():m.end() + 1].isdigit():
            # "310 of the injured": a part of the latest figure that counted the injured
            head, _ = self.noun_after(text, m.end(), limit)
            noun = singular(head or m.group(1).split()[0], self.lex)
            for index in range(len(earlier) - 1, max(-1, len(earlier) - 1 - _LOOKBACK), -1):
                entry = earlier[index]
                if index in self.part_index or index in self.baselines:
                    continue  # a whole is not itself a part, nor a baseline
                if fig.unit == "%" and entry[0].unit == "%":
                    continue  # "a third of our schools" is a share of the schools, not of an earlier share
                if entry[1] and (self.same_class(entry[1], noun) or (len(entry) > 2 and self.same_class(entry[2], noun))):
                    return entry[1], index
            if noun in self.measure_heads:
                return noun, None  # "accounted for a fifth of the total"
        joined = _HYPHEN_NOUN.match(text, after, limit)
        if joined and self.is_noun(joined.group(1)) and joined.group(1) not in self.units:
            return singular(joined.group(1), self.lex), None  # "a 150-seat parliament", "the eight-player finale"
        closing = _CLOSING_QUOTE.match(text, after, limit)
        head, head_end = self.noun_after(text, closing.end() if closing else after, limit)
        change = _NEXT_WORD.match(text, after, limit)
        if not head and change and change.group(1).lower() in self.change_nouns:
            head, head_end = change.group(1), change.end()  # "a 34% fall", "a 5% rise in rents"
        if head and head.lower() in self.change_nouns:
            # "a 41% drop in third-quarter profit" measures the profit
            m = re.match(r"\s+(?:in|of)\s+(?:the\s+|its\s+|their\s+)?", text[head_end:limit])
            inner = self.noun_after(text, head_end + m.end(), limit)[0] if m else ""
            head = inner or (head if not m else "")
        if not head and fig.unit == "%" and self.ratio_of(text, after, limit):
            return self.ratio_subject(text, fig, floor, limit, earlier, sentence_start, content), None
        if not head:
            m = _OF_DET.match(text, after, limit) or (_SHARE_DET.match(text, after, limit) if fig.unit == "%" else None)
            if m:  # "40% of voters", "half of the pay", "almost half their value"
                head, _ = self.noun_after(text, m.end(), limit, nominal=m.group(0).split()[-1].lower() != "of")
        if head:
            word = singular(head, self.lex)
            if word not in self.scale_words:
                return word, None
        compared = self.compared(text, fig, floor, limit, earlier, sentence_start)
        if compared:
            return compared, None
        level = self.level_after_change(text, fig, earlier, sentence_start)
        if level:
            return level, None
        goods = _IN_WORD.match(text, fig.end, limit)
        if fig.unit in self.currency_codes and goods and goods.group(1) in self.goods \
                and not self.payment(text, fig.start, sentence_start):
            return goods.group(1), None  # "the seizure of €14m in cash": the cash, not the seizure
        average = _BY_AVERAGE.search(text, max(floor, fig.start - 30), fig.start)
        if average:  # "Fares will rise by an average of 4.9%": the average is of the change, which the subject makes
            measured = self.measured_before(text, average.start(1), floor if content is None else content)
            if measured == _PRONOUN:
                return self.referent(fig, earlier, sentence_start), None
            if measured and measured != _UNNAMED:
                return measured, None
        linked = self.linked_before(text, fig.start, floor, sentence_start)
        if linked and _BARE_LINK.search(text, max(floor, fig.start - 12), fig.start):
            # "raise the top rate of income tax to 45%": the object, not the noun before "to"
            measured = self.measured_before(text, fig.start, floor)
            linked = measured if measured and measured not in (_PRONOUN, _UNNAMED) else linked
        if linked:
            return linked, None
        if fig.unit in self.currency_codes:
            # "over the next three years" may hold a figure of its own: read on to the sentence's end
            target = self.money_target(text, fig, sentence_start, max(limit, sentence_end or limit))
            if target or target is None:
                return target or "", None
        measured = self.measured_before(text, fig.start, floor if content is None else content)
        if measured == _PRONOUN:
            return self.referent(fig, earlier, sentence_start), None
        if measured == _UNNAMED:
            return "", None
        if measured:
            return measured, None  # "..., while unemployment was expected to peak at 4.5%"
        for other, noun, *_ in reversed(earlier[-_LOOKBACK:]):
            # "rose from 4.2% to 5.1%", "4,000 birds ..., its modelling suggested fewer than 600"
            if other.start < sentence_start:
                break
            if noun and other.unit == fig.unit:
                return noun, None
        return self.subject_before(text, fig.start, floor, sentence_start, content), None

    def level_after_change(self, text: str, fig: Figure, earlier: list, sentence_start: int) -> str:
        """ "Sales fell 2.1 per cent to €3.48bn", "seizures rose by 38% last year to 4.7 tonnes", "edged up
        1.2% to an average of £287,500": the level a change ends at measures what the change measured."""
        if not earlier or earlier[-1][0].start < sentence_start or not earlier[-1][1]:
            return ""
        prev, noun = earlier[-1][0], earlier[-1][1]
        gap = _CHANGE_TO.fullmatch(text, prev.end, fig.start)
        if not gap or noun == "age":
            return ""
        if any(not self.is_time_word(w) for w in re.findall(r"[A-Za-z0-9]+", gap.group(1) or "")):
            return ""  # "rose 9% to 17,650", "fell 2.4% on Thursday to", not "cut 2% of jobs to"
        change = prev.unit in ("%", "pp") or re.search(r"\bby\s+$", text[max(sentence_start, prev.start - 4):prev.start])
        return noun if change and prev.unit != fig.unit or change and fig.unit not in ("%", "pp") else ""

    def is_time_word(self, word: str) -> bool:
        low = word.lower()
        return low in self.time_words or low in self.months or low in self.weekdays or low in self.gap_words \
            or (len(low) == 4 and low.isdigit())

    def duration_of(self, text: str, fig: Figure, limit: int) -> str:
        """A duration counts time, not things, unless it describes a noun ("a 14-day mission",
        "a two-day pilots' strike") or measures one ("six months of inventory")."""
        m = _OF_DET.match(text, fig.end, limit)
        if m and re.search(r"\b(?:within|in|after|before|for|over|during|since|of)\s+(?:the\s+)?(?:\w+\s+)?$",
                           text[max(0, fig.start - 30):fig.start], re.I):
            m = None  # "within 18 weeks of referral": a time after something, not a measure of it
        if "-" in fig.text or m:
            head, _ = self.noun_after(text, m.end() if m else fig.end, limit, nominal="-" in fig.text)
            if head[:1].islower() and head.lower() not in self.time_words:
                return singular(head, self.lex)
        return ""

    def back_reference(self, text: str, fig: Figure, end: int, limit: int, earlier: list,
                       sentence_start: int) -> tuple[str, int | None]:
        """ "3,000 of them": what the figure before, in this sentence, counted; "six of them children":
        the noun that follows; "young voters, a fifth of whom": the noun before the comma."""
        named, _ = self.noun_after(text, end, limit)
        named = singular(named, self.lex) if named[:1].islower() else ""
        candidates = [index for index in range(len(earlier) - 1, max(-1, len(earlier) - 1 - _LOOKBACK), -1)
                      if earlier[index][1] and earlier[index][0].start >= sentence_start]
        # "pulled free by eight tugs after crews had lifted about 1,900 of them": the nearest figure
        # that can hold the part ("14,000 containers"), if one can
        fits = [index for index in candidates if earlier[index][0].unit == fig.unit
                and (earlier[index][0].high is None or fig.low is None or earlier[index][0].high >= fig.low)]
        for index in fits[:1] or candidates[:1]:
            return named or earlier[index][1], index
        before = re.search(r"([a-z][\w'-]*),\s+$", text[max(sentence_start, fig.start - 40):fig.start])
        if before and self.is_noun(before.group(1)):
            return named or singular(before.group(1), self.lex), None
        return named, None

    def money_target(self, text: str, fig: Figure, sentence_start: int, limit: int) -> str | None:
        """What money pays for: "£1.1bn will go on hospital repairs", "spend £45m over three years on
        stop-smoking services", "$20m in emergency financing", "€38.50 per share"."""
        m = _PER_THING.match(text, fig.end, limit)
        if m and m.group(1) not in self.rate_units and m.group(1) not in self.units and self.is_noun(m.group(1)):
            return singular(m.group(1), self.lex)  # a price: "€38.50 per share", "€34.25 a share"
        m = self.purpose.match(text, fig.end, limit)
        moved = self.destination.match(text, fig.end, limit)
        if not m and moved and self.verb_before(text, fig.start, sentence_start,
                                                self.lex["nouns"]["destination_verbs"][moved.group(1)]):
            m = moved
        if not m:
            m = self.target.match(text, fig.end, limit)
            if m and m.group(1) != "in" and not self.pays_for(text, fig.start, sentence_start):
                return ""  # "raised $4.6m for local charities": who gets it, not what it counts
        if not m:
            return ""
        head, _ = self.noun_after(text, m.end(), limit)
        word = singular(head, self.lex) if head and head[0].islower() else ""
        if word in self.manner and m.re is not self.destination:
            return None  # "buy its rival for €2.1bn in cash": how it is paid, and nothing counted
        return word

    def payment(self, text: str, start: int, floor: int) -> bool:
        """Whether money is a price or payment: "for €2.1bn", "paid €4m", "offered $30 a share"."""
        return re.search(r"\bfor\s+$", text[max(floor, start - 5):start]) is not None \
            or self.verb_before(text, start, floor, self.payment_verbs)

    def verb_before(self, text: str, start: int, floor: int, verbs: list[str]) -> bool:
        """Whether one of ``verbs`` stands in the few words before a figure ("add another £60")."""
        words = re.findall(r"[A-Za-z][\w'’-]*|,", text[max(floor, start - 40):start])
        return any(word.lower() in verbs for word in words[-3:])

    def pays_for(self, text: str, start: int, floor: int) -> bool:
        """Whether "on"/"for" after money names what it pays for: after a spending verb or no verb."""
        words = re.findall(r"[A-Za-z][\w'’-]*|,", text[max(floor, start - 60):start])
        for word in reversed(words[-4:]):
            low = word.lower()
            if low in (",", "that"):
                break
            if low in self.spending:
                return True
            if self.verbish(low) and low not in self.auxiliaries and low not in self.particles:
                return False
        return True

    def same_class(self, a: str, b: str) -> bool:
        return a == b or self.classes.get(a, a) == self.classes.get(b, b)

    # -- quantity key ------------------------------------------------------
    def countries(self, text: str, start: int, end: int) -> list[tuple[int, str]]:
        """Countries named in text[start:end]; the article is scanned once and then sliced."""
        if self._countries_of is not text:
            self._countries_of = text
            self._country_hits = [(m.start(), m.end(), self.place_names[m.group(0).lower()])
                                  for m in self.places.finditer(text)]
            self._country_starts = [h[0] for h in self._country_hits]
        lo = bisect_left(self._country_starts, start)
        out = []
        for hit_start, hit_end, country in self._country_hits[lo:]:
            if hit_start >= end:
                break
            if hit_end <= end:
                out.append((hit_start, country))
        return out

    def clause(self, text: str, sent_start: int, sent_end: int, fig: Figure) -> tuple[int, int]:
        memo = self.memo(text)
        key = ("clause", sent_start, sent_end, fig.start, fig.end)
        if key not in memo:  # extract and key both ask
            memo[key] = self._clause(text, sent_start, sent_end, fig)
        return memo[key]

    def _clause(self, text: str, sent_start: int, sent_end: int, fig: Figure) -> tuple[int, int]:
        lo = max(sent_start, fig.start - _REACH)
        for m in _CLAUSE_BREAK.finditer(text, lo, fig.start):
            lo = m.end()
        m = _CLAUSE_BREAK.search(text, fig.end, min(sent_end, fig.end + _REACH))
        return lo, (m.start() if m else min(sent_end, fig.end + _REACH))

    def modality(self, text: str, floor: int, fig: Figure, limit: int) -> str:
        # After the figure, only cues that bind to it: "10,000 soldiers are being prepared to join".
        _, noun_end = self.noun_after(text, fig.end, limit)
        tail = _NAMED_TAIL.match(text, noun_end, limit)
        at = tail.end() if tail else noun_end
        for pattern, modality in self.modality_after:
            m = pattern.match(text, at, limit)
            if m:
                return modality
        floor = max(floor, fig.start - _REACH)
        words = list(re.finditer(r"\S+", text[floor:fig.start]))
        window_start = floor + words[-self.modality_window].start() if len(words) >= self.modality_window else floor
        best, best_pos = "stated", -1
        for pattern, modality in self.modality_cues:
            for m in pattern.finditer(text, window_start, fig.start):
                if m.start() > best_pos:
                    best, best_pos = modality, m.start()
        for m in self.modal.finditer(text, window_start, fig.start):
            if m.start() > best_pos and m.end() <= fig.start:
                best, best_pos = self.modal_kind(m), m.start()
        return best

    def modal_kind(self, m: re.Match) -> str:
        """ "would cut" plans, "would save" and "growth would be" forecast, "could" always forecasts;
        a passive ("will be extended", "would be held at") is a plan."""
        if m.group("fc"):
            return "forecast"
        verb = m.group("verb").lower()
        if m.group("be"):
            passive = verb.endswith(("ed", "en")) or verb in self.verbs and verb not in self.forecast_verbs
            return "planned" if passive else "forecast"
        stem = verb[:-1] if verb.endswith("s") and not verb.endswith("ss") else verb
        return "forecast" if verb in self.forecast_verbs or stem in self.forecast_verbs else "planned"

    def read(self, text: str, sentence: tuple[int, int], figs: list[Figure],
             history: list[tuple[Figure, str]], floors: list[int] | None = None) -> list[Context]:
        """Counted noun, modality and whole (an index into ``history``) for each figure of a sentence.

        ``floors`` give, per figure, where the reported content starts (after "X said"):
        the speaker is never what a figure counts.
        """
        s_start, s_end = sentence
        out: list[Context] = []
        earlier = history  # this sentence's figures are appended for a while, then taken off again
        base = len(history)
        parts: dict[str, list[int]] = {}  # unit -> the figures of the sentence read as parts, in order
        for i, fig in enumerate(figs):
            floor = figs[i - 1].end if i else s_start
            limit = figs[i + 1].start if i + 1 < len(figs) else s_end
            if floors:
                floor = max(floor, floors[i])
            content = max(s_start, floors[i]) if floors else s_start
            noun, part = self.counted(text, fig, floor, limit, earlier, s_start, s_end, content)
            if noun in self.measure_heads and noun != "total":
                noun = self.referent(fig, earlier) or noun  # "officials put the figure at 280"
            if part is None:
                part = self.whole_by_cue(text, fig, i, figs, base, earlier, out, s_start, noun, parts)
            of_next = _OF_THE_NEXT.match(text, fig.end)
            if i + 1 < len(figs) and of_next and of_next.end() == figs[i + 1].start:
                part = base + i + 1  # "81 of the 150 seats", "nine of their last 12 games": the whole comes next
                whole, _ = self.noun_after(text, figs[i + 1].end, s_end)
                noun = singular(whole, self.lex) if whole else noun
            if self.baseline(text, fig, floor):
                self.baselines.add(base + i)
            if not noun and part is not None and part < len(earlier) and earlier[part][1] != "age":
                noun = earlier[part][1]  # "Of those rescued, 810 were men": a part counts what its whole counts
            if not noun and fig.unit in ("", "%"):
                # "There were about 150 houses on this slope. Now fewer than 10 are standing.": a count
                # that names nothing counts what the count before it named
                noun = self.referent(fig, earlier, max(0, s_start - _ELLIPSIS_REACH))
                if noun:
                    self.elliptic.add(fig.start)
            earlier.append((fig, noun, ""))
            modality = self.modality(text, s_start, fig, s_end)
            out.append(Context(noun, modality, part))
            if part is not None:
                parts.setdefault(fig.unit, []).append(i)
        del earlier[base:]
        return out

    def baseline(self, text: str, fig: Figure, floor: int) -> bool:
        """ "up from 58.2 per cent", "fell to 4,210 from 5,030", "compared with 41 per cent": the figure
        another is measured against."""
        return _BASELINE.search(text, max(floor, fig.start - 20), fig.start) is not None

    def baseline_period(self, text: str, fig: Figure, floor: int, limit: int, period: str) -> str:
        """A baseline's period: its own when a calendar time follows it ("2,650 in September"), else an
        earlier one than the figures around it ("<" before what they are about)."""
        if _OWN_TIME.match(text, fig.end, min(limit, fig.end + 60)) \
                and not _TIME_BEFORE.match(text, fig.end, min(limit, fig.end + 60)):
            return period
        return "<" + period

    def ratio_of(self, text: str, after: int, limit: int) -> bool:
        """ "98% of GDP", "2.9 per cent of state output": a share of the economy, not a count of it."""
        if self.ratio_base.match(text, after):
            return True
        m = _OF_DET.match(text, after, limit)
        return bool(m) and self.noun_after(text, m.end(), limit)[0].lower() in self.ratio_heads

    def ratio_subject(self, text: str, fig: Figure, floor: int, limit: int, earlier: list, sentence_start: int,
                      content: int | None = None) -> str:
        """What a share of GDP measures: the figure it restates, the noun just before it ("debt above
        60% of GDP"), or the subject of its verb ("the deficit would be held at 2.9%")."""
        compared = self.compared(text, fig, floor, limit, earlier, sentence_start)
        if compared:
            return compared
        before = re.search(r"([a-z][\w-]*)\s+$", text[max(floor, fig.start - 30):fig.start])
        if before and self.is_noun(before.group(1)) and before.group(1) not in self.linking:
            return singular(before.group(1), self.lex)
        return self.subject_before(text, fig.start, floor, sentence_start, content)

    def compared(self, text: str, fig: Figure, floor: int, limit: int, earlier: list, sentence_start: int) -> str:
        """ "carried 4.8 million passengers, up 6%", "turnout reached 67%, up 4 points", "$46bn, equal to
        26% of GDP and 4 points more than last year": a change in, or a ratio of, the figure before."""
        lead = _COMPARED_BEFORE.search(text, max(floor, fig.start - 30), fig.start)
        if not lead or not (lead.group(1) or _COMPARED_AFTER.match(text, fig.end, limit)):
            return ""
        for entry in reversed(earlier[-_LOOKBACK:]):
            if entry[0].start < sentence_start:
                break
            if entry[1] and entry[1] != "age":
                return entry[1]
        return ""

    def referent(self, fig: Figure, earlier: list, since: int = 0) -> str:
        """What "the figure", "that number" or "it" stands for: the nearest earlier count of the same unit."""
        for entry in reversed(earlier[-_LOOKBACK:]):
            if entry[0].start < since:
                break
            if entry[1] and entry[1] not in self.measure_heads and entry[0].unit == fig.unit and entry[1] != "age":
                return entry[1]
        return ""

    def whole_by_cue(self, text: str, fig: Figure, i: int, figs: list[Figure], base: int,
                     earlier: list, done: list[Context], s_start: int, noun: str,
                     parts: dict[str, list[int]]) -> int | None:
        """The whole a figure belongs to by its wording: "Of the 40 vehicles ..., 18",
        "including 150", "accounted for 780", "another 190" (a sibling of the part before)."""
        if i == 1 and _SENTENCE_OF_THE.fullmatch(text, s_start, figs[0].start):
            return base  # "Of the 40 vehicles handed over, 18 are in service"
        if i >= 1 and ":" in text[figs[i - 1].end:fig.start] and figs[i - 1].unit == fig.unit \
                and not re.search(r"[.;]", text[figs[i - 1].end:fig.start]):
            return base + i - 1  # "arrested 57 people: 31 in Marlow Heath, 22 in Dunmore"
        lead = text[max(s_start, fig.start - 40):fig.start].lower()
        another = re.search(r"\banother\s*$", lead)
        if another or re.search(r"\band\s+(?:[a-z-]+\s+){0,3}(?:for\s+)?$", lead):
            # a list of parts in one sentence, in one unit; ``parts`` holds them by unit, and only the
            # figure right before ("81 of the 150") can be a part of this one
            for j in reversed(parts.get(fig.unit, [])[-2:]):
                if done[j].part_of != base + i:
                    return done[j].part_of
            if another:  # "another 190" goes on from a part in the sentence before
                for index in range(len(earlier) - 1, max(-1, len(earlier) - 1 - _LOOKBACK), -1):
                    if index in self.part_index and earlier[index][0].unit == fig.unit:
                        return self.part_index[index]
            return None
        cue = self.part_cues.search(lead)
        if cue:
            # only a noun named with a count says what it counts ("including about 41,000 children");
            # a measure's unit says it all ("accounted for 780 megawatts")
            noun = noun if not fig.unit and self.noun_after(text, fig.end, min(len(text), fig.end + 60))[0] else ""
        if cue:
            if i and self.sub_part_cues.search(lead) and figs[i - 1].unit == fig.unit:
                # "85 civilians, including 12 women": 12 of the 85; "27,300 households, including
                # 41,000 children": people are no part of a count of households
                return base + i - 1 if self.kind_fits(earlier[base + i - 1][1], noun) else None
            return self.latest_whole(fig, earlier, noun)
        opener = self.breakdown_opener.match(text, s_start) if i == 0 else None
        if opener:  # "Of that, £30m will go to roads", "Of those rescued, 810 were men"
            return self.opened_whole(fig, earlier, opener.group(1) or "", s_start)
        for prior in reversed(done):
            # the rest of a breakdown: "£30m to roads, £14m to buses and £9m to cycle lanes"
            same_kind = fig.unit or not noun or not prior.counted or self.same_class(prior.counted, noun)
            if _NEW_STATEMENT.search(text, figs[i - 1].end, fig.start):
                break  # "..., the ministry said, adding that 14 people had died": a new statement, not a part
            if prior.part_of is not None and prior.part_of != base + i and figs[i - 1].unit == fig.unit and same_kind:
                return prior.part_of
            break
        return None

    def opened_whole(self, fig: Figure, earlier: list, word: str, s_start: int) -> int | None:
        """The whole a breakdown opener points back to. "Of those rescued", "Of those cases": the latest
        figure that counts that thing or event; "Of those", "Of the total": the latest that can hold the
        part (not a goal or a target, no smaller than the part) in the sentences just before, else the
        latest whole at all."""
        wanted = ""
        if word:
            wanted = next((cls for pattern, cls in self.events if pattern.fullmatch(word)), "") or \
                self.classes.get(singular(word, self.lex), singular(word, self.lex))
        fallback = None
        for index in range(len(earlier) - 1, max(-1, len(earlier) - 1 - _LOOKBACK), -1):
            other, noun, *rest = earlier[index]
            if other.unit != fig.unit or index in self.part_index or index in self.baselines or noun == "age":
                continue
            cls = rest[0] if rest and rest[0] else self.classes.get(noun, noun)
            if wanted:
                if wanted in (cls, noun, self.classes.get(noun, noun)):
                    return index
                continue
            if noun in self.statistics or "-per-" in cls:
                continue  # "the government's goal of 25,000 a year" is no count to break down
            if fallback is None:
                fallback = index
            if other.start < s_start - _OPENED_REACH:
                break
            if other.high is None or fig.low is None or other.high >= fig.low:
                return index
        return self.latest_whole(fig, earlier) if wanted else fallback

    def latest_whole(self, fig: Figure, earlier: list, noun: str = "") -> int | None:
        for index in range(len(earlier) - 1, max(-1, len(earlier) - 1 - _LOOKBACK), -1):
            if earlier[index][0].unit == fig.unit and index not in self.part_index and index not in self.baselines \
                    and self.kind_fits(earlier[index][1], noun):
                return index
        return None

    def kind_fits(self, whole: str, part: str) -> bool:
        """Whether a part counting ``part`` can belong to a whole counting ``whole``: the same class, or
        people within people ("85 civilians, including 12 women"); unknown nouns fit anything."""
        if not whole or not part or self.same_class(whole, part):
            return True
        return self.is_people(whole) and self.is_people(part)

    def is_people(self, noun: str) -> bool:
        return noun in self.people or self.classes.get(noun, noun) in self.people

    def last_event_class(self, text: str, start: int, end: int) -> str:
        if not self.any_event.search(text, start, end):
            return ""
        best, best_pos = "", -1
        for pattern, cls in self.events:
            for m in pattern.finditer(text, start, end):
                if m.start() > best_pos:
                    best, best_pos = cls, m.start()
        return best

    def event_class(self, text: str, start: int, end: int) -> str:
        if not self.any_event.search(text, start, end):
            return ""
        best, best_pos = "", len(text)
        for pattern, cls in self.events:
            m = pattern.search(text, start, end)
            if m and m.start() < best_pos:
                best, best_pos = cls, m.start()
        return best

    def key(self, text: str, sentence: tuple[int, int], fig: Figure, noun: str, unit: str,
            article_countries: list[str], refers_to: str, content_start: int,
            limit: int | None = None) -> tuple[str, str, str, str]:
        """(class, subject, place, period) of the quantity a figure is about.

        ``content_start`` is where the reported content begins (after "X said"),
        so the speaker's country is not taken for the subject; ``limit`` is where
        the next figure starts.
        """
        s_start, s_end = sentence
        limit = s_end if limit is None else limit
        c_start, c_end = self.clause(text, s_start, s_end, fig)
        lo = max(c_start, content_start)
        if self.baseline(text, fig, lo):
            refers_to = self.baseline_period(text, fig, lo, min(limit, c_end), refers_to)
        if fig.start in self.elliptic:
            noun = ""
        cls = self.classes.get(noun, noun)
        if noun in self.volume_heads:
            cls = self.volume_of(text, max(lo, fig.start - _REACH), min(max(limit, c_end), fig.end + _REACH), fig, noun) or cls
        if cls in ("person", "civilian", "resident", "") and not unit:
            # "40 people were killed", "the number of people detained has risen to 340"
            event = self.event_class(text, fig.end, min(limit, c_end, fig.end + 80)) or \
                self.last_event_class(text, max(lo, fig.start - _REACH), fig.start)
            if event:
                cls = event
        elif not unit and noun and noun not in self.animals:
            # "Fourteen miners were killed", "22 of its members had died": a death count, whoever died;
            # "... were killed and 22 wounded": a figure that names no noun may name its own event
            cls = self.event_after(text, fig.end, min(limit, c_end), noun) or \
                (self.own_event(text, fig.end, min(limit, c_end)) if fig.start in self.elliptic or
                 not self.noun_after(text, fig.end, limit)[0] else "") or cls
        elif unit == "%" and noun in self.share_nouns:
            # "52 per cent of registered voters came to the polls": the turnout
            cls = self.event_after(text, fig.end, min(limit, c_end), noun, self.share_events) or cls
        _, noun_end = self.noun_after(text, fig.end, limit)
        rate = self.rate.match(text, max(noun_end, fig.end))
        if rate and cls:
            cls = f"{cls}-per-{self.rate_words[rate.group(1).lower()]}"  # "2,500 calls a day" is a rate
        subject = self.country_subject(text, s_start, fig, content_start, article_countries, c_end)
        place = self.place(text, fig, c_start, min(c_end, limit), subject, s_start, content_start)
        if not subject:
            named = list(self.numbered.finditer(text, max(lo, fig.start - _REACH), fig.start))
            subject = _slug_word(named[-1].group(0)) if named else ""  # "Castelmar's new Line 7 tram carried"
        if not subject:
            subject = self.clause_subject(text, lo, fig.start)
            if subject and not self.owner(text, subject, max(lo, fig.start - _REACH), fig.start):
                subject = ""  # "the storm dumped 142mm", "rescuers pulled 40 people": a doer, not an owner
            if subject and (singular(subject.split()[-1], self.lex) in (noun, cls) or self.classes.get(
                    singular(subject.split()[-1], self.lex)) == cls):
                subject = ""  # "turnout was 54 per cent": the thing measured, not who did it
        return cls, subject, place, refers_to

    def event_after(self, text: str, start: int, end: int, noun: str, events: list | None = None) -> str:
        """The event a counted noun undergoes, named by the verb group right after it ("miners were
        killed", "members had died"); "" when another word comes between."""
        for m in islice(_TOKEN.finditer(text, start, end), 6):
            if singular(m.group(0), self.lex) != noun:
                continue
            gap = _VERB_GROUP.match(text, m.end(), end)
            at = gap.end() if gap else m.end()
            return self._event_at(text, at, end, self.events if events is None else events)
        return ""

    def own_event(self, text: str, start: int, end: int) -> str:
        """The event right after a figure that names no noun: "and 22 wounded", "and 40 were arrested"."""
        gap = _VERB_GROUP.match(text, start, end)
        return self._event_at(text, gap.end() if gap else start, end, self.events)

    def _event_at(self, text: str, at: int, end: int, events) -> str:
        """The class of the event whose words stand at ``at``, of those a verb group can name."""
        for pattern, cls in events:
            if cls not in self.events_not_after and pattern.match(text, at, end):
                return cls
        return ""

    def owner(self, text: str, subject: str, lo: int, hi: int) -> bool:
        """Whether a clause's subject owns what the figure counts: a name ("the Greens", "Telvara"),
        capitalised inside the sentence, or a common noun that owns things (a party, a council)."""
        head = subject.split()[-1].split("-")[-1]
        if head in self.owners:
            return True
        return any(m.group(0)[0].isupper() and not _sentence_initial(text, m.start())
                   for m in re.compile(rf"\b{re.escape(head)}\b", re.I).finditer(text, lo, hi))

    def volume_of(self, text: str, lo: int, hi: int, fig: Figure, noun: str) -> str:
        """ "Ticket sales have reached 1.6 million" counts tickets, as "sold 1.1m tickets" does: the class
        of the thing whose sales, exports or deliveries are counted (the nearest to the figure)."""
        best, best_gap = "", _REACH * 2
        for m in re.finditer(r"\b(?=([A-Za-z][\w-]*)\s+([a-z]+)\b)", text[lo:hi]):
            if singular(m.group(2), self.lex) != noun:
                continue
            word, at = m.group(1), lo + m.start(1)
            low = word.lower()
            if word[0].isupper() and not _sentence_initial(text, at) or not self.is_noun(low) or low in self.units:
                continue
            gap = abs(at - fig.start)
            if gap < best_gap:
                thing = singular(low, self.lex)
                best, best_gap = self.classes.get(thing, thing), gap
        return best

    def country_subject(self, text, s_start, fig, content_start, article_countries, c_end) -> str:
        # "soldiers from North Korea" / "North Korean soldiers" name the subject next to the noun.
        near = re.match(r"\s*(?:[A-Za-z'-]+\s+){0,3}?from\s+", text[fig.end:fig.end + 60])
        if near:
            hits = self.countries(text, fig.end + near.end(), fig.end + near.end() + 30)
            if hits:
                return hits[0][1]
        lo = max(s_start, content_start, fig.start - _REACH)
        before = self.countries(text, lo, fig.start)
        # A country after "to", "in", "into"... is where, not who.
        subjects = [h for h in before if not _PLACE_PREP.search(text, max(s_start, h[0] - 9), h[0])]
        if subjects:
            return subjects[0][1]
        m = re.search(r"\bthe\s+(North|South|East|West)\b", text[lo:fig.start])
        if m:
            for country in article_countries:
                if country.startswith(m.group(1).lower()):
                    return country
        return ""

    def place(self, text, fig, c_start, c_end, subject, s_start, content_start) -> str:
        """Where: the named place nearest after the figure in its clause, else the nearest before."""
        where = _WHERE.search(text, max(s_start, fig.start - 80), fig.start)  # bounded: the pattern backtracks
        if where:  # "towards Porto Vell, where 12 people died"
            name = where.group(1).replace("’", "'")
            return self.place_names.get(name.lower(), name.lower())
        if _WITH_FIGURE.search(text, max(c_start, fig.start - 8), fig.start):
            # "called off the search for survivors in Elvan on Saturday, with 129 people confirmed dead":
            # a place before "with" belongs to the verb's object, not to the figure's phrase
            c_start = s_start = fig.start
        candidates = sorted(list(_LOCAL_PLACE.finditer(text, fig.end, c_end)) +
                            self.adjacent(text, fig.end, c_end, s_start), key=lambda m: m.start(1)) + \
            sorted(list(_LOCAL_PLACE.finditer(text, c_start, fig.start)) +
                   self.adjacent(text, c_start, fig.start, s_start), key=lambda m: -m.start(1)) + \
            list(reversed(list(self.named_place.finditer(text, max(s_start, fig.start - 80), fig.start))))
        for local in candidates:
            name = local.group(1).replace("’", "'").removesuffix("'s").split("'s ")[-1]
            first = name.split()[0].lower()
            if first in self.months or first in self.weekdays:
                continue
            return self.place_names.get(name.lower(), name.lower())
        regions = list(self.regions.finditer(text, fig.end, c_end)) + \
            list(reversed(list(self.regions.finditer(text, c_start, fig.start))))
        if regions:  # "in the south-west, 210mm fell; the east was drier, at 98mm"
            return regions[0].group(1).lower().replace(" ", "-")
        before = self.countries(text, max(s_start, content_start, fig.start - _REACH), fig.start)
        for _, country in self.countries(text, fig.end, c_end) + before:
            if country != subject:
                return country
        return ""

    def adjacent(self, text: str, lo: int, hi: int, s_start: int) -> list:
        """ "Neighbouring Carvennia registered ...", "in neighbouring Dalvin province": a place next to another,
        where the figure is (the sentence's subject, or after "in", "at", "near"), not where things went
        ("fled into neighbouring Rukwa") or came from."""
        return [m for m in self.adjacent_place.finditer(text, lo, hi)
                if not text[s_start:m.start()].strip(" \t\n\"“‘'")
                or _ADJACENT_AT.search(text, max(s_start, m.start() - 12), m.start())]

    def clause_subject(self, text: str, lo: int, fig_start: int) -> str:
        """The doer when the figure is the object: "the Greens won 38,400 votes" -> greens.

        Only when a verb stands between the subject and the figure; a figure that is
        itself the subject ("40 people were killed") has none.
        """
        span = text[max(lo, fig_start - _REACH):fig_start]
        rel = re.search(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*),\s+who\s+\w+\s+$", span)
        if rel:  # "Dara Mensah, who received 3.6 million votes"
            return _slug_word(rel.group(1))
        words = list(re.finditer(r"[A-Za-z][\w'’-]*", span))
        head, after_possessive = "", False
        for i, m in enumerate(words):
            low = m.group(0).lower().replace("’", "'")
            if low in ("that", "which", "who", "whom", "whose"):
                head = ""  # a new clause starts its own subject
                continue
            if after_possessive:  # "her party's own tally": "own" is no verb here
                after_possessive = False
                if low in self.verbs:
                    continue
            if low in self.auxiliaries or low in self.verbs or (low.endswith("ed") and low not in self.ed_nouns
                                                                  and low not in self.modifiers):
                if any(w.group(0).lower() in self.counting for w in words[i:]):
                    return ""  # "monitors have counted 140 violations": who counts does not own what is counted
                if head and i < len(words):
                    return _slug_word(head)
                return ""
            if low.endswith("'s"):
                head, after_possessive = "", True
                continue
            if low in self.stop or low in self.modifiers:
                if head and low in ("of", "for", "in", "at", "on", "and"):
                    break
                continue
            if low in self.weekdays or low in self.months or low in ("yesterday", "today", "week", "month", "year"):
                continue
            head = m.group(0)
        return ""
