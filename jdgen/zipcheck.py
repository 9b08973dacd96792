"""Word files (zip archives) checked before anything unpacks them.

A .docx is a zip archive whose central directory says how large each part is
when unpacked; Python's :mod:`zipfile` (which python-docx and lint's reader use)
never unpacks a part past the size it declares.  So reading the directory alone
tells a zip bomb (a few MB that would unpack to gigabytes) from a Word file, and
this module refuses one before any part is read: by the file's size, the number
of parts, their total unpacked size and how much each one is compressed.  Used
by ``jdgen lint``, ``--reference-docx``, ``--docx-template`` and the web page's
uploads.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

#: The largest Word file read (a reference document with a few logos is well under).
MAX_PACKED = 20 * 1024 * 1024
#: The most its parts may unpack to, together.
MAX_UNPACKED = 50 * 1024 * 1024
#: The most parts (a Word file has a few dozen).
MAX_PARTS = 1000
#: The most a part over :data:`RATIO_FLOOR` may be compressed (Word's XML packs about 10:1).
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024

_MB = 1024 * 1024


def zip_problem(source: bytes | Path) -> str | None:
    """Why the zip archive ``source`` (its bytes, or a file) is not safe to unpack, as a
    phrase ("unpacks to 1,500 MB …"), or None when it is (or is no zip at all: the
    caller's own checks say what it is instead)."""
    size = len(source) if isinstance(source, bytes) else source.stat().st_size
    if size > MAX_PACKED:
        return f"larger than {MAX_PACKED // _MB} MB ({size / _MB:,.0f} MB), more than a Word file jdgen reads"
    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as z:
            parts = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    return parts_problem(parts)


def parts_problem(parts: list[zipfile.ZipInfo]) -> str | None:
    """Why the parts a zip directory lists are not those of a Word file, or None."""
    if len(parts) > MAX_PARTS:
        return f"has {len(parts):,} parts; a Word file has far fewer (at most {MAX_PARTS:,} read)"
    unpacked = sum(p.file_size for p in parts)
    if unpacked > MAX_UNPACKED:
        return (
            f"unpacks to {unpacked / _MB:,.0f} MB (more than {MAX_UNPACKED // _MB} MB): "
            "refused as a possible zip bomb"
        )
    for p in parts:
        ratio = p.file_size / max(p.compress_size, 1)
        if p.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            return (
                f"{p.filename!r} is compressed {ratio:,.0f}:1 (more than {MAX_RATIO}:1): "
                "refused as a possible zip bomb"
            )
    return None
