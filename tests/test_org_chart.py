"""One org chart per company (issue 10 item 6), on the shipped catalog and every review
company (5 to 50,000 people, every business model): each role's posting is generated,
and its reporting line, the people it leads, the people it works with and its career
steps must agree with every other posting for that company, with `jdgen compare` and
with `jdgen ladder`:

* every boss is a seat the company has (not one its industry or business model has no
  use for, not a title unusual at its headcount), more senior than the role, and the
  bosses lead up to the chief executive without a loop;
* a role a posting says it leads (named by title: "the logistics, warehouse and
  transportation managers" names the Logistics Manager) reports to that posting's role,
  so two roles never each claim to lead the other;
* a career step is a seat the company has, not a role that reports to this one, and a
  step of the ladder; nobody works "most closely with" a seat the company lacks;
* the Operations Director and the Director of Operations are complementary (neither
  leads the other), the VP of Operations reports to the COO wherever the company has one,
  and the Director of Operations works closely with the VP of Operations below the size
  where it reports to the VP (reference articles 000-003)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

import jdgen
from jdgen import Catalog, Company
from jdgen.ladder import next_roles
from jdgen.tailor import business_model

COMPANIES = Path(__file__).parent / "review" / "companies"
NAMES = sorted(p.stem for p in COMPANIES.glob("*.yaml"))
#: A freight broker, a 3PL, a foundry and a bank: four business models, 5 to 50,000 people.
BY_MODEL = ["relay-freight", "kestrel-logistics", "northfield-castings", "meridian-bank"]
CEO = "Chief Executive Officer"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return jdgen.load_catalog()


def company(name: str, catalog: Catalog) -> Company:
    return jdgen.load_company(COMPANIES / f"{name}.yaml", catalog)


@dataclass(frozen=True)
class Seat:
    """What one role's posting says about its place in the company."""

    boss_id: str | None
    boss: str
    team: str
    works_with: str
    career: str


@cache
def chart(name: str) -> dict[str, Seat]:
    """Every catalog role's posting for the company, read for its relations."""
    catalog = jdgen.load_catalog()
    c = company(name, catalog)
    out = {}
    for role in catalog.roles:
        jd = jdgen.generate(role, c, catalog=catalog)
        reporting = jd.section("reporting")
        career = jd.section("career")
        text = reporting.paragraphs[0] if reporting else ""
        out[role] = Seat(
            boss_id=jd.metadata.reports_to.id,
            boss=jd.metadata.reports_to.title,
            team=jd.metadata.team or "",
            works_with=text.partition("most closely with")[2],
            career=career.paragraphs[0] if career else "",
        )
    return out


def lacking(name: str, catalog: Catalog) -> set[str]:
    """The roles this kind of company has no seat for, by its industry and business model."""
    c = company(name, catalog)
    industry = catalog.find_industry(c.industry)
    model = catalog.business_models[business_model(c, industry, catalog)]
    return set(industry.seat_holders) | set(model.seat_holders)


def seats(name: str, catalog: Catalog) -> set[str]:
    """The catalog roles the company has: usual at its headcount and not lacking."""
    people = int(company(name, catalog).size)
    gone = lacking(name, catalog)
    return {r for r, role in catalog.roles.items() if role.min_headcount <= people} - gone


def rank(catalog: Catalog, role_id: str) -> int:
    return catalog.levels[catalog.roles[role_id].level].rank


#: The rank a title outside the catalog has, by its first words.
OUTSIDE_RANKS = [
    (r"^(chief executive officer|president|general manager)$", "top"),
    (r"^(chief|president)\b", "executive"),
    (r"^(vp|vice president)\b", "vp"),
    (r"^(director|head)\b", "director"),
]


def title_rank(catalog: Catalog, title: str) -> int | None:
    for pattern, level in OUTSIDE_RANKS:
        if re.search(pattern, title.lower()):
            return 1000 if level == "top" else catalog.levels[level].rank
    return None


