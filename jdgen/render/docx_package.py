"""The parts of a .docx that do not change between postings, built once per process.

A posting's .docx differs from the next one in two parts only: the body
(``word/document.xml``) and the core properties (``docProps/core.xml``).  Every
other part — styles, numbering, theme, settings, headers, footers, logos — is
the same for every posting made from one source (python-docx's default
template with jdgen's look, or the user's ``--reference-docx``).

:func:`build_base` takes that source as a python-docx Document prepared once
(jdgen's look, or missing styles added by :func:`ensure_styles`), empties its
body, saves it once and keeps each unchanging part already deflated.
:meth:`BasePackage.write` then writes a posting's zip directly: two parts
deflated per posting, the others copied as bytes, in a fixed order with fixed
timestamps (``SOURCE_DATE_EPOCH`` when set).

Why a hand-written writer: python-docx's ``Document()`` (re-reads its template,
~14 ms) and ``save()`` (re-serialises every part, ~12 ms) on every posting made
a 1,000-row batch take minutes; this writes a posting in about 1 ms and keeps
memory flat, with the same parts python-docx would write.

Per posting, besides the body and core properties, two small parts are written:
the document's relationships (``word/_rels/document.xml.rels``, which gets one
external relationship per hyperlink, e.g. the apply link) and, in jdgen's own
look, the header (the company's name, empty for a confidential posting).  The
footer (page numbers, a PAGE field) and ``docProps/app.xml`` (application
"jdgen", no page or word counts, which only Word can know) are the same for
every posting.  Caches are
module-level, so each process (a ``jdgen batch`` worker) has its own; the
reference cache holds one entry per file version (path, size, mtime), at most
:data:`CACHE_SIZE`, so memory stays flat however many postings a process writes.

Missing styles: a reference file without Title, Heading 1, Heading 2 or List
Bullet gets Word's built-in definition of each (copied from python-docx's
template, based on the file's default paragraph style, so fonts and colours
come from the file's theme); a List Bullet whose list is missing or broken gets
Word's bullet list added to the numbering part (created when absent).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jdgen.errors import JdgenError

#: Base packages kept per process: the default one plus a few reference files.
CACHE_SIZE = 8

#: The styles a posting uses; a reference file without one gets Word's definition.
REQUIRED_STYLES = ("Title", "Heading 1", "Heading 2", "List Bullet")

#: Style ids of those styles in python-docx's default template (Word's built-ins).
_DEFAULT_STYLE_IDS = {
    "Title": "Title",
    "Heading 1": "Heading1",
    "Heading 2": "Heading2",
    "List Bullet": "ListBullet",
}

_BODY_MARKER = "JDGEN-BODY-8f3a1c"
#: Put in the header of jdgen's own look where each posting's company name goes.
HEADER_MARKER = "JDGEN-HEADER-5d2e7b"

_RT_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_RT_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_NS_R = b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

#: docProps/app.xml: who made the file; no Pages/Words/Lines counts (only a word
#: processor that lays the document out knows them, and Word recounts on save).
APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>jdgen</Application><DocSecurity>0</DocSecurity>"
    b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)

_RT_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_RT_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_CT_TEMPLATE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_CT_TEMPLATE_MACRO = b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
_CT_DOCUMENT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


# ---------------------------------------------------------------------------
# Zip writing with fixed timestamps and parts deflated once
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ZipEntry:
    """A zip member, already deflated."""

    name: str
    crc: int
    size: int
    data: bytes  # raw deflate stream


def deflate(name: str, data: bytes, level: int = 6) -> ZipEntry:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    packed = compressor.compress(data) + compressor.flush()
    return ZipEntry(name, zlib.crc32(data), len(data), packed)


def dos_time(when: dt.datetime) -> tuple[int, int]:
    """(time, date) fields of a zip entry; zip cannot store dates before 1980."""
    when = max(when, dt.datetime(1980, 1, 1))
    when = min(when, dt.datetime(2107, 12, 31, 23, 59, 58))
    date = (when.year - 1980) << 9 | when.month << 5 | when.day
    time = when.hour << 11 | when.minute << 5 | when.second // 2
    return time, date


#: Zip records (PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.16): local header, central header, end.
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_DEFLATED, _VERSION = 8, 20  # deflate; version 2.0 of the format


def write_zip(entries: Iterable[ZipEntry], when: dt.datetime) -> bytes:
    """A zip archive of ``entries`` in the given order, every entry dated ``when``.

    Written directly (not with :mod:`zipfile`) so that parts deflated once can be
    copied as they are.  No zip64, extra fields or comments: a .docx needs none.
    """
    time, date = dos_time(when)
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for e in entries:
        name = e.name.encode("utf-8")
        flags = 0 if name.isascii() else 0x800  # bit 11: the name is UTF-8
        if max(offset, e.size, len(e.data)) >= 0xFFFFFFFF:
            raise JdgenError(f"{e.name}: too large for a .docx part")
        fields = (flags, _DEFLATED, time, date, e.crc, len(e.data), e.size, len(name))
        header = _LOCAL.pack(0x04034B50, _VERSION, *fields, 0)
        chunks += (header, name, e.data)
        central.append(
            _CENTRAL.pack(0x02014B50, _VERSION, _VERSION, *fields, 0, 0, 0, 0, 0, offset)
        )
        central.append(name)
        offset += len(header) + len(name) + len(e.data)
    directory = b"".join(central)
    count = len(central) // 2
    end = _END.pack(0x06054B50, 0, 0, count, count, len(directory), offset, 0)
    return b"".join(chunks) + directory + end


@lru_cache(maxsize=32)
def _deflated(name: str, data: bytes) -> ZipEntry:
    """A part deflated once per content: the template's styles, theme … are the same for
    every posting; the few parts that change push out only each other (LRU)."""
    return deflate(name, data)


def normalise_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same archive with every entry dated ``when`` (a .docx saved by python-docx),
    and jdgen's ``docProps/app.xml`` instead of the template's.

    Parts that do not change between calls (styles, theme …) are deflated once
    (a small cache keyed by content), so this costs little per posting.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        entries = [
            _deflated(
                info.filename, APP_XML if info.filename == "docProps/app.xml" else zin.read(info)
            )
            for info in zin.infolist()
        ]
    return write_zip(entries, when)


# ---------------------------------------------------------------------------
# The base package
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BasePackage:
    """Everything about a .docx but the parts written per posting."""

    #: Zip entries in order; a name (str) marks where a per-posting part goes.
    entries: tuple[ZipEntry | str, ...]
    document_name: str
    core_name: str
    #: ``word/document.xml`` up to the body's content, and from the final section properties on.
    document_head: bytes
    document_tail: bytes
    #: Style id for each of :data:`REQUIRED_STYLES`, and for "Normal" when the document has
    #: no default paragraph style (body paragraphs then name it outright).
    style_ids: dict[str, str]
    #: Styles the source lacked and that jdgen added (Word's built-in definitions).
    added_styles: tuple[str, ...] = ()
    #: The document's relationships part, up to ``</Relationships>`` (hyperlinks go after).
    rels_name: str = ""
    rels_head: bytes = b""
    #: The header part holding :data:`HEADER_MARKER` (jdgen's own look), split around it.
    header_name: str | None = None
    header_head: bytes = b""
    header_tail: bytes = b""

    @property
    def hyperlinks(self) -> bool:
        """Whether the body may hold hyperlinks (the document declares the ``r:`` prefix)."""
        return bool(self.rels_name) and _NS_R in self.document_head

    def write(
        self,
        body: bytes,
        core: bytes,
        when: dt.datetime,
        level: int = 1,
        links: Iterable[tuple[str, str]] = (),
        header: str = "",
    ) -> bytes:
        """The .docx with this body, these core properties, external ``links``
        (relationship id, URL) and ``header`` text (already XML-escaped).

        The per-posting parts are deflated at level 1: half the time of level 6
        for a file about 2% larger (the unchanging parts were deflated at level 6).
        """
        rels = self.rels_head + b"".join(
            b'<Relationship Id="%s" Type="%s" Target="%s" TargetMode="External"/>'
            % (r_id.encode(), _RT_HYPERLINK.encode(), _attr(url).encode())
            for r_id, url in links
        )
        parts = {
            self.document_name: self.document_head + body + self.document_tail,
            self.core_name: core,
            self.rels_name: rels + b"</Relationships>",
        }
        if self.header_name:
            parts[self.header_name] = self.header_head + header.encode() + self.header_tail
        return write_zip(
            (e if isinstance(e, ZipEntry) else deflate(e, parts[e], level) for e in self.entries),
            when,
        )


def _attr(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def _part_name(partname: str) -> str:
    return str(partname).lstrip("/")


@lru_cache(maxsize=1)
def _builtin_definitions() -> tuple[dict[str, Any], Any]:
    """Word's built-in style elements and the bullet list definition, from python-docx's template."""
    from docx import Document
    from docx.oxml.ns import qn

    doc = Document()
    styles = {}
    for name, style_id in _DEFAULT_STYLE_IDS.items():
        element = doc.styles.element.get_by_id(style_id)
        styles[name] = copy.deepcopy(element)
    numbering = doc.part.numbering_part.element
    bullet = None
    for abstract in numbering.findall(qn("w:abstractNum")):  # the list of Word's List Bullet
        p_style = abstract.find(f"{qn('w:lvl')}/{qn('w:pStyle')}")
        if p_style is not None and p_style.get(qn("w:val")) == _DEFAULT_STYLE_IDS["List Bullet"]:
            bullet = copy.deepcopy(abstract)
            break
    assert bullet is not None, "python-docx's default template has no List Bullet list"
    return styles, bullet


def _default_paragraph_style_id(doc: Any) -> str | None:
    """The document's default paragraph style; else its style named Normal (LibreOffice
    writes Normal without marking it the default)."""
    from docx.enum.style import WD_STYLE_TYPE

    style = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    if style is None and "Normal" in doc.styles:
        style = doc.styles["Normal"]
    return None if style is None else str(style.style_id)


def _unique_style_id(doc: Any, wanted: str) -> str:
    element = doc.styles.element
    candidate, n = wanted, 1
    while element.get_by_id(candidate) is not None:
        n += 1
        candidate = f"{wanted}{n}"
    return candidate


def _add_builtin_style(doc: Any, name: str) -> str:
    """Add Word's built-in definition of style ``name``; return its id."""
    from docx.oxml.ns import qn

    definitions, _ = _builtin_definitions()
    element = copy.deepcopy(definitions[name])
    style_id = _unique_style_id(doc, _DEFAULT_STYLE_IDS[name])
    element.set(qn("w:styleId"), style_id)
    normal = _default_paragraph_style_id(doc)
    for tag in ("w:link", "w:rsid", "w:basedOn", "w:next"):
        for child in element.findall(qn(tag)):
            element.remove(child)
    if normal is not None:
        # basedOn and next follow w:name (schema order: name, aliases, basedOn, next …)
        name_el = element.find(qn("w:name"))
        for tag in ("w:next", "w:basedOn"):
            child = element.makeelement(qn(tag), {qn("w:val"): normal})
            name_el.addnext(child)
    doc.styles.element.append(element)
    return style_id


_RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_CT_NUMBERING = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
_EMPTY_NUMBERING = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
)


def _numbering_part(doc: Any) -> Any:
    """The document's numbering part, added when it has none (python-docx cannot create one)."""
    from docx.opc.packuri import PackURI
    from docx.parts.numbering import NumberingPart

    try:
        return doc.part.part_related_by(_RT_NUMBERING)
    except KeyError:
        pass
    taken = {str(part.partname) for part in doc.part.package.iter_parts()}
    name, n = "/word/numbering.xml", 1
    while name in taken:
        n += 1
        name = f"/word/numbering{n}.xml"
    part = NumberingPart.load(PackURI(name), _CT_NUMBERING, _EMPTY_NUMBERING, doc.part.package)
    doc.part.relate_to(part, _RT_NUMBERING)
    return part


def _num_ids(doc: Any) -> set[str]:
    from docx.oxml.ns import qn

    try:
        numbering = doc.part.part_related_by(_RT_NUMBERING).element
    except KeyError:
        return set()
    return {str(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))}


def _style_num_id(doc: Any, style_id: str) -> str | None:
    """The list a paragraph style is numbered with, following ``basedOn``."""
    from docx.oxml.ns import qn

    seen: set[str] = set()
    current: str | None = style_id
    while current and current not in seen:
        seen.add(current)
        element = doc.styles.element.get_by_id(current)
        if element is None:
            return None
        num = element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num is not None:
            return str(num.get(qn("w:val")))
        based = element.find(qn("w:basedOn"))
        current = None if based is None else based.get(qn("w:val"))
    return None


