"""``jdgen lint``: check a posting file, or a generated one, for wording, readability and pay transparency."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from jdgen.cli.common import (
    build_posting,
    company_options,
    posting_choices,
    posting_options,
)
from jdgen.errors import JdgenError

if TYPE_CHECKING:
    from jdgen.lint.rules import Rules

#: Exit code when the score is below ``--fail-under`` (1 is bad input, 2 a usage error).
EXIT_BELOW = 3

#: Parameter names of the posting options whose flag is not the name with dashes.
POSTING_OPTION_NAMES = {
    "add_responsibilities": "--add-responsibility",
    "add_skills": "--add-skill",
    "sections": "--section",
}


def headcount(
    company_file: Path | None,
    size: str | None,
    industry: str | None,
    catalog_dirs: tuple[Path, ...],
) -> int | None:
    """The company's headcount when it is given as a number (``size: 60``, ``--size 40``)."""
    from jdgen.cli.common import build_company, load_catalog_for

    company = build_company(load_catalog_for(catalog_dirs), company_file, size, industry)
    from jdgen.forgiving import headcount as number

    return number(company.size)


def _is_file_source(source: str) -> bool:
    from jdgen.lint.readers import SUFFIXES

    path = Path(source)
    return source == "-" or path.suffix.lower() in SUFFIXES or path.exists()


def lint_stdin(as_of: dt.date | None, employees: int | None, rules: Rules | None) -> Any:
    """``jdgen lint -``: check a posting read from standard input (its kind told from its content)."""
    import sys
    import tempfile

    from jdgen.lint import lint_file
    from jdgen.lint.readers import MAX_FILE, sniff_suffix
    from jdgen.zipcheck import MAX_PACKED

    data = sys.stdin.buffer.read(max(MAX_FILE, MAX_PACKED) + 1)
    with tempfile.TemporaryDirectory(prefix="jdgen-lint-") as folder:
        path = Path(folder) / f"stdin{sniff_suffix(data)}"
        path.write_bytes(data)
        try:
            report = lint_file(path, as_of=as_of, employees=employees, rules=rules)
        except JdgenError as exc:  # named after the temporary file: name standard input
            raise JdgenError(str(exc).replace(str(path), "<stdin>")) from None
    return report.model_copy(update={"source": "<stdin>"})


def _role_only_options(
    company_file: Path | None, size: str | None, industry: str | None, choices: dict[str, Any]
) -> list[str]:
    """The options given that shape a generated posting (they mean nothing for a file)."""
    given = [
        name
        for name, value in (("--company", company_file), ("--size", size), ("--industry", industry))
        if value
    ]
    return given + [
        POSTING_OPTION_NAMES.get(key, "--" + key.replace("_", "-"))
        for key, value in choices.items()
        if value is not None and value != ()
    ]


@click.command()
@click.argument("source", type=click.Path())  # a file (any bytes) or a role
@company_options
@posting_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a readable report; json: score, breakdown and findings.",
)
@click.option(
    "--fail-under",
    type=click.IntRange(0, 100),
    metavar="N",
    help=f"Exit with code {EXIT_BELOW} when the score is below N (for CI pipelines).",
)
@click.option(
    "--date",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Check against the pay laws in force on this date (default: the posting's own date, else today).",
)
@click.option(
    "--employees",
    type=click.IntRange(min=1),
    metavar="N",
    help="Your headcount, for the employer-size thresholds of pay laws (default: the company's "
    "size when it is a number, else its size band).",
)
def lint(
    source: str,
    company_file: Path | None,
    size: str | None,
    industry: str | None,
    catalog_dirs: tuple[Path, ...],
    fmt: str,
    fail_under: int | None,
    as_of: dt.datetime | None,
    employees: int | None,
    **choices: Any,
) -> None:
    """Check a job posting and say what to change.

    SOURCE is a posting file (.md, .txt, .html, .docx, or the .json of
    --format json; - reads standard input, its kind told from its content) or a
    ROLE, which is generated first with the usual --company/--size/--industry
    options.  --catalog applies to both: its sizes and countries, and the word
    lists and wording in its lint/ folder (merged over the built-in ones).

    Checks: gender-coded wording, exclusionary terms, readability, length, the
    title, pay transparency (a pay range where the law requires one) and
    completeness; each finding has the word or sentence, why it matters and what
    to write instead.  The score (0–100) and its breakdown come first.

    \b
    Examples:
      jdgen lint posting.docx
      jdgen lint "Director of Operations" --company company.yaml
      jdgen lint posting.md --format json --fail-under 80
      pbpaste | jdgen lint -
    """
    from jdgen.cli.common import load_catalog_for, print_lint_report
    from jdgen.lint import lint_file, lint_job_description
    from jdgen.lint.rules import rules_for

    day = as_of.date() if as_of else None
    rules = rules_for(load_catalog_for(catalog_dirs), catalog_dirs) if catalog_dirs else None
    if _is_file_source(source):
        given = _role_only_options(company_file, size, industry, choices)
        if given:
            raise JdgenError(
                f"{given[0]}: applies only when SOURCE is a ROLE, not a file ({source})"
            )
        if source == "-":
            report = lint_stdin(day, employees, rules)
        else:
            report = lint_file(Path(source), as_of=day, employees=employees, rules=rules)
    else:
        jd = build_posting(
            source, company_file, size, industry, catalog_dirs, posting_choices(**choices)
        )
        if employees is None:
            employees = headcount(company_file, size, industry, catalog_dirs)
        report = lint_job_description(jd, as_of=day, employees=employees, rules=rules)
    if fmt == "json":
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        print_lint_report(report)
    if fail_under is not None and report.score < fail_under:
        click.secho(f"score {report.score} is below --fail-under {fail_under}", fg="red", err=True)
        raise click.exceptions.Exit(EXIT_BELOW)
