"""The built-in posting.md.j2 written out as Python (jdgen.render.markdown.builtin_posting)
renders every posting exactly as Jinja does, and gives way to Jinja whenever the template
in effect is another."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jdgen.catalog import Catalog
from jdgen.company import load_company
from jdgen.models import Company, JobDescription, PostingOptions
from jdgen.render import markdown
from jdgen.resources import data_dir
from jdgen.tailor import tailor
from jdgen.templating import render_template

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]


def through_jinja(jd: JobDescription) -> str:
    return markdown.tidy(render_template(markdown.POSTING_TEMPLATE, (), jd=jd))


def postings(catalog: Catalog) -> list[JobDescription]:
    companies = [
        Company(size="small", industry="manufacturing"),
        Company(size="enterprise", industry="technology"),
        load_company(FIXTURES / "acme.yaml", catalog),
    ]
    short = PostingOptions(length="short", add_responsibilities=["Own the *odd* one\n\nout"])
    found = [
        tailor(role, company, catalog) for role in catalog.roles.values() for company in companies
    ]
    found.append(tailor(catalog.roles["director-of-operations"], companies[0], catalog, short))
    return found


def test_the_pinned_template_is_the_built_in_one() -> None:
    # fails when posting.md.j2 changes: bring builtin_posting in line, then the hash
    source = (data_dir("templates") / markdown.POSTING_TEMPLATE).read_bytes()
    assert hashlib.sha256(source).hexdigest() == markdown.BUILTIN_POSTING_SHA256
    assert (
        markdown.template_sha256(source.replace(b"\n", b"\r\n")) == markdown.BUILTIN_POSTING_SHA256
    )


def test_every_posting_renders_as_jinja_renders_it(catalog: Catalog) -> None:
    checked = 0
    for jd in postings(catalog):
        assert markdown.render_markdown(jd) == through_jinja(jd), jd.title
        checked += 1
    assert checked > 3 * len(catalog.roles)


def test_a_section_with_everything_renders_as_jinja_renders_it(catalog: Catalog) -> None:
    # paragraphs, bullets and subsections with both, in one section; blank lines in a text
    jd = tailor(catalog.roles["director-of-operations"], Company(), catalog)
    duties = next(s for s in jd.sections if s.id == "responsibilities")
    first, *rest = duties.subsections
    full = duties.updated(
        paragraphs=["You will own the plan.", "Line one\nline two\n\n\n\nafter blank lines"],
        bullets=first.bullets,
        subsections=[first.updated(paragraphs=["Under a sub-heading.", ""]), *rest],
    )
    jd = jd.updated(sections=[full if s is duties else s for s in jd.sections])
    assert markdown.render_markdown(jd) == through_jinja(jd)
    assert "You will own the plan." in markdown.render_markdown(jd)


def test_a_users_posting_template_is_used(catalog: Catalog, tmp_path: Path) -> None:
    (tmp_path / "posting.md.j2").write_text("custom {{ jd.title }}\n", encoding="utf-8")
    jd = tailor(catalog.roles["director-of-operations"], Company(), catalog)
    assert markdown.render_markdown(jd, [tmp_path]) == "custom Director of Operations\n"
    assert markdown.render_markdown(jd, [tmp_path / "none"]) == through_jinja(jd)


def test_an_edited_built_in_template_goes_through_jinja(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    jd = tailor(catalog.roles["director-of-operations"], Company(), catalog)
    monkeypatch.setattr(markdown, "BUILTIN_POSTING_SHA256", "not the template's")
    monkeypatch.setattr(markdown, "builtin_posting", lambda jd: "the Python one\n")
    assert markdown.render_markdown(jd) == through_jinja(jd)
    monkeypatch.undo()
    assert markdown.render_markdown(jd) == through_jinja(jd)


def test_generate_writes_markdown_without_loading_jinja(tmp_path: Path) -> None:
    # the second run, with the catalog cached: catalog text, posting and checks need no Jinja
    code = (
        "import sys\n"
        "from jdgen.cli import main\n"
        "sys.argv = ['jdgen', 'generate', 'Director of Operations']\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass\n"
        "print('jinja2' in sys.modules, file=sys.stderr)\n"
    )
    env = {**os.environ, "JDGEN_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(REPO)}
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
        )
    assert done.stdout.startswith("# Director of Operations\n")
    assert done.stderr.strip().splitlines()[-1] == "False", done.stderr
