"""Build templates/posting-template.docx, the example for ``jdgen generate --docx-template``.

    python templates/make_posting_template.py [OUTPUT]

The .docx is a Word file like one a designer would make, with docxtpl tags
where the posting goes ({{ title }}, {%p for group in responsibilities %} …).
Open it in Word or LibreOffice to see the tags; change it there, or change this
script and run it again (the output is byte-identical for the same script).
The fields are listed in the README, "Branded Word output".
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor

from jdgen.render.docx import style_document
from jdgen.render.docx_package import normalise_zip

HERE = Path(__file__).resolve().parent
NAVY = RGBColor(0x1F, 0x2A, 0x44)
GREY = RGBColor(0x5F, 0x66, 0x73)
#: A fixed date, so that the file only changes when this script does.
BUILT = dt.datetime(2026, 1, 1)


def para(container: Any, text: str = "", style: str | None = None, **font: Any) -> Any:
    p = container.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        for key, value in font.items():
            if key == "color":
                run.font.color.rgb = value
            else:
                setattr(run.font, key, value)
    return p


def labelled(container: Any, label: str, value: str) -> None:
    p = container.add_paragraph()
    p.paragraph_format.space_after = Pt(2)
    p.add_run(label).bold = True
    p.add_run(value)


def bullets(doc: Any, loop: str, item: str = "{{ item }}") -> None:
    para(doc, "{%p for item in " + loop + " %}")
    para(doc, item, "List Bullet")
    para(doc, "{%p endfor %}")


def section(doc: Any, condition: str | None, heading: str, body: list[tuple[str, str]]) -> None:
    """A Heading 1 and its body, left out when ``condition`` is empty."""
    if condition:
        para(doc, "{%p if " + condition + " %}")
    para(doc, heading, "Heading 1")
    for kind, text in body:
        if kind == "bullets":
            bullets(doc, text)
        else:
            para(doc, text, kind)
    if condition:
        para(doc, "{%p endif %}")


def build() -> bytes:
    doc = Document()
    style_document(doc)
    styles = doc.styles
    styles["Title"].paragraph_format.space_after = Pt(2)
    styles["Heading 1"].font.size = Pt(13)
    styles["Heading 2"].font.color.rgb = GREY

    page = doc.sections[0]
    page.page_width, page.page_height = Cm(21.59), Cm(27.94)  # US Letter
    page.left_margin = page.right_margin = Cm(2.2)
    page.top_margin, page.bottom_margin = Cm(2.0), Cm(2.0)
    page.header_distance = page.footer_distance = Cm(1.0)

    header = page.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = header.add_run("{% if company %}{{ company }} · {% endif %}Careers")
    run.font.size, run.font.color.rgb, run.font.small_caps = Pt(9), GREY, True

    footer = page.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = footer.add_run("{{ title }}{% if company %} · {{ company }}{% endif %} · page ")
    run.font.size, run.font.color.rgb = Pt(8), GREY
    field = parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:rPr><w:color w:val="5F6673"/>'
        '<w:sz w:val="16"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>'
    )
    footer._p.append(field)

    para(doc, "{{ title }}", "Title")
    para(
        doc,
        "{{ [company, locations|join(' or '), employment_type|capitalize, "
        "work_arrangement|capitalize]|select|join('  ·  ') }}",
        size=Pt(11),
        color=GREY,
    )

    # "At a glance": a shaded box with the facts a candidate looks for first.
    table = doc.add_table(rows=1, cols=1)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    cell = table.rows[0].cells[0]
    cell._tc.get_or_add_tcPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="EEF1F6"/>')
    )
    first = cell.paragraphs[0]
    first.add_run("Reports to: ").bold = True
    first.add_run("{{ reports_to }}")
    first.paragraph_format.space_after = Pt(2)
    para(cell, "{%p if pay_range %}")
    labelled(cell, "Pay: ", "{{ pay_range }}")
    para(cell, "{%p endif %}")
    para(cell, "{%p if apply_by %}")
    labelled(cell, "Apply by: ", "{{ apply_by }}")
    para(cell, "{%p endif %}")

    section(
        doc, "about_company", "About {{ company or 'us' }}", [("Normal", "{{ about_company }}")]
    )
    para(doc, "About the role", "Heading 1")
    para(doc, "{{ about_role }}")
    para(doc, "{%p if reporting %}")
    para(doc, "{{ reporting }}")
    para(doc, "{%p endif %}")

    para(doc, "What you will do", "Heading 1")
    para(doc, "{%p for group in responsibilities %}")
    para(doc, "{{ group.heading }}", "Heading 2")
    bullets(doc, "group.bullets")
    para(doc, "{%p endfor %}")

    para(doc, "What you bring", "Heading 1")
    bullets(doc, "qualifications.required")
    para(doc, "{%p if qualifications.preferred %}")
    para(doc, "Nice to have", "Heading 2")
    bullets(doc, "qualifications.preferred")
    para(doc, "{%p endif %}")

    para(doc, "{%p if skills %}")
    para(doc, "Skills", "Heading 1")
    para(doc, "{%p for group in skills %}")
    para(doc, "{{ group.heading }}", "Heading 2")
    bullets(doc, "group.bullets")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")

    section(
        doc,
        "kpis",
        "What success looks like",
        [("Normal", "{{ kpis_intro }}"), ("bullets", "kpis")],
    )
    section(doc, "career", "Where this role leads", [("Normal", "{{ career }}")])

    para(doc, "{%p for extra in extra_sections %}")
    para(doc, "{{ extra.heading }}", "Heading 1")
    para(doc, "{%p for p in extra.paragraphs %}")
    para(doc, "{{ p }}")
    para(doc, "{%p endfor %}")
    bullets(doc, "extra.bullets")
    para(doc, "{%p endfor %}")

    para(doc, "{%p if pay or benefits %}")
    para(doc, "Pay and benefits", "Heading 1")
    para(doc, "{%p if pay %}")
    para(doc, "{{ pay }}")
    para(doc, "{%p endif %}")
    bullets(doc, "benefits")
    para(doc, "{%p endif %}")

    section(doc, "location", "Where you will work", [("Normal", "{{ location }}")])
    section(doc, "how_to_apply", "How to apply", [("Normal", "{{ how_to_apply }}")])

    closing = para(doc, "{{ equal_opportunity }}", size=Pt(9), color=GREY, italic=True)
    closing.paragraph_format.space_before = Pt(18)

    props = doc.core_properties
    props.title = "Job posting template (jdgen --docx-template)"
    props.author = "jdgen"
    props.comments = "Fields: see the jdgen README, section 'Branded Word output'."
    props.created = props.modified = BUILT
    props.last_modified_by = "jdgen"
    props.revision = 1

    out = io.BytesIO()
    doc.save(out)
    return normalise_zip(out.getvalue(), BUILT)


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "posting-template.docx"
    target.write_bytes(build())
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
