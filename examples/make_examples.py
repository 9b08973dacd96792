"""Rebuild the example Word files: ``python examples/make_examples.py``.

* ``brand.docx``: a company's Word design for ``--reference-docx``, made with
  python-docx styles the way a person would set them in Word (Home › Styles ›
  Modify): fonts and colours of Title, Heading 1, Heading 2 and the body text,
  and the company's name and address in the header and footer.
* ``posting.docx``: a posting jdgen wrote from ``company.yaml`` (for ``jdgen lint``).

Both are reproducible: SOURCE_DATE_EPOCH fixes the dates inside the files.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: 2026-11-21 00:00 UTC: the files' dates.
EPOCH = "1795219200"


def make_brand(path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    doc = Document()
    teal, ink = RGBColor(0x0B, 0x5E, 0x6B), RGBColor(0x22, 0x2B, 0x33)
    looks = {
        "Normal": ("Liberation Serif", 11, ink, False),
        "Title": ("Liberation Sans", 26, teal, True),
        "Heading 1": ("Liberation Sans", 15, teal, True),
        "Heading 2": ("Liberation Sans", 12, ink, True),
    }
    for name, (font, size, colour, bold) in looks.items():
        style = doc.styles[name]
        style.font.name = font
        style.font.size = Pt(size)
        style.font.color.rgb = colour
        style.font.bold = bold
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.text = "ACME WIDGETS  ·  Precision valves since 1987"
    header.runs[0].font.color.rgb = teal
    header.runs[0].font.bold = True
    footer = section.footer.paragraphs[0]
    footer.text = "Acme Widgets · 1200 Valve Way · Denver, CO 80202 · acme.example"
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.core_properties.author = "Acme Widgets"
    doc.core_properties.title = "Acme Widgets brand"
    doc.save(str(path))


def make_posting(path: Path) -> None:
    from jdgen.catalog import builtin_catalog
    from jdgen.company import load_company
    from jdgen.render import render, write_output
    from jdgen.tailor import tailor

    catalog = builtin_catalog()
    company = load_company(HERE / "company.yaml", catalog)
    jd = tailor(catalog.find_role("Director of Operations"), company, catalog)
    write_output(path, render(jd, "docx"))


def main() -> None:
    os.environ.setdefault("SOURCE_DATE_EPOCH", EPOCH)
    sys.path.insert(0, str(HERE.parent))
    make_brand(HERE / "brand.docx")
    make_posting(HERE / "posting.docx")
    print(f"wrote {HERE / 'brand.docx'} and {HERE / 'posting.docx'}")


if __name__ == "__main__":
    main()
