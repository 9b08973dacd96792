"""The compare, ladder and error pages of jdgen serve."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from webhelpers import ACME_FORM, client_for, post_form


@pytest.fixture
def client(tmp_path: Path):
    return client_for(tmp_path / "drafts.sqlite3")


def test_compare_two_roles_at_one_company(client) -> None:
    page = client.get(
        "/compare",
        params={
            "a": "vpo",
            "b": "director-of-operations",
            "size": "small",
            "industry": "manufacturing",
        },
    )
    assert page.status_code == 200
    assert "<h1>VP of Operations vs Director of Operations</h1>" in page.text
    assert "Small company (20 to 99 people), manufacturing industry" in page.text
    assert "<table>" in page.text  # the side-by-side table


def test_compare_uses_a_saved_profile(client) -> None:
    post_form(client, "/profiles/save", {**ACME_FORM, "profile_name": "Acme"})
    page = client.get("/compare", params={"a": "vpo", "b": "director-of-operations", "profile": 1})
    assert "Acme Widgets" in page.text


def test_compare_bad_choices_are_messages_not_errors(client) -> None:
    page = client.get("/compare", params={"a": "vpo", "b": "vpo"})
    assert page.status_code == 200 and "compare needs two different roles" in page.text
    page = client.get("/compare", params={"a": "nope", "b": "vpo", "size": "huge"})
    assert "a: no role &#39;nope&#39;" in page.text
    assert "expected one of startup, small, mid-size, large, enterprise or a headcount" in page.text


def test_ladder_shows_feeders_and_next_steps(client) -> None:
    page = client.get("/ladder", params={"role": "director-of-operations"})
    assert page.status_code == 200
    assert (
        '<a href="/ladder?role=vp-of-operations">VP of Operations (vice president)</a>' in page.text
    )
    assert "Who moves into it" in page.text and "Plant Manager (outside the catalog)" in page.text
    missing = client.get("/ladder", params={"role": "nobody"})
    assert '<a href="#f-role">Role</a>: no role &#39;nobody&#39;' in missing.text


def test_missing_things_are_404_pages(client) -> None:
    page = client.get("/drafts/42")
    assert (
        page.status_code == 404 and "no draft 42" in page.text and "<h1>Not found</h1>" in page.text
    )
    assert client.get("/?draft=99999999999999999999999").status_code in (404, 422)
    assert client.get("/api/drafts/42").json() == {"detail": "no draft 42"}


def test_an_unknown_address_says_so_in_words(client) -> None:
    page = client.get("/no-such-page")
    assert page.status_code == 404
    assert "<h1>Not found</h1>" in page.text
    assert "<p>There is no page at this address.</p>" in page.text


def _options(html: str, name: str) -> list[str]:
    import re

    select = re.search(rf'<select id="f-{name}" name="[^"]+"[^>]*>(.*?)</select>', html, re.S)
    assert select is not None, name
    return [v for v in re.findall(r'<option value="([^"]*)"', select.group(1)) if v]


def test_the_form_offers_exactly_the_choices_a_company_file_accepts(client) -> None:
    """The choices' names live in templates/web/_labels.html.j2; their values must stay
    the model's, so a new arrangement or period in the model shows up as a failure here."""
    from typing import get_args

    from jdgen.models import Company, Salary
    from jdgen.render import FORMATS

    html = client.get("/").text

    def allowed(annotation: object) -> set[str]:
        found: set[str] = set()
        for arg in get_args(annotation):
            found |= {arg} if isinstance(arg, str) else allowed(arg)
        return found

    assert set(_options(html, "work_arrangement")) == allowed(
        Company.model_fields["work_arrangement"].annotation
    )
    assert set(_options(html, "employment_type")) == allowed(
        Company.model_fields["employment_type"].annotation
    )
    assert set(_options(html, "salary-period")) == allowed(Salary.model_fields["period"].annotation)
    import re

    buttons = re.findall(r'<button type="submit" name="format" value="([a-z]+)"', html)
    assert buttons == ["docx", "md", "html", "txt", "json"]
    assert set(buttons) <= set(FORMATS)


