"""Branded Word output: --reference-docx keeps the user's look, --docx-template fills a
user's Word file (docxtpl, sandboxed), and every route gives the same bytes twice."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docxcheck import markdown_as_styled_lines, need, to_pdf

from jdgen.catalog import Catalog
from jdgen.cli import cli
from jdgen.errors import JdgenError, TemplateError
from jdgen.models import Company
from jdgen.render import RenderOptions, render
from jdgen.render.docx import default_base
from jdgen.render.docx_package import reference_base
from jdgen.render.docx_template import template_fields
from jdgen.resources import data_dir
from jdgen.tailor import tailor

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE_TEMPLATE = data_dir("templates") / "posting-template.docx"
BRAND_RED = RGBColor(0x8B, 0x00, 0x00)
HEADER = "Acme Widgets · Careers"
FOOTER = "Acme Widgets Inc. · 1 Valve Way, Denver"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def acme_posting(catalog: Catalog):
    from jdgen.company import load_company

    company = load_company(FIXTURES / "acme.yaml", catalog)
    return tailor(catalog.find_role("director-of-operations"), company, catalog)


def logo_png(width: int = 90, height: int = 30) -> bytes:
    """A small solid-red PNG, written by hand (no imaging library needed)."""
    raw = b"".join(b"\x00" + b"\x8b\x00\x00" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def brand_docx(tmp_path: Path) -> Path:
    """A company's Word file: its own fonts and heading colour, A4, 2 cm margins, logo in the header."""
    doc = Document()
    styles = doc.styles
    styles["Normal"].font.name = "Georgia"
    styles["Normal"].font.size = Pt(10.5)
    heading = styles["Heading 1"]
    heading.font.name = "Verdana"
    heading.font.size = Pt(16)
    heading.font.color.rgb = BRAND_RED
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2.5)
    logo = tmp_path / "logo.png"
    logo.write_bytes(logo_png())
    header = section.header.paragraphs[0]
    header.add_run().add_picture(str(logo), width=Cm(3))
    header.add_run("  " + HEADER)
    section.footer.paragraphs[0].text = FOOTER
    doc.add_paragraph("PLACEHOLDER BODY, replaced by the posting")
    path = tmp_path / "brand.docx"
    doc.save(str(path))
    return path


@pytest.fixture
def bare_docx(tmp_path: Path) -> Path:
    """A Word file like many saved from Word: no Title, Heading 1/2 or List Bullet, no numbering."""
    doc = Document()
    styles = doc.styles.element
    for style_id in ("Title", "Heading1", "Heading2", "ListBullet"):
        element = styles.get_by_id(style_id)
        element.getparent().remove(element)
    rels = doc.part.rels
    for r_id in [r for r, rel in rels.items() if rel.reltype.endswith("/numbering")]:
        del rels[r_id]
    doc.sections[0].header.paragraphs[0].text = "BARE HEADER"
    path = tmp_path / "bare.docx"
    doc.save(str(path))
    return path


def read(data: bytes):
    return Document(io.BytesIO(data))


def all_text(doc) -> str:
    """Body, table, header and footer text of a document."""
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
    for section in doc.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


# -- --reference-docx ---------------------------------------------------------


def test_reference_docx_keeps_the_users_styles_page_and_header(
    acme_posting, brand_docx: Path
) -> None:
    out = read(render(acme_posting, "docx", RenderOptions(reference_docx=brand_docx)))
    heading = out.styles["Heading 1"]
    assert heading.font.name == "Verdana"
    assert heading.font.size == Pt(16)
    assert heading.font.color.rgb == BRAND_RED
    assert out.styles["Normal"].font.name == "Georgia"

    brand, section = Document(str(brand_docx)).sections[0], out.sections[0]
    for attr in ("page_width", "page_height", "left_margin", "right_margin", "top_margin"):
        assert getattr(section, attr) == getattr(brand, attr), attr
    assert abs(section.page_width - Cm(21)) < Cm(0.01)
    assert HEADER in section.header.paragraphs[0].text
    assert section.footer.paragraphs[0].text == FOOTER
    header_rels = section.header.part.rels.values()
    assert any(rel.reltype.endswith("/image") for rel in header_rels), "the logo is gone"


def test_reference_docx_body_is_the_posting(acme_posting, brand_docx: Path) -> None:
    out = read(render(acme_posting, "docx", RenderOptions(reference_docx=brand_docx)))
    got = [(p.style.name, p.text) for p in out.paragraphs]
    assert got == markdown_as_styled_lines(render(acme_posting, "md").decode())
    assert "PLACEHOLDER" not in all_text(out)
    assert out.core_properties.title == "Director of Operations"
    assert out.core_properties.author == "Acme Widgets"


