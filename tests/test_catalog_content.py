"""The whole operations catalog (issue 3): complete roles, levels that show, shared text defined once."""

from __future__ import annotations

import itertools
import re

import pytest
from click.testing import CliRunner
from rapidfuzz import fuzz

from jdgen import scale
from jdgen.catalog import Catalog, builtin_catalog
from jdgen.cli import cli
from jdgen.models import Company, Responsibility, pick
from jdgen.seats import refs
from jdgen.tailor import tailor

CATALOG = builtin_catalog()

ARTICLE_TITLES = """Chief Operating Officer, Chief Administrative Officer, Chief Supply Chain Officer,
Chief Logistics Officer, VP of Operations, VP of Supply Chain, VP of Logistics, VP of Business Operations,
VP of Customer Experience, VP of Process Improvement, Director of Operations, Operations Director,
Director of Supply Chain, Director of Logistics, Director of Business Process Optimization,
Director of Customer Success & Operations, Director of Continuous Improvement, Operations Manager,
Supply Chain Manager, Logistics Manager, Business Operations Manager, Customer Success Operations Manager,
Process Improvement Manager, Fulfillment Manager, Head of Business Operations, Strategic Operations Lead,
Global Operations Manager, Revenue Operations Manager, Sales Operations Manager, Product Operations Manager,
Customer Operations Manager, Ecommerce Operations Manager"""
# The levels below manager (O*NET's first-line supervisors and coordinators).
FRONTLINE_TITLES = """Operations Supervisor, Warehouse Supervisor, Customer Operations Supervisor,
Operations Coordinator, Logistics Coordinator, Supply Chain Coordinator"""


def years(role_id: str, size: str) -> int:
    role = CATALOG.roles[role_id]
    people = CATALOG.sizes[size].typical_headcount
    value = scale.years(role, CATALOG.levels[role.level], CATALOG.sizes, people)
    assert value is not None
    return value


def rank(role_id: str) -> int:
    return CATALOG.levels[CATALOG.roles[role_id].level].rank


def test_every_article_title_is_a_role() -> None:
    titles = [t.strip() for t in ARTICLE_TITLES.replace("\n", " ").split(",")]
    assert len(titles) == 32
    for title in titles:
        assert CATALOG.find_role(title).title.lower().replace("&", "and") == title.lower().replace(
            "&", "and"
        )
    frontline = [t.strip() for t in FRONTLINE_TITLES.replace("\n", " ").split(",")]
    for title in frontline:
        assert CATALOG.find_role(title).title == title
    assert len(CATALOG.roles) == 32 + len(frontline)


@pytest.mark.parametrize(
    ("abbreviation", "role_id"),
    [
        ("COO", "chief-operating-officer"),
        ("CAO", "chief-administrative-officer"),
        ("CSCO", "chief-supply-chain-officer"),
        ("CLO", "chief-logistics-officer"),
        ("VPO", "vp-of-operations"),
        ("DO", "director-of-operations"),
        ("RevOps Manager", "revenue-operations-manager"),
        ("VP of CX", "vp-of-customer-experience"),
    ],
)
def test_common_abbreviations(abbreviation: str, role_id: str) -> None:
    assert CATALOG.find_role(abbreviation).id == role_id


@pytest.mark.parametrize("role_id", sorted(CATALOG.roles))
def test_role_is_complete(role_id: str) -> None:
    role = CATALOG.roles[role_id]
    assert role.summary and role.sources and role.aliases
    assert sum(len(g.items) for g in role.responsibilities) >= 6
    kinds = {(CATALOG.skills[s] if isinstance(s, str) else s).kind for s in role.skills}
    assert kinds == {"hard", "soft"}
    q = role.qualifications
    assert q.education and q.experience
    assert len(role.kpis) >= 3
    assert role.career.from_roles and role.career.to_roles
    for size in CATALOG.sizes:
        assert pick(role.reports_to, CATALOG.size_keys(size))
        # a coordinator works alone; every other level leads someone
        team = pick(role.direct_reports, CATALOG.size_keys(size))
        assert bool(team) == (role.level != "coordinator"), (size, team)


@pytest.mark.parametrize("size", list(CATALOG.sizes))
def test_nobody_asks_for_more_years_than_the_role_above(size: str) -> None:
    problems = []
    for role in CATALOG.roles.values():
        bosses = [
            *refs(pick(role.reports_to, CATALOG.size_keys(size)) or []),
            *role.career.to_roles,
        ]
        for boss in bosses:
            if (
                boss in CATALOG.roles
                and rank(boss) > rank(role.id)
                and years(boss, size) < years(role.id, size)
            ):
                problems.append(
                    f"{role.id} ({years(role.id, size)}) > {boss} ({years(boss, size)})"
                )
    assert not problems


def test_levels_grow_in_years_at_every_size() -> None:
    """Each rank asks for more years than the rank below; levels sharing a rank (supervisor
    and coordinator) may differ among themselves."""
    ranks = sorted({lv.rank for lv in CATALOG.levels.values()})
    for size in CATALOG.sizes:
        by_rank = [
            [
                pick(lv.years, CATALOG.size_keys(size))
                for lv in CATALOG.levels.values()
                if lv.rank == r
            ]
            for r in ranks
        ]
        for lower, higher in itertools.pairwise(by_rank):
            assert max(lower) <= min(higher), (size, lower, higher)


