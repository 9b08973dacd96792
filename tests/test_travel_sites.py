"""Travel follows the company's sites and business model (review r5a pattern 13, r5b
pattern 12), on the fixture catalog with an overlay travel table: no trips "to our
offices" from a company with one office, "our other office" at two, a cap on trips
that only go to the company's own sites, and customers visited only where the business
model has customers one visits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

import jdgen
from jdgen import Catalog, Company, JobDescription

FIXTURE = Path(__file__).parent / "fixtures" / "catalog"

TRAVEL = {
    "posting_min_percent": 10,
    "own_sites": {
        "one": "",
        "two": "our other {{ vocab.site }}{% if places %} in {{ places }}{% endif %}",
        "more": "our {{ vocab.sites }}{% if places %} in {{ places }}{% endif %}",
    },
    "own_sites_max_percent": {1: 0, 2: 10},
    "domains": {
        "operations": {
            "percent": {"default": 0, "small": 0, "large": 20},
            "destinations": "{{ our_sites }}",
        },
        "supply-chain": {
            "percent": {"default": 15},
            "destinations": "{{ customers or 'suppliers' }}"
            "{% if our_sites %} and {{ our_sites }}{% endif %}",
            "visits_customers": ["goods-to-business"],
        },
    },
    "roles": {"ops-director": {"percent": {"default": 20, "small": 10, "large": 30}}},
}


@pytest.fixture(scope="module")
def cat(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = tmp_path_factory.mktemp("travel") / "catalog"
    shutil.copytree(FIXTURE, root)
    work = yaml.safe_load((root / "work.yaml").read_text())
    work["travel"] = TRAVEL
    (root / "work.yaml").write_text(yaml.safe_dump(work))
    return jdgen.load_catalog(root, builtin=False)


def post(cat: Catalog, role: str = "ops-director", **company: object) -> JobDescription:
    company.setdefault("size", "large")
    company.setdefault("industry", "widgets")
    return jdgen.generate(role, Company(**company), catalog=cat)  # type: ignore[arg-type]


def location(jd: JobDescription) -> str:
    section = jd.section("location")
    return " ".join(section.paragraphs) if section else ""


def test_trips_to_our_own_sites_need_more_than_one_site(cat: Catalog) -> None:
    one = post(cat, sites=1)
    assert one.metadata.travel_percent == 0 and "Travel" not in location(one)
    assert one.metadata.travel == "No travel."
    two = post(cat, sites=2)  # a day or two at the other plant, not 30% of the time
    assert two.metadata.travel_percent == 10
    assert "Travel 10% to our other plant." in location(two)
    many = post(cat, sites=5)
    assert many.metadata.travel_percent == 30 and "Travel 30% to our plants." in location(many)


def test_the_listed_locations_count_as_sites_and_are_named(cat: Catalog) -> None:
    places = [{"city": "Denver", "region": "CO"}, {"city": "Toledo", "region": "OH"}]
    jd = post(cat, sites=1, locations=places)  # two listed: at least two sites
    assert "Travel 10% to our other plant in Toledo, OH." in location(jd)


def test_trips_outside_the_company_are_not_capped_by_its_sites(cat: Catalog) -> None:
    jd = post(cat, "stock-manager", sites=1, business_model="subscriptions")
    assert jd.metadata.travel_percent == 15 and "Travel 15% to suppliers." in location(jd)
    two = post(cat, "stock-manager", sites=2, business_model="subscriptions")
    assert "Travel 15% to suppliers and our other plant." in location(two)


def test_customers_are_visited_only_where_the_business_model_has_such_customers(
    cat: Catalog,
) -> None:
    b2b = post(cat, "stock-manager", sites=3, business_model="goods-to-business")
    assert "Travel 15% to buyers and our plants." in location(b2b)
    subs = post(cat, "stock-manager", sites=3, business_model="subscriptions")
    assert "Travel 15% to suppliers and our plants." in location(subs)


def test_the_company_travel_share_wins_and_reads_without_empty_destinations(cat: Catalog) -> None:
    jd = post(cat, sites=1, travel=25)  # the company's own share, nowhere of its own to go
    assert jd.metadata.travel_percent == 25
    assert "Travel up to 25% of the time." in location(jd)
