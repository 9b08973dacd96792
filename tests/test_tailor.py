"""Tailoring rules: the text that changes with company size and industry."""

from __future__ import annotations

import pytest

from jdgen.catalog import Catalog
from jdgen.models import Company, JobDescription, PostingOptions
from jdgen.tailor import tailor
from jdgen.text import article, join_words, sentence


def posting(catalog: Catalog, role: str, **company: object) -> JobDescription:
    return tailor(catalog.find_role(role), Company.model_validate(company), catalog)


def text_of(jd: JobDescription, section_id: str | None = None) -> str:
    parts = []
    for s in jd.sections:
        if section_id and s.id != section_id:
            continue
        parts += s.paragraphs + s.bullet_texts
        for sub in s.subsections:
            parts += [sub.heading, *sub.paragraphs, *sub.bullet_texts]
    return "\n".join(parts)


@pytest.mark.parametrize(
    ("role", "size", "boss"),
    [
        # the COO from the headcount where a company has one (250), else the CEO
        ("director-of-operations", "startup", "Chief Executive Officer"),
        ("director-of-operations", "small", "Chief Executive Officer"),
        ("director-of-operations", "249", "Chief Executive Officer"),
        ("director-of-operations", "250", "Chief Operating Officer"),
        ("director-of-operations", "mid-size", "Chief Operating Officer"),
        ("director-of-operations", "enterprise", "VP of Operations"),
        ("vp-of-operations", "small", "Chief Executive Officer"),
        ("vp-of-operations", "mid-size", "Chief Operating Officer"),
        ("vp-of-operations", "enterprise", "Chief Operating Officer"),
    ],
)
def test_reporting_line_follows_company_size(
    catalog: Catalog, role: str, size: str, boss: str
) -> None:
    jd = posting(catalog, role, size=size)
    assert text_of(jd, "reporting").startswith(f"You will report to the {boss}.")
    assert jd.metadata.reports_to.title == boss


def test_small_company_posting_is_hands_on_and_enterprise_is_multi_site(catalog: Catalog) -> None:
    # the long posting keeps every size addition; a standard one has room for the best few
    small = posting(catalog, "director-of-operations", size="small", length="long")
    big = posting(catalog, "director-of-operations", size="enterprise", length="long")
    assert "hands-on" in text_of(small, "about-role")
    assert "wear several hats" in text_of(small, "about-role")
    # said once: About the role is hands-on, so the hands-on duty is left out
    assert "Roll up your sleeves" not in text_of(small, "responsibilities")
    assert "across several locations" in text_of(big, "reporting")
    assert "Set operating standards and governance that every site and region follows" in text_of(
        big, "responsibilities"
    )
    assert "multi-million-dollar budget" in text_of(big, "responsibilities")
    assert "hands-on" not in text_of(big) and "multi-site" not in text_of(small)
    # qualifications follow size too
    assert "7+ years" in text_of(small, "qualifications")
    assert "10+ years" in text_of(big, "qualifications")


def test_enterprise_vp_leads_directors_said_once(catalog: Catalog) -> None:
    jd = posting(catalog, "vp-of-operations", size="enterprise", length="long")
    assert "directors" in text_of(jd, "reporting")
    # neither the scope sentence nor a duty says it again
    assert "team of directors" not in text_of(jd, "about-role")
    assert "Lead and develop a team of directors" not in text_of(jd, "responsibilities")


@pytest.mark.parametrize(
    ("industry", "present", "absent"),
    [
        ("manufacturing", ["Lean", "ISO 9001", "OSHA", "OEE", "production teams"], ["HIPAA"]),
        ("healthcare", ["HIPAA", "patient", "Joint Commission"], ["OSHA", "ISO 9001"]),
        ("technology", ["SOC 2", "data", "engineering, support"], ["HIPAA", "inventory"]),
        ("ecommerce", ["Cost per order shipped", "Telephone Order Merchandise Rule"], ["HIPAA"]),
        ("logistics", ["FMCSA", "On-time"], ["HIPAA"]),
        ("financial-services", ["audit", "KYC", "clients"], ["OSHA"]),
        ("retail", ["Shrink as a share of sales", "store"], ["HIPAA"]),
    ],
)
def test_industry_brings_its_regulations_kpis_and_words(
    catalog: Catalog, industry: str, present: list[str], absent: list[str]
) -> None:
    # the long posting: a standard one may trim a line that repeats another
    text = text_of(posting(catalog, "director-of-operations", industry=industry, length="long"))
    for word in present:
        assert word in text, word
    for word in absent:
        assert word not in text, word


def test_supply_chain_only_for_companies_with_physical_goods(catalog: Catalog) -> None:
    goods = posting(catalog, "director-of-operations", industry="manufacturing", length="long")
    software = posting(catalog, "director-of-operations", industry="technology", length="long")
    headings = lambda jd: [s.heading for s in jd.section("responsibilities").subsections]  # noqa: E731
    assert "Supply chain and inventory" in headings(goods)
    assert "Vendors and partners" not in headings(goods)
    assert "Vendors and partners" in headings(software)
    assert "Supply chain and inventory" not in headings(software)
    assert "inventory" in text_of(goods).lower()
    assert "inventory" not in text_of(software).lower()
    assert "Materials and stock" in text_of(goods, "skills")
    # vendors are the software company's duty (the skill is left out when a duty says it)
    assert "vendor" in text_of(software, "responsibilities").lower()


