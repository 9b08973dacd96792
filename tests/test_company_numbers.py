"""Lines follow the company's own numbers and facts, not a hedge across every case (issue
10 items 1 and 7; review r4a/r5: "a few thousand people" for 1,500, "Salesforce or a
similar CRM" at a company that named Salesforce), checked on the review companies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import jdgen
from jdgen import Catalog, Company

FIXTURE = Path(__file__).parent / "fixtures" / "catalog"
REVIEW = Path(__file__).parent / "review" / "companies"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return jdgen.load_catalog()


def review(name: str, catalog: Catalog) -> Company:
    return jdgen.load_company(REVIEW / f"{name}.yaml", catalog)


def text(jd: jdgen.JobDescription) -> str:
    from jdgen.render import render

    return render(jd, "md").decode()


def test_named_systems_are_not_hedged(catalog: Catalog) -> None:
    """A company that lists its CRM and ERP is not asked for "… or a similar CRM"."""
    for name in ("sprocket", "harbor-supply", "ledgerline", "kestrel-logistics"):
        company = review(name, catalog)
        for role in catalog.roles:
            body = text(jdgen.generate(role, company, catalog=catalog))
            hedge = re.search(r" or a similar (CRM|ERP|platform|help desk)\b", body)
            assert hedge is None, (name, role, hedge)


def test_industry_experience_names_the_company_s_own_kind_of_business(catalog: Catalog) -> None:
    kestrel = review("kestrel-logistics", catalog)
    jd = text(jdgen.generate("global-operations-manager", kestrel, catalog=catalog))
    assert "Experience at a third-party logistics provider." in jd
    bank = text(jdgen.generate("chief-operating-officer", review("meridian-bank", catalog)))
    # the bank's sector (retail-banking) names its own kind of bank
    assert "Experience at a retail bank or credit union." in bank
    assert "insurer, asset manager" not in bank and "regulated financial services" not in bank


def test_large_companies_get_their_own_spread_not_a_list_of_every_kind(catalog: Catalog) -> None:
    """1,500 people in 3 countries: no "a few thousand people", no "several sites,
    regions or business units"; 8,000 people on 25 sites in one country: many sites."""
    spreetal = text(jdgen.generate("chief-operating-officer", review("spreetal-antriebe", catalog)))
    assert "a few thousand" not in spreetal
    health = text(jdgen.generate("vp-of-business-operations", review("st-brigid-health", catalog)))
    assert "Experience running programs across many sites." in health
    assert "regions or business units" not in spreetal + health
