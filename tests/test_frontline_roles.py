"""The supervisor and coordinator roles: whom they report to, where they lead, what their
postings leave out (strategy, budgets) and what they put in (the floor's physical demands)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdgen.catalog import builtin_catalog
from jdgen.cli import cli
from jdgen.description import describe
from jdgen.ladder import build_ladder
from jdgen.models import Company, JobDescription, Location, Salary, pick
from jdgen.tailor import tailor

CATALOG = builtin_catalog()
FRONTLINE = sorted(r.id for r in CATALOG.roles.values() if r.level in ("supervisor", "coordinator"))
SUPERVISORS = [r for r in FRONTLINE if CATALOG.roles[r].level == "supervisor"]
FLOOR = ["operations-supervisor", "warehouse-supervisor"]
#: Words of a job that sets direction or owns money, which a frontline posting never has.
SENIOR = re.compile(r"\b(strateg\w*|budgets?|P&L|capital|long-range|multi-year|roadmap)\b", re.I)


def posting(role_id: str, size: str | int, industry: str) -> JobDescription:
    return tailor(CATALOG.roles[role_id], Company(size=size, industry=industry), CATALOG)


def duties(jd: JobDescription) -> list[str]:
    resp = jd.section("responsibilities")
    assert resp is not None
    return [b.text for b in resp.all_bullets()]


COORDINATORS = [r for r in FRONTLINE if CATALOG.roles[r].level == "coordinator"]
DENVER = Location(city="Denver", region="CO", country="US")


def test_the_frontline_roles_are_in_the_catalog() -> None:
    assert SUPERVISORS == [
        "customer-operations-supervisor",
        "operations-supervisor",
        "warehouse-supervisor",
    ]
    assert COORDINATORS == [
        "logistics-coordinator",
        "operations-coordinator",
        "supply-chain-coordinator",
    ]


@pytest.mark.parametrize("role_id", COORDINATORS)
def test_coordinators_lead_nobody_and_are_paid_overtime(role_id: str) -> None:
    company = Company(size="mid-size", industry="manufacturing", locations=[DENVER])
    jd = tailor(CATALOG.roles[role_id], company, CATALOG)
    reporting = jd.section("reporting")
    assert reporting is not None and "You will lead" not in reporting.paragraphs[0]
    assert jd.metadata.flsa_status == "non-exempt"
    desc = describe(CATALOG.roles[role_id], company, CATALOG)
    supervision = desc.section("supervision")
    assert supervision is not None
    assert supervision.paragraphs[0].endswith("and has no direct reports.")
    details = desc.section("job-details")
    assert details is not None
    assert [f.value for f in details.facts if f.id == "flsa"] == ["Non-exempt"]
    assert "supervises" not in {f.id for f in details.facts}


def test_a_supervisor_on_an_hourly_wage_is_non_exempt_and_on_a_salary_exempt() -> None:
    role = CATALOG.roles["warehouse-supervisor"]
    hourly = Company(
        size="enterprise",
        industry="logistics",
        locations=[DENVER],
        salary=Salary(min=24, max=29, period="hour"),
    )
    salaried = hourly.model_copy(update={"salary": Salary(min=60000, max=70000)})
    jd = tailor(role, hourly, CATALOG)
    pay = jd.section("compensation")
    assert pay is not None
    assert "$24 to $29 per hour" in " ".join(pay.paragraphs)
    assert jd.metadata.flsa_status == "non-exempt"
    assert tailor(role, salaried, CATALOG).metadata.flsa_status == "exempt"


def test_german_and_british_postings_ask_for_their_own_schooling() -> None:
    role = CATALOG.roles["logistics-coordinator"]
    berlin = Company(
        size=1500, industry="manufacturing", locations=[Location(city="Berlin", country="DE")]
    )
    quals = tailor(role, berlin, CATALOG).section("qualifications")
    assert quals is not None
    text = " ".join(quals.bullet_texts + [b.text for s in quals.subsections for b in s.bullets])
    assert "Kaufmann/-frau für Spedition und Logistikdienstleistung" in text
    assert "High school" not in text
    resp = tailor(role, berlin, CATALOG).section("responsibilities")
    assert resp is not None
    assert not any("bills of lading" in b.text for b in resp.all_bullets())


@pytest.mark.parametrize("role_id", FRONTLINE)
def test_reports_to_a_manager_from_mid_size_up(role_id: str) -> None:
    role = CATALOG.roles[role_id]
    for size in ("mid-size", "large", "enterprise"):
        boss = pick(role.reports_to, CATALOG.size_keys(size))
        assert boss in CATALOG.roles, (size, boss)
        assert CATALOG.roles[boss].level == "manager", (size, boss)


@pytest.mark.parametrize("role_id", FRONTLINE)
def test_every_career_step_goes_up_to_a_manager(role_id: str) -> None:
    ladder = build_ladder(CATALOG)
    steps = ladder.next_steps(role_id)
    assert steps
    for step in steps:
        target = ladder.nodes[step.target]
        if target.in_catalog:
            assert step.kind == "up" and target.level == "manager", target.title


@pytest.mark.parametrize("role_id", FRONTLINE)
def test_no_strategy_or_budget_lines(role_id: str) -> None:
    problems = []
    for size in ("startup", "small", "mid-size", "enterprise"):
        for industry in CATALOG.industries:
            jd = posting(role_id, size, industry)
            resp = jd.section("responsibilities")
            assert resp is not None
            groups = {sub.id for sub in resp.subsections}
            if groups & {"strategy", "finance"}:
                problems.append(f"{size}/{industry}: group {groups & {'strategy', 'finance'}}")
            about = jd.section("about-role")
            assert about is not None
            for line in [*duties(jd), *about.paragraphs]:
                if SENIOR.search(line):
                    problems.append(f"{size}/{industry}: {line}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("role_id", SUPERVISORS)
def test_supervisors_lead_a_team_at_every_size(role_id: str) -> None:
    for size in CATALOG.sizes:
        jd = posting(role_id, size, "general")
        assert jd.metadata.team, size
        reporting = jd.section("reporting")
        assert reporting is not None and "You will lead" in reporting.paragraphs[0]


@pytest.mark.parametrize("role_id", FLOOR)
@pytest.mark.parametrize("industry", ["manufacturing", "logistics", "ecommerce", "retail"])
def test_floor_supervisors_state_the_physical_demands(role_id: str, industry: str) -> None:
    jd = posting(role_id, "mid-size", industry)
    section = jd.section("work-environment")
    assert section is not None, industry
    text = " ".join([*section.paragraphs, *section.bullet_texts])
    assert "Standing and walking for most of the shift" in text
    assert re.search(r"Lifting and carrying up to \d+ pounds", text)


def test_a_contact_centre_supervisor_works_at_a_desk() -> None:
    jd = posting("customer-operations-supervisor", "mid-size", "logistics")
    assert jd.section("work-environment") is None  # desk work: the description has it


def test_the_warehouse_supervisor_drives_a_forklift_only_once_certified() -> None:
    jd = posting("warehouse-supervisor", "mid-size", "logistics")
    section = jd.section("work-environment")
    assert section is not None
    assert any("once trained and certified" in b for b in section.bullet_texts)


def test_roles_lists_the_new_levels() -> None:
    result = CliRunner().invoke(cli, ["roles", "--level", "supervisor"])
    assert result.exit_code == 0
    for role_id in SUPERVISORS:
        assert role_id in result.stdout
    assert "operations-manager" not in result.stdout


def test_the_web_role_list_groups_the_new_levels(tmp_path: Path) -> None:
    from webhelpers import client_for

    client = client_for(tmp_path / "drafts.sqlite3")
    groups = client.get("/api/roles", params={"q": "supervisor"}).json()["groups"]
    assert groups[-1]["name"] == "Supervisor"
    assert [r["id"] for r in groups[-1]["roles"]] == SUPERVISORS
    only = client.get("/api/roles", params={"q": "", "level": "coordinator"}).json()["groups"]
    assert [(g["level"], [r["id"] for r in g["roles"]]) for g in only] == [
        ("coordinator", COORDINATORS)
    ]
    page = client.get(
        "/compare", params={"a": "warehouse-supervisor", "b": "logistics-coordinator"}
    )
    assert page.status_code == 200 and "same rung of the ladder" in page.text
