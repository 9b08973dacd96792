"""The command line as a user meets it: output, exit codes and one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdgen.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


# -- roles and show ----------------------------------------------------------


def test_roles_lists_id_title_and_level() -> None:
    code, out, _ = run("roles")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["id", "title", "level"]
    row = next(line for line in lines if line.startswith("vp-of-operations"))
    assert "VP of Operations" in row and "Vice president" in row
    assert any(line.startswith("director-of-operations") for line in lines)


def test_show_prints_the_catalog_entry() -> None:
    code, out, _ = run("show", "Vice President of Operations")
    assert code == 0
    assert out.startswith("# VP of Operations\n")
    for text in (
        "VPO",
        "## By company size",
        "Chief Executive Officer",
        "## Sources",
        "Lean and Six Sigma",
        "only for companies with physical goods",
    ):
        assert text in out


# -- role resolution ---------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "vp of operations",
        "VP Operations",
        "Vice President of Operations",
        "VPO",
        "vp-of-operations",
        "  VP   of  Ops ",
    ],
)
def test_role_resolves_by_id_title_or_alias_in_any_case(name: str) -> None:
    code, out, err = run("generate", name)
    assert code == 0, err
    assert out.startswith("# VP of Operations\n")


def test_director_of_operations_and_operations_director_are_different_roles() -> None:
    _, a, _ = run("generate", "Director of Operations")
    _, b, _ = run("generate", "Operations Director")
    assert a.startswith("# Director of Operations\n")
    assert b.startswith("# Operations Director\n")


# -- generate ----------------------------------------------------------------


def test_generate_without_output_writes_markdown_to_stdout() -> None:
    code, out, err = run(
        "generate", "director-of-operations", "--size", "small", "--industry", "manufacturing"
    )
    assert code == 0
    # stderr holds only what the posting still needs, or usually states (issue 11, issue 10)
    assert all(line.startswith(("hint:", "warning:", "note:", "  - ")) for line in err.splitlines())
    assert "## What you will do" in out
    assert "You will report to the Chief Executive Officer." in out  # a COO from 250 people
    assert "OSHA" in out


@pytest.mark.parametrize(
    ("suffix", "magic"), [(".md", b"# Director of Operations"), (".docx", b"PK\x03\x04")]
)
def test_format_follows_the_output_suffix(tmp_path: Path, suffix: str, magic: bytes) -> None:
    out = tmp_path / f"posting{suffix}"
    code, stdout, err = run("generate", "Director of Operations", "-o", str(out))
    assert code == 0, err
    assert stdout == ""
    assert out.read_bytes().startswith(magic)
    assert f"wrote {out}" in err


def test_format_option_must_agree_with_suffix(tmp_path: Path) -> None:
    out = tmp_path / "posting.md"
    code, _, err = run("generate", "vpo", "--format", "docx", "-o", str(out))
    assert code == 1
    assert "suffix says md but --format says docx" in err
    assert not out.exists()


def test_docx_to_stdout_is_refused() -> None:
    code, _, err = run("generate", "vpo", "--format", "docx")
    assert code == 1
    assert "add -o PATH.docx" in err


@pytest.mark.parametrize("value", ["ecommerce", "eCommerce", "e-commerce", "E-Commerce"])
def test_industry_by_id_or_name_any_case(value: str) -> None:
    code, out, err = run("generate", "vpo", "--industry", value)
    assert code == 0, err
    assert "fulfillment center" in out.lower()  # the eCommerce words


@pytest.mark.parametrize(
    "value", ["financial services", "financial-services", "Financial Services"]
)
def test_industry_with_a_space_or_hyphen(value: str) -> None:
    code, out, err = run("generate", "vpo", "--industry", value)
    assert code == 0, err
    assert "audit" in out


@pytest.mark.parametrize(
    ("value", "boss"),
    [
        # the COO where the company has one (from 250 people), else the CEO
        ("22", "Chief Executive Officer"),
        ("40", "Chief Executive Officer"),
        ("small", "Chief Executive Officer"),
        ("249", "Chief Executive Officer"),
        ("250", "Chief Operating Officer"),
        ("Mid-Size", "Chief Operating Officer"),
        ("midsize", "Chief Operating Officer"),
        # in the large bands the Director of Operations works under the VP of Operations
        ("5000", "VP of Operations"),
        ("enterprise", "VP of Operations"),
    ],
)
def test_size_by_name_or_headcount(value: str, boss: str) -> None:
    code, out, err = run("generate", "director-of-operations", "--size", value)
    assert code == 0, err
    assert f"You will report to the {boss}." in out


def test_company_file_is_used_and_options_override_it() -> None:
    acme = str(FIXTURES / "acme.yaml")
    code, out, _ = run("generate", "director-of-operations", "--company", acme)
    assert code == 0
    assert "Acme Widgets makes precision valves" in out
    assert "$120,000 to $150,000 per year" in out
    assert "on-site position at our plant in Denver, CO, US" in out
    assert "Applications close on December 31, 2026." in out
    code, out, _ = run(
        "generate",
        "director-of-operations",
        "--company",
        acme,
        "--industry",
        "healthcare",
        "--size",
        "enterprise",
    )
    assert code == 0
    assert "HIPAA" in out and "OSHA" not in out
    assert "across several locations" in out


def test_preview_prints_plain_markdown_when_not_a_terminal() -> None:
    code, out, _ = run("preview", "vpo", "--size", "small")
    assert code == 0
    assert out.startswith("# VP of Operations\n")
    assert "\x1b[" not in out


# -- help ---------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["roles"], ["show"], ["generate"], ["preview"]])
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    code, out, _ = run(*command, "--help")
    assert code == 0
    assert "Example" in out
    assert "jdgen " in out


# -- bad input: one line, non-zero exit, nothing written ------------------------


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("error: ")
    return lines[0]


def test_unknown_role_suggests_close_matches(tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    code, stdout, err = run("generate", "Director of Opps", "-o", str(out))
    assert code == 1
    line = one_line_error(err)
    assert "no role 'Director of Opps'" in line
    assert "did you mean: director-of-operations (Director of Operations)" in line
    assert not out.exists() and stdout == ""


def test_unknown_role_far_from_anything_points_to_roles() -> None:
    code, _, err = run("generate", "Astronaut")
    assert code == 1
    assert "run 'jdgen roles'" in one_line_error(err)


def test_unknown_size_lists_the_choices() -> None:
    code, _, err = run("generate", "vpo", "--size", "huge")
    assert code == 1
    assert one_line_error(err) == (
        "error: --size: expected one of startup, small, mid-size, large, enterprise or a headcount, got 'huge'"
    )


def test_unknown_industry_lists_the_choices() -> None:
    code, _, err = run("generate", "vpo", "--industry", "mining")
    assert code == 1
    line = one_line_error(err)
    assert line.startswith("error: --industry: expected one of ")
    assert "manufacturing" in line and "financial-services" in line and "got 'mining'" in line


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("missing.yaml", "missing.yaml: file not found"),
        ("not-yaml.yaml", "not-yaml.yaml: not valid YAML (line 3, column 1)"),
        (
            "wrong-field.yaml",
            "wrong-field.yaml: salary.period: expected one of 'hour', 'day', 'week', 'month' or 'year', got 'fortnight'",
        ),
        (
            "bad-size.yaml",
            "bad-size.yaml: size: expected one of startup, small, mid-size, large, enterprise or a headcount, got 'huge'",
        ),
        ("typo-field.yaml", "typo-field.yaml: industy: unknown field (did you mean 'industry'?)"),
    ],
)
def test_bad_company_file_names_file_and_field(tmp_path: Path, fixture: str, expected: str) -> None:
    out = tmp_path / "x.docx"
    code, _, err = run("generate", "vpo", "--company", str(FIXTURES / fixture), "-o", str(out))
    assert code == 1
    assert expected in one_line_error(err)
    assert not out.exists()


def test_missing_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "x.docx"
    code, _, err = run("generate", "vpo", "-o", str(out))
    assert code == 1
    assert one_line_error(err) == f"error: {out}: the folder '{out.parent}' does not exist"
    assert not out.parent.exists()


def test_unknown_suffix_asks_for_format(tmp_path: Path) -> None:
    code, _, err = run("generate", "vpo", "-o", str(tmp_path / "x.odt"))
    assert code == 1
    assert "cannot tell the format from the suffix '.odt'" in one_line_error(err)


def test_failed_run_leaves_an_existing_file_untouched(tmp_path: Path) -> None:
    out = tmp_path / "keep.md"
    out.write_text("my edits\n")
    code, _, _ = run("generate", "vpo", "--size", "huge", "-o", str(out))
    assert code == 1
    assert out.read_text() == "my edits\n"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.md"]


def test_debug_shows_the_traceback() -> None:
    result = CliRunner().invoke(cli, ["--debug", "generate", "nope"])
    assert result.exit_code == 1
    assert result.exception is not None
    assert type(result.exception).__name__ == "UnknownChoiceError"


def test_python_dash_m_runs_the_cli_and_errors_have_no_traceback(tmp_path: Path) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "jdgen", "generate", "vpo"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert ok.returncode == 0
    assert ok.stdout.startswith("# VP of Operations")
    bad = subprocess.run(
        [sys.executable, "-m", "jdgen", "generate", "vpo", "--size", "huge"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert bad.returncode == 1
    assert bad.stderr.startswith("error: --size:")
    assert "Traceback" not in bad.stderr


def test_help_lists_every_command_without_importing_them() -> None:
    from jdgen.cli import COMMANDS, SUMMARIES

    assert set(SUMMARIES) == set(COMMANDS)
    code = (
        "import sys\n"
        "from jdgen.cli import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('jdgen.models', 'pydantic', 'docx', 'rich', 'jinja2') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "HEAVY []" in out
    for name in COMMANDS:
        assert f"  {name} " in out


def test_word_options_need_docx_output(tmp_path: Path) -> None:
    brand = tmp_path / "brand.docx"
    brand.write_bytes(b"not used")
    code, _, err = run(
        "generate", "vpo", "--reference-docx", str(brand), "-o", str(tmp_path / "x.md")
    )
    assert code == 1
    assert (
        one_line_error(err)
        == "error: --reference-docx applies to .docx output only, not --format md"
    )
    assert not (tmp_path / "x.md").exists()


def _rich_columns(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """What rich writes for print_columns's table to a pipe (the console jdgen makes)."""
    import io

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, header_style="bold")
    for header in headers:
        table.add_column(header, no_wrap=True)
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    out = io.StringIO()
    Console(file=out, width=200, highlight=False, soft_wrap=False).print(table)
    return out.getvalue()


