"""--format pdf: the HTML page printed with WeasyPrint (the optional "pdf" extra)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdgen.cli import cli

ROOT = Path(__file__).parents[1]
COMPANY = str(ROOT / "examples/company.yaml")


def pdf_objects(data: bytes) -> bytes:
    """The PDF with its compressed streams (object streams too) inflated, to search."""
    inflated = [data]
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            inflated.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"".join(inflated)


def test_pdf_from_the_suffix_with_header_page_numbers_and_a_live_link(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    out = tmp_path / "vpo.pdf"
    result = CliRunner().invoke(cli, ["generate", "vpo", "--company", COMPANY, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/URI (https://acme.example/careers)" in pdf_objects(data)  # a clickable apply link
    if shutil.which("pdftotext") is None:
        return
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 2
    for n, page in enumerate(pages, 1):
        assert "Acme Widgets" in page[:400]
        assert re.search(rf"\b{n}\s*/\s*{len(pages)}\s*$", page), page[-200:]
    assert "VP of Operations" in pages[0] and "Equal opportunity" in pages[-1]
    assert "$120,000 to $150,000 per year" in text


def test_format_pdf_needs_a_file() -> None:
    result = CliRunner().invoke(cli, ["generate", "vpo", "--format", "pdf"])
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: --format pdf writes a file: add -o PATH.pdf"


def test_without_weasyprint_one_line_says_how_to_install_it(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['weasyprint'] = None\n"
        "from jdgen.cli import main\n"
        f"sys.argv = ['jdgen', 'generate', 'vpo', '-o', {str(tmp_path / 'x.pdf')!r}]\n"
        "main()\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert run.returncode == 1
    assert run.stderr.strip() == 'error: PDF output needs WeasyPrint: pip install "jdgen[pdf]"'
    assert not (tmp_path / "x.pdf").exists()
