"""Paths -> Articles: text and Markdown with front matter, HTML, JSON Lines, stdin.

Reading is a stream: a folder of a million files or a JSONL archive is read one
article at a time. A file numcheck cannot use at all is an InputError naming it;
one bad line of a JSONL file is reported through ``warn`` and the rest is read.
"""
from __future__ import annotations

import codecs
import json
import os
import re
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterator

import yaml

from .errors import InputError
from .model import Article

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
FRONT_MATTER_KEYS = ("id", "title", "outlet", "url", "published")

class _FrontMatterLoader(yaml.SafeLoader):
    """Dates stay text, so a bad one is reported against its field, not as broken YAML."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)

Warn = Callable[[str], None]


def parse_date(value, where: str, field: str = "published") -> date | None:
    """A YYYY-MM-DD date or ISO date-time, as written in front matter or --published."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(f"'{field}' is not a date (expected YYYY-MM-DD or an ISO date-time): {text!r}",
                         where=where) from None


def decode(data: bytes, where: str) -> str:
    """Bytes -> text: BOMs honoured, UTF-8 preferred, Windows-1252 as the last resort."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not an article (expected text, Markdown, HTML or JSON Lines)", where=where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _front_matter(text: str, where: str) -> tuple[dict, str, int]:
    """(metadata, body, line where the body starts)."""
    m = _FRONT.match(text)
    if not m:
        return {}, text, 1
    try:
        meta = yaml.load(m.group(1) or "", Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 2}" if mark is not None else ""
        raise InputError(f"front matter is not valid YAML ({getattr(exc, 'problem', exc)})",
                         where=f"{where}{line}") from None
    if not isinstance(meta, dict):
        raise InputError("front matter must be a mapping of fields (id, title, outlet, url, published)",
                         where=f"{where}:2")
    body_line = text.count("\n", 0, m.end()) + 1
    return meta, text[m.end():], body_line


def _article(meta: dict, body: str, *, path: str, default_id: str, published: date | None,
             body_line: int = 1, fixed_line: int | None = None, where: str = "") -> Article:
    where = where or path
    when = parse_date(meta.get("published", meta.get("published_at", meta.get("date"))), where) or published
    def field(name: str) -> str:
        value = meta.get(name)
        return "" if value is None else str(value)
    return Article(id=field("id") or default_id, path=path, text=body, title=field("title"),
                   outlet=field("outlet"), url=field("url"), published=when, body_line=body_line,
                   fixed_line=fixed_line)


def from_text(text: str, *, path: str, default_id: str, published: date | None = None) -> Article:
    meta, body, body_line = _front_matter(_normalize_newlines(text), path)
    return _article(meta, body, path=path, default_id=default_id, published=published, body_line=body_line)


def _from_html(text: str, path: str, default_id: str, published: date | None) -> Article:
    try:
        import trafilatura  # only HTML needs it, and it is slow to import
    except ImportError as exc:  # pragma: no cover - trafilatura is a dependency
        raise InputError(f"reading HTML needs trafilatura ({exc})", where=path) from None
    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, as_dict=True)
    if not doc or not doc.get("text"):
        raise InputError("no article text found in this HTML page", where=path)
    meta = {"title": doc.get("title"), "outlet": doc.get("sitename"), "url": doc.get("url"),
            "published": doc.get("date")}
    try:
        return _article(meta, doc["text"], path=path, default_id=default_id, published=published, fixed_line=1)
    except InputError:
        meta["published"] = None  # a page's date we cannot read is no reason to drop the page
        return _article(meta, doc["text"], path=path, default_id=default_id, published=published, fixed_line=1)


def _from_jsonl(lines, path: str, stem: str, published: date | None, warn: Warn) -> Iterator[Article]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            warn(f"[E303] {where}: skipped a line that is not JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            warn(f"[E303] {where}: skipped a line that is not a JSON object")
            continue
        body = record.get("text", record.get("body"))
        if not isinstance(body, str):
            warn(f"[E303] {where}: skipped a line with no 'text' string")
            continue
        try:
            yield _article(record, _normalize_newlines(body), path=path, default_id=f"{stem}-{number}",
                           published=published, fixed_line=number, where=where)
        except InputError as exc:
            warn(f"{exc}; line skipped")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError("is a folder", where=str(path)) from None
    except PermissionError:
        raise InputError("permission denied", where=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", where=str(path)) from None


def read_file(path: Path, published: date | None, warn: Warn, display: str | None = None) -> Iterator[Article]:
    display = display or str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        try:
            handle = open(path, "rb")
        except OSError as exc:
            raise InputError(f"cannot read ({exc.strerror or exc})", where=display) from None
        with handle:
            head = handle.read(8192)
            if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                raise InputError("binary file, not JSON Lines", where=display)
            handle.seek(0)
            lines = (raw.decode("utf-8", errors="replace").lstrip("\ufeff") for raw in handle)
            yield from _from_jsonl(lines, display, path.stem, published, warn)
        return
    text = decode(_read_bytes(path), display)
    if suffix in HTML_SUFFIXES:
        yield _from_html(text, display, path.stem, published)
        return
    yield from_text(text, path=display, default_id=path.stem, published=published)


def _walk(folder: Path, warn: Warn) -> Iterator[Path]:
    seen: set[tuple[int, int]] = set()

    def onerror(exc: OSError) -> None:
        warn(f"[E304] {exc.filename}: skipped, cannot read this folder ({exc.strerror})")

    for root, dirs, files in os.walk(folder, onerror=onerror, followlinks=True):
        try:
            st = os.stat(root)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in seen:  # a symlink loop: each real folder is read once
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            if path.suffix.lower() in SUFFIXES:
                yield path


def read_paths(paths: list[str], published: date | None = None, warn: Warn | None = None,
               stdin=None) -> Iterator[Article]:
    """Every article under ``paths``, in order; folders are read recursively and sorted."""
    warn = warn or (lambda message: print(message, file=sys.stderr))
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read()
            if isinstance(data, str):
                data = data.encode("utf-8")
            yield from_text(decode(data, "<stdin>"), path="<stdin>", default_id="stdin", published=published)
            continue
        path = Path(raw)
        if path.is_dir():
            count = 0
            for file in _walk(path, warn):
                try:
                    for article in read_file(file, published, warn):
                        count += 1
                        yield article
                except InputError as exc:
                    warn(f"{exc}; file skipped")
            if count == 0:
                raise InputError("no articles found in this folder (looked for .txt, .md, .html, .jsonl)",
                                 where=raw)
        elif path.exists():
            yield from read_file(path, published, warn, display=raw)
        else:
            raise InputError("no such file or folder", where=raw)
