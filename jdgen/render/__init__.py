"""Stage 3: render a JobDescription.  Renderers read the JobDescription and nothing else.

``render(jd, fmt)`` returns the bytes of the output; ``write_output`` puts them on
disk atomically, so a failed run never leaves a half-written file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from jdgen.errors import JdgenError, OutputError
from jdgen.models import JobDescription

#: Output formats and the file suffixes that select them.
FORMATS: dict[str, tuple[str, ...]] = {
    "md": (".md", ".markdown"),
    "docx": (".docx",),
}


def format_for_path(path: Path) -> str:
    suffix = path.suffix.lower()
    for fmt, suffixes in FORMATS.items():
        if suffix in suffixes:
            return fmt
    known = ", ".join(s for suffixes in FORMATS.values() for s in suffixes)
    raise JdgenError(
        f"{path}: cannot tell the format from the suffix '{suffix or '(none)'}' "
        f"(expected one of {known}, or pass --format)"
    )


def render(jd: JobDescription, fmt: str, template_dirs: Sequence[Path] = ()) -> bytes:
    """Render ``jd`` as ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "md":
        from jdgen.render.markdown import render_markdown

        return render_markdown(jd, template_dirs).encode("utf-8")
    if fmt == "docx":
        from jdgen.render.docx import render_docx

        return render_docx(jd)
    raise JdgenError(f"unknown format '{fmt}' (expected one of {', '.join(FORMATS)})")


def check_writable(path: Path) -> None:
    """Fail early, before any work, if ``path`` cannot be written."""
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{path}: the folder '{parent}' does not exist")
    if path.is_dir():
        raise OutputError(f"{path}: is a directory")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{path}: the folder '{parent}' is not writable")


def write_output(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename."""
    check_writable(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
