""" "About the role" says what this job is for at this business (issue 10 item 3; review r6:
summaries that read as if for any job), on the shipped catalog: no summary sentence that
fits any job, the review companies' summaries name their kind of business, and a summary
about several stores or sites is kept for a company that has them."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

import jdgen
from jdgen.company import load_company
from jdgen.models import Company
from jdgen.tailor import tailor

COMPANIES = Path(__file__).parent / "review" / "companies"

#: What the r6 review cut as fitting any job.
STOCK = re.compile(
    r"long-term direction of our operations|works? toward the company's goals|"
    r"second-in-command|the company's vision|a lasting strength|"
    r"keep our supply chain running smoothly",
    re.IGNORECASE,
)


@cache
def catalog() -> jdgen.Catalog:
    return jdgen.load_catalog()


def company(stem: str) -> Company:
    return load_company(COMPANIES / f"{stem}.yaml", catalog())


def about(role_id: str, co: Company) -> str:
    section = tailor(catalog().roles[role_id], co, catalog()).section("about-role")
    assert section is not None
    return " ".join(section.paragraphs)


def test_no_stock_summary_in_the_shipped_catalog() -> None:
    texts = [
        (role.id, text)
        for role in catalog().roles.values()
        for text in (
            role.summary,
            *role.summary_by_business_model.values(),
            *role.summary_by_industry.values(),
            *(s.text for s in role.summaries),
        )
    ]
    assert texts
    assert not [(r, t[:60]) for r, t in texts if STOCK.search(t)]
    assert STOCK.search("you will set the long-term direction of our operations")  # it can fail


@pytest.mark.parametrize(
    ("stem", "role_id", "expected"),
    [
        (
            "harbor-supply",
            "operations-director",
            "buy, hold and deliver what our business customers",
        ),
        ("harbor-supply", "supply-chain-manager", "the stock our customers order from us"),
        ("sprocket", "vp-of-operations", "deliver our software as a service"),
        ("sprocket", "vp-of-customer-experience", "from the first login to each renewal"),
        ("ledgerline", "chief-operating-officer", "how long our cash lasts"),
        ("meridian-bank", "chief-operating-officer", "every account we open"),
        ("pennant-payments", "head-of-business-operations", "how merchants are boarded"),
        ("spreetal-antriebe", "chief-operating-officer", "production, purchasing, planning"),
        ("northfield-castings", "process-improvement-manager", "scrap and rework"),
        ("basil-and-crate", "chief-supply-chain-officer", "before it spoils"),
        ("harrow-and-finch", "operations-manager", "behind our stores"),
        ("kestrel-logistics", "vp-of-supply-chain", "for our clients"),
        ("st-brigid-health", "chief-administrative-officer", "our hospitals and clinics rely on"),
    ],
)
def test_the_summary_names_the_business(stem: str, role_id: str, expected: str) -> None:
    text = about(role_id, company(stem))
    assert expected in text
    assert not STOCK.search(text)


def test_a_line_about_our_stores_needs_more_than_one_site() -> None:
    """A retailer that gave one site gets no summary about "our stores" (a fact it did not
    give); with its 39 sites it does."""
    many = company("harrow-and-finch")
    one = many.model_copy(update={"sites": 1, "size": 12})
    for role_id in ("operations-manager", "director-of-supply-chain", "operations-director"):
        assert "our stores" in about(role_id, many), role_id
        assert "our stores" not in about(role_id, one), role_id
