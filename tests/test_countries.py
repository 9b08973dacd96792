"""Postings outside the US: the country of the location decides the equal-opportunity
statement, privacy wording, country names, the (m/w/d) suffix and the locale."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdgen.catalog import Catalog
from jdgen.cli import cli
from jdgen.models import Company, JobDescription, Location, Salary
from jdgen.render import render
from jdgen.tailor import tailor

CLOSES = dt.date(2026, 12, 31)

#: (location, ISO code, place in the text, words of its statement, pay line, closing date)
CASES = [
    (
        Location(city="Denver", region="CO", country="US"),
        "US",
        "Denver, CO, US",
        "veteran status",
        "€65,000 to €80,000",
        "December 31, 2026",
    ),
    (
        Location(city="Leeds", country="UK"),
        "GB",
        "Leeds, United Kingdom",
        "Equality Act 2010",
        "€65,000 to €80,000",
        "31 December 2026",
    ),
    (
        Location(city="Toronto", region="ON", country="Canada"),
        "CA",
        "Toronto, ON, Canada",
        "human rights law",
        "€65,000 to €80,000",
        "December 31, 2026",
    ),
    (
        Location(city="Berlin", country="DE"),
        "DE",
        "Berlin, Germany",
        "General Equal Treatment Act (AGG)",
        "€65,000 to €80,000",
        "31 December 2026",
    ),
    (
        Location(city="Vienna", country="Österreich"),
        "AT",
        "Vienna, Austria",
        "Gleichbehandlungsgesetz",
        "€65,000 to €80,000",
        "31 December 2026",
    ),
    (
        Location(city="Dublin", country="IE"),
        "IE",
        "Dublin, Ireland",
        "membership of the Traveller community",
        "€65,000 to €80,000",
        "31 December 2026",
    ),
    (
        Location(city="Lyon", country="France"),
        "FR",
        "Lyon, France",
        "French Labour Code",
        "€65,000 to €80,000",
        "31 December 2026",
    ),
    (
        Location(city="Utrecht", country="NLD"),
        "NL",
        "Utrecht, Netherlands",
        "Dutch Equal Treatment Act",
        "€65,000 to €80,000",
        "31 December 2026",
    ),
    (
        Location(city="Madrid", country="ES"),
        "ES",
        "Madrid, Spain",
        "EU equal treatment law",
        "€65,000 to €80,000",
        "31 December 2026",
    ),
    (
        Location(city="Osaka", country="Japan"),
        "JP",
        "Osaka, Japan",
        "protected by the law where the job is",
        "€65,000 to €80,000",
        None,
    ),
]
IDS = [c[1] for c in CASES]


def company(loc: Location, **extra: object) -> Company:
    return Company(
        name="Kiez Werk",
        industry="technology",
        locations=[loc],
        salary=Salary(min=65000, max=80000, currency="EUR"),
        how_to_apply="https://kiez.example/jobs",
        closing_date=CLOSES,
        **extra,  # type: ignore[arg-type]
    )


def posting(catalog: Catalog, loc: Location, **extra: object) -> JobDescription:
    return tailor(catalog.roles["director-of-operations"], company(loc, **extra), catalog)


def text_of(jd: JobDescription, section: str) -> str:
    found = jd.section(section)
    assert found is not None, section
    return " ".join(found.paragraphs)


@pytest.mark.parametrize(("loc", "code", "place", "statement", "pay", "closes"), CASES, ids=IDS)
def test_posting_in_each_country(
    catalog: Catalog,
    loc: Location,
    code: str,
    place: str,
    statement: str,
    pay: str,
    closes: str | None,
) -> None:
    jd = posting(catalog, loc)
    assert jd.metadata.country == code
    assert place in text_of(jd, "location")
    eeo = text_of(jd, "equal-opportunity")
    assert statement in eeo
    assert ("veteran status" in eeo) == (code == "US")
    assert pay in text_of(jd, "compensation")
    if closes:
        assert f"Applications close on {closes}." in text_of(jd, "apply")
    body = render(jd, "md").decode()
    # the job's state's own privacy law (Denver: Colorado's), named; never "US state
    # privacy laws" where the state is known
    assert ("the Colorado Privacy Act" in body) == (code == "US")
    assert "US state privacy laws" not in body
    assert ("(m/w/d)" in jd.title) == (code in ("DE", "AT"))


@pytest.mark.parametrize(
    ("loc", "pay"),
    [
        (
            Location(city="Berlin", country="DE"),
            "The salary for this role is €65,000 to €80,000 gross per year.",
        ),
        (
            Location(city="Vienna", country="AT"),
            "The salary for this role is €65,000 to €80,000 gross per year.",
        ),
        (
            Location(city="Utrecht", country="NL"),
            "The salary for this role is €65,000 to €80,000 gross per year.",
        ),
        (
            Location(city="Leeds", country="GB"),
            "The salary for this role is €65,000 to €80,000 per year.",
        ),
        (
            Location(city="Denver", country="US"),
            "The base pay range for this role is €65,000 to €80,000 per year.",
        ),
    ],
    ids=["DE", "AT", "NL", "GB", "US"],
)
def test_pay_is_worded_as_the_country_quotes_it(catalog: Catalog, loc: Location, pay: str) -> None:
    """Gross pay where salaries are quoted gross (DE, AT, NL), a salary in the UK, a base
    pay range in the US; English figures everywhere (the posting is in English)."""
    assert text_of(posting(catalog, loc), "compensation").startswith(pay)


@pytest.mark.parametrize(("loc", "code", "place", "statement"), [c[:4] for c in CASES], ids=IDS)
def test_every_format_carries_the_country(
    catalog: Catalog, loc: Location, code: str, place: str, statement: str
) -> None:
    from docx import Document

    jd = posting(catalog, loc)
    for fmt in ("md", "txt", "html"):
        out = render(jd, fmt).decode()
        assert place in out, fmt
        assert statement in out.replace("&#39;", "'"), fmt
        assert jd.title in out, fmt
    doc = Document(io.BytesIO(render(jd, "docx")))
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs[0] == jd.title
    assert any(place in p for p in paragraphs)
    assert any(statement in p for p in paragraphs)
    data = json.loads(render(jd, "jsonld"))
    assert data["title"] == jd.title
    assert data["jobLocation"]["address"]["addressCountry"] == code
    back = JobDescription.model_validate_json(render(jd, "json"))
    assert back.metadata.country == code
    assert back.metadata.locale == jd.metadata.locale


def test_a_posting_without_a_country_stays_american(catalog: Catalog) -> None:
    jd = tailor(catalog.roles["director-of-operations"], Company(industry="technology"), catalog)
    assert jd.metadata.country == "US" and jd.metadata.locale == "en_US"
    assert "veteran status" in text_of(jd, "equal-opportunity")
    md = render(jd, "md").decode()
    assert "US state privacy laws" in md and "GDPR" not in md  # a US-only company


def test_remote_regions_decide_when_there_is_no_location(catalog: Catalog) -> None:
    c = Company(work_arrangement="remote", remote_regions=["Germany"])
    jd = tailor(catalog.roles["operations-manager"], c, catalog)
    assert jd.metadata.country == "DE"
    assert jd.title == "Operations Manager (m/w/d)"
    assert "Germany" in text_of(jd, "location")
    eu = tailor(catalog.roles["operations-manager"], Company(remote_regions=["EU"]), catalog)
    assert eu.metadata.country is None
    assert "EU equal treatment law" in text_of(eu, "equal-opportunity")


def test_title_suffix_setting_changes_or_removes_it(catalog: Catalog) -> None:
    berlin = Location(city="Berlin", country="Germany")
    assert posting(catalog, berlin, title_suffix=False).title == "Director of Operations"
    assert (
        posting(catalog, berlin, title_suffix="(w/m/d)").title == "Director of Operations (w/m/d)"
    )
    leeds = Location(city="Leeds", country="GB")
    assert posting(catalog, leeds, title_suffix="(f/m/d)").title == "Director of Operations (f/m/d)"
    # a title that already says it gets it once
    jd = tailor(
        catalog.roles["director-of-operations"],
        company(berlin),
        catalog,
        company(berlin).posting.model_copy(update={"title": "Head of Ops (m/w/d)"}),
    )
    assert jd.title == "Head of Ops (m/w/d)"


def test_locale_setting_overrides_the_country(catalog: Catalog) -> None:
    jd = posting(catalog, Location(city="Berlin", country="DE"), locale="en_DE")
    assert jd.metadata.locale == "en_DE"
    assert "65.000\xa0€ to 80.000\xa0€" in text_of(jd, "compensation")
    assert "31 December 2026" in text_of(jd, "apply")
    html = render(jd, "html").decode()
    assert "31 December 2026" in html


def test_bad_locale_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "company.yaml"
    path.write_text("name: X\nlocale: xx_YY\n")
    result = CliRunner().invoke(cli, ["generate", "director-of-operations", "--company", str(path)])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: {path}: locale: unknown locale 'xx_YY' "
        "(expected a Babel locale such as en_US, en_GB, en_DE)"
    )
    assert "Traceback" not in result.output


def test_company_file_with_country_name_writes_it_out(tmp_path: Path) -> None:
    path = tmp_path / "company.yaml"
    path.write_text(
        "name: Kiez\nlocations: [{city: Berlin, country: DE}]\n"
        "salary: {min: 65000, max: 80000, currency: EUR}\n"
    )
    result = CliRunner().invoke(cli, ["generate", "operations-manager", "--company", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Operations Manager (m/w/d)\n")
    assert "Berlin, Germany" in result.stdout
    assert "Berlin, DE" not in result.stdout


def test_a_user_catalog_changes_one_key_of_the_country_table(tmp_path: Path) -> None:
    (tmp_path / "countries.yaml").write_text("default: GB\n")
    result = CliRunner().invoke(cli, ["generate", "operations-manager", "--catalog", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Equality Act 2010" in result.stdout and "veteran status" not in result.stdout
    (tmp_path / "countries.yaml").write_text("default_locale: 12\n")
    bad = CliRunner().invoke(cli, ["generate", "operations-manager", "--catalog", str(tmp_path)])
    assert bad.exit_code == 1
    assert (
        f"{tmp_path}/countries.yaml: default_locale: Input should be a valid string" in bad.stderr
    )
