"""GitHub Actions workflow commands: one annotation per finding, on the line of its first claim.

    ::warning file=seeds/a.txt,line=5,endLine=5,title=numcheck (NC101)::troop/...: Pentagon says 10,000 ...

GitHub shows these on the pull request's diff and in the run's summary. Columns are
left out: a Claim knows its line but not where that line starts in the body.
"""
from __future__ import annotations

import os

from .rows import primary_claim
from ..model import Claim, Finding

COMMANDS = {"info": "notice", "warning": "warning", "error": "error"}
STDIN = "<stdin>"


def escape_data(text: str) -> str:
    """The message after `::`: percent signs and line breaks are encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: as the message, and `:` and `,`, which would end the value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def posix_path(path: str) -> str:
    """The path as given, with this system's separators turned into `/`."""
    for sep in (os.sep, os.altsep):
        if sep and sep != "/":
            path = path.replace(sep, "/")
    return path


def _location(claim: Claim) -> dict[str, str]:
    if claim.path == STDIN:  # no file to point at; GitHub shows the annotation on the run
        return {}
    return {"file": posix_path(claim.path), "line": str(claim.line), "endLine": str(claim.line)}


def annotation(finding: Finding, focus: set[str] | None = None) -> str:
    properties = _location(primary_claim(finding, focus)) if finding.claims else {}
    properties["title"] = f"numcheck ({finding.rule})"
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    message = finding.message or finding.name or finding.rule
    return f"::{COMMANDS[finding.level]} {props}::{escape_data(message)}"


def render(findings: list[Finding], focus: set[str] | None = None) -> str:
    return "".join(annotation(f, focus) + "\n" for f in findings)
