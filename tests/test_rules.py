"""How tailoring rules work, on a tiny fixture catalog (tests/fixtures/catalog/) loaded
without the built-in one, so that rewording the shipped catalog never breaks these
tests (issue 9 item 7).  The shipped postings are pinned by the golden files and
the matrix tests instead."""

from __future__ import annotations

from pathlib import Path

import pytest

import jdgen
from jdgen import Catalog, Company, JobDescription, PostingOptions

FIXTURE = Path(__file__).parent / "fixtures" / "catalog"


@pytest.fixture(scope="module")
def tiny() -> Catalog:
    return jdgen.load_catalog(FIXTURE, builtin=False)


def posting(tiny: Catalog, role: str, **company: object) -> JobDescription:
    options = company.pop("options", None)
    company.setdefault("size", "small")
    company.setdefault("industry", "widgets")
    return jdgen.generate(role, Company(**company), catalog=tiny, options=options)  # type: ignore[arg-type]


def duties(jd: JobDescription) -> dict[str, tuple[str, str, str]]:
    """Responsibility bullet id → (group id, source kind, source ref)."""
    section = jd.section("responsibilities")
    assert section is not None
    return {
        b.id: (sub.id, b.source.kind, b.source.ref)
        for sub in section.subsections
        for b in sub.bullets
    }


def test_the_fixture_catalog_loads_alone(tiny: Catalog) -> None:
    assert sorted(tiny.roles) == ["ops-director", "ops-manager", "stock-manager"]
    assert sorted(tiny.sizes) == ["large", "small"]
    assert sorted(tiny.industries) == ["software", "widgets"]
    assert "vp-of-operations" not in tiny.roles
    shipped = jdgen.load_catalog()
    assert "vp-of-operations" in shipped.roles and "ops-manager" not in shipped.roles


def test_a_size_rule_adds_its_line(tiny: Catalog) -> None:
    small = posting(tiny, "ops-manager", size="small", industry="software")
    large = posting(tiny, "ops-manager", size="large", industry="software")
    assert duties(small)["size-small-hands-on"] == ("running", "size", "small")
    assert "size-small-hands-on" not in duties(large)
    # the large size's addition goes into the first of its groups the role has
    assert duties(large)["size-large-governance"] == ("running", "size", "large")
    required = small.section("qualifications").subsection("required")  # type: ignore[union-attr]
    assert required is not None
    line = next(b for b in required.bullets if b.source.kind == "size")
    assert (line.id, line.text) == (
        "small-required-1",
        "Comfort working without a large support team.",
    )
    large_required = large.section("qualifications").subsection("required")  # type: ignore[union-attr]
    assert large_required is not None and all(
        b.source.kind != "size" for b in large_required.bullets
    )


def test_years_of_experience_follow_the_size(tiny: Catalog) -> None:
    assert posting(tiny, "ops-director", size="small").metadata.experience_years == 6
    assert posting(tiny, "ops-director", size="large").metadata.experience_years == 9


def test_an_industry_rule_reaches_only_the_roles_of_its_domain(tiny: Catalog) -> None:
    stock = posting(tiny, "stock-manager", industry="widgets")  # supply-chain domain
    ops = posting(tiny, "ops-manager", industry="widgets")  # operations domain
    assert duties(stock)["widgets-stock-count"] == ("running", "industry", "widgets")
    assert "widgets-stock-count" not in duties(ops)
    # an industry without the rule adds nothing
    assert "widgets-stock-count" not in duties(posting(tiny, "stock-manager", industry="software"))


def test_physical_goods_duties_only_where_there_are_goods(tiny: Catalog) -> None:
    assert duties(posting(tiny, "ops-manager", industry="widgets"))["buy-goods"][1] == "library"
    assert "buy-goods" not in duties(posting(tiny, "ops-manager", industry="software"))


def test_industry_vocabulary_fills_the_placeholders(tiny: Catalog) -> None:
    jd = posting(tiny, "ops-manager", industry="software", size="large")
    section = jd.section("responsibilities")
    assert section is not None
    texts = [b.text for b in section.all_bullets()]
    assert "Set the yearly plan for offices." in texts


def test_a_removal_removes(tiny: Catalog) -> None:
    kept = posting(tiny, "ops-manager", size="small")
    gone = posting(
        tiny,
        "ops-manager",
        size="small",
        options=PostingOptions(remove=["run-meetings", "planning"]),
    )
    assert "run-meetings" in duties(kept) and "run-meetings" not in duties(gone)
    # "planning" is both a group and a skill id: both go
    assert "planning" not in {sub for sub, _, _ in duties(gone).values()}
    skills = gone.section("skills")
    assert skills is not None and "planning" not in [b.id for b in skills.all_bullets()]
    with pytest.raises(jdgen.JdgenError, match="'nope' is not a responsibility"):
        posting(tiny, "ops-manager", options=PostingOptions(remove=["nope"]))


def test_a_user_addition_gets_a_user_source(tiny: Catalog) -> None:
    jd = posting(
        tiny,
        "ops-director",
        options=PostingOptions(
            add_responsibilities=["Open a second plant"], add_skills=["Welding"]
        ),
    )
    assert duties(jd)["user-1"] == ("additional", "user", "add_responsibilities")
    skills = jd.section("skills")
    assert skills is not None
    added = next(b for b in skills.all_bullets() if b.id == "user-2")
    assert (added.text, added.source.kind, added.source.ref) == ("Welding.", "user", "add_skills")


def test_the_fixture_wording_is_used(tiny: Catalog) -> None:
    jd = posting(tiny, "ops-manager", size="small")
    assert [s.heading for s in jd.sections][:3] == ["The role", "Team", "Duties"]
    reporting = jd.section("reporting")
    assert reporting is not None
    assert reporting.paragraphs == ["Boss is the Owner. Leads a team of four. Works with finance."]
    assert jd.metadata.reports_to.title == "Owner" and jd.metadata.reports_to.id is None
    large = posting(tiny, "ops-manager", size="large")
    assert large.metadata.reports_to.id == "ops-director"
