"""One org chart per company (issue 10 item 6), on the shipped catalog and the review
companies of each business model: every posting's boss is a seat the company has,
a start-up's roles all report to its chief executive, and `jdgen compare` names the
same bosses as the postings."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import jdgen
from jdgen import Catalog, Company

COMPANIES = Path(__file__).parent / "review" / "companies"
#: A freight broker, a 3PL, a foundry and a bank: four business models, 5 to 50,000 people.
BY_MODEL = ["relay-freight", "kestrel-logistics", "northfield-castings", "meridian-bank"]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return jdgen.load_catalog()


def company(name: str, catalog: Catalog) -> Company:
    return jdgen.load_company(COMPANIES / f"{name}.yaml", catalog)


def bosses(c: Company, catalog: Catalog) -> dict[str, tuple[str | None, str]]:
    out = {}
    for role in catalog.roles:
        ref = jdgen.generate(role, c, catalog=catalog).metadata.reports_to
        out[role] = (ref.id, ref.title)
    return out


def missing_seats(c: Company, catalog: Catalog) -> set[str]:
    """The roles this company does not have, by its industry and business model."""
    industry = catalog.find_industry(c.industry)
    model = catalog.business_models[c.business_model or industry.business_model]
    return set(industry.seat_holders) | set(model.seat_holders)


@pytest.mark.parametrize("name", BY_MODEL)
def test_every_boss_is_a_seat_the_company_has(name: str, catalog: Catalog) -> None:
    c = company(name, catalog)
    lacks = missing_seats(c, catalog)
    for role, (boss, title) in bosses(c, catalog).items():
        assert boss not in lacks, (name, role, title)
        assert title not in {catalog.roles[r].title for r in lacks if r in catalog.roles}


def test_the_review_companies_lack_the_seats_their_business_model_has_no_use_for(
    catalog: Catalog,
) -> None:
    assert "chief-supply-chain-officer" in missing_seats(
        company("kestrel-logistics", catalog), catalog
    )
    assert "vp-of-supply-chain" in missing_seats(company("meridian-bank", catalog), catalog)


def test_a_banks_fulfillment_manager_reports_to_operations(catalog: Catalog) -> None:
    bank = company("meridian-bank", catalog)
    jd = jdgen.generate("fulfillment-manager", bank, catalog=catalog)
    assert jd.metadata.reports_to.id == "director-of-operations"
    threepl = company("kestrel-logistics", catalog)
    vp = jdgen.generate("vp-of-supply-chain", threepl, catalog=catalog).metadata.reports_to
    assert vp.id == "chief-logistics-officer"  # the 3PL's own logistics chief, not a CSCO


def test_at_five_people_everyone_reports_to_the_chief_executive(catalog: Catalog) -> None:
    c = company("relay-freight", catalog)
    assert c.size == 5
    assert set(bosses(c, catalog).values()) == {(None, "Chief Executive Officer")}


@pytest.mark.parametrize("name", BY_MODEL)
def test_compare_names_the_same_bosses_as_the_postings(name: str, catalog: Catalog) -> None:
    c = company(name, catalog)
    chart = bosses(c, catalog)
    roles = sorted(chart)
    for a, b in itertools.pairwise(roles):
        cmp = jdgen.compare_roles(a, b, c, catalog=catalog)
        assert (cmp.a.reports_to, cmp.b.reports_to) == (chart[a][1], chart[b][1]), (a, b)
