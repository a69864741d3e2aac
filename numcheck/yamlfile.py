"""Safe YAML loading that remembers where each key was written.

Rule and vocabulary files are edited by hand; an error must name the file, the
line and the field, so we keep the composed node tree beside the data.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import RuleFileError

try:  # the C loader is several times faster on the vocabulary files
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


class _WordsLoader(_Loader):
    """YAML 1.1 reads on/off/yes/no as booleans; in a word list they are words."""


_WordsLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in _Loader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class YamlDoc:
    path: str
    data: Any
    node: yaml.Node | None

    def line(self, *keys: str | int) -> int:
        """1-based line of the value at ``keys`` (or of the nearest parent found)."""
        node = self.node
        line = node.start_mark.line + 1 if node is not None else 1
        for key in keys:
            child = None
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if k.value == key:
                        line = k.start_mark.line + 1
                        child = v
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                child = node.value[key]
                line = child.start_mark.line + 1
            if child is None:
                break
            node = child
        return line

    def error(self, message: str, *keys: str | int) -> RuleFileError:
        return RuleFileError(message, where=f"{self.path}:{self.line(*keys)}")


def load(path: Path | str, text: str | None = None, *, words: bool = False) -> YamlDoc:
    """Load a file safely; with ``words``, on/off/yes/no stay words (for vocabularies)."""
    path = str(path)
    loader = _WordsLoader if words else _Loader
    try:
        if text is None:
            text = Path(path).read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=loader)
        data = yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        # An unclosed bracket or quote is found at the end of the file; where it opened is more use.
        mark = exc.context_mark or exc.problem_mark
        line = mark.line + 1 if mark else 1
        raise RuleFileError(f"not valid YAML: {exc.problem or exc}", where=f"{path}:{line}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"cannot read: {exc}", where=path) from None
    return YamlDoc(path, data, node)
