"""A role comparison as a Word document: headings, the summary, and real Word tables.

Built with python-docx on its default template, with Word's own styles (Title,
Heading 1, Heading 2, List Bullet, a built-in table style), so the navigation
pane, screen readers and converters see real structure.  The side-by-side table
repeats its header row on every page.
"""

from __future__ import annotations

import io
from typing import Any

from jdgen.clock import build_time
from jdgen.compare import Comparison
from jdgen.render.comparison import Area, shared_text, side_by_side
from jdgen.render.docx_parts import style_document, xml_safe_data

#: Title-bar blue used for headings, as in the posting's .docx.
TABLE_STYLE = "Light Grid Accent 1"


def _repeat_header(row: Any) -> None:
    """Mark a table row as a header row that Word repeats on every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _set_widths(table: Any, inches: list[float]) -> None:
    from docx.shared import Inches

    table.autofit = False
    for column, width in zip(table.columns, inches, strict=True):
        column.width = Inches(width)  # the grid, which LibreOffice and pandoc read
    for row in table.rows:
        for cell, width in zip(row.cells, inches, strict=True):
            cell.width = Inches(width)


def _fill_cell(cell: Any, text: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold
    paragraph.paragraph_format.space_after = 0


def _look(table: Any, first_column: bool, banded_rows: bool) -> None:
    """Which parts of the table style apply (Word's "Table Style Options")."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        tbl_pr.append(look)
    flags = {
        "firstRow": (True, 0x0020),
        "lastRow": (False, 0x0040),
        "firstColumn": (first_column, 0x0080),
        "lastColumn": (False, 0x0100),
        "noHBand": (not banded_rows, 0x0200),
        "noVBand": (True, 0x0400),
    }
    for name, (on, _) in flags.items():
        look.set(qn(f"w:{name}"), "1" if on else "0")
    # Older readers (and LibreOffice) read the same options from this bit mask.
    look.set(qn("w:val"), f"{sum(bit for on, bit in flags.values() if on):04X}")


def _area_in_cell(cell: Any, area: Area | None) -> None:
    """The posting heading in bold, then its duties as bulleted paragraphs."""
    from docx.shared import Pt

    if area is None:
        return
    heading, texts = area
    p = cell.paragraphs[0]
    p.add_run(heading).bold = True
    p.paragraph_format.space_before = Pt(2)
    p.paragraph_format.space_after = Pt(2)
    for t in texts:
        item = cell.add_paragraph(t, style="List Bullet")
        item.paragraph_format.space_after = Pt(2)


def to_bytes(c: Comparison) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Inches

    # python-docx refuses control characters a user value may carry (a company name).
    c = Comparison.model_validate(xml_safe_data(c.model_dump()))
    doc = Document()
    style_document(doc)
    section = doc.sections[0]
    # Landscape, so that three columns of prose stay readable.
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Inches(11), Inches(8.5)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(0.8))
    h = c.labels

    doc.add_paragraph(c.title, style="Title")
    doc.add_paragraph().add_run(c.context_line).italic = True

    doc.add_heading(h["summary"], level=1)
    for paragraph in c.summary:
        doc.add_paragraph(paragraph)

    doc.add_heading(h["table"], level=1)
    table = doc.add_table(rows=1, cols=3)
    table.style = doc.styles[TABLE_STYLE]
    _look(table, first_column=True, banded_rows=True)
    header = table.rows[0]
    for cell, text in zip(header.cells, ("", c.a.title, c.b.title), strict=True):
        _fill_cell(cell, text, bold=True)
    _repeat_header(header)
    for row in c.rows:
        cells = table.add_row().cells
        _fill_cell(cells[0], row.label, bold=True)
        _fill_cell(cells[1], row.a)
        _fill_cell(cells[2], row.b)
    _set_widths(table, [1.8, 3.6, 3.6])

    doc.add_heading(h["shared"], level=1)
    if not c.shared:
        doc.add_paragraph(h["none_shared"])
    for s in c.shared:
        text, other = shared_text(s)
        doc.add_paragraph(text, style="List Bullet")
        if other:
            doc.add_paragraph(other).paragraph_format.left_indent = Inches(0.5)

    doc.add_heading(h["unique"], level=1)
    pairs = side_by_side(c)
    unique = doc.add_table(rows=1, cols=2)
    unique.style = doc.styles[TABLE_STYLE]
    _look(unique, first_column=False, banded_rows=False)
    _fill_cell(unique.rows[0].cells[0], h["only_a"], bold=True)
    _fill_cell(unique.rows[0].cells[1], h["only_b"], bold=True)
    _repeat_header(unique.rows[0])
    for left, right in pairs:
        cells = unique.add_row().cells
        _area_in_cell(cells[0], left)
        _area_in_cell(cells[1], right)
    if not pairs:
        cells = unique.add_row().cells
        _fill_cell(cells[0], h["empty"])
        _fill_cell(cells[1], h["empty"])
    _set_widths(unique, [4.7, 4.7])

    props = doc.core_properties
    props.title = c.title[:255]
    props.subject = h["document_subject"][:255]
    props.author = c.company_name or "jdgen"
    props.category = h["document_category"]
    props.comments = c.context_line[:255]
    when = build_time()
    props.created = when
    props.modified = when
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
