"""Word (.docx) output from the JobDescription.

The structure uses Word's own styles (Title, Heading 1, Heading 2, List Bullet,
Normal), so the navigation pane, screen readers and converters such as pandoc
see real headings and lists.  Core properties (title, subject, author,
keywords) are filled in from the posting's metadata.

Three routes, chosen by :class:`~jdgen.render.RenderOptions`:

* default: python-docx's template with jdgen's look (:func:`style_document`);
* ``reference_docx``: the user's Word file, its styles, page set-up, header and
  footer kept and its body replaced (like pandoc's ``--reference-doc``);
* ``docx_template``: a user's Word file with Jinja tags, filled by docxtpl
  (:mod:`jdgen.render.docx_template`).

The first two prepare everything but the body once per process
(:mod:`jdgen.render.docx_package`) and write each posting's body as
WordprocessingML directly: about 1 ms a posting instead of ~25 ms for
python-docx's ``Document()`` + ``save()``.  With ``SOURCE_DATE_EPOCH`` set,
every route gives the same bytes for the same inputs.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from typing import Any

from jdgen.clock import build_time
from jdgen.errors import JdgenError
from jdgen.models import JobDescription
from jdgen.render import RenderOptions
from jdgen.render.docx_package import (
    HEADER_MARKER,
    BasePackage,
    build_base,
    ensure_styles,
    file_key,
    reference_base,
)
from jdgen.render.docx_parts import core_xml, style_document, xml_text

#: The Word styles a posting uses, by block kind.
STYLES = {
    "title": "Title",
    "h1": "Heading 1",
    "h2": "Heading 2",
    "p": "Normal",
    "li": "List Bullet",
}

#: A section (or subsection) of at most this many paragraphs and bullets is kept on one
#: page (keep-with-next), so no page ends with a heading or starts with a stray line of
#: a short section such as the equal-opportunity statement.
KEEP_TOGETHER = 6


def blocks(jd: JobDescription) -> list[tuple[str, str]]:
    """The posting as (kind, text) pairs in reading order."""
    return [(kind, text) for kind, text, _ in laid_out(jd)]


def laid_out(jd: JobDescription) -> list[tuple[str, str, bool]]:
    """(kind, text, keep with the next paragraph) in reading order.

    Headings keep with what follows; so does every paragraph of a short run (a
    section or subsection of at most :data:`KEEP_TOGETHER` paragraphs) but its last.
    A longer run may break across pages, but its first two and its last two
    paragraphs stay together, so no page starts or ends with a lone item.
    """
    out: list[tuple[str, str, bool]] = [("title", jd.title, True)]

    def run(kind_text: list[tuple[str, str]]) -> None:
        last = len(kind_text) - 1
        for i, (kind, text) in enumerate(kind_text):
            # a long run may break, but never leaves one item alone on a page
            keep = i < last if len(kind_text) <= KEEP_TOGETHER else i in (0, last - 1)
            out.append((kind, text, keep))

    for section in jd.sections:
        out.append(("h1", section.heading, True))
        run([("p", p) for p in section.paragraphs] + [("li", b.text) for b in section.bullets])
        for sub in section.subsections:
            out.append(("h2", sub.heading, True))
            run([("p", p) for p in sub.paragraphs] + [("li", b.text) for b in sub.bullets])
        # the description's job details and signature lines: label and value, tab-joined
        out += [("fact", f"{f.label}\t{f.value}", False) for f in section.facts]
    return out


#: Table geometry for facts, in twentieths of a point: label and value column widths.
_LABEL_W, _VALUE_W = 2800, 6200
_RULE = 'w:val="single" w:sz="4" w:space="0" w:color="A0A8B4"'


def _cell(text: str, width: int, *, label: bool, underline: bool) -> str:
    shade = (
        '<w:shd w:val="clear" w:color="auto" w:fill="EEF1F5"/>' if label and not underline else ""
    )
    border = f"<w:tcBorders><w:bottom {_RULE}/></w:tcBorders>" if underline and not label else ""
    bold = "<w:rPr><w:b/></w:rPr>" if label else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{border}{shade}'
        '<w:vAlign w:val="bottom"/></w:tcPr>'
        f'<w:p><w:pPr><w:spacing w:before="60" w:after="60"/></w:pPr><w:r>{bold}'
        f'<w:t xml:space="preserve">{_run_xml(text)}</w:t></w:r></w:p></w:tc>'
    )


def facts_xml(rows: list[str]) -> str:
    """Facts as a two-column table: a ruled grid of label and value, or, when the values
    are empty (signature and date lines), labels beside lines to sign on."""
    pairs = [row.split("\t", 1) for row in rows]
    sign = not any(value for _, value in pairs)
    borders = (
        ""
        if sign
        else "<w:tblBorders>"
        + "".join(f"<w:{e} {_RULE}/>" for e in ("top", "left", "bottom", "right"))
        + f"<w:insideH {_RULE}/><w:insideV {_RULE}/></w:tblBorders>"
    )
    height = '<w:trPr><w:trHeight w:val="620"/></w:trPr>' if sign else ""
    body = "".join(
        f"<w:tr>{height}{_cell(label, _LABEL_W, label=True, underline=sign)}"
        f"{_cell(value, _VALUE_W, label=False, underline=sign)}</w:tr>"
        for label, value in pairs
    )
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{_LABEL_W + _VALUE_W}" w:type="dxa"/>{borders}'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{_LABEL_W}"/><w:gridCol w:w="{_VALUE_W}"/></w:tblGrid>'
        f"{body}</w:tbl><w:p/>"
    )


def _run_xml(text: str) -> str:
    """The runs' content for ``text``: tabs and line breaks as Word's own elements."""
    body = xml_text(text)
    if "\t" in body or "\n" in body or "\r" in body:
        body = body.replace("\r\n", "\n").replace("\r", "\n")
        body = body.replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
        body = body.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
    return body


#: A web address or an e-mail address in posting text (a final full stop is not part of it).
LINK = re.compile(
    r"(?P<url>https?://[^\s<>\"]*[^\s<>\".,;:!?)\]’”])|(?P<mail>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
)
#: How a hyperlink looks: Word's Hyperlink colour, underlined.
_LINK_RPR = '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>'


class _Links:
    """Relationship ids for the hyperlinks of one posting."""

    def __init__(self) -> None:
        self.targets: list[tuple[str, str]] = []

    def add(self, target: str) -> str:
        r_id = f"rIdJdgenLink{len(self.targets) + 1}"
        self.targets.append((r_id, target))
        return r_id


def _paragraph_content(text: str, links: _Links | None) -> str:
    """Runs for ``text``; web and e-mail addresses as hyperlinks when ``links`` is given."""
    plain = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
    if links is None or ("://" not in text and "@" not in text):
        return plain.format(_run_xml(text))
    parts, last = [], 0
    for match in LINK.finditer(text):
        if match.start() > last:
            parts.append(plain.format(_run_xml(text[last : match.start()])))
        shown = match.group()
        target = match.group("url") or f"mailto:{match.group('mail')}"
        parts.append(
            f'<w:hyperlink r:id="{links.add(target)}"><w:r>{_LINK_RPR}'
            f'<w:t xml:space="preserve">{_run_xml(shown)}</w:t></w:r></w:hyperlink>'
        )
        last = match.end()
    if last < len(text) or not parts:
        parts.append(plain.format(_run_xml(text[last:])))
    return "".join(parts)


def body_xml(jd: JobDescription, style_ids: dict[str, str], links: _Links | None = None) -> bytes:
    """The posting's paragraphs as WordprocessingML, each in its Word style, short runs
    kept together, every paragraph kept on one page (keepLines), addresses linked."""
    style = {
        kind: f'<w:pStyle w:val="{escape(style_ids[name], quote=True)}"/>'
        if name in style_ids
        else ""  # Normal: the document's default paragraph style
        for kind, name in STYLES.items()
    }
    out = []
    facts: list[str] = []
    for kind, text, keep_next in laid_out(jd):
        if kind == "fact":
            facts.append(text)
            continue
        if facts:
            out.append(facts_xml(facts))
            facts = []
        keep = ("<w:keepNext/>" if keep_next else "") + "<w:keepLines/>"
        out.append(
            f"<w:p><w:pPr>{style[kind]}{keep}</w:pPr>{_paragraph_content(text, links)}</w:p>"
        )
    if facts:
        out.append(facts_xml(facts))
    return "".join(out).encode("utf-8")


def header_text(jd: JobDescription) -> str:
    """The page header of jdgen's own look: the company's name (none when confidential)."""
    return xml_text(jd.metadata.company_name or "")


#: Small grey text for the header and footer.
_MARGIN_RPR = '<w:rPr><w:color w:val="6B7280"/><w:sz w:val="18"/></w:rPr>'


def _field(instruction: str) -> str:
    """A Word field (``PAGE``, ``NUMPAGES``) as runs; "1" until the word processor updates it."""
    parts = (
        '<w:fldChar w:fldCharType="begin"/>',
        f'<w:instrText xml:space="preserve"> {instruction} </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        "<w:t>1</w:t>",
        '<w:fldChar w:fldCharType="end"/>',
    )
    return "".join(f"<w:r>{_MARGIN_RPR}{part}</w:r>" for part in parts)


def _page_footer(doc: Any) -> None:
    """A centred footer with the page number: "2 / 3" (PAGE and NUMPAGES fields)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    footer = doc.sections[0].footer
    old = footer.paragraphs[0]._p
    runs = _field("PAGE") + f'<w:r>{_MARGIN_RPR}<w:t xml:space="preserve"> / </w:t></w:r>'
    runs += _field("NUMPAGES")
    paragraph = parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:jc w:val="center"/></w:pPr>{runs}</w:p>')
    old.addnext(paragraph)
    old.getparent().remove(old)


