"""Batch files as spreadsheets save them (issue 15): delimiters, encodings, headers, and
rows for another employer that must not take the default company's text."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from jdgen.cli import cli

HEADER = ["role", "name", "city", "region", "country", "salary_min", "salary_max"]
ROWS = [
    ["vpo", "Acme Widgets", "Denver", "CO", "US", "120000", "150000"],
    ["Director of Operations", "Globex", "Austin", "TX", "US", "", ""],
]


def batch(tmp_path: Path, name: str, data: bytes, *args: str) -> tuple[int, str, Path]:
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["batch", str(path), "-o", str(out), "--format", "md", "-j", "1", *args]
    )
    return result.exit_code, result.stderr, out


def table(delimiter: str) -> str:
    return "\r\n".join(delimiter.join(cells) for cells in [HEADER, *ROWS]) + "\r\n"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("comma.csv", table(",").encode()),
        ("semicolon.csv", table(";").encode("utf-8-sig")),  # Excel where "," is the decimal mark
        ("tab.csv", table("\t").encode()),
        ("tab.tsv", table("\t").encode()),
        ("excel-unicode.csv", table("\t").encode("utf-16")),  # Excel's "Unicode Text": UTF-16, BOM
        ("utf16-comma.csv", b"\xff\xfe" + table(",").encode("utf-16-le")),
    ],
)
def test_delimiter_and_encoding_are_read_as_saved(tmp_path: Path, name: str, data: bytes) -> None:
    code, err, out = batch(tmp_path, name, data)
    assert code == 0, err
    texts = {p.name: p.read_text() for p in out.glob("*.md")}
    assert len(texts) == 2, texts
    acme = next(t for n, t in texts.items() if "acme" in n)
    assert "$120,000 to $150,000 per year" in acme and "Denver, CO" in acme


def test_a_windows_1252_file_is_named_clearly(tmp_path: Path) -> None:
    data = "role,name\nvpo,Café Müller\n".encode("cp1252")
    code, err, out = batch(tmp_path, "rows.csv", data)
    assert code == 1 and not out.exists()
    assert err.strip() == (
        f"error: {tmp_path / 'rows.csv'}: not UTF-8 text (it looks like Windows-1252 or Latin-1); "
        "in Excel use File › Save As › CSV UTF-8, in LibreOffice choose the character set "
        "Unicode (UTF-8)"
    )


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("role,Job Title,Title", "columns 'Job Title' and 'Title' both mean 'title'; keep one"),
        (
            "role,Company,Company Name",
            "columns 'Company' and 'Company Name' both mean 'name'; keep one",
        ),
        ("role,city,City", "City: the column appears twice; keep one"),
    ],
)
def test_duplicate_and_near_duplicate_headers_get_one_message(
    tmp_path: Path, header: str, message: str
) -> None:
    code, err, out = batch(tmp_path, "rows.csv", f"{header}\nvpo,a,b\n".encode())
    assert code == 1 and not out.exists()
    assert err.strip() == f"error: {tmp_path / 'rows.csv'}:1: {message}"


def test_a_row_for_another_company_does_not_take_the_default_companys_text(
    tmp_path: Path,
) -> None:
    company = tmp_path / "acme.yaml"
    company.write_text(
        "name: Acme Widgets\nabout: Acme Widgets makes valves.\nwebsite: https://acme.example\n"
        "benefits: [Acme dental plan]\nhow_to_apply: https://acme.example/careers\n"
        "locations: [{city: Denver, region: CO, country: US}]\n"
        "salary: {min: 120000, max: 150000}\nsize: 60\n"
    )
    rows = "role,name,about\nvpo,Acme Widgets,\nvpo,Globex,\nvpo,acme  widgets,\n"
    code, err, out = batch(tmp_path, "rows.csv", rows.encode(), "--company", str(company))
    assert code == 0, err
    texts = {p.name: p.read_text() for p in out.glob("*.md")}
    globex = next(t for n, t in texts.items() if "globex" in n)
    for acme_only in ("Acme", "valves", "acme.example", "dental", "Denver", "$120,000"):
        assert acme_only not in globex, acme_only
    acmes = [t for n, t in texts.items() if "globex" not in n]
    assert len(acmes) == 2
    for text in acmes:  # the company's own rows (any case and spacing) still get all of it
        assert "Acme Widgets makes valves." in text and "Acme dental plan" in text
        assert "Denver, CO" in text and "$120,000 to $150,000" in text
