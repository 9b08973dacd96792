"""Uploaded reference .docx files, checked before python-docx or the renderer opens them.

A .docx is a zip archive; an upload that is not one, that unpacks to far more than it
weighs (a zip bomb), that has too many parts or lacks ``word/document.xml`` is refused
with one clear sentence.  python-docx parses the XML with entity resolution off.
"""

from __future__ import annotations

import io
import zipfile

MAX_UPLOAD = 5 * 1024 * 1024
MAX_UNPACKED = 50 * 1024 * 1024
MAX_PARTS = 1000
MAX_RATIO = 200


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
    if len(parts) > MAX_PARTS:
        raise UploadError(f"{name} has {len(parts)} parts; a Word file has far fewer")
    unpacked = sum(p.file_size for p in parts)
    if unpacked > MAX_UNPACKED:
        raise UploadError(
            f"{name} unpacks to {unpacked // (1024 * 1024)} MB (more than "
            f"{MAX_UNPACKED // (1024 * 1024)} MB): refused as a possible zip bomb"
        )
    for p in parts:
        if p.file_size > 1024 * 1024 and p.file_size > MAX_RATIO * max(p.compress_size, 1):
            raise UploadError(
                f"{name}: {p.filename} is compressed {p.file_size // max(p.compress_size, 1)}:1, refused as a possible zip bomb"
            )
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