def test_every_field_of_a_company_file_is_in_the_form_with_a_place_for_its_message(
    client,
) -> None:
    """A field added to the company model must appear in the build form (issue 12: every
    field of the company file), and every message slot a preview may fill must exist."""
    import re

    from jdgen.web.fields import company_paths
    from jdgen.web.views import slot_paths

    html = client.get("/").text
    names = set(re.findall(r'<(?:input|select|textarea)[^>]* name="([^"]+)"', html))
    leaves = [p for p in company_paths() if not any(q.startswith(p + ".") for q in company_paths())]
    missing = [p for p in leaves if p.replace("*", "0") not in names]
    assert missing == []
    ids = set(re.findall(r' id="(err-[^"]+)"', html))
    assert [s for s in slot_paths(1, 1) if "err-" + s.replace(".", "-") not in ids] == []


def test_a_field_the_company_model_gains_is_offered_under_other_details(
    client, monkeypatch
) -> None:
    """Until the build template places a new company field by hand, the form shows it by
    its kind (yes/no, choice, lines, number, text) and reads it back the same way."""
    from typing import Literal

    from pydantic import BaseModel, ConfigDict, Field

    import jdgen.models
    from jdgen.web import fields
    from jdgen.web.forms import company_from_form

    class Trips(BaseModel):
        model_config = ConfigDict(extra="forbid")
        percent: int | None = None
        destinations: str | None = None

    class Bigger(jdgen.models.Company):
        union_shop: bool | None = None
        sales_model: Literal["b2b", "b2c"] | None = None
        tools_used: list[str] = Field(default_factory=list)
        trips: Trips | None = None

    monkeypatch.setattr(jdgen.models, "Company", Bigger)
    fields.company_fields.cache_clear()
    try:
        added = ("union_shop", "sales_model", "tools_used", "trips")
        assert [(f.path, f.kind) for f in fields.unplaced() if f.path.startswith(added)] == [
            ("union_shop", "yes_no"),
            ("sales_model", "choice"),
            ("tools_used", "lines"),
            ("trips", "group"),
            ("trips.percent", "number"),
            ("trips.destinations", "text"),
        ]
        html = client.get("/").text
        assert "<summary>Other details</summary>" in html
        assert '<label for="f-sales_model">Sales model</label>' in html
        assert '<option value="b2c">b2c</option>' in html
        assert '<textarea id="f-tools_used" name="tools_used"' in html
        assert '<label for="f-trips-percent">Trips: percent</label>' in html
        form = {"union_shop": "yes", "tools_used": "SAP\nKronos", "trips.percent": "25"}
        assert company_from_form(form) == {
            "union_shop": True,
            "tools_used": ["SAP", "Kronos"],
            "trips": {"percent": "25"},
        }
    finally:
        monkeypatch.undo()
        fields.company_fields.cache_clear()


def test_every_company_field_is_placed_with_its_own_label(client) -> None:
    """Issue 10's company facts and issue 11's terms are laid out in the form, each under
    a label from templates/web/_labels.html.j2 (not "Other details" with the field's path)."""
    import html as html_text
    import re

    from jdgen.templating import environment
    from jdgen.web.fields import company_fields, unplaced

    assert unplaced() == []
    html = client.get("/").text
    assert "<summary>Other details</summary>" not in html
    labels = environment().get_template("web/_labels.html.j2").module.L  # type: ignore[attr-defined]
    for f in company_fields():
        if f.kind == "group":
            continue
        fid = "f-" + f.key.replace(".", "-")
        found = re.search(rf'<label for="{re.escape(fid)}">([^<]+)</label>', html)
        assert found is not None, f.path
        assert html_text.unescape(found.group(1)) == labels[f.path], f.path


def test_the_company_facts_offer_the_catalog_business_models_and_lengths(client) -> None:
    from jdgen.catalog import builtin_catalog

    html = client.get("/").text
    assert set(_options(html, "business_model")) == set(builtin_catalog().business_models)
    assert _options(html, "length") == ["short", "standard", "long"]
    assert _options(html, "posting-length") == ["short", "standard", "long"]
    assert set(_options(html, "work_setting")) == {"office", "mixed", "floor"}
    # a company file without length: gets standard postings, and the form says so
    import re

    length = re.search(r'<select id="f-length".*?</select>', html, re.S)
    assert length is not None
    assert re.findall(r'<option value="([a-z]+)" selected>', length.group(0)) == ["standard"]


def test_an_unknown_business_model_is_a_message_beside_its_field(client) -> None:
    import re

    page = post_form(
        client, "/preview", {"role": "director-of-operations", "business_model": "barter"}
    )
    assert page.status_code == 200
    assert re.search(
        r'id="err-business_model" role="alert">expected one of b2b-products, [^<]*'
        r"got &#39;barter&#39;",
        page.text,
    ), page.text[:2000]
