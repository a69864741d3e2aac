"""Paths -> Articles: text and Markdown with front matter, HTML, JSON Lines, stdin.

Reading is a stream: a folder of a million files or a JSONL archive is read one
article at a time. A file numcheck cannot use at all is an InputError naming it
(and the line, where there is one); one bad line of a JSONL file, or one bad
file in a folder, is reported through ``warn`` and the rest is read.
"""
from __future__ import annotations

import codecs
import io
import json
import os
import re
import stat
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
FRONT_MATTER_KEYS = ("id", "title", "outlet", "url", "published")
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
_DATE_KEYS = ("published", "published_at", "date")


class _FrontMatterLoader(yaml.SafeLoader):
    """Dates stay text, so a bad one is reported against its field, not as broken YAML."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# Bytes that never occur in text: a file with many of them is binary even without a NUL.
_CONTROL_BYTES = [bytes([b]) for b in range(32) if b not in b"\t\n\r\f\v\x1b"]
_SURROGATE = re.compile("[\ud800-\udfff]")

Warn = Callable[[str], None]


def parse_date(value, where: str, field: str = "published") -> date | None:
    """A YYYY-MM-DD date or ISO date-time, as written in front matter or --published."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (list, dict, set, tuple, bytes)):
        raise InputError(f"'{field}' is not a date (expected YYYY-MM-DD or an ISO date-time, "
                         f"found a {_kind(value)})", where=where)
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(f"'{field}' is not a date (expected YYYY-MM-DD or an ISO date-time): {text[:80]!r}",
                         where=where) from None


def _kind(value) -> str:
    return {list: "list", tuple: "list", dict: "mapping", set: "set", bytes: "binary value"}.get(type(value),
                                                                                             type(value).__name__)


def decode(data: bytes, where: str) -> str:
    """Bytes -> text: BOMs honoured, UTF-8 preferred, Windows-1252 as the last resort."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return data.decode("utf-32", errors="replace")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    head = data[:8192]
    if b"\x00" in head or head and sum(map(head.count, _CONTROL_BYTES)) > len(head) // 10:
        raise InputError("binary file, not an article (expected text, Markdown, HTML or JSON Lines)", where=where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _clean(text: str) -> str:
    """Lone surrogates (from JSON escapes like "\\ud800") cannot be written out: replace them."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _yaml_problem(exc: yaml.YAMLError) -> tuple[str, int | None]:
    """(what is wrong, 0-based line in the front matter) for a YAML error."""
    if isinstance(exc, yaml.constructor.ConstructorError) and "could not determine a constructor" in str(exc):
        tag = re.search(r"tag '([^']*)'", str(exc))
        name = tag.group(1).replace("tag:yaml.org,2002:", "!!") if tag else "?"
        mark = exc.problem_mark
        return (f"front matter uses the YAML tag {name}, which numcheck does not load "
                "(only plain YAML: text, numbers, dates, lists, mappings)"), mark.line if mark else None
    mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    what = " ".join((f"{problem}, {context}" if context else problem).split())
    return f"front matter is not valid YAML ({what})", mark.line if mark is not None else None


def _bad_value_line(node) -> int | None:
    """The 0-based line of the first top-level value that cannot be constructed."""
    if not isinstance(node, yaml.MappingNode):
        return node.start_mark.line if node is not None else None
    for _, value in node.value:
        try:
            _FrontMatterLoader("").construct_document(value)
        except Exception:  # noqa: BLE001 - whatever the constructor raised is what we look for
            return value.start_mark.line
    return None


def _front_matter(text: str, where: str) -> tuple[dict, str, int, dict[str, int]]:
    """(metadata, body, line where the body starts, file line of each field)."""
    m = _FRONT.match(text)
    if not m:
        return {}, text, 1, {}
    source = m.group(1) or ""
    loader = node = None
    try:
        loader = _FrontMatterLoader(source)
        node = loader.get_single_node()
        meta = loader.construct_document(node) if node is not None else {}
    except yaml.reader.ReaderError as exc:  # a control character, say
        line = source.count("\n", 0, exc.position) + 2 if isinstance(exc.position, int) else None
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise InputError(f"front matter is not valid YAML ({exc.reason}: {char})",
                         where=f"{where}:{line}" if line else where) from None
    except yaml.YAMLError as exc:
        message, line = _yaml_problem(exc)
        raise InputError(message, where=f"{where}:{line + 2}" if line is not None else where) from None
    except RecursionError:
        raise InputError("front matter is nested too deeply", where=f"{where}:2") from None
    except (ValueError, TypeError, OverflowError) as exc:  # an explicit tag with a bad value: !!int abc
        line = _bad_value_line(node)
        raise InputError(f"front matter has a value numcheck cannot read ({' '.join(str(exc).split())})",
                         where=f"{where}:{line + 2}" if line is not None else where) from None
    finally:
        if loader is not None:
            loader.dispose()
    meta = meta if meta is not None else {}
    if not isinstance(meta, dict):
        raise InputError("front matter must be a mapping of fields (id, title, outlet, url, published)",
                         where=f"{where}:2")
    lines = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                lines[key.value] = key.start_mark.line + 2  # the last of repeated keys wins, as in YAML
    body_line = text.count("\n", 0, m.end()) + 1
    return meta, text[m.end():], body_line, lines


