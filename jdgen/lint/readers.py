"""One reader per kind of posting file, and the registry that picks one.

Each reader declares the file suffixes it reads and turns a file into what the
checks start from: the title and the text as blocks (headings, paragraphs,
bullets).  :data:`READERS` is the one place that maps a suffix to a reader (the
list of suffixes ``jdgen lint`` accepts comes from it), and :func:`sniff_suffix`
tells the kind of a posting piped in on standard input from its first bytes.

Readers know nothing of the checks: :mod:`jdgen.lint.sources` classifies the
blocks and reads the facts (pay, places, dates) from them.

Internal module: the public API is :mod:`jdgen` (``jdgen.__all__``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from jdgen.errors import JdgenError

if TYPE_CHECKING:
    from jdgen.models import JobDescription

BlockKind = Literal["heading", "paragraph", "bullet"]

#: The largest .md, .txt, .html or .json file lint reads (a posting is a few KB; a .docx
#: is bounded by :mod:`jdgen.zipcheck`).
MAX_FILE = 2 * 1024 * 1024
#: The most characters of text lint checks in one file (about 30,000 words): lint runs
#: in time linear in the text, about 2 s for this much.
MAX_TEXT = 200_000


@dataclass
class Block:
    kind: BlockKind
    text: str
    #: The heading of the section the block is in ("" before the first heading).
    section: str = ""
    #: What the section is about: a JobDescription section id, or a kind recognised
    #: from the heading (equal-opportunity, compensation, location, apply), or "".
    section_kind: str = ""
    level: int = 0


@dataclass
class Parsed:
    """What a reader found in a file."""

    title: str
    blocks: list[Block]
    #: The first schema.org JobPosting in the file's JSON-LD (HTML), for facts the text lacks.
    jsonld: dict[str, Any] = field(default_factory=dict)
    #: A whole JobDescription (jdgen's ``--format json``): its structure and metadata are used.
    job: JobDescription | None = None


class Reader:
    """A kind of posting file: the suffixes it has and how its text becomes blocks."""

    kind: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]]

    def parse(self, path: Path) -> Parsed:
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE + 1)
        if len(data) > MAX_FILE:
            raise JdgenError(too_large(path, f"larger than {MAX_FILE // (1024 * 1024)} MB"))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise JdgenError(f"{path}: not UTF-8 text") from None
        return self.parse_text(text, path)

    def parse_text(self, text: str, path: Path) -> Parsed:
        raise NotImplementedError

    def sniff(self, data: bytes, head: str) -> bool:
        """Whether content piped in (``data``; ``head``: its start as lower-case text) is this kind."""
        return False


def too_large(path: Path, what: str) -> str:
    """The message for a file past lint's limits."""
    return f"{path}: too large to check: {what} (lint reads one posting, a few KB)"


def check_size(path: Path, parsed: Parsed) -> None:
    """Refuse more text than :data:`MAX_TEXT`, before any check runs on it."""
    total = len(parsed.title) + sum(len(b.text) for b in parsed.blocks)
    if total > MAX_TEXT:
        raise JdgenError(too_large(path, f"{total:,} characters of text, more than {MAX_TEXT:,}"))


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def looks_like_heading(line: str) -> bool:
    """A short line without final punctuation (or ending in a colon) reads as a heading."""
    words = line.split()
    if not words or len(words) > 8 or len(line) > 70:
        return False
    if line.startswith("#"):
        return True
    if line.endswith(":"):
        return True
    return line[-1] not in ".!?,;" and (line[0].isupper() or line.isupper())


# ---------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------