def plural(title: str) -> str:
    head, of, rest = title.lower().partition(" of ")
    return f"{head}s{of}{rest}"


LIST = r"((?:[a-z-]+, )*[a-z-]+,? and [a-z-]+)"
NOUNS = r"(managers|directors|supervisors|coordinators)"


def spelled_out(text: str) -> str:
    """``text`` with each list of kinds of one title spelt out: "the logistics and
    warehouse managers" and "the managers of logistics and warehousing" also read as
    "logistics managers", "warehouse managers" …"""
    low = text.lower()
    parts = [low]
    for m in re.finditer(f"{LIST} {NOUNS}", low):
        parts += [f"{w} {m.group(2)}" for w in re.split(r",? and |, ", m.group(1))]
    for m in re.finditer(f"{NOUNS} (?:of|who run) {LIST}", low):
        parts += [f"{w} {m.group(1)}" for w in re.split(r",? and |, ", m.group(2))]
    return " | ".join(parts)


def named(text: str, catalog: Catalog) -> set[str]:
    """The catalog roles ``text`` names by title, the longest title first ("business
    operations managers" names the Business Operations Manager, not the Operations
    Manager)."""
    text = spelled_out(text)
    names = sorted(
        ((n, r.id) for r in catalog.roles.values() for n in (r.title.lower(), plural(r.title))),
        key=lambda x: -len(x[0]),
    )
    found = set()
    for name, role_id in names:
        pattern = r"\b" + re.escape(name) + r"\b"
        if re.search(pattern, text):
            found.add(role_id)
            text = re.sub(pattern, "#", text)
    return found


def test_the_review_companies_lack_the_seats_their_business_model_has_no_use_for(
    catalog: Catalog,
) -> None:
    assert "chief-supply-chain-officer" in lacking("kestrel-logistics", catalog)
    assert "vp-of-supply-chain" in lacking("meridian-bank", catalog)
    assert "vp-of-process-improvement" not in seats("sprocket", catalog)  # usual from 1,000


def test_the_reader_finds_the_titles_a_team_line_names(catalog: Catalog) -> None:
    team = "the logistics, warehouse and transportation managers and, through them, their teams"
    assert named(team, catalog) == {"logistics-manager"}
    assert named("the managers of purchasing, planning and logistics", catalog) == {
        "logistics-manager"
    }
    assert named("the business operations managers", catalog) == {"business-operations-manager"}
    assert named("the Director of Operations and finance", catalog) == {"director-of-operations"}


@pytest.mark.parametrize("name", NAMES)
def test_every_boss_is_a_seat_the_company_has_and_above_the_role(
    name: str, catalog: Catalog
) -> None:
    has, gone = seats(name, catalog), lacking(name, catalog)
    for role, seat in chart(name).items():
        if seat.boss_id is not None:
            assert seat.boss_id in has, (name, role, seat.boss)
            assert rank(catalog, seat.boss_id) > rank(catalog, role), (name, role, seat.boss)
        else:
            assert seat.boss not in {catalog.roles[r].title for r in gone}, (name, role)
            boss_rank = title_rank(catalog, seat.boss)
            assert boss_rank is None or boss_rank > rank(catalog, role), (name, role, seat.boss)


@pytest.mark.parametrize("name", NAMES)
def test_the_bosses_lead_up_to_the_chief_executive(name: str, catalog: Catalog) -> None:
    bosses = chart(name)
    for role in bosses:
        seen = [role]
        while (up := bosses[seen[-1]].boss_id) is not None:
            assert up not in seen, (name, seen)
            seen.append(up)
        assert bosses[seen[-1]].boss_id is None, (name, seen)


@pytest.mark.parametrize("name", NAMES)
def test_the_roles_a_posting_leads_report_to_it(name: str, catalog: Catalog) -> None:
    """A seat the company has that a posting names in "You will lead …" reports to that
    posting's role; a seat the company's kind has no use for stands outside its chart."""
    bosses, has = chart(name), seats(name, catalog)
    gone = lacking(name, catalog)
    for role, seat in bosses.items():
        if role in gone:
            continue
        for led in named(seat.team, catalog) & has - {role}:
            assert bosses[led].boss_id == role, (name, role, seat.team, bosses[led].boss)


