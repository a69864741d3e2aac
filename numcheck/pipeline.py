"""read -> extract -> rules: the one path every command takes."""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import Callable, Iterable, Iterator

from . import findings as findings_mod
from . import lexicon, rulebook, suppress
from .names import one_name_per_source
from .extract import extract
from .ledger import Ledger, content_hash
from .model import Article, Claim, Finding
from .read import read_paths


_WORKER_LEXICON = None


def _worker_start(rules_dirs: tuple[str, ...]) -> None:
    global _WORKER_LEXICON
    _WORKER_LEXICON = lexicon.load(rules_dirs)


def _worker_extract(article: Article) -> list[Claim]:
    return extract(article, _WORKER_LEXICON)


def extract_stream(articles: Iterable[Article], rules_dirs: tuple[str, ...] = (),
                   jobs: int = 1) -> Iterator[tuple[Article, list[Claim]]]:
    """(article, claims) in input order; with jobs > 1, extraction runs in that many processes.

    Work is handed out in batches so memory stays flat on an archive of any size.
    """
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs <= 1:
        lex = lexicon.load(rules_dirs)
        for article in articles:
            yield article, extract(article, lex)
        return
    batch_size = jobs * 16
    with ProcessPoolExecutor(jobs, initializer=_worker_start, initargs=(rules_dirs,)) as pool:
        iterator = iter(articles)
        while batch := list(islice(iterator, batch_size)):
            yield from zip(batch, pool.map(_worker_extract, batch, chunksize=4))


@dataclass(frozen=True)
class Result:
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]  # what is left after the baseline and inline markers
    hidden_by_baseline: int = 0
    hidden_by_marker: int = 0
    stale_baseline: int = 0
    unused_markers: tuple[suppress.Marker, ...] = ()
    ledger_claims: tuple[Claim, ...] = ()  # claims of earlier articles the given ones were checked against
    skipped_unchanged: int = 0


def analyse(paths: list[str], *, published: date | None = None, rules_dirs: tuple[str, ...] = (),
            warn: Callable[[str], None] | None = None, stdin=None, baseline: str | None = None,
            use_markers: bool = True, ledger: str | None = None, changed_only: bool = False,
            jobs: int = 1, progress: Callable[[Iterable[Article]], Iterable[Article]] | None = None,
            engine: str = "local", scheduler: str | None = None) -> Result:
    """Read, extract and run the rules; with a ledger, against every claim it holds.

    With a ledger, only findings that involve a given article are reported, and
    ``changed_only`` skips articles the ledger already holds unchanged.
    """
    lexicon.load(rules_dirs)
    rules = rulebook.load(rules_dirs)  # loaded first: a bad rule file stops us before any work
    known = suppress.read_baseline(baseline) if baseline else None
    if engine == "dask":
        # Extraction mapped over a Dask cluster, claims through Parquet; the rules run here.
        from .engines.dask_engine import analyse as dask_analyse

        claims, found = dask_analyse(list(paths), published=published, rules_dirs=rules_dirs,
                                     scheduler=scheduler, warn=warn)
        kept = suppress.apply(found, [], known)
        return Result((), tuple(claims), kept.kept, kept.hidden_by_baseline)
    store = Ledger.open(ledger) if ledger else None
    articles: list[Article] = []
    claims: list[Claim] = []
    skipped = 0
    try:
        stream = read_paths(paths, published, warn, stdin=stdin) if paths else iter(())
        stream = progress(stream) if progress else stream
        if changed_only and store is not None:
            def unchanged(article: Article) -> bool:
                nonlocal skipped
                same = store.known_hash(article.id) == content_hash(article)
                skipped += same
                return same
            stream = (a for a in stream if not unchanged(a))
        for article, found_claims in extract_stream(stream, rules_dirs, jobs):
            articles.append(article)
            claims.extend(found_claims)
        earlier = tuple(store.claims(exclude={a.id for a in articles})) if store is not None else ()
    finally:
        if store is not None:
            store.close()
    if store is not None and not paths:
        claims, earlier = list(earlier), ()  # the whole ledger is the subject
    unified = one_name_per_source(claims + list(earlier))
    claims, earlier = unified[:len(claims)], tuple(unified[len(claims):])
    found = findings_mod.run(rules, claims + list(earlier), {a.id: a.text for a in articles},
                             story_skip_words(rules_dirs))
    if earlier:
        given = {c.id for c in claims}
        found = [f for f in found if any(c.id in given for c in f.claims)]
    kept = suppress.apply(found, articles if use_markers else [], known)
    return Result(tuple(articles), tuple(claims), kept.kept, kept.hidden_by_baseline,
                  kept.hidden_by_marker, kept.stale_baseline, kept.unused_markers, earlier, skipped)


def story_skip_words(rules_dirs: tuple[str, ...]) -> frozenset[str]:
    """Words that say nothing about which story an article tells."""
    lex = lexicon.load(rules_dirs)
    return (lex.wordset("nouns", "stopwords") | lex.wordset("nouns", "verbs") | lex.wordset("speech", "verbs")
            | lex.wordset("text", "generic_words"))


def ingest(paths: list[str], ledger: str, *, published: date | None = None, rules_dirs: tuple[str, ...] = (),
           warn: Callable[[str], None] | None = None, stdin=None, jobs: int = 1) -> dict[str, int]:
    """Add articles to the ledger; counts of 'added', 'replaced' and 'unchanged'."""
    counts = {"added": 0, "replaced": 0, "unchanged": 0}
    with Ledger.open(ledger) as store:
        def new(article: Article) -> bool:
            if store.known_hash(article.id) == content_hash(article):
                counts["unchanged"] += 1
                return False
            return True
        stream = (a for a in read_paths(paths, published, warn, stdin=stdin) if new(a))
        for article, claims in extract_stream(stream, rules_dirs, jobs):
            counts[store.ingest(article, claims)] += 1
    return counts


def iter_claims(paths: list[str], *, published: date | None = None, rules_dirs: tuple[str, ...] = (),
                warn: Callable[[str], None] | None = None, stdin=None, jobs: int = 1,
                progress: Callable[[Iterable[Article]], Iterable[Article]] | None = None) -> Iterator[Claim]:
    """Claims one article at a time, for exports of archives too big to hold."""
    stream = read_paths(paths, published, warn, stdin=stdin)
    for _, claims in extract_stream(progress(stream) if progress else stream, rules_dirs, jobs):
        yield from claims
