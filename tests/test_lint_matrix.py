"""jdgen's own postings pass jdgen lint: every role × size × industry.

Generated with a company that gives a location, a salary range, benefits and how
to apply, each posting must have no error-level finding, no jargon title word,
and must not be "strongly masculine-coded" (gender-decoder's verdict).  Where a
posting fails, change the catalog's wording, not the check.  One role:
``pytest tests/test_lint_matrix.py -k <role-id>``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from jdgen.catalog import builtin_catalog
from jdgen.lint import lint_job_description
from jdgen.models import Company, Location, Salary
from jdgen.tailor import tailor

CATALOG = builtin_catalog()
ROLES = sorted(CATALOG.roles)
COMPANY = {
    "name": "Acme",
    "locations": [Location(city="Denver", region="CO", country="US")],
    "work_arrangement": "hybrid",
    "salary": Salary(min=95000, max=140000),
    "benefits": [
        "Health, dental and vision insurance",
        "401(k) with 4% match",
        "Paid parental leave",
    ],
    "how_to_apply": "https://acme.example/careers",
}
DAY = dt.date(2025, 11, 3)


@pytest.mark.parametrize("role_id", ROLES)
def test_every_size_and_industry_passes_its_own_lint(role_id: str) -> None:
    role = CATALOG.roles[role_id]
    failures: list[str] = []
    for size in CATALOG.sizes:
        for industry in CATALOG.industries:
            jd = tailor(role, Company(size=size, industry=industry, **COMPANY), CATALOG)
            report = lint_job_description(jd, as_of=DAY)
            where = f"{size}/{industry}"
            for f in report.findings:
                if f.severity == "error" or f.category == "jargon":
                    failures.append(f"{where}: {f.severity} {f.check}: {f.text!r} ({f.why})")
            gender = report.stats.gender
            if gender.verdict == "strongly masculine-coded":
                failures.append(
                    f"{where}: strongly masculine-coded: {len(gender.masculine)} masculine "
                    f"({', '.join(sorted(set(gender.masculine)))}) against {len(gender.feminine)} feminine"
                )
            assert report.stats.pay_laws == ["Colorado"], where
    assert not failures, "\n".join(failures)
