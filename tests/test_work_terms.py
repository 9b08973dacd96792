"""Pay and terms beyond the base range: variable pay, FLSA status, work authorization,
security clearance and driver's licence, in every output format, the company file and batch."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from jdgen.catalog import Catalog
from jdgen.cli import cli
from jdgen.description import describe
from jdgen.models import Company, JobDescription
from jdgen.render import render
from jdgen.tailor import tailor

DENVER = {"city": "Denver", "region": "CO", "country": "US"}
TERMS: dict[str, Any] = {
    "name": "Acme Widgets",
    "size": 60,
    "industry": "manufacturing",
    "locations": [DENVER],
    "salary": {"min": 120000, "max": 150000},
    "variable_pay": {
        "bonus_target_percent": 15,
        "on_target_earnings": {"min": 150000, "max": 190000},
        "commission": "uncapped commission on new bookings, paid monthly",
        "equity": "stock options that vest over four years",
    },
    "visa_sponsorship": False,
    "security_clearance": "U.S. government Secret",
    "drivers_license": True,
}

BONUS = "This role is eligible for an annual bonus with a target of 15% of base pay."
OTE = "On-target earnings, base pay plus commission at target, are $150,000 to $190,000 per year."
COMMISSION = "The role also earns uncapped commission on new bookings, paid monthly."
EQUITY = "The package includes stock options that vest over four years."
NON_EXEMPT = "This job is non-exempt under the Fair Labor Standards Act (FLSA)."
NO_VISA = (
    "Applicants must already be authorized to work in the United States; "
    "we cannot sponsor a work visa for this role."
)
CLEARANCE = "An active U.S. government Secret security clearance."
LICENSE = "A valid driver's license and a driving record that meets our insurance requirements."
ALL_LINES = (BONUS, OTE, COMMISSION, EQUITY, NO_VISA, CLEARANCE, LICENSE)


def posting(
    catalog: Catalog, role: str = "director-of-operations", **company: Any
) -> JobDescription:
    return tailor(catalog.find_role(role), Company.model_validate(company), catalog)


def section_text(jd: JobDescription, section_id: str) -> str:
    s = jd.section(section_id)
    if s is None:
        return ""
    parts = [*s.paragraphs, *s.bullet_texts]
    for sub in s.subsections:
        parts += [*sub.paragraphs, *sub.bullet_texts]
    return "\n".join(parts)


def test_pay_section_carries_variable_pay_and_flsa_in_order(catalog: Catalog) -> None:
    jd = posting(catalog, **TERMS)
    pay = jd.section("compensation")
    assert pay is not None
    assert pay.paragraphs[0].startswith("The base pay range for this role is $120,000")
    assert pay.paragraphs[1:] == [BONUS, OTE, COMMISSION, EQUITY]  # exempt: not said
    required = jd.section("qualifications").subsection("required").bullet_texts  # type: ignore[union-attr]
    assert required[-2:] == [CLEARANCE, LICENSE]
    assert NO_VISA in section_text(jd, "location")
    m = jd.metadata
    assert m.flsa_status == "exempt"
    assert m.incentive_compensation == " ".join([BONUS, OTE, COMMISSION, EQUITY])
    assert m.security_clearance == CLEARANCE and m.eligibility_to_work == NO_VISA


def test_a_benefit_the_pay_sentences_name_already_is_said_once(catalog: Catalog) -> None:
    # review r4a/r5: "The package includes stock options …" then "- Stock options for every employee."
    benefits = [
        "Stock options for every employee",
        "An annual bonus",
        "Four weeks of paid time off",
    ]
    jd = posting(catalog, **{**TERMS, "benefits": benefits})
    pay = jd.section("compensation")
    assert pay is not None and EQUITY in pay.paragraphs
    # the bonus sentence says "annual bonus with a target", the benefit "An annual bonus"
    assert pay.bullet_texts == ["Four weeks of paid time off."]
    alone = posting(catalog, **{**TERMS, "variable_pay": {}, "benefits": benefits})
    assert alone.section("compensation").bullet_texts == [f"{b}." for b in benefits]  # type: ignore[union-attr]


def test_nothing_is_added_when_nothing_is_set(catalog: Catalog) -> None:
    jd = posting(catalog, size="small", industry="manufacturing")
    text = render(jd, "md").decode()
    for line in (*ALL_LINES, NON_EXEMPT, "sponsor"):
        assert line not in text
    assert jd.section("compensation") is None and jd.metadata.flsa_status is None


@pytest.mark.parametrize("fmt", ["md", "txt", "html", "json"])
def test_every_text_format_shows_the_terms(catalog: Catalog, fmt: str) -> None:
    text = render(posting(catalog, **TERMS), fmt).decode()
    if fmt == "html":
        text = text.replace("&#39;", "'")
    for line in ALL_LINES:
        assert line in text, (fmt, line)


def test_docx_shows_the_terms(catalog: Catalog, tmp_path: Path) -> None:
    from docx import Document

    path = tmp_path / "p.docx"
    path.write_bytes(render(posting(catalog, **TERMS), "docx"))
    paragraphs = [(p.style.name, p.text) for p in Document(str(path)).paragraphs]
    assert ("Normal", BONUS) in paragraphs and ("Normal", NO_VISA) in paragraphs
    assert ("List Bullet", CLEARANCE) in paragraphs and ("List Bullet", LICENSE) in paragraphs


def test_json_ld_has_the_schema_org_properties(catalog: Catalog) -> None:
    data = json.loads(render(posting(catalog, **TERMS, benefits=["Health insurance"]), "jsonld"))
    assert data["incentiveCompensation"] == " ".join([BONUS, OTE, COMMISSION, EQUITY])
    assert data["eligibilityToWorkRequirement"] == NO_VISA
    assert data["securityClearanceRequirement"] == CLEARANCE
    assert data["jobBenefits"] == ["Health insurance."]
    plain = json.loads(render(posting(catalog, size="small"), "jsonld"))
    for key in ("incentiveCompensation", "eligibilityToWorkRequirement"):
        assert key not in plain


def test_sponsorship_yes_and_own_licence_wording(catalog: Catalog) -> None:
    jd = posting(
        catalog,
        locations=[DENVER],
        visa_sponsorship=True,
        drivers_license="A commercial driver's license (CDL Class A)",
    )
    assert "We can sponsor a work visa for the right candidate." in section_text(jd, "location")
    assert "A commercial driver's license (CDL Class A)." in section_text(jd, "qualifications")
    berlin = posting(
        catalog, locations=[{"city": "Berlin", "country": "DE"}], visa_sponsorship=False
    )
    assert "authorised to work in Germany;" in section_text(berlin, "location")  # en-GB


# -- FLSA: follows level and pay, overridable, US only --------------------------------------


@pytest.mark.parametrize(
    ("salary", "expected"),
    [
        ({"min": 120000, "max": 150000}, "exempt"),
        ({"min": 35568, "max": 40000}, "exempt"),  # exactly the federal salary level
        ({"min": 30000, "max": 40000}, "non-exempt"),  # below it
        ({"min": 3200, "max": 3600, "period": "month"}, "exempt"),  # $38,400 a year
        ({"min": 600, "max": 700, "period": "week"}, "non-exempt"),  # under $684 a week
        ({"min": 40, "max": 55, "period": "hour"}, "non-exempt"),  # paid by the hour
        (None, "exempt"),  # no pay given: the level's duties decide
    ],
)
def test_flsa_follows_the_pay(catalog: Catalog, salary: Any, expected: str) -> None:
    jd = posting(catalog, "operations-manager", locations=[DENVER], salary=salary)
    assert jd.metadata.flsa_status == expected
    pay = section_text(jd, "compensation")
    # a posting says overtime pay for a non-exempt job; an exempt one's status is for the file
    if expected == "exempt":
        assert "FLSA" not in pay
    else:
        assert NON_EXEMPT in pay
    company = Company.model_validate({"locations": [DENVER], "salary": salary})
    described = describe(catalog.find_role("operations-manager"), company, catalog)
    details = described.section("job-details")
    assert details is not None
    assert {(f.label, f.value) for f in details.facts} >= {("FLSA status", expected.capitalize())}


def test_flsa_follows_the_level(catalog: Catalog) -> None:
    from jdgen.work import flsa_status

    company = Company.model_validate({"locations": [DENVER]})
    rules = catalog.work.flsa
    status = {lv: flsa_status(rules, lv, company, True) for lv in catalog.levels}
    # A coordinator's scheduling and tracking within set rules is non-exempt work.
    assert status == {
        lv: "non-exempt" if lv == "coordinator" else "exempt" for lv in catalog.levels
    }
    narrow = rules.model_copy(update={"exempt_levels": ["executive", "vp", "director"]})
    assert flsa_status(narrow, "manager", company, True) == "non-exempt"
    assert flsa_status(narrow, "director", company, True) == "exempt"
    assert flsa_status(rules, "director", company, False) is None


def test_company_overrides_flsa(catalog: Catalog) -> None:
    pay = {"min": 120000, "max": 150000}
    jd = posting(catalog, locations=[DENVER], salary=pay, flsa_status="non-exempt")
    assert jd.metadata.flsa_status == "non-exempt"
    assert NON_EXEMPT in section_text(jd, "compensation")


@pytest.mark.parametrize(
    "where",
    [
        {"locations": [{"city": "Berlin", "country": "DE"}]},
        {"locations": [{"city": "Toronto", "region": "ON", "country": "Canada"}]},
        {"locations": [{"city": "Leeds", "country": "GB"}], "flsa_status": "exempt"},
        {"work_arrangement": "remote", "remote_regions": ["EU"]},
        {},  # no location at all: not known to be a US job
    ],
)
def test_flsa_only_for_us_jobs(catalog: Catalog, where: dict[str, Any]) -> None:
    jd = posting(catalog, salary={"min": 120000, "max": 150000}, **where)
    assert jd.metadata.flsa_status is None
    assert "FLSA" not in render(jd, "md").decode()


@pytest.mark.parametrize(
    "where",
    [
        {"locations": [{"city": "Austin", "region": "TX", "country": "USA"}]},
        {"locations": [{"city": "Austin", "country": "United States"}]},
        {"locations": [{"city": "Austin", "country": "U.S.A."}]},
        {"work_arrangement": "remote", "remote_regions": ["US"]},
    ],
)
def test_flsa_for_every_way_of_writing_the_us(catalog: Catalog, where: dict[str, Any]) -> None:
    assert posting(catalog, **where).metadata.flsa_status == "exempt"


# -- company file, batch, init ---------------------------------------------------------------


def test_company_file_fields_and_their_errors(tmp_path: Path) -> None:
    good = tmp_path / "c.yaml"
    good.write_text(
        textwrap.dedent(
            """\
            locations: [{city: Denver, region: CO, country: US}]
            salary: {min: 120000, max: 150000}
            variable_pay: {bonus_target_percent: 12.5, equity: restricted stock units}
            visa_sponsorship: false
            drivers_license: yes
            """
        )
    )
    result = CliRunner().invoke(cli, ["generate", "dir of ops", "--company", str(good)])
    assert result.exit_code == 0, result.output
    assert "a target of 12.5% of base pay" in result.output
    assert "The package includes restricted stock units." in result.output
    assert LICENSE in result.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("flsa_status: salaried\n")
    result = CliRunner().invoke(cli, ["generate", "dir of ops", "--company", str(bad)])
    assert result.exit_code == 1
    assert (
        "bad.yaml: flsa_status: expected one of 'exempt' or 'non-exempt', got 'salaried'"
        in result.output
    )
    bad.write_text("variable_pay: {bonus_percent: 10}\n")
    result = CliRunner().invoke(cli, ["generate", "dir of ops", "--company", str(bad)])
    assert "variable_pay.bonus_percent: unknown field" in result.output


def test_batch_columns_set_the_terms(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "role,name,country,salary_min,salary_max,Bonus %,OTE Min,OTE Max,commission,"
        "visa_sponsorship,drivers_license,security_clearance,flsa\n"
        'Revenue Operations Manager,Globex,US,"120,000",150000,10%,150000,190000,'
        "uncapped commission on new bookings,yes,no,,\n"
        "Fulfillment Manager,Acme,US,90000,110000,,,,,no,yes,Secret,non-exempt\n"
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["batch", str(rows), "-o", str(out), "--format", "md"])
    assert result.exit_code == 0, result.output
    revops = (out / "revenue-operations-manager--globex--us.md").read_text()
    assert "a target of 10% of base pay" in revops
    assert "are $150,000 to $190,000 per year" in revops
    assert "We can sponsor a work visa" in revops and "driver's license" not in revops
    assert "FLSA" not in revops  # exempt: stated in the internal description only
    fm = (out / "fulfillment-manager--acme--us.md").read_text()
    assert NON_EXEMPT in fm and LICENSE in fm and "An active Secret security clearance." in fm
    rows.write_text("role,ote_min,flsa\nvpo,lots,exempt\nvpo,,sometimes\n")
    result = CliRunner().invoke(cli, ["batch", str(rows), "-o", str(tmp_path / "o2")])
    assert result.exit_code == 1
    assert "rows.csv:2: ote_min:" in result.output
    assert "rows.csv:3: flsa_status: expected one of 'exempt' or 'non-exempt'" in result.output


def test_init_writes_the_terms_it_is_given(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    args = ["init", str(path), "--no-input", "--country", "US", "--bonus-target", "15",
            "--equity", "stock options", "--no-visa-sponsorship", "--drivers-license",
            "--travel", "20", "--flsa-status", "non-exempt"]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    text = path.read_text()
    assert "variable_pay: {bonus_target_percent: 15, equity: stock options}\n" in text
    for line in ("flsa_status: non-exempt", "visa_sponsorship: false", "drivers_license: true",
                 "travel: 20"):  # fmt: skip
        assert f"\n{line}\n" in text
    result = CliRunner().invoke(cli, ["generate", "vpo", "--company", str(path)])
    assert BONUS in result.stdout and NO_VISA in result.stdout and LICENSE in result.stdout
    assert NON_EXEMPT in result.stdout
    bare = tmp_path / "bare.yaml"
    assert CliRunner().invoke(cli, ["init", str(bare), "--no-input"]).exit_code == 0
    assert "# visa_sponsorship: false" in bare.read_text()  # a commented example


# -- variable pay by level --------------------------------------------------------------------


def bonus_line(jd: JobDescription) -> str:
    return next((p for p in section_text(jd, "compensation").split("\n") if "bonus" in p), "")


def test_a_bonus_by_level_gives_each_level_its_own(catalog: Catalog) -> None:
    """A bank's Fulfillment Manager and its COO do not share one bonus target (review r4a)."""
    pay = {"bonus_target_percent": {"manager": "10%", "director": 15, "executive": 30}}
    company = {"size": 5000, "locations": [DENVER], "variable_pay": pay}
    manager = posting(catalog, "fulfillment-manager", **company)
    coo = posting(catalog, "chief-operating-officer", **company)
    assert bonus_line(manager) == BONUS.replace("15%", "10%")
    assert bonus_line(coo) == BONUS.replace("15%", "30%")
    assert coo.metadata.variable_pay is not None
    assert coo.metadata.variable_pay.bonus_target_percent == 30
    # a level not listed has no bonus, and generate's note asks for one
    vp = posting(catalog, "vp-of-operations", **company)
    assert bonus_line(vp) == "" and vp.metadata.variable_pay is None
    # the single figure still applies to every level
    one = posting(
        catalog,
        "chief-operating-officer",
        locations=[DENVER],
        variable_pay={"bonus_target_percent": 15},
    )
    assert bonus_line(one) == BONUS


def test_a_bonus_for_an_unknown_level_names_the_field_and_the_levels(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("variable_pay: {bonus_target_percent: {manager: 10, vice-president: 20}}\n")
    result = CliRunner().invoke(cli, ["generate", "operations-manager", "--company", str(path)])
    assert result.exit_code != 0
    assert (
        "variable_pay.bonus_target_percent: unknown level 'vice-president' "
        "(expected one of executive, vp, director, manager, supervisor, coordinator)"
    ) in result.output
    assert "Traceback" not in result.output
