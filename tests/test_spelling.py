"""Postings in their country's English (countries.yaml ``spellings``): the word map is
applied once, to everything jdgen wrote, never to the company's own words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

import jdgen
from jdgen import Catalog, Company, JobDescription
from jdgen.countries import CountryTable
from jdgen.description import describe
from jdgen.spelling import SpellingMap, respeller

FIXTURE = Path(__file__).parent / "fixtures" / "catalog"
REVIEW = Path(__file__).parent / "review" / "companies"


@pytest.fixture(scope="module")
def tiny() -> Catalog:
    return jdgen.load_catalog(FIXTURE, builtin=False)


def text_of(jd: JobDescription) -> str:
    parts = [jd.title]
    for s in jd.sections:
        parts += [s.heading, *s.paragraphs, *(b.text for b in s.all_bullets())]
        parts += [p for sub in s.subsections for p in (sub.heading, *sub.paragraphs)]
    return "\n".join(parts)


# --- the word map itself ----------------------------------------------------------


def test_words_stems_and_case() -> None:
    spell = respeller(
        {
            "gb": SpellingMap(
                words={"center": "centre", "pallet jacks": "pallet trucks"},
                stems={"organiz": "organis"},
            )
        },
        "gb",
    )
    assert spell is not None
    assert (
        spell("Center of the organization, reorganized")
        == "Centre of the organisation, reorganized"
    )
    assert spell("ORGANIZE the CENTER") == "ORGANISE the CENTRE"
    assert (
        spell("Move pallet\njacks and centers") == "Move pallet trucks and centers"
    )  # no "centers" key
    # whole words only: a word that merely contains a key is left alone
    assert spell("the epicenter") == "the epicenter"


def test_a_phrase_with_a_curly_apostrophe_and_kept_stretches() -> None:
    spell = respeller(
        {"gb": SpellingMap(words={"driver's license": "driving licence", "center": "centre"})}, "gb"
    )
    assert spell is not None
    assert spell("A driver\u2019s license.") == "A driving licence."
    kept = spell("Harbor Center Ltd runs our center.", keep=("Harbor Center Ltd",))
    assert kept == "Harbor Center Ltd runs our centre."


def test_a_variety_takes_the_changes_of_the_one_it_is_based_on() -> None:
    maps = {
        "ca": SpellingMap(words={"labor": "labour", "program": "program"}),
        "gb": SpellingMap(based_on="ca", words={"program": "programme"}),
    }
    gb, ca = respeller(maps, "gb"), respeller(maps, "ca")
    assert gb is not None and ca is not None
    assert gb("labor program") == "labour programme"
    assert ca("labor program") == "labour program"
    assert respeller(maps, None) is None
    assert respeller({}, "gb") is None


def test_an_unknown_variety_names_the_field_and_the_choices(tiny: Catalog) -> None:
    data = tiny.countries.model_dump(by_alias=True)
    data["countries"][0]["spelling"] = "en-AU"
    with pytest.raises(
        ValidationError,
        match=r"countries\.GB\.spelling: unknown spelling 'en-AU' \(expected one of en-CA, en-GB\)",
    ):
        CountryTable.model_validate(data)


# --- rules, on the fixture catalog ----------------------------------------------


def fixture_posting(tiny: Catalog, country: str, **company: object) -> JobDescription:
    company.setdefault("size", "small")
    company.setdefault("industry", "widgets")
    return jdgen.generate(
        "ops-manager",
        Company(locations=[{"city": "Leeds", "country": country}], **company),  # type: ignore[arg-type]
        catalog=tiny,
    )


def test_the_country_variety_respells_what_jdgen_wrote(tiny: Catalog) -> None:
    gb = text_of(fixture_posting(tiny, "GB"))
    us = text_of(fixture_posting(tiny, "US"))
    assert "Keep the Ops Manager handbook up to date." in us
    assert "Keep the Ops Manager manual up to date." in gb
    assert "Cycle time from order to consignment." in gb  # en-CA's word, through based_on
    assert "Schems met on time." in gb  # a stem: plan → schem, plans → schems
    assert "handbook" not in gb


def test_the_company_words_are_left_as_written(tiny: Catalog) -> None:
    jd = fixture_posting(
        tiny,
        "GB",
        name="Handbook Plans Ltd",
        about="We write the handbook for every shipment.",
        benefits=["A handbook allowance"],
        posting={"add_responsibilities": ["Update the handbook each year."]},
    )
    text = text_of(jd)
    assert "We write the handbook for every shipment." in text
    assert "A handbook allowance." in text
    assert "Update the handbook each year." in text
    assert "you keep Handbook Plans Ltd running" in text  # the name inside a catalog sentence
    assert "Keep the Ops Manager manual up to date." in text


def test_the_internal_description_and_the_metadata_are_respelt_too(tiny: Catalog) -> None:
    company = Company(
        size="small",
        industry="widgets",
        locations=[{"city": "Leeds", "country": "GB"}],
        drivers_license=True,
    )  # type: ignore[arg-type]
    described = describe(tiny.find_role("ops-manager"), company, tiny)
    text = text_of(described)
    assert "manual" in text and "handbook" not in text
    posting = jdgen.generate("ops-manager", company, catalog=tiny)
    assert "Driving licence." in text_of(posting)


# --- the shipped catalog ------------------------------------------------------------


def review(company: str, role: str, **extra: object) -> JobDescription:
    data = yaml.safe_load((REVIEW / f"{company}.yaml").read_text(encoding="utf-8"))
    data.update(extra)
    return jdgen.generate(role, Company.model_validate(data))


def american(text: str, variety: str) -> list[str]:
    """The American forms in ``text`` that ``variety`` changes."""
    catalog = jdgen.load_catalog()
    spell = catalog.countries.respeller(variety)
    assert spell is not None and spell.pattern is not None
    return [m.group(0) for m in spell.pattern.finditer(text) if spell(m.group(0)) != m.group(0)]


def test_a_uk_posting_is_in_british_english() -> None:
    jd = review("harrow-and-finch", "director-of-business-process-optimization")
    text = text_of(jd)
    assert jd.title == "Director of Business Process Optimisation"
    assert re.search(r"\b(programmes|organisation|optimisation)\b", text.lower())
    assert american(text, "en-GB") == []
    shop = text_of(review("harrow-and-finch", "operations-manager"))
    assert american(shop, "en-GB") == []
    assert "trolleys" in shop and "carts" not in shop


def test_a_us_posting_keeps_american_spelling_and_the_company_its_own() -> None:
    about_us = "Kestrel Logistics runs contract warehouses and fulfilment centres for brands."
    jd = review("kestrel-logistics", "fulfillment-manager", about=about_us)
    about = jd.section("about-company")
    assert about is not None
    assert "fulfilment centres" in about.paragraphs[0]  # the company wrote it so
    rest = text_of(jd.model_copy(update={"sections": jd.sections[1:]}))
    assert jd.title == "Fulfillment Manager"
    assert "fulfillment" in rest.lower() and "fulfilment" not in rest.lower()


def test_a_canadian_posting_takes_canadian_spelling() -> None:
    text = text_of(review("harbor-supply", "director-of-logistics"))
    assert american(text, "en-CA") == []
    assert re.search(r"\blabour\b", text)
    # Canadian usage keeps -ize and program: only en-GB changes them
    assert american(text, "en-GB")
    assert not re.search(r"\b(organis|optimis|programme)", text)


def test_a_german_posting_in_english_is_british() -> None:
    jd = review("sprocket", "vp-of-operations")
    assert american(text_of(jd), "en-GB") == []


@pytest.mark.parametrize("industry", ["logistics", "retail", "manufacturing", "healthcare"])
def test_the_catalog_is_written_in_american_english(industry: str) -> None:
    """A US posting has none of the British forms the maps write: the maps can only work
    on a catalog that is American throughout ("modelling" in a US posting is a typo)."""
    catalog = jdgen.load_catalog()
    maps = catalog.countries.spellings
    british = {v.lower() for m in maps.values() for v in m.words.values()}
    british -= {k.lower() for m in maps.values() for k in m.words}
    british |= {"modelling", "travelling", "organisation", "optimisation", "programme"}
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(british))) + r")\b", re.I)
    found = set()
    for role in catalog.roles:
        company = Company(
            size="mid-size",
            industry=industry,
            locations=[{"city": "Denver", "region": "CO", "country": "US"}],
        )  # type: ignore[list-item]
        found |= {f"{role}: {m}" for m in pattern.findall(text_of(jdgen.generate(role, company)))}
    assert not found


def test_a_company_value_keeps_only_itself() -> None:
    spell = respeller(
        {"gb": SpellingMap(words={"center": "centre"}, stems={"standardiz": "standardis"})}, "gb"
    )
    assert spell is not None
    # "standard" (the company's length setting) does not keep "standardized"
    assert spell("standard work, standardized", keep=("standard",)) == "standard work, standardised"
    assert spell("a help-center page") == "a help-centre page"


@pytest.mark.parametrize(
    ("company", "variety"),
    [
        ("pennant-payments", "en-GB"),
        ("harrow-and-finch", "en-GB"),
        ("sprocket", "en-GB"),
        ("spreetal-antriebe", "en-GB"),
        ("harbor-supply", "en-CA"),
        ("lakeshore-outfitters", "en-CA"),
    ],
)
def test_every_role_at_a_company_abroad_is_in_its_english(company: str, variety: str) -> None:
    catalog = jdgen.load_catalog()
    found = {}
    for role in catalog.roles:
        left = american(text_of(review(company, role)), variety)
        if left:
            found[role] = left
    assert found == {}


def test_one_on_ones_in_america_one_to_ones_in_britain() -> None:
    us = text_of(review("kestrel-logistics", "fulfillment-manager"))
    assert "one-on-ones" in us and "one-to-one" not in us
    uk = text_of(
        review(
            "kestrel-logistics",
            "fulfillment-manager",
            locations=[{"city": "Leeds", "country": "GB"}],
        )
    )
    assert "one-to-ones" in uk and "one-on-one" not in uk


def test_a_german_company_has_a_supervisory_board_not_a_board_of_directors() -> None:
    text = text_of(review("spreetal-antriebe", "chief-operating-officer"))
    assert "board of directors" not in text
    assert "the supervisory board (Aufsichtsrat)" in text
    assert "answer to the CEO and the supervisory board" in text
    # en-DE is British English too
    assert american(text, "en-GB") == []
    us = text_of(review("meridian-bank", "chief-operating-officer"))
    assert "the board of directors" in us and "Aufsichtsrat" not in us
