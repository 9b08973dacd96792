"""Templates render under limits (issue 14, class 1): each attack from the issue ends in
one clear line naming the template, exit 1, quickly, and catalog validate catches it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from jdgen.cli import cli

ATTACKS = [
    ("{{ 'a' * 10**10 }}", "repeating a value would make 10,000,000,000 characters"),
    ("{{ 'x'|center(10**10) }}", "center(10,000,000,000)"),
    ("{{ 'x'.center(10**10) }}", "center(10000000000) would make"),
    (
        "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
        "more than 1,000,000 loop iterations",
    ),
    ("{{ range(10**9)|list }}", "range of 1,000,000,000 items"),
    ("{{ '%9999999999s' % 'a' }}", "a format width would make"),
    ("{{ '{:>9999999999}'.format(1) }}", "a format width would make"),
    ("{{ [1, 2]|slice(10**9)|list }}", "slice(1,000,000,000)"),
    ("{{ lipsum(10**6) }}", "lipsum of more than 100 paragraphs"),
    (
        "{% set ns = namespace(s='ab') %}{% for i in range(40) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}",
        "of more than 20,000,000 characters",
    ),
    ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "calls itself without end"),
    ("{{ range(100000)|join('x' * 100000) }}", "a join of more than 20,000,000 characters"),
    (
        "{{ ('x' * 100000).join(range(100000)|map('string')) }}",
        "a join of more than 20,000,000 characters",
    ),
    ("{% include 'nope.j2' %}", "line 2: no template 'nope.j2' to include, import or extend"),
    ("{{ 1 / 0 }}", "ZeroDivisionError: division by zero"),
]


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize(("template", "message"), ATTACKS)
def test_a_user_template_over_a_limit_is_one_clear_error(
    tmp_path: Path, template: str, message: str
) -> None:
    (tmp_path / "posting.md.j2").write_text("line one\n" + template + "\n")
    result = run("generate", "vpo", "--templates", str(tmp_path))
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"error: template {tmp_path}/posting.md.j2")
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_template_that_extends_itself_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "posting.md.j2").write_text('{% extends "posting.md.j2" %}\n')
    result = run("generate", "vpo", "--templates", str(tmp_path))
    assert result.exit_code == 1
    assert "calls itself without end" in result.stderr


def test_a_binary_template_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "posting.md.j2").write_bytes(b"\xff\xfe\x00binary")
    result = run("generate", "vpo", "--templates", str(tmp_path))
    assert result.exit_code == 1
    assert "not UTF-8 text" in result.stderr


def test_a_word_template_that_includes_a_missing_template_names_it(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("{{ title }}")
    doc.add_paragraph('{% include "x" %}')
    doc.save(str(tmp_path / "w.docx"))
    out = tmp_path / "out.docx"
    result = run("generate", "vpo", "--docx-template", str(tmp_path / "w.docx"), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"error: --docx-template: {tmp_path / 'w.docx'}: no template 'x' to include, import or extend"
    )
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_joins_of_ordinary_size_still_work(tmp_path: Path) -> None:
    (tmp_path / "posting.html.j2").write_text(
        "{{ ', '.join(['a', 'b']) }}|{{ ['<b>', jd.title]|join('&') }}|"
        "{{ [{'n': 1}, {'n': 2}]|join(',', attribute='n') }}\n"
    )
    result = run("generate", "vpo", "--templates", str(tmp_path), "--format", "html")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "a, b|&lt;b&gt;&amp;VP of Operations|1,2\n"


def test_ordinary_template_code_still_works(tmp_path: Path) -> None:
    (tmp_path / "posting.md.j2").write_text(
        "|{{ jd.title|center(30) }}|{{ 'ab' * 3 }}|{{ 2 ** 10 }}|"
        "{% for s in jd.sections %}{{ loop.index }}{% endfor %}|{{ '%5s' % 'x' }}\n"
    )
    result = run("generate", "vpo", "--templates", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    head = f"|{'VP of Operations':^30}|ababab|1024|"
    assert result.stdout.startswith(head)
    loop, rest = result.stdout[len(head) :].split("|", 1)
    assert loop == "".join(str(i) for i in range(1, len(loop) + 1)) and len(loop) >= 7
    assert rest.startswith("    x")


def test_catalog_validate_renders_catalog_text_under_the_limits(tmp_path: Path) -> None:
    root = tmp_path / "cat"
    (root / "roles").mkdir(parents=True)
    repo = Path(__file__).resolve().parents[1]
    text = (repo / "catalog/roles/vp-of-operations.yaml").read_text()
    start, end = text.index("summary: >-"), text.index("reports_to:")
    text = text[:start] + "summary: \"{{ 'a' * 10**10 }}\"\n" + text[end:]
    (root / "roles/vp-of-operations.yaml").write_text(text)
    result = run("catalog", "validate", str(root))
    assert result.exit_code == 1
    assert "summary: over jdgen's template limits: repeating a value" in result.stderr
