"""The education line follows the role, the company's size and the country (review r4a:
a bachelor's degree was Required in all 44 postings)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from jdgen.catalog import Catalog, CatalogError, load_catalog
from jdgen.models import Company, JobDescription
from jdgen.tailor import tailor

DENVER = {"city": "Denver", "region": "CO", "country": "US"}


def posting(catalog: Catalog, role: str, **company: object) -> JobDescription:
    return tailor(catalog.find_role(role), Company.model_validate(company), catalog)


def education(jd: JobDescription) -> str:
    quals = jd.section("qualifications")
    assert quals is not None
    return next(b.text for b in quals.all_bullets() if b.id == "education")


def test_a_manager_may_offer_experience_in_place_of_the_degree(catalog: Catalog) -> None:
    jd = posting(catalog, "supply-chain-manager", size=5000, locations=[DENVER])
    assert education(jd).endswith(", or equivalent experience.")
    assert jd.metadata.experience_in_place_of_education is True
    assert jd.metadata.education == education(jd)


def test_a_line_that_offers_an_equivalent_is_not_relaxed_twice(catalog: Catalog) -> None:
    # review r5: "High school diploma or equivalent., or equivalent experience." (the line is
    # a template: it was cut before it was filled, and it offers an equivalent already)
    for role in ("warehouse-supervisor", "logistics-coordinator", "operations-supervisor"):
        for where in (DENVER, {"city": "Leeds", "country": "GB"}):
            line = education(posting(catalog, role, size=1500, locations=[where]))
            assert "., " not in line and line.count("equivalent") == 1, (role, line)
    us = posting(catalog, "warehouse-supervisor", size=1500, locations=[DENVER])
    assert education(us) == "High school diploma or equivalent."


def test_an_executive_at_a_large_company_needs_the_degree(catalog: Catalog) -> None:
    big = posting(catalog, "chief-operating-officer", size=50000, locations=[DENVER])
    assert "equivalent experience" not in education(big)
    assert big.metadata.experience_in_place_of_education is False
    small = posting(catalog, "chief-operating-officer", size=5, locations=[DENVER])
    assert education(small).endswith(", or equivalent experience.")
    # levels.yaml sets where: a director up to 999 people, a VP up to 249
    assert "equivalent" in education(posting(catalog, "director-of-logistics", size=120))
    assert "equivalent" not in education(posting(catalog, "vp-of-operations", size=400))


def test_a_uk_posting_asks_for_a_degree_not_a_bachelors(catalog: Catalog) -> None:
    jd = posting(
        catalog,
        "director-of-supply-chain",
        size=400,
        locations=[{"city": "Leeds", "country": "GB"}],
    )
    assert education(jd).startswith("A degree in supply chain management")
    us = posting(catalog, "director-of-supply-chain", size=400, locations=[DENVER])
    assert education(us).startswith("A bachelor's degree in supply chain management")


def test_a_german_floor_role_offers_the_meister_route(catalog: Catalog) -> None:
    berlin = [{"city": "Berlin", "country": "DE"}]
    jd = posting(
        catalog, "logistics-manager", size=1500, industry="manufacturing", locations=berlin
    )
    assert education(jd).startswith("A degree (Studium) in logistics")
    assert "vocational qualification in logistics with further training" in education(jd)
    assert jd.metadata.education_level == "professional certificate"
    # an office role in Germany, and the same floor role in Canada, keep the degree line
    office = posting(catalog, "revenue-operations-manager", size=400, locations=berlin)
    assert "Studium" not in education(office)
    toronto = [{"city": "Toronto", "region": "ON", "country": "CA"}]
    ca = posting(
        catalog, "logistics-manager", size=1500, industry="manufacturing", locations=toronto
    )
    assert education(ca).startswith("A bachelor's degree in logistics")


def test_an_education_variant_for_an_unknown_country_is_named(tmp_path: Path) -> None:
    role = yaml.safe_load(
        (Path(__file__).parent.parent / "catalog" / "roles" / "logistics-manager.yaml").read_text()
    )
    role["qualifications"]["education_variants"][0]["when"] = {"countries": ["XX"]}
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles" / "logistics-manager.yaml").write_text(yaml.safe_dump(role))
    with pytest.raises(CatalogError) as info:
        load_catalog([tmp_path])
    joined = "\n".join(info.value.problems)
    assert (
        "roles/logistics-manager.yaml: qualifications.education_variants.0.when.countries.0: "
        "unknown country 'XX' (expected one of "
    ) in joined


FIELDS = re.compile(r"degree(?: \(Studium\))? in (.+?)(?:, or |\.$| \()")


def fields_named(line: str) -> list[str]:
    """The fields of study an education line names ("business or economics": two), not
    counting "a related field" or "another quantitative field"."""
    found = FIELDS.search(line)
    if not found:
        return []
    parts = re.split(r", | or ", found.group(1))
    return [p for p in parts if p and not re.match(r"(a related|another \w+) field", p)]


@pytest.mark.parametrize(
    "industry",
    ["manufacturing", "logistics", "technology", "financial-services", "healthcare", "retail",
     "ecommerce", "general"],
)  # fmt: skip
def test_a_degree_line_names_at_most_two_fields(catalog: Catalog, industry: str) -> None:
    """A real posting names the one or two fields that fit the job, not a list of four
    (review r5a pattern 15: "business administration, engineering, operations management
    or a related field" in 23 postings)."""
    long = {}
    for role in catalog.roles:
        for where in (DENVER, {"city": "Berlin", "country": "DE"}):
            line = education(posting(catalog, role, size=1500, industry=industry,
                                     locations=[where]))  # fmt: skip
            if len(fields_named(line)) > 2:
                long[role] = line
    assert long == {}


def test_a_degree_line_follows_the_industry_where_the_fit_differs(catalog: Catalog) -> None:
    plant = education(posting(catalog, "vp-of-operations", size=400, industry="manufacturing"))
    saas = education(posting(catalog, "vp-of-operations", size=400, industry="technology"))
    assert "engineering" in plant and "engineering" not in saas
    # the size rule still offers experience in place of the degree at a small company
    small = education(posting(catalog, "chief-operating-officer", size=5, industry="technology"))
    assert small == (
        "A bachelor's degree in business administration or a related field, or equivalent "
        "experience."
    )
