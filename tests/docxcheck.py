"""Helpers shared by the .docx tests: external tools (pandoc, LibreOffice) and the
Markdown a .docx should read as."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

#: CI sets this so that a missing pandoc or LibreOffice fails instead of skipping.
REQUIRE_TOOLS = os.environ.get("JDGEN_REQUIRE_TOOLS") == "1"


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        if REQUIRE_TOOLS:
            pytest.fail(f"{tool} is not installed (JDGEN_REQUIRE_TOOLS=1)")
        pytest.skip(f"{tool} is not installed")
    return path


def to_pdf(tmp_path: Path, *paths: Path | str, timeout: int = 300) -> None:
    """Convert .docx files to PDF next to ``tmp_path`` with LibreOffice (a private profile)."""
    subprocess.run(
        [
            need("soffice"),
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *map(str, paths),
        ],
        capture_output=True,
        timeout=timeout,
        check=True,
    )


MARKERS = {"# ": "Title", "## ": "Heading 1", "### ": "Heading 2", "- ": "List Bullet"}


def markdown_as_styled_lines(md: str) -> list[tuple[str, str]]:
    out = []
    for line in md.splitlines():
        if not line.strip():
            continue
        for marker, style in MARKERS.items():
            if line.startswith(marker):
                out.append((style, line[len(marker) :]))
                break
        else:
            out.append(("Normal", line))
    return out
