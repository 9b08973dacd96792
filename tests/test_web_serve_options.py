"""``jdgen serve --catalog DIR --templates DIR``: the page builds from the user's catalog and
downloads through the user's templates, exactly as ``jdgen generate`` does with them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from click.testing import CliRunner
from webhelpers import post_form

from jdgen.cli import cli

REPO = Path(__file__).resolve().parents[1]


def user_catalog(tmp_path: Path) -> Path:
    """A catalog directory that renames the VP of Operations and rewrites its summary."""
    root = tmp_path / "our-roles"
    (root / "roles").mkdir(parents=True)
    text = (REPO / "catalog/roles/vp-of-operations.yaml").read_text()
    start, end = text.index("summary: >-"), text.index("reports_to:")
    summary = "As our {{ title }}, you will run every site we have, from day one."
    text = text[:start] + f"summary: {summary!r}\n" + text[end:]
    text = text.replace("title: VP of Operations", "title: VP, Operations")
    (root / "roles/vp-of-operations.yaml").write_text(text)
    return root


def user_templates(tmp_path: Path) -> Path:
    folder = tmp_path / "our-templates"
    folder.mkdir()
    (folder / "posting.md.j2").write_text(
        '{% extends "!default/posting.md.j2" %}\n'
        "{% block title %}# {{ jd.title }} at our company{% endblock %}\n"
    )
    return folder


def served_app(args: list[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    """The app ``jdgen serve ARGS`` would serve (uvicorn is asked to run it, and does not)."""
    import uvicorn

    served: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.update(app=app, **kw))
    result = CliRunner().invoke(cli, ["serve", *args])
    assert result.exit_code == 0, result.output
    assert served["host"] == "127.0.0.1"
    return served["app"]


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    from fastapi.testclient import TestClient

    args = ["--db", str(tmp_path / "d.sqlite3"), "--port", "0"]
    args += ["--catalog", str(user_catalog(tmp_path)), "--templates", str(user_templates(tmp_path))]
    return TestClient(served_app(args, monkeypatch))


def test_the_role_list_and_preview_come_from_the_user_catalog(client: Any) -> None:
    found = client.get("/roles/search", params={"q": "VP"})
    assert "VP, Operations" in found.text
    page = client.get("/", params={"role": "vp-of-operations"})
    preview = re.sub(r"\s+", " ", page.text)
    assert "As our VP, Operations, you will run every site we have, from day one." in preview
    api = client.post("/api/posting", json={"role": "vpo", "company": {"size": "small"}})
    assert api.status_code == 200
    assert api.json()["title"] == "VP, Operations"


def test_downloads_use_the_user_templates_as_generate_does(
    client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    cli_md = CliRunner().invoke(
        cli,
        [
            "generate",
            "vpo",
            "--size",
            "small",
            "--catalog",
            str(tmp_path / "our-roles"),
            "--templates",
            str(tmp_path / "our-templates"),
            "--format",
            "md",
        ],
    )
    assert cli_md.exit_code == 0, cli_md.output
    assert cli_md.stdout.startswith("# VP, Operations at our company\n")
    download = post_form(
        client, "/download", {"role": "vp-of-operations", "size": "small", "format": "md"}
    )
    assert download.status_code == 200
    assert download.text == cli_md.stdout


def test_serve_with_a_broken_catalog_or_missing_templates_says_so_and_does_not_start(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "broken"
    (broken / "roles").mkdir(parents=True)
    (broken / "roles/x.yaml").write_text("id: x\ntitle: [unclosed\n")
    result = CliRunner().invoke(cli, ["serve", "--catalog", str(broken)])
    assert result.exit_code == 1
    assert f"{broken}/roles/x.yaml" in result.output
    assert "Traceback" not in result.output
    missing = CliRunner().invoke(cli, ["serve", "--templates", str(tmp_path / "none")])
    assert missing.exit_code == 1
    assert f"error: --templates: {tmp_path / 'none'}: not a directory" in missing.output
