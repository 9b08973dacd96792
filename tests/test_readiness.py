"""A posting that says what it still needs to be published, and --strict for CI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from jdgen.catalog import Catalog
from jdgen.cli import cli
from jdgen.models import Company
from jdgen.readiness import still_missing
from jdgen.tailor import tailor

DENVER = {"city": "Denver", "region": "CO", "country": "US"}
AUSTIN = {"city": "Austin", "region": "TX", "country": "US"}
READY: dict[str, Any] = {
    "locations": [DENVER],
    "salary": {"min": 120000, "max": 150000},
    "how_to_apply": "https://acme.example/jobs",
    "closing_date": "2027-01-31",
}
DAY = dt.date(2026, 12, 1)
HINT = "hint: published pay for Director of Operations is $107,000–$135,000 (US), from "


def missing(catalog: Catalog, role: str = "director-of-operations", employees: int | None = None,
            **company: Any) -> list[str]:  # fmt: skip
    jd = tailor(catalog.find_role(role), Company.model_validate(company), catalog)
    return still_missing(jd, catalog, employees, DAY).items


def test_a_complete_posting_is_ready(catalog: Catalog) -> None:
    assert missing(catalog, **READY) == []


def test_each_missing_item_names_its_field(catalog: Catalog) -> None:
    items = missing(catalog)
    assert [i.split(":")[0] for i in items] == [
        "a pay range, which many US states and cities require in job postings (where the job "
        "is decides)",
        "where the job is",
        "how to apply",
        "a closing date",
    ]
    assert (
        "set salary: {min: …, max: …}" in items[0]
        and "(batch: salary_min, salary_max)" in (items[0])
    )
    assert "set locations:" in items[1]
    assert "set how_to_apply" in items[2] and "set closing_date: YYYY-MM-DD" in items[3]


@pytest.mark.parametrize(
    ("where", "employees", "laws"),
    [
        ([DENVER], None, "Colorado"),  # any employer
        ([AUSTIN], None, None),  # Texas has no such law
        ([{"city": "New York", "region": "NY", "country": "US"}], 3, None),  # under 4 people
        (
            [{"city": "New York", "region": "NY", "country": "US"}],
            40,
            "New York State and New York City",
        ),
    ],
)
def test_pay_is_missing_where_the_law_asks(
    catalog: Catalog, where: list[Any], employees: int | None, laws: str | None
) -> None:
    company = {**READY, "locations": where, "salary": None}
    items = missing(catalog, employees=employees, **company)
    if laws is None:
        assert items == []
    else:
        assert items == [
            f"a pay range, which {laws} require{'s' if ' and ' not in laws else ''} in job "
            "postings: set salary: {min: …, max: …} in the company file (batch: salary_min, "
            "salary_max)"
        ]


def test_remote_job_needs_its_regions(catalog: Catalog) -> None:
    company = {**READY, "locations": [], "work_arrangement": "remote"}
    items = missing(catalog, **company)
    assert items == ["where remote applicants may live: set remote_regions, e.g. [US] (batch: "
                     "remote_regions)"]  # fmt: skip
    assert missing(catalog, **{**company, "remote_regions": ["US"]}) == []


def test_the_market_pay_is_a_hint_never_in_the_posting(catalog: Catalog) -> None:
    jd = tailor(catalog.find_role("director-of-operations"), Company(), catalog)
    found = still_missing(jd, catalog)
    assert found.hint is not None and found.hint.startswith(HINT)
    assert "reference article 003" in found.hint
    from jdgen.render import render

    assert "107,000" not in render(jd, "md").decode()
    paid = tailor(catalog.find_role("director-of-operations"), Company.model_validate(READY))
    assert still_missing(paid, catalog).hint is None


def test_generate_prints_the_list_on_stderr(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["generate", "Director of Operations"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Director of Operations")
    assert "still missing" not in result.stdout
    assert "warning: not ready to publish; still missing:\n  - a pay range" in result.stderr
    assert result.stderr.split("warning:")[1].count("\n  - ") == 4  # the note lists its own
    assert HINT in result.stderr


def test_strict_fails_and_writes_nothing(tmp_path: Path) -> None:
    company = tmp_path / "c.yaml"
    company.write_text("locations: [{city: Denver, region: CO, country: US}]\n")
    out = tmp_path / "p.docx"
    args = ["generate", "vpo", "--company", str(company), "-o", str(out), "--strict"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 3
    assert "error: --strict: not ready to publish in Denver, CO, US:\n  - a pay range, which " \
        "Colorado requires" in result.stderr  # fmt: skip
    assert not out.exists()
    company.write_text(
        "locations: [{city: Denver, region: CO, country: US}]\n"
        "salary: {min: 150000, max: 190000}\nhow_to_apply: jobs@acme.example\n"
        "closing_date: 2027-01-31\n"
    )
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert out.exists() and "not ready" not in result.stderr


def test_the_internal_description_is_not_checked() -> None:
    result = CliRunner().invoke(cli, ["generate", "vpo", "--kind", "description", "--strict"])
    assert result.exit_code == 0 and "not ready" not in result.stderr
