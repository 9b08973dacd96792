"""The built-in data is found both from a source checkout and from an installed wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from jdgen.resources import data_dir

REPO = Path(__file__).resolve().parents[1]


def test_checkout_layout_finds_top_level_dirs() -> None:
    assert data_dir("catalog") == REPO / "catalog"
    assert data_dir("templates") == REPO / "templates"


def test_wheel_layout_is_preferred(tmp_path: Path) -> None:
    package = tmp_path / "site" / "jdgen"
    (package / "_data" / "catalog").mkdir(parents=True)
    (tmp_path / "site" / "catalog").mkdir()
    assert data_dir("catalog", package) == package / "_data" / "catalog"


def test_missing_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="jdgen's built-in templates is missing"):
        data_dir("templates", tmp_path / "jdgen")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("jdgen-*.whl")
    return path


def test_wheel_ships_catalog_and_templates(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "jdgen/_data/catalog/roles/vp-of-operations.yaml" in names
    assert "jdgen/_data/catalog/sizes.yaml" in names
    assert "jdgen/_data/templates/posting.md.j2" in names
    for example in ("company.yaml", "requisitions.csv", "brand.docx", "posting.docx"):
        assert f"jdgen/_data/examples/{example}" in names
    assert not any(n.startswith(("catalog/", "templates/", "examples/", "tests/")) for n in names)


def install(wheel: Path, tmp_path: Path) -> Path:
    """The wheel installed (non-editable) into a folder of its own."""
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    return site


def test_installed_wheel_generates_a_posting(wheel: Path, tmp_path: Path) -> None:
    site = install(wheel, tmp_path)
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run(
        [sys.executable, "-c", "import jdgen.resources as r; print(r.data_dir('catalog'))"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    ).stdout.strip()
    assert where == str(site / "jdgen" / "_data" / "catalog")
    out = tmp_path / "p.docx"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "jdgen",
            "generate",
            "Director of Operations",
            "--size",
            "small",
            "--industry",
            "manufacturing",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert out.read_bytes().startswith(b"PK")


def test_installed_wheel_copies_the_examples(wheel: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(install(wheel, tmp_path))}
    demo = tmp_path / "demo"
    run = subprocess.run(
        [sys.executable, "-m", "jdgen", "init", "--example", str(demo)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in demo.iterdir()) == [
        "brand.docx",
        "company.yaml",
        "posting-template.docx",
        "posting.docx",
        "requisitions.csv",
    ]


def test_wheel_ships_the_web_page_and_htmx(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for name in (
        "jdgen/web/static/htmx.min.js",
        "jdgen/web/static/htmx.LICENSE",
        "jdgen/web/static/jdgen.css",
        "jdgen/_data/templates/web/build.html.j2",
    ):
        assert name in names


def test_installed_wheel_serves_the_page(wheel: Path, tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    site = install(wheel, tmp_path)
    script = (
        "from pathlib import Path\n"
        "from fastapi.testclient import TestClient\n"
        "from jdgen.web.app import create_app\n"
        "c = TestClient(create_app(Path('d.sqlite3')))\n"
        "page = c.get('/?role=vpo')\n"
        "js = c.get('/static/htmx.min.js')\n"
        "print(page.status_code, '<h1>VP of Operations</h1>' in page.text, js.status_code, 'htmx' in js.text)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    )
    assert out.stdout.split() == ["200", "True", "200", "True"]