def _attach_bullets(doc: Any, style_id: str) -> None:
    """Give the List Bullet style a bullet list in the numbering part (added when absent)."""
    from docx.oxml.ns import qn

    _, bullet = _builtin_definitions()
    numbering = _numbering_part(doc).element
    abstracts = numbering.findall(qn("w:abstractNum"))
    abstract_id = 1 + max((int(a.get(qn("w:abstractNumId"))) for a in abstracts), default=-1)
    abstract = copy.deepcopy(bullet)
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    for p_style in abstract.iter(qn("w:pStyle")):
        p_style.set(qn("w:val"), style_id)
    if abstracts:
        abstracts[-1].addnext(abstract)
    else:
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
    num = numbering.add_num(abstract_id)
    num_id = num.get(qn("w:numId"))

    style = doc.styles.element.get_by_id(style_id)
    p_pr = style.get_or_add_pPr()
    num_pr = p_pr.find(qn("w:numPr"))
    if num_pr is not None:
        p_pr.remove(num_pr)
    num_pr = p_pr.makeelement(qn("w:numPr"), {})
    num_id_el = num_pr.makeelement(qn("w:numId"), {qn("w:val"): str(num_id)})
    num_pr.append(num_id_el)
    p_pr.insert(
        0, num_pr
    )  # numPr comes before spacing/ind in pPr; after pStyle/keepNext (none here)
    _reorder_ppr(p_pr)


