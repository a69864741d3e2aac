"""Claims and findings as flat rows, in the column order of the design's contract."""
from __future__ import annotations

from ..model import Claim, Finding

CLAIM_COLUMNS = ("article", "sentence", "start", "end", "line", "text", "value", "low", "high", "approx",
                 "unit", "counted", "quantity", "source", "via", "said_on", "said_on_grain", "modality",
                 "source_type", "refers_to", "part_of", "path", "published", "claim_id")
FINDING_COLUMNS = ("rule", "kind", "level", "quantity", "values", "sources", "articles", "message",
                   "name", "lines", "claims", "why")


def primary_claim(finding: Finding, focus: set[str] | None = None) -> Claim:
    """The claim a one-line report points at: the first in an article being checked
    (not one from the ledger), else the first."""
    if focus:
        for claim in finding.claims:
            if claim.path in focus:
                return claim
    return finding.claims[0]


def number(value: float | None):
    """Plain numbers: 11000 not 11000.0; None stays empty."""
    if value is None:
        return None
    value = round(float(value), 6)
    if value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def claim_row(c: Claim) -> dict:
    f = c.figure
    return {
        "article": c.article, "sentence": c.sentence, "start": f.start, "end": f.end, "line": c.line,
        "text": f.text, "value": number(f.value), "low": number(f.low), "high": number(f.high),
        "approx": f.approx, "unit": f.unit, "counted": c.counted, "quantity": c.quantity,
        "source": c.source, "via": c.via, "said_on": c.said_on.isoformat() if c.said_on else None,
        "said_on_grain": c.said_on_grain or None, "modality": c.modality, "source_type": c.source_type,
        "refers_to": c.refers_to, "part_of": c.part_of, "path": c.path,
        "published": c.published.isoformat() if c.published else None, "claim_id": c.id,
    }


def _fmt(value: float) -> str:
    n = number(value)
    return f"{n:g}" if isinstance(n, float) else str(n)


def finding_row(f: Finding) -> dict:
    def unique(items):
        return list(dict.fromkeys(items))
    return {
        "rule": f.rule, "kind": f.kind, "level": f.level, "quantity": f.quantity,
        "values": "; ".join(_fmt(c.figure.value) for c in f.claims),
        "sources": "; ".join(unique(c.source for c in f.claims)),
        "articles": "; ".join(unique(c.article for c in f.claims)),
        "message": f.message, "name": f.name,
        "lines": "; ".join(f"{c.path}:{c.line}" for c in f.claims),
        "claims": "; ".join(c.id for c in f.claims), "why": f.why,
    }