def bullet_format(doc, style_name: str) -> str | None:
    """The number format Word would use for paragraphs of ``style_name`` (bullet, decimal …)."""
    style = doc.styles[style_name].element
    num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))
    numbering = doc.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a
        for a in numbering.findall(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == abstract_id
    )
    return abstract.find(f"{qn('w:lvl')}/{qn('w:numFmt')}").get(qn("w:val"))


def test_reference_docx_without_posting_styles_gets_words_built_ins(
    acme_posting, bare_docx: Path
) -> None:
    source = Document(str(bare_docx))
    assert "Heading 1" not in source.styles and "List Bullet" not in source.styles
    out = read(render(acme_posting, "docx", RenderOptions(reference_docx=bare_docx)))
    got = [(p.style.name, p.text) for p in out.paragraphs]
    assert got == markdown_as_styled_lines(render(acme_posting, "md").decode())
    assert out.styles["Heading 2"].base_style.name == "Normal"
    assert bullet_format(out, "List Bullet") == "bullet"
    assert out.sections[0].header.paragraphs[0].text == "BARE HEADER"


def test_added_list_bullet_does_not_borrow_the_files_numbered_list(
    acme_posting, tmp_path: Path
) -> None:
    """A file whose list number 1 is a numbered (1. 2. 3.) list and which has no List Bullet."""
    doc = Document()
    styles = doc.styles.element
    styles.remove(styles.get_by_id("ListBullet"))
    numbering = doc.part.numbering_part.element
    first = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == "1")
    first.find(qn("w:abstractNumId")).set(qn("w:val"), "0")  # abstractNum 0: decimal
    path = tmp_path / "numbered.docx"
    doc.save(str(path))
    out = read(render(acme_posting, "docx", RenderOptions(reference_docx=path)))
    assert bullet_format(out, "List Bullet") == "bullet"


def test_reference_docx_whose_normal_is_not_marked_default(acme_posting, tmp_path: Path) -> None:
    """LibreOffice writes Normal without w:default; body paragraphs then name it."""
    doc = Document()
    doc.styles["Normal"].element.attrib.pop(qn("w:default"))
    path = tmp_path / "lo.docx"
    doc.save(str(path))
    out = read(render(acme_posting, "docx", RenderOptions(reference_docx=path)))
    assert {p.style.name for p in out.paragraphs if p.style is not None} >= {"Normal", "Title"}
    assert all(p.style is not None for p in out.paragraphs)


def test_pandoc_sees_lists_in_a_reference_without_numbering(
    acme_posting, bare_docx: Path, tmp_path: Path
) -> None:
    pandoc = need("pandoc")
    path = tmp_path / "p.docx"
    path.write_bytes(render(acme_posting, "docx", RenderOptions(reference_docx=bare_docx)))
    md = subprocess.run(
        [pandoc, "-f", "docx", "-t", "markdown", "--wrap=none", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "# What you will do" in md
    assert "-   Turn the leadership team" in md


def test_a_word_template_dotx_is_accepted_as_reference(
    acme_posting, brand_docx: Path, tmp_path: Path
) -> None:
    dotx = tmp_path / "brand.dotx"
    with zipfile.ZipFile(brand_docx) as zin, zipfile.ZipFile(dotx, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b".document.main+xml", b".template.main+xml")
            zout.writestr(info, data)
    out = read(render(acme_posting, "docx", RenderOptions(reference_docx=dotx)))
    assert out.styles["Heading 1"].font.color.rgb == BRAND_RED
    assert out.paragraphs[0].text == "Director of Operations"


def test_an_edited_reference_file_is_read_again(acme_posting, tmp_path: Path) -> None:
    path = tmp_path / "brand.docx"
    for text in ("First header", "Second header, a longer one"):
        doc = Document()
        doc.sections[0].header.paragraphs[0].text = text
        doc.save(str(path))
        out = read(render(acme_posting, "docx", RenderOptions(reference_docx=path)))
        assert out.sections[0].header.paragraphs[0].text == text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"just some text\n", "not a Word .docx file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "an old binary .doc"),
        ("zip", "no [Content_Types].xml"),
    ],
)
def test_cli_rejects_a_reference_that_is_not_a_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes | str, reason: str
) -> None:
    monkeypatch.chdir(tmp_path)
    bad = Path("brand.docx")
    if content == "zip":
        with zipfile.ZipFile(bad, "w") as z:
            z.writestr("hello.txt", "not Word")
    else:
        assert isinstance(content, bytes)
        bad.write_bytes(content)
    code, _, err = run("generate", "vpo", "--reference-docx", "brand.docx", "-o", "out.docx")
    assert code == 1
    assert err.startswith("error: --reference-docx: brand.docx: ")
    assert reason in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert not Path("out.docx").exists()


