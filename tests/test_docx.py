"""The .docx read back: real Word styles, the same text as the Markdown, filled properties,
and independent readers (pandoc, LibreOffice) that see the structure."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docxcheck import markdown_as_styled_lines, need, to_pdf

from jdgen.catalog import Catalog
from jdgen.models import Company
from jdgen.render import render
from jdgen.tailor import tailor

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def acme_posting(catalog: Catalog):
    from jdgen.company import load_company

    company = load_company(FIXTURES / "acme.yaml", catalog)
    return tailor(catalog.find_role("director-of-operations"), company, catalog)


def test_docx_has_the_markdown_text_with_word_styles(acme_posting) -> None:
    doc = Document(io.BytesIO(render(acme_posting, "docx")))
    got = [(p.style.name, p.text) for p in doc.paragraphs]
    assert got == markdown_as_styled_lines(render(acme_posting, "md").decode())
    styles = {s for s, _ in got}
    assert styles == {"Title", "Heading 1", "Heading 2", "List Bullet", "Normal"}
    assert ("Heading 1", "What you will do") in got
    assert ("Heading 2", "Planning, systems and routines") in got


def test_docx_core_properties(acme_posting) -> None:
    props = Document(io.BytesIO(render(acme_posting, "docx"))).core_properties
    assert props.title == "Director of Operations"
    assert props.subject == "Job description: Director of Operations"
    assert props.author == "Acme Widgets"
    assert props.category == "Job description"
    assert "Manufacturing" in props.keywords and "Cost of operations" in props.keywords
    assert props.comments.startswith(
        "Director of Operations (Director), Small company, Manufacturing."
    )


def test_docx_is_reproducible_with_source_date_epoch(acme_posting, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    props = Document(io.BytesIO(render(acme_posting, "docx"))).core_properties
    assert props.created.isoformat().startswith("2026-01-01T00:00:00")


def test_pandoc_sees_headings_and_lists(acme_posting, tmp_path: Path) -> None:
    pandoc = need("pandoc")
    path = tmp_path / "p.docx"
    path.write_bytes(render(acme_posting, "docx"))
    md = subprocess.run(
        [pandoc, "-f", "docx", "-t", "markdown", "--wrap=none", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "# What you will do" in md
    assert "## Planning, systems and routines" in md
    assert "-   Turn the leadership team" in md


def test_libreoffice_opens_and_converts_it(acme_posting, tmp_path: Path) -> None:
    path = tmp_path / "p.docx"
    path.write_bytes(render(acme_posting, "docx"))
    to_pdf(tmp_path, path)
    pdf = tmp_path / "p.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "Director of Operations" in text and "What you will do" in text


def test_default_company_docx(catalog: Catalog) -> None:
    jd = tailor(catalog.find_role("vpo"), Company(), catalog)
    doc = Document(io.BytesIO(render(jd, "docx")))
    assert doc.core_properties.author == "jdgen"
    assert doc.paragraphs[0].text == "VP of Operations"


def test_long_properties_are_shortened_to_words_limit() -> None:
    from jdgen.render.docx_parts import fit

    keywords = ", ".join(f"Skill number {i}" for i in range(40))
    short = fit(keywords)
    assert len(short) <= 255
    assert short.endswith("…") and keywords.startswith(short[:-1])
    assert not short[:-1].endswith((",", " "))
    assert fit("VP of Operations") == "VP of Operations"