def _article(meta: dict, body: str, *, path: str, default_id: str, published: date | None,
             body_line: int = 1, fixed_line: int | None = None, where: str = "",
             lines: dict[str, int] | None = None) -> Article:
    """An Article from its fields; a field numcheck cannot use is an InputError naming it (and its line)."""
    where = where or path
    lines = lines or {}

    def at(name: str) -> str:
        return f"{where}:{lines[name]}" if name in lines else where

    key = next((k for k in _DATE_KEYS if meta.get(k) not in (None, "")), "published")
    when = parse_date(meta.get(key), at(key), key) or published

    def field(name: str) -> str:
        value = meta.get(name)
        if value is None:
            return ""
        if isinstance(value, (list, tuple, dict, set, bytes)):
            # never str() a structure: an aliased YAML list can stand for billions of items
            raise InputError(f"'{name}' must be text, not a {_kind(value)}", where=at(name))
        return _clean(str(value))

    return Article(id=field("id") or default_id, path=path, text=_clean(body), title=field("title"),
                   outlet=field("outlet"), url=field("url"), published=when, body_line=body_line,
                   fixed_line=fixed_line)


def from_text(text: str, *, path: str, default_id: str, published: date | None = None) -> Article:
    meta, body, body_line, lines = _front_matter(_normalize_newlines(text), path)
    return _article(meta, body, path=path, default_id=default_id, published=published, body_line=body_line,
                    lines=lines)


# -- HTML ---------------------------------------------------------------------

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_RAW_TEXT = frozenset(("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"))
_MAX_DEPTH = 200  # lxml stops reading a page nested deeper than 255 (2048 with huge_tree)
# Markup, in one linear pass: each kind of token runs to its end, or to the end of the page when it has
# none, so no input makes the scan go back over text (html.parser is quadratic on "<a <a <a ...").
_MARKUP = re.compile(r"""
    <!--.*?(?:-->|\Z)                                              # a comment
  | <(?P<end>/?)(?P<tag>[A-Za-z][^\s/>]*)
        (?P<attrs>(?:[^>"']|"[^"]*(?:"|\Z)|'[^']*(?:'|\Z))*)(?:>|\Z)  # a start or end tag
  | <[!?][^>]*(?:>|\Z)                                             # doctype, CDATA, processing instruction
""", re.S | re.X)


def _flatten_html(page: str) -> str:
    """Any HTML re-written as a page lxml can parse: tags nested deeper than _MAX_DEPTH dropped (their text
    kept), a fragment wrapped in <html><body>. Linear in the size of the page; used only when trafilatura
    finds nothing in the page as it is."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements, and whether their tags were kept
    open_count: dict[str, int] = {}
    depth, pos, has_html = 0, 0, False
    while pos < len(page):
        m = _MARKUP.search(page, pos)
        if m is None:
            out.append(page[pos:].replace("<", "&lt;"))
            break
        out.append(page[pos:m.start()].replace("<", "&lt;"))  # text, a stray "<" escaped
        pos = m.end()
        tag = (m.group("tag") or "").lower()
        if not tag:
            continue  # comments, doctypes and processing instructions carry no article text
        markup = m.group(0) if m.group(0).endswith(">") else m.group(0) + ">"
        if m.group("end"):
            if not open_count.get(tag):
                continue  # an end tag with nothing open to close
            while stack:
                name, kept = stack.pop()
                open_count[name] -= 1
                if kept:
                    depth -= 1
                    out.append(f"</{name}>")
                if name == tag:
                    break
            continue
        has_html |= tag == "html"
        if tag in _VOID or m.group("attrs").rstrip().endswith("/"):
            out.append(markup)
            continue
        if tag in _RAW_TEXT:  # their content is not markup: "<script>if (a<b) ...</script>"
            close = re.compile(rf"</{re.escape(tag)}\s*>", re.I).search(page, pos)
            inner_end, pos = (close.start(), close.end()) if close else (len(page), len(page))
            if depth < _MAX_DEPTH:
                out.append(f"{markup}{page[m.end():inner_end]}</{tag}>")
            continue
        kept = depth < _MAX_DEPTH
        stack.append((tag, kept))
        open_count[tag] = open_count.get(tag, 0) + 1
        if kept:
            depth += 1
            out.append(markup)
    out.extend(f"</{name}>" for name, kept in reversed(stack) if kept)
    body = "".join(out)
    return body if has_html else f"<html><body>{body}</body></html>"


def _html_document(text: str, where: str) -> dict:
    """trafilatura's main text and metadata, as a dict; an InputError when there is no text."""
    try:
        import trafilatura  # only HTML needs it, and it is slow to import
    except ImportError as exc:  # pragma: no cover - trafilatura is a dependency
        raise InputError(f"reading HTML needs trafilatura and lxml_html_clean ({exc})", where=where) from None
    failure = ""
    # First the page as it is; then, if trafilatura found nothing, the page re-written so that a
    # fragment or a page nested thousands of levels deep can still be read.
    for attempt in (lambda: text, lambda: _flatten_html(text)):
        try:
            doc = trafilatura.bare_extraction(attempt(), with_metadata=True, include_comments=False)
        except RecursionError:
            failure = " (the page is nested too deeply)"
            continue
        except Exception as exc:  # noqa: BLE001 - lxml and trafilatura on a page they cannot parse
            failure = " ({})".format(" ".join(f"{type(exc).__name__}: {exc}".split())[:200])
            continue
        if doc is None:
            continue
        # trafilatura 2 returns a Document (a dict only with the deprecated as_dict=True)
        fields = doc if isinstance(doc, dict) else {name: getattr(doc, name, None)
                                                    for name in ("text", "title", "sitename", "url", "date")}
        if isinstance(fields.get("text"), str) and fields["text"].strip():
            return fields
    raise InputError(f"no article text found in this HTML page{failure}", where=where)


