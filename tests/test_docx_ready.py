"""A .docx ready to send (issue 15): header, page-number footer, kept-together sections,
a real apply hyperlink and honest docProps/app.xml, read back from the file's XML."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docxcheck import need, to_pdf

from jdgen.catalog import Catalog
from jdgen.models import Company
from jdgen.render import RenderOptions, render
from jdgen.tailor import tailor

ROOT = Path(__file__).parents[1]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def acme(**changes: object) -> Company:
    data = {
        "name": "Acme Widgets",
        "size": 60,
        "industry": "manufacturing",
        "locations": [{"city": "Denver", "region": "CO", "country": "US"}],
        "how_to_apply": "https://acme.example/careers?src=jdgen&x=1",
        **changes,
    }
    return Company.model_validate(data)


def docx(catalog: Catalog, company: Company, role: str = "vpo", **options: object) -> bytes:
    jd = tailor(catalog.find_role(role), company, catalog)
    return render(jd, "docx", RenderOptions(**options))  # type: ignore[arg-type]


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_header_names_the_company_and_footer_numbers_the_pages(catalog: Catalog) -> None:
    doc = Document(io.BytesIO(docx(catalog, acme())))
    section = doc.sections[0]
    assert [p.text for p in section.header.paragraphs] == ["Acme Widgets"]
    footer = section.footer._element
    instructions = [t.text.strip() for t in footer.iter(f"{W}instrText")]
    assert instructions == ["PAGE", "NUMPAGES"]
    kinds = [c.get(f"{W}fldCharType") for c in footer.iter(f"{W}fldChar")]
    assert kinds == ["begin", "separate", "end"] * 2


@pytest.mark.parametrize(
    "company",
    [acme(confidential=True), Company()],
    ids=["confidential", "no name"],
)
def test_a_confidential_posting_has_an_empty_header(catalog: Catalog, company: Company) -> None:
    data = docx(catalog, company)
    doc = Document(io.BytesIO(data))
    assert [p.text for p in doc.sections[0].header.paragraphs] == [""]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Acme" not in text and "acme.example/careers" not in str(
        parts(data)["docProps/core.xml"]
    )


def test_the_apply_link_is_an_external_hyperlink(catalog: Catalog) -> None:
    data = docx(catalog, acme())
    files = parts(data)
    rels = files["word/_rels/document.xml.rels"].decode()
    link = re.search(
        r'<Relationship Id="([^"]+)" Type="[^"]+/hyperlink" Target="([^"]+)" TargetMode="External"/>',
        rels,
    )
    assert link, rels
    assert link.group(2) == "https://acme.example/careers?src=jdgen&amp;x=1"
    doc = Document(io.BytesIO(data))
    hyperlinks = list(doc.element.body.iter(f"{W}hyperlink"))
    assert [h.get(f"{R}id") for h in hyperlinks] == [link.group(1)]
    shown = "".join(t.text for t in hyperlinks[0].iter(f"{W}t"))
    assert shown == "https://acme.example/careers?src=jdgen&x=1"  # the full stop stays outside
    paragraph = next(p for p in doc.paragraphs if "acme.example/careers" in p.text)
    assert paragraph.text.endswith("https://acme.example/careers?src=jdgen&x=1.")


def test_an_email_address_links_with_mailto(catalog: Catalog) -> None:
    files = parts(docx(catalog, acme(how_to_apply="jobs@acme.example")))
    assert (
        'Target="mailto:jobs@acme.example" TargetMode="External"'
        in files["word/_rels/document.xml.rels"].decode()
    )


def test_app_xml_says_jdgen_and_claims_no_counts(catalog: Catalog) -> None:
    for options in (
        {},
        {"reference_docx": ROOT / "examples/brand.docx"},
        {"docx_template": ROOT / "templates/posting-template.docx"},
    ):
        app = parts(docx(catalog, acme(), **options))["docProps/app.xml"].decode()
        assert "<Application>jdgen</Application>" in app
        for fake in ("Microsoft", "<Pages>", "<Words>", "<Lines>", "<Characters>"):
            assert fake not in app, (options, fake)


def test_short_sections_are_kept_together(catalog: Catalog) -> None:
    doc = Document(io.BytesIO(docx(catalog, acme())))
    paragraphs = doc.paragraphs
    keep = [p.paragraph_format.keep_with_next for p in paragraphs]
    texts = [p.text for p in paragraphs]
    eeo = texts.index("Equal opportunity")
    assert keep[eeo] is True  # the heading stays with the statement
    assert all(p.paragraph_format.keep_together for p in paragraphs)  # no paragraph splits
    assert keep[-1] is not True  # the last paragraph keeps with nothing
    for i, p in enumerate(paragraphs):  # every heading keeps with the next paragraph
        if p.style.name.startswith("Heading"):
            assert keep[i] is True, texts[i]
    # a long list may break, but never leaves its last item alone
    bullets = [i for i, p in enumerate(paragraphs) if p.style.name == "List Bullet"]
    assert any(keep[i] is not True for i in bullets)


def test_reference_docx_keeps_its_own_header_and_gets_hyperlinks(catalog: Catalog) -> None:
    data = docx(catalog, acme(), reference_docx=ROOT / "examples/brand.docx")
    doc = Document(io.BytesIO(data))
    assert "ACME WIDGETS" in doc.sections[0].header.paragraphs[0].text
    assert list(doc.element.body.iter(f"{W}hyperlink"))


def test_libreoffice_lays_out_the_header_and_page_numbers(catalog: Catalog, tmp_path: Path) -> None:
    need("pdftotext")
    path = tmp_path / "vpo.docx"
    path.write_bytes(docx(catalog, acme()))
    to_pdf(tmp_path, path)
    pdf = tmp_path / "vpo.pdf"
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 2
    for n, page in enumerate(pages, 1):
        assert "Acme Widgets" in page.splitlines()[0] or "Acme Widgets" in page[:300]
        assert re.search(rf"\b{n}\s*/\s*{len(pages)}\s*$", page), page[-200:]
    assert "Equal opportunity" in pages[-1]
