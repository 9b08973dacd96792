"""Lint reads a .docx from its XML (jdgen.lint.docx_text): the same paragraphs, styles,
numbering, bold and title as python-docx reports, for jdgen's own Word output (plain,
branded with --reference-docx, filled from the example docxtpl template) and for a
document with tables, hyperlinks, breaks, tabs and explicit non-bold runs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from jdgen.catalog import builtin_catalog
from jdgen.lint.docx_text import DocxError, DocxParagraph, read_docx_text
from jdgen.models import Company
from jdgen.render import RenderOptions, render
from jdgen.resources import data_dir
from jdgen.tailor import tailor

CATALOG = builtin_catalog()


def python_docx_view(path: Path) -> tuple[str, list[DocxParagraph]]:
    """What python-docx says about the same file (lint's reader before it read XML)."""
    doc = Document(str(path))
    paragraphs = []
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            found = [Paragraph(child, doc)]
        elif tag == "tbl":
            found = [p for row in Table(child, doc).rows for c in row.cells for p in c.paragraphs]
        else:
            continue
        for p in found:
            runs = [r for r in p.runs if r.text.strip()]
            paragraphs.append(
                DocxParagraph(
                    p.text,
                    (p.style.name if p.style is not None else "") or "",
                    p._p.pPr is not None and p._p.pPr.numPr is not None,
                    bool(runs) and all(r.bold for r in runs),
                )
            )
    return doc.core_properties.title or "", paragraphs


def assert_same_as_python_docx(path: Path) -> None:
    ours = read_docx_text(path)
    title, paragraphs = python_docx_view(path)
    assert ours.title == title
    assert ours.paragraphs == paragraphs


def posting(role: str, **company: object):
    return tailor(CATALOG.find_role(role), Company(**company), CATALOG)


@pytest.mark.parametrize(
    ("role", "size", "industry"),
    [
        ("director-of-operations", "small", "manufacturing"),
        ("vp-of-operations", "enterprise", "healthcare"),
        ("coo", "mid-size", "ecommerce"),
    ],
)
def test_jdgen_word_output_reads_as_python_docx_reads_it(
    tmp_path: Path, role: str, size: str, industry: str
) -> None:
    path = tmp_path / "posting.docx"
    path.write_bytes(render(posting(role, size=size, industry=industry), "docx"))
    assert_same_as_python_docx(path)
    doc = read_docx_text(path)
    assert any(p.style == "Heading 2" for p in doc.paragraphs)
    assert any(p.style == "List Bullet" for p in doc.paragraphs)


def test_branded_and_templated_output_reads_as_python_docx_reads_it(tmp_path: Path) -> None:
    brand = Document()
    brand.styles["Normal"].font.name = "Georgia"
    brand.sections[0].header.paragraphs[0].text = "Acme · Careers"
    brand.add_paragraph("placeholder")
    brand.save(str(tmp_path / "brand.docx"))
    jd = posting("director-of-operations", size="small")
    for name, options in (
        ("branded.docx", RenderOptions(reference_docx=tmp_path / "brand.docx")),
        (
            "templated.docx",
            RenderOptions(docx_template=data_dir("templates") / "posting-template.docx"),
        ),
    ):
        path = tmp_path / name
        path.write_bytes(render(jd, "docx", options))
        assert_same_as_python_docx(path)


def test_tables_links_breaks_and_bold_read_as_python_docx_reads_them(tmp_path: Path) -> None:
    doc = Document()
    doc.core_properties.title = "Plant Manager"
    doc.add_paragraph("Plant Manager", style="Title")
    heading = doc.add_paragraph()
    heading.add_run("What you will do").bold = True
    heading.add_run("   ")
    mixed = doc.add_paragraph()
    mixed.add_run("Bold start ").bold = True
    mixed.add_run("then not").bold = False
    broken = doc.add_paragraph("Line one")
    broken.add_run().add_break()
    broken.add_run("line two")
    broken.add_run().add_break(WD_BREAK.PAGE)
    broken.add_run("after\tthe tab")
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), "rId99")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "apply here"
    run.append(text)
    link.append(run)
    linked = doc.add_paragraph("To apply: ")
    linked._p.append(link)
    doc.add_paragraph("Numbered step", style="List Number")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Shift"
    table.cell(0, 1).text = "Nights, rotating"
    table.cell(1, 0).text = "Pay"
    table.cell(1, 1).text = "$80,000 to $95,000"
    doc.add_heading("About us", level=1)
    path = tmp_path / "plant.docx"
    doc.save(str(path))
    assert_same_as_python_docx(path)
    texts = [p.text for p in read_docx_text(path).paragraphs]
    assert "To apply: apply here" in texts
    assert "Line one\nline twoafter\tthe tab" in texts
    assert texts[-5:-1] == ["Shift", "Nights, rotating", "Pay", "$80,000 to $95,000"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"not a zip file", "not a zip file"),
        ("zip-without-document", "no main document part"),
        ("zip-with-bad-xml", "not well-formed"),
        ("zip-with-entity", "word/document.xml declares a DTD or entities"),
    ],
)
def test_unreadable_word_files_raise_a_docx_error(
    tmp_path: Path, content: bytes | str, problem: str
) -> None:
    path = tmp_path / "broken.docx"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        rels = (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            "openxmlformats.org/officeDocument/2006/relationships/officeDocument"
            '" Target="word/document.xml"/></Relationships>'
        )
        document = {
            "zip-with-bad-xml": "<w:document",
            "zip-with-entity": '<!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>',
        }.get(content)
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            if content != "zip-without-document":
                z.writestr("_rels/.rels", rels)
                z.writestr("word/document.xml", document or "")
    with pytest.raises(DocxError) as err:
        read_docx_text(path)
    assert problem in str(err.value)