#: Schema order of the pPr children a style may hold (enough to place numPr correctly).
_PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]


def _reorder_ppr(p_pr: Any) -> None:
    from docx.oxml.ns import qn

    rank = {qn(f"w:{tag}"): i for i, tag in enumerate(_PPR_ORDER)}
    children = list(p_pr)
    children.sort(key=lambda c: rank.get(c.tag, len(rank)))
    for child in children:
        p_pr.append(child)


def ensure_styles(doc: Any) -> tuple[dict[str, str], tuple[str, ...]]:
    """Style ids for the posting's styles, adding Word's built-ins the document lacks."""
    from docx.enum.style import WD_STYLE_TYPE

    ids: dict[str, str] = {}
    added = []
    for name in REQUIRED_STYLES:
        style = None
        if name in doc.styles:
            style = doc.styles[name]
            if style.type != WD_STYLE_TYPE.PARAGRAPH:
                style = None
        if style is None:
            ids[name] = _add_builtin_style(doc, name)
            added.append(name)
        else:
            ids[name] = str(style.style_id)
    if doc.styles.default(WD_STYLE_TYPE.PARAGRAPH) is None:
        # No default paragraph style: body paragraphs name Normal outright.
        normal = _default_paragraph_style_id(doc)
        if normal is not None:
            ids["Normal"] = normal
    bullet_id = ids["List Bullet"]
    num_id = _style_num_id(doc, bullet_id)
    # An added List Bullet still names the list of python-docx's template, which in
    # this file is another list or none: it always gets its own.
    if "List Bullet" in added or num_id in (None, "0") or num_id not in _num_ids(doc):
        _attach_bullets(doc, bullet_id)
    return ids, tuple(added)


