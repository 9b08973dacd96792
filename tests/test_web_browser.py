"""jdgen serve in a real browser (headless Chromium driven by Playwright), doing what a
user does: pick a role, change the size and see the preview change, edit bullets,
download the .docx and open it, save, reload and find the draft, restore a version.

Skipped when Chromium or Playwright is missing, unless JDGEN_REQUIRE_TOOLS=1 (CI).
Screenshots of every page, at desktop and phone widths, go to a temporary folder
(or to JDGEN_SCREENSHOTS when set).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from webhelpers import free_port, wait_for

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REQUIRE = os.environ.get("JDGEN_REQUIRE_TOOLS") == "1"


def _need_browser() -> None:
    missing = None
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        missing = "chromium is not installed"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "playwright is not installed"
    if missing and REQUIRE:
        pytest.fail(f"{missing} (JDGEN_REQUIRE_TOOLS=1)")
    if missing:
        pytest.skip(missing)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _need_browser()
    db = tmp_path_factory.mktemp("serve") / "drafts.sqlite3"
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "jdgen", "serve", "--port", str(port), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/api/roles")
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=shutil.which("chromium") or CHROMIUM, headless=True, args=ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("JDGEN_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def page(browser, server: str):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, accept_downloads=True, base_url=server
    )
    errors: list[str] = []
    pg = context.new_page()
    pg.on(
        "console",
        lambda m: errors.append(m.text) if m.type == "error" and not _aborted(m.text) else None,
    )
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.set_default_timeout(30000)
    yield pg
    context.close()
    assert not [e for e in errors if "favicon" not in e], (
        errors
    )  # no CSP violations, no script errors


def _aborted(message: str) -> bool:
    """htmx logs a request it cancels because a newer one replaced its element; a form
    the server sends back with its problems marked (a bad upload) has status 422."""
    return message.startswith(("htmx:sendAbort", "htmx:afterRequest")) or message == (
        "Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"
    )


def preview_text(page) -> str:
    return str(page.locator("#preview").inner_text())


def test_build_edit_download_save_and_restore(page, shots: Path, tmp_path: Path) -> None:
    import docx

    page.goto("/")
    page.screenshot(path=str(shots / "build-1280.png"), caret="initial")
    page.fill("#q", "vp operations")
    # the search answered: roles that do not match are gone
    page.locator("#role-list", has_text="Chief Administrative Officer").wait_for(state="detached")
    choice = page.locator("#role-list label", has_text="VP of Operations (")
    choice.click()
    page.locator("#preview h1", has_text="VP of Operations").wait_for()

    page.fill("#f-size", "enterprise")
    page.locator("#preview", has_text="VP of Operations").wait_for()
    page.wait_for_timeout(900)
    before = preview_text(page)
    page.fill("#f-size", "small")
    page.wait_for_function("t => document.querySelector('#preview').innerText !== t", arg=before)
    small = preview_text(page)
    assert small != before

    first = page.locator("#preview ul.editable li").first
    removed = first.locator(".text").inner_text()
    first.get_by_role("button", name=f"Remove: {removed}").click()
    page.wait_for_function(
        "t => !document.querySelector('#preview').innerText.includes(t)", arg=removed
    )

    target = page.locator("#preview ul.editable li").first
    target.locator("button[title=Reword]").click()
    page.locator("#preview textarea[name=new_text]").fill(
        "Run the Monday operations review with every site lead"
    )
    page.get_by_role("button", name="Save wording").click()
    page.locator(
        "#preview", has_text="Run the Monday operations review with every site lead."
    ).wait_for()
    page.locator("#lint .score").wait_for()  # the checks follow the preview
    page.screenshot(path=str(shots / "build-edited-1280.png"), full_page=True, caret="initial")

    with page.expect_download() as info:
        page.get_by_role("button", name="Word (.docx)").click()
    saved = tmp_path / "posting.docx"
    info.value.save_as(saved)
    text = [p.text for p in docx.Document(str(saved)).paragraphs]
    assert text[0] == "VP of Operations"
    assert "Run the Monday operations review with every site lead." in text
    assert removed not in text

    page.fill("#draft_name", "VP ops for the small plant")
    page.fill("#note", "first draft")
    page.get_by_role("button", name="Save draft").click()
    page.locator("#save-status", has_text="as version 1").wait_for()
    page.wait_for_url("**/?draft=*")
    page.reload()
    page.locator(
        "#preview", has_text="Run the Monday operations review with every site lead."
    ).wait_for()
    assert page.input_value("#draft_name") == "VP ops for the small plant"

    page.fill("#f-size", "enterprise")
    page.wait_for_function(
        "t => document.querySelector('#preview').innerText !== t", arg=preview_text(page)
    )
    page.fill("#note", "bigger company")
    page.get_by_role("button", name="Save draft").click()
    page.locator("#save-status", has_text="as version 2").wait_for()

    page.goto("/drafts")
    page.screenshot(path=str(shots / "drafts-1280.png"), caret="initial")
    page.get_by_role("link", name="History").first.click()
    page.screenshot(path=str(shots / "history-1280.png"), caret="initial")
    page.get_by_role("button", name="Restore version 1").click()
    page.locator("text=Version 1 restored as version 3").wait_for()
    page.get_by_role("link", name="Changes from 2").click()
    page.locator("pre.diff").wait_for()
    page.screenshot(path=str(shots / "diff-1280.png"), caret="initial")
    page.goto("/drafts")
    page.get_by_role("link", name="VP ops for the small plant").click()
    assert page.input_value("#f-size") == "small"


def test_field_error_shows_beside_the_field(page) -> None:
    page.goto("/")
    page.fill("#f-size", "huge")
    page.locator(
        "#err-size", has_text="expected one of startup, small, mid-size, large, enterprise"
    ).wait_for()
    page.fill("#f-size", "40")
    page.locator("#err-size:empty").wait_for(state="attached")


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_of_every_page(page, shots: Path, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    for name, path in [
        ("build", "/?role=director-of-operations"),
        (
            "compare",
            "/compare?a=vp-of-operations&b=director-of-operations&size=small&industry=manufacturing",
        ),
        ("ladder", "/ladder?role=director-of-operations"),
        ("drafts", "/drafts"),
    ]:
        page.goto(path)
        page.locator("main h1").first.wait_for()
        page.screenshot(
            path=str(shots / f"{name}-{width}.png"), full_page=name != "build", caret="initial"
        )
        overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
        assert not overflow, f"{name} is wider than the screen at {width}px"


def _watch_policy(page) -> None:
    """Collect Content-Security-Policy violations (an inline style htmx would set …)."""
    page.evaluate(
        "() => { window.__violations = []; document.addEventListener("
        "'securitypolicyviolation', e => window.__violations.push(e.violatedDirective)) }"
    )


def test_search_with_no_match_says_so_and_typing_breaks_no_policy(page) -> None:
    page.goto("/")
    _watch_policy(page)
    page.fill("#q", "warehouse")
    page.locator("#role-list label", has_text="Logistics Manager").wait_for()
    page.fill("#q", "zzzqqq")
    page.locator("#role-list", has_text="No role matches “zzzqqq”").wait_for()
    # the chosen role stays chosen while nothing matches
    assert page.locator("#role-list input[name=role]:checked").get_attribute("value") == (
        "director-of-operations"
    )
    page.fill("#f-size", "small")
    page.wait_for_timeout(800)
    assert page.evaluate("window.__violations") == []


def test_a_bad_word_file_keeps_the_preview_and_says_why_beside_the_field(
    page, shots: Path, tmp_path: Path
) -> None:
    not_word = tmp_path / "letterhead.docx"
    not_word.write_text("this is not a Word file")
    page.goto("/")
    page.set_input_files("#reference_docx", str(not_word))
    page.get_by_role("button", name="Word (.docx)").click()
    page.locator(
        "#err-reference_docx", has_text="letterhead.docx is not a Word .docx file"
    ).wait_for()
    notice = page.locator("#preview .notice.error")
    assert "Nothing was downloaded." in notice.inner_text()
    assert "Your Word design (optional .docx): letterhead.docx" in notice.inner_text()
    # the posting itself is fine, so it is still shown, with its checks
    assert page.locator("#preview h1").inner_text() == "Director of Operations"
    page.locator("#lint .score").wait_for()
    assert page.evaluate("document.activeElement.id") == "reference_docx"
    page.screenshot(path=str(shots / "bad-upload-1280.png"), caret="initial")


def test_enter_adds_a_line_and_an_empty_line_or_wording_is_refused(page) -> None:
    page.goto("/")
    box = page.locator("#preview form.add input").first
    before = preview_text(page)
    page.locator("#preview form.add button").first.click()
    page.wait_for_timeout(600)
    assert preview_text(page) == before  # nothing was sent
    assert box.evaluate("el => el.validationMessage") != ""
    box.fill("Walk the floor with each shift lead every Monday")
    box.press("Enter")
    page.locator("#preview li", has_text="Walk the floor with each shift lead").wait_for()

    page.locator("#preview ul.editable li").first.locator("button[title=Reword]").click()
    wording = page.locator("#preview textarea[name=new_text]")
    wording.fill("")
    page.get_by_role("button", name="Save wording").click()
    page.wait_for_timeout(600)
    assert wording.is_visible()  # still rewording: an empty line is not saved
    assert wording.evaluate("el => el.validationMessage") != ""


def test_problems_above_the_preview_use_the_field_labels(page) -> None:
    page.goto("/")
    page.fill("#f-size", "huge")
    problem = page.locator("#preview ul.problems li").first
    problem.wait_for()
    text = problem.inner_text()
    assert text.startswith("Size: expected one of ") and text.endswith(
        "or a headcount, got 'huge'"
    ), text
    assert problem.locator("a").get_attribute("href") == "#err-size"


def test_saved_time_reads_as_a_time_and_compare_from_the_ladder_works(page) -> None:
    import re

    page.goto("/?role=vp-of-operations")
    page.get_by_role("button", name="Save draft").click()
    status = page.locator("#save-status", has_text="as version 1")
    status.wait_for()
    assert re.search(r"at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\.", status.inner_text())
    page.goto("/ladder?role=vp-of-operations")
    page.get_by_role("link", name="Compare this role with another").click()
    page.locator(".comparison h1", has_text="vs VP of Operations").wait_for()
    assert page.locator(".notice.error").count() == 0
