"""The vocabularies under rules/vocab/, loaded once and merged with --rules folders.

Vocabulary is data so a newsroom can add its own speech verbs, source aliases or
counted-noun classes without touching code. A folder given with --rules adds to
the defaults: mappings are updated key by key, lists are extended.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import yamlfile
from .errors import RuleFileError

VOCABULARIES = ("numbers", "hedges", "units", "nonfigures", "nouns", "speech", "sources",
                "modality", "dates", "places", "text")


def default_rules_dir() -> Path:
    """The rules shipped with numcheck: numcheck/_rules in a wheel, rules/ in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parent / "rules"):
        if (candidate / "vocab").is_dir():
            return candidate
    raise RuleFileError("numcheck's own rules folder is missing; reinstall numcheck", where=str(here))


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = _merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [x for x in extra if x not in base]
    return extra


def _trie(words) -> str:
    """One pattern for many words, shared prefixes written once ("sa(?:id|ys)").

    Python's re tries a plain alternation one word at a time at every position; a trie
    makes the long vocabularies (speech verbs, places, units) several times cheaper.
    A word that is a prefix of another becomes an optional tail, so the longer word is
    still tried first, as in a longest-first alternation.
    """
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if "" in node else group

    return emit(root)


def _alternation(words, *, boundary=True) -> str:
    unique = {w for w in words if w}
    if len(unique) > 8:
        body = _trie(unique)
    else:
        body = "|".join(re.escape(w) for w in sorted(unique, key=len, reverse=True))
    return rf"(?:{body})" if not boundary else rf"(?<![\w$£€¥₹])(?:{body})(?![\w])"


# Hashed by identity: a loaded lexicon is a value for the cache keys that use it.
@dataclass(frozen=True, eq=False)
class Lexicon:
    raw: dict[str, Any]
    dirs: tuple[str, ...]
    compiled: dict[str, Any] = field(default_factory=dict, compare=False)

    def __getitem__(self, name: str) -> Any:
        return self.raw[name]

    def regex(self, key: str, build) -> re.Pattern:
        """A compiled pattern cached on the lexicon, built on first use."""
        pattern = self.compiled.get(key)
        if pattern is None:
            pattern = self.compiled[key] = build(self)
        return pattern

    def wordset(self, vocab: str, key: str) -> frozenset[str]:
        cache_key = f"set:{vocab}:{key}"
        found = self.compiled.get(cache_key)
        if found is None:
            found = self.compiled[cache_key] = frozenset(str(w).lower() for w in self.raw[vocab][key])
        return found


def _check_shape(doc: yamlfile.YamlDoc, name: str) -> None:
    if not isinstance(doc.data, dict):
        raise doc.error(f"vocabulary '{name}' must be a mapping of keys to lists or mappings")


@lru_cache(maxsize=8)
def load(extra_dirs: tuple[str, ...] = ()) -> Lexicon:
    raw: dict[str, Any] = {}
    base = default_rules_dir() / "vocab"
    for name in VOCABULARIES:
        path = base / f"{name}.yaml"
        if not path.exists():
            raise RuleFileError(f"vocabulary file is missing (expected {name}.yaml)", where=str(path))
        doc = yamlfile.load(path, words=True)
        _check_shape(doc, name)
        raw[name] = doc.data
    for folder in extra_dirs:
        vocab_dir = Path(folder) / "vocab"
        if not vocab_dir.is_dir():
            continue
        for path in sorted(vocab_dir.glob("*.yaml")):
            name = path.stem
            if name not in VOCABULARIES:
                raise RuleFileError(
                    f"unknown vocabulary '{name}'; expected one of: {', '.join(VOCABULARIES)}",
                    where=f"{path}:1")
            doc = yamlfile.load(path, words=True)
            _check_shape(doc, name)
            for key, value in doc.data.items():
                if key in raw[name] and type(value) is not type(raw[name][key]):
                    raise doc.error(f"field '{key}' must be a {type(raw[name][key]).__name__}", key)
            raw[name] = _merge(raw[name], doc.data)
    return Lexicon(raw, extra_dirs)


alternation = _alternation
