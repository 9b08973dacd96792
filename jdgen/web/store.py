"""Drafts and company profiles in one SQLite file: every save is a new version.

A document (a posting draft or a company profile) has a name and numbered versions;
each version keeps the time it was saved, an optional note and the data (JSON).
Saving names the version it was based on, and a save based on an older version than
the latest is refused (:class:`StaleVersion`), so two tabs never overwrite each other.

Every write is one ``BEGIN IMMEDIATE`` transaction in WAL mode: a server killed in
the middle of a save leaves the file as it was before that save, and several server
processes can share one file (writers wait up to ``busy_timeout`` for each other).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

Kind = Literal["draft", "profile"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('draft', 'profile')),
    name TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS versions (
    document_id INTEGER NOT NULL REFERENCES documents (id),
    number INTEGER NOT NULL,
    saved TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL,
    PRIMARY KEY (document_id, number)
);
"""


class StoreError(Exception):
    """A document or version that does not exist."""


class StaleVersion(StoreError):
    """A save based on a version older than the latest."""

    def __init__(self, latest: Version, base: int) -> None:
        self.latest = latest
        self.base = base
        super().__init__(
            f"not saved: this draft was saved elsewhere as version {latest.number} "
            f"({latest.saved}) after you opened version {base}"
        )


@dataclass(frozen=True)
class Version:
    document_id: int
    number: int
    saved: str
    note: str
    data: dict[str, Any]


@dataclass(frozen=True)
class Document:
    id: int
    kind: Kind
    name: str
    created: str
    latest: Version


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


class Store:
    """The database at ``path`` (created with its folder on first use)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        return conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One immediate transaction: all of it is written, or none of it."""
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            conn.close()

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        conn = self._connect()
        try:
            yield conn
        finally:
            conn.close()

    # -- reading -------------------------------------------------------------

    @staticmethod
    def _version(row: tuple[Any, ...]) -> Version:
        return Version(row[0], row[1], row[2], row[3], json.loads(row[4]))

    def _latest(self, conn: sqlite3.Connection, doc_id: int) -> Version:
        row = conn.execute(
            "SELECT document_id, number, saved, note, data FROM versions "
            "WHERE document_id = ? ORDER BY number DESC LIMIT 1",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise StoreError(f"no document {doc_id}")
        return self._version(row)

    def _document(self, conn: sqlite3.Connection, doc_id: int, kind: Kind | None) -> Document:
        if not 0 < doc_id < 2**63:
            raise StoreError(f"no {kind or 'document'} {doc_id}")
        row = conn.execute(
            "SELECT id, kind, name, created FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        if row is None or (kind is not None and row[1] != kind):
            raise StoreError(f"no {kind or 'document'} {doc_id}")
        return Document(row[0], row[1], row[2], row[3], self._latest(conn, doc_id))

    def get(self, doc_id: int, kind: Kind | None = None) -> Document:
        with self._read() as conn:
            return self._document(conn, doc_id, kind)

    def documents(self, kind: Kind) -> list[Document]:
        """Documents of ``kind``, most recently saved first."""
        with self._read() as conn:
            ids = [
                r[0]
                for r in conn.execute(
                    "SELECT d.id FROM documents d JOIN versions v ON v.document_id = d.id "
                    "WHERE d.kind = ? GROUP BY d.id ORDER BY MAX(v.saved) DESC, d.id DESC",
                    (kind,),
                )
            ]
            return [self._document(conn, i, kind) for i in ids]

    def versions(self, doc_id: int) -> list[Version]:
        """Every version of a document, newest first."""
        with self._read() as conn:
            self._document(conn, doc_id, None)
            rows = conn.execute(
                "SELECT document_id, number, saved, note, data FROM versions "
                "WHERE document_id = ? ORDER BY number DESC",
                (doc_id,),
            ).fetchall()
        return [self._version(r) for r in rows]

    def version(self, doc_id: int, number: int) -> Version:
        if not (0 < doc_id < 2**63 and 0 < number < 2**63):
            raise StoreError(f"document {doc_id} has no version {number}")
        with self._read() as conn:
            row = conn.execute(
                "SELECT document_id, number, saved, note, data FROM versions "
                "WHERE document_id = ? AND number = ?",
                (doc_id, number),
            ).fetchone()
        if row is None:
            raise StoreError(f"document {doc_id} has no version {number}")
        return self._version(row)

    # -- writing -------------------------------------------------------------

    def create(self, kind: Kind, name: str, data: dict[str, Any], note: str = "") -> Version:
        """A new document with its first version."""
        now = _now()
        with self._write() as conn:
            cur = conn.execute(
                "INSERT INTO documents (kind, name, created) VALUES (?, ?, ?)", (kind, name, now)
            )
            doc_id = int(cur.lastrowid or 0)
            return self._insert(conn, doc_id, 1, data, note, now)

    def save(
        self, doc_id: int, data: dict[str, Any], base: int, note: str = "", name: str | None = None
    ) -> Version:
        """A new version of ``doc_id`` based on version ``base``; refused when stale."""
        with self._write() as conn:
            latest = self._document(conn, doc_id, None).latest
            if latest.number != base:
                raise StaleVersion(latest, base)
            if name:
                conn.execute("UPDATE documents SET name = ? WHERE id = ?", (name, doc_id))
            return self._insert(conn, doc_id, latest.number + 1, data, note, _now())

    def restore(self, doc_id: int, number: int, base: int) -> Version:
        """A new version with the data of version ``number``."""
        old = self.version(doc_id, number)
        return self.save(doc_id, old.data, base, note=f"restored version {number}")

    @staticmethod
    def _insert(
        conn: sqlite3.Connection,
        doc_id: int,
        number: int,
        data: dict[str, Any],
        note: str,
        now: str,
    ) -> Version:
        text = json.dumps(data, sort_keys=True, ensure_ascii=False)
        conn.execute(
            "INSERT INTO versions (document_id, number, saved, note, data) VALUES (?, ?, ?, ?, ?)",
            (doc_id, number, now, note, text),
        )
        return Version(doc_id, number, now, note, json.loads(text))
