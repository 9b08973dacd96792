"""Postings that fit: real length and no repeated lines, over the shipped catalog's
whole matrix (every role × size × industry, plus headcounts at the band edges)."""

from __future__ import annotations

import itertools

import pytest
from postingcheck import word_count

from jdgen.catalog import builtin_catalog
from jdgen.models import Company, JobDescription
from jdgen.tailor import section_words, tailor

CATALOG = builtin_catalog()
ROLES = sorted(CATALOG.roles)
SIZES: list[str | int] = [*CATALOG.sizes, 5, 99, 100, 50000]
INDUSTRIES = list(CATALOG.industries)

#: (words, duties) allowed by length; managers carry fewer duties than executives.
BANDS = {"standard": ((450, 750), (8, 12)), "short": ((250, 450), (5, 6))}
#: Supervisors' and coordinators' postings are shorter: 6 to 8 duties, and 300 to 550
#: words in the parts jdgen writes (about the role to career; the whole posting, with
#: the company's about, pay and the physical demands of floor work, stays under 700).
FRONTLINE = {"supervisor", "coordinator"}
FRONTLINE_BANDS = {"standard": ((300, 550), (6, 8)), "short": ((200, 420), (4, 6))}
FRONTLINE_MOST_WORDS = 700
#: Two lines at least this similar (rapidfuzz token_set_ratio) say the same thing.
NEAR_DUPLICATE = 80


def duties(jd: JobDescription) -> list[str]:
    resp = jd.section("responsibilities")
    assert resp is not None
    return [b.text for s in resp.subsections for b in s.bullets]


def skills(jd: JobDescription) -> list[str]:
    sec = jd.section("skills")
    return [b.text for s in sec.subsections for b in s.bullets] if sec else []


def postings(role_id: str, length: str = "standard"):
    role = CATALOG.roles[role_id]
    for size in SIZES:
        for industry in INDUSTRIES:
            yield (
                size,
                industry,
                tailor(role, Company(size=size, industry=industry, length=length), CATALOG),
            )


@pytest.mark.parametrize("length", list(BANDS))
@pytest.mark.parametrize("role_id", ROLES)
def test_every_posting_has_a_real_length(role_id: str, length: str) -> None:
    frontline = CATALOG.roles[role_id].level in FRONTLINE
    (low, high), (fewest, most) = (FRONTLINE_BANDS if frontline else BANDS)[length]
    problems = []
    for size, industry, jd in postings(role_id, length):
        words, n = (section_words(jd) if frontline else word_count(jd)), len(duties(jd))
        if frontline and word_count(jd) > FRONTLINE_MOST_WORDS:
            problems.append(f"{size}/{industry}: {word_count(jd)} words in all")
        quals = jd.section("qualifications")
        assert quals is not None
        required = len(quals.subsections[0].bullets)
        if not low <= words <= high:
            problems.append(f"{size}/{industry}: {words} words")
        if not fewest <= n <= most:
            problems.append(f"{size}/{industry}: {n} duties")
        if required > 6:
            problems.append(f"{size}/{industry}: {required} required qualifications")
    assert not problems, "\n".join(problems)


def test_managers_carry_fewer_duties_than_executives() -> None:
    company = Company(size="enterprise", industry="manufacturing")
    n = {r: len(duties(tailor(CATALOG.roles[r], company, CATALOG))) for r in ROLES}
    by_level: dict[str, list[int]] = {}
    for r, count in n.items():
        by_level.setdefault(CATALOG.roles[r].level, []).append(count)
    assert max(by_level["manager"]) < max(by_level["executive"])
    assert sum(by_level["manager"]) / len(by_level["manager"]) < sum(by_level["executive"]) / len(
        by_level["executive"]
    )


def test_long_keeps_more_than_standard_and_short_less() -> None:
    role = CATALOG.roles["director-of-operations"]
    words = {
        length: word_count(tailor(role, Company(industry="retail", length=length), CATALOG))
        for length in ("short", "standard", "long")
    }
    assert words["short"] < words["standard"] < words["long"]


@pytest.mark.parametrize("role_id", ROLES)
def test_no_two_lines_of_a_posting_say_the_same(role_id: str) -> None:
    from rapidfuzz import fuzz

    problems = []
    for size, industry, jd in postings(role_id):
        lines = duties(jd) + skills(jd)
        names = [s.split(":")[0].lower() for s in skills(jd)]
        if len(set(names)) != len(names):
            problems.append(f"{size}/{industry}: a skill is listed twice: {names}")
        for a, b in itertools.combinations(lines, 2):
            if fuzz.token_set_ratio(a, b) >= NEAR_DUPLICATE:
                problems.append(f"{size}/{industry}: {a!r} ~ {b!r}")
        kpis = jd.section("kpis")
        for a, b in itertools.combinations([k.text for k in kpis.bullets] if kpis else [], 2):
            if fuzz.token_set_ratio(a, b) >= NEAR_DUPLICATE:
                problems.append(f"{size}/{industry}: KPIs {a!r} ~ {b!r}")
    assert not problems, "\n".join(problems[:20])


def sample(n: int) -> list[tuple[str, str | int, str]]:
    """Every nth role × size × industry of the matrix (each role, size and industry is
    met), so that the whole-posting checks stay fast."""
    combos = list(itertools.product(ROLES, SIZES, INDUSTRIES))
    return combos[::n]


def test_no_heading_stands_over_a_single_duty() -> None:
    problems = []
    for role_id, size, industry in sample(7):
        jd = tailor(CATALOG.roles[role_id], Company(size=size, industry=industry), CATALOG)
        resp = jd.section("responsibilities")
        assert resp is not None
        lone = [s.heading for s in resp.subsections if len(s.bullets) == 1]
        if lone and len(resp.subsections) > 1:
            problems.append(f"{role_id}/{size}/{industry}: {lone}")
    # a role with too few duties of its own may still need one; not more than a few
    assert len(problems) <= len(sample(7)) // 20, "\n".join(problems)


def test_no_us_law_in_a_posting_for_another_country() -> None:
    pattern = CATALOG.countries.us_only()
    assert pattern is not None
    problems = []
    for role_id, size, industry in sample(5):
        company = Company(
            size=size, industry=industry, locations=[{"city": "Berlin", "country": "DE"}]
        )
        jd = tailor(CATALOG.roles[role_id], company, CATALOG)
        for s in jd.sections:
            if s.id == "equal-opportunity":
                continue
            for line in [*s.paragraphs, *(b.text for b in s.all_bullets())]:
                if m := pattern.search(line):
                    problems.append(f"{role_id}/{size}/{industry}: {m.group(0)}: {line[:60]}")
    assert not problems, "\n".join(problems[:20])


def test_the_kpis_need_no_sentence_to_announce_them() -> None:
    for role_id, size, industry in sample(40):
        jd = tailor(CATALOG.roles[role_id], Company(size=size, industry=industry), CATALOG)
        kpis = jd.section("kpis")
        assert kpis is not None and kpis.bullets and not kpis.paragraphs
