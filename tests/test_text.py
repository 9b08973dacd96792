"""Plain text for ATS paste boxes: the structure must survive a plain textarea.

A textarea keeps characters and line breaks and nothing else; browsers send its
lines with CRLF; some applicant tracking systems strip trailing spaces, collapse
blank lines or trim each line.  The tests paste the text through those steps and
read the posting's structure back from what is left.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdgen.catalog import Catalog
from jdgen.cli import cli
from jdgen.models import Company, JobDescription
from jdgen.render import RenderOptions, render
from jdgen.tailor import tailor

FIXTURES = Path(__file__).parent / "fixtures"

Structure = list[tuple[str, list[str], list[str], list[tuple[str, list[str]]]]]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def expected(jd: JobDescription) -> tuple[str, Structure]:
    """The posting's structure: title, then (HEADING, paragraphs, bullets, subsections)."""
    return jd.title, [
        (
            s.heading.upper(),
            s.paragraphs,
            s.bullet_texts,
            [(sub.heading, sub.bullet_texts) for sub in s.subsections],
        )
        for s in jd.sections
    ]


def read_back(text: str) -> tuple[str, Structure]:
    """Recover the structure from plain lines alone (blank lines are not needed)."""
    lines = [line for line in text.splitlines() if line.strip()]
    title, sections = lines[0], []
    for line in lines[1:]:
        if line.startswith("- "):
            target = sections[-1][3][-1][1] if sections[-1][3] else sections[-1][2]
            target.append(line[2:])
        elif line.endswith(":") and not line.startswith("- "):
            sections[-1][3].append((line[:-1], []))
        elif line == line.upper() and re.search("[A-Z]", line):
            sections.append((line, [], [], []))
        else:
            sections[-1][1].append(line)
    return title, sections


class TextareaValue(HTMLParser):
    """What a browser's textarea holds after the text is put into it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.value = ""
        self.inside = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.inside = tag == "textarea"

    def handle_endtag(self, tag: str) -> None:
        self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.value += data


def paste(text: str) -> str:
    """Paste into a textarea, submit the form (CRLF), and let an ATS tidy it."""
    parser = TextareaValue()
    parser.feed(f"<textarea name=description>{html.escape(text)}</textarea>")
    submitted = parser.value.replace("\r\n", "\n").replace("\n", "\r\n")
    tidied = [line.strip() for line in submitted.split("\r\n")]
    return "\n".join(tidied)


@pytest.fixture
def acme(catalog: Catalog) -> JobDescription:
    from jdgen.company import load_company

    company = load_company(FIXTURES / "acme.yaml", catalog)
    return tailor(catalog.find_role("director-of-operations"), company, catalog)


def text_of(jd: JobDescription, template_dirs: tuple[Path, ...] = ()) -> str:
    return render(jd, "txt", RenderOptions(template_dirs)).decode("utf-8")


def test_text_reads_back_as_the_postings_structure(acme: JobDescription) -> None:
    text = text_of(acme)
    assert read_back(text) == expected(acme)
    assert text.startswith("Director of Operations\n\nABOUT US\n\nAcme Widgets makes")
    assert "\n\nWHAT YOU BRING\n\nRequired:\n- 7+ years of" in text


@pytest.mark.parametrize(
    ("role", "size", "industry"),
    [
        ("vp-of-operations", "enterprise", "ecommerce"),
        ("operations-manager", "small", "healthcare"),
        ("revenue-operations-manager", "mid-size", "technology"),
    ],
)
def test_structure_survives_a_textarea_paste(
    catalog: Catalog, role: str, size: str, industry: str
) -> None:
    jd = tailor(catalog.find_role(role), Company(size=size, industry=industry), catalog)
    text = text_of(jd)
    pasted = paste(text)
    assert read_back(pasted) == expected(jd)
    # an ATS that collapses every blank line still leaves the structure readable
    assert read_back(re.sub(r"\n+", "\n", pasted)) == expected(jd)


def test_plain_text_has_no_markup_and_nothing_that_paste_loses(acme: JobDescription) -> None:
    text = text_of(acme)
    lines = text.splitlines()
    assert not re.search(r"^#|\*\*|__|</?[a-z]+>|\[.*\]\(", text, re.MULTILINE)  # no Markdown/HTML
    assert "\t" not in text and "\r" not in text
    assert all(line == line.strip() for line in lines)  # nothing hangs on indentation
    assert not any(line.startswith(("•", "*")) for line in lines)  # one ASCII bullet style
    assert text.endswith(".\n") and not text.endswith("\n\n")
    assert "\n\n\n" not in text
    # no hard wraps: every paragraph and bullet of the posting is one whole line
    for section in acme.sections:
        for p in section.paragraphs:
            assert p in lines
        for b in [*section.bullet_texts, *(b for s in section.subsections for b in s.bullet_texts)]:
            assert f"- {b}" in lines


def test_section_headings_stand_alone_between_blank_lines(acme: JobDescription) -> None:
    lines = text_of(acme).splitlines()
    for section in acme.sections:
        i = lines.index(section.heading.upper())
        assert lines[i - 1] == "" and lines[i + 1] == ""


def test_user_text_template_extends_the_default(acme: JobDescription, tmp_path: Path) -> None:
    (tmp_path / "posting.txt.j2").write_text(
        '{% extends "!default/posting.txt.j2" %}\n'
        "{% block title %}{{ jd.title|upper }} (REF 12)\n{% endblock %}\n",
        encoding="utf-8",
    )
    custom = text_of(acme, (tmp_path,))
    default = text_of(acme)
    assert custom.startswith("DIRECTOR OF OPERATIONS (REF 12)\n\nABOUT US\n")
    assert custom.split("\n", 1)[1] == default.split("\n", 1)[1]


@pytest.mark.parametrize("args", [["--format", "txt"], []])
def test_cli_writes_text(tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "vpo.txt"
    code, stdout, err = run("generate", "vpo", "--size", "small", *args, "-o", str(out))
    assert code == 0, err
    assert stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("VP of Operations\n\nABOUT THE ROLE\n\n")
    assert "\n- " in text


def test_cli_text_to_stdout() -> None:
    code, stdout, _ = run("generate", "vpo", "--format", "txt")
    assert code == 0
    assert "\nWHAT YOU WILL DO\n" in stdout
    assert "## " not in stdout