def _company_header(doc: Any) -> None:
    """A right-aligned header whose text is each posting's company name (a marker here)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    paragraph = doc.sections[0].header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(HEADER_MARKER)
    run.font.size = Pt(9)
    run.font.color.rgb = RGBColor(0x6B, 0x72, 0x80)


@lru_cache(maxsize=1)
def default_base() -> BasePackage:
    """python-docx's default template with jdgen's look, prepared once per process, and
    kept in the user's cache directory between runs (so a run that writes one .docx does
    not import python-docx), keyed by jdgen's code and the installed python-docx."""
    from jdgen.cache import cached_pickle, code_stamp, key_of, package_stamp

    key = key_of("docx-base/1", code_stamp(), package_stamp("docx", "lxml"))
    return cached_pickle(f"docx-base-{key}.pickle", BasePackage, _default_base)


def _default_base() -> BasePackage:
    from docx import Document

    doc = Document()
    style_document(doc)
    _company_header(doc)
    _page_footer(doc)
    style_ids, added = ensure_styles(doc)
    return build_base(doc, added, style_ids)


def _build(jd: JobDescription, base: BasePackage) -> bytes:
    when = build_time()
    links = _Links() if base.hyperlinks else None
    body = body_xml(jd, base.style_ids, links)
    return base.write(
        body,
        core_xml(jd, when),
        when,
        links=links.targets if links else (),
        header=header_text(jd) if base.header_name else "",
    )


def render_docx(jd: JobDescription) -> bytes:
    """The posting as a .docx in jdgen's own look."""
    return _build(jd, default_base())


def to_bytes(jd: JobDescription, options: RenderOptions) -> bytes:
    if options.docx_template is not None:
        if options.reference_docx is not None:
            raise JdgenError(
                "--reference-docx and --docx-template cannot be used together "
                "(a template carries its own styles, header and footer)"
            )
        from jdgen.render.docx_template import render_docx_template

        return render_docx_template(jd, options.docx_template)
    if options.reference_docx is not None:
        path = options.reference_docx
        key = file_key(path, "--reference-docx")
        return _build(jd, reference_base(key, str(path)))
    return render_docx(jd)
