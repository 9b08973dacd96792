"""Lines that fit the role, the industry, the business model and the headcount, over
the shipped catalog (issue 10 items 2, 3, 4, 6)."""

from __future__ import annotations

import collections

import pytest
from click.testing import CliRunner

from jdgen.catalog import builtin_catalog
from jdgen.cli import cli
from jdgen.compare import compare
from jdgen.models import Company, JobDescription
from jdgen.tailor import tailor

CATALOG = builtin_catalog()


def posting(role: str, **company: object) -> JobDescription:
    return tailor(CATALOG.find_role(role), Company.model_validate(company), CATALOG)


def text(jd: JobDescription) -> str:
    parts = []
    for s in jd.sections:
        parts += s.paragraphs + [b.text for b in s.all_bullets()]
    return "\n".join(parts)


@pytest.mark.parametrize(
    ("role", "industry", "absent"),
    [
        ("customer-operations-manager", "healthcare", ["patient flow", "Joint Commission"]),
        ("ecommerce-operations-manager", "manufacturing", ["plant floor", "TRIR"]),
        ("revenue-operations-manager", "manufacturing", ["lifetime value", "subscription"]),
        ("director-of-customer-success-and-operations", "manufacturing", ["Gainsight"]),
        ("customer-success-operations-manager", "manufacturing", ["Gainsight", "churn"]),
        ("fulfillment-manager", "financial-services", ["KYC"]),
        ("operations-manager", "technology", ["SOC 2 or ISO 27001 audits"]),
    ],
)
def test_industry_lines_only_where_they_fit_the_function(
    role: str, industry: str, absent: list[str]
) -> None:
    body = text(posting(role, industry=industry, length="long"))
    for phrase in absent:
        assert phrase not in body, phrase


def test_revenue_roles_follow_the_business_model() -> None:
    b2b = text(posting("revenue-operations-manager", industry="manufacturing"))
    assert "share of wallet by account" in b2b
    saas = text(posting("revenue-operations-manager", industry="technology", length="long"))
    assert "lifetime value" in saas and "subscription" in saas
    # the company can say how it sells, whatever the industry's default
    own = text(
        posting(
            "revenue-operations-manager",
            industry="manufacturing",
            business_model="saas",
            length="long",
        )
    )
    assert "lifetime value" in own


def test_unknown_business_model_is_one_clear_line(tmp_path) -> None:
    path = tmp_path / "company.yaml"
    path.write_text("business_model: barter\n")
    result = CliRunner().invoke(cli, ["generate", "coo", "--company", str(path)])
    assert result.exit_code != 0
    assert "business_model: expected one of b2b-products" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_duty_in_more_than_six_roles_postings_for_one_company() -> None:
    problems = []
    for size in ("startup", "small", "mid-size", "enterprise"):
        for industry in CATALOG.industries:
            company = Company(size=size, industry=industry)
            roles_of: dict[str, set[tuple[str, ...]]] = collections.defaultdict(set)
            for role in CATALOG.roles.values():
                resp = tailor(role, company, CATALOG).section("responsibilities")
                assert resp is not None
                # titles too senior for the size write the usual role's duties: one posting
                body = tuple(b.text for b in resp.all_bullets())
                for line in body:
                    roles_of[line].add(body)
            problems += [
                f"{size}/{industry}: {len(r)} roles: {t[:70]}"
                for t, r in roles_of.items()
                if len(r) > 6
            ]
    assert not problems, "\n".join(problems)


def test_unusual_title_for_the_size_is_said_on_stderr_and_by_lint() -> None:
    runner = CliRunner()
    small = runner.invoke(cli, ["generate", "CSCO", "--size", "15", "--industry", "ecommerce"])
    assert small.exit_code == 0
    notes = [line for line in small.stderr.splitlines() if line.startswith("note: a ")]
    assert notes == [
        "note: a Chief Supply Chain Officer is unusual at 15 people; at this size the work is "
        "usually done by a Supply Chain Manager or Head of Supply Chain"
    ]
    assert "# Chief Supply Chain Officer" in small.stdout  # the posting is still written
    big = runner.invoke(cli, ["generate", "CSCO", "--size", "5000"])
    assert "unusual" not in big.stderr
    lint = runner.invoke(cli, ["lint", "CSCO", "--size", "15", "--format", "json"])
    assert "unusual-for-size" in lint.stdout


def test_a_builder_tone_below_the_usual_size() -> None:
    jd = posting("chief-supply-chain-officer", size=15, industry="ecommerce")
    about = jd.section("about-role")
    assert about is not None
    assert "building the function from the ground up" in about.paragraphs[0]
    assert "several countries" not in text(jd)
    assert jd.metadata.usual_titles == ["Supply Chain Manager", "Head of Supply Chain"]


def test_no_multi_site_lines_for_a_single_site_company() -> None:
    one = text(posting("director-of-operations", size=5000, sites=1, industry="retail"))
    assert "multi-site" not in one and "every site and region" not in one
    many = text(posting("director-of-operations", size=5000, industry="retail", length="long"))
    assert "every site and region" in many


def test_operations_director_and_director_of_operations_are_peers() -> None:
    for size in ("small", "mid-size", "large", "enterprise"):
        od = posting("operations-director", size=size)
        team = od.metadata.team or ""
        assert "Director of Operations" not in team, size
    mid = compare(
        CATALOG.find_role("operations-director"),
        CATALOG.find_role("director-of-operations"),
        Company(size="mid-size"),
        CATALOG,
    )
    assert mid.a.reports_to == mid.b.reports_to == "Chief Operating Officer"
    big = posting("director-of-operations", size="enterprise")
    assert big.metadata.reports_to.id == "vp-of-operations"
    vp = posting("vp-of-operations", size="enterprise")
    assert "directors" in (vp.metadata.team or "")


def test_an_executive_title_at_a_tiny_company_has_no_enterprise_duties() -> None:
    jd = posting("chief-supply-chain-officer", size=15, industry="manufacturing")
    body = text(jd)
    resp = jd.section("responsibilities")
    assert resp is not None
    duties = " ".join(b.text for b in resp.all_bullets())
    for phrase in ("the board", "centrally or locally", "across the network", "new facilities"):
        assert phrase not in duties, phrase
    assert "plant floor" not in body  # the supply chain's context sentence, not the plant's