class MarkdownReader(Reader):
    kind = "Markdown"
    suffixes = (".md", ".markdown")

    def parse_text(self, text: str, path: Path) -> Parsed:
        from markdown_it import MarkdownIt

        tokens = MarkdownIt("commonmark").parse(text)
        parsed = Parsed("", [])
        pending: tuple[BlockKind, int] | None = None
        list_depth = 0
        for tok in tokens:
            if tok.type in ("bullet_list_open", "ordered_list_open"):
                list_depth += 1
            elif tok.type in ("bullet_list_close", "ordered_list_close"):
                list_depth -= 1
            elif tok.type == "heading_open":
                pending = ("heading", int(tok.tag[1:]))
            elif tok.type == "paragraph_open":
                pending = ("bullet" if list_depth else "paragraph", 0)
            elif tok.type == "inline" and pending is not None:
                self._add(parsed, pending, _clean(_inline_text(tok.children or [])))
                pending = None
            elif tok.type in ("html_block", "code_block", "fence"):
                self._add(parsed, ("paragraph", 0), _clean(re.sub(r"<[^>]+>", " ", tok.content)))
        return parsed

    @staticmethod
    def _add(parsed: Parsed, kind_level: tuple[BlockKind, int], content: str) -> None:
        kind, level = kind_level
        if not content:
            return
        if kind == "heading" and level == 1 and not parsed.title:
            parsed.title = content
        else:
            parsed.blocks.append(Block(kind, content, level=level))

    def sniff(self, data: bytes, head: str) -> bool:
        return any(line.startswith(("# ", "## ")) for line in head.splitlines())


def _inline_text(children: Iterable[Any]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)


# ---------------------------------------------------------------------------
# Plain text
# ---------------------------------------------------------------------------

_BULLET = re.compile(r"^\s*(?:[-*+•‣◦–—]|\d{1,2}[.)])\s+")
_RULE = re.compile(r"[=\-_*#~]{3,}")
_UNDERLINE = re.compile(r"[=\-]{3,}")


class TextReader(Reader):
    """Plain text: a short line without final punctuation, on its own, is a heading."""

    kind = "plain text"
    suffixes = (".txt",)

    def parse_text(self, text: str, path: Path) -> Parsed:
        lines = [line.rstrip() for line in text.splitlines()]
        parsed = Parsed("", [])
        paragraph: list[str] = []
        for i, line in enumerate(lines):
            stripped = line.strip()
            if not stripped or _RULE.fullmatch(stripped):  # a blank line, an underline or a rule
                _flush(parsed, paragraph)
            elif _BULLET.match(line):
                _flush(parsed, paragraph)
                parsed.blocks.append(Block("bullet", _clean(_BULLET.sub("", line))))
            elif _continues_bullet(parsed.blocks, line, paragraph):
                parsed.blocks[-1].text = _clean(parsed.blocks[-1].text + " " + stripped)
            elif not parsed.title and not parsed.blocks and not paragraph:
                parsed.title = stripped.lstrip("# ").strip()
            elif _is_text_heading(lines, i, paragraph):
                _flush(parsed, paragraph)
                heading = stripped.lstrip("# ").rstrip(":").strip()
                parsed.blocks.append(Block("heading", heading, level=2))
            else:
                paragraph.append(stripped)
        _flush(parsed, paragraph)
        return parsed

    def sniff(self, data: bytes, head: str) -> bool:
        return True


def _flush(parsed: Parsed, paragraph: list[str]) -> None:
    if paragraph:
        parsed.blocks.append(Block("paragraph", _clean(" ".join(paragraph))))
        paragraph.clear()


def _continues_bullet(blocks: list[Block], line: str, paragraph: list[str]) -> bool:
    """An indented line right after a bullet is the bullet wrapped."""
    return bool(blocks) and blocks[-1].kind == "bullet" and line[:1].isspace() and not paragraph


def _is_text_heading(lines: list[str], i: int, paragraph: list[str]) -> bool:
    """A short line on its own after a blank line, or a line underlined with = or -."""
    prev_blank = i == 0 or not lines[i - 1].strip()
    next_line = lines[i + 1].strip() if i + 1 < len(lines) else ""
    if _UNDERLINE.fullmatch(next_line):
        return True
    return prev_blank and not paragraph and looks_like_heading(lines[i].strip())


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------


