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
    assert sorted(tiny.roles) == ["ops-analyst", "ops-director", "ops-manager", "stock-manager"]
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


# ---------------------------------------------------------------------------
# Lines that fit (issue 10): each rule on the fixture catalog
# ---------------------------------------------------------------------------


def texts(jd: JobDescription, section_id: str) -> list[str]:
    section = jd.section(section_id)
    return [b.text for b in section.all_bullets()] if section else []


def location(country: str) -> dict[str, object]:
    return {"locations": [{"city": "Town", "country": country}]}


def test_the_kpi_list_has_an_intro_only_when_the_catalog_writes_one(tiny: Catalog) -> None:
    kpis = posting(tiny, "ops-manager").section("kpis")
    assert kpis is not None and kpis.paragraphs == ["Results we look at."]
    shipped = jdgen.generate("operations-manager", Company(size="small"))
    section = shipped.section("kpis")
    assert section is not None and section.bullets and section.paragraphs == []


def test_one_kpi_per_topic(tiny: Catalog) -> None:
    kpis = texts(posting(tiny, "ops-manager"), "kpis")
    assert "Cycle time from order to shipment." in kpis
    assert "Cycle time from order to delivery." not in kpis


def test_a_skill_on_a_topic_a_duty_covers_is_left_out(tiny: Catalog) -> None:
    # widgets-osha (topic safety) is a duty of the running function: Widget safety says it again
    us = posting(tiny, "ops-manager", **location("US"))
    assert "Keep the widget line safe under OSHA rules." in texts(us, "responsibilities")
    assert "Widget safety." not in texts(us, "skills")


def test_a_skill_that_repeats_a_duty_is_left_out(tiny: Catalog) -> None:
    jd = posting(tiny, "ops-manager")
    assert "Run the weekly team meeting." in texts(jd, "responsibilities")
    assert not any(t.startswith("Meetings") for t in texts(jd, "skills"))
    # without the duty, the skill stays
    gone = posting(tiny, "ops-manager", options=PostingOptions(remove=["run-meetings"]))
    assert "Meetings (running the weekly team meeting)." in texts(gone, "skills")


def analyst(tiny: Catalog, people: int = 500, **options: object) -> JobDescription:
    return posting(tiny, "ops-analyst", size=people, options=PostingOptions(**options))  # type: ignore[arg-type]


def test_a_duty_covers_other_topics_without_competing_with_their_duties(tiny: Catalog) -> None:
    # ops-analyst-report covers reporting and numbers; ops-analyst-study's topic is numbers
    jd = analyst(tiny)
    assert texts(jd, "responsibilities") == [
        "Study the weekly numbers.",
        "Write the monthly report on the numbers.",
    ]
    # the skill and the preferred line on reporting say the report again
    skill = "Report writing (monthly reports for managers)."
    assert skill not in texts(jd, "skills")
    assert "Experience writing monthly reports." not in texts(jd, "qualifications")
    # without the duty the preferred line says something again, and it asks for the skill
    gone = analyst(tiny, remove=["ops-analyst-report"])
    assert "Experience writing monthly reports." in texts(gone, "qualifications")
    assert skill not in texts(gone, "skills")
    # without either, the skill stays
    bare = analyst(tiny, remove=["ops-analyst-report", "preferred-2"])
    assert skill in texts(bare, "skills")


def test_a_skill_on_the_topic_of_a_kept_qualification_is_left_out(tiny: Catalog) -> None:
    # at 500 people the required spreadsheet line applies: the skill would ask again,
    # and so would the preferred line on the same topic
    jd = analyst(tiny, 500)
    quals = texts(jd, "qualifications")
    assert "Advanced spreadsheet skills." in quals
    assert "Experience building spreadsheet models." not in quals
    assert "Spreadsheets (pivot tables and lookups)." not in texts(jd, "skills")
    # at 200 people the preferred line is the one on the topic, and still no skill
    smaller = analyst(tiny, 200)
    quals = texts(smaller, "qualifications")
    assert "Advanced spreadsheet skills." not in quals
    assert "Experience building spreadsheet models." in quals
    assert "Spreadsheets (pivot tables and lookups)." not in texts(smaller, "skills")
    # with no qualification on the topic the skill stays
    bare = posting(tiny, "ops-analyst", size=200, options=PostingOptions(remove=["preferred-1"]))
    assert "Spreadsheets (pivot tables and lookups)." in texts(bare, "skills")


def test_us_laws_stay_out_of_postings_for_other_countries(tiny: Catalog) -> None:
    us = posting(tiny, "ops-manager", **location("US"))
    de = posting(tiny, "ops-manager", **location("DE"))
    assert "Keep the widget line safe under OSHA rules." in texts(us, "responsibilities")
    assert not any("OSHA" in t for s in de.sections for t in [*s.paragraphs, *texts(de, s.id)])
    # the law the duty names is not repeated under "Knows"; the other one is
    assert "Knows Widget Safety Code." in texts(us, "qualifications")
    assert "Knows Widget Safety Code." in texts(de, "qualifications")
    # in Germany the safety duty is gone, so the safety skill says something again
    assert "Widget safety." in texts(de, "skills")


def test_industry_lines_that_name_no_function_reach_only_its_core_functions(
    tiny: Catalog,
) -> None:
    ops = posting(tiny, "ops-manager", industry="widgets")  # function: running (core)
    stock = posting(tiny, "stock-manager", industry="widgets")  # function: stock
    assert "Widgets made per hour." in texts(ops, "kpis")
    assert "Widgets made per hour." not in texts(stock, "kpis")
    assert "widgets-osha" in duties(ops) and "widgets-osha" not in duties(stock)
    about = (stock.section("about-role") or pytest.fail()).paragraphs[0]
    assert "making widgets" not in about
    assert "making widgets" in (ops.section("about-role") or pytest.fail()).paragraphs[0]
    # a line that names its domain still reaches it
    assert "widgets-stock-count" in duties(stock)


def test_no_scope_sentence_where_no_line_fits(tiny: Catalog) -> None:
    director = posting(tiny, "ops-director", size="large").section("about-role") or pytest.fail()
    assert "you lead through managers" in director.paragraphs[0]
    manager = posting(tiny, "ops-manager", size="large").section("about-role")
    assert manager is not None and "At a large company" not in manager.paragraphs[0]


def test_a_catalog_without_a_section_heading_names_the_file_and_the_section(
    tmp_path: Path,
) -> None:
    import shutil

    broken = tmp_path / "catalog"
    shutil.copytree(FIXTURE, broken)
    posting_yaml = broken / "posting.yaml"
    posting_yaml.write_text(
        posting_yaml.read_text(encoding="utf-8").replace("  work-environment: Conditions\n", ""),
        encoding="utf-8",
    )
    with pytest.raises(jdgen.JdgenError) as err:
        jdgen.load_catalog(broken, builtin=False)
    assert "posting.yaml: headings: no heading for work-environment" in str(err.value)
