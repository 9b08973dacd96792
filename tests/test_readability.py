"""Readability figures are textstat 0.7.8's, to the last digit, without its dictionary load.

jdgen counts syllables from a table of the CMU dictionary cached in the user's cache
directory (looked up only for the words of a posting); these tests compare every
figure with textstat itself and check that a missing, damaged or switched-off cache
changes nothing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import textstat

from jdgen.catalog import builtin_catalog
from jdgen.lint.readability import readability, sentence_count, words
from jdgen.lint.syllables import SyllableTable, table_name
from jdgen.models import Company
from jdgen.render import render
from jdgen.tailor import tailor

CATALOG = builtin_catalog()

ODD_TEXTS = [
    "",
    "Hi.",
    "Yes. No. Maybe so.",
    "We're hiring! You'll lead the team's cross-functional KPIs — it's 24/7, isn't it?",
    "'Quoted' words and dogs' bowls; O'Neill's crew ships 1,200 SKUs/day via 3PL partners.",
    "Supervise the EHS programme, the ISO 9001 audits and the CMMS roll-out at the plant",
    "Café naïve façade résumé coördinate Zürich... Ellipses!!! And? Questions?",
    "Operationalise omnichannel fulfilment; onboard reverse-logistics vendors quickly.",
]


def reference(text: str) -> tuple[float, float]:
    return textstat.flesch_reading_ease(text), textstat.flesch_kincaid_grade(text)


def posting_texts() -> list[str]:
    texts = []
    sizes, industries = sorted(CATALOG.sizes), sorted(CATALOG.industries)
    for i, role_id in enumerate(sorted(CATALOG.roles)):
        company = Company(size=sizes[i % len(sizes)], industry=industries[i % len(industries)])
        jd = tailor(CATALOG.roles[role_id], company, CATALOG)
        texts.append(render(jd, "txt").decode("utf-8"))
    return texts


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_text_scores_like_textstat(text: str) -> None:
    ours = readability(text)
    assert (ours.reading_ease, ours.grade) == reference(text)
    assert len(words(text)) == textstat.lexicon_count(text)
    assert sentence_count(text) == textstat.sentence_count(text)


def test_every_role_scores_like_textstat() -> None:
    for text in posting_texts():
        ours = readability(text)
        assert (ours.reading_ease, ours.grade) == reference(text), text[:60]


def test_syllables_per_word_like_textstat() -> None:
    text = " ".join(ODD_TEXTS + posting_texts()[:3])
    table = SyllableTable()
    found = words(text, lowercase=True)
    counts = table.counts(found)
    assert sum(counts[w] for w in found) == textstat.syllable_count(text)


def _table_path(cache: Path) -> Path:
    return cache / table_name()


def test_words_outside_the_dictionary_are_remembered_in_the_cached_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JDGEN_CACHE_DIR", str(tmp_path))
    counts = SyllableTable().counts(["warehouse", "omnichannelish"])
    assert counts == {
        "warehouse": textstat.syllable_count("warehouse"),
        "omnichannelish": textstat.syllable_count("omnichannelish"),
    }
    with sqlite3.connect(_table_path(tmp_path)) as db:
        stored = dict(db.execute("SELECT word, n FROM syllables WHERE word LIKE 'omnichannel%'"))
        total = db.execute("SELECT count(*) FROM syllables").fetchone()[0]
    assert stored == {"omnichannelish": counts["omnichannelish"]}
    assert total > 100_000  # the whole dictionary, built once
    assert SyllableTable().counts(["omnichannelish"]) == {
        "omnichannelish": counts["omnichannelish"]
    }


@pytest.mark.parametrize("damage", ["garbage", "wrong-table", "unwritable", "off"])
def test_a_damaged_or_missing_cache_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    text = ODD_TEXTS[3] + " " + posting_texts()[0]
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("JDGEN_CACHE_DIR", str(cache))
    if damage == "garbage":
        _table_path(cache).write_bytes(b"this is not a database" * 100)
    elif damage == "wrong-table":
        with sqlite3.connect(_table_path(cache)) as db:
            db.execute("CREATE TABLE other (x)")
    elif damage == "unwritable":
        monkeypatch.setenv("JDGEN_CACHE_DIR", str(cache / "file" / "under-a-file"))
        (cache / "file").write_text("a file where the cache directory would be")
    else:
        monkeypatch.setenv("JDGEN_NO_CACHE", "1")
    table = SyllableTable()
    found = words(text, lowercase=True)
    counts = table.counts(found)
    assert sum(counts[w] for w in found) == textstat.syllable_count(text)
