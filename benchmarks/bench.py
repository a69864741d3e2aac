#!/usr/bin/env python3
"""Throughput and cold-start benchmark: numcheck extraction against plain quantulum3.

Builds a corpus of >= 1,000 distinct articles from the labelled corpus and the
seed (deterministic variants: sentences shuffled, numbers scaled, sentences
swapped between articles, publication dates shifted), or reads one from JSONL;
then times numcheck's `extract` and `quantulum3.parser.parse` on the same texts
in one process, and the cold start of both from a shell.

  python benchmarks/bench.py                 # throughput + cold start + summary
  python benchmarks/bench.py --profile       # cProfile of numcheck extraction only
  python benchmarks/bench.py --import-time   # import times of `numcheck check` only
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import random
import re
import statistics
import subprocess
import sys
import time
import warnings
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_7b0e9a8535a782d9.txt"
SEED_PUBLISHED = date(2024, 11, 1)
FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.S)
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")
# A number: 11,000 / 1.2 / 450 (not inside a word such as F-16 or Su-25).
NUMBER = re.compile(r"(?<![\w.,-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w-]|[.,]\d)")
MONTH = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$|^\s*(?:of\s+)?"
                   r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
FACTORS = (2, 3, 0.5, 1.5, 4, 0.25, 10, 7, 1.2, 0.8)
KB = 1024


# ---- corpus ---------------------------------------------------------------------------------

def base_articles() -> list[tuple[str, str, date]]:
    """(id, body, published) for the labelled articles and the seed, front matter stripped."""
    out = []
    for path in sorted((ROOT / "tests" / "corpus" / "articles").glob("*.md")) + [SEED]:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        published = SEED_PUBLISHED
        m = FRONT.match(text)
        if m:
            found = re.search(r"^published:\s*['\"]?(\d{4}-\d{2}-\d{2})", m.group(1) or "", re.M)
            published = date.fromisoformat(found.group(1)) if found else SEED_PUBLISHED
            text = text[m.end():]
        out.append((path.stem, text.strip() + "\n", published))
    return out


def split_sentences(body: str) -> list[list[str]]:
    """Paragraphs (lines) of sentences."""
    return [SENTENCE_END.split(line) for line in body.splitlines() if line.strip()]


def join(paragraphs: list[list[str]]) -> str:
    return "\n".join(" ".join(p) for p in paragraphs if p) + "\n"


def scale_numbers(body: str, factor: float) -> str:
    """Every number times ``factor``, written the same way; years and days of months left alone."""
    def repl(m: re.Match) -> str:
        whole, frac = m.group(1), m.group(2) or ""
        value = float(whole.replace(",", "") + frac)
        if not frac and "," not in whole and (1800 <= value <= 2100 and len(whole) == 4):
            return m.group(0)  # a year
        if value <= 31 and (MONTH.search(body[max(0, m.start() - 12):m.start()])
                            or MONTH.match(body[m.end():m.end() + 8])):
            return m.group(0)  # a day of a month
        scaled = value * factor
        if frac:
            return f"{scaled:.{len(frac) - 1}f}"
        scaled = max(1, round(scaled))
        return f"{scaled:,}" if "," in whole else str(scaled)
    return NUMBER.sub(repl, body)


def make_corpus(n: int, seed: int) -> list[tuple[str, str, date]]:
    """``n`` distinct (id, text, published): the originals, then variants of them."""
    bases = base_articles()
    corpus = list(bases[:n])
    seen = {text for _, text, _ in corpus}
    i = 0
    while len(corpus) < n:
        i += 1
        rng = random.Random(seed * 1_000_003 + i)
        ident, body, published = bases[i % len(bases)]
        paragraphs = split_sentences(scale_numbers(body, FACTORS[(i // len(bases)) % len(FACTORS)]))
        if i % 3 == 0:  # swap about a third of the sentences with another article's
            _, other, _ = bases[rng.randrange(len(bases))]
            donor = [s for p in split_sentences(other) for s in p]
            for p in paragraphs:
                for k in range(len(p)):
                    if rng.random() < 0.33:
                        p[k] = rng.choice(donor)
        for p in paragraphs:
            rng.shuffle(p)
        rng.shuffle(paragraphs)
        text = join(paragraphs)
        if text not in seen:
            seen.add(text)
            corpus.append((f"{ident}~v{i}", text, published + timedelta(days=rng.randrange(-200, 200))))
        if i > 50 * n:
            sys.exit(f"bench: could only make {len(corpus)} distinct articles")
    return corpus


def read_jsonl(path: str) -> list[tuple[str, str, date]]:
    corpus = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                rec = json.loads(line)
                published = str(rec.get("published") or "")[:10]
                corpus.append((str(rec.get("id") or number), rec.get("text") or rec.get("body") or "",
                               date.fromisoformat(published) if published else SEED_PUBLISHED))
    return corpus


# ---- measurements -------------------------------------------------------------------------------

def load_numcheck():
    """(lexicon, extract, Article, import seconds, lexicon.load seconds)."""
    t0 = time.perf_counter()
    from numcheck import lexicon
    from numcheck.extract import extract
    from numcheck.model import Article
    t1 = time.perf_counter()
    lex = lexicon.load()
    return lex, extract, Article, t1 - t0, time.perf_counter() - t1


# Not in the corpus: warms the lazily compiled patterns and the lazy dateparser import.
WARM_UP = "The ministry said on 3 March 2001 that some 1,200 people, 40% of them children, had fled."


def time_numcheck(corpus, lex, extract, Article) -> tuple[list[float], int, float]:
    """Seconds per article, claims found, warm-up seconds."""
    t = time.perf_counter()
    extract(Article(id="warm", path="warm", text=WARM_UP, published=date(2001, 3, 5)), lex)
    warm = time.perf_counter() - t
    per_article, claims = [], 0
    for ident, text, published in corpus:
        article = Article(id=ident, path=ident, text=text, published=published)
        t = time.perf_counter()
        claims += len(extract(article, lex))
        per_article.append(time.perf_counter() - t)
    return per_article, claims, warm


def time_quantulum(texts) -> tuple[float, int, float, float, bool]:
    """Seconds for the texts, quantities found, import and first-call (unit loading) seconds, no classifier?"""
    t = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:  # "Classifier dependencies not installed"
        warnings.simplefilter("always")
        from quantulum3 import parser
        t1 = time.perf_counter()
        parser.parse("1 km")
        t2 = time.perf_counter()
        found = sum(len(parser.parse(text)) for text in texts)
        elapsed = time.perf_counter() - t2
    no_classifier = any("Classifier" in str(w.message) for w in caught)
    return elapsed, found, t1 - t, t2 - t1, no_classifier


def wall(cmd: list[str], repeat: int, ok=(0,)) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        times.append(time.perf_counter() - t)
        if proc.returncode not in ok:
            sys.exit(f"bench: {' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr}")
    return statistics.median(times)


def numcheck_exe() -> str:
    exe = Path(sys.executable).parent / "numcheck"
    if not exe.exists():
        sys.exit(f"bench: no numcheck executable next to {sys.executable}; run with the venv's python")
    return str(exe)


def import_times(top: int) -> None:
    """-X importtime of a real `numcheck check` run on the seed (lazy imports included)."""
    code = ("import sys; from numcheck.cli import main; "
            f"sys.argv = ['numcheck', 'check', {str(SEED)!r}, '--published', '2024-11-01']; main()")
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, cwd=ROOT)
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if m:
            rows.append((int(m.group(1)) / 1e3, int(m.group(2)) / 1e3, len(m.group(3)) // 2, m.group(4)))
    total = sum(r[0] for r in rows)
    top_level = sum(r[1] for r in rows if r[2] == 0)
    print(f"\nimport time of `numcheck check {SEED.relative_to(ROOT)}`: {len(rows)} modules, "
          f"{total:.0f} ms in total (top-level imports' cumulative sum {top_level:.0f} ms)")
    for title, key in (("self", 0), ("cumulative", 1)):
        print(f"\ntop {top} by {title} time (ms):   self   cumul  module")
        for self_ms, cum_ms, depth, name in sorted(rows, key=lambda r: -r[key])[:top]:
            print(f"  {self_ms:21.1f} {cum_ms:7.1f}  {'  ' * min(depth, 6)}{name}")


def revision() -> str:
    """The commit measured, and whether numcheck's code or rules differ from it."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=ROOT, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "numcheck", "rules"], capture_output=True,
                               text=True, cwd=ROOT).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return f"commit {head}" + (" + uncommitted changes to numcheck/ or rules/" if dirty else "")


