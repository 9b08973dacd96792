"""What a posting like this usually states and the company has not given (issue 10
patterns 5, 7, 8): jdgen never invents it, it says so on stderr, and --strict does not
fail on it.  A benefit may carry the levels it is for."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

import jdgen
from jdgen import Catalog, Company, JobDescription
from jdgen.cli import cli
from jdgen.errors import JdgenError
from jdgen.readiness import still_missing

FIXTURE = Path(__file__).parent / "fixtures" / "catalog"
REVIEW = Path(__file__).parent / "review" / "companies"
DENVER = {"city": "Denver", "region": "CO", "country": "US"}
LEEDS = {"city": "Leeds", "country": "GB"}


@pytest.fixture(scope="module")
def tiny() -> Catalog:
    return jdgen.load_catalog(FIXTURE, builtin=False)


def posting(catalog: Catalog, role: str, **company: Any) -> JobDescription:
    company.setdefault("size", "small")
    company.setdefault("industry", "widgets")
    company.setdefault("locations", [DENVER])
    return jdgen.generate(role, Company.model_validate(company), catalog=catalog)


def advice(catalog: Catalog, role: str, **company: Any) -> list[str]:
    return list(still_missing(posting(catalog, role, **company), catalog).advice)


# --- rules (fixture catalog) ---------------------------------------------------------


def test_variable_pay_is_asked_for_at_the_levels_where_it_is_the_norm(tiny: Catalog) -> None:
    assert advice(tiny, "ops-director") == ["variable pay for an Ops Director"]
    assert advice(tiny, "ops-manager") == []  # a manager: not the norm
    assert advice(tiny, "ops-director", variable_pay={"bonus_target_percent": 15}) == []
    assert advice(tiny, "ops-director", benefits=["Annual bonus scheme"]) == []


def test_a_hybrid_job_without_office_days(tiny: Catalog) -> None:
    paid = {"variable_pay": {"bonus_target_percent": 10}}
    assert advice(tiny, "ops-analyst", work_arrangement="hybrid", **paid) == ["office days"]
    assert advice(tiny, "ops-analyst", work_arrangement="hybrid", office_days=2, **paid) == []
    # floor work is posted on site: no office days to give
    assert advice(tiny, "ops-manager", work_arrangement="hybrid") == []


def test_a_benefit_the_country_expects(tiny: Catalog) -> None:
    gb = {"locations": [LEEDS]}
    assert advice(tiny, "ops-manager", **gb) == ["a pension (the law asks for one)"]
    assert advice(tiny, "ops-manager", benefits=["Pension, 5% employer contribution"], **gb) == []
    assert advice(tiny, "ops-manager") == []  # a US posting


def test_collective_pay_offered_to_a_level_paid_outside_it(tiny: Catalog) -> None:
    gb: dict[str, Any] = {"locations": [LEEDS], "benefits": ["Pension", "Tariff pay and hours"]}
    assert advice(tiny, "ops-director", variable_pay={"equity": "options"}, **gb) == [
        "'Tariff pay and hours' for Ops Director: directors are paid outside it"
    ]
    gb["benefits"] = ["Pension", {"text": "Tariff pay and hours", "levels": ["manager"]}]
    director = posting(tiny, "ops-director", **gb)
    manager = posting(tiny, "ops-manager", **gb)
    assert director.metadata.benefits == ["Pension"]
    assert manager.metadata.benefits == ["Pension", "Tariff pay and hours"]
    pay = director.section("compensation")
    assert pay is not None and [b.text for b in pay.bullets] == ["Pension."]
    assert [b.id for b in manager.section("compensation").bullets] == ["benefit-1", "benefit-2"]  # type: ignore[union-attr]
    assert "Tariff" not in " ".join(still_missing(director, tiny).advice)


def test_a_benefit_level_must_be_a_level(tiny: Catalog, tmp_path: Path) -> None:
    with pytest.raises(
        JdgenError, match=r"benefits\.0\.levels: unknown level 'boss' \(expected one of "
    ):
        posting(tiny, "ops-manager", benefits=[{"text": "Car", "levels": ["boss"]}])
    company = tmp_path / "company.yaml"
    company.write_text("benefits:\n  - {text: Car, levels: [boss]}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["generate", "vpo", "--company", str(company)])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert "benefits.0.levels: unknown level 'boss'" in result.stderr


def test_a_catalog_without_advice_sentences_gives_none(tiny: Catalog) -> None:
    bare = tiny.work.readiness.model_copy(update={"variable_pay": None, "office_days": None})
    catalog = replace(tiny, work_data=tiny.work.model_copy(update={"readiness": bare}))
    jd = posting(catalog, "ops-director", work_arrangement="hybrid")
    assert still_missing(jd, catalog).advice == ()


# --- the shipped catalog ------------------------------------------------------------


def review(name: str, role: str, *, without: tuple[str, ...] = ()) -> JobDescription:
    data = yaml.safe_load((REVIEW / f"{name}.yaml").read_text(encoding="utf-8"))
    for key in without:
        data.pop(key, None)
    return jdgen.generate(role, Company.model_validate(data))


def shipped_advice(name: str, role: str, *, without: tuple[str, ...] = ()) -> str:
    jd = review(name, role, without=without)
    return " | ".join(still_missing(jd, jdgen.load_catalog()).advice)


def test_german_executives_are_not_offered_tariff_pay() -> None:
    for role in (
        "chief-operating-officer",
        "chief-supply-chain-officer",
        "vp-of-process-improvement",
    ):
        jd = review("spreetal-antriebe", role)
        assert not any("IG Metall" in b for b in jd.metadata.benefits), role
    manager = review("spreetal-antriebe", "process-improvement-manager")
    assert "Collective agreement (IG Metall) pay and working time" in manager.metadata.benefits
    data = yaml.safe_load((REVIEW / "spreetal-antriebe.yaml").read_text(encoding="utf-8"))
    data["benefits"] = ["Collective agreement (IG Metall) pay and working time"]
    coo = jdgen.generate("chief-operating-officer", Company.model_validate(data))
    said = " ".join(still_missing(coo, jdgen.load_catalog()).advice)
    assert "außertariflich" in said and "levels: [manager]" in said


def test_uk_postings_without_a_pension_say_so() -> None:
    assert "a workplace pension: every UK employer must enrol" in shipped_advice(
        "pennant-payments", "customer-operations-manager", without=("benefits",)
    )
    assert "pension" not in shipped_advice("harrow-and-finch", "operations-manager")


def test_senior_postings_without_variable_pay_say_so() -> None:
    assert "variable pay: a Chief Logistics Officer posting usually states" in shipped_advice(
        "kestrel-logistics", "chief-logistics-officer", without=("variable_pay",)
    )
    assert "variable pay" not in shipped_advice("kestrel-logistics", "chief-logistics-officer")
    assert "variable pay" not in shipped_advice("meridian-bank", "chief-operating-officer")
    assert "variable pay" not in shipped_advice("kestrel-logistics", "fulfillment-manager")


def test_strict_prints_the_advice_and_does_not_fail(tmp_path: Path) -> None:
    company = tmp_path / "company.yaml"
    company.write_text(
        "locations: [{city: Denver, region: CO, country: US}]\n"
        "work_arrangement: hybrid\n"
        "salary: {min: 120000, max: 150000}\n"
        "how_to_apply: https://acme.example/jobs\nclosing_date: 2030-01-31\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli, ["generate", "director-of-operations", "--company", str(company), "--strict"]
    )
    assert result.exit_code == 0, result.stderr
    assert "note: usually stated in a posting like this, and not given:" in result.stderr
    assert "  - variable pay: a Director of Operations posting" in result.stderr
    assert "  - office days: say how many days a week" in result.stderr
    assert "warning" not in result.stderr


# --- working language ----------------------------------------------------------------


def test_preferred_languages_are_a_preferred_qualification(tiny: Catalog) -> None:
    jd = posting(
        tiny,
        "ops-manager",
        languages=["English", "German"],
        preferred_languages=["Czech", "Polish"],
    )
    quals = jd.section("qualifications")
    assert quals is not None
    required, preferred = quals.subsection("required"), quals.subsection("preferred")
    assert required is not None and preferred is not None
    assert "Fluent English and German, spoken and written." in required.bullet_texts
    assert preferred.bullet_texts[0] == "Czech or Polish, spoken and written."
    assert preferred.bullets[0].source.kind == "company"


def test_a_german_posting_that_names_no_language_says_so() -> None:
    said = shipped_advice(
        "sprocket", "revenue-operations-manager", without=("languages", "preferred_languages")
    )
    assert (
        "working language: a posting in English for a job in Germany should say whether German is needed"
        in said
    )
    data = yaml.safe_load((REVIEW / "sprocket.yaml").read_text(encoding="utf-8"))
    del data["languages"], data["preferred_languages"]
    for extra in ({"languages": ["English"]}, {"preferred_languages": ["German"]}):
        jd = jdgen.generate("revenue-operations-manager", Company.model_validate({**data, **extra}))
        assert "working language" not in " ".join(still_missing(jd, jdgen.load_catalog()).advice)
    assert "working language" not in shipped_advice("harrow-and-finch", "operations-manager")


def test_a_canadian_posting_asks_about_french_where_the_company_reaches_quebec() -> None:
    """A retailer with 140 stores across Canada, or a job in Montreal, should say whether
    French is needed; a two-site Toronto distributor need not (review r4a)."""
    ask = "should say whether French is needed"
    assert ask in shipped_advice("lakeshore-outfitters", "vp-of-logistics")
    assert ask not in shipped_advice("harbor-supply", "operations-director")
    data = yaml.safe_load((REVIEW / "harbor-supply.yaml").read_text(encoding="utf-8"))
    montreal = {**data, "locations": [{"city": "Montreal", "region": "QC", "country": "CA"}]}
    jd = jdgen.generate("operations-director", Company.model_validate(montreal))
    assert ask in " ".join(still_missing(jd, jdgen.load_catalog()).advice)
    # given, it is stated and the note goes
    shop = yaml.safe_load((REVIEW / "lakeshore-outfitters.yaml").read_text(encoding="utf-8"))
    jd = jdgen.generate(
        "vp-of-logistics", Company.model_validate({**shop, "preferred_languages": ["French"]})
    )
    quals = jd.section("qualifications")
    assert quals is not None
    assert "French, spoken and written." in [b.text for b in quals.all_bullets()]
    assert ask not in " ".join(still_missing(jd, jdgen.load_catalog()).advice)


def test_us_safety_and_regulator_terms_in_uk_and_canadian_words() -> None:
    ca = review("harbor-supply", "logistics-manager")
    text = " ".join(b.text for s in ca.sections for b in s.all_bullets())
    assert "recordable" not in text.lower()
    uk = review("pennant-payments", "head-of-business-operations")
    text = " ".join(b.text for s in uk.sections for b in s.all_bullets())
    assert "regulator examinations" not in text


def test_a_batch_row_gives_languages_and_office_days(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "role,city,country,work_arrangement,office_days,languages,preferred_languages\n"
        "vpo,Berlin,DE,hybrid,3,English;German,Polish\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["batch", str(rows), "-o", str(out), "--format", "md"])
    assert result.exit_code == 0, result.output
    text = next(out.glob("*.md")).read_text(encoding="utf-8")
    assert "Fluent English and German, spoken and written." in text
    assert "Polish, spoken and written." in text
    assert "with three days a week in our office." in text
