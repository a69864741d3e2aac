"""CSV and JSON Lines exports of the claims or findings table, through pandas."""
from __future__ import annotations

import json
from typing import Iterable, TextIO

from ..model import Claim, Finding
from .rows import CLAIM_COLUMNS, FINDING_COLUMNS, claim_row, finding_row


def frame(table: str, claims: Iterable[Claim], findings: Iterable[Finding]):
    import pandas as pd  # pandas costs a third of a second to import; only exports need it

    if table == "claims":
        rows, columns = [claim_row(c) for c in claims], CLAIM_COLUMNS
    else:
        rows, columns = [finding_row(f) for f in findings], FINDING_COLUMNS
    # object columns keep 11550 an integer beside an empty cell, instead of 11550.0
    return pd.DataFrame(rows, columns=list(columns), dtype=object)


def _text(df, fmt: str, header: bool) -> str:
    if fmt == "csv":
        return df.to_csv(index=False, lineterminator="\n", header=header)
    lines = []
    for record in df.to_dict(orient="records"):
        clean = {k: (None if _missing(v) else v) for k, v in record.items()}
        lines.append(json.dumps(clean, ensure_ascii=False, default=str))
    return "".join(line + "\n" for line in lines)


def render(table: str, fmt: str, claims: Iterable[Claim], findings: Iterable[Finding]) -> str:
    return _text(frame(table, claims, findings), fmt, header=True)


def write_claims(fmt: str, claims: Iterable[Claim], handle: TextIO, chunk: int = 5000) -> int:
    """Stream the claims table to ``handle`` in chunks, so an archive never sits in memory."""
    written, header, batch = 0, True, []
    for claim in claims:
        batch.append(claim)
        if len(batch) >= chunk:
            handle.write(_text(frame("claims", batch, ()), fmt, header))
            written, header, batch = written + len(batch), False, []
    if batch or header:
        handle.write(_text(frame("claims", batch, ()), fmt, header))
        written += len(batch)
    return written


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value)
