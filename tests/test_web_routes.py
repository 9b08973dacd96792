"""jdgen serve, route by route with FastAPI's test client: pages, fragments, the JSON API."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from webhelpers import ACME_FORM, FIXTURES, acme, client_for, csrf, post_form

FORMATS = ["docx", "md", "html", "txt", "json"]


@pytest.fixture
def client(tmp_path: Path):
    return client_for(tmp_path / "drafts.sqlite3")


def cli_bytes(tmp_path: Path, fmt: str, env: dict[str, str], *options: str) -> bytes:
    out = tmp_path / f"cli.{fmt}"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "jdgen",
            "generate",
            "director-of-operations",
            "--company",
            str(FIXTURES / "acme.yaml"),
            "-o",
            str(out),
            *options,
        ],
        check=True,
        env=env,
        capture_output=True,
    )
    return out.read_bytes()


@pytest.mark.parametrize("kind", ["posting", "description"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_download_is_byte_identical_to_the_cli(
    client, tmp_path: Path, monkeypatch, fmt: str, kind: str
) -> None:
    """Every download, of the posting and of the internal description (the form's
    "Document" choice, generate's --kind), is the file generate writes."""
    import os

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764547200"}
    expected = cli_bytes(tmp_path, fmt, env, "--kind", kind)
    page = post_form(client, "/download", {**ACME_FORM, "format": fmt, "kind": kind})
    assert page.status_code == 200
    name = "director-of-operations" + ("-description" if kind == "description" else "")
    assert page.headers["content-disposition"] == f'attachment; filename="{name}.{fmt}"'
    assert page.content == expected
    api = client.post(
        f"/api/render/{fmt}",
        json={"role": "Director of Operations", "company": acme(), "kind": kind},
    )
    assert api.status_code == 200
    assert api.content == expected


def test_the_pay_range_of_one_posting_downloads_as_generate_salary_writes_it(
    client, tmp_path: Path, monkeypatch
) -> None:
    import os

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764547200"}
    expected = cli_bytes(tmp_path, "md", env, "--salary", "135k-165k")
    assert "$135,000" in expected.decode()
    form = {**ACME_FORM, "format": "md", "salary_range": "135k-165k"}
    assert post_form(client, "/download", form).content == expected
    preview = post_form(client, "/preview", form)
    assert "$135,000" in preview.text and "$120,000" not in preview.text
    api = client.post(
        "/api/render/md",
        json={"role": "director-of-operations", "company": acme(), "salary_range": "135k-165k"},
    )
    assert api.content == expected


def test_a_bad_pay_range_is_a_message_beside_its_field(client) -> None:
    page = post_form(client, "/preview", {**ACME_FORM, "salary_range": "lots"})
    assert (
        'id="err-salary_range" role="alert">expected a range such as 120k-150k or '
        "$120,000-$150,000, got &#39;lots&#39;</p>"
    ) in page.text
    api = client.post(
        "/api/posting", json={"role": "director-of-operations", "salary_range": "lots"}
    )
    assert api.status_code == 422
    assert api.json()["detail"][0]["loc"] == ["body", "salary_range"]


def test_the_internal_description_has_no_job_posting(client) -> None:
    api = client.post(
        "/api/render/jsonld", json={"role": "director-of-operations", "kind": "description"}
    )
    assert api.status_code == 422
    assert api.json()["detail"][0]["loc"] == ["body", "kind"]
    assert "for postings only" in api.json()["detail"][0]["msg"]
    bad = post_form(client, "/preview", {**ACME_FORM, "kind": "memo"})
    assert 'id="err-kind" role="alert">Input should be &#39;posting&#39; or' in bad.text


def test_the_heading_names_the_document_chosen(client) -> None:
    """Choosing the internal description renames the form's heading on the next preview
    (an out-of-band swap) and on a page opened with that choice (a saved draft)."""
    assert '<h1 id="build-heading">Build a posting</h1>' in client.get("/").text
    swap = post_form(client, "/preview", {**ACME_FORM, "kind": "description"})
    assert (
        '<h1 id="build-heading" hx-swap-oob="true">Build an internal job description</h1>'
        in swap.text
    )
    assert "<title>Build an internal job description · jdgen</title>" in swap.text
    back = post_form(client, "/preview", {**ACME_FORM, "kind": "posting"})
    assert '<h1 id="build-heading" hx-swap-oob="true">Build a posting</h1>' in back.text
    post_form(client, "/drafts/save", {**ACME_FORM, "kind": "description", "draft_name": "HR"})
    page = client.get("/?draft=1").text
    assert '<h1 id="build-heading">Build an internal job description</h1>' in page
    assert "<title>Build an internal job description" in page


def test_build_page_shows_form_roles_preview_and_checks(client) -> None:
    page = client.get("/?role=vpo")
    assert page.status_code == 200
    html = page.text
    assert '<input type="radio" name="role" value="vp-of-operations" checked>' in html
    assert "<h1>VP of Operations</h1>" in html
    assert 'id="f-salary-min"' in html and 'id="err-salary-min"' in html
    assert 'class="score' in html  # the checks are beside the preview
    assert "<script>" not in html and "style=" not in html  # nothing inline (CSP)
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_on_a_phone_a_bar_leads_to_the_form_preview_and_checks_with_the_score(client) -> None:
    """The three panels stack on narrow screens; the bar at the bottom links to each and
    shows the score of the checks, refreshed with them."""
    import re

    html = client.get("/").text
    bar = re.search(r'<nav class="jump-bar"[^>]*>(.*?)</nav>', html, re.S)
    assert bar is not None
    links = re.findall(r'<a href="(#[^"]+)">', bar.group(1))
    assert links == ["#build", "#preview-heading", "#checks-heading"]
    for target in ("build", "preview-heading", "checks-heading"):
        assert f'id="{target}"' in html
    score = re.search(r'<span class="big">(\d+)</span>', html)
    assert score is not None
    assert f'<span id="bar-score">{score.group(1)}/100</span>' in bar.group(1)
    checks = post_form(client, "/checks", {"role": "director-of-operations", "size": "40"})
    fresh = re.search(r'<span class="big">(\d+)</span>', checks.text)
    assert fresh is not None
    assert f'<span id="bar-score" hx-swap-oob="true">{fresh.group(1)}/100</span>' in checks.text
    broken = post_form(client, "/preview", {"role": "director-of-operations", "size": "huge"})
    assert '<span id="bar-score" hx-swap-oob="true"></span>' in broken.text


def test_preview_follows_size_and_industry(client) -> None:
    small = post_form(
        client,
        "/preview",
        {"role": "director-of-operations", "size": "small", "industry": "manufacturing"},
    )
    large = post_form(
        client,
        "/preview",
        {"role": "director-of-operations", "size": "enterprise", "industry": "manufacturing"},
    )
    assert small.status_code == large.status_code == 200
    # a company of 50 has no COO yet (from 250 people); a large one's Director of
    # Operations reports to the VP of Operations
    assert "report to the Chief Executive Officer" in small.text
    assert "report to the VP of Operations" in large.text
    assert small.text != large.text
    assert 'hx-post="/checks"' in small.text  # the checks follow the preview


def test_field_errors_have_the_cli_messages_beside_the_field(client) -> None:
    page = post_form(client, "/preview", {"role": "vpo", "size": "huge"})
    assert page.status_code == 200
    assert (
        '<p class="err" hx-swap-oob="true" id="err-size" role="alert">'
        "expected one of startup, small, mid-size, large, enterprise or a headcount, got &#39;huge&#39;</p>"
    ) in page.text
    page = post_form(
        client, "/preview", {"role": "vpo", "salary.min": "150000", "salary.max": "120000"}
    )
    assert 'id="err-salary" role="alert">min (150000) is greater than max (120000)</p>' in page.text
    page = post_form(client, "/preview", {"role": "Director of Opps"})
    assert "did you mean: director-of-operations (Director of Operations)," in page.text


def test_user_values_are_escaped(client) -> None:
    page = post_form(
        client,
        "/preview",
        {"role": "vpo", "name": "<b>A</b>", "about": "<script>alert(1)</script>"},
    )
    assert "<script>alert(1)" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_form_posts_need_the_csrf_token(client) -> None:
    client.get("/")
    refused = client.post("/preview", data={"role": "vpo"})
    assert refused.status_code == 403
    cross = client.post(
        "/preview",
        data={"role": "vpo", "csrf_token": csrf(client)},
        headers={"origin": "https://evil.example"},
    )
    assert cross.status_code == 403


def test_role_search_is_fuzzy_and_grouped_by_level(client) -> None:
    found = client.get("/api/roles", params={"q": "supply"}).json()
    titles = [r["title"] for g in found["groups"] for r in g["roles"]]
    assert "Chief Supply Chain Officer" in titles
    levels = [g["level"] for g in found["groups"]]
    assert levels == sorted(set(levels), key=levels.index)  # one group per level
    near = client.get("/api/roles", params={"q": "Director of Opps"}).json()
    assert near["groups"][0]["roles"][0]["id"] == "director-of-operations"
    fragment = client.get("/roles/search", params={"q": "vpo"})
    assert 'value="vp-of-operations"' in fragment.text


def test_api_posting_is_the_cli_json(client, tmp_path: Path) -> None:
    body = client.post("/api/posting", json={"role": "vpo", "company": {"size": "small"}})
    assert body.status_code == 200
    jd = body.json()
    assert jd["title"] == "VP of Operations" and jd["metadata"]["size"] == "small"


@pytest.mark.parametrize(
    ("payload", "loc", "message"),
    [
        ({"role": "vpo", "company": {"size": "huge"}}, ["body", "company", "size"], "got 'huge'"),
        (
            {"role": "vpo", "company": {"industy": "x"}},
            ["body", "company", "industy"],
            "unknown field",
        ),
        ({"role": "nope-nope"}, ["body", "role"], "no role 'nope-nope'"),
        (
            {"role": "vpo", "company": {"salary": {"min": 3, "max": 1}}},
            ["body", "company", "salary"],
            "greater than max",
        ),
        (
            {"role": "vpo", "company": {"posting": {"remove": ["x-y"]}}},
            ["body", "company", "posting", "remove"],
            "is not a responsibility",
        ),
        (
            {"role": "vpo", "edits": [{"op": "explode", "bullet": "x"}]},
            ["body", "edits", 0, "op"],
            "Input should be",
        ),
    ],
)
def test_api_bad_input_is_422_with_the_field_path(client, payload, loc, message) -> None:
    answer = client.post("/api/lint", json=payload)
    assert answer.status_code == 422
    detail = answer.json()["detail"]
    assert any(d["loc"] == loc and message in d["msg"] for d in detail), detail


def test_api_lint_reports_pay_transparency(client) -> None:
    company = {**acme(), "salary": None}
    company.pop("salary")
    report = client.post(
        "/api/lint",
        json={
            "role": "vpo",
            "company": {
                **company,
                "locations": [{"city": "Denver", "region": "CO", "country": "US"}],
            },
        },
    ).json()
    pay = [f for f in report["findings"] if f["check"] == "pay-transparency"]
    assert pay and pay[0]["severity"] == "error"


def test_pay_transparency_errors_show_beside_the_download(client) -> None:
    form = {k: v for k, v in ACME_FORM.items() if not k.startswith("salary")}
    checks = post_form(client, "/checks", form)
    assert 'id="download-checks" hx-swap-oob="true"' in checks.text
    assert "Before you publish:" in checks.text


def test_openapi_schema_lists_the_api(client) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/roles", "/api/posting", "/api/render/{fmt}", "/api/lint", "/api/drafts"} <= paths
    assert not any(not p.startswith("/api/") for p in paths)


def test_a_large_body_is_refused(client) -> None:
    big = client.post(
        "/api/posting",
        content=b"{" + b" " * (600 * 1024) + b"}",
        headers={"content-type": "application/json"},
    )
    assert big.status_code == 413


def test_json_api_refuses_form_encoded_bodies(client) -> None:
    # a cross-site form can send only form encodings, which the JSON API does not read
    answer = client.post(
        "/api/posting", content=json.dumps({"role": "vpo"}), headers={"content-type": "text/plain"}
    )
    assert answer.status_code == 422


@pytest.mark.parametrize("odd", ["²", "٣٣x", "1²"])
def test_digits_that_are_not_numbers_are_field_errors(client, odd: str) -> None:
    """str.isdigit() is true for '²', which int() refuses: such a size or field name is a
    422 naming the field, never a server error."""
    api = client.post("/api/posting", json={"role": "vpo", "company": {"size": odd}})
    assert api.status_code == 422
    assert api.json()["detail"][0]["loc"] == ["body", "company", "size"]
    assert "or a headcount" in api.json()["detail"][0]["msg"]
    weird_key = client.post("/api/posting", json={"role": "vpo", "company": {odd: 1}})
    assert weird_key.status_code == 422
    assert weird_key.json()["detail"][0]["msg"].startswith("unknown field")


def generate_md(tmp_path: Path, company_yaml: str, *options: str) -> str:
    """What ``jdgen generate director-of-operations --company FILE --format md`` prints."""
    from click.testing import CliRunner

    from jdgen.cli import cli

    company = tmp_path / "company.yaml"
    company.write_text(company_yaml)
    args = ["generate", "director-of-operations", "--company", str(company), "--format", "md"]
    result = CliRunner().invoke(cli, [*args, *options])
    assert result.exit_code == 0, result.output
    return result.stdout


TERMS_YAML = """\
name: Acme Widgets
confidential: false
size: 40
salary: {min: 90000, max: 110000, currency: USD, period: year}
variable_pay:
  bonus_target_percent: 15
  on_target_earnings: {min: 120000, max: 140000, currency: USD, period: year}
  commission: uncapped commission on new bookings
flsa_status: exempt
visa_sponsorship: false
security_clearance: U.S. government Secret
drivers_license: true
existing_vacancy: true
ai_screening: false
title_suffix: (m/f/d)
locations: [{city: Denver, region: CO, country: US}]
"""

TERMS_FORM = {
    "role": "director-of-operations",
    "name": "Acme Widgets",
    "confidential": "",
    "size": "40",
    "salary.min": "90000",
    "salary.max": "110000",
    "salary.currency": "USD",
    "salary.period": "year",
    "variable_pay.bonus_target_percent": "15",
    "variable_pay.on_target_earnings.min": "120000",
    "variable_pay.on_target_earnings.max": "140000",
    "variable_pay.on_target_earnings.currency": "USD",
    "variable_pay.on_target_earnings.period": "year",
    "variable_pay.commission": "uncapped commission on new bookings",
    "flsa_status": "exempt",
    "visa_sponsorship": "no",
    "security_clearance": "U.S. government Secret",
    "drivers_license": "yes",
    "existing_vacancy": "yes",
    "ai_screening": "no",
    "title_suffix": "(m/f/d)",
    "locations.0.city": "Denver",
    "locations.0.region": "CO",
    "locations.0.country": "US",
}


def test_pay_beyond_base_and_legal_fields_download_as_the_cli_writes_them(
    client, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    expected = generate_md(tmp_path, TERMS_YAML)
    assert "15%" in expected and "Secret" in expected
    page = post_form(client, "/download", {**TERMS_FORM, "format": "md"})
    assert page.status_code == 200, page.text[:500]
    assert page.text == expected
    # and the form shows the values again when the draft is opened
    saved = post_form(client, "/drafts/save", {**TERMS_FORM, "draft_name": "terms"})
    assert saved.status_code == 200
    reopened = client.get(saved.headers["HX-Push-Url"]).text
    assert (
        'name="variable_pay.commission" type="text" value="uncapped commission on new bookings"'
        in reopened
    )
    assert '<option value="no" selected>' in reopened  # visa sponsorship: no


FACTS_YAML = """\
name: Keller Valves
size: 90
industry: manufacturing
description: makes stainless-steel valves for water utilities
business_model: b2b-products
systems: [Epicor, Salesforce]
unionised: true
sites: 2
countries: 1
length: long
travel: {percent: 25, destinations: our plants in Ohio and Monterrey}
work_setting: mixed
work_environment: true
posting: {length: short, job_code: OPS-210, grade: M3, department: Plant operations}
locations: [{city: Dayton, region: OH, country: US}]
"""

FACTS_FORM = {
    "role": "director-of-operations",
    "name": "Keller Valves",
    "size": "90",
    "industry": "manufacturing",
    "description": "makes stainless-steel valves for water utilities",
    "business_model": "b2b-products",
    "systems": "Epicor, Salesforce",
    "unionised": "yes",
    "sites": "2",
    "countries": "1",
    "length": "long",
    "travel.percent": "25",
    "travel.destinations": "our plants in Ohio and Monterrey",
    "work_setting": "mixed",
    "work_environment": "yes",
    "posting.length": "short",
    "posting.job_code": "OPS-210",
    "posting.grade": "M3",
    "posting.department": "Plant operations",
    "locations.0.city": "Dayton",
    "locations.0.region": "OH",
    "locations.0.country": "US",
}


def test_company_facts_lengths_and_travel_download_as_the_cli_writes_them(
    client, tmp_path: Path, monkeypatch
) -> None:
    """Issue 10's facts and issue 11's travel and work environment, entered in the form,
    give the posting generate writes for a company file holding the same fields."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    expected = generate_md(tmp_path, FACTS_YAML)
    assert "Keller Valves makes stainless-steel valves" in expected
    assert "25%" in expected and "Monterrey" in expected
    page = post_form(client, "/download", {**FACTS_FORM, "format": "md"})
    assert page.status_code == 200, page.text[:500]
    assert page.text == expected
    saved = post_form(client, "/drafts/save", {**FACTS_FORM, "draft_name": "facts"})
    reopened = client.get(saved.headers["HX-Push-Url"]).text
    assert 'name="systems" type="text" value="Epicor, Salesforce"' in reopened
    assert '<option value="b2b-products" selected>' in reopened
    assert '<option value="short" selected>' in reopened  # this posting's length
