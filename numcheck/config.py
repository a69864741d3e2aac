"""A newsroom's defaults: numcheck.toml, or [tool.numcheck] in pyproject.toml.

Found from the current folder upward, as ruff and sqlfluff find theirs; options
given on the command line win. Paths in the file are relative to the file.

    # numcheck.toml
    rules = ["newsroom-rules"]
    ledger = "data/claims.db"
    fail-on = "error"
    format = "github"
    baseline = ".numcheck-baseline.json"
"""
from __future__ import annotations

import tomllib
from pathlib import Path

from .errors import UsageError

# config key -> (click parameter name, is a path, is a list)
KEYS = {
    "rules": ("rules_dirs", True, True),
    "ledger": ("ledger", True, False),
    "baseline": ("baseline", True, False),
    "fail-on": ("fail_on", False, False),
    "format": ("fmt", False, False),
    "published": ("published", False, False),
}
COMMANDS = ("report", "check", "export", "baseline", "ingest")


def find(start: Path) -> tuple[Path, dict] | None:
    for folder in (start, *start.parents):
        own = folder / "numcheck.toml"
        if own.is_file():
            return own, load_file(own)
        project = folder / "pyproject.toml"
        if project.is_file():
            table = load_file(project).get("tool", {}).get("numcheck")
            if table is not None:
                return project, table
    return None


def load_file(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"cannot read the configuration ({exc})", where=str(path)) from None


def default_map(path: Path, table: dict) -> dict:
    """click's default_map: the same defaults for every command that takes them."""
    values = {}
    for key, value in table.items():
        if key not in KEYS:
            raise UsageError(f"unknown setting '{key}'; expected one of: {', '.join(KEYS)}", where=str(path))
        name, is_path, is_list = KEYS[key]
        if is_list and not isinstance(value, list):
            value = [value]
        if is_path:
            value = [str(path.parent / v) for v in value] if is_list else str(path.parent / value)
        values[name] = value
    return {command: dict(values) for command in COMMANDS}
