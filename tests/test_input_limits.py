"""Inputs are bounded before they are parsed, and pay is sane for its period (issue 14,
classes 4 and 5): zip bombs, YAML alias bombs, huge files for lint."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from clirun import one_error_line, run

from jdgen.zipcheck import MAX_RATIO, MAX_UNPACKED

REPO = Path(__file__).resolve().parent.parent
ROLE = "Director of Operations"


def word_file_with(path: Path, extra: bytes) -> Path:
    """The example posting.docx with ``extra`` inside its document part."""
    with (
        zipfile.ZipFile(REPO / "examples" / "posting.docx") as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                at = data.index(b"<w:body>") + len(b"<w:body>")
                data = data[:at] + b"<w:p><w:r><w:t>" + extra + b"</w:t></w:r></w:p>" + data[at:]
            out.writestr(info.filename, data)
    return path


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A .docx of well under 1 MB whose document part unpacks to more than MAX_UNPACKED."""
    path = word_file_with(
        tmp_path_factory.mktemp("bomb") / "bomb.docx", b"a" * (MAX_UNPACKED + 5 * 1024 * 1024)
    )
    assert path.stat().st_size < 1024 * 1024
    return path


BOMB = "unpacks to 55 MB (more than 50 MB): refused as a possible zip bomb"


def test_lint_refuses_a_zip_bomb_before_unpacking_it(zip_bomb: Path) -> None:
    code, _, err = run("lint", str(zip_bomb))
    assert code == 1
    assert one_error_line(err) == f"error: {zip_bomb}: {BOMB}"


@pytest.mark.parametrize("option", ["--reference-docx", "--docx-template"])
def test_word_options_refuse_a_zip_bomb(zip_bomb: Path, tmp_path: Path, option: str) -> None:
    out = tmp_path / "out.docx"
    code, _, err = run("generate", ROLE, option, str(zip_bomb), "-o", str(out))
    assert code == 1 and not out.exists()
    assert one_error_line(err) == f"error: {option}: {zip_bomb}: {BOMB}"


def test_a_part_compressed_past_the_ratio_is_refused(tmp_path: Path) -> None:
    squeezed = word_file_with(tmp_path / "squeezed.docx", b"a" * (4 * 1024 * 1024))
    code, _, err = run("lint", str(squeezed))
    assert code == 1
    line = one_error_line(err)
    assert line.startswith(f"error: {squeezed}: 'word/document.xml' is compressed ")
    assert line.endswith(f":1 (more than {MAX_RATIO}:1): refused as a possible zip bomb")


def test_a_web_upload_is_checked_by_the_same_module(zip_bomb: Path) -> None:
    from jdgen.web.uploads import UploadError, check_docx

    with pytest.raises(UploadError) as caught:
        check_docx(zip_bomb.read_bytes(), "brand.docx")
    assert str(caught.value) == f"brand.docx {BOMB}"


def test_an_ordinary_word_file_still_reads(tmp_path: Path) -> None:
    code, out, err = run("lint", str(REPO / "examples" / "posting.docx"))
    assert code == 0, err
    assert "Score" in out or "score" in out


# --- YAML budgets ---------------------------------------------------------------------------

ALIAS_BOMB = "\n".join(
    [f"- role: {ROLE}\n  benefits: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    + [f"- role: {ROLE}\n  benefits: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 7)]
)


def test_an_alias_bomb_in_a_batch_yaml_is_refused_before_it_is_built(tmp_path: Path) -> None:
    rows = tmp_path / "rows.yaml"
    rows.write_text(ALIAS_BOMB + "\n")
    out = tmp_path / "out"
    code, _, err = run("batch", str(rows), "-o", str(out))
    assert code == 1 and not out.exists()
    line = one_error_line(err)
    assert line.startswith(f"error: {rows}: its aliases (*name) expand to ")
    assert line.endswith("more than 100,000 beyond those written; refused as a possible alias bomb")


def test_the_same_bomb_in_a_company_file_gets_the_same_answer(tmp_path: Path) -> None:
    company = tmp_path / "company.yaml"
    company.write_text(
        "about: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        + "\n".join(f"k{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 7))
        + "\n"
    )
    code, _, err = run("generate", ROLE, "--company", str(company))
    assert code == 1
    assert "refused as a possible alias bomb" in one_error_line(err)


def test_yaml_nested_too_deep_is_one_line(tmp_path: Path) -> None:
    company = tmp_path / "company.yaml"
    company.write_text("about: " + "[" * 500 + "]" * 500 + "\n")
    code, _, err = run("generate", ROLE, "--company", str(company))
    assert code == 1
    assert one_error_line(err) == f"error: {company}: line 1: nested more than 100 levels deep"


