"""Where the job is done and what it asks of the body, as the country and the company say:
office days for a hybrid job, on site for floor work, weights in the country's units, no
warehouse demands for a desk job, no line said twice."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from pydantic import ValidationError

import jdgen
from jdgen import Catalog, Company, JobDescription
from jdgen.cli import cli

FIXTURE = Path(__file__).parent / "fixtures" / "catalog"
REVIEW = Path(__file__).parent / "review" / "companies"
DENVER = {"city": "Denver", "region": "CO", "country": "US"}
LEEDS = {"city": "Leeds", "country": "GB"}


@pytest.fixture(scope="module")
def tiny() -> Catalog:
    return jdgen.load_catalog(FIXTURE, builtin=False)


def posting(catalog: Catalog, role: str, **company: Any) -> JobDescription:
    company.setdefault("size", "small")
    company.setdefault("industry", "widgets")
    company.setdefault("locations", [DENVER])
    return jdgen.generate(role, Company.model_validate(company), catalog=catalog)


def place(jd: JobDescription) -> str:
    found = jd.section("location")
    return found.paragraphs[0] if found else ""


def review(name: str, role: str, **extra: Any) -> JobDescription:
    data = yaml.safe_load((REVIEW / f"{name}.yaml").read_text(encoding="utf-8"))
    data.update(extra)
    return jdgen.generate(role, Company.model_validate(data))


# --- hybrid, on site and office days (fixture catalog) --------------------------------


@pytest.mark.parametrize("arrangement", ["hybrid", "remote"])
def test_floor_work_is_on_site_whatever_the_company_does(tiny: Catalog, arrangement: str) -> None:
    jd = posting(tiny, "ops-manager", work_arrangement=arrangement, remote_regions=["US"])
    assert place(jd) == "On-site full-time job at our plant in Denver, CO, US."
    assert jd.metadata.work_arrangement == "on-site"
    office = posting(tiny, "ops-director", work_arrangement="hybrid")  # mixed: office and floor
    assert place(office).startswith("Hybrid full-time job in Denver")
    assert office.metadata.work_arrangement == "hybrid"


def test_a_site_based_function_is_on_site_at_its_own_kind_of_site(tiny: Catalog) -> None:
    # an industry with a floor: its word for a site; one without: the function's own word
    plant = posting(tiny, "stock-manager", work_arrangement="hybrid")
    assert place(plant) == "On-site full-time job at our plant in Denver, CO, US."
    office_only = posting(tiny, "stock-manager", industry="software", work_arrangement="hybrid")
    assert place(office_only) == "On-site full-time job at our stockroom in Denver, CO, US."


def test_a_company_of_desk_jobs_stays_hybrid_and_has_no_floor(tiny: Catalog) -> None:
    jd = posting(tiny, "ops-manager", work_arrangement="hybrid", work_setting="office")
    assert place(jd).startswith("Hybrid full-time job in Denver")
    assert jd.section("work-environment") is None
    on_site = posting(tiny, "ops-manager", work_arrangement="on-site", work_setting="office")
    assert "at our office in Denver" in place(on_site)


def test_office_days_are_stated_when_given(tiny: Catalog) -> None:
    jd = posting(tiny, "ops-director", work_arrangement="hybrid", office_days=3)
    assert place(jd) == "Hybrid full-time job in Denver, CO, US, three days a week in our office."
    assert jd.metadata.office_days == 3
    assert "a week" not in place(posting(tiny, "ops-director", work_arrangement="hybrid"))
    # floor work is on site: its office days are not a hybrid pattern
    floor = posting(tiny, "ops-manager", work_arrangement="hybrid", office_days=3)
    assert "a week" not in place(floor) and floor.metadata.office_days is None


def test_office_days_belong_to_a_hybrid_job(tmp_path: Path) -> None:
    with pytest.raises(
        ValidationError, match="office_days: 3 days a week in the office is for a hybrid job"
    ):
        Company(work_arrangement="on-site", office_days=3)
    with pytest.raises(ValidationError, match="office_days"):
        Company(work_arrangement="hybrid", office_days=5)
    company = tmp_path / "company.yaml"
    company.write_text("work_arrangement: hybrid\noffice_days: 9\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["generate", "vpo", "--company", str(company)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "office_days" in result.stderr
    assert "Traceback" not in result.stderr


# --- weights in the country's units ---------------------------------------------------


def test_weights_in_kilograms_outside_the_us(tiny: Catalog) -> None:
    us = posting(tiny, "ops-manager").section("work-environment")
    gb = posting(tiny, "ops-manager", locations=[LEEDS]).section("work-environment")
    assert us is not None and gb is not None
    assert "Standing; lifting 40 pounds." in us.bullet_texts
    assert "Standing; lifting 20 kg." in gb.bullet_texts  # 40 lb is 18.1 kg: to the nearest 5 kg


@pytest.mark.parametrize(
    ("pounds", "kg"), [(10, 5), (20, 10), (25, 10), (30, 15), (40, 20), (50, 25), (3, 5)]
)
def test_kilograms_round_to_the_step(pounds: int, kg: int) -> None:
    assert jdgen.load_catalog().work.environment.kilograms(pounds) == kg


def test_a_uk_store_posting_in_uk_terms() -> None:
    jd = review("harrow-and-finch", "operations-manager")
    env = jd.section("work-environment")
    assert env is not None
    lines = env.bullet_texts
    assert "Lifting and carrying up to 20 kg occasionally." in lines
    assert not any("pounds" in line or "carts" in line for line in lines)
    assert "Standing and walking for most of the shift." in lines  # a shop floor is not concrete
    assert place(jd).startswith("This is a full-time on-site position at our store in Leeds")
    assert jd.metadata.physical_demands and all(
        "pounds" not in d for d in jd.metadata.physical_demands
    )


def test_a_bank_fulfillment_manager_is_on_site() -> None:
    jd = review("meridian-bank", "fulfillment-manager")
    assert (
        place(jd)
        == "This is a full-time on-site position at our fulfillment site in New York, NY, US."
    )


def test_a_hybrid_posting_says_its_office_days() -> None:
    jd = review("sprocket", "vp-of-operations", office_days=3)
    assert "based in Berlin, Germany, with three days a week in our office." in place(jd)


def test_a_brokers_desk_job_has_no_warehouse() -> None:
    jd = review("relay-freight", "logistics-manager")
    assert jd.section("work-environment") is None
    assert place(jd) == "This is a full-time on-site position at our office in Chicago, IL, US."


# --- no physical line twice ----------------------------------------------------------

EQUIPMENT = ("forklift", "conveyor", "pallet", "trailer", "loading dock")


@pytest.mark.parametrize(
    "industry", ["logistics", "ecommerce", "manufacturing", "retail", "healthcare"]
)
def test_no_piece_of_equipment_is_named_twice(industry: str) -> None:
    """The internal description has every demand and condition (the posting a few of
    them): a role's own demands must not repeat the floor's equipment."""
    from jdgen.description import describe

    catalog = jdgen.load_catalog()
    company = Company(industry=industry, locations=[DENVER])  # type: ignore[list-item]
    twice = []
    for role in catalog.roles:
        section = describe(catalog.find_role(role), company, catalog).section("work-environment")
        lines = [b.text.lower() for b in section.all_bullets()] if section else []
        for word in EQUIPMENT:
            if sum(bool(re.search(rf"\b{word}", line)) for line in lines) > 1:
                twice.append(f"{role}: {word}")
    assert not twice