@pytest.mark.parametrize("name", NAMES)
def test_no_two_roles_claim_to_lead_each_other(name: str, catalog: Catalog) -> None:
    bosses = chart(name)
    claims = {role: named(seat.team, catalog) for role, seat in bosses.items()}
    for a, b in itertools.combinations(bosses, 2):
        assert not (b in claims[a] and a in claims[b]), (name, a, b)
        assert not (b in claims[a] and bosses[a].boss_id == b), (name, a, b)


@pytest.mark.parametrize("name", NAMES)
def test_career_steps_are_seats_above_the_role_and_steps_of_the_ladder(
    name: str, catalog: Catalog
) -> None:
    bosses, has = chart(name), seats(name, catalog)
    for role, seat in bosses.items():
        ladder = {n.role_id for n in next_roles(catalog, catalog.roles[role])}
        for step in named(seat.career, catalog) - {role}:
            assert step in has, (name, role, step)
            assert step in ladder, (name, role, step)
            assert bosses[step].boss_id != role, (name, role, step)
            assert rank(catalog, step) >= rank(catalog, role), (name, role, step)


@pytest.mark.parametrize("name", NAMES)
def test_nobody_works_most_closely_with_a_seat_the_company_lacks(
    name: str, catalog: Catalog
) -> None:
    has = seats(name, catalog)
    for role, seat in chart(name).items():
        assert named(seat.works_with, catalog) <= has | {role}, (name, role, seat.works_with)


@pytest.mark.parametrize("name", NAMES)
def test_the_operations_director_and_the_director_of_operations_are_complementary(
    name: str, catalog: Catalog
) -> None:
    bosses = chart(name)
    od, do = bosses["operations-director"], bosses["director-of-operations"]
    assert od.boss_id != "director-of-operations" and do.boss_id != "operations-director"
    assert "director-of-operations" not in named(od.team, catalog)
    assert "operations-director" not in named(do.team, catalog)


@pytest.mark.parametrize("name", NAMES)
def test_the_vp_of_operations_reports_to_the_coo_and_works_with_the_director(
    name: str, catalog: Catalog
) -> None:
    """The COO the "what" and "why", the VP of Operations the "how" (article 002); the
    Director of Operations works closely with the VP (article 000): under the VP in a
    company of 1,000 or more, beside the VP under the COO below that."""
    bosses, has = chart(name), seats(name, catalog)
    if "chief-operating-officer" in has:
        assert bosses["vp-of-operations"].boss_id == "chief-operating-officer", name
    do = bosses["director-of-operations"]
    if "vp-of-operations" in has and do.boss_id != "vp-of-operations":
        assert "vp-of-operations" in named(do.works_with, catalog), (name, do)


def test_at_five_people_everyone_reports_to_the_chief_executive(catalog: Catalog) -> None:
    c = company("relay-freight", catalog)
    assert c.size == 5
    assert {(s.boss_id, s.boss) for s in chart("relay-freight").values()} == {(None, CEO)}


def test_a_banks_fulfillment_manager_reports_to_operations(catalog: Catalog) -> None:
    assert chart("meridian-bank")["fulfillment-manager"].boss_id == "director-of-operations"
    # the 3PL's own logistics chief, not a CSCO
    assert chart("kestrel-logistics")["vp-of-supply-chain"].boss_id == "chief-logistics-officer"


def test_a_title_unusual_at_the_size_builds_its_team(catalog: Catalog) -> None:
    """A Director of Continuous Improvement at 120 people (usual from 250) does not lead
    the Process Improvement Manager, who reports to the Director of Operations there."""
    harbor = chart("harbor-supply")
    assert harbor["process-improvement-manager"].boss_id == "director-of-operations"
    assert not named(harbor["director-of-continuous-improvement"].team, catalog)


