"""Extraction time on adversarial text of growing size: does any input make numcheck super-linear?

    python benchmarks/adversarial.py                      # 10 KB, 100 KB, 1 MB; 60 s per run at most
    python benchmarks/adversarial.py --sizes 10000,100000 --timeout 20 --only quotes,more_than

Each case is a string built to stress one part of extraction: long runs of
digits and commas ("1,1,1,..."), of numbers ("1 1 1 ..."), of number words, of
capitalised words (names, sources), of hedges ("more than more than ..."),
thousands of quote marks, one very long sentence, and endless sentences of dated
statements, quotes and their speakers, asides, money and its parts, and totals. Each size runs in a
process of its own, so a run that takes too long is stopped at --timeout and
the larger sizes of that case are skipped.

A case is flagged when its time grows more than 20x for 10x more text (linear
is 10x; quadratic is 100x), or when a run hits the timeout. Times under
--floor seconds are too small to judge and are not flagged. Exit code 1 when
any case is flagged, so the script can gate a CI job.
"""
from __future__ import annotations

import argparse
import math
import multiprocessing as mp
import random
import sys
import time
from datetime import date

from numcheck import lexicon
from numcheck.extract import extract
from numcheck.model import Article

SIZES = (10_000, 100_000, 1_000_000)
GROWTH_LIMIT = 20.0  # time ratio per 10x size above which a case is flagged


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _capitalised(size: int) -> str:
    rng = random.Random(7)
    words, total = [], 0
    while total < size:
        word = "".join(rng.choice("BCDFGHJKLMNPRSTVW") + rng.choice("aeiou") + rng.choice("lmnrst")
                       for _ in range(rng.randint(1, 3))).capitalize()
        words.append(word)
        total += len(word) + 1
    return " ".join(words)[:size]


CASES = {
    "digits_commas": lambda n: _repeat("1,", n),  # one giant "1,1,1,...": a number with endless thousands?
    "digits_spaces": lambda n: _repeat("1 ", n),  # a figure every two characters
    "digit_run": lambda n: "9" * n,  # one number of n digits
    "decimal_points": lambda n: _repeat("1.", n),
    "number_words": lambda n: _repeat("one hundred and twenty-three thousand four hundred and fifty-six ", n),
    "capitalised_words": _capitalised,  # one endless proper name, or endless source candidates
    "more_than": lambda n: _repeat("more than ", n) + " 5 people",
    "quotes_straight": lambda n: '"' * n,
    "quotes_curly": lambda n: _repeat("\u201c", n // 2) + _repeat("\u201d", n - n // 2),
    "quoted_figures": lambda n: _repeat('"some 40 people died," ', n),
    "long_sentence": lambda n: _repeat("and the mayor said that some 40 people had died in the town while police "
                                       "told reporters that 300 homes were lost ", n),
    "long_sentence_no_figures": lambda n: _repeat("and the river rose over the banks of the old town ", n),
    "said_chains": lambda n: _repeat("the minister said the official told Reuters ", n) + "that 40 died.",
    # one endless sentence of dated statements, times, money, parts and asides
    "dated_statements": lambda n: _repeat("police said on Monday that 40 people died in the third quarter and ", n),
    "quoted_speakers": lambda n: _repeat("\u201c40 people died,\u201d police said ", n),
    "said_in": lambda n: _repeat("the mayor said in the town that 40 homes were lost on Friday and ", n),
    "money_parts": lambda n: _repeat("the council spent £40m, including £12m on roads, and another £3m of it ", n),
    "asides": lambda n: _repeat("the race, which was first held in 1984, raised $4.6m in 2023 and ", n),
    "subject_sentences": lambda n: _repeat("Turnout rose to 40 per cent. ", n),  # a capitalised subject per figure
    "totals": lambda n: _repeat("In total 2,600 homes were flooded across the borough. In Brayside alone 1,900 homes "
                                "were flooded. ", n),
}


def _human(size: int) -> str:
    return f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1_000} KB"


def _time_one(case: str, size: int, lex, conn) -> None:
    text = CASES[case](size)
    article = Article(id=case, path=f"{case}.txt", text=text, published=date(2024, 11, 1))
    start = time.perf_counter()
    claims = extract(article, lex)
    conn.send((time.perf_counter() - start, len(claims)))
    conn.close()


def measure(case: str, size: int, lex, timeout: float) -> tuple[float | None, int]:
    """(seconds, claims) for one run, or (None, 0) when it ran past ``timeout``."""
    context = mp.get_context("fork")  # the child shares the loaded lexicon
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_time_one, args=(case, size, lex, send))
    process.start()
    send.close()
    if receive.poll(timeout):
        try:
            seconds, count = receive.recv()
        except EOFError:  # the child died (out of memory, say)
            seconds, count = None, 0
        process.join()
        return seconds, count
    process.kill()
    process.join()
    return None, 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="characters, comma-separated")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per run before it is stopped")
    parser.add_argument("--floor", type=float, default=0.05, help="times below this are not judged")
    parser.add_argument("--only", default="", help="comma-separated case names (default: all)")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    cases = [c for c in CASES if not args.only or c in args.only.split(",")]
    lex = lexicon.load()
    extract(Article(id="warm", path="warm.txt", text="Some 40 people died, police said.",
                    published=date(2024, 11, 1)), lex)  # compile the patterns once, outside the timings

    width = max(len(c) for c in cases)
    header = f"{'case':<{width}}  " + "  ".join(f"{_human(s):>9}" for s in sizes)
    header += "  " + "  ".join(f"{'x' + _human(b) + '/' + _human(a):>14}" for a, b in zip(sizes, sizes[1:]))
    print(header + "  claims@last  verdict")
    flagged = []
    for case in cases:
        times: list[float | None] = []
        claims = 0
        for size in sizes:
            if times and times[-1] is None:
                times.append(None)  # the smaller size already timed out
                continue
            seconds, count = measure(case, size, lex, args.timeout)
            times.append(seconds)
            if seconds is not None:
                claims = count
        ratios, reasons = [], []
        for (a, ta), (b, tb) in zip(zip(sizes, times), zip(sizes[1:], times[1:])):
            if ta is None or tb is None:
                ratios.append(None)
                continue
            per_10x = (tb / max(ta, 1e-9)) ** (1 / max(1e-9, math.log10(b / a)))
            ratios.append(per_10x)
            if per_10x > GROWTH_LIMIT and tb >= args.floor:
                reasons.append(f"x{per_10x:.0f} per 10x size")
        if any(t is None for t in times):
            reasons.append(f"timed out (> {args.timeout:g} s)")
        cells = "  ".join(f"{t:>8.3f}s" if t is not None else f"{'>' + format(args.timeout, 'g') + 's':>9}"
                          for t in times)
        growth = "  ".join(f"{r:>14.1f}" if r is not None else f"{'-':>14}" for r in ratios)
        verdict = "SUPER-LINEAR: " + ", ".join(reasons) if reasons else "ok"
        if reasons:
            flagged.append(case)
        print(f"{case:<{width}}  {cells}  {growth}  {claims:>11}  {verdict}", flush=True)
    print()
    print(f"growth columns: time ratio per 10x more text (linear ~10, quadratic ~100); flagged above "
          f"{GROWTH_LIMIT:g}. {len(flagged)} of {len(cases)} cases flagged" + (f": {', '.join(flagged)}"
                                                                             if flagged else "."))
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
