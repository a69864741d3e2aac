"""read -> extract -> rules: the one path every command takes."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable

from . import findings as findings_mod
from . import lexicon, rulebook, suppress
from .extract import extract
from .ledger import Ledger, content_hash
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
    ledger_claims: tuple[Claim, ...] = ()  # claims of earlier articles the given ones were checked against
    skipped_unchanged: int = 0


def analyse(paths: list[str], *, published: date | None = None, rules_dirs: tuple[str, ...] = (),
            warn: Callable[[str], None] | None = None, stdin=None, baseline: str | None = None,
            use_markers: bool = True, ledger: str | None = None, changed_only: bool = False,
            progress: Callable[[Iterable[Article]], Iterable[Article]] | None = None) -> Result:
    """Read, extract and run the rules; with a ledger, against every claim it holds.

    With a ledger, only findings that involve a given article are reported, and
    ``changed_only`` skips articles the ledger already holds unchanged.
    """
    lex = lexicon.load(rules_dirs)
    rules = rulebook.load(rules_dirs)  # loaded first: a bad rule file stops us before any work
    known = suppress.read_baseline(baseline) if baseline else None
    store = Ledger.open(ledger) if ledger else None
    articles: list[Article] = []
    claims: list[Claim] = []
    skipped = 0
    try:
        stream = read_paths(paths, published, warn, stdin=stdin) if paths else ()
        for article in (progress(stream) if progress else stream):
            if changed_only and store is not None and store.known_hash(article.id) == content_hash(article):
                skipped += 1
                continue
            articles.append(article)
            claims.extend(extract(article, lex))
        earlier = tuple(store.claims(exclude={a.id for a in articles})) if store is not None else ()
    finally:
        if store is not None:
            store.close()
    if store is not None and not paths:
        claims, earlier = list(earlier), ()  # the whole ledger is the subject
    found = findings_mod.run(rules, claims + list(earlier))
    if earlier:
        given = {c.id for c in claims}
        found = [f for f in found if any(c.id in given for c in f.claims)]
    kept = suppress.apply(found, articles if use_markers else [], known)
    return Result(tuple(articles), tuple(claims), kept.kept, tuple(found), kept.hidden_by_baseline,
                  kept.hidden_by_marker, kept.stale_baseline, kept.unused_markers, earlier, skipped)


def ingest(paths: list[str], ledger: str, *, published: date | None = None, rules_dirs: tuple[str, ...] = (),
           warn: Callable[[str], None] | None = None, stdin=None) -> dict[str, int]:
    """Add articles to the ledger; counts of 'added', 'replaced' and 'unchanged'."""
    lex = lexicon.load(rules_dirs)
    counts = {"added": 0, "replaced": 0, "unchanged": 0}
    with Ledger.open(ledger) as store:
        for article in read_paths(paths, published, warn, stdin=stdin):
            if store.known_hash(article.id) == content_hash(article):
                counts["unchanged"] += 1
                continue
            counts[store.ingest(article, extract(article, lex))] += 1
    return counts