@pytest.mark.parametrize("args", [[], ["--level", "director"], ["--search", "supply"]])
def test_piped_roles_are_what_rich_writes(args: list[str]) -> None:
    from jdgen.catalog import builtin_catalog

    result = CliRunner().invoke(cli, ["roles", *args])
    assert result.exit_code == 0, result.output
    catalog = builtin_catalog()
    rows = []
    for line in result.output.splitlines()[1:]:
        role = catalog.roles[line.split()[0]]
        rows.append((role.id, role.title, catalog.levels[role.level].name))
    assert len(rows) > 3
    assert result.output == _rich_columns(("id", "title", "level"), rows)


@pytest.mark.parametrize("tty", [False, True])
def test_role_titles_are_shown_as_written_not_read_as_markup(
    tty: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from jdgen.cli.common import print_columns

    if tty:  # rich's own table, as at a terminal
        monkeypatch.setenv("TTY_COMPATIBLE", "0")
    rows = [("coo", "[Interim] COO", "Executive"), ("star", "Ops Lead :star: [b]", "Manager")]
    print_columns(("id", "title", "level"), rows)
    out = capsys.readouterr().out
    assert "  [Interim] COO  " in out
    assert "  Ops Lead :star: [b]  " in out


@pytest.mark.parametrize(
    "rows",
    [
        [("cafe", "Café Manager", "Manager")],  # not ASCII: rich measures it
        [("wide", "W" * 190, "Manager")],  # wider than a pipe's 200 columns: rich cuts it
        [("tab", "Ops\tLead", "Manager"), ("", "", "")],
        [("markup", "[bold]Ops[/bold] Lead", "Manager")],  # text, not markup
        [("emoji", "Ops Lead :star:", "Manager")],  # text, not an emoji code
        [("plain", "Ops Lead ", "Manager"), ("", "", "")],  # written without rich
    ],
)
def test_columns_rich_has_to_write_are_written_by_rich(
    rows: list[tuple[str, ...]], capsys: pytest.CaptureFixture[str]
) -> None:
    from jdgen.cli.common import print_columns

    print_columns(("id", "title", "level"), rows)
    assert capsys.readouterr().out == _rich_columns(("id", "title", "level"), rows)
