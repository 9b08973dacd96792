"""No line says what another already says (issue 10 item 4; review round 6 found a
skill or a Preferred line restating a duty or a Required line in 27 of 46 postings), on
the shipped catalog: for every catalog role at each review company, no topic is said
twice across the duties (their topic and the topics they also ``cover``), the
qualifications and the skills; and the restatements the reviewers quoted stay out."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import jdgen
from jdgen.company import load_company
from jdgen.models import Company, JobDescription, Responsibility, Role, Skill
from jdgen.tailor import _qualification_topics, resolve, tailor

COMPANIES = sorted((Path(__file__).parent / "review" / "companies").glob("*.yaml"))


@cache
def catalog() -> jdgen.Catalog:
    return jdgen.load_catalog()


def duty_topics(cat: jdgen.Catalog) -> dict[str, Responsibility]:
    """Every duty of the catalog by id: the library's, the roles' own and the additions'."""
    found = dict(cat.responsibilities)
    for role in cat.roles.values():
        for group in role.responsibilities:
            found.update({i.id: i for i in group.items if isinstance(i, Responsibility)})
    owners = [*cat.sizes.values(), *cat.industries.values(), *cat.sectors.values()]
    for owner in owners:
        for a in owner.additions:
            if isinstance(a.item, Responsibility):
                found[a.item.id] = a.item
    return found


def skills_of(cat: jdgen.Catalog, role: Role) -> dict[str, Skill]:
    found = {s.id: s for s in (cat.skill(x) for x in role.skills)}
    for owner in [*cat.industries.values(), *cat.sectors.values()]:
        found.update({s.id: s for s in owner.skills})
    return found


def topics_said(role: Role, company: Company) -> list[tuple[str, str, str]]:
    """(section, topic, line) for each topic a line of the posting says."""
    cat = catalog()
    jd = tailor(role, company, cat)
    duties, skills = duty_topics(cat), skills_of(cat, role)
    quals = _qualification_topics(resolve(role, company, cat, None))
    said: list[tuple[str, str, str]] = []
    for section in jd.sections:
        for b in section.all_bullets():
            if section.id == "responsibilities" and b.id in duties:
                d = duties[b.id]
                said += [("duty", t, b.text) for t in [d.topic] if t]
                said += [("covered", t, b.text) for t in d.covers]
            elif section.id == "skills" and b.id in skills and skills[b.id].topic:
                said.append(("skill", skills[b.id].topic or "", b.text))
            elif section.id == "qualifications" and (t := quals.get(b.id)):
                said.append(("qualification", t, b.text))
    return said


def repeats(said: list[tuple[str, str, str]]) -> list[str]:
    """Topics said twice: by two duties, or by a skill or qualification and any other
    line (a duty's covered topics may match another duty's topic: covering does not
    compete)."""
    problems = []
    for topic in dict.fromkeys(t for _, t, _ in said):
        lines = [(kind, text) for kind, t, text in said if t == topic]
        kinds = [k for k, _ in lines]
        asks = kinds.count("skill") + kinds.count("qualification")
        if kinds.count("duty") > 1 or (asks and len(lines) > 1):
            problems.append(f"{topic}: {lines}")
    return problems


@pytest.mark.parametrize("path", COMPANIES, ids=[p.stem for p in COMPANIES])
def test_no_topic_is_said_twice_in_any_role_at_a_review_company(path: Path) -> None:
    company = load_company(path, catalog())
    problems = []
    for role_id, role in sorted(catalog().roles.items()):
        said = topics_said(role, company)
        problems += [f"{role_id}: {p}" for p in repeats(said)]
    assert not problems, "\n".join(problems[:10])


def test_the_check_finds_a_topic_said_twice() -> None:
    said = [
        ("duty", "carriers", "Select carriers …"),
        ("covered", "negotiation", "Select carriers …"),
        ("skill", "negotiation", "Carrier negotiation: …"),
    ]
    assert repeats(said) and not repeats(said[:2])
    assert not repeats([("duty", "lean", "A"), ("covered", "lean", "B")])
    assert repeats([("duty", "lean", "A"), ("duty", "lean", "B")])


def texts(jd: JobDescription, section_id: str) -> list[str]:
    section = jd.section(section_id)
    return [b.text for b in section.all_bullets()] if section else []


def review_posting(stem: str, role_id: str) -> JobDescription:
    path = Path(__file__).parent / "review" / "companies" / f"{stem}.yaml"
    return tailor(catalog().roles[role_id], load_company(path, catalog()), catalog())


#: Restatements review round 6 quoted, as (company, role, a line's start, the start of
#: the line that said it again, the section the second is in).
QUOTED = [
    (
        "harbor-supply",
        "operations-director",
        "Set the operation's goals for the next three to five years",
        "Experience building a multi-year operating strategy",
        "qualifications",
    ),
    (
        "harbor-supply",
        "operations-director",
        "Set the operation's goals for the next three to five years",
        "Operating strategy:",
        "skills",
    ),
    (
        "sprocket",
        "revenue-operations-manager",
        "Agree one set of funnel stages, definitions and handoff rules",
        "Agreeing definitions:",
        "skills",
    ),
    (
        "kestrel-logistics",
        "director-of-continuous-improvement",
        "Put in place a Lean daily management system",
        "Experience building a Lean daily management system",
        "qualifications",
    ),
    (
        "harbor-supply",
        "director-of-logistics",
        "Select carriers and third-party logistics providers, negotiate rates",
        "Carrier negotiation: agreeing rates",
        "skills",
    ),
    (
        "relay-freight",
        "logistics-coordinator",
        "Cover refrigerated and food loads",
        "Refrigerated freight:",
        "skills",
    ),
    (
        "northfield-castings",
        "revenue-operations-manager",
        "Hands-on experience configuring",
        "CRM administration:",
        "skills",
    ),
]


@pytest.mark.parametrize(("stem", "role_id", "first", "again", "where"), QUOTED)
def test_a_restatement_the_review_quoted_stays_out(
    stem: str, role_id: str, first: str, again: str, where: str
) -> None:
    jd = review_posting(stem, role_id)
    said = [t for s in ("responsibilities", "qualifications") for t in texts(jd, s)]
    assert any(t.startswith(first) for t in said)
    assert not any(t.startswith(again) for t in texts(jd, where))
