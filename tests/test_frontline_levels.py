"""The two levels below manager (supervisor and coordinator): their place on the ladder,
years of experience, length budget, FLSA status, reporting line and `jdgen compare`."""

from __future__ import annotations

import dataclasses
import re

import pytest

from jdgen import scale
from jdgen.catalog import Catalog, builtin_catalog
from jdgen.compare import compare
from jdgen.description import describe
from jdgen.models import Company, JobDescription, Location, Salary
from jdgen.tailor import tailor

CATALOG = builtin_catalog()
DENVER = Location(city="Denver", region="CO", country="US")


def at_level(catalog: Catalog, role_id: str, level: str, **update: object) -> Catalog:
    """A copy of the catalog in which one role sits at another level."""
    role = catalog.roles[role_id].model_copy(update={"level": level, **update})
    return dataclasses.replace(catalog, roles={**catalog.roles, role_id: role})


def text(jd: JobDescription, section_id: str) -> str:
    s = jd.section(section_id)
    assert s is not None, section_id
    parts = [*s.paragraphs, *(b.text for b in s.bullets)]
    for sub in s.subsections:
        parts += [b.text for b in sub.bullets]
    parts += [f"{f.label}: {f.value}" for f in s.facts]
    return "\n".join(parts)


def test_supervisor_and_coordinator_sit_one_rung_below_manager() -> None:
    levels = CATALOG.levels
    assert levels["supervisor"].rank == levels["coordinator"].rank == levels["manager"].rank - 1
    for size in CATALOG.sizes:
        keys = CATALOG.size_keys(size)
        manager = next(levels["manager"].years[k] for k in keys if k in levels["manager"].years)
        for lv in ("supervisor", "coordinator"):
            own = next(levels[lv].years[k] for k in keys if k in levels[lv].years)
            assert own < manager, (lv, size)


@pytest.mark.parametrize(("query", "level"), [("supervisor", "supervisor"), ("mgr", "manager")])
def test_level_names_find_their_own_level(query: str, level: str) -> None:
    assert CATALOG.find_level(query).id == level


def test_compare_says_a_supervisor_and_a_coordinator_share_a_rung() -> None:
    catalog = at_level(CATALOG, "fulfillment-manager", "supervisor")
    catalog = at_level(catalog, "logistics-manager", "coordinator")
    company = Company(size="mid-size", industry="logistics")
    c = compare(
        catalog.roles["fulfillment-manager"], catalog.roles["logistics-manager"], company, catalog
    )
    first = c.summary[0]
    assert "(supervisor level)" in first and "(coordinator level)" in first
    assert "same rung of the ladder" in first
    assert "more senior" not in first and "both" not in first.split(",")[0].lower()


def posting(
    catalog: Catalog, role_id: str, salary: Salary | None, **company: object
) -> JobDescription:
    c = Company(size="mid-size", industry="logistics", locations=[DENVER], salary=salary, **company)
    return tailor(catalog.roles[role_id], c, catalog)


@pytest.mark.parametrize(
    ("level", "salary", "status"),
    [
        ("supervisor", Salary(min=24, max=30, period="hour"), "non-exempt"),
        ("supervisor", Salary(min=58000, max=68000), "exempt"),
        ("supervisor", Salary(min=30000, max=34000), "non-exempt"),
        ("coordinator", Salary(min=48000, max=58000), "non-exempt"),
    ],
)
def test_flsa_status_of_the_frontline_levels(level: str, salary: Salary, status: str) -> None:
    catalog = at_level(CATALOG, "logistics-manager", level)
    jd = posting(catalog, "logistics-manager", salary)
    assert jd.metadata.flsa_status == status
    # the posting says only what a candidate needs: overtime for a non-exempt job; an exempt
    # job's status is in the internal description
    pay = text(jd, "compensation")
    if status == "exempt":
        assert "Fair Labor Standards Act" not in pay
    else:
        assert catalog.work.text.flsa.non_exempt in pay
    company = Company(size="mid-size", industry="logistics", locations=[DENVER], salary=salary)
    details = text(describe(catalog.roles["logistics-manager"], company, catalog), "job-details")
    assert f"FLSA status: {'Exempt' if status == 'exempt' else 'Non-exempt'}" in details


def test_hourly_pay_is_written_per_hour() -> None:
    catalog = at_level(CATALOG, "logistics-manager", "supervisor")
    jd = posting(catalog, "logistics-manager", Salary(min=24.5, max=30, period="hour"))
    assert re.search(r"\$24\.50 to \$30(\.00)? per hour", text(jd, "compensation"))


def test_a_coordinator_has_no_direct_reports() -> None:
    catalog = at_level(CATALOG, "logistics-manager", "coordinator", direct_reports={"default": ""})
    jd = posting(catalog, "logistics-manager", None)
    assert jd.metadata.team is None
    assert "You will lead" not in text(jd, "reporting")
    company = Company(size="mid-size", industry="logistics", locations=[DENVER])
    supervision = text(
        describe(catalog.roles["logistics-manager"], company, catalog), "supervision"
    )
    assert supervision.endswith("and has no direct reports.")


@pytest.mark.parametrize(("level", "duties"), [("supervisor", 8), ("coordinator", 7)])
def test_frontline_postings_carry_fewer_duties(level: str, duties: int) -> None:
    catalog = at_level(CATALOG, "logistics-manager", level)
    jd = posting(catalog, "logistics-manager", None)
    s = jd.section("responsibilities")
    assert s is not None
    assert sum(len(sub.bullets) for sub in s.subsections) <= duties
    budget = catalog.lengths["standard"]
    assert budget.duties[level] == duties
    assert budget.words(level) is not None and budget.words(level) < budget.words("manager")


def test_years_follow_the_level_at_every_size() -> None:
    role = CATALOG.roles["logistics-manager"].model_copy(update={"level": "coordinator"})
    role = role.model_copy(
        update={"qualifications": role.qualifications.model_copy(update={"years": {}})}
    )
    got = [
        scale.years(role, CATALOG.levels["coordinator"], CATALOG.sizes, n)
        for n in (5, 50, 300, 10000)
    ]
    assert got == sorted(got) and got[0] == 1 and got[-1] == 2
