"""No line that fits any job (issue 10 item 4, review r4a patterns 1, 4 and 13), on the
shipped catalog: for each company of the review set, every catalog role's posting is
written, and no duty or skill appears word for word in more than six roles' postings
(shared library and industry lines included); experience follows the company's size."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

import jdgen
from jdgen.company import load_company
from jdgen.models import Company, Location
from jdgen.tailor import tailor

COMPANIES = sorted((Path(__file__).parent / "review" / "companies").glob("*.yaml"))
MAX_ROLES = 6


@cache
def catalog() -> jdgen.Catalog:
    return jdgen.load_catalog()


def company(path: Path) -> Company:
    return load_company(path, catalog())


def lines_by_role(path: Path, sections: tuple[str, ...]) -> dict[str, set[str]]:
    """For one company: each line of ``sections`` and the roles whose posting has it."""
    found: dict[str, set[str]] = defaultdict(set)
    co = company(path)
    for role_id, role in catalog().roles.items():
        for section in tailor(role, co, catalog()).sections:
            if section.id in sections:
                for bullet in section.all_bullets():
                    found[bullet.text].add(role_id)
    return found


@pytest.mark.parametrize("path", COMPANIES, ids=[p.stem for p in COMPANIES])
def test_no_duty_or_skill_in_more_than_six_roles_of_one_company(path: Path) -> None:
    found = lines_by_role(path, ("responsibilities", "skills"))
    assert found  # the postings were written
    shared = {text: sorted(roles) for text, roles in found.items() if len(roles) > MAX_ROLES}
    assert not shared, shared


STOCK_SKILLS = re.compile(
    r"^(Financial acumen|Working with data|Project management|Systems thinking|"
    r"Executive presence|Influence without authority|Stakeholder influence|"
    r"Composure under pressure|Strategic planning: building annual)"
)


def test_no_stock_skill_in_any_review_company() -> None:
    """The skills the r4a review cut as fitting any job are gone from every posting."""
    stock = [
        (p.stem, text)
        for p in COMPANIES
        for text in lines_by_role(p, ("skills",))
        if STOCK_SKILLS.match(text)
    ]
    assert not stock


def experience_line(role_id: str, people: int) -> str:
    co = company(COMPANIES[0]).model_copy(update={"size": people})
    jd = tailor(catalog().roles[role_id], co, catalog())
    section = jd.section("qualifications")
    assert section is not None
    return next(b.text for b in section.all_bullets() if b.id == "experience")


@pytest.mark.parametrize(
    ("role_id", "people", "expected"),
    [
        ("chief-operating-officer", 5, "5+ years of experience in operations"),
        ("chief-supply-chain-officer", 15, "6+ years of supply chain experience"),
        ("vp-of-logistics", 5, "5+ years of"),
        ("director-of-operations", 5, "5+ years of"),
        ("chief-operating-officer", 50_000, "15+ years of"),
        ("vp-of-operations", 50_000, "12+ years of"),
    ],
)
def test_years_follow_the_headcount(role_id: str, people: int, expected: str) -> None:
    assert experience_line(role_id, people).startswith(expected)


@pytest.mark.parametrize(
    "role_id", sorted(["chief-operating-officer", "chief-supply-chain-officer"])
)
def test_a_small_company_asks_for_no_senior_management_record(role_id: str) -> None:
    assert "senior management" not in experience_line(role_id, 5)


# --- the union duty in a supervisor's own words (fixture catalog) ---------------------

FIXTURE = Path(__file__).parent / "fixtures" / "catalog"

SHIFT_LEAD = """\
id: shift-lead
title: Shift Lead
level: manager
domain: operations
summary: As {{ a_title }} you run a shift at {{ company }}.
reports_to: {default: ops-manager}
direct_reports: {default: the people on your shift}
works_with: [finance]
responsibilities:
  - id: running
    heading: Running the shift
    items: [run-meetings, labor-relations-shift, buy-goods, set-plan]
