"""The findings rules: one YAML file per rule under rules/checks/.

Each rule picks one kind from a closed set (the kinds are code, in findings.py);
everything else about it (level, what must match, time window, tolerance,
message) is data. A rule file with a mistake stops numcheck before any work,
with the file, the line and the field named.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import yamlfile
from .errors import RuleFileError
from .lexicon import default_rules_dir
from .model import LEVELS

KINDS = ("conflict", "self-contradiction", "rounding", "drift", "part-whole")
MATCH_FIELDS = ("quantity", "unit", "modality", "source", "article", "via")
MODALITIES = ("stated", "planned", "estimate", "forecast")
_ID = re.compile(r"^NC[0-9]{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")

# field -> (type, required)
_FIELDS = {
    "id": (str, True), "name": (str, True), "kind": (str, True), "level": (str, True),
    "message": (str, True), "description": (str, False), "rationale": (str, False),
    "status": (str, False), "match": (dict, False), "modalities": (list, False),
    "window_days": ((int, float), False), "window_days_dated": ((int, float), False), "tolerance": (dict, False), "examples": (dict, False),
    "aliases": (list, False), "link": (str, False), "skip_source_types": (list, False),
    "max_ratio": ((int, float), False), "same_story": ((int, float), False),
}


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: str
    level: str
    message: str
    description: str = ""
    rationale: str = ""
    status: str = "stable"
    same: tuple[str, ...] = ()
    different: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ("stated",)
    window_days: float = 2
    window_days_dated: float = 2  # when both claims' days are given in the text
    relative: float = 0.0
    absolute: float = 0.0
    examples_fail: tuple[str, ...] = ()
    examples_pass: tuple[str, ...] = ()
    skip_source_types: tuple[str, ...] = ()
    max_ratio: float = 0.0  # 0: no bound
    same_story: float = 0.0  # least share of content words two articles must have in common; 0: any
    path: str = ""


def _type_name(kind) -> str:
    if isinstance(kind, tuple):
        return " or ".join(k.__name__ for k in kind)
    return {"str": "text", "dict": "mapping", "list": "list"}.get(kind.__name__, kind.__name__)


def parse(doc: yamlfile.YamlDoc) -> Rule:
    data = doc.data
    if not isinstance(data, dict):
        raise doc.error("a rule file must be a mapping of fields")
    for key in data:
        if key not in _FIELDS:
            raise doc.error(f"unknown field '{key}'; expected one of: {', '.join(_FIELDS)}", key)
    for key, (kind, required) in _FIELDS.items():
        if key not in data:
            if required:
                raise doc.error(f"missing field '{key}'")
            continue
        if not isinstance(data[key], kind) or isinstance(data[key], bool):
            raise doc.error(f"field '{key}' must be {_type_name(kind)}", key)
    if not _ID.match(data["id"]):
        raise doc.error(f"field 'id' must look like NC123, not {data['id']!r}", "id")
    if not _NAME.match(data["name"]):
        raise doc.error("field 'name' must be kebab-case (conflicting-figure)", "name")
    if data["kind"] not in KINDS:
        raise doc.error(f"field 'kind' is {data['kind']!r}; expected one of: {', '.join(KINDS)}", "kind")
    if data["level"] not in LEVELS:
        raise doc.error(f"field 'level' is {data['level']!r}; expected one of: {', '.join(LEVELS)}", "level")
    match = data.get("match", {})
    for key in match:
        if key not in ("same", "different"):
            raise doc.error(f"unknown field 'match.{key}'; expected same or different", "match", key)
        if not isinstance(match[key], list) or any(f not in MATCH_FIELDS for f in match[key]):
            raise doc.error(f"field 'match.{key}' must be a list of: {', '.join(MATCH_FIELDS)}", "match", key)
    modalities = data.get("modalities", ["stated"])
    if any(m not in MODALITIES for m in modalities):
        raise doc.error(f"field 'modalities' must list some of: {', '.join(MODALITIES)}", "modalities")
    tolerance = data.get("tolerance", {})
    for key, value in tolerance.items():
        if key not in ("relative", "absolute"):
            raise doc.error(f"unknown field 'tolerance.{key}'; expected relative or absolute", "tolerance", key)
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
            raise doc.error(f"field 'tolerance.{key}' must be a number >= 0", "tolerance", key)
    examples = data.get("examples", {})
    for key in examples:
        if key not in ("fail", "pass") or not isinstance(examples[key], list):
            raise doc.error("field 'examples' takes lists named fail and pass", "examples", key)
    try:
        message_fields = re.findall(r"{([^}]*)}", data["message"])
    except TypeError:  # pragma: no cover - type checked above
        message_fields = []
    for field in message_fields:
        if field.split(".")[0] not in ("quantity", "a", "b", "series", "trend", "rule", "count"):
            raise doc.error(f"field 'message' uses unknown placeholder {{{field}}}", "message")
    return Rule(
        id=data["id"], name=data["name"], kind=data["kind"], level=data["level"], message=data["message"],
        description=data.get("description", ""), rationale=data.get("rationale", ""),
        status=data.get("status", "stable"), same=tuple(match.get("same", ())),
        different=tuple(match.get("different", ())), modalities=tuple(modalities),
        window_days=float(data.get("window_days", 2)),
        window_days_dated=float(data.get("window_days_dated", data.get("window_days", 2))), relative=float(tolerance.get("relative", 0.0)),
        absolute=float(tolerance.get("absolute", 0.0)),
        examples_fail=tuple(examples.get("fail", ())), examples_pass=tuple(examples.get("pass", ())),
        skip_source_types=tuple(data.get("skip_source_types", ())),
        max_ratio=float(data.get("max_ratio", 0.0)), same_story=float(data.get("same_story", 0.0)),
        path=doc.path)


def _load_dir(folder: Path) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    files = sorted(folder.glob("checks/*.yaml")) + sorted(folder.glob("*.yaml"))
    for path in files:
        rule = parse(yamlfile.load(path))
        if rule.id in rules:
            raise RuleFileError(f"duplicate rule id {rule.id} (also in {rules[rule.id].path})",
                                where=f"{path}:1")
        rules[rule.id] = rule
    return rules


@lru_cache(maxsize=8)
def load(extra_dirs: tuple[str, ...] = ()) -> tuple[Rule, ...]:
    """The default rules, then each --rules folder's, which add or override by id."""
    rules = _load_dir(default_rules_dir())
    for folder in extra_dirs:
        path = Path(folder)
        if not path.is_dir():
            raise RuleFileError("rules folder not found", where=folder)
        rules.update(_load_dir(path))
    return tuple(sorted(rules.values(), key=lambda r: r.id))
