"""Whatever the input, numcheck answers with an exit code of 0, 1 or 2, and with 2 it says why in one line.

Hypothesis writes arbitrary text, front matter, JSON Lines and HTML to a file and
runs ``numcheck check`` on it through click's CliRunner, as a user would: the
exit code is always 0, 1 or 2; with 2, standard error is exactly one line that
starts with "numcheck: error:"; and numcheck never reports an internal error.
"""
from __future__ import annotations

import json
import tempfile
from datetime import date, datetime, timezone
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numcheck.cli import main
from numcheck.read import FRONT_MATTER_KEYS

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like news some of the time: figures, hedges, speech verbs, dates, quotes and line breaks.
NEWSY = st.sampled_from([
    "Some 11,000 soldiers", "more than 3,000", "$1.2bn", "40%", "two dozen", "last week", "on Wednesday",
    "said", "according to", "the Pentagon", "Reuters", " of them", "between 10 and 20", "1,1,1", "nearly",
    "\u201c", "\u201d", '"', ".", ". ", ",", "\n", "\r\n", "\r", "---\n", "2024-02-31", "Oct 30", "1990s",
    "\u00a0", "\u0661\u0662", "\u00b2", "\ufeff", "\u2028", "\x00", "\t",
])
TEXT = st.lists(st.one_of(NEWSY, st.text(max_size=20)), max_size=40).map("".join)

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30), st.dates(), st.datetimes(timezones=st.sampled_from([None, timezone.utc])),
    st.sampled_from(["2024-11-01", "2024-02-31", "2024-11-01T09:30:00Z", "yesterday", "", "null", "~"]),
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=10)
KEYS = st.one_of(st.sampled_from(FRONT_MATTER_KEYS + ("published_at", "date")), st.text(max_size=12))
META = st.dictionaries(KEYS, VALUES, max_size=8)
# Front matter as a YAML dumper writes it, and as a person might (unquoted, perhaps broken).
RAW_LINE = st.builds(lambda k, v: f"{k}: {v}", KEYS, st.one_of(st.text(max_size=30), NEWSY))


def check(name: str, data: bytes):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        result = CliRunner().invoke(main, ["check", str(path)], catch_exceptions=False)
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.stderr)
    assert "internal error" not in result.stderr, result.stderr
    assert "Traceback" not in result.output + result.stderr
    if result.exit_code == 2:
        assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n"), result.stderr
        assert result.stderr.startswith("numcheck: error:"), result.stderr
    return result


def _dump(meta: dict) -> str:
    return yaml.safe_dump(meta, allow_unicode=True, default_flow_style=False, sort_keys=False)


@FUZZ
@given(TEXT)
def test_arbitrary_text(text):
    check("article.txt", text.encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(META, TEXT)
def test_arbitrary_front_matter(meta, body):
    check("article.md", f"---\n{_dump(meta)}---\n{body}".encode("utf-8"))


@FUZZ
@given(st.lists(RAW_LINE, max_size=6), TEXT)
def test_hand_written_front_matter(lines, body):
    check("article.md", ("---\n" + "\n".join(lines) + "\n---\n" + body).encode("utf-8"))


@FUZZ
@given(st.lists(st.one_of(
    st.builds(lambda meta, text: json.dumps({**meta, "text": text}, default=str), META, TEXT),
    st.text(max_size=40),
), max_size=5))
def test_arbitrary_json_lines(lines):
    check("feed.jsonl", "\n".join(lines).encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<title>", "</title>", "<html>",
                                           "<body>", "<script>", "<!--", "-->", "<meta name='date' content='",
                                           "'>", "&amp;", "&#0;", "<", ">", "<![CDATA["]), TEXT), max_size=30))
def test_arbitrary_html(parts):
    check("page.html", "".join(parts).encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(st.binary(max_size=200))
def test_arbitrary_bytes(data):
    check("article.txt", data)


def test_date_values_round_trip_through_yaml():
    """The strategies above do produce the YAML dates, date-times and nulls front matter uses."""
    text = _dump({"published": date(2024, 11, 1), "title": None, "id": datetime(2024, 11, 1, 9, 30)})
    assert "published: 2024-11-01" in text and "title: null" in text
