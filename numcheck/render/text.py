"""`path:line: level rule message`, one finding a line, for people and for grep."""
from __future__ import annotations

from ..model import Finding
from .rows import primary_claim


def render(findings: list[Finding], focus: set[str] | None = None) -> str:
    lines = []
    for f in findings:
        first = primary_claim(f, focus)
        lines.append(f"{first.path}:{first.line}: {f.level} {f.rule} {f.message}")
    return "".join(line + "\n" for line in lines)


def summary(findings: list[Finding], articles: int, claims: int) -> str:
    counts = {level: sum(1 for f in findings if f.level == level) for level in ("error", "warning", "info")}
    found = ", ".join(f"{n} {level}{'s' if n != 1 else ''}" for level, n in counts.items() if n) or "no findings"
    return f"{found} in {articles} article{'s' if articles != 1 else ''} ({claims} figures read)"
