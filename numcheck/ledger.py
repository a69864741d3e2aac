"""The claims ledger: every claim numcheck has seen, in one SQLite file.

An article is keyed by its id and the hash of its content: ingesting it again
unchanged does nothing, an edited article has its claims replaced. Each
article is written in one transaction (a crash leaves the ledger as it was),
and the file runs in WAL mode with a busy timeout, so two CI jobs can write at
once and neither loses a claim.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable

from .errors import InputError
from .model import Article, Claim, Figure

SCHEMA_VERSION = 1
_BUSY_TIMEOUT_MS = 60_000

_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS articles (
        id TEXT PRIMARY KEY, path TEXT, title TEXT, outlet TEXT, url TEXT, published TEXT,
        content_hash TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS claims (
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, data TEXT NOT NULL, quantity TEXT, said_on TEXT,
        PRIMARY KEY (article, start))""",
    """CREATE INDEX IF NOT EXISTS claims_quantity ON claims(quantity)""",
]
# Migrations from version N to N+1, in order; version 1 is the first schema.
_MIGRATIONS: list[list[str]] = []


def content_hash(article: Article) -> str:
    parts = [article.text, article.title, article.outlet, article.url,
             article.published.isoformat() if article.published else ""]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _claim_to_json(c: Claim) -> str:
    f = c.figure
    return json.dumps({
        "path": c.path, "published": c.published.isoformat() if c.published else None,
        "sentence": c.sentence, "sentence_text": c.sentence_text, "line": c.line,
        "figure": [f.start, f.end, f.text, f.value, f.low, f.high, f.approx, f.unit, f.precision],
        "counted": c.counted, "quantity": c.quantity, "source": c.source, "source_type": c.source_type,
        "via": c.via, "said_on": c.said_on.isoformat() if c.said_on else None,
        "said_on_grain": c.said_on_grain, "modality": c.modality, "refers_to": c.refers_to,
        "part_of": c.part_of, "dated": c.dated}, ensure_ascii=False)


def _claim_from_json(article: str, data: str) -> Claim:
    d = json.loads(data)
    day = lambda v: date.fromisoformat(v) if v else None  # noqa: E731 - a one-line converter
    return Claim(article=article, path=d["path"], published=day(d["published"]), sentence=d["sentence"],
                 sentence_text=d["sentence_text"], line=d["line"], figure=Figure(*d["figure"]),
                 counted=d["counted"], quantity=d["quantity"], source=d["source"],
                 source_type=d["source_type"], via=d["via"], said_on=day(d["said_on"]),
                 said_on_grain=d["said_on_grain"], modality=d["modality"], refers_to=d["refers_to"],
                 part_of=d["part_of"], dated=d.get("dated", False))


@dataclass
class Ledger:
    path: str
    db: sqlite3.Connection

    @classmethod
    def open(cls, path: str) -> "Ledger":
        folder = Path(path).resolve().parent
        if not folder.is_dir():
            raise InputError("the folder for the ledger does not exist", where=path)
        deadline = time.monotonic() + _BUSY_TIMEOUT_MS / 1000
        pause = 0.02
        while True:
            try:
                db = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None)
                db.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA foreign_keys = ON")
                ledger = cls(path, db)
                ledger._migrate()
                return ledger
            except sqlite3.OperationalError as exc:
                # Switching a new file to WAL does not wait for another job that is creating it
                # at the same moment; wait our turn instead of failing.
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise InputError(f"cannot open the ledger ({exc})", where=path) from None
                db.close()
                time.sleep(pause)
                pause = min(pause * 2, 0.5)
            except sqlite3.DatabaseError as exc:
                raise InputError(f"not a numcheck ledger ({exc})", where=path) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _migrate(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for statement in _SCHEMA:
                self.db.execute(statement)
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            version = int(row[0]) if row else SCHEMA_VERSION
            if version > SCHEMA_VERSION:
                raise InputError(f"ledger schema {version} is newer than this numcheck ({SCHEMA_VERSION}); "
                                 "upgrade numcheck", where=self.path)
            for step in _MIGRATIONS[version - 1:]:
                for statement in step:
                    self.db.execute(statement)
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def known_hash(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def ingest(self, article: Article, claims: Iterable[Claim]) -> str:
        """Store one article and its claims; 'added', 'replaced' or 'unchanged'."""
        digest = content_hash(article)
        self.db.execute("BEGIN IMMEDIATE")
        try:
            row = self.db.execute("SELECT content_hash FROM articles WHERE id = ?", (article.id,)).fetchone()
            if row and row[0] == digest:
                self.db.execute("COMMIT")
                return "unchanged"
            self.db.execute("DELETE FROM claims WHERE article = ?", (article.id,))
            self.db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (article.id, article.path, article.title, article.outlet, article.url,
                             article.published.isoformat() if article.published else None, digest))
            self.db.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?)", [
                (c.article, c.figure.start, _claim_to_json(c), c.quantity,
                 c.said_on.isoformat() if c.said_on else None) for c in claims])
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return "replaced" if row else "added"

    def claims(self, exclude: set[str] = frozenset()) -> list[Claim]:
        rows = self.db.execute("SELECT article, data FROM claims ORDER BY article, start").fetchall()
        return [_claim_from_json(article, data) for article, data in rows if article not in exclude]

    def articles(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT id FROM articles ORDER BY id")]