def test_executives_report_to_the_ceo_or_board() -> None:
    for role in CATALOG.roles.values():
        if role.level == "executive":
            for size in CATALOG.sizes:
                boss = CATALOG.role_title(refs(pick(role.reports_to, CATALOG.size_keys(size)))[0])
                assert re.search(r"Chief Executive Officer|CEO|board", boss), (role.id, boss)


def test_no_copy_pasted_duties_across_roles() -> None:
    """A duty used by two roles belongs in the library: inline duties must not repeat elsewhere."""
    inline: list[tuple[str, Responsibility]] = []
    for role in CATALOG.roles.values():
        for group in role.responsibilities:
            inline += [(role.id, i) for i in group.items if isinstance(i, Responsibility)]
    problems = []
    for (ra, a), (rb, b) in itertools.combinations(inline, 2):
        if ra != rb and fuzz.ratio(a.text, b.text) > 85:
            problems.append(f"{ra}:{a.id} ~ {rb}:{b.id}")
    assert not problems


def test_library_entries_are_shared() -> None:
    used: dict[str, int] = {}
    for role in CATALOG.roles.values():
        refs = [i for g in role.responsibilities for i in g.items if isinstance(i, str)]
        refs += [s for s in role.skills if isinstance(s, str)]
        for ref in set(refs):
            used[ref] = used.get(ref, 0) + 1
    assert max(used.values()) > 5
    unused = [i for i in [*CATALOG.responsibilities, *CATALOG.skills] if i not in used]
    # size and industry additions are library-like too, everything else must be referenced
    assert not unused, unused


OFFICE_DOMAINS = {"customer", "revenue", "product", "business-operations"}


@pytest.mark.parametrize("industry", list(CATALOG.industries))
def test_office_roles_never_get_warehouse_or_plant_duties(industry: str) -> None:
    for role in CATALOG.roles.values():
        if role.domain not in OFFICE_DOMAINS:
            continue
        for size in CATALOG.sizes:
            jd = tailor(role, Company(size=size, industry=industry), CATALOG)
            resp = jd.section("responsibilities")
            assert resp is not None
            text = " ".join(b for s in resp.subsections for b in s.bullet_texts).lower()
            kpis = " ".join(jd.section("kpis").bullet_texts).lower()  # type: ignore[union-attr]
            for word in ("warehouse", "inventory", "osha", "oee", "shop floor", "dock"):
                assert word not in text + kpis, (role.id, size, industry, word)


def test_revenue_operations_manager_at_a_software_company() -> None:
    jd = tailor(
        CATALOG.roles["revenue-operations-manager"], Company(industry="technology"), CATALOG
    )
    md = " ".join(b for s in jd.sections for b in [*s.paragraphs, *s.bullet_texts])
    assert "inventory" not in md.lower() and "warehouse" not in md.lower()


def test_generic_ops_roles_drop_supply_chain_without_goods(catalog: Catalog) -> None:
    for role_id in ("director-of-operations", "vp-of-operations", "operations-director"):
        # long: the rule chooses vendors over inventory; the standard budget may then trim
        # the vendor duty (the cut industry sentence named vendors, which hid that)
        soft = tailor(
            catalog.roles[role_id], Company(industry="technology", length="long"), catalog
        )
        hard = tailor(
            catalog.roles[role_id], Company(industry="manufacturing", length="long"), catalog
        )
        soft_text = str(soft.model_dump()).lower()
        assert "inventory" not in soft_text and "vendor" in soft_text
        assert (
            "inventory" in str(hard.model_dump()).lower()
            or "supplier" in str(hard.model_dump()).lower()
        )


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def ids_in(table: str) -> list[str]:
    return [line.split()[0] for line in table.splitlines()[1:] if line.strip()]


def test_roles_filter_by_level() -> None:
    ids = ids_in(run("roles", "--level", "director"))
    assert ids and all(CATALOG.roles[i].level == "director" for i in ids)
    assert len(ids) == sum(r.level == "director" for r in CATALOG.roles.values())
    assert ids_in(run("roles", "--level", "senior")) == ids_in(run("roles", "--level", "vp"))


def test_roles_search_title_alias_and_duties() -> None:
    ids = ids_in(run("roles", "--search", "supply"))
    assert {
        "chief-supply-chain-officer",
        "vp-of-supply-chain",
        "director-of-supply-chain",
        "supply-chain-manager",
    } <= set(ids)
    # found through a responsibility, not the title
    assert "director-of-operations" in ids
    both = ids_in(run("roles", "--level", "director", "--search", "supply"))
    assert set(both) == {i for i in ids if CATALOG.roles[i].level == "director"}
    assert "revops" not in "".join(ids)
    assert ids_in(run("roles", "--search", "RevOps")) == ["revenue-operations-manager"]


def test_roles_with_bad_filters() -> None:
    result = CliRunner().invoke(cli, ["roles", "--level", "intern"])
    assert result.exit_code == 1
    assert (
        "expected one of executive, vp, director, manager, supervisor, coordinator, got 'intern'"
        in result.stderr
    )
    result = CliRunner().invoke(cli, ["roles", "--search", "zzzz"])
    assert result.exit_code == 1
    assert "no roles match 'zzzz'" in result.stderr
