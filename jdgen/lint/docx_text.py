"""The paragraphs of a .docx file, read straight from its XML.

What lint needs from a Word file is each body paragraph's text, style name, whether
it is numbered and whether all its runs are bold, plus the document title.  python-docx
builds an object per paragraph and run and resolves styles one lookup at a time
(tens of milliseconds a file); this reads ``document.xml``, ``styles.xml`` and
``core.xml`` once each with defusedxml (no DTDs, no entities) and returns the same
facts as python-docx would: text as ``Paragraph.text`` (tabs, breaks and non-breaking
hyphens included), style names as ``Paragraph.style.name`` (the default paragraph
style when none is set or the id is unknown), bold as ``Run.bold`` on direct runs.
"""

from __future__ import annotations

import hashlib
import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_OFFICE_DOCUMENT = "/officeDocument"
_STYLES = "/styles"
_CORE = "/metadata/core-properties"

#: Built-in style names Word stores in lower case (python-docx's BabelFish).
_UI_NAMES = {
    "caption": "Caption",
    "footer": "Footer",
    "header": "Header",
    **{f"heading {n}": f"Heading {n}" for n in range(1, 10)},
}
_RUN_TEXT = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
_FALSE = {"0", "false", "off"}


class DocxError(Exception):
    """The file is not a .docx that can be read."""


@dataclass(frozen=True)
class DocxParagraph:
    text: str
    style: str
    numbered: bool
    #: Every direct run with visible text is bold (and there is at least one).
    bold: bool


@dataclass(frozen=True)
class DocxText:
    title: str
    paragraphs: list[DocxParagraph]


def read_docx_text(path: Path) -> DocxText:
    """Title and body paragraphs (those in tables too, in order) of a .docx file."""
    try:
        with zipfile.ZipFile(path) as package:
            return _read(package)
    except zipfile.BadZipFile as exc:
        raise DocxError(str(exc)) from None
    except (KeyError, OSError, ValueError, EOFError) as exc:  # a part listed but absent, or damaged
        raise DocxError(str(exc) or type(exc).__name__) from None


def _read(package: zipfile.ZipFile) -> DocxText:
    root_rels = _relationships(package, "")
    document = _target(root_rels, _OFFICE_DOCUMENT)
    if document is None:
        raise DocxError("no main document part")
    body = _parse(package, document).find(f"{_W}body")
    part_rels = _relationships(package, document)
    styles = _style_names(package, _target(part_rels, _STYLES))
    title = ""
    core = _target(root_rels, _CORE)
    if core is not None:
        element = _parse(package, core).find(_DC_TITLE)
        title = (element.text or "") if element is not None else ""
    paragraphs = [] if body is None else [_paragraph(p, styles) for p in _paragraphs(body)]
    return DocxText(title, paragraphs)


def _parse(package: zipfile.ZipFile, name: str) -> Any:
    return _parse_bytes(name, package.read(name))


def _parse_bytes(name: str, data: bytes) -> Any:
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        return fromstring(data)
    except ParseError as exc:
        raise DocxError(f"{name} is not well-formed XML ({exc})") from None
    except DefusedXmlException:
        raise DocxError(f"{name} declares a DTD or entities, which Word never writes") from None


def _relationships(package: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Relationship type → target part name, for the internal relationships of ``part``."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in package.namelist():
        return {}
    found: dict[str, str] = {}
    for rel in _parse(package, rels).iter(_REL):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        target = target[1:] if target.startswith("/") else posixpath.join(folder, target)
        found.setdefault(rel.get("Type", ""), posixpath.normpath(target))
    return found


def _target(rels: dict[str, str], kind: str) -> str | None:
    """The part a relationship of type ``…/kind`` points to."""
    return next((t for k, t in rels.items() if k.endswith(kind)), None)


def _style_names(package: zipfile.ZipFile, part: str | None) -> dict[str | None, str]:
    """Paragraph style id → name, and None → the default paragraph style's name.

    A styles part holds thousands of elements and is the same in every file made from
    one template, so the names are remembered by the part's content: in this process,
    and in the user cache directory between runs."""
    if part is None:
        return {None: ""}
    data = package.read(part)
    digest = hashlib.sha256(data).hexdigest()[:32]
    found = _STYLE_NAMES.get(digest)
    if found is None:
        from jdgen.cache import cached_pickle

        found = cached_pickle(
            f"docx-styles-{digest}.pickle", dict, lambda: _parse_style_names(part, data)
        )
        if len(_STYLE_NAMES) >= 32:
            _STYLE_NAMES.clear()
        _STYLE_NAMES[digest] = found
    return found


#: Style names by the content of the styles part they were read from.
_STYLE_NAMES: dict[str, dict[str | None, str]] = {}


def _parse_style_names(part: str, data: bytes) -> dict[str | None, str]:
    names: dict[str | None, str] = {None: ""}
    for style in _parse_bytes(part, data).iter(f"{_W}style"):
        if style.get(f"{_W}type", "paragraph") != "paragraph":
            continue
        name_el = style.find(f"{_W}name")
        name = name_el.get(f"{_W}val", "") if name_el is not None else ""
        name = _UI_NAMES.get(name, name)
        names.setdefault(style.get(f"{_W}styleId"), name)
        if style.get(f"{_W}default") in ("1", "true", "on"):
            names[None] = name
    return names


def _paragraphs(container: Any) -> Iterator[Any]:
    """``w:p`` elements of the body, and of table cells, in document order."""
    for child in container:
        if child.tag == f"{_W}p":
            yield child
        elif child.tag == f"{_W}tbl":
            for cell in child.iter(f"{_W}tc"):
                yield from cell.findall(f"{_W}p")


def _paragraph(p: Any, styles: dict[str | None, str]) -> DocxParagraph:
    style_id = None
    numbered = False
    ppr = p.find(f"{_W}pPr")
    if ppr is not None:
        style_el = ppr.find(f"{_W}pStyle")
        style_id = style_el.get(f"{_W}val") if style_el is not None else None
        numbered = ppr.find(f"{_W}numPr") is not None
    style = styles.get(style_id, styles[None]) if style_id else styles[None]
    texts = []
    bold_runs = []
    for child in p:
        if child.tag == f"{_W}r":
            text = _run_text(child)
            texts.append(text)
            if text.strip():
                bold_runs.append(_is_bold(child))
        elif child.tag == f"{_W}hyperlink":
            texts += [_run_text(r) for r in child.findall(f"{_W}r")]
    return DocxParagraph("".join(texts), style, numbered, bool(bold_runs) and all(bold_runs))


def _run_text(r: Any) -> str:
    parts = []
    for el in r:
        if el.tag == f"{_W}t":
            parts.append(el.text or "")
        elif el.tag == f"{_W}br":
            parts.append("\n" if el.get(f"{_W}type", "textWrapping") == "textWrapping" else "")
        else:
            parts.append(_RUN_TEXT.get(el.tag, ""))
    return "".join(parts)


def _is_bold(r: Any) -> bool:
    rpr = r.find(f"{_W}rPr")
    b = rpr.find(f"{_W}b") if rpr is not None else None
    return b is not None and b.get(f"{_W}val", "true").lower() not in _FALSE
