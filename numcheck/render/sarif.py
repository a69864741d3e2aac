"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; the driver lists every rule given, each result points at every claim of its
finding, and a partial fingerprint built from what the finding is about (rule,
articles, quantity, values), never from line numbers, so an alert keeps its identity
when a paragraph is added above it. Deterministic: no clock, no absolute paths
added, findings and rules in the order given.
"""
from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import Iterable
from urllib.parse import quote

from .. import __version__
from ..model import Claim, Finding
from ..rulebook import Rule
from ..suppress import fingerprint  # the baseline's identity, so SARIF and baselines agree
from .github import STDIN, posix_path
from .rows import number

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/numcheck/numcheck"
LEVELS = {"info": "note", "warning": "warning", "error": "error"}
FINGERPRINT = "numcheck/v1"


def _uri(path: str) -> dict[str, str]:
    path = posix_path(path)
    if PurePosixPath(path).is_absolute() or PureWindowsPath(path).is_absolute():
        return {"uri": "file://" + quote(path if path.startswith("/") else "/" + path, safe="/:")}
    return {"uri": quote(path, safe="/"), "uriBaseId": "%SRCROOT%"}


def _location(claim: Claim) -> dict:
    said = f"{claim.source}: {claim.figure.text}" if claim.source else claim.figure.text
    return {
        "physicalLocation": {
            "artifactLocation": _uri(claim.path),
            "region": {"startLine": claim.line, "endLine": claim.line},
        },
        "message": {"text": said},
    }


def _text(*parts: str) -> str:
    """Rule prose from YAML, on one line: folded blocks leave newlines and trailing spaces."""
    return " ".join(" ".join(parts).split())


def _rule(rule: Rule) -> dict:
    short = _text(rule.description) or rule.name
    full = _text(rule.description, rule.rationale) or rule.name
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": LEVELS[rule.level]},
        "properties": {"tags": [rule.kind]},
    }


def _result(finding: Finding, index: dict[str, int]) -> dict:
    result: dict = {"ruleId": finding.rule}
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    result["level"] = LEVELS[finding.level]
    result["message"] = {"text": finding.message or finding.name or finding.rule}
    result["locations"] = [_location(c) for c in finding.claims if c.path != STDIN]
    result["partialFingerprints"] = {FINGERPRINT: fingerprint(finding)}
    result["properties"] = {
        "kind": finding.kind,
        "quantity": finding.quantity,
        "values": [number(c.figure.value) for c in finding.claims],
        "sources": [c.source for c in finding.claims],
        "claims": [c.id for c in finding.claims],
        "why": finding.why,
    }
    return result


def log(findings: Iterable[Finding], rules: Iterable[Rule]) -> dict:
    rules = list(rules)
    index = {rule.id: i for i, rule in enumerate(rules)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "numcheck",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(r) for r in rules],
            }},
            "results": [_result(f, index) for f in findings],
        }],
    }


def render(findings: Iterable[Finding], rules: Iterable[Rule]) -> str:
    return json.dumps(log(findings, rules), ensure_ascii=False, indent=2) + "\n"