class _HtmlParser(HTMLParser):
    BLOCKS = frozenset(
        {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "blockquote"}
    )
    BREAKS = frozenset(
        {"div", "section", "article", "br", "tr", "ul", "ol", "table", "header", "footer"}
    )
    SKIP = frozenset({"style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.title_tag = ""
        self.h1 = ""
        self.jsonld: list[str] = []
        self._buf: list[str] = []
        self._kind: tuple[BlockKind, int] = ("paragraph", 0)
        self._skip = 0
        self._in_title = False
        self._script: str | None = None

    def _flush(self) -> None:
        text = _clean("".join(self._buf))
        self._buf.clear()
        if not text:
            return
        kind, level = self._kind
        if kind == "heading" and level == 1 and not self.h1:
            self.h1 = text
        else:
            self.blocks.append(Block(kind, text, level=level))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            kind = dict(attrs).get("type") or ""
            self._script = "" if "ld+json" in kind else None
            self._skip += 1
            return
        if tag in self.SKIP:
            self._skip += 1
            return
        if tag == "title":
            self._in_title = True
            return
        if tag in self.BLOCKS or tag in self.BREAKS:
            self._flush()
            if tag in self.BLOCKS:
                if tag[0] == "h" and tag[1:].isdigit():
                    self._kind = ("heading", int(tag[1:]))
                elif tag == "li":
                    self._kind = ("bullet", 0)
                else:
                    self._kind = ("paragraph", 0)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            if self._script is not None:
                self.jsonld.append(self._script)
            self._script = None
            self._skip = max(0, self._skip - 1)
            return
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if tag == "title":
            self._in_title = False
            return
        if tag in self.BLOCKS or tag in self.BREAKS:
            self._flush()
            self._kind = ("paragraph", 0)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script += data
        elif self._in_title:
            self.title_tag += data
        elif not self._skip:
            self._buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _job_posting_jsonld(scripts: list[str]) -> dict[str, Any]:
    """The first schema.org JobPosting in the page's JSON-LD, if any."""
    for raw in scripts:
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):  # not JSON, or nested past Python's stack
            continue
        if isinstance(data, dict) and "@graph" in data:
            data = data["@graph"]
        for item in jsonld_objects(data):
            if item.get("@type") == "JobPosting":
                return item
    return {}


def jsonld_objects(value: Any) -> list[dict[str, Any]]:
    """The objects of a JSON-LD value that may be one object or a list (anything else: none)."""
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, dict)]


def jsonld_text(value: Any) -> str | None:
    """A JSON-LD value that should be text: a string, a number as text, else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return f"{value:g}" if math.isfinite(value) else None
    return value if isinstance(value, str) else None


class HtmlReader(Reader):
    """HTML: headings, paragraphs and list items by tag; the page's JobPosting JSON-LD too."""

    kind = "HTML"
    suffixes = (".html", ".htm")

    def parse_text(self, text: str, path: Path) -> Parsed:
        parser = _HtmlParser()
        parser.feed(text)
        parser.close()
        title = parser.h1 or _clean(parser.title_tag)
        return Parsed(title, parser.blocks, _job_posting_jsonld(parser.jsonld))

    def sniff(self, data: bytes, head: str) -> bool:
        return head.startswith(("<!doctype html", "<html", "<head", "<body", "<h1", "<article"))


# ---------------------------------------------------------------------------
# Word
# ---------------------------------------------------------------------------


