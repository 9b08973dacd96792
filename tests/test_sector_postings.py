"""The shipped sectors in the review set's postings (review r5 pattern 1): an online
grocer's postings lead with the cold chain, spoilage and delivery slots, a foundry's with
molten metal, silica and casting defects, a payments firm's with chargebacks and payouts,
a food-freight broker's with refrigerated loads and temperature records, and none carries the line another sector would (returned stock back on sale, parcel rate
cards, branch operations).  The choice is checked at every door: company file, the
command line's --industry, and the web form."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

import jdgen
from jdgen.cli import cli
from jdgen.company import load_company
from jdgen.render.markdown import render_markdown
from jdgen.tailor import tailor

COMPANIES = Path(__file__).parent / "review" / "companies"


@cache
def catalog() -> jdgen.Catalog:
    return jdgen.load_catalog()


def posting(role: str, company: str) -> str:
    cat = catalog()
    co = load_company(COMPANIES / f"{company}.yaml", cat)
    return render_markdown(tailor(cat.find_role(role), co, cat))


CASES = [
    (
        "basil-and-crate",
        ["fulfillment-manager", "chief-supply-chain-officer", "ecommerce-operations-manager"],
        ["cold chain", "spoil", "delivery slot", "growers", "FSMA"],
        ["back on sale", "parcel rate cards", "carrier cut-offs as late"],
    ),
    (
        "northfield-castings",
        ["director-of-operations", "process-improvement-manager", "revenue-operations-manager"],
        ["silica", "molten metal", "casting defects", "melt", "casting quotes", "foundry"],
        ["parcel rate cards", "Experience in a manufacturing or industrial plant"],
    ),
    (
        "pennant-payments",
        [
            "customer-operations-manager",
            "head-of-business-operations",
            "product-operations-manager",
        ],
        ["chargeback", "payout", "card-scheme", "merchant", "safeguard"],
        ["branch and account operations", "balance questions", "model-risk"],
    ),
    (
        "harbor-supply",
        ["operations-director", "supply-chain-manager", "director-of-logistics"],
        ["TDG", "WHMIS", "route day", "fill rate", "safety data sheet"],
        ["Customer satisfaction (CSAT or NPS)", "Productivity across the operation"],
    ),
    (
        "st-brigid-health",
        ["customer-operations-manager", "director-of-operations", "chief-administrative-officer"],
        ["EMTALA", "bed huddle", "unannounced Joint Commission survey", "insurance checks"],
        ["clinics run to time"],
    ),
    (
        "meridian-bank",
        ["fulfillment-manager", "vp-of-customer-experience", "chief-operating-officer"],
        ["cards and PINs", "scams", "retail bank"],
        ["Experience in regulated financial services"],
    ),
    (
        "harrow-and-finch",
        [
            "director-of-supply-chain",
            "operations-manager",
            "director-of-business-process-optimization",
        ],
        [
            "Furniture and Furnishings (Fire) (Safety) Regulations",
            "furniture delivery dates",
            "furniture orders",
        ],
        ["Experience in a multi-store retail business"],
    ),
    (
        "kestrel-logistics",
        ["fulfillment-manager", "chief-logistics-officer", "warehouse-supervisor"],
        ["routing guide", "chargebacks", "new client live"],
        ["Experience in a multi-store retail business"],
    ),
    (
        "lakeshore-outfitters",
        ["vp-of-logistics", "ecommerce-operations-manager"],
        ["stove fuel, bear spray", "canoes, kayaks", "limited quantities"],
        ["Experience in a multi-store retail business"],
    ),
    (
        "relay-freight",
        ["vp-of-logistics", "logistics-manager", "logistics-coordinator"],
        ["refrigerated", "temperature", "sanitary transportation rule"],
        ["dangerous-goods rules"],
    ),
]


@pytest.mark.parametrize(("company", "roles", "core", "wrong"), CASES, ids=[c[0] for c in CASES])
def test_the_sectors_core_is_in_its_postings_and_other_sectors_lines_are_not(
    company: str, roles: list[str], core: list[str], wrong: list[str]
) -> None:
    texts = [posting(role, company) for role in roles]
    together = "\n".join(texts).lower()
    missing = [word for word in core if word.lower() not in together]
    assert not missing, missing
    for role, text in zip(roles, texts, strict=True):
        found = [line for line in wrong if line.lower() in text.lower()]
        assert not found, (role, found)
    for role, text in zip(roles, texts, strict=True):  # every posting of the three has some
        assert any(word.lower() in text.lower() for word in core), role


def test_a_hospital_names_its_accreditation_only_where_the_role_touches_it() -> None:
    # the Joint Commission's survey is the Director of Operations' and the CAO's to
    # prepare for; patient access answers for EMTALA and price estimates instead
    access = posting("customer-operations-manager", "st-brigid-health")
    assert "Joint Commission" not in access
    assert "Working knowledge of EMTALA and the No Surprises Act's good-faith estimates" in access
    # HIPAA is a condition of the job there, asked for under Required (tests/test_named_laws.py)
    required = access.split("### Required", 1)[1].split("### Preferred", 1)[0]
    assert "HIPAA privacy and security rules" in required
    for role in ("director-of-operations", "chief-administrative-officer"):
        assert "Keep us ready for an unannounced Joint Commission survey on any day" in posting(
            role, "st-brigid-health"
        )


def test_harbors_hazardous_products_are_required_knowledge_where_they_are_handled() -> None:
    logistics = posting("director-of-logistics", "harbor-supply")
    required = logistics.split("### Required", 1)[1].split("### Preferred", 1)[0]
    assert (
        "- Working knowledge of the TDG Regulations and WHMIS 2015, for the hazardous "
        "products we store and deliver.\n" in required
    )
    buying = posting("supply-chain-manager", "harbor-supply")
    assert "Keep a current WHMIS 2015 safety data sheet and supplier label" in buying
    sales = posting("sales-operations-manager", "harbor-supply")
    assert "TDG" not in sales and "WHMIS" not in sales  # sales ops handles no chemicals
    assert "manufacturers' rebates" in sales


def test_another_industry_on_the_command_line_drops_the_files_sector() -> None:
    grocer = str(COMPANIES / "basil-and-crate.yaml")
    runner = CliRunner()
    plant = runner.invoke(
        cli, ["generate", "fulfillment-manager", "--company", grocer, "--industry", "manufacturing"]
    )
    assert plant.exit_code == 0, plant.stderr
    assert "cold chain" not in plant.stdout.lower()
    shop = runner.invoke(
        cli, ["generate", "fulfillment-manager", "--company", grocer, "--industry", "retail"]
    )
    assert shop.exit_code == 0 and "cold chain" in shop.stdout.lower()  # grocery is retail too


def test_a_bad_sector_in_a_company_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "company.yaml"
    path.write_text("industry: manufacturing\nsector: bakery shop\n")
    result = CliRunner().invoke(cli, ["generate", "vpo", "--company", str(path)])
    assert result.exit_code != 0
    assert result.stderr.strip() == (
        f"error: {path}: sector: expected one of food-and-beverage, foundry for industry "
        "manufacturing, got 'bakery shop'"
    )


def test_the_web_form_names_a_bad_sector_under_its_field() -> None:
    pytest.importorskip("fastapi")
    from jdgen.web.service import company_errors

    company, errors = company_errors({"industry": "retail", "sector": "payments"}, catalog())
    assert company is None
    assert [(e.loc, e.msg) for e in errors] == [
        (
            ("company", "sector"),
            "'payments' is a sector of financial-services, not retail "
            "(expected one of grocery, home-furnishings, outdoor-gear for industry retail)",
        )
    ]
    company, errors = company_errors({"industry": "retail", "sector": "Grocery"}, catalog())
    assert company is not None and not errors
