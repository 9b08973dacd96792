"""Sentences the law where the job is puts into a posting (review r5a patterns 9 and 16,
r5b pattern 4), on the fixture catalog with an overlaid ``hiring_law`` table: a
right-to-work line where the company has not said whether it sponsors visas, a
fair-chance statement only in the state and city it is for and from the headcount the
law covers, and a regulated firm's checks only where the company is one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

import jdgen
from jdgen import Catalog, Company, JobDescription
from jdgen.errors import CatalogError

FIXTURE = Path(__file__).parent / "fixtures" / "catalog"
SOURCE = [{"title": "Made up for tests"}]

LAWS = {
    "GB": [
        {"id": "rtw", "section": "location", "unless_sponsorship": True,
         "text": "You need the right to work here.", "sources": SOURCE},
        {"id": "regulated", "section": "apply", "when": {"industries": ["software"]},
         "company_cues": [r"\bregulator\b"], "text": "We screen every hire.",
         "sources": SOURCE},
    ],
    "US": [
        {"id": "fair-chance-state", "section": "equal-opportunity", "regions": ["CA", "California"],
         "when": {"min_headcount": 5}, "said_cues": ["Fair Chance"],
         "text": "We follow the state's Fair Chance law.", "sources": SOURCE},
        {"id": "fair-chance-city", "section": "equal-opportunity",
         "cities": ["Brooklyn", "New York"], "regions": ["NY"],
         "text": "We follow the city's Fair Chance law.", "sources": SOURCE},
    ],
}  # fmt: skip


def build(root: Path, laws: dict[str, list[dict[str, object]]]) -> Catalog:
    shutil.copytree(FIXTURE, root)
    path = root / "countries.yaml"
    table = yaml.safe_load(path.read_text())
    for entry in table["countries"]:
        entry["hiring_law"] = laws.get(entry["code"], [])
    path.write_text(yaml.safe_dump(table, allow_unicode=True))
    return jdgen.load_catalog(root, builtin=False)


@pytest.fixture(scope="module")
def cat(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return build(tmp_path_factory.mktemp("law") / "catalog", LAWS)


def post(cat: Catalog, **company: object) -> JobDescription:
    company.setdefault("size", 500)
    company.setdefault("industry", "widgets")
    company.setdefault("how_to_apply", "https://example.com/jobs")
    return jdgen.generate("ops-manager", Company(**company), catalog=cat)  # type: ignore[arg-type]


def said(jd: JobDescription, section: str) -> list[str]:
    found = jd.section(section)
    return found.paragraphs if found else []


LONDON = {"city": "London", "country": "GB"}


def test_a_uk_posting_says_the_right_to_work_is_checked(cat: Catalog) -> None:
    jd = post(cat, locations=[LONDON])
    assert "You need the right to work here." in said(jd, "location")
    # a company that says whether it sponsors visas says who may work here its own way
    for sponsor in (True, False):
        jd = post(cat, locations=[LONDON], visa_sponsorship=sponsor)
        assert "You need the right to work here." not in said(jd, "location")
    berlin = post(cat, locations=[{"city": "Berlin", "country": "DE"}])
    assert "You need the right to work here." not in said(berlin, "location")


def test_a_regulated_firms_checks_need_the_industry_and_the_company_to_say_it(
    cat: Catalog,
) -> None:
    about = "We are authorised by our regulator."
    jd = post(cat, locations=[LONDON], industry="software", about=about)
    assert "We screen every hire." in said(jd, "apply")
    assert "We screen every hire." not in said(post(cat, locations=[LONDON], about=about), "apply")
    other = post(cat, locations=[LONDON], industry="software", about="We make apps.")
    assert "We screen every hire." not in said(other, "apply")


def test_a_fair_chance_statement_follows_the_state_the_city_and_the_headcount(
    cat: Catalog,
) -> None:
    state = "We follow the state's Fair Chance law."
    city = "We follow the city's Fair Chance law."
    sacramento = {"city": "Sacramento", "region": "CA", "country": "US"}
    assert said(post(cat, locations=[sacramento]), "equal-opportunity")[-1] == state
    assert state not in said(post(cat, size=4, locations=[sacramento]), "equal-opportunity")
    brooklyn = {"city": "Brooklyn", "region": "NY", "country": "US"}
    assert said(post(cat, locations=[brooklyn]), "equal-opportunity")[-1] == city
    buffalo = {"city": "Buffalo", "region": "NY", "country": "US"}
    assert city not in said(post(cat, locations=[buffalo]), "equal-opportunity")
    # the company's own statement already says it
    own = "We are fair. We follow the Fair Chance Act."
    jd = post(cat, locations=[sacramento], equal_opportunity=own)
    assert state not in said(jd, "equal-opportunity")


def test_a_hiring_law_needs_its_sources(tmp_path: Path) -> None:
    laws = {"US": [{"id": "x", "text": "Something."}]}
    with pytest.raises(CatalogError) as info:
        build(tmp_path / "catalog", laws)
    assert "hiring_law.0.sources" in "\n".join(info.value.problems)


def test_a_hiring_laws_conditions_name_what_the_catalog_has(tmp_path: Path) -> None:
    laws = {"US": [{"id": "x", "text": "Something.", "when": {"industries": ["banking"]},
                    "sources": SOURCE}]}  # fmt: skip
    with pytest.raises(CatalogError) as info:
        build(tmp_path / "catalog", laws)
    assert "countries.US.hiring_law.0" in "\n".join(info.value.problems)
    assert "banking" in "\n".join(info.value.problems)


def test_the_safety_law_is_named_by_country_and_by_state(tmp_path: Path) -> None:
    from jdgen.countries import RegionLaw, posting_country

    cat = build(tmp_path / "catalog", {})
    table = cat.countries
    us = table.entry("US")
    assert us is not None
    table.countries[table.countries.index(us)] = us.model_copy(
        update={
            "safety_law": "federal safety rules",
            "regions": {"ca": RegionLaw(safety_law="state rules")},
        }
    )

    def law(**where: str) -> str:
        company = Company(locations=[where])  # type: ignore[list-item]
        return str(posting_country(company, table).placeholders()["safety_law"])

    assert law(city="Denver", region="CO", country="US") == "federal safety rules"
    assert law(city="Sacramento", region="CA", country="US") == "state rules"
    assert law(city="Leeds", country="GB") == "workplace-safety law"  # the default


def test_improvement_work_with_a_union_has_its_own_wording_or_the_line_one() -> None:
    from jdgen.countries import LabourRelations, labour_relations

    own = labour_relations(LabourRelations(line="L.", policy="P.", improvement="I."))
    assert own["improvement"] == "I."
    assert labour_relations(LabourRelations(line="L.", policy="P."))["improvement"] == "L."


# -- the shipped catalog ----------------------------------------------------------


def text_of(jd: JobDescription) -> str:
    """The posting as Markdown."""
    from jdgen.render import render

    out = render(jd, "md")
    return out.decode() if isinstance(out, bytes) else out


def test_the_shipped_catalog_names_the_law_where_the_job_is(catalog: Catalog) -> None:
    london = {"city": "London", "country": "GB"}
    fca = "We are authorised by the FCA as an electronic money institution."
    pennant = text_of(jdgen.generate("customer-operations-manager", Company(
        size=40, industry="financial-services", about=fca, locations=[london],
        how_to_apply="https://example.com"), catalog=catalog))  # fmt: skip
    assert "You will need the right to work in the UK" in pennant
    assert "As a firm regulated by the Financial Conduct Authority, we screen" in pennant
    assert "under the FCA's DISP rules" in pennant and "the way regulators expect" not in pennant
    shop = text_of(jdgen.generate("operations-manager", Company(
        size=400, industry="retail", locations=[london]), catalog=catalog))  # fmt: skip
    assert "right to work in the UK" in shop and "Financial Conduct Authority" not in shop
    bank = text_of(jdgen.generate("fulfillment-manager", Company(
        name="Meridian Bank", size=50000, industry="financial-services",
        locations=[{"city": "New York", "region": "NY", "country": "US"}],
        how_to_apply="https://example.com"), catalog=catalog))  # fmt: skip
    assert "Section 19 of the Federal Deposit Insurance Act" in bank
    assert "New York City Fair Chance Act" in bank
    hospital = text_of(jdgen.generate("director-of-operations", Company(
        size=8000, industry="healthcare",
        locations=[{"city": "Sacramento", "region": "CA", "country": "US"}]),
        catalog=catalog))  # fmt: skip
    assert "California Fair Chance Act" in hospital and "Section 19" not in hospital
    denver = text_of(jdgen.generate("director-of-operations", Company(
        size=400, industry="manufacturing",
        locations=[{"city": "Denver", "region": "CO", "country": "US"}]), catalog=catalog))  # fmt: skip
    assert "Fair Chance" not in denver and "within OSHA standards" in denver


def test_no_shipped_line_names_the_law_vaguely() -> None:
    """Law by name, not "the way regulators expect" (review r5a pattern 9)."""
    catalog_dir = Path(__file__).parent.parent / "catalog"
    vague = ["the way regulators expect", "regulators' expectations", "within workplace-safety law",
             "in line with workplace-safety law", "scheduling rules where we trade"]  # fmt: skip
    found = [
        (path.name, phrase)
        for path in catalog_dir.rglob("*.yaml")
        for phrase in vague
        if phrase in path.read_text(encoding="utf-8")
    ]
    assert found == []


def test_a_german_plant_and_a_canadian_storefront_name_their_own_law(catalog: Catalog) -> None:
    berlin = text_of(jdgen.generate("chief-operating-officer", Company(
        size=1500, industry="manufacturing", locations=[{"city": "Berlin", "country": "DE"}]),
        catalog=catalog))  # fmt: skip
    assert "Arbeitsschutzgesetz" in berlin and "Federal Immission Control Act (BImSchG)" in berlin
    vancouver = {"city": "Vancouver", "region": "BC", "country": "CA"}
    store = text_of(jdgen.generate("ecommerce-operations-manager", Company(
        size=8000, industry="retail", locations=[vancouver]), catalog=catalog))  # fmt: skip
    assert "in English and French for our customers in Quebec" in store
    us = text_of(jdgen.generate("ecommerce-operations-manager", Company(size=8000,
        industry="retail"), catalog=catalog))  # fmt: skip
    assert "French" not in us