def test_reference_docx_and_docx_template_together_is_an_error(
    acme_posting, brand_docx: Path
) -> None:
    options = RenderOptions(reference_docx=brand_docx, docx_template=EXAMPLE_TEMPLATE)
    with pytest.raises(JdgenError, match="cannot be used together"):
        render(acme_posting, "docx", options)


# -- --docx-template ----------------------------------------------------------


def test_example_template_is_filled_from_the_posting(acme_posting) -> None:
    out = read(render(acme_posting, "docx", RenderOptions(docx_template=EXAMPLE_TEMPLATE)))
    text = all_text(out)
    assert "{{" not in text and "{%" not in text and "}}" not in text
    paragraphs = [(p.style.name, p.text) for p in out.paragraphs]
    assert paragraphs[0] == ("Title", "Director of Operations")
    assert paragraphs[1][1] == "Acme Widgets  ·  Denver, CO, US  ·  Full-time  ·  On-site"
    assert ("Heading 1", "About Acme Widgets") in paragraphs
    assert ("Heading 2", "Planning, systems and routines") in paragraphs
    assert (
        "List Bullet",
        "Turn the leadership team's strategy into operating plans with short-term targets, "
        "owners, resources and timelines, and adjust them as conditions change.",
    ) in paragraphs
    assert ("List Bullet", "401(k) with 4% match.") in paragraphs
    assert ("Normal", "Apply online at https://acme.example/careers.") in paragraphs
    assert ("Normal", "Applications close on December 31, 2026.") in paragraphs
    box = [p.text for p in out.tables[0].rows[0].cells[0].paragraphs]
    assert box == [
        "Reports to: Chief Executive Officer",  # 60 people: a COO from 250
        "Pay: $120,000 to $150,000 per year",
        "Apply by: December 31, 2026",
    ]
    assert out.sections[0].header.paragraphs[0].text == "Acme Widgets · Careers"
    assert (
        out.sections[0]
        .footer.paragraphs[0]
        .text.startswith("Director of Operations · Acme Widgets · page")
    )
    assert out.core_properties.title == "Director of Operations"
    assert out.core_properties.author == "Acme Widgets"


def test_example_template_leaves_out_what_the_posting_lacks(catalog: Catalog) -> None:
    jd = tailor(catalog.find_role("vpo"), Company(), catalog)
    out = read(render(jd, "docx", RenderOptions(docx_template=EXAMPLE_TEMPLATE)))
    text = all_text(out)
    assert "{{" not in text and "{%" not in text
    assert "Pay:" not in text and "Apply by:" not in text and "Pay and benefits" not in text
    assert out.sections[0].header.paragraphs[0].text == "Careers"
    assert out.paragraphs[0].text == "VP of Operations"


def test_template_fields_come_from_the_job_description(acme_posting) -> None:
    fields = template_fields(acme_posting)
    jd = acme_posting
    duties = jd.section("responsibilities")
    assert [g["heading"] for g in fields["responsibilities"]] == [
        s.heading for s in duties.subsections
    ]
    assert fields["responsibilities"][0]["bullets"] == duties.subsections[0].bullet_texts
    quals = jd.section("qualifications").subsections
    assert fields["qualifications"]["required"] == quals[0].bullet_texts
    assert fields["qualifications"]["preferred"] == quals[1].bullet_texts
    assert fields["kpis"] == jd.section("kpis").bullet_texts
    assert fields["company"] == "Acme Widgets"
    assert fields["pay_range"] == "$120,000 to $150,000 per year"
    assert fields["benefits"] == jd.section("compensation").bullet_texts
    assert fields["locations"] == ["Denver, CO, US"]
    assert fields["apply_by"] == "December 31, 2026"
    assert fields["how_to_apply"] == "\a".join(jd.section("apply").paragraphs)
    assert [s["id"] for s in fields["sections"]] == [s.id for s in jd.sections]
    assert fields["metadata"]["role_id"] == "director-of-operations"


def make_template(path: Path, *paragraphs: str) -> Path:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def test_template_text_is_escaped_not_markup(catalog: Catalog, tmp_path: Path) -> None:
    jd = tailor(catalog.find_role("vpo"), Company(name='R&D <Labs> "Q" Inc'), catalog)
    template = make_template(tmp_path / "t.docx", "{{ company }} hires a {{ title }}")
    out = read(render(jd, "docx", RenderOptions(docx_template=template)))
    assert out.paragraphs[0].text == 'R&D <Labs> "Q" Inc hires a VP of Operations'


@pytest.mark.parametrize(
    "tag",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ title.__class__.__mro__[1].__subclasses__() }}",
        "{{ sections.__class__.__init__.__globals__ }}",
    ],
)
def test_template_cannot_reach_python_internals(acme_posting, tmp_path: Path, tag: str) -> None:
    template = make_template(tmp_path / "evil.docx", "Hello", tag)
    with pytest.raises(TemplateError, match="not allowed in a jdgen template"):
        render(acme_posting, "docx", RenderOptions(docx_template=template))


