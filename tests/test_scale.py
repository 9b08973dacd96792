"""Headcount rules of jdgen.scale, on hand-built bands and roles."""

from __future__ import annotations

import pytest

from jdgen.models import Company, CompanySize, Level, Role, TextItem
from jdgen.scale import (
    below_usual,
    countries,
    headcount,
    sites,
    size_keys,
    team_count,
    team_size,
    usual_titles,
    years,
)


def band(id: str, low: int, typical: int, fallback: str | None = None, **kw: int) -> CompanySize:
    return CompanySize(
        id=id,
        name=id.title(),
        headcount_min=low,
        typical_headcount=typical,
        fallback=fallback,
        scope=[TextItem(text="x")],
        **kw,
    )


SIZES = {
    "startup": band("startup", 1, 12, fallback="small"),
    "small": band("small", 20, 50),
    "mid-size": band("mid-size", 100, 300, sites=2),
    "enterprise": band("enterprise", 1000, 10000, sites=10, countries=3),
}
LEVEL = Level(
    id="manager",
    name="Manager",
    rank=1,
    years={"small": 3, "mid-size": 5, "enterprise": 7},
    focus="f",
    scope="s",
    decision_authority="d",
)


def role(**kw: object) -> Role:
    data: dict[str, object] = {
        "id": "r",
        "title": "Role",
        "level": "manager",
        "domain": "operations",
        "summary": "s",
        "reports_to": {"default": "CEO"},
        "direct_reports": {"default": "a team"},
        "responsibilities": [{"id": "g", "heading": "G", "items": ["x"]}],
        "skills": ["y"],
        "qualifications": {"experience": "e", "education": "e"},
        "kpis": ["k"],
        "sources": [{"title": "t"}],
    }
    data.update(kw)
    return Role.model_validate(data)


def test_headcount_is_the_number_given_else_the_bands_typical() -> None:
    assert headcount(Company(size=40), SIZES["small"]) == 40
    assert headcount(Company(size="250"), SIZES["mid-size"]) == 250
    assert headcount(Company(size="small"), SIZES["small"]) == 50


def test_sites_and_countries_follow_the_company_else_the_band() -> None:
    assert sites(Company(), SIZES["enterprise"], 10000) == 10
    assert sites(Company(sites=1), SIZES["enterprise"], 10000) == 1
    assert sites(Company(), SIZES["startup"], 3) == 1
    assert countries(Company(), SIZES["enterprise"], 10) == 3
    # never more countries than sites
    assert countries(Company(), SIZES["enterprise"], 1) == 1
    assert countries(Company(countries=2), SIZES["small"], 1) == 2


@pytest.mark.parametrize(
    ("people", "band", "expected"),
    [
        (5, (1, 19), 2),  # 40% of five people: two
        (12, (1, 19), 4),  # capped at 40% of twelve
        (20, (20, 99), 5),  # the band's smallest company: the low figure
        (40, (20, 99), 8),  # 9.3 where 40 sits in the band, said as eight
        (99, (20, 99), 15),  # the band's largest: the high figure
        (100, (100, 999), 5),  # the next band starts again at its own low figure
        (500, (1000, None), 5),  # below the band's smallest: the low figure
        (15000, (5000, None), 10),  # no largest headcount: ten times the smallest
        (50000, (5000, None), 15),
    ],
)
def test_a_team_is_one_figure_never_larger_than_a_share_of_the_company(
    people: int, band: tuple[int, int | None], expected: int
) -> None:
    assert team_count(5, 15, people, band) == expected


def test_a_team_of_people_is_never_one_person() -> None:
    assert team_count(2, 5, 3, (1, 19)) == 2
    assert team_count(1, 2, 3, (1, 19)) == 1


def test_a_team_figure_is_said_in_words_up_to_ten() -> None:
    assert team_size(8) == "eight"
    assert team_size(10) == "ten"
    assert team_size(12) == "12"
    assert team_size(1, "analyst", "analysts") == "an analyst"
    assert team_size(1, "CRM administrator", "CRM administrators") == "a CRM administrator"
    assert team_size(4, "analyst", "analysts") == "four analysts"


def test_years_do_not_jump_at_a_band_edge() -> None:
    r = role()
    at = {n: years(r, LEVEL, SIZES, n) for n in (5, 50, 99, 100, 300, 2000, 10000, 50000)}
    assert at[5] == at[50] == 3
    assert at[300] == 5 and at[10000] == at[50000] == 7
    assert at[99] == at[100]
    assert list(at.values()) == sorted(at.values())


def test_role_years_override_the_levels() -> None:
    assert (
        years(
            role(qualifications={"experience": "e", "education": "e", "years": {"default": 9}}),
            LEVEL,
            SIZES,
            40,
        )
        == 9
    )
    own_small = role(qualifications={"experience": "e", "education": "e", "years": {"small": 6}})
    assert years(own_small, LEVEL, SIZES, 50) == 6
    assert years(own_small, LEVEL, SIZES, 10000) == 7


def test_size_keys_follow_the_fallback_chain() -> None:
    assert size_keys(SIZES, "startup") == ("startup", "small")
    assert size_keys(SIZES, "small") == ("small",)


def test_below_usual_and_who_does_the_work_there() -> None:
    r = role(min_headcount=1000, usual_below=["scm", "Head of Supply Chain"])
    assert below_usual(r, 15) and not below_usual(r, 1000)
    assert usual_titles(r, {"scm": "Supply Chain Manager"}) == [
        "Supply Chain Manager",
        "Head of Supply Chain",
    ]
