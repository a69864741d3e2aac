"""read -> extract -> rules: the one path every command takes."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable

from . import findings as findings_mod
from . import lexicon, rulebook
from .extract import extract
from .model import Article, Claim, Finding
from .read import read_paths


@dataclass(frozen=True)
class Result:
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]


def analyse(paths: list[str], *, published: date | None = None, rules_dirs: tuple[str, ...] = (),
            warn: Callable[[str], None] | None = None, stdin=None,
            progress: Callable[[Iterable[Article]], Iterable[Article]] | None = None) -> Result:
    lex = lexicon.load(rules_dirs)
    rules = rulebook.load(rules_dirs)  # loaded first: a bad rule file stops us before any work
    articles: list[Article] = []
    claims: list[Claim] = []
    stream = read_paths(paths, published, warn, stdin=stdin)
    for article in (progress(stream) if progress else stream):
        articles.append(article)
        claims.extend(extract(article, lex))
    return Result(tuple(articles), tuple(claims), tuple(findings_mod.run(rules, claims)))
