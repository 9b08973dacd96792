"""The shipped catalog's postings fit the company (issue 10, slice "catalogfit"): no
sentence explaining the industry to the people who work in it, certifications and
advanced degrees only where the job and the company's size call for them, and at a
small company the people a role works with are the ones such a company has."""

from __future__ import annotations

import re

import pytest

from jdgen.catalog import builtin_catalog
from jdgen.models import Company, JobDescription
from jdgen.tailor import tailor

CATALOG = builtin_catalog()


def posting(role: str, **company: object) -> JobDescription:
    return tailor(CATALOG.roles[role], Company.model_validate(company), CATALOG)


def about_role(jd: JobDescription) -> str:
    section = jd.section("about-role")
    assert section is not None
    return " ".join(section.paragraphs)


#: How the cut context sentences opened: "At a manufacturer, operations is …",
#: "In healthcare, …", "Here logistics covers …".
EXPLAINER = re.compile(r"(^|\. )((At an?|In|Here) [A-Za-z]+( [a-z]+)?), ")


def test_the_shipped_industries_carry_no_context_sentence() -> None:
    for ind in CATALOG.industries.values():
        assert ind.context == "", ind.id
        assert not any(ind.context_by_function.values()), ind.id
        assert not any(ind.context_by_domain.values()), ind.id


@pytest.mark.parametrize("industry", list(CATALOG.industries))
def test_about_the_role_does_not_explain_the_industry(industry: str) -> None:
    found = []
    for role in CATALOG.roles:
        for size in (5, 40, 400, 8000):
            text = about_role(posting(role, size=size, industry=industry))
            found += [(role, size, m.group(2)) for m in EXPLAINER.finditer(text)]
    assert not found, found
