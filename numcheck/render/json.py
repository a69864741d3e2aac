"""The JSON document: a versioned wire format with the claims and the findings."""
from __future__ import annotations

import json

from .. import __version__
from ..model import Claim, Finding
from .rows import claim_row, finding_row

SCHEMA_VERSION = 1


def render(claims: list[Claim], findings: list[Finding]) -> str:
    doc = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "numcheck", "version": __version__},
        "findings": [{**finding_row(f), "claim_ids": [c.id for c in f.claims],
                      "locations": [{"path": c.path, "line": c.line} for c in f.claims]} for f in findings],
        "claims": [claim_row(c) for c in claims],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
