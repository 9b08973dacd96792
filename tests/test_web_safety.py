"""Safe by default: loopback, the access token, uploads, no user templates, the CLI's checks."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from webhelpers import ACME_FORM, client_for, csrf


def test_a_token_is_needed_on_every_request(tmp_path: Path) -> None:
    token = "t0ken-for-the-team"
    client = client_for(tmp_path / "d.sqlite3", token=token)
    assert client.get("/").status_code == 401
    assert client.get("/api/roles").status_code == 401
    assert client.get("/static/jdgen.css").status_code == 401
    first = client.get(f"/?token={token}")
    assert first.status_code == 200 and client.cookies["jdgen_token"] == token
    assert client.get("/api/roles").status_code == 200  # the cookie carries it now
    other = client_for(tmp_path / "d.sqlite3", token=token)
    assert other.get("/api/roles", headers={"authorization": f"Bearer {token}"}).status_code == 200
    assert other.get("/api/roles", headers={"authorization": "Bearer wrong"}).status_code == 401


def test_serve_refuses_a_public_address_without_a_token(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "jdgen", "serve", "--host", "0.0.0.0", "--db", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)},
        timeout=60,
    )
    assert run.returncode == 1
    assert (
        "error: --host 0.0.0.0: listening beyond this computer needs an access token" in run.stderr
    )
    assert "Traceback" not in run.stderr


def upload(client, data: bytes, name: str = "brand.docx", fmt: str = "docx"):
    return client.post(
        "/download",
        data={**ACME_FORM, "format": fmt, "csrf_token": csrf(client)},
        files={"reference_docx": (name, data, "application/octet-stream")},
    )


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"0" * (60 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip at all", "brand.docx is not a Word .docx file (a .docx is a zip archive)"),
        (zip_bomb(), "refused as a possible zip bomb"),
    ],
)
def test_bad_uploads_are_clear_errors(tmp_path: Path, data: bytes, message: str) -> None:
    client = client_for(tmp_path / "d.sqlite3")
    page = upload(client, data)
    assert page.status_code == 422
    assert message in page.text
    assert 'id="err-reference_docx" role="alert"' in page.text


def test_a_reference_docx_brands_the_download(tmp_path: Path) -> None:
    import docx

    brand = docx.Document()
    brand.sections[0].header.paragraphs[0].text = "ACME HEADER"
    buffer = io.BytesIO()
    brand.save(buffer)
    client = client_for(tmp_path / "d.sqlite3")
    page = upload(client, buffer.getvalue())
    assert page.status_code == 200
    out = docx.Document(io.BytesIO(page.content))
    assert out.sections[0].header.paragraphs[0].text == "ACME HEADER"
    assert any(p.text == "Director of Operations" for p in out.paragraphs)


def test_no_templates_or_docs_page_over_the_web(tmp_path: Path) -> None:
    client = client_for(tmp_path / "d.sqlite3")
    assert client.get("/docs").status_code == 404  # its script would come from a CDN
    fields = {
        **ACME_FORM,
        "templates": "/etc",
        "docx_template": "x",
        "csrf_token": csrf(client),
        "format": "md",
    }
    page = client.post("/download", data=fields)
    assert page.status_code == 200  # not company fields: ignored, never read as paths
    assert page.content.startswith(b"# Director of Operations")


def test_the_team_factory_needs_a_token_and_uses_the_db(tmp_path: Path, monkeypatch) -> None:
    from fastapi.testclient import TestClient

    from jdgen.web.app import app_from_env

    monkeypatch.delenv("JDGEN_TOKEN", raising=False)
    monkeypatch.delenv("JDGEN_NO_TOKEN", raising=False)
    with pytest.raises(SystemExit, match="set JDGEN_TOKEN"):
        app_from_env()
    monkeypatch.setenv("JDGEN_TOKEN", "team-token-1234")
    monkeypatch.setenv("JDGEN_DB", str(tmp_path / "team.sqlite3"))
    client = TestClient(app_from_env())
    assert client.get("/api/drafts").status_code == 401
    assert (
        client.get("/api/drafts", headers={"authorization": "Bearer team-token-1234"}).json() == []
    )
    assert (tmp_path / "team.sqlite3").exists()
