"""Stage 3: render a JobDescription.  Renderers read the JobDescription and nothing else.

``render(jd, fmt)`` returns the bytes of the output; :mod:`jdgen.files` puts them on
disk, so a failed run never leaves a half-written file.

Internal module: the public API is :mod:`jdgen` (``jdgen.__all__``).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from jdgen.errors import JdgenError
from jdgen.models import JobDescription


@dataclass(frozen=True)
class RenderOptions:
    """How to render, beyond the format: user templates and Word branding."""

    #: User template directories, searched before the built-in templates.
    template_dirs: tuple[Path, ...] = ()
    #: A .docx whose styles, page set-up, header and footer the posting is built in.
    reference_docx: Path | None = None
    #: A .docx with Jinja tags ({{ title }} …) filled from the posting (docxtpl).
    docx_template: Path | None = None


@dataclass(frozen=True)
class Format:
    """An output format: the file suffixes that select it and the function that renders it."""

    name: str
    suffixes: tuple[str, ...]
    #: Binary formats are written to a file only, never to a terminal.
    binary: bool
    #: "module:function" taking (JobDescription, RenderOptions) and returning bytes.
    renderer: str
    description: str


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("md", (".md", ".markdown"), False, "jdgen.render.markdown:to_bytes", "Markdown"),
        Format("docx", (".docx",), True, "jdgen.render.docx:to_bytes", "Word document"),
        Format(
            "html", (".html", ".htm"), False, "jdgen.render.html:to_bytes", "HTML page with JSON-LD"
        ),
        Format(
            "jsonld", (".jsonld",), False, "jdgen.render.html:jsonld_bytes", "schema.org JobPosting"
        ),
        Format(
            "json", (".json",), False, "jdgen.render.jsondump:to_bytes", "JobDescription as JSON"
        ),
        Format("txt", (".txt",), False, "jdgen.render.text:to_bytes", "plain text for ATS forms"),
        Format(
            "pdf", (".pdf",), True, "jdgen.render.pdf:to_bytes", "PDF of the HTML page (WeasyPrint)"
        ),
    )
}


def format_for_suffix(path: Path) -> str | None:
    suffix = path.suffix.lower()
    return next((f.name for f in FORMATS.values() if suffix in f.suffixes), None)


def format_for_path(path: Path) -> str:
    fmt = format_for_suffix(path)
    if fmt is None:
        known = ", ".join(s for f in FORMATS.values() for s in f.suffixes)
        raise JdgenError(
            f"{path}: cannot tell the format from the suffix '{path.suffix or '(none)'}' "
            f"(expected one of {known}, or pass --format)"
        )
    return fmt


def render(jd: JobDescription, fmt: str, options: RenderOptions | None = None) -> bytes:
    """Render ``jd`` as ``fmt`` (a key of :data:`FORMATS`)."""
    spec = FORMATS.get(fmt)
    if spec is None:
        raise JdgenError(f"unknown format '{fmt}' (expected one of {', '.join(FORMATS)})")
    module, name = spec.renderer.split(":")
    function = getattr(importlib.import_module(module), name)
    data = function(jd, options or RenderOptions())
    assert isinstance(data, bytes)
    return data
