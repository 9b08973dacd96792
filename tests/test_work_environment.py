"""Travel and the work environment: they follow role, size and industry, the company can
override them, and the posting shows them where they matter."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from jdgen.catalog import Catalog, load_catalog
from jdgen.cli import cli
from jdgen.errors import CatalogError
from jdgen.models import Company, JobDescription
from jdgen.render import render
from jdgen.tailor import tailor

PLANTS = [
    {"city": "Denver", "region": "CO", "country": "US"},
    {"city": "Monterrey", "country": "Mexico"},
    {"city": "Toledo", "region": "OH", "country": "US"},
]


def posting(catalog: Catalog, role: str, **company: Any) -> JobDescription:
    return tailor(catalog.find_role(role), Company.model_validate(company), catalog)


def location_text(jd: JobDescription) -> str:
    s = jd.section("location")
    return " ".join(s.paragraphs) if s else ""


@pytest.mark.parametrize(
    ("role", "size", "percent"),
    [
        ("operations-manager", "small", 0),  # a single-site manager
        ("operations-manager", "enterprise", 10),
        ("chief-logistics-officer", "small", 25),
        ("chief-logistics-officer", "enterprise", 40),
        ("global-operations-manager", "mid-size", 40),
        ("director-of-operations", "mid-size", 10),  # two sites: a day or two at the other
        ("director-of-operations", "large", 20),
        ("revenue-operations-manager", "small", 0),  # from its domain
    ],
)
def test_travel_follows_role_and_size(catalog: Catalog, role: str, size: str, percent: int) -> None:
    jd = posting(catalog, role, size=size, industry="manufacturing")
    assert jd.metadata.travel_percent == percent
    if percent:
        assert f"Travel up to {percent}% of the time, mostly to " in location_text(jd)
    else:
        assert "Travel" not in location_text(jd)
        assert jd.metadata.travel == "This role needs little or no travel."


def test_travel_names_the_other_sites(catalog: Catalog) -> None:
    jd = posting(catalog, "director-of-operations", size=600, industry="manufacturing",
                 locations=PLANTS)  # fmt: skip
    assert (
        "Travel up to 15% of the time, mostly to our plants in Monterrey, Mexico and "
        "Toledo, OH, US." in location_text(jd)
    )


@pytest.mark.parametrize(
    ("travel", "expected"),
    [
        (
            25,
            "Travel up to 25% of the time, mostly to our other plant, carriers and outside "
            "warehouses.",  # a mid-size company's two plants
        ),
        ("30%", "Travel up to 30% of the time, mostly to our other plant, carriers and outside"),
        (
            {"percent": 20, "destinations": "suppliers in Ohio and Michigan"},
            "Travel up to 20% of the time, mostly to suppliers in Ohio and Michigan.",
        ),
        (0, None),
    ],
)
def test_company_overrides_travel(catalog: Catalog, travel: Any, expected: str | None) -> None:
    jd = posting(catalog, "chief-logistics-officer", industry="manufacturing", travel=travel)
    if expected:
        assert expected in location_text(jd)
    else:
        assert jd.metadata.travel_percent == 0 and "Travel" not in location_text(jd)


@pytest.mark.parametrize(
    ("role", "industry", "setting"),
    [
        ("fulfillment-manager", "ecommerce", "floor"),
        ("operations-manager", "manufacturing", "floor"),
        ("director-of-operations", "manufacturing", "mixed"),
        ("director-of-operations", "technology", "office"),  # no floor to walk
        ("revenue-operations-manager", "manufacturing", "office"),
        ("fulfillment-manager", "financial-services", "office"),
    ],
)
def test_setting_follows_role_and_industry(
    catalog: Catalog, role: str, industry: str, setting: str
) -> None:
    assert posting(catalog, role, industry=industry).metadata.work_setting == setting


def test_floor_work_is_in_the_posting_in_the_industry_s_words(catalog: Catalog) -> None:
    warehouse = posting(catalog, "fulfillment-manager", industry="logistics")
    section = warehouse.section("work-environment")
    assert section is not None and section.heading == "Work environment and physical demands"
    assert section.paragraphs[0].startswith(
        "Most of the working day is spent on the warehouse and dock floor of our distribution center"
    )
    lines = section.bullet_texts
    assert "Lifting and carrying up to 50 pounds occasionally." in lines
    assert "Safety shoes and a high-visibility vest are required on the warehouse floor." in lines
    plant = posting(catalog, "operations-manager", industry="manufacturing")
    plant_lines = plant.section("work-environment").bullet_texts  # type: ignore[union-attr]
    assert any("hearing protection" in line for line in plant_lines)
    assert not any("high-visibility vest" in line for line in plant_lines)
    store = posting(catalog, "operations-manager", industry="retail")
    assert (
        "Lifting and carrying up to 40 pounds occasionally."
        in store.section(  # type: ignore[union-attr]
            "work-environment"
        ).bullet_texts
    )


def test_desk_and_part_time_floor_work_stay_out_of_the_posting(catalog: Catalog) -> None:
    assert posting(catalog, "revenue-operations-manager").section("work-environment") is None
    director = posting(catalog, "director-of-operations", industry="manufacturing")
    assert director.section("work-environment") is None
    assert director.metadata.physical_demands  # kept for the internal description


def test_company_asks_for_the_section_or_leaves_it_out(catalog: Catalog) -> None:
    office = posting(catalog, "revenue-operations-manager", work_environment=True)
    section = office.section("work-environment")
    assert section is not None
    assert (
        section.paragraphs[0] == "This job is done mainly in an office, at a desk and a computer."
    )
    assert section.bullet_texts[0].startswith("Occasionally lifting and carrying up to 10 pounds")
    hidden = posting(catalog, "fulfillment-manager", industry="logistics", work_environment=False)
    assert hidden.section("work-environment") is None
    moved = posting(catalog, "revenue-operations-manager", industry="manufacturing",
                    work_setting="floor")  # fmt: skip
    assert moved.section("work-environment") is not None


@pytest.mark.parametrize("fmt", ["md", "txt", "html", "json"])
def test_every_format_shows_travel_and_environment(catalog: Catalog, fmt: str) -> None:
    jd = posting(catalog, "fulfillment-manager", industry="logistics", size="enterprise")
    text = render(jd, fmt).decode()
    assert "Travel up to 10% of the time" in text
    assert "Lifting and carrying up to 50 pounds occasionally." in text
    assert "Work environment and physical demands" in text or fmt == "txt"
    if fmt == "txt":
        assert "WORK ENVIRONMENT AND PHYSICAL DEMANDS" in text


def test_docx_and_json_ld_show_the_environment(catalog: Catalog, tmp_path: Path) -> None:
    from docx import Document

    jd = posting(catalog, "fulfillment-manager", industry="logistics")
    path = tmp_path / "p.docx"
    path.write_bytes(render(jd, "docx"))
    paragraphs = [(p.style.name, p.text) for p in Document(str(path)).paragraphs]
    assert ("Heading 1", "Work environment and physical demands") in paragraphs
    assert ("List Bullet", "Lifting and carrying up to 50 pounds occasionally.") in paragraphs
    data = json.loads(render(jd, "jsonld"))
    assert "Lifting and carrying up to 50 pounds occasionally." in data["physicalRequirement"]
    office = json.loads(render(posting(catalog, "revenue-operations-manager"), "jsonld"))
    assert "physicalRequirement" not in office


def test_batch_columns_set_travel_and_environment(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "role,industry,travel,travel_to,work_environment\n"
        "chief-logistics-officer,manufacturing,35%,our plants in Ohio,\n"
        "revenue-operations-manager,technology,,,yes\n"
        "vpo,manufacturing,150,,\n"
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["batch", str(rows), "-o", str(out), "--format", "md"])
    assert result.exit_code == 1
    assert "rows.csv:4: travel: " in result.output
    clo = (out / "chief-logistics-officer.md").read_text()
    assert "Travel up to 35% of the time, mostly to our plants in Ohio." in clo
    revops = (out / "revenue-operations-manager.md").read_text()
    assert "## Work environment and physical demands" in revops


def _work_yaml(tmp_path: Path, old: str, new: str) -> str:
    builtin = (Path(__file__).parent.parent / "catalog" / "work.yaml").read_text()
    assert old in builtin
    (tmp_path / "work.yaml").write_text(builtin.replace(old, new))
    with pytest.raises(CatalogError) as err:
        load_catalog([tmp_path])
    return str(err.value)


def test_catalog_check_names_unknown_ids_in_work_yaml(tmp_path: Path) -> None:
    text = _work_yaml(tmp_path, "    chief-operating-officer: {percent:", "    coo-x: {percent:")
    assert "work.yaml: travel.roles.coo-x: unknown role (expected one of" in text
    text = _work_yaml(tmp_path, "    fulfillment-manager: floor", "    fulfillment-manager: attic")
    assert (
        "environment.roles.fulfillment-manager: expected one of 'office', 'mixed' or 'floor', got 'attic'"
        in (text)
    )
    text = _work_yaml(tmp_path, "startup: 25, small: 30,", "startup: 25, small: 130,")
    assert "travel.roles.global-operations-manager.percent.small: Input should be less than or " \
        "equal to 100" in text  # fmt: skip


def test_occasional_travel_is_left_to_the_description(catalog: Catalog) -> None:
    from jdgen.description import describe

    company = Company(size="small", industry="manufacturing", sites=3)
    jd = posting(catalog, "director-of-operations", size="small", industry="manufacturing", sites=3)
    assert jd.metadata.travel_percent == 5 and "Travel" not in location_text(jd)
    internal = describe(catalog.find_role("director-of-operations"), company, catalog)
    assert internal.section("travel").paragraphs == [  # type: ignore[union-attr]
        "Travel up to 5% of the time, mostly to our plants."
    ]
    own = posting(catalog, "director-of-operations", industry="manufacturing", travel=5)
    assert "Travel up to 5% of the time" in location_text(own)  # the company said so


def test_healthcare_supply_roles_work_in_storerooms_not_on_the_wards(catalog: Catalog) -> None:
    jd = posting(catalog, "fulfillment-manager", industry="healthcare")
    section = jd.section("work-environment")
    assert section is not None
    assert "the storerooms and loading dock of our clinics and facilities" in section.paragraphs[0]
    ward = posting(catalog, "operations-manager", industry="healthcare")
    assert "clinical and patient-care areas" in ward.section("work-environment").paragraphs[0]  # type: ignore[union-attr]
