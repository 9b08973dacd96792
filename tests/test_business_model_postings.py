"""The shipped catalog speaks each review company's business model (issue 10 item 3): a
freight broker books loads on carriers' trucks and keeps no warehouse, a 3PL ships its
clients' stock, a foundry's online ordering is a customer portal, not a store, and a
bank's Fulfillment Manager fills card and document requests."""

from __future__ import annotations

from pathlib import Path

import pytest

import jdgen
from jdgen import JobDescription
from jdgen.render.markdown import render_markdown

COMPANIES = Path(__file__).parent / "review" / "companies"


def posting(role: str, company: str) -> JobDescription:
    catalog = jdgen.load_catalog()
    return jdgen.generate(role, jdgen.load_company(COMPANIES / f"{company}.yaml", catalog))


def text(jd: JobDescription) -> str:
    return render_markdown(jd)


@pytest.mark.parametrize("role", ["vp-of-logistics", "logistics-manager"])
def test_a_freight_brokers_postings_have_no_trucks_or_warehouses(role: str) -> None:
    body = text(posting(role, "relay-freight"))
    for word in ("our own trucks", "fleet", "drivers' hours", "Warehouse management", "WMS"):
        assert word not in body, word
    assert "Inventory record accuracy" not in body
    assert "carrier" in body and "margin per load" in body
    assert "FMCSA broker registration" in body  # the broker's own rules, not a motor carrier's


@pytest.mark.parametrize("role", ["chief-logistics-officer", "vp-of-supply-chain"])
def test_a_3pls_postings_hold_their_clients_stock_and_run_no_fleet(role: str) -> None:
    body = text(posting(role, "kestrel-logistics"))
    for words in ("own fleet", "where inventory sits", "days of stock", "Inventory turns"):
        assert words not in body, words
    assert "FMCSA" not in body  # no motor-carrier rules for a 3PL that runs no trucks
    assert "client" in body


def test_a_foundrys_online_ordering_is_a_customer_portal() -> None:
    body = text(posting("ecommerce-operations-manager", "northfield-castings"))
    for words in ("online store", "storefront", "Return rate", "never sells", "merchandising or"):
        assert words not in body, words
    assert "customer portal" in body and "EDI" in body


def test_a_banks_fulfillment_manager_fills_requests_and_answers_to_operations() -> None:
    jd = posting("fulfillment-manager", "meridian-bank")
    body = text(jd)
    assert jd.metadata.reports_to.title == "Director of Operations"
    for words in ("Units picked", "warehouse or order management system", "engineered standards"):
        assert words not in body, words
    assert "card" in body and "Requests fulfilled per staff hour" in body
