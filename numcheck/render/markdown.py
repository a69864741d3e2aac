"""The Markdown report: verdict first, then each finding with its evidence, then
one table per quantity ordered by date (with a chart where it moved), then every
figure read. Deterministic: no clock, no absolute paths."""
from __future__ import annotations

from collections import defaultdict

from .. import __version__
from ..findings import describe_when, period
from ..model import Article, Claim, Finding
from .rows import number

_CELL_MAX = 160


def _cell(text: str) -> str:
    text = " ".join(str(text).split()).replace("|", "\\|")
    return text if len(text) <= _CELL_MAX else text[:_CELL_MAX - 1] + "…"


def _value(c: Claim) -> str:
    v = number(c.figure.value)
    unit = c.figure.unit
    shown = f"{v:,}" if isinstance(v, int) else f"{v:,.6g}"
    return f"{shown} {unit}".strip()


def _level_word(n: int, level: str) -> str:
    return f"{n} {level}{'s' if n != 1 else ''}"


def _verdict(findings: list[Finding], articles: list[Article], claims: list[Claim]) -> list[str]:
    counts = {lv: sum(1 for f in findings if f.level == lv) for lv in ("error", "warning", "info")}
    alert = "CAUTION" if counts["error"] else "WARNING" if counts["warning"] else "NOTE"
    found = ", ".join(_level_word(n, lv) for lv, n in counts.items() if n) or "No findings"
    n_art = len(articles)
    return [f"> [!{alert}]",
            f"> {found} in {n_art} article{'s' if n_art != 1 else ''}; {len(claims)} figures read.", ""]


def _claims_table(claims: list[Claim]) -> list[str]:
    lines = ["| Said on | Figure | Value | Source | Via | Modality | Where |",
             "| --- | --- | ---: | --- | --- | --- | --- |"]
    for c in claims:
        lines.append(f"| {_cell(describe_when(c))} | {_cell(c.figure.text)} | {_cell(_value(c))} | {_cell(c.source)} | "
                     f"{_cell(c.via)} | {c.modality} | `{_cell(c.path)}:{c.line}` |")
    return lines


def _chart(quantity: str, claims: list[Claim]) -> list[str]:
    dated = [c for c in claims if period(c) is not None]
    if len(dated) < 2:
        return []
    labels = ", ".join('"' + f"{period(c)[0].isoformat()} {c.source[:18]}".replace('"', "'") + '"' for c in dated)
    values = [number(c.figure.value) for c in dated]
    top = max(values)
    return ["```mermaid", "xychart-beta", f'    title "{quantity} as reported"',
            f"    x-axis [{labels}]", f'    y-axis "value" 0 --> {number(top * 1.1)}',
            f"    line [{', '.join(str(v) for v in values)}]", "```", ""]


def render(articles: list[Article], claims: list[Claim], findings: list[Finding], *, command: str = "",
           context: list[Claim] = ()) -> str:
    """``context`` holds earlier claims (from the ledger) shown beside the given ones by quantity."""
    articles, claims, findings = list(articles), list(claims), list(findings)
    names = ", ".join(f"`{a.path}`" for a in articles[:5]) + (" …" if len(articles) > 5 else "")
    out = [f"# numcheck report: {names}", ""]
    out += _verdict(findings, articles, claims)
    undated = [a for a in articles if a.published is None]
    if undated:
        out += [f"Without a publication date, relative dates (\"last week\", \"on Wednesday\") in "
                f"{len(undated)} article{'s' if len(undated) != 1 else ''} stay as written and their figures "
                "are not placed in time; give one with `--published` or front matter `published:`.", ""]

    out += ["## Findings", ""]
    if not findings:
        out += ["No figures disagree.", ""]
    for number_, f in enumerate(findings, start=1):
        out += [f"### {number_}. {f.rule} {f.name} ({f.level}): {f.quantity}", "", f.message, ""]
        out += _claims_table(list(f.claims)) + [""]
        seen = set()
        for c in f.claims:
            if (c.article, c.sentence) in seen:
                continue
            seen.add((c.article, c.sentence))
            out.append(f"> {_cell(c.sentence_text) if len(c.sentence_text) > 400 else c.sentence_text}  ")
            out.append(f"> — `{c.path}:{c.line}`")
            out.append("")
        out += [f"Why it fired: {f.why}.", ""]

    by_quantity: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.quantity:
            by_quantity[c.quantity].append(c)
    for c in context:
        if c.quantity in by_quantity:
            by_quantity[c.quantity].append(c)
    moved = {f.quantity for f in findings if f.kind == "drift"}
    out += ["## Quantities", ""]
    for quantity in sorted(by_quantity, key=lambda q: (-len(by_quantity[q]), q)):
        group = sorted(by_quantity[quantity], key=lambda c: (period(c) or (c.published,))[0] or c.line)
        if len(group) < 2:
            continue
        out += [f"### {quantity}", ""] + _claims_table(group) + [""]
        if quantity in moved:
            out += _chart(quantity, [c for c in group if c.modality in ("stated", "estimate") and not c.part_of])
    out += ["## All figures", "",
            "| Line | Figure | Value | Counted | Quantity | Source | Said on | Modality | Note |",
            "| ---: | --- | ---: | --- | --- | --- | --- | --- | --- |"]
    by_id = {c.id: c for c in claims}
    for c in claims:
        whole = by_id.get(c.part_of)
        note = f"part of {whole.figure.text} (line {whole.line})" if whole else ""
        out.append(f"| {c.line} | {_cell(c.figure.text)} | {_cell(_value(c))} | {_cell(c.counted)} | "
                   f"{_cell(c.quantity)} | {_cell(c.source)} | {_cell(describe_when(c))} | {c.modality} | "
                   f"{_cell(note)} |")
    out += ["", f"<sub>numcheck {__version__}" + (f" · `{command}`" if command else "") + "</sub>", ""]
    return "\n".join(out)
