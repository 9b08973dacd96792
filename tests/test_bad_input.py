"""Bad input is one clear line and exit 1, never "internal error" (issue 14, class 2)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from clirun import one_error_line, run

ROLE = "Director of Operations"


@pytest.mark.parametrize("size", ["²", "٣", "4O", "0", "99999999999", "9" * 5000])
def test_a_size_that_is_not_a_headcount_is_one_line(size: str) -> None:
    code, out, err = run("generate", ROLE, "--size", size)
    assert code == 1 and out == ""
    line = one_error_line(err)
    assert (
        line.startswith("error: --size: expected ")
        and "startup, small, mid-size, large, enterprise" in line
    )


def test_a_headcount_in_ascii_digits_still_picks_the_band() -> None:
    code, out, _ = run("generate", ROLE, "--size", " 40 ")
    assert code == 0 and out.startswith("# Director of Operations")


@pytest.mark.parametrize("fmt", ["md", "docx", "html", "jsonld", "json", "txt", "pdf"])
def test_non_utf8_bytes_in_an_argument_are_refused_for_every_format(
    fmt: str, tmp_path: Path
) -> None:
    out_file = tmp_path / f"out.{fmt}"
    # What Python makes of the shell's $'Head \xff' (surrogateescape).
    code, _, err = run("generate", ROLE, "--title", "Head \udcff", "-o", str(out_file))
    assert code == 1
    assert one_error_line(err) == (
        "error: --title: b'Head \\xff' is not UTF-8 text; type or save it as UTF-8"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("generate", "Dir\udce9"), "ROLE"),
        (("generate", ROLE, "--section", "Perks\udcff: free lunch"), "--section"),
        (("generate", ROLE, "--add-skill", "\udcc3"), "--add-skill"),
        (("roles", "--search", "\udcff"), "--search"),
        (("compare", ROLE, "VP of Operations", "--industry", "\udcff"), "--industry"),
    ],
)
def test_non_utf8_bytes_name_the_option(args: tuple[str, ...], option: str) -> None:
    code, _, err = run(*args)
    assert code == 1
    assert one_error_line(err).startswith(f"error: {option}: b'")


def test_a_file_name_in_any_bytes_is_still_a_file_name(tmp_path: Path) -> None:
    out_file = tmp_path / "caf\udce9.md"  # a Latin-1 file name on a UTF-8 system
    code, _, err = run("generate", ROLE, "-o", str(out_file))
    assert code == 0, err
    assert out_file.read_text(encoding="utf-8").startswith("# Director of Operations")
    code, out, err = run("lint", str(out_file))
    assert code == 0, err
    assert "Director of Operations" in out


@pytest.mark.parametrize("heading", ["", "   "])
def test_an_empty_extra_section_heading_names_the_field(heading: str, tmp_path: Path) -> None:
    company = tmp_path / "company.yaml"
    company.write_text(
        f"name: Acme\nposting:\n  extra_sections:\n    - heading: '{heading}'\n"
        "      paragraphs: [Free lunch.]\n",
        encoding="utf-8",
    )
    code, _, err = run("generate", ROLE, "--company", str(company))
    assert code == 1
    line = one_error_line(err)
    assert line.startswith(f"error: {company}: posting.extra_sections.0.heading: ")


def test_an_extra_section_heading_is_trimmed(tmp_path: Path) -> None:
    company = tmp_path / "company.yaml"
    company.write_text(
        "posting:\n  extra_sections:\n    - heading: '  Perks '\n      paragraphs: [Free lunch.]\n",
        encoding="utf-8",
    )
    code, out, err = run("generate", ROLE, "--company", str(company))
    assert code == 0, err
    assert "\n## Perks\n" in out


def test_compare_docx_with_a_control_character_in_the_company_name(tmp_path: Path) -> None:
    import docx

    company = tmp_path / "company.yaml"
    company.write_text('name: "Acme\\x01 Inc"\n', encoding="utf-8")
    target = tmp_path / "cmp.docx"
    code, _, err = run(
        "compare", ROLE, "VP of Operations", "--company", str(company), "-o", str(target)
    )
    assert code == 0, err
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert any(t.startswith("Acme Inc: ") for t in texts), texts[:3]


JSONLD_SHAPES = [
    "1",
    '"text"',
    "null",
    "NaN",
    "[1, 2]",
    '{"@graph": 5}',
    '{"@graph": [1, {"@type": "JobPosting", "baseSalary": "x"}]}',
    '{"@type": "JobPosting", "jobLocation": {"address": {"addressRegion": 5}}}',
    '{"@type": "JobPosting", "jobLocation": [{"address": {"addressCountry": {"name": 5}}}]}',
    '{"@type": "JobPosting", "applicantLocationRequirements": 5}',
    '{"@type": "JobPosting", "baseSalary": {"currency": 5, "value": {"minValue": [], "maxValue": {}}}}',
    '{"@type": "JobPosting", "baseSalary": {"value": {"value": Infinity}}}',
    "[" * 100_000,
]


def html_page(folder: Path, jsonld: str) -> Path:
    page = folder / "posting.html"
    page.write_text(
        "<html><body><h1>Director of Operations</h1><p>You will run the plant.</p>"
        f'<script type="application/ld+json">{jsonld}</script></body></html>',
        encoding="utf-8",
    )
    return page


@pytest.mark.parametrize("jsonld", JSONLD_SHAPES, ids=range(len(JSONLD_SHAPES)))
def test_lint_reads_html_whose_jsonld_has_unexpected_shapes(jsonld: str, tmp_path: Path) -> None:
    code, out, err = run("lint", str(html_page(tmp_path, jsonld)), "--format", "json")
    assert code == 0, err
    assert json.loads(out)["score"] >= 0


def test_jsonld_pay_is_still_read_from_a_well_formed_posting(tmp_path: Path) -> None:
    salary = {"currency": "USD", "value": {"minValue": 90000, "maxValue": 120000}}
    page = html_page(tmp_path, json.dumps({"@type": "JobPosting", "baseSalary": salary}))
    code, out, err = run("lint", str(page), "--format", "json")
    assert code == 0, err
    texts = [f["text"] for f in json.loads(out)["findings"]]
    assert "no pay range" not in texts and "no location or work arrangement" in texts


def test_a_missing_dependency_names_the_package_and_how_to_install_it(tmp_path: Path) -> None:
    import subprocess

    # A fresh interpreter in which `import docx` fails, as if python-docx were not installed.
    script = (
        "import sys; sys.modules['docx'] = None; "
        f"sys.argv = ['jdgen', 'generate', {ROLE!r}, '-o', 'x.docx']; "
        "from jdgen.cli import main; main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert one_error_line(done.stderr) == (
        "error: the Python package 'python-docx' (module 'docx') is not installed or cannot "
        "be imported; (re)install it with: pip install --upgrade python-docx"
    )
    assert list(tmp_path.iterdir()) == []
