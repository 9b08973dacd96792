"""``generate --salary``: the pay range of one posting, over the company file's."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from jdgen.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def pay_line(markdown: str) -> str:
    return next(line for line in markdown.splitlines() if "for this role is" in line)


def test_salary_overrides_the_company_file_and_keeps_its_currency(tmp_path: Path) -> None:
    company = tmp_path / "company.yaml"
    company.write_text(
        "name: Acme\nlocations: [{city: Denver, region: CO, country: US}]\n"
        "salary: {min: 90000, max: 110000, currency: USD, period: year}\n"
    )
    result = run("generate", "coo", "--company", str(company), "--salary", "350k-450k")
    assert result.exit_code == 0, result.stderr
    assert "$350,000 to $450,000 per year" in pay_line(result.stdout)
    assert "$90,000" not in result.stdout


def test_salary_takes_the_currency_of_the_job_s_country(tmp_path: Path) -> None:
    company = tmp_path / "company.yaml"
    company.write_text("name: Lieferwerk\nlocations: [{city: Berlin, country: DE}]\n")
    result = run(
        "generate", "Logistics Manager", "--company", str(company), "--salary", "55k to 68k"
    )
    assert result.exit_code == 0, result.stderr
    assert "€55,000 to €68,000 gross per year" in pay_line(result.stdout)
    assert "$" not in pay_line(result.stdout)


def test_salary_symbol_names_the_currency() -> None:
    result = run("generate", "Logistics Manager", "--salary", "£50,000-£60,000")
    assert result.exit_code == 0, result.stderr
    assert "£50,000 to £60,000" in pay_line(result.stdout)


@pytest.mark.parametrize("value", ["abc", "90k-60k", "1-2-3", "-5k"])
def test_a_bad_salary_is_one_line_naming_the_option(value: str) -> None:
    result = run("generate", "Logistics Manager", "--salary", value)
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: --salary: expected a range such as 120k-150k or $120,000-$150,000, got {value!r}"
    )