def test_an_alias_inside_itself_is_refused(tmp_path: Path) -> None:
    company = tmp_path / "company.yaml"
    company.write_text("benefits: &me [*me]\n")
    code, _, err = run("generate", ROLE, "--company", str(company))
    assert code == 1
    assert "an alias (*name) refers to a value it is inside" in one_error_line(err)


def test_yaml_over_the_size_budget_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jdgen import yamlfile

    monkeypatch.setattr(yamlfile, "MAX_BYTES", 1024 * 1024)
    rows = tmp_path / "rows.yaml"
    rows.write_text(f"- role: {ROLE}\n  about: {'x' * (1024 * 1024)}\n")
    code, _, err = run("batch", str(rows), "-o", str(tmp_path / "out"))
    assert code == 1
    assert one_error_line(err) == f"error: {rows}: larger than 1 MB, more than jdgen reads as YAML"


# --- lint's limits -----------------------------------------------------------------------


def test_lint_refuses_a_file_over_its_limit_without_reading_it(tmp_path: Path) -> None:
    from jdgen.lint.readers import MAX_FILE

    page = tmp_path / "big.html"
    page.write_text(
        "<h1>Director of Operations</h1>" + "<p>We ship valves.</p>\n" * (MAX_FILE // 20)
    )
    code, _, err = run("lint", str(page))
    assert code == 1
    assert one_error_line(err) == (
        f"error: {page}: too large to check: larger than 2 MB (lint reads one posting, a few KB)"
    )


def test_lint_refuses_more_text_than_its_limit(tmp_path: Path) -> None:
    from jdgen.lint.readers import MAX_TEXT

    posting = tmp_path / "long.md"
    posting.write_text(
        "# Director of Operations\n\n" + "We ship valves on time.\n\n" * (MAX_TEXT // 20)
    )
    code, _, err = run("lint", str(posting))
    assert code == 1
    line = one_error_line(err)
    assert line.startswith(f"error: {posting}: too large to check: ")
    assert f"characters of text, more than {MAX_TEXT:,}" in line


def test_lint_of_standard_input_names_it_when_too_large() -> None:
    from click.testing import CliRunner

    from jdgen.cli import cli
    from jdgen.lint.readers import MAX_FILE

    text = "# Director of Operations\n\n" + "We ship valves.\n\n" * (MAX_FILE // 10)
    result = CliRunner().invoke(cli, ["lint", "-"], input=text)
    assert result.exit_code == 1
    assert one_error_line(result.stderr).startswith("error: <stdin>: too large to check: ")


# --- pay that is sane for its period ---------------------------------------------------------


@pytest.mark.parametrize(
    ("salary", "message"),
    [
        (
            "{min: 120000, max: 150000, period: hour}",
            "salary: 150,000 USD an hour is not a plausible salary (at most 20,000); "
            "if it is pay per year, set period: year",
        ),
        (
            "{min: 1, max: 2}",
            "salary: 1.00 USD a year is not a plausible salary (at least 125.00); "
            "if it is pay per hour, set period: hour",
        ),
    ],
)
def test_pay_outside_what_its_period_allows_is_one_line(
    tmp_path: Path, salary: str, message: str
) -> None:
    company = tmp_path / "company.yaml"
    company.write_text(f"name: Acme\nsalary: {salary}\n")
    code, _, err = run("generate", ROLE, "--company", str(company))
    assert code == 1
    assert one_error_line(err) == f"error: {company}: {message}"


@pytest.mark.parametrize(
    "salary",
    [
        "{min: 5000000, max: 8000000, currency: JPY}",
        "{min: 60000000, max: 80000000, currency: KRW}",
        "{min: 15, max: 22, period: hour}",
        "{min: 6500, max: 8000, currency: EUR, period: month}",
    ],
)
def test_ordinary_pay_in_any_currency_is_accepted(tmp_path: Path, salary: str) -> None:
    company = tmp_path / "company.yaml"
    company.write_text(f"name: Acme\nsalary: {salary}\n")
    code, _, err = run("generate", ROLE, "--company", str(company))
    assert code == 0, err


def test_salary_option_names_an_implausible_figure(tmp_path: Path) -> None:
    company = tmp_path / "company.yaml"
    company.write_text("name: Acme\nsalary: {min: 15, max: 22, period: hour}\n")
    code, _, err = run("generate", ROLE, "--company", str(company), "--salary", "120k-150k")
    assert code == 1
    assert one_error_line(err).startswith(
        "error: --salary: 150,000 USD an hour is not a plausible salary"
    )


def test_a_small_zip_and_a_non_zip_pass_the_check() -> None:
    from jdgen.zipcheck import zip_problem

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document/>")
    assert zip_problem(buffer.getvalue()) is None
    assert zip_problem(b"not a zip") is None  # the caller says what it is instead
