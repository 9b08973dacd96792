"""The laws a posting names (issue 10, review r6 "missing or vague law"), on the fixture
catalog with an overlaid country table and industry: a law named as the job's country
and state or province name it (``laws`` and ``regions``, the fallback's generic wording
for a key a country leaves out), a law the job cannot be done without in Required and
the others in Preferred, one line per topic across both, and laws with commas of their
own listed so that a reader sees where each ends."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import jdgen
from jdgen import Catalog, Company, JobDescription
from jdgen.errors import CatalogError
from jdgen.text import join_list

FIXTURE = Path(__file__).parent / "fixtures" / "catalog"

LAWS: dict[str, Any] = {
    "US": {
        "privacy_laws": "state privacy laws",
        "laws": {"trucks": "the Federal Truck Rule (49 CFR 1)", "records": "the Records Act"},
        "regions": {
            "CO": {"privacy_laws": "the Colorado Privacy Act"},
            "CA": {"laws": {"records": "the Records Act and the California Records Act"}},
        },
    },
    "GB": {"laws": {"trucks": "the Lift Truck Code (L117)"}},
}
FALLBACK_LAWS = {"trucks": "the rules on trucks", "records": "records law"}

WIDGET_LAWS = [
    # the job cannot be done without it: Required
    {"text": "{{ country.laws.records }}", "topic": "records", "required": True,
     "when": {"functions": ["running"]}},
    # the same topic for the stock manager: asked once, in Preferred
    {"text": "{{ country.laws.records }}", "topic": "records", "when": {"functions": ["stock"]}},
    {"text": "{{ country.laws.trucks }}", "topic": "trucks", "when": {"functions": ["running", "stock"]}},
    {"text": "{{ country.privacy_laws }}", "topic": "privacy", "when": {"functions": ["running"]}},
]  # fmt: skip


def build(root: Path, regulations: list[Any] | None = None) -> Catalog:
    extra = root / "overlay"
    (extra / "industries").mkdir(parents=True)
    table = yaml.safe_load((FIXTURE / "countries.yaml").read_text())
    for entry in table["countries"]:
        entry.update(LAWS.get(entry["code"], {}))
    table["fallback"]["laws"] = FALLBACK_LAWS
    (extra / "countries.yaml").write_text(yaml.safe_dump(table, allow_unicode=True))
    widgets = yaml.safe_load((FIXTURE / "industries" / "widgets.yaml").read_text())
    widgets["regulations"] = WIDGET_LAWS if regulations is None else regulations
    (extra / "industries" / "widgets.yaml").write_text(yaml.safe_dump(widgets))
    return jdgen.load_catalog(FIXTURE, extra, builtin=False)


@pytest.fixture(scope="module")
def cat(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return build(tmp_path_factory.mktemp("laws"))


def post(cat: Catalog, role: str = "ops-manager", **company: Any) -> JobDescription:
    company.setdefault("size", 500)
    company.setdefault("industry", "widgets")
    return jdgen.generate(role, Company(**company), catalog=cat)


def parts(jd: JobDescription) -> dict[str, list[str]]:
    quals = jd.section("qualifications")
    assert quals is not None
    return {sub.id: [b.text for b in sub.bullets] for sub in quals.subsections}


def at(city: str, region: str | None, country: str) -> list[dict[str, str]]:
    place = {"city": city, "country": country}
    return [{**place, "region": region}] if region else [place]


def test_a_law_the_job_cannot_be_done_without_is_required(cat: Catalog) -> None:
    found = parts(post(cat, locations=at("Denver", "CO", "US")))
    assert "Knows the Records Act." in found["required"]
    assert (
        "Knows the Federal Truck Rule (49 CFR 1) and the Colorado Privacy Act."
        in found["preferred"]
    )
    assert not any("Records Act" in line for line in found["preferred"])


def test_the_same_law_is_preferred_where_it_only_helps(cat: Catalog) -> None:
    found = parts(post(cat, "stock-manager", locations=at("Denver", "CO", "US")))
    assert not any("Records Act" in line for line in found["required"])
    assert "Knows the Records Act and the Federal Truck Rule (49 CFR 1)." in found["preferred"]


def test_the_states_own_law_replaces_the_countrys_key_by_key(cat: Catalog) -> None:
    found = parts(post(cat, locations=at("Sacramento", "CA", "US")))
    assert "Knows the Records Act and the California Records Act." in (found["required"])
    # the state gives no privacy law or truck rule of its own: the country's stand
    assert "Knows the Federal Truck Rule (49 CFR 1) and state privacy laws." in found["preferred"]


def test_a_key_the_country_leaves_out_is_the_fallbacks_generic_wording(cat: Catalog) -> None:
    found = parts(post(cat, locations=at("Leeds", None, "GB")))
    assert "Knows records law." in found["required"]
    assert "Knows the Lift Truck Code (L117) and privacy laws." in (found["preferred"])
    # a country without an entry: every key the fallback's
    found = parts(post(cat, locations=at("Oslo", None, "NO")))
    assert "Knows records law." in found["required"]


def test_a_law_a_duty_names_already_is_not_asked_again(tmp_path: Path) -> None:
    cat = build(tmp_path, [{"text": "OSHA rules", "required": True}, "the Records Act"])
    found = parts(post(cat, locations=at("Denver", "CO", "US")))
    # the widget industry's own duty keeps the line "safe under OSHA rules"
    assert not any("OSHA" in line for line in found["required"] + found["preferred"])
    assert "Knows the Records Act." in found["preferred"]


def test_a_law_key_no_entry_gives_is_an_error_that_names_it(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="nonsense"):
        build(tmp_path, [{"text": "{{ country.laws.nonsense }}", "required": True}])


def test_laws_with_commas_of_their_own_are_listed_with_a_comma_before_the_last() -> None:
    assert (
        join_list(["OSHA's standards (29 CFR Part 1910), including trucks", "the DOT rules"])
        == "OSHA's standards (29 CFR Part 1910), including trucks, and the DOT rules"
    )
    assert join_list(["the Colorado Privacy Act", "PCI DSS"]) == (
        "the Colorado Privacy Act and PCI DSS"
    )
    assert join_list(["A", "B", "C"]) == "A, B and C"
    assert join_list(["A", "B", "C and D"]) == "A, B, and C and D"
    # of two, the last one's own "and" needs no comma before it
    assert join_list(["EMTALA", "the rules on uninsured and self-pay patients"]) == (
        "EMTALA and the rules on uninsured and self-pay patients"
    )
    assert join_list(["the Employment Standards Act, 2000", "PIPEDA"]) == (
        "the Employment Standards Act, 2000, and PIPEDA"
    )
    # three or more, one with a comma of its own: semicolons keep them apart
    assert join_list(["Ontario's Act", "the Employment Standards Act, 2000", "PIPEDA"]) == (
        "Ontario's Act; the Employment Standards Act, 2000; and PIPEDA"
    )
