"""Every field of a company file survives the web form: shown in the build form, posted
back, saved as a profile or in a draft, and loaded again, it is the same company."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from webhelpers import client_for, post_form

from jdgen.models import Company
from jdgen.web.fields import company_paths
from jdgen.web.forms import company_from_form, flatten

#: A company with every field of the company file set (``test_every_field_is_set`` keeps it so).
FULL: dict[str, Any] = {
    "name": "Acme Widgets",
    "confidential": False,
    "about": "Acme Widgets makes precision valves for water utilities.",
    "website": "https://acme.example",
    "size": 60,
    "industry": "manufacturing",
    "description": "makes stainless-steel valves for water utilities",
    "business_model": "b2b-products",
    "sector": "foundry",
    "systems": ["SAP", "Power BI"],
    "unionised": True,
    "languages": ["English", "German"],
    "preferred_languages": ["Czech", "Polish"],
    "sites": 2,
    "countries": 1,
    "length": "long",
    "locations": [
        {"city": "Denver", "region": "CO", "country": "US"},
        {
            "city": "Pueblo",
            "region": "CO",
            "country": "US",
            "postal_code": "81003",
            "street": "1 Main St",
        },
    ],
    "work_arrangement": "hybrid",
    "office_days": 3,
    "remote_regions": ["Colorado", "Utah"],
    "employment_type": "full-time",
    "salary": {"min": 120000, "max": 150000, "currency": "USD", "period": "year"},
    "variable_pay": {
        "bonus_target_percent": 15,
        "on_target_earnings": {"min": 140000, "max": 175000, "currency": "USD", "period": "year"},
        "commission": "uncapped commission on new bookings",
        "equity": "stock options that vest over four years",
    },
    "flsa_status": "exempt",
    "visa_sponsorship": False,
    "security_clearance": "U.S. government Secret",
    "drivers_license": True,
    "travel": {"percent": 20, "destinations": "our two plants and suppliers"},
    "work_setting": "mixed",
    "work_environment": True,
    "benefits": [
        "Health, dental and vision insurance",
        {"text": "Overtime pay at time and a half", "levels": ["manager"]},
        {"text": "A company car", "levels": ["director", "vp"]},
    ],
    "equal_opportunity": "Acme Widgets is an equal opportunity employer.",
    "how_to_apply": "https://acme.example/careers",
    "date_posted": "2026-12-01",
    "closing_date": "2026-12-31",
    "locale": "en_US",
    "title_suffix": "(all genders)",
    "existing_vacancy": True,
    "ai_screening": False,
    "posting": {
        "title": "Director of Plant Operations",
        "team": "two shift supervisors and a maintenance planner",
        "add_responsibilities": ["Open the second plant in Pueblo."],
        "add_skills": ["Lean manufacturing"],
        "remove": ["vendor-contract-review"],
        "extra_sections": [
            {
                "heading": "Our plants",
                "paragraphs": ["Two plants, one team."],
                "bullets": ["Denver", "Pueblo"],
            }
        ],
        "career_path": True,
        "requisition_id": "REQ-2041",
        "length": "standard",
        "job_code": "OPS-210",
        "grade": "M3",
        "department": "Plant operations",
    },
}


def same_company(data: dict[str, Any]) -> dict[str, Any]:
    dumped = Company.model_validate(data).model_dump()
    dumped["size"] = str(dumped["size"])  # a headcount comes back from the form as "60"
    return dumped


def set_paths(value: Any, prefix: str = "") -> set[str]:
    """The field paths a mapping sets, lists of blocks as ``*`` (``locations.*.city``)."""
    if isinstance(value, dict):
        found = {prefix[:-1]} if prefix else set()
        for key, item in value.items():
            found |= set_paths(item, f"{prefix}{key}.")
        return found
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        found = {prefix[:-1]}
        for item in value:
            found |= set_paths(item, f"{prefix}*.")
        return found
    return {prefix[:-1]}


def test_every_field_is_set() -> None:
    """A field the company file gains must be added to FULL, and so is checked below."""
    assert set(company_paths()) <= set_paths(FULL) | {"benefits"}
    Company.model_validate(FULL)


def test_the_form_shows_and_posts_back_every_field() -> None:
    form = flatten(FULL)
    assert form["benefits"].splitlines() == [
        "Health, dental and vision insurance",
        "Overtime pay at time and a half [for: manager]",
        "A company car [for: director, vp]",
    ]
    assert same_company(company_from_form(form)) == same_company(FULL)


def test_a_profile_and_a_draft_keep_every_field(tmp_path: Path) -> None:
    client = client_for(tmp_path / "drafts.sqlite3")
    form = {**flatten(FULL), "role": "director-of-operations", "edits": "[]"}
    assert post_form(client, "/profiles/save", {**form, "profile_name": "Acme"}).status_code == 200
    profile = client.get("/api/profiles/1").json()["latest"]["data"]
    assert same_company(profile) == same_company(FULL)
    page = client.get("/?profile=1").text
    assert "A company car [for: director, vp]" in page
    saved = post_form(client, "/drafts/save", {**form, "draft_name": "D"})
    draft_id = saved.headers["HX-Push-Url"].removeprefix("/?draft=")
    draft = client.get(f"/api/drafts/{draft_id}").json()["latest"]["data"]
    assert same_company(draft["company"]) == same_company(FULL)


def test_a_benefit_for_an_unknown_level_is_a_message_beside_the_benefits(tmp_path: Path) -> None:
    client = client_for(tmp_path / "drafts.sqlite3")
    form = {**flatten(FULL), "role": "director-of-operations", "edits": "[]"}
    page = post_form(client, "/preview", {**form, "benefits": "A company car [for: boss]"})
    assert (
        '<p class="err" hx-swap-oob="true" id="err-benefits" role="alert">'
        "benefits.0.levels: unknown level &#39;boss&#39; (expected one of"
    ) in page.text
