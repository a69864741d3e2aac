"""Bad input gets a clear answer, and nothing is lost.

One test per kind of bad input, through the command line as a user meets it:
the exact exit code; on exit 2 one line on standard error that names the file
(and the line, where there is one) and no traceback; and an output file given
with -o is never left half-written: after a failure an existing one is unchanged
and no new or temporary file appears.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import os

import pytest
from click.testing import CliRunner

from numcheck.cli import main

PUB = ["--published", "2024-11-01"]
PREVIOUS = "previous output, kept\n"
# One sentence numcheck reads one figure from: "Some 40" people, said by the police.
FIGURE = "Some 40 people died in the flood on Monday, police said."


def run(args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def assert_error(result, *fragments):
    """Exit 2, and exactly one line on standard error, naming what went wrong."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert result.stderr.startswith("numcheck: error: ") and result.stderr.count("\n") == 1, result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)
    assert "Traceback" not in result.output and "internal error" not in result.stderr
    assert result.stdout == ""


def claims(result) -> list[dict]:
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.fixture
def out(tmp_path):
    """An existing output file in a folder of its own, so leftovers are easy to see."""
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "claims.csv"
    target.write_text(PREVIOUS)
    return target


def assert_untouched(target):
    assert target.read_text() == PREVIOUS
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary file left behind


def fails_and_keeps_output(path, out, *fragments, extra=()):
    """`export PATH -o OUT` fails with a clear line and leaves OUT as it was."""
    result = run(["export", path, *extra, "-o", out])
    assert_error(result, *fragments)
    assert_untouched(out)
    return result


# -- empty and near-empty ----------------------------------------------------

def test_empty_file_is_an_article_without_figures(tmp_path, out):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = run(["check", path])
    assert result.exit_code == 0 and result.stdout == ""
    assert "no findings in 1 article (0 figures read)" in result.stderr
    assert run(["export", path, "-o", out]).exit_code == 0
    assert out.read_text().splitlines()[0].startswith("article,sentence,start,end,line")
    assert len(out.read_text().splitlines()) == 1 and [p.name for p in out.parent.iterdir()] == [out.name]


def test_whitespace_only_file_is_an_article_without_figures(tmp_path):
    path = tmp_path / "blank.md"
    path.write_bytes(b"  \n\t\r\n \r  \n\n")
    result = run(["check", path])
    assert result.exit_code == 0 and result.stdout == ""
    assert "no findings in 1 article (0 figures read)" in result.stderr


# -- not text ------------------------------------------------------------------

def test_binary_file_is_refused_by_name(tmp_path, out):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    fails_and_keeps_output(path, out, f"{path}: binary file")


def test_binary_file_without_nul_bytes_is_refused(tmp_path):
    path = tmp_path / "blob.md"
    path.write_bytes(bytes(b for b in range(1, 32) if b not in b"\t\n\r\f\v\x1b") * 100)
    assert_error(run(["check", path]), f"{path}: binary file")


def test_binary_jsonl_is_refused_by_name(tmp_path, out):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00" + bytes(range(256)))
    fails_and_keeps_output(path, out, f"{path}: binary file")


# -- encodings and line endings ----------------------------------------------

@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_latin1_and_windows_1252_text_is_read(tmp_path, encoding):
    path = tmp_path / "madrid.txt"
    path.write_bytes(f"Some 40 people died on Monday, said José Martínez, the mayor.\n".encode(encoding))
    (row,) = claims(run(["export", path]))
    assert (row["text"], row["source"], row["line"]) == ("Some 40", "José Martínez", "1")


def test_windows_1252_curly_quotes_are_read(tmp_path):
    path = tmp_path / "quotes.txt"
    path.write_bytes(b"\x93Some 40 people died,\x94 the mayor said on Monday.\r\n")
    (row,) = claims(run(["export", path]))
    assert row["text"] == "Some 40" and row["source"] == "mayor"


