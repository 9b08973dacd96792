"""Drafts that are never lost: versions, history, diff, restore, stale saves, a killed server."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from webhelpers import ACME_FORM, client_for, free_port, post_form, wait_for


@pytest.fixture
def client(tmp_path: Path):
    return client_for(tmp_path / "drafts.sqlite3")


def save(client, **fields: str):
    return post_form(client, "/drafts/save", {**ACME_FORM, **fields})


def test_every_save_is_a_new_version_and_history_shows_them(client) -> None:
    first = save(client, draft_name="Ops director", note="first go")
    assert "Saved “Ops director” as version 1" in first.text
    assert first.headers["HX-Push-Url"] == "/?draft=1"
    second = save(client, draft_id="1", base_version="1", size="small", note="smaller team")
    assert "as version 2" in second.text
    history = client.get("/drafts/1")
    assert "first go" in history.text and "smaller team" in history.text
    assert "Restore version 1" in history.text
    reopened = client.get("/?draft=1")
    assert 'value="small"' in reopened.text and 'name="base_version" value="2"' in reopened.text
    listing = client.get("/drafts")
    assert "Ops director" in listing.text and "Director of Operations" in listing.text


def test_diff_shows_what_changed_in_the_posting(client) -> None:
    save(client, draft_name="D")
    save(client, draft_id="1", base_version="1", **{"salary.max": "160000"})
    diff = client.get("/drafts/1/diff", params={"a": 1, "b": 2})
    assert diff.status_code == 200
    assert (
        '<span class="del">-The base pay range for this role is $120,000 to $150,000 per year.</span>'
        in diff.text
    )
    assert (
        '<span class="add">+The base pay range for this role is $120,000 to $160,000 per year.</span>'
        in diff.text
    )


def test_restore_makes_a_new_version_with_the_old_text(client) -> None:
    save(client, draft_name="D")
    save(client, draft_id="1", base_version="1", size="enterprise")
    restored = post_form(
        client, "/drafts/1/restore/1", {"base_version": "2"}, follow_redirects=True
    )
    assert "Version 1 restored as version 3" in restored.text
    latest = client.get("/api/drafts/1").json()["latest"]
    assert latest["number"] == 3 and latest["note"] == "restored version 1"
    assert latest["data"]["company"]["size"] == "60"


def test_a_stale_save_is_refused_and_both_texts_are_kept(client) -> None:
    save(client, draft_name="Shared")
    save(client, draft_id="1", base_version="1", note="tab A")  # the other tab
    mine = save(client, draft_id="1", base_version="1", size="enterprise", note="tab B")
    assert "Not saved over the other tab’s work." in mine.text
    assert "after you opened version 1" in mine.text
    theirs = client.get("/api/drafts/1").json()["latest"]
    assert theirs["number"] == 2 and theirs["data"]["company"]["size"] == "60"
    copy = client.get("/api/drafts/2").json()
    assert copy["name"] == "Shared (copy from another tab)"
    assert copy["latest"]["data"]["company"]["size"] == "enterprise"


def test_api_stale_save_is_409_with_both_texts(client) -> None:
    made = client.post("/api/drafts", json={"name": "x", "data": {"role": "vpo"}})
    assert made.status_code == 201
    ok = client.post(
        "/api/drafts/1/versions", json={"name": "x", "base_version": 1, "data": {"role": "coo"}}
    )
    assert ok.json()["number"] == 2
    stale = client.post(
        "/api/drafts/1/versions", json={"name": "x", "base_version": 1, "data": {"role": "cfo"}}
    )
    assert stale.status_code == 409
    body = stale.json()
    assert body["latest"]["data"] == {"role": "coo"} and body["yours"] == {"role": "cfo"}
    assert client.get("/api/drafts/99").status_code == 404


def test_a_draft_keeps_its_document_and_pay_range(client) -> None:
    saved = save(client, kind="description", salary_range="130k-160k", draft_name="DO file")
    assert saved.status_code == 200
    page = client.get(saved.headers["HX-Push-Url"]).text
    assert '<input type="radio" name="kind" value="description" checked' in page
    assert 'name="salary_range" type="text" value="130k-160k"' in page
    assert "<h2>Essential functions</h2>" in page
    draft = client.get("/api/drafts").json()[0]["latest"]["data"]
    assert (draft["kind"], draft["salary_range"]) == ("description", "130k-160k")
    listed = client.get("/drafts").text
    assert '<td data-label="Document">Internal job description</td>' in listed
    plain = save(client, salary_range="130k-160k", draft_name="DO")
    page = client.get(plain.headers["HX-Push-Url"]).text
    assert '<input type="radio" name="kind" value="posting" checked' in page
    assert "$130,000" in page and "<h2>Essential functions</h2>" not in page
    assert '<td data-label="Document">Job posting</td>' in client.get("/drafts").text


def test_profiles_are_saved_and_loaded(client) -> None:
    saved = post_form(client, "/profiles/save", {**ACME_FORM, "profile_name": "Acme"})
    assert "Saved the company profile “Acme”" in saved.text
    profile = client.get("/api/profiles").json()[0]
    assert profile["latest"]["data"]["industry"] == "manufacturing"
    page = client.get(f"/?profile={profile['id']}")
    assert 'value="Acme Widgets"' in page.text


def test_a_server_killed_mid_save_leaves_the_database_consistent(tmp_path: Path) -> None:
    import httpx

    db = tmp_path / "drafts.sqlite3"
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "jdgen", "serve", "--port", str(port), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/api/roles")
        httpx.post(base + "/api/drafts", json={"name": "x", "data": {"n": 0}}).raise_for_status()
        saved = [1]

        def hammer() -> None:
            number = 1
            with httpx.Client(timeout=2) as http:
                while True:
                    try:
                        r = http.post(
                            f"{base}/api/drafts/1/versions",
                            json={
                                "name": "x",
                                "base_version": number,
                                "data": {"n": number, "pad": "x" * 2000},
                            },
                        )
                    except httpx.HTTPError:
                        return
                    if r.status_code == 200:
                        number = r.json()["number"]
                        saved.append(number)

        threads = [threading.Thread(target=hammer) for _ in range(3)]
        for t in threads:
            t.start()
        while len(saved) < 20:
            time.sleep(0.01)
        os.killpg(server.pid, signal.SIGKILL)
        for t in threads:
            t.join(10)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
        server.wait(10)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    numbers = [
        r[0]
        for r in conn.execute("SELECT number FROM versions WHERE document_id = 1 ORDER BY number")
    ]
    assert numbers == list(range(1, len(numbers) + 1))  # no gap, no duplicate
    assert len(numbers) >= max(saved)  # every save the server confirmed is there
    for (data,) in conn.execute("SELECT data FROM versions"):
        json.loads(data)
