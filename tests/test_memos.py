"""What jdgen remembers to tailor faster answers as if it had worked everything out
afresh, also past the size of its caches."""

from __future__ import annotations

from pathlib import Path

import pytest

from jdgen.cache import DiskMemo, load_pickle
from jdgen.spelling import SpellingMap, respeller


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "cache"
    monkeypatch.setenv("JDGEN_CACHE_DIR", str(root))
    return root


def test_a_full_disk_memo_keeps_further_answers_in_memory(cache: Path) -> None:
    memo: DiskMemo[str, int] = DiskMemo("test-memo", "test/1", (), limit=2)
    asked: list[str] = []

    def work_out(key: str) -> int:
        asked.append(key)
        return len(key)

    for key in ["a", "bb", "ccc", "dddd", "ccc", "a", "dddd"]:
        assert memo.get(key, int, work_out) == len(key)
    assert asked == ["a", "bb", "ccc", "dddd"]
    memo._save()
    assert load_pickle(memo.name()) == {"a": 1, "bb": 2}  # the disk keeps the limit


def test_answers_past_the_limit_are_forgotten_when_too_many(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(DiskMemo, "MORE", 2)
    memo: DiskMemo[str, int] = DiskMemo("test-memo", "test/1", (), limit=0)
    asked: list[str] = []

    def work_out(key: str) -> int:
        asked.append(key)
        return len(key)

    for key in ["a", "bb", "ccc", "a", "ccc"]:
        assert memo.get(key, int, work_out) == len(key)
    assert asked == ["a", "bb", "ccc", "a"]


def test_a_respelt_text_seen_before_keeps_what_this_posting_keeps() -> None:
    spell = respeller(
        {"en-GB": SpellingMap(words={"center": "centre"}, stems={"organiz": "organis"})},
        "en-GB",
    )
    assert spell is not None
    text = "The Center organizes the Service Center."
    for _ in range(2):  # worked out, then remembered
        assert spell(text) == "The Centre organises the Service Centre."
        assert spell(text, ("Service Center",)) == "The Centre organises the Service Center."
        assert spell("No change here.") == "No change here."
