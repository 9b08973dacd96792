"""Uploaded reference .docx files, checked before python-docx or the renderer opens them.

A .docx is a zip archive; an upload that is not one, that unpacks to far more than it
weighs (a zip bomb), that has too many parts or lacks ``word/document.xml`` is refused
with one clear sentence.  python-docx parses the XML with entity resolution off.
"""

from __future__ import annotations

import io
import zipfile

from jdgen.zipcheck import parts_problem

MAX_UPLOAD = 5 * 1024 * 1024


class UploadError(Exception):
    pass


def check_docx(data: bytes, name: str = "the file") -> bytes:
    """``data`` when it is a Word file that is safe to open; :class:`UploadError` otherwise."""
    if not data:
        raise UploadError(f"{name} is empty")
    if len(data) > MAX_UPLOAD:
        raise UploadError(f"{name} is larger than {MAX_UPLOAD // (1024 * 1024)} MB")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise UploadError(f"{name} is not a Word .docx file (a .docx is a zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            _check_parts(parts, name)
    except zipfile.BadZipFile as exc:
        raise UploadError(f"{name} is a damaged zip archive: {exc}") from None
    _check_opens(data, name)
    return data


def _check_parts(parts: list[zipfile.ZipInfo], name: str) -> None:
    problem = parts_problem(parts)
    if problem:
        raise UploadError(f"{name} {problem}")
    if "word/document.xml" not in {p.filename for p in parts}:
        raise UploadError(f"{name} is a zip archive but not a Word document (no word/document.xml)")


def _check_opens(data: bytes, name: str) -> None:
    import docx

    try:
        docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise UploadError(
            f"{name} cannot be read as a Word document ({type(exc).__name__})"
        ) from None
