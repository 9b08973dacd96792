"""Every role × size × shipped sector (in each of its industries) reads clean, passes
jdgen's own lint and keeps the standard length: the sector's lines are written for the
matrix like the industries' (tests/test_matrix.py, test_lint_matrix.py, test_fit.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from postingcheck import posting_problems, word_count

from jdgen.catalog import builtin_catalog
from jdgen.lint import lint_job_description
from jdgen.models import Company, Location, Salary
from jdgen.render import render
from jdgen.tailor import section_words, tailor

CATALOG = builtin_catalog()
ROLES = sorted(CATALOG.roles)
PAIRS = [(s.id, industry) for s in CATALOG.sectors.values() for industry in s.industries]
COMPANY = {
    "name": "Acme",
    "locations": [Location(city="Denver", region="CO", country="US")],
    "salary": Salary(min=95000, max=140000),
    "how_to_apply": "https://acme.example/careers",
}
DAY = dt.date(2025, 11, 3)
#: (words, duties) of a standard posting, as in tests/test_fit.py.
BANDS = {"frontline": ((300, 550), (6, 8)), "other": ((450, 750), (8, 12))}


def test_every_shipped_sector_is_in_the_matrix() -> None:
    assert {s for s, _ in PAIRS} >= {
        "grocery",
        "foundry",
        "food-and-beverage",
        "payments",
        "cold-chain",
    }


@pytest.mark.parametrize("role_id", ROLES)
def test_every_sector_posting_reads_clean_and_passes_lint(role_id: str) -> None:
    role = CATALOG.roles[role_id]
    frontline = role.level in ("supervisor", "coordinator")
    (low, high), (fewest, most) = BANDS["frontline" if frontline else "other"]
    failures: list[str] = []
    for sector, industry in PAIRS:
        for size in CATALOG.sizes:
            company = Company(size=size, industry=industry, sector=sector, **COMPANY)
            jd = tailor(role, company, CATALOG)
            where = f"{sector}/{industry}/{size}"
            md = render(jd, "md").decode()
            failures += [f"{where}: {p}" for p in posting_problems(jd, md)]
            report = lint_job_description(jd, as_of=DAY)
            failures += [
                f"{where}: {f.severity} {f.check}: {f.text!r}"
                for f in report.findings
                if f.severity == "error" or f.category == "jargon"
            ]
            if report.stats.gender.verdict == "strongly masculine-coded":
                failures.append(f"{where}: strongly masculine-coded")
            words = section_words(jd) if frontline else word_count(jd)
            resp = jd.section("responsibilities")
            n = sum(len(s.bullets) for s in resp.subsections) if resp else 0
            if not low <= words <= high or not fewest <= n <= most:
                failures.append(f"{where}: {words} words, {n} duties")
    assert not failures, "\n".join(failures)