skills: [planning, listening]
qualifications:
  experience: experience in operations, including managing other managers
  experience_variants:
    - {text: experience running a small team hands-on, when: {max_headcount: 19}}
  education: Bachelor's degree or equivalent experience.
  education_level: bachelor degree
  experience_in_place_of_education: true
kpis: [Plans met on time.]
sources: [{title: Made up for tests}]
"""


@pytest.mark.parametrize(
    ("country", "line"),
    [
        ("US", "Apply the union contract on your shift."),  # its own shift wording
        ("DE", "Agree the shift plans with the works council (Betriebsrat)."),  # none: line's
    ],
)
def test_a_shift_role_says_the_union_duty_in_its_own_words(
    tmp_path: Path, country: str, line: str
) -> None:
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles" / "shift-lead.yaml").write_text(SHIFT_LEAD, encoding="utf-8")
    tiny = jdgen.load_catalog(FIXTURE, tmp_path, builtin=False)
    where = [Location(city="Town", country=country)]
    made = {"size": "small", "industry": "widgets", "locations": where}
    shift = jdgen.generate("shift-lead", Company(unionised=True, **made), catalog=tiny)
    manager = jdgen.generate("ops-manager", Company(unionised=True, **made), catalog=tiny)
    section = shift.section("responsibilities")
    assert section is not None
    duties = [b.text for b in section.all_bullets()]
    assert line in duties
    assert [d for d in duties if "union" in d or "works council" in d] == [line]
    plain = jdgen.generate("shift-lead", Company(**made), catalog=tiny)
    plain_duties = plain.section("responsibilities")
    assert plain_duties is not None and line not in [b.text for b in plain_duties.all_bullets()]
    if country == "US":  # the manager keeps the line wording
        mgr = manager.section("responsibilities")
        assert mgr is not None
        assert "Keep to the union contract and meet the stewards." in [
            b.text for b in mgr.all_bullets()
        ]


@pytest.mark.parametrize(
    ("people", "line"),
    [
        (8, "experience running a small team hands-on"),
        (300, "experience in operations, including managing other managers"),
    ],
)
def test_experience_variants_follow_the_company(tmp_path: Path, people: int, line: str) -> None:
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles" / "shift-lead.yaml").write_text(SHIFT_LEAD, encoding="utf-8")
    tiny = jdgen.load_catalog(FIXTURE, tmp_path, builtin=False)
    jd = jdgen.generate("shift-lead", Company(size=people, industry="widgets"), catalog=tiny)
    section = jd.section("qualifications")
    assert section is not None
    first = next(b.text for b in section.all_bullets() if b.id == "experience")
    assert first.endswith(f" years of {line}.")


#: Lines a company's postings share by design: its own languages, and the years,
#: degree and laws each role words for itself.
OWN = {"experience", "education", "education-preferred", "languages", "preferred-languages"}
OWN |= {"regulations", "regulations-required"}


def test_no_line_in_three_sibling_postings_of_the_review_set() -> None:
    """The postings a reviewer reads side by side (one company's in the review set) share
    no duty, skill or qualification word for word in three or more (review r6 found
    lines copied between roles at one company in 12 postings): a sector's or size's
    experience line is worded for the role's family."""
    import importlib.util
    import sys

    review = sys.modules.get("review_write")
    if review is None:  # as tests/test_review_set.py loads it
        spec = importlib.util.spec_from_file_location(
            "review_write", Path(__file__).parent / "review" / "write.py"
        )
        assert spec is not None and spec.loader is not None
        review = sys.modules["review_write"] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(review)
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for line in review.lines():
        path = Path(line.option("--company"))
        jd = tailor(catalog().find_role(line.args[0]), company(path), catalog())
        for section in jd.sections:
            if section.id in ("responsibilities", "qualifications", "skills"):
                for b in section.all_bullets():
                    if b.id not in OWN:
                        found[(path.stem, b.text)].add(line.label)
    shared = {k: sorted(v) for k, v in found.items() if len(v) >= 3}
    assert not shared, shared
