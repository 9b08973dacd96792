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


def qualifications(jd: JobDescription, kind: str) -> list[tuple[str, str]]:
    section = jd.section("qualifications")
    assert section is not None
    sub = section.subsection(kind)
    return [(b.id, b.text) for b in sub.bullets] if sub else []


DEGREE = re.compile(r"\b(MBA|master's|advanced degree|JD)\b", re.IGNORECASE)


@pytest.mark.parametrize("industry", list(CATALOG.industries))
def test_at_most_one_certification_and_none_required(industry: str) -> None:
    found = []
    for role in CATALOG.roles:
        for size in (5, 40, 8000):
            jd = posting(role, size=size, industry=industry, length="long")
            certs = [t for i, t in qualifications(jd, "preferred") if i.startswith("certification")]
            required = [t for i, t in qualifications(jd, "required") if "certification" in i]
            if len(certs) > 1 or required:
                found.append((role, size, certs, required))
            # at a tiny company only a floor-safety course is worth asking for
            if size == 5 and certs and role != "fulfillment-manager":
                found.append((role, size, certs))
    assert not found, found


@pytest.mark.parametrize("industry", list(CATALOG.industries))
def test_an_advanced_degree_only_for_executives_and_vps_from_250_people(industry: str) -> None:
    asked = set()
    for role in CATALOG.roles:
        for size in (249, 250):
            jd = posting(role, size=size, industry=industry, length="long")
            if any(DEGREE.search(t) for _, t in qualifications(jd, "preferred")):
                asked.add((CATALOG.roles[role].level, size))
            assert not any(DEGREE.search(t) for _, t in qualifications(jd, "required")), role
    assert asked == {("executive", 250), ("vp", 250)}


@pytest.mark.parametrize(
    "role",
    [
        "process-improvement-manager",
        "director-of-continuous-improvement",
        "vp-of-process-improvement",
    ],
)
def test_process_improvement_keeps_its_belt_as_a_plus(role: str) -> None:
    jd = posting(role, size=1500, industry="manufacturing")
    assert any("Belt" in t for _, t in qualifications(jd, "preferred")), role
    assert not any("Belt" in t for _, t in qualifications(jd, "required")), role


#: Departments a company of under 50 people does not have.
DEPARTMENTS = re.compile(
    r"\b(human resources|IT|legal|procurement|department heads|the executive team|"
    r"the board of directors|the CFO|finance)\b"
)


def works_with(jd: JobDescription) -> str:
    section = jd.section("reporting")
    assert section is not None
    found = re.search(r"You will work most closely with [^.]*\.", " ".join(section.paragraphs))
    return found.group(0) if found else ""


@pytest.mark.parametrize("industry", list(CATALOG.industries))
def test_a_small_company_works_with_the_people_it_has(industry: str) -> None:
    found = []
    for role in CATALOG.roles:
        for size in (5, 15, 40):
            said = works_with(posting(role, size=size, industry=industry))
            found += [(role, size, said)] if DEPARTMENTS.search(said) or not said else []
    assert not found, found
    big = works_with(posting("business-operations-manager", size=400, industry=industry))
    assert "finance" in big and "human resources" in big and "IT" in big
