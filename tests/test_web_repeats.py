"""A preview posted again is answered from the fragment kept for it (jdgen/web/repeats.py):
the same fragment and headers, after the same checks, without reaching the route."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from webhelpers import ACME_FORM, client_for, csrf, post_form

from jdgen.web import pages
from jdgen.web.repeats import split_csrf


@pytest.fixture
def client(tmp_path: Path):
    return client_for(tmp_path / "drafts.sqlite3")


@pytest.fixture
def route_calls(monkeypatch) -> list[int]:
    """One entry each time a form reaches a route."""
    calls: list[int] = []
    read_form = pages.read_form

    async def counted(request):
        calls.append(1)
        return await read_form(request)

    monkeypatch.setattr(pages, "read_form", counted)
    return calls


def test_a_repeated_preview_is_the_same_answer_without_the_route(client, route_calls) -> None:
    first = post_form(client, "/preview", {**ACME_FORM, "size": "small"})
    again = post_form(client, "/preview", {**ACME_FORM, "size": "small"})
    assert first.status_code == again.status_code == 200
    assert "<h1>Director of Operations</h1>" in again.text
    assert again.content == first.content
    assert len(route_calls) == 1
    for name in ("content-type", "content-security-policy", "x-frame-options"):
        assert again.headers[name] == first.headers[name]
    other = post_form(client, "/preview", {**ACME_FORM, "size": "enterprise"})
    assert other.content != first.content and len(route_calls) == 2


def test_another_browser_gets_the_fragment_with_its_own_token(client, tmp_path: Path) -> None:
    post_form(client, "/preview", ACME_FORM)
    other = client_for(tmp_path / "drafts.sqlite3")
    assert csrf(other) != csrf(client)
    assert (
        post_form(other, "/preview", ACME_FORM).content
        == post_form(client, "/preview", ACME_FORM).content
    )


def test_a_repeat_with_a_wrong_or_missing_token_is_refused(client) -> None:
    assert post_form(client, "/preview", ACME_FORM).status_code == 200
    forged = client.post("/preview", data={**ACME_FORM, "csrf_token": "x" * 32})
    assert forged.status_code == 403
    assert "The form has expired" in forged.text
    assert client.post("/preview", data=ACME_FORM).status_code == 403


def test_a_multipart_preview_still_goes_to_the_route(client, route_calls) -> None:
    fields = {"csrf_token": csrf(client), **ACME_FORM}
    files = {"unused": ("a.txt", b"", "text/plain")}
    for _ in range(2):
        page = client.post("/preview", data=fields, files=files)
        assert page.status_code == 200 and "<h1>Director of Operations</h1>" in page.text
    assert len(route_calls) == 2


def test_the_build_form_previews_as_a_plain_form_and_downloads_as_multipart(client) -> None:
    """htmx posts a form with enctype multipart/form-data as multipart: the previews go
    as plain forms (the kind kept above), the download buttons send the upload."""
    page = client.get("/").text
    form_tag = page[page.index('<form id="build"') :].split(">", 1)[0]
    assert "enctype" not in form_tag
    assert 'name="format" value="docx" formenctype="multipart/form-data"' in page


def test_the_key_is_the_body_without_its_token() -> None:
    body = b"role=vpo&csrf_token=abc%2Bd&size=small"
    assert split_csrf(body) == (b"role=vpo&size=small", "abc+d")
    assert split_csrf(b"role=vpo") == (b"role=vpo", None)