def machine() -> str:
    cpu = platform.processor()
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{platform.platform()}, {cpu or 'cpu'} x {os.cpu_count()}, Python {platform.python_version()}"


# ---- main -----------------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", metavar="JSONL", help="read articles from JSON Lines (text or body, optional "
                                                       "id, published) instead of generating them")
    ap.add_argument("--articles", type=int, default=1200, metavar="N", help="articles to generate (default 1200)")
    ap.add_argument("--seed", type=int, default=0, help="random seed for the variants (default 0)")
    ap.add_argument("--save-corpus", metavar="JSONL", help="write the corpus used to this file")
    ap.add_argument("--q-sample", type=int, default=300, metavar="N",
                    help="articles quantulum3 parses, spread evenly over the corpus (default 300)")
    ap.add_argument("--repeat", type=int, default=3, metavar="N", help="cold-start runs per command (default 3)")
    ap.add_argument("--profile", action="store_true", help="only profile numcheck extraction (top 25 cumulative)")
    ap.add_argument("--import-time", action="store_true", help="only show import times of `numcheck check`")
    args = ap.parse_args()

    rev = revision()
    print(f"machine: {machine()}\nnumcheck: {rev}")
    if args.import_time:
        import_times(15)
        if not args.profile:
            return

    corpus = read_jsonl(args.corpus) if args.corpus else make_corpus(args.articles, args.seed)
    sizes = [len(text.encode("utf-8")) for _, text, _ in corpus]
    total_kb = sum(sizes) / KB
    print(f"corpus: {len(corpus)} articles ({len({t for _, t, _ in corpus})} distinct), {total_kb:.0f} KB, "
          f"{'read from ' + args.corpus if args.corpus else 'generated, seed %d' % args.seed}")
    if args.save_corpus:
        with open(args.save_corpus, "w", encoding="utf-8") as out:
            for ident, text, published in corpus:
                out.write(json.dumps({"id": ident, "published": str(published), "text": text}) + "\n")

    lex, extract, Article, import_s, load_s = load_numcheck()
    print(f"numcheck: import {import_s * 1e3:.0f} ms, lexicon.load() {load_s * 1e3:.0f} ms (excluded below)")

    if args.profile:
        extract(Article(id="warm", path="warm", text=WARM_UP, published=date(2001, 3, 5)), lex)
        prof = cProfile.Profile()
        prof.enable()
        for ident, text, published in corpus:
            extract(Article(id=ident, path=ident, text=text, published=published), lex)
        prof.disable()
        stats = pstats.Stats(prof, stream=sys.stdout).strip_dirs()
        print("\nprofile of numcheck extraction (after a warm-up call), top 25 by cumulative time:")
        stats.sort_stats("cumulative").print_stats(25)
        print("top 15 by own time (tottime):")
        stats.sort_stats("tottime").print_stats(15)
        return

    per_article, claims, warm_s = time_numcheck(corpus, lex, extract, Article)
    nc_s = sum(per_article)
    print(f"numcheck extract: first call {warm_s * 1e3:.0f} ms (pattern compile, dateparser import; excluded), "
          f"{len(corpus)} articles in {nc_s:.2f} s, {claims} claims")

    step = max(1, len(corpus) / max(1, args.q_sample))
    sample = sorted({int(k * step) for k in range(min(args.q_sample, len(corpus)))})
    q_s, quantities, q_import, q_warm, no_clf = time_quantulum([corpus[k][1] for k in sample])
    sample_kb = sum(sizes[k] for k in sample) / KB
    nc_sample_s = sum(per_article[k] for k in sample)
    print(f"quantulum3 parse: import {q_import * 1e3:.0f} ms, first call {q_warm:.2f} s (unit loading; excluded), "
          f"{len(sample)} articles ({sample_kb:.0f} KB) in {q_s:.2f} s, {quantities} quantities")

    nc_rate, nc_kbs = len(corpus) / nc_s, total_kb / nc_s
    q_rate, q_kbs = len(sample) / q_s, sample_kb / q_s
    ratio = (sample_kb / nc_sample_s) / q_kbs  # on the same sample, so article sizes match

    exe = numcheck_exe()
    nc_cold = wall([exe, "check", str(SEED), "--published", "2024-11-01"], args.repeat, ok=(0, 1))
    q_cold = wall([sys.executable, "-c", "from quantulum3 import parser; parser.parse('1 km')"], args.repeat)
    py_cold = wall([sys.executable, "-c", "pass"], args.repeat)

    print(f"""
---- summary ----
machine: {machine()}
numcheck: {rev}
corpus: {len(corpus)} articles, {total_kb / KB:.1f} MB
numcheck extraction: {nc_rate:6.0f} articles/s, {nc_kbs:6.0f} KB/s (1 core, all {len(corpus)} articles)
quantulum3 parse:    {q_rate:6.0f} articles/s, {q_kbs:6.0f} KB/s (1 core, sample of {len(sample)}{', no classifier' if no_clf else ''})
ratio: numcheck is {ratio:.1f}x {'faster' if ratio >= 1 else 'slower'} than quantulum3 (KB/s on the same {len(sample)} articles)
one-time costs: numcheck import {import_s:.2f} s + lexicon {load_s:.2f} s + first call {warm_s:.2f} s; \
quantulum3 import {q_import:.2f} s + first call {q_warm:.2f} s
cold start: numcheck check {nc_cold:.2f} s, quantulum3 one-liner {q_cold:.2f} s \
(median of {args.repeat}; bare python {py_cold:.2f} s)""")


if __name__ == "__main__":
    main()