def test_industry_specific_compliance_replaces_the_generic_line(catalog: Catalog) -> None:
    generic = "Keep operations compliant with industry regulations"
    assert generic not in text_of(
        posting(catalog, "director-of-operations", industry="manufacturing")
    )
    assert generic not in text_of(posting(catalog, "director-of-operations", industry="general"))
    default = posting(catalog, "director-of-operations", length="long")
    assert "Keep the business within workplace-safety" in text_of(default)


def test_sections_follow_the_guide_order_and_only_with_content(catalog: Catalog) -> None:
    bare = posting(catalog, "director-of-operations")
    assert [s.id for s in bare.sections] == [
        "about-role",
        "reporting",
        "responsibilities",
        "qualifications",
        "skills",
        "kpis",
        "career",
        "location",  # the role's travel (issue 11)
        "equal-opportunity",
    ]
    full = posting(
        catalog,
        "director-of-operations",
        name="Acme",
        about="Acme makes valves.",
        salary={"min": 100000, "max": 120000},
        benefits=["Health insurance"],
        locations=[{"city": "Denver", "region": "CO"}],
        work_arrangement="hybrid",
        how_to_apply="jobs@acme.example",
    )
    assert [s.id for s in full.sections] == [
        "about-company",
        "about-role",
        "reporting",
        "responsibilities",
        "qualifications",
        "skills",
        "kpis",
        "career",
        "compensation",
        "location",
        "apply",
        "equal-opportunity",
    ]
    assert text_of(full, "location") == (
        "This is a full-time hybrid position based in Denver, CO, with part of each week on site.\n"
        "Travel up to 10% of the time, mostly to our other location."  # two sites
    )
    assert "“Director of Operations” in the subject line" in text_of(full, "apply")


def test_vp_posting_has_no_career_section_by_default_and_options_switch_it(
    catalog: Catalog,
) -> None:
    role = catalog.find_role("vpo")
    assert tailor(role, Company(), catalog).section("career") is None
    on = tailor(role, Company(), catalog, PostingOptions(career_path=True))
    assert "Chief Operating Officer" in text_of(on, "career")


def test_tailor_is_pure(catalog: Catalog) -> None:
    role = catalog.find_role("vpo")
    company = Company(size="small", industry="retail")
    before = (role.model_dump(), company.model_dump())
    assert tailor(role, company, catalog) == tailor(role, company, catalog)
    assert (role.model_dump(), company.model_dump()) == before


def test_placeholders_are_filled_with_the_industry_vocabulary(catalog: Catalog) -> None:
    jd = posting(catalog, "director-of-operations", industry="healthcare")
    assert "our clinical and front-desk staff can carry out" in text_of(jd, "about-role")
    assert "get patients seen on time across our clinics and facilities" in text_of(
        jd, "about-role"
    )


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Operations Manager", "an"),
        ("Director of Operations", "a"),
        ("VP of Operations", "a"),
        ("SVP of Operations", "an"),
        ("eCommerce Operations Manager", "an"),
        ("Head of Ops", "a"),
        ("Unit Manager", "a"),
        ("hourly role", "an"),
    ],
)
def test_article(phrase: str, expected: str) -> None:
    assert article(phrase) == expected


def test_text_helpers() -> None:
    assert join_words(["a", "b", "c"]) == "a, b and c"
    assert join_words(["a", "b"], "or") == "a or b"
    # an item with "and" in it: the comma shows where the last item starts
    assert join_words(["DOT and FMCSA rules", "OSHA standards", "UK GDPR and the DPA"]) == (
        "DOT and FMCSA rules, OSHA standards, and UK GDPR and the DPA"
    )
    assert join_words(["sand", "handbooks"]) == "sand and handbooks"
    assert join_words(["x or y", "z"], "or") == "x or y, or z"
    assert sentence("  keep  it   tidy ") == "Keep it tidy."
    assert sentence("eCommerce platforms") == "eCommerce platforms."


def test_regulations_with_and_inside_are_listed_not_chained(catalog: Catalog) -> None:
    """A UK fintech's regulations read as a list, not "… for regulated firms and regulatory
    supervision and UK GDPR and …" (review r4a)."""
    jd = posting(
        catalog,
        "head-of-business-operations",
        size=40,
        industry="financial-services",
        locations=[{"city": "Leeds", "country": "GB"}],
    )
    quals = jd.section("qualifications")
    assert quals is not None
    line = next(b.text for b in quals.all_bullets() if b.id == "regulations")
    assert line == (
        "Working knowledge of the FCA's systems-and-controls rules (SYSC), the FCA's Consumer "
        "Duty, and UK GDPR and the Data Protection Act 2018."
    )


def test_join_words_of_two_items_puts_a_comma_only_after_a_first_item_that_has_the_conjunction() -> (
    None
):
    # posting 46 (issue 10): the comma read as the start of a list
    last = "the brokerage team, our shippers and the carriers we book"
    assert join_words(["the founders", last]) == (
        "the founders and the brokerage team, our shippers and the carriers we book"
    )
    assert join_words(["finance and HR", "our suppliers"]) == "finance and HR, and our suppliers"
    assert join_words(["a", "b and c", "d"]) == "a, b and c, and d"