OPERATIONS_HEADS = {"chief-operating-officer", "vp-of-operations", "operations-director"}


def test_at_120_people_one_director_runs_operations_for_the_ceo(catalog: Catalog) -> None:
    """Harbor Supply (120 people): no COO, VP of Operations or Operations Director beside
    the Director of Operations, who reports to the CEO; every operations role below
    answers to that one chart (review round 6: three heads for one function)."""
    assert not OPERATIONS_HEADS & seats("harbor-supply", catalog)
    harbor = chart("harbor-supply")
    assert (harbor["director-of-operations"].boss_id, harbor["director-of-operations"].boss) == (
        None,
        CEO,
    )
    for role in ("operations-manager", "supply-chain-manager", "logistics-manager"):
        assert harbor[role].boss_id == "director-of-operations", role
    assert not named(harbor["director-of-operations"].works_with, catalog) & OPERATIONS_HEADS


def test_a_coo_is_usual_from_250_people(catalog: Catalog) -> None:
    """A 40-person foundry's Director of Operations reports to the CEO, not a COO; from
    250 people (the COO's min_headcount, chief-operating-officer.yaml sources) to the COO."""
    jd = jdgen.generate("director-of-operations", company("northfield-castings", catalog))
    reporting = jd.section("reporting")
    assert reporting is not None
    assert reporting.paragraphs[0].startswith(f"You will report to the {CEO}. ")
    harbor = company("harbor-supply", catalog)
    bosses = {
        people: jdgen.generate(
            "director-of-operations", harbor.model_copy(update={"size": people})
        ).metadata.reports_to.title
        for people in (249, 250)
    }
    assert bosses == {249: CEO, 250: "Chief Operating Officer"}


def test_a_3pl_warehouse_supervisor_reports_to_the_fulfillment_manager(catalog: Catalog) -> None:
    """At the 3PL the warehouse is the fulfillment center: the Fulfillment Manager leads
    its shift supervisors, the Warehouse Supervisor among them (review round 6 had it
    report to a Logistics Manager beside the Fulfillment Manager)."""
    kestrel = chart("kestrel-logistics")
    assert kestrel["warehouse-supervisor"].boss_id == "fulfillment-manager"
    assert kestrel["logistics-coordinator"].boss_id == "fulfillment-manager"
    assert "shift supervisors" in kestrel["fulfillment-manager"].team
    assert "logistics-manager" not in seats("kestrel-logistics", catalog)


@pytest.mark.parametrize("name", BY_MODEL)
def test_compare_names_the_same_bosses_as_the_postings(name: str, catalog: Catalog) -> None:
    c = company(name, catalog)
    bosses = chart(name)
    for a, b in itertools.pairwise(sorted(bosses)):
        cmp = jdgen.compare_roles(a, b, c, catalog=catalog)
        assert (cmp.a.reports_to, cmp.b.reports_to) == (bosses[a].boss, bosses[b].boss), (a, b)


@pytest.mark.parametrize("name", NAMES)
def test_compare_tells_the_three_operations_roles_apart_as_the_postings_do(
    name: str, catalog: Catalog
) -> None:
    c = company(name, catalog)
    bosses = chart(name)
    od_do = jdgen.compare_roles("operations-director", "director-of-operations", c, catalog=catalog)
    assert od_do.a.level == od_do.b.level == "director"
    assert "what sets them apart is focus, not seniority" in " ".join(od_do.summary)
    vp_do = jdgen.compare_roles("vp-of-operations", "director-of-operations", c, catalog=catalog)
    assert vp_do.b.reports_to == bosses["director-of-operations"].boss
    text = " ".join(vp_do.summary)
    where = c.name
    if bosses["director-of-operations"].boss_id == "vp-of-operations":
        assert f"At {where}, the Director of Operations reports to the VP of Operations" in text
    else:
        assert "the Director of Operations reports to the VP" not in text
