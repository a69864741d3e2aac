"""read -> extract -> rules: the one path every command takes."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable

from . import findings as findings_mod
from . import lexicon, rulebook, suppress
from .extract import extract
from .model import Article, Claim, Finding
from .read import read_paths


@dataclass(frozen=True)
class Result:
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]  # what is left after the baseline and inline markers
    all_findings: tuple[Finding, ...] = ()
    hidden_by_baseline: int = 0
    hidden_by_marker: int = 0
    stale_baseline: int = 0
    unused_markers: tuple[suppress.Marker, ...] = ()


def analyse(paths: list[str], *, published: date | None = None, rules_dirs: tuple[str, ...] = (),
            warn: Callable[[str], None] | None = None, stdin=None, baseline: str | None = None,
            use_markers: bool = True,
            progress: Callable[[Iterable[Article]], Iterable[Article]] | None = None) -> Result:
    lex = lexicon.load(rules_dirs)
    rules = rulebook.load(rules_dirs)  # loaded first: a bad rule file stops us before any work
    known = suppress.read_baseline(baseline) if baseline else None
    articles: list[Article] = []
    claims: list[Claim] = []
    stream = read_paths(paths, published, warn, stdin=stdin)
    for article in (progress(stream) if progress else stream):
        articles.append(article)
        claims.extend(extract(article, lex))
    found = findings_mod.run(rules, claims)
    kept = suppress.apply(found, articles if use_markers else [], known)
    return Result(tuple(articles), tuple(claims), kept.kept, tuple(found), kept.hidden_by_baseline,
                  kept.hidden_by_marker, kept.stale_baseline, kept.unused_markers)