class DocxReader(Reader):
    """A Word file: heading styles (or short bold lines) are headings, list styles bullets."""

    kind = "Word"
    suffixes = (".docx",)

    def parse(self, path: Path) -> Parsed:
        from jdgen.lint.docx_text import DocxError, read_docx_text
        from jdgen.zipcheck import zip_problem

        problem = zip_problem(path)
        if problem:
            raise JdgenError(f"{path}: {problem}")
        try:
            doc = read_docx_text(path)
        except DocxError as exc:
            raise JdgenError(f"{path}: not a readable .docx file ({exc})") from None
        parsed = Parsed("", [])
        for p in doc.paragraphs:
            text = _clean(p.text)
            if not text:
                continue
            level = _docx_heading_level(p.style, p.bold, text)
            if not parsed.title and (p.style == "Title" or (level == 1 and not parsed.blocks)):
                parsed.title = text
            elif level:
                parsed.blocks.append(Block("heading", text, level=level))
            elif p.style.startswith("List") or p.numbered:
                parsed.blocks.append(Block("bullet", text))
            else:
                parsed.blocks.append(Block("paragraph", text))
        parsed.title = parsed.title or _clean(doc.title)
        return parsed

    def sniff(self, data: bytes, head: str) -> bool:
        return data.startswith(b"PK\x03\x04")


def _docx_heading_level(style: str, bold: bool, text: str) -> int:
    m = re.fullmatch(r"Heading (\d)", style)
    if m:
        return int(m.group(1))
    # A short, wholly bold paragraph without final punctuation reads as a heading.
    if bold and looks_like_heading(text):
        return 2
    return 0


# ---------------------------------------------------------------------------
# jdgen's JSON
# ---------------------------------------------------------------------------


class JsonReader(Reader):
    """A posting written by ``jdgen generate --format json``: read whole, metadata and all."""

    kind = "jdgen JSON"
    suffixes = (".json",)

    def parse_text(self, text: str, path: Path) -> Parsed:
        from pydantic import ValidationError

        from jdgen.models import JobDescription
        from jdgen.validation import validation_problems

        try:
            job = JobDescription.model_validate_json(text)
        except ValidationError as exc:
            problems = validation_problems(exc, str(path))
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise JdgenError(
                f"{problems[0]}{more} — expected a posting written by "
                "'jdgen generate --format json'"
            ) from None
        return Parsed(job.title, [], job=job)

    def sniff(self, data: bytes, head: str) -> bool:
        return head.startswith("{")


# ---------------------------------------------------------------------------
# The registry
# ---------------------------------------------------------------------------

#: Every kind of file ``jdgen lint`` reads, in the order they are listed to the user.
READERS: tuple[Reader, ...] = (
    MarkdownReader(),
    TextReader(),
    HtmlReader(),
    DocxReader(),
    JsonReader(),
)

#: The file suffixes lint reads (from :data:`READERS`).
SUFFIXES: tuple[str, ...] = tuple(s for reader in READERS for s in reader.suffixes)

_BY_SUFFIX = {s: reader for reader in READERS for s in reader.suffixes}

#: The order in which content piped in is tried: the most telling first, plain text last.
_SNIFF_ORDER = (DocxReader, JsonReader, HtmlReader, MarkdownReader, TextReader)


def reader_for(path: Path) -> Reader:
    """The reader of a posting file, by its suffix (one line naming the choices otherwise)."""
    if path.is_dir():
        raise JdgenError(f"{path}: is a directory; give a posting file ({', '.join(SUFFIXES)})")
    if path.exists() and not path.is_file():
        raise JdgenError(
            f"{path}: not a regular file (a pipe or a device?); "
            f"pipe it to 'jdgen lint -' or give a posting file"
        )
    reader = _BY_SUFFIX.get(path.suffix.lower())
    if reader is None:
        raise JdgenError(
            f"{path}: cannot read {path.suffix or '(no suffix)'!r} files "
            f"(expected one of {', '.join(SUFFIXES)})"
        )
    if not path.exists():
        raise JdgenError(f"{path}: file not found")
    return reader


def sniff_suffix(data: bytes) -> str:
    """The suffix of the kind of posting ``data`` is (content piped in has no name)."""
    head = data[:2000].decode("utf-8", "replace").lstrip("\ufeff \t\r\n").lower()
    for kind in _SNIFF_ORDER:
        reader = next(r for r in READERS if isinstance(r, kind))
        if reader.sniff(data, head):
            return reader.suffixes[0]
    return TextReader.suffixes[0]
