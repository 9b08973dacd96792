"""The shipped catalog names the laws a job works under (issue 10, review r6: 29 of 46
postings had a law missing, vague or in the wrong section): the job's state's own
privacy law, HIPAA as a condition of a hospital contact centre's work, Germany's Supply
Chain Due Diligence Act from 1,000 employees, the works council where a German company
has one, and a province's own acts."""

from __future__ import annotations

from typing import Any

import pytest

import jdgen
from jdgen import Catalog, Company, JobDescription


def post(catalog: Catalog, role: str, **company: Any) -> JobDescription:
    return jdgen.generate(role, Company(**company), catalog=catalog)


def parts(jd: JobDescription) -> dict[str, list[str]]:
    quals = jd.section("qualifications")
    assert quals is not None
    return {sub.id: [b.text for b in sub.bullets] for sub in quals.subsections}


def duties(jd: JobDescription) -> list[str]:
    section = jd.section("responsibilities")
    assert section is not None
    return [b.text for b in section.all_bullets()]


def everything(jd: JobDescription) -> str:
    found = parts(jd)
    return "\n".join(duties(jd) + found.get("required", []) + found.get("preferred", []))


@pytest.mark.parametrize(
    ("region", "law"),
    [
        ("CO", "the Colorado Privacy Act"),
        ("CA", "the California Consumer Privacy Act (CCPA), as amended by the CPRA"),
        ("NY", "New York's SHIELD Act"),
    ],
)
def test_a_software_company_names_its_states_privacy_law(
    catalog: Catalog, region: str, law: str
) -> None:
    jd = post(
        catalog,
        "customer-success-operations-manager",
        size=5,
        industry="technology",
        locations=[{"city": "Springfield", "region": region, "country": "US"}],
    )
    text = everything(jd)
    assert f"Working knowledge of {law}." in text
    assert "US state privacy laws" not in text


def test_hipaa_is_required_for_a_hospitals_contact_centre(catalog: Catalog) -> None:
    jd = post(
        catalog,
        "customer-operations-manager",
        size=8000,
        industry="healthcare",
        locations=[{"city": "Sacramento", "region": "CA", "country": "US"}],
    )
    found = parts(jd)
    law = (
        "Working knowledge of HIPAA privacy and security rules and California's "
        "Confidentiality of Medical Information Act (CMIA)."
    )
    assert law in found["required"]
    assert not any("HIPAA" in line for line in found.get("preferred", []))
    # outside California, HIPAA alone
    texas = parts(post(catalog, "customer-operations-manager", size=8000, industry="healthcare",
                       locations=[{"city": "Austin", "region": "TX", "country": "US"}]))  # fmt: skip
    assert "Working knowledge of HIPAA privacy and security rules." in texas["required"]


BERLIN = [{"city": "Berlin", "country": "DE"}]
LKSG = "Supply Chain Due Diligence Act (LkSG)"


def test_the_supply_chain_due_diligence_act_binds_from_1000_employees_in_germany(
    catalog: Catalog,
) -> None:
    big = post(catalog, "chief-supply-chain-officer", size=1500, industry="manufacturing",
               locations=BERLIN)  # fmt: skip
    assert any(LKSG in d for d in duties(big))
    small = post(catalog, "chief-supply-chain-officer", size=900, industry="manufacturing",
                 locations=BERLIN)  # fmt: skip
    assert LKSG not in everything(small)
    leeds = post(catalog, "chief-supply-chain-officer", size=1500, industry="manufacturing",
                 locations=[{"city": "Leeds", "country": "GB"}])  # fmt: skip
    assert LKSG not in everything(leeds)
    # the manager knows the act; the executive runs it
    manager = post(catalog, "supply-chain-manager", size=1500, industry="manufacturing",
                   locations=BERLIN)  # fmt: skip
    assert LKSG in everything(manager)


def test_a_german_supply_chain_executive_involves_the_works_council(catalog: Catalog) -> None:
    jd = post(catalog, "chief-supply-chain-officer", size=1500, industry="manufacturing",
              locations=BERLIN, unionised=True)  # fmt: skip
    assert any("works council (Betriebsrat)" in d and "§§ 90 and 111" in d for d in duties(jd))
    plain = post(catalog, "chief-supply-chain-officer", size=1500, industry="manufacturing",
                 locations=BERLIN)  # fmt: skip
    assert "Betriebsrat" not in everything(plain)


def test_ontario_names_its_employment_standards_act(catalog: Catalog) -> None:
    jd = post(catalog, "operations-director", size=120, industry="general",
              locations=[{"city": "Mississauga", "region": "ON", "country": "CA"}])  # fmt: skip
    assert (
        "Working knowledge of Ontario's Occupational Health and Safety Act; the Employment "
        "Standards Act, 2000; and PIPEDA."
    ) in parts(jd)["preferred"]


def test_the_law_a_business_trades_under_is_required_of_those_who_run_it(
    catalog: Catalog,
) -> None:
    chicago = [{"city": "Chicago", "region": "IL", "country": "US"}]
    broker = parts(post(catalog, "logistics-manager", size=5, industry="logistics",
                        business_model="freight-brokerage", locations=chicago))  # fmt: skip
    assert any("FMCSA broker registration" in line for line in broker["required"])
    assert not any("FMCSA" in line for line in broker.get("preferred", []))
    cleveland = [{"city": "Cleveland", "region": "OH", "country": "US"}]
    foundry = parts(post(catalog, "director-of-operations", size=40, industry="manufacturing",
                         sector="foundry", locations=cleveland))  # fmt: skip
    silica = (
        "Working knowledge of OSHA standards, including the respirable crystalline silica "
        "standard (29 CFR 1910.1053)."
    )
    assert silica in foundry["required"]
    # where the work only touches the floor it helps (Preferred), or a duty says it
    improver = parts(post(catalog, "process-improvement-manager", size=40,
                          industry="manufacturing", sector="foundry", locations=cleveland,
                          length="long"))  # fmt: skip
    assert not any("1910.1053" in line for line in improver["required"])
