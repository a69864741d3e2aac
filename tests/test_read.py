"""Reading articles: front matter, folders, JSON Lines, encodings, stdin."""
from __future__ import annotations

import codecs
import io
import json
from datetime import date

import pytest

from numcheck.errors import InputError
from numcheck.read import read_paths


def articles(paths, **kw):
    return list(read_paths([str(p) for p in paths], **kw))


def test_front_matter_fields_and_body_line(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("---\nid: nk-1\ntitle: Troops\noutlet: The Ledger\nurl: https://example.org/a\n"
                    "published: 2024-11-01\n---\nFirst line.\nSome 40 people died.\n")
    (a,) = articles([path])
    assert (a.id, a.title, a.outlet, a.url, a.published) == ("nk-1", "Troops", "The Ledger",
                                                             "https://example.org/a", date(2024, 11, 1))
    assert a.text.startswith("First line.")
    assert a.line_of(a.text.index("Some 40")) == 9


@pytest.mark.parametrize("value, expected", [
    ("2024-11-01", date(2024, 11, 1)),
    ("2024-11-01T09:30:00Z", date(2024, 11, 1)),
    ("2024-11-01 09:30:00+02:00", date(2024, 11, 1)),
])
def test_published_forms(tmp_path, value, expected):
    path = tmp_path / "a.md"
    path.write_text(f"---\npublished: '{value}'\n---\nText.\n")
    assert articles([path])[0].published == expected


def test_published_option_fills_a_missing_date_only(tmp_path):
    (tmp_path / "dated.md").write_text("---\npublished: 2024-01-02\n---\nText.\n")
    (tmp_path / "undated.txt").write_text("Text.\n")
    got = {a.id: a.published for a in articles([tmp_path], published=date(2024, 11, 1))}
    assert got == {"dated": date(2024, 1, 2), "undated": date(2024, 11, 1)}


def test_impossible_date_names_the_file(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\npublished: 2024-02-31\n---\nText.\n")
    with pytest.raises(InputError, match="published"):
        articles([path])


def test_broken_front_matter_names_the_line(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: [unclosed\n---\nText.\n")
    with pytest.raises(InputError) as err:
        articles([path])
    assert "a.md:" in str(err.value) and "front matter" in str(err.value)


def test_hostile_yaml_is_not_executed(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: !!python/object/apply:os.system ['echo hi']\n---\nText.\n")
    with pytest.raises(InputError):
        articles([path])


def test_folder_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.md").write_text("Two.")
    (tmp_path / "1.txt").write_text("One.")
    (tmp_path / "notes.csv").write_text("ignored")
    assert [a.id for a in articles([tmp_path])] == ["1", "2"]


def test_jsonl_bad_line_is_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Some 40 died.", "published": "2024-11-01"}) + "\n"
                    + "{not json\n" + json.dumps({"text": "Two."}) + "\n")
    warnings = []
    got = articles([path], warn=warnings.append)
    assert [a.id for a in got] == ["a", "feed-3"]
    assert got[0].published == date(2024, 11, 1) and got[1].fixed_line == 3
    assert len(warnings) == 1 and "feed.jsonl:2" in warnings[0]


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF16_LE + "Some 40 people died.".encode("utf-16-le"),
    "Some 40 people died in Málaga.".encode("cp1252"),
    codecs.BOM_UTF8 + "Some 40 people died.".encode("utf-8"),
    b"Some 40 people\r\ndied.\r\n",
])
def test_encodings_and_line_endings(tmp_path, data):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    (a,) = articles([path])
    assert "Some 40 people" in a.text and "\r" not in a.text


def test_empty_file_is_an_article_with_no_text(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")
    assert articles([path])[0].text == ""


def test_stdin(tmp_path):
    (a,) = articles(["-"], stdin=io.BytesIO(b"---\nid: s\n---\nSome 40 people died.\n"))
    assert a.id == "s" and a.path == "<stdin>"


def test_empty_folder_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no articles"):
        articles([tmp_path])


def test_symlink_loop_is_read_once(tmp_path):
    (tmp_path / "a.md").write_text("One.")
    (tmp_path / "loop").symlink_to(tmp_path)
    assert [a.id for a in articles([tmp_path])] == ["a"]
