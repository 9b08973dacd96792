"""Shared by the web tests: an app on a fresh database and a client that posts forms as a
browser does (with the CSRF token from the page it loaded)."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path
from typing import Any

import yaml

FIXTURES = Path(__file__).parent / "fixtures"


def client_for(db: Path, **kwargs: Any) -> Any:
    from fastapi.testclient import TestClient

    from jdgen.web.app import create_app

    return TestClient(create_app(db, **kwargs))


def csrf(client: Any) -> str:
    if "jdgen_csrf" not in client.cookies:
        client.get("/")
    return str(client.cookies["jdgen_csrf"])


def post_form(client: Any, path: str, data: dict[str, str], **kwargs: Any) -> Any:
    return client.post(path, data={"csrf_token": csrf(client), **data}, **kwargs)


def acme() -> dict[str, Any]:
    """The acme.yaml fixture as JSON would carry it (dates as text)."""
    data = json.loads(json.dumps(yaml.safe_load((FIXTURES / "acme.yaml").read_text()), default=str))
    assert isinstance(data, dict)
    return data


ACME_FORM = {
    "role": "director-of-operations",
    "name": "Acme Widgets",
    "about": acme()["about"],
    "website": "https://acme.example",
    "size": "60",
    "industry": "manufacturing",
    "locations.0.city": "Denver",
    "locations.0.region": "CO",
    "locations.0.country": "US",
    "work_arrangement": "on-site",
    "employment_type": "full-time",
    "salary.min": "120000",
    "salary.max": "150000",
    "salary.currency": "USD",
    "salary.period": "year",
    "benefits": "\n".join(acme()["benefits"]),
    "how_to_apply": "https://acme.example/careers",
    "closing_date": "2026-12-31",
    "edits": "[]",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, timeout: float = 20) -> None:
    import httpx

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer")
