"""Acknowledged findings: a baseline file, and inline markers in articles.

A baseline holds one fingerprint per finding (rule, articles, quantity and
values; never line numbers, so editing the top of an article does not bring a
finding back). An inline marker silences one or more rules on its own line and
the next, and carries a reason:

    <!-- numcheck: ignore NC101 -- the ministry corrected itself the next day -->
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .model import Article, Finding

BASELINE_VERSION = 1
_MARKER = re.compile(r"<!--\s*numcheck:\s*ignore\s+(?P<rules>[A-Z]{2}\d{3}(?:\s*,\s*[A-Z]{2}\d{3})*)"
                     r"(?:\s*--\s*(?P<reason>.*?))?\s*-->")


@dataclass(frozen=True)
class Marker:
    path: str
    line: int
    rules: tuple[str, ...]
    reason: str


def fingerprint(finding: Finding) -> str:
    """Stable identity of a finding: what it is about, not where it sits."""
    articles = sorted({c.article for c in finding.claims})
    values = sorted(round(c.figure.value, 6) for c in finding.claims)
    key = json.dumps([finding.rule, articles, finding.quantity, values])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def markers(article: Article) -> list[Marker]:
    out = []
    for m in _MARKER.finditer(article.text):
        rules = tuple(r.strip() for r in m.group("rules").split(","))
        out.append(Marker(article.path, article.line_of(m.start()), rules, (m.group("reason") or "").strip()))
    return out


def read_baseline(path: str) -> set[str]:
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("baseline file not found (write one with 'numcheck baseline')", where=path) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"baseline is not a numcheck baseline file ({exc})", where=path) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("findings"), list):
        raise InputError("baseline is not a numcheck baseline file (no 'findings' list)", where=path)
    return {str(item.get("fingerprint")) for item in doc["findings"] if isinstance(item, dict)}


def baseline_document(findings: list[Finding], reason: str = "") -> str:
    items = [{"fingerprint": fingerprint(f), "rule": f.rule, "quantity": f.quantity,
              "values": [c.figure.value for c in f.claims], "articles": sorted({c.article for c in f.claims}),
              "message": f.message, "reason": reason} for f in findings]
    items.sort(key=lambda item: (item["rule"], item["fingerprint"]))
    return json.dumps({"version": BASELINE_VERSION, "findings": items}, indent=2, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class Filtered:
    kept: tuple[Finding, ...]
    hidden_by_baseline: int
    hidden_by_marker: int
    unused_markers: tuple[Marker, ...]
    stale_baseline: int  # baseline entries no longer found


def apply(findings: list[Finding], articles: list[Article], baseline: set[str] | None = None) -> Filtered:
    found_markers = [m for a in articles for m in markers(a)]
    used: set[Marker] = set()
    kept: list[Finding] = []
    by_baseline = by_marker = 0
    seen_prints: set[str] = set()
    for finding in findings:
        print_ = fingerprint(finding)
        seen_prints.add(print_)
        if baseline and print_ in baseline:
            by_baseline += 1
            continue
        silenced = [m for m in found_markers if finding.rule in m.rules and any(
            c.path == m.path and m.line <= c.line <= m.line + 1 for c in finding.claims)]
        if silenced:
            used.update(silenced)
            by_marker += 1
            continue
        kept.append(finding)
    unused = tuple(m for m in found_markers if m not in used)
    stale = len(baseline - seen_prints) if baseline else 0
    return Filtered(tuple(kept), by_baseline, by_marker, unused, stale)