@pytest.mark.parametrize("bom, encoding", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_utf16_with_bom_is_read(tmp_path, bom, encoding):
    path = tmp_path / "utf16.md"
    text = f"---\npublished: 2024-11-01\n---\nFirst line.\r\n{FIGURE}\r\n"
    path.write_bytes(bom + text.encode(encoding))
    (row,) = claims(run(["export", path]))
    assert (row["text"], row["line"], row["published"]) == ("Some 40", "5", "2024-11-01")


def test_utf8_with_bom_keeps_front_matter(tmp_path):
    path = tmp_path / "bom.md"
    path.write_bytes(codecs.BOM_UTF8 + f"---\nid: with-bom\n---\n{FIGURE}\n".encode())
    (row,) = claims(run(["export", path]))
    assert (row["article"], row["line"]) == ("with-bom", "4")


@pytest.mark.parametrize("name, data, line", [
    ("crlf-cr-lf.txt", b"A title\r\nA line.\r" + FIGURE.encode() + b"\nThe end.\n", "3"),
    ("cr-only.txt", b"A title\rA line.\r" + FIGURE.encode() + b"\r", "3"),
    ("lf-crlf.txt", b"A title\nA line.\r\n" + FIGURE.encode() + b"\r\n", "3"),
    ("front-matter.md", b"---\r\nid: mixed\r---\n" + FIGURE.encode() + b"\r\n", "4"),
    ("blank-lines.txt", b"\r\n\r\r\n" + FIGURE.encode(), "4"),
])
def test_mixed_line_endings_keep_line_numbers(tmp_path, name, data, line):
    path = tmp_path / name
    path.write_bytes(data)
    (row,) = claims(run(["export", path]))
    assert (row["text"], row["line"]) == ("Some 40", line)


# -- size ----------------------------------------------------------------------

def test_a_big_article_is_read_to_the_end(tmp_path, out):
    """10 MB through the whole pipeline (50 MB takes about 50 s of extraction, too slow for a test;
    test_a_50_mb_article_is_read covers reading at that size). A figure every megabyte, the last at the end."""
    paragraph = "The river rose in the night and the town woke to water in the streets.\n"
    block = paragraph * (1_000_000 // len(paragraph)) + FIGURE + "\n"
    path = tmp_path / "big.txt"
    path.write_text(block * 10)
    result = run(["export", path, *PUB, "-o", out])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert len(rows) == 10
    assert rows[-1]["line"] == str(10 * (block.count("\n")))
    assert [p.name for p in out.parent.iterdir()] == [out.name]


def test_a_50_mb_article_is_read(tmp_path):
    """Reading itself is linear: 50 MB become one article with every character and line."""
    from numcheck.read import read_paths

    line = "The river rose in the night and the town woke to water in the streets.\r\n"
    path = tmp_path / "huge.txt"
    count = 50_000_000 // len(line)
    path.write_bytes((line * count).encode())
    (article,) = read_paths([str(path)])
    assert len(article.text) == count * (len(line) - 1) and article.line_of(len(article.text) - 1) == count


def test_a_one_megabyte_line_without_a_full_stop(tmp_path):
    words = "and the river rose over the banks of the old town "
    filler = words * (340_000 // len(words))
    line = filler + "while some 40 people died, police said " + filler + "and 300 homes were lost " + filler
    assert len(line) > 1_000_000 and "." not in line
    path = tmp_path / "one-line.txt"
    path.write_text(line + "\n" + FIGURE + "\n")
    rows = claims(run(["export", path, *PUB]))
    assert [(r["text"], r["line"]) for r in rows] == [("some 40", "1"), ("300", "1"), ("Some 40", "2")]


# -- HTML ------------------------------------------------------------------------

PARAGRAPHS = (f"<p>{FIGURE} The river rose fast and many houses were lost in the night.</p>"
              "<p>The mayor said 300 homes were lost, and rescue teams worked through the night.</p>")


def test_html_text_and_metadata_are_taken(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<!DOCTYPE html><html><head><title>Flood | The Ledger</title>"
                    "<meta property='og:site_name' content='The Ledger'>"
                    "<meta property='article:published_time' content='2024-11-01T10:00:00Z'></head>"
                    f"<body><nav><a href='/'>Home</a></nav><article><h1>Flood</h1>{PARAGRAPHS}</article>"
                    "<footer>Copyright 2024</footer></body></html>")
    rows = claims(run(["export", path]))
    assert [r["text"] for r in rows] == ["Some 40", "300"]
    assert {r["published"] for r in rows} == {"2024-11-01"} and rows[1]["source"] == "mayor"
    assert {r["line"] for r in rows} == {"1"}


def test_deeply_nested_html_is_read(tmp_path):
    """5,000 nested divs: lxml stops parsing at depth 255, so numcheck flattens the page and reads on."""
    path = tmp_path / "deep.html"
    path.write_text("<html><head><title>Deep</title></head><body>" + "<div>" * 5000 + PARAGRAPHS
                    + "</div>" * 5000 + "</body></html>")
    rows = claims(run(["export", path]))
    assert [r["text"] for r in rows] == ["Some 40", "300"]


def test_deeply_nested_unclosed_html_is_read(tmp_path):
    path = tmp_path / "deep-open.html"
    path.write_text("<div><span>" * 5000 + PARAGRAPHS)
    assert [r["text"] for r in claims(run(["export", path]))] == ["Some 40", "300"]


def test_broken_html_is_read(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text(f"<html><body><p>{FIGURE}<p>The mayor said 300 homes <b>were lost <i>in the night"
                    "</div></span></table>&&&;; < <<>> <p attr='unclosed>")
    assert [r["text"] for r in claims(run(["export", path]))] == ["Some 40", "300"]


def test_an_html_fragment_is_read(tmp_path):
    path = tmp_path / "fragment.htm"
    path.write_text(f"<p>{FIGURE}</p>")
    assert [r["text"] for r in claims(run(["export", path]))] == ["Some 40"]


@pytest.mark.parametrize("page", [
    "",
    "   \n",
    "<html><head><title>Nothing here</title></head><body><script>var x = 40;</script></body></html>",
    "<!-- only a comment -->",
    "<html><body>" + "<div>" * 5000,
])
def test_html_without_text_is_a_clear_error(tmp_path, out, page):
    path = tmp_path / "nothing.html"
    path.write_text(page)
    fails_and_keeps_output(path, out, f"{path}: no article text found in this HTML page")


@pytest.mark.parametrize("page", [
    "<<<>>>",
    "<html><body>\x01\x02</body></html>",
    "<?xml version='1.0' encoding='latin-1'?><html><body><p>" + FIGURE + "</p></body></html>",
    "<html><body><p>" + "&#" * 2000 + "</p></body></html>",
    "<html><body><table>" + "<tr><td>" * 3000 + FIGURE + "</body></html>",
    "<p>" + FIGURE + "</p>" + "</p>" * 10_000 + "<p>" * 10_000,
    "<html><body><p>" + FIGURE + "</p><script>" + "<!--" * 1000,
    "<svg><foreignObject><p>" + FIGURE + "</p></foreignObject></svg>",
    "<html><head><meta name='date' content='2024-02-31'></head><body><p>" + FIGURE + "</p></body></html>",
    "<a " * 40_000,  # Python's html.parser needs minutes for these two; numcheck does not use it
    "<!--" * 30_000,
    "<p>" + FIGURE + "<script>if (a<b) { x = '</p>' }</script> and 300 homes were lost.</p>",
])
def test_garbage_html_never_crashes(tmp_path, page):
    """Exit 0 with what could be read, or exit 2 with one clear line: never a traceback."""
    path = tmp_path / "garbage.html"
    path.write_text(page)
    result = run(["check", path])
    if result.exit_code == 2:
        assert_error(result, f"{path}: ")
    else:
        assert result.exit_code == 0, (result.exit_code, result.stderr)
        assert "Traceback" not in result.output and "error" not in result.stderr


@pytest.mark.parametrize("unit", ["<a ", "<!--", "<p>x", "<div>", "</x>", "<", "&", "<p a='", "<script>"])
def test_rewriting_html_stays_linear(unit):
    """The fallback for pages trafilatura cannot read is one pass: a megabyte of any markup in well under 5 s."""
    import time

    from numcheck.read import _flatten_html

    start = time.perf_counter()
    _flatten_html(unit * (1_000_000 // len(unit)))
    assert time.perf_counter() - start < 5


# -- front matter ------------------------------------------------------------------

def test_malformed_front_matter_names_the_file_and_line(tmp_path, out):
    path = tmp_path / "story.md"
    path.write_text("---\nid: story\ntitle: [unclosed\npublished: 2024-11-01\n---\n" + FIGURE + "\n")
    fails_and_keeps_output(path, out, f"{path}:3: front matter is not valid YAML")


def test_front_matter_that_is_not_a_mapping(tmp_path, out):
    path = tmp_path / "story.md"
    path.write_text("---\n- just\n- a list\n---\n" + FIGURE + "\n")
    fails_and_keeps_output(path, out, f"{path}:2: front matter must be a mapping")


def test_front_matter_with_a_control_character(tmp_path, out):
    path = tmp_path / "story.md"
    path.write_text("---\nid: story\ntitle: bell\x07\n---\n" + FIGURE + "\n")
    fails_and_keeps_output(path, out, f"{path}:3: front matter is not valid YAML", "U+0007")


def test_hostile_front_matter_is_not_executed(tmp_path, out):
    marker = tmp_path / "pwned"
    path = tmp_path / "story.md"
    path.write_text(f"---\nid: story\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\n{FIGURE}\n")
    fails_and_keeps_output(path, out, f"{path}:3: front matter uses the YAML tag !!python/object/apply:os.system")
    assert not marker.exists()


@pytest.mark.parametrize("front, line, fragment", [
    ("id: x\npublished: !!timestamp 2024-02-31\n", 3, "day is out of range"),
    ("id: !!int forty\n", 2, "invalid literal"),
    ("title: " + "[" * 5000 + "]" * 5000 + "\n", 2, "nested too deeply"),
])
def test_front_matter_values_yaml_cannot_build(tmp_path, out, front, line, fragment):
    path = tmp_path / "story.md"
    path.write_text(f"---\n{front}---\n{FIGURE}\n")
    fails_and_keeps_output(path, out, f"{path}:{line}: front matter", fragment)


def test_an_alias_bomb_in_front_matter_is_refused_quickly(tmp_path, out):
    """Nine levels of nine aliases stand for 387 million items; numcheck never expands them."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    path = tmp_path / "bomb.md"
    path.write_text("---\n" + "\n".join(lines) + "\ntitle: *a8\n---\n" + FIGURE + "\n")
    fails_and_keeps_output(path, out, f"{path}:11: 'title' must be text, not a list")


def test_impossible_published_date_names_file_line_and_value(tmp_path, out):
    path = tmp_path / "story.md"
    path.write_text("---\nid: story\npublished: 2024-02-31\n---\n" + FIGURE + "\n")
    fails_and_keeps_output(path, out, f"{path}:3: 'published' is not a date", "'2024-02-31'")


def test_impossible_date_in_an_html_page_drops_only_the_date(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><meta property='article:published_time' content='2024-02-31'></head>"
                    f"<body><article>{PARAGRAPHS}</article></body></html>")
    rows = claims(run(["export", path]))
    # trafilatura drops the date or repairs it (to 2024-02-01); either way the page is read
    assert [r["text"] for r in rows] == ["Some 40", "300"] and rows[0]["published"] != "2024-02-31"


# -- JSON Lines --------------------------------------------------------------------

def test_jsonl_bad_line_is_skipped_with_its_line_number(tmp_path):
    path = tmp_path / "feed.jsonl"
    good = {"published": "2024-11-01"}
    path.write_text("\n".join([
        json.dumps({**good, "id": "a", "text": "Police said 40 people were arrested in Orsk on Monday."}),
        '{"id": "broken", "text": "no closing brace"',
        json.dumps({**good, "id": "b", "text": "The mayor said 90 people were arrested in Orsk on Monday."}),
    ]) + "\n")
    result = run(["check", path])
    assert result.exit_code == 1, result.stderr  # the two good lines disagree: a warning
    assert result.stdout.startswith(f"{path}:1: warning NC101 ")
    warnings = [line for line in result.stderr.splitlines() if line.startswith("numcheck: warning:")]
    assert len(warnings) == 1 and f"{path}:2: skipped a line that is not JSON" in warnings[0]
    assert "in 2 articles" in result.stderr


@pytest.mark.parametrize("line, message", [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"text": "Some 40", "n": ' + "1" * 5000 + "}", "cannot be read"),
    ('["not", "an", "object"]', "not a JSON object"),
    ('{"title": "no text"}', "no 'text' string"),
    ('{"text": "Some 40 died.", "published": "2024-02-31"}', "'published' is not a date"),
    ('{"text": "Some 40 died.", "title": {"nested": ["x"]}}', "'title' must be text"),
])
def test_jsonl_each_bad_line_is_named_and_the_rest_read(tmp_path, line, message):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "a", "text": FIGURE}) + "\n" + line + "\n"
                    + json.dumps({"id": "c", "text": FIGURE}) + "\n")
    result = run(["export", path])
    assert [r["article"] for r in claims(result)] == ["a", "c"]
    assert f"{path}:2" in result.stderr and message in result.stderr and result.stderr.count("\n") == 1


def test_jsonl_in_utf16_with_bom(tmp_path):
    path = tmp_path / "feed.jsonl"
    text = json.dumps({"id": "a", "text": "Some 40 died, said José."}, ensure_ascii=False) + "\r\n"
    path.write_bytes(codecs.BOM_UTF16_LE + (text * 2).encode("utf-16-le"))
    rows = claims(run(["export", path]))
    assert [(r["article"], r["line"], r["source"]) for r in rows] == [("a", "1", "José"), ("a", "2", "José")]


def test_jsonl_lone_surrogate_does_not_break_the_output(tmp_path, out):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "s\\ud800", "text": "Some 40 \\udfff people died on Monday, police said."}\n')
    result = run(["export", path, "-o", out])
    assert result.exit_code == 0, result.stderr
    assert "s\ufffd,0," in out.read_text(encoding="utf-8")


# -- folders, links and files that cannot be read -------------------------------------

@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_unreadable_file_in_a_folder_is_skipped_with_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text(FIGURE)
    secret = tmp_path / "b.txt"
    secret.write_text(FIGURE)
    secret.chmod(0)
    try:
        result = run(["check", tmp_path])
    finally:
        secret.chmod(0o644)
    assert result.exit_code == 0
    assert f"{secret}: permission denied; file skipped" in result.stderr and "in 1 article" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_unreadable_file_given_by_name_is_an_error(tmp_path, out):
    secret = tmp_path / "b.txt"
    secret.write_text(FIGURE)
    secret.chmod(0)
    try:
        fails_and_keeps_output(secret, out, f"{secret}: permission denied")
    finally:
        secret.chmod(0o644)


def test_unreadable_file_in_a_folder_is_skipped_even_as_root(tmp_path, monkeypatch):
    """The same as above where chmod cannot stop root: reading the file raises PermissionError."""
    from pathlib import Path

    (tmp_path / "a.txt").write_text(FIGURE)
    secret = tmp_path / "b.txt"
    secret.write_text(FIGURE)
    real = Path.read_bytes

    def read_bytes(self):
        if self == secret:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = run(["check", tmp_path])
    assert result.exit_code == 0
    assert f"{secret}: permission denied; file skipped" in result.stderr and "in 1 article" in result.stderr


def test_named_pipe_in_a_folder_is_skipped_not_waited_on(tmp_path):
    (tmp_path / "a.txt").write_text(FIGURE)
    os.mkfifo(tmp_path / "pipe.txt")
    result = run(["check", tmp_path])
    assert result.exit_code == 0
    assert f"{tmp_path / 'pipe.txt'}: skipped, not a regular file" in result.stderr


def test_symlink_loops_are_read_once_and_reported(tmp_path):
    (tmp_path / "a.txt").write_text(FIGURE)
    (tmp_path / "again").symlink_to(tmp_path)  # a folder loop
    (tmp_path / "x.md").symlink_to(tmp_path / "y.md")  # a file loop
    (tmp_path / "y.md").symlink_to(tmp_path / "x.md")
    result = run(["export", tmp_path])
    assert [r["article"] for r in claims(result)] == ["a"]
    for name in ("x.md", "y.md"):
        assert f"{tmp_path / name}: cannot read (Too many levels of symbolic links); file skipped" in result.stderr


def test_symlink_loop_given_by_name(tmp_path, out):
    (tmp_path / "x.md").symlink_to(tmp_path / "y.md")
    (tmp_path / "y.md").symlink_to(tmp_path / "x.md")
    fails_and_keeps_output(tmp_path / "x.md", out, f"{tmp_path / 'x.md'}: a symbolic link that leads nowhere")


def test_missing_file(tmp_path, out):
    fails_and_keeps_output(tmp_path / "nope.txt", out, f"{tmp_path / 'nope.txt'}: no such file or folder")


def test_missing_file_after_good_ones_keeps_the_output(tmp_path, out):
    """The claims export streams; an error half-way through must still leave the old file."""
    good = tmp_path / "good.txt"
    good.write_text(FIGURE)
    result = run(["export", good, tmp_path / "nope.txt", "-o", out])
    assert_error(result, f"{tmp_path / 'nope.txt'}: no such file or folder")
    assert_untouched(out)


def test_folder_without_articles(tmp_path, out):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.csv").write_text("a,b\n")
    fails_and_keeps_output(empty, out, f"{empty}: no articles found in this folder")


# -- the command line itself ------------------------------------------------------------

@pytest.mark.parametrize("command", ["export", "report"])
def test_output_into_a_missing_folder(tmp_path, command):
    article = tmp_path / "a.txt"
    article.write_text(FIGURE)
    target = tmp_path / "no" / "such" / "file.out"
    assert_error(run([command, article, "-o", target]), str(tmp_path / "no" / "such"), "does not exist")
    assert not (tmp_path / "no").exists()


def test_unknown_option(tmp_path, out):
    article = tmp_path / "a.txt"
    article.write_text(FIGURE)
    result = run(["export", article, "--bogus", "-o", out])
    assert_error(result, "No such option", "--bogus")
    assert_untouched(out)


@pytest.mark.parametrize("value", ["1 Nov", "2024-02-31", "tomorrow", ""])
def test_bad_published_option(tmp_path, out, value):
    article = tmp_path / "a.txt"
    article.write_text(FIGURE)
    result = run(["export", article, "--published", value, "-o", out])
    assert_error(result, "--published", repr(value), "YYYY-MM-DD")
    assert_untouched(out)