def test_cli_sandbox_violation_is_one_line_and_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    make_template(Path("evil.docx"), "{{ ''.__class__.__mro__ }}")
    code, _, err = run("generate", "vpo", "--docx-template", "evil.docx", "-o", "out.docx")
    assert code == 1
    assert err.startswith("error: --docx-template: evil.docx: not allowed in a jdgen template")
    assert "__class__" in err and len(err.strip().splitlines()) == 1
    assert not Path("out.docx").exists()


def test_template_with_unknown_field_names_it(acme_posting, tmp_path: Path) -> None:
    template = make_template(tmp_path / "typo.docx", "{{ titel }}")
    with pytest.raises(TemplateError, match=r"'titel' is undefined; the fields are: .*title"):
        render(acme_posting, "docx", RenderOptions(docx_template=template))


def test_template_syntax_error_quotes_the_text(acme_posting, tmp_path: Path) -> None:
    template = make_template(tmp_path / "bad.docx", "{% for x in %}")
    with pytest.raises(TemplateError, match=r"bad\.docx: .*near “\{% for x in %\}”"):
        render(acme_posting, "docx", RenderOptions(docx_template=template))


def test_template_that_is_not_a_docx(acme_posting, tmp_path: Path) -> None:
    bad = tmp_path / "posting.docx"
    bad.write_text("{{ title }}")
    with pytest.raises(JdgenError, match=r"--docx-template: .*posting\.docx: not a Word \.docx"):
        render(acme_posting, "docx", RenderOptions(docx_template=bad))


def test_shipped_template_matches_its_build_script(tmp_path: Path) -> None:
    """templates/posting-template.docx is what templates/make_posting_template.py writes."""
    script = data_dir("templates") / "make_posting_template.py"
    if not script.exists():
        pytest.skip("the build script is not installed")
    target = tmp_path / "t.docx"
    subprocess.run([sys.executable, str(script), str(target)], check=True, capture_output=True)
    built, shipped = Document(str(target)), Document(str(EXAMPLE_TEMPLATE))
    assert all_text(built) == all_text(shipped)
    assert [p.style.name for p in built.paragraphs] == [p.style.name for p in shipped.paragraphs]


# -- reproducible bytes -------------------------------------------------------


def clear_caches() -> None:
    default_base.cache_clear()
    reference_base.cache_clear()


@pytest.mark.parametrize("route", ["default", "reference", "template"])
def test_same_inputs_and_source_date_epoch_give_the_same_bytes(
    acme_posting, brand_docx: Path, monkeypatch: pytest.MonkeyPatch, route: str
) -> None:
    options = {
        "default": RenderOptions(),
        "reference": RenderOptions(reference_docx=brand_docx),
        "template": RenderOptions(docx_template=EXAMPLE_TEMPLATE),
    }[route]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00:00 UTC
    first = render(acme_posting, "docx", options)
    clear_caches()  # nothing carried over in this process's caches
    second = render(acme_posting, "docx", options)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert z.testzip() is None
        assert {info.date_time for info in z.infolist()} == {(2026, 1, 1, 0, 0, 0)}
    props = read(first).core_properties
    assert props.created.isoformat().startswith("2026-01-01T00:00:00")
    assert props.modified == props.created

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767312000")  # a day later
    later = render(acme_posting, "docx", options)
    assert later != first
    assert read(later).core_properties.created.isoformat().startswith("2026-01-02")


# -- a real word processor ------------------------------------------------------


def test_libreoffice_opens_the_branded_outputs(
    acme_posting, brand_docx: Path, bare_docx: Path, tmp_path: Path
) -> None:
    need("soffice")
    outputs = {
        "reference": RenderOptions(reference_docx=brand_docx),
        "bare": RenderOptions(reference_docx=bare_docx),
        "template": RenderOptions(docx_template=EXAMPLE_TEMPLATE),
    }
    paths = []
    for name, options in outputs.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(render(acme_posting, "docx", options))
        paths.append(str(path))
    to_pdf(tmp_path, *paths)
    bullets = sum(
        p.style.name == "List Bullet" for p in read(Path(paths[0]).read_bytes()).paragraphs
    )
    for name in outputs:
        pdf = tmp_path / f"{name}.pdf"
        assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), name
        if shutil.which("pdftotext") is None:
            continue
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Director of Operations" in text and "What you will do" in text, name
        # Word's bullet (Symbol U+F0B7) is drawn once per list item: the lists are real lists.
        assert text.count("\uf0b7") == bullets, name
        if name == "reference":
            assert HEADER in text and FOOTER in text