def _drop_rels(part_or_package: Any, reltype: str) -> None:
    rels = part_or_package.rels
    for r_id in [r_id for r_id, rel in rels.items() if rel.reltype == reltype]:
        del rels[r_id]


def _empty_body(doc: Any) -> None:
    """Remove the body's content but the final section properties; put the marker in its place."""
    from docx.oxml.ns import qn

    body = doc.element.body
    sect_pr = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    marker = body.makeelement(qn("w:p"), {})
    run = marker.makeelement(qn("w:r"), {})
    text = run.makeelement(qn("w:t"), {})
    text.text = _BODY_MARKER
    run.append(text)
    marker.append(run)
    body.insert(0, marker)


def build_base(doc: Any, added: tuple[str, ...], style_ids: dict[str, str]) -> BasePackage:
    """Save a prepared python-docx Document once and split it into reusable parts."""
    w_ns = doc.element.nsmap.get("w")
    if w_ns != "http://schemas.openxmlformats.org/wordprocessingml/2006/main":
        raise JdgenError("the document does not use Word's usual XML prefix 'w:'")
    _empty_body(doc)
    package = doc.part.package
    _drop_rels(package, _RT_THUMBNAIL)  # a picture of the template's first page, not the posting's
    _drop_rels(doc.part, _RT_STYLES_WITH_EFFECTS)  # Word 2010's copy of styles.xml, now stale
    core_name = _part_name(package._core_properties_part.partname)
    document_name = _part_name(doc.part.partname)

    rels_name = _part_name(doc.part.partname.rels_uri)
    header_names = {
        _part_name(rel.target_part.partname)
        for rel in doc.part.rels.values()
        if rel.reltype == _RT_HEADER and not rel.is_external
    }

    saved = io.BytesIO()
    doc.save(saved)
    entries: list[ZipEntry | str] = []
    split: dict[str, tuple[bytes, bytes]] = {}
    with zipfile.ZipFile(io.BytesIO(saved.getvalue())) as z:
        for info in z.infolist():
            name, xml = info.filename, z.read(info)
            if name == document_name:
                marker = b"<w:p><w:r><w:t>" + _BODY_MARKER.encode() + b"</w:t></w:r></w:p>"
                if xml.count(marker) != 1:
                    raise JdgenError("could not find the document body")
                head, tail = xml.split(marker)
                split[name] = (head, tail)
            elif name in header_names and HEADER_MARKER.encode() in xml:
                before, after = xml.split(HEADER_MARKER.encode(), 1)
                split[name] = (before, after)
            elif name == rels_name and b"</Relationships>" in xml:
                split[name] = (xml[: xml.rindex(b"</Relationships>")], b"")
            elif name == "docProps/app.xml":
                entries.append(deflate(name, APP_XML))
                continue
            elif name != core_name:
                entries.append(deflate(name, xml))
                continue
            entries.append(name)
    if document_name not in split or core_name not in entries or rels_name not in split:
        raise JdgenError("the document has no body, relationships or core properties part")
    header = next((n for n in split if n in header_names), None)
    return BasePackage(
        tuple(entries),
        document_name,
        core_name,
        *split[document_name],
        style_ids,
        added,
        rels_name=rels_name,
        rels_head=split[rels_name][0],
        header_name=header,
        header_head=split[header][0] if header else b"",
        header_tail=split[header][1] if header else b"",
    )