def _from_html(text: str, path: str, default_id: str, published: date | None) -> Article:
    doc = _html_document(text, path)
    meta = {"title": doc.get("title"), "outlet": doc.get("sitename"), "url": doc.get("url"),
            "published": doc.get("date")}
    body = _normalize_newlines(doc["text"])
    try:
        return _article(meta, body, path=path, default_id=default_id, published=published, fixed_line=1)
    except InputError:
        meta["published"] = None  # a page's date we cannot read is no reason to drop the page
        return _article(meta, body, path=path, default_id=default_id, published=published, fixed_line=1)


# -- JSON Lines -----------------------------------------------------------------

def _jsonl_lines(handle) -> Iterator[str]:
    """Lines of a JSON Lines file as text: UTF-16/32 with a BOM, else UTF-8 (Windows-1252 per bad line)."""
    head = handle.read(4)
    handle.seek(0)
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            yield from io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="\n")
            return
    for raw in handle:
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            line = raw.decode("cp1252", errors="replace")
        yield line.lstrip("\ufeff")


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
        except RecursionError:
            warn(f"[E303] {where}: skipped a line nested too deeply to read")
            continue
        except ValueError as exc:  # e.g. an integer of more than 4,300 digits
            warn(f"[E303] {where}: skipped a line that cannot be read ({exc})")
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


# -- files and folders ------------------------------------------------------------

def _os_error(exc: OSError, where: str) -> InputError:
    if isinstance(exc, IsADirectoryError):
        return InputError("is a folder", where=where)
    if isinstance(exc, PermissionError):
        return InputError("permission denied", where=where)
    return InputError(f"cannot read ({exc.strerror or exc})", where=where)


def _read_bytes(path: Path, where: str | None = None) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _os_error(exc, where or str(path)) from None


def read_file(path: Path, published: date | None, warn: Warn, display: str | None = None) -> Iterator[Article]:
    display = display or str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        try:
            handle = open(path, "rb")
        except OSError as exc:
            raise _os_error(exc, display) from None
        with handle:
            try:
                head = handle.read(8192)
                handle.seek(0)
            except OSError as exc:
                raise _os_error(exc, display) from None
            if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                                                        codecs.BOM_UTF32_BE)):
                raise InputError("binary file, not JSON Lines", where=display)
            yield from _from_jsonl(_jsonl_lines(handle), display, path.stem, published, warn)
        return
    text = decode(_read_bytes(path, display), display)
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
            if path.suffix.lower() not in SUFFIXES:
                continue
            try:
                mode = path.stat().st_mode
            except OSError:
                yield path  # a broken or looping link: reading it reports why
                continue
            if not stat.S_ISREG(mode):  # a named pipe or a device would block or never end
                warn(f"[E304] {path}: skipped, not a regular file")
                continue
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
                data = data.encode("utf-8", errors="replace")
            yield from_text(decode(data, "<stdin>"), path="<stdin>", default_id="stdin", published=published)
            continue
        path = Path(raw)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except OSError as exc:  # a name too long, say
            raise _os_error(exc, raw) from None
        if is_dir:
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
        elif exists:
            yield from read_file(path, published, warn, display=raw)
        elif path.is_symlink():
            raise InputError("a symbolic link that leads nowhere (its target is missing, or it loops)", where=raw)
        else:
            raise InputError("no such file or folder", where=raw)
