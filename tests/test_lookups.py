"""Indexed size/industry/level lookups and remembered sentences give what the plain
scans and fresh fills give (a batch relies on both for speed)."""

from __future__ import annotations

import pytest

from jdgen.catalog import builtin_catalog
from jdgen.errors import UnknownChoiceError
from jdgen.models import Company
from jdgen.names import find_choice
from jdgen.render import render
from jdgen.tailor import _FILLED, tailor

CATALOG = builtin_catalog()


@pytest.mark.parametrize("kind", ["sizes", "industries", "levels"])
def test_indexed_lookup_finds_what_the_scan_finds(kind: str) -> None:
    table = getattr(CATALOG, kind)
    finder = {
        "sizes": CATALOG.find_size,
        "industries": CATALOG.find_industry,
        "levels": CATALOG.find_level,
    }[kind]
    for entry in table.values():
        for name in (entry.id, entry.name, *entry.aliases):
            for query in (name, name.upper(), f" {name.title()}!"):
                assert finder(query) is find_choice(table, query), query
    with pytest.raises(UnknownChoiceError) as err:
        finder("no-such-thing")
    assert "no-such-thing" in str(err.value)


def test_headcounts_fall_in_their_band() -> None:
    bands = sorted(CATALOG.sizes.values(), key=lambda s: s.headcount_min)
    for size in bands:
        assert CATALOG.find_size(size.headcount_min) is size
        assert CATALOG.find_size(str(size.headcount_min)) is size
    assert CATALOG.find_size(10**6) is bands[-1]


def test_remembered_sentences_never_cross_postings() -> None:
    role = CATALOG.find_role("vp-of-operations")
    one = Company(name="Acme Widgets", size="small", industry="retail")
    other = Company(name="Borealis Health", size="enterprise", industry="healthcare")
    _FILLED.clear()
    first = render(tailor(role, one, CATALOG), "md")
    assert _FILLED  # sentences were remembered
    second = render(tailor(role, other, CATALOG), "md")
    again = render(tailor(role, one, CATALOG), "md")
    _FILLED.clear()
    fresh = render(tailor(role, one, CATALOG), "md")
    assert first == again == fresh
    assert second != first
    _FILLED.clear()
    assert render(tailor(role, other, CATALOG), "md") == second