# ---------------------------------------------------------------------------
# Sources: the default look, or the user's reference file
# ---------------------------------------------------------------------------


def docx_bytes(source: Path, option: str, shown: Path | None = None) -> bytes:
    """The bytes of the user's Word file, checked to be a .docx (or a .dotx, read as a .docx).

    Errors name ``shown`` (the path as the user wrote it), else ``source``.
    """
    from jdgen.zipcheck import MAX_PACKED, zip_problem

    path = shown or source
    try:
        with source.open("rb") as fh:
            data = fh.read(MAX_PACKED + 1)
    except OSError as exc:
        raise JdgenError(f"{option}: {path}: cannot read the file ({exc.strerror})") from None
    if not data.startswith(b"PK"):
        kind = " (an old binary .doc?)" if data.startswith(b"\xd0\xcf\x11\xe0") else ""
        raise JdgenError(f"{option}: {path}: not a Word .docx file{kind}")
    problem = zip_problem(data)
    if problem:
        raise JdgenError(f"{option}: {path}: {problem}")
    with docx_errors(path, option), zipfile.ZipFile(io.BytesIO(data)) as z:
        if "[Content_Types].xml" not in z.namelist():
            raise JdgenError(f"{option}: {path}: not a Word .docx file (no [Content_Types].xml)")
        types = z.read("[Content_Types].xml")
        if _CT_TEMPLATE_MACRO in types:
            raise JdgenError(
                f"{option}: {path}: a macro-enabled template (.dotm); save it as .docx or .dotx"
            )
        if _CT_TEMPLATE in types:
            data = _as_document(z, types)
    return data


@contextmanager
def docx_errors(path: Path, option: str) -> Iterator[None]:
    """Turn what zipfile, lxml and python-docx raise on a damaged file into one line naming it."""
    try:
        yield
    except JdgenError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise JdgenError(f"{option}: {path}: not a valid Word .docx file ({reason})") from None
    except Exception as exc:  # lxml or python-docx on a damaged part
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise JdgenError(f"{option}: {path}: cannot read this Word file ({reason})") from None


def open_docx(path: Path, option: str, shown: Path | None = None) -> Any:
    """A python-docx Document of the user's file, or a one-line error naming it."""
    from docx import Document

    data = docx_bytes(path, option, shown)
    with docx_errors(shown or path, option):
        return Document(io.BytesIO(data))


def _as_document(z: zipfile.ZipFile, types: bytes) -> bytes:
    """A .dotx package rewritten with a document content type for its main part."""
    types = types.replace(_CT_TEMPLATE, _CT_DOCUMENT)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in z.infolist():
            data = types if info.filename == "[Content_Types].xml" else z.read(info)
            zout.writestr(info.filename, data)
    return out.getvalue()


def file_key(path: Path, option: str) -> tuple[str, int, int]:
    """Identifies one version of a file: a changed file is loaded again."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise JdgenError(f"{option}: {path}: {exc.strerror or 'cannot read the file'}") from None
    if not path.is_file():
        raise JdgenError(f"{option}: {path}: not a file")
    return str(path.resolve()), stat.st_size, stat.st_mtime_ns


@lru_cache(maxsize=CACHE_SIZE)
def reference_base(
    key: tuple[str, int, int], shown: str, option: str = "--reference-docx"
) -> BasePackage:
    """The base package of a user's reference file (its styles, page set-up, header, footer).

    ``key`` is :func:`file_key`; ``shown`` is the path as the user wrote it, for messages.
    """
    path = Path(shown)
    doc = open_docx(Path(key[0]), option, shown=path)
    style_ids, added = ensure_styles(doc)
    try:
        return build_base(doc, added, style_ids)
    except JdgenError as exc:
        raise JdgenError(f"{option}: {path}: {exc}") from None
