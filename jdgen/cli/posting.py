"""Posting commands: ``jdgen generate`` and ``jdgen preview``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from jdgen.cli.common import (
    build_posting,
    company_options,
    kind_option,
    posting_choices,
    posting_options,
    print_markdown,
    render_options,
    templates_option,
)
from jdgen.errors import JdgenError


def _format_names() -> list[str]:
    from jdgen.render import FORMATS

    return list(FORMATS)


@click.command()
@click.argument("role")
@company_options
@posting_options
@kind_option
@render_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(_format_names()),
    help="Output format; by default taken from the -o suffix, else md.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write to this file; its suffix picks the format. Without it, text goes to stdout.",
)
@click.option(
    "--lint",
    "lint",
    is_flag=True,
    help="After writing, check the posting (jdgen lint) and print the findings to stderr.",
)
@click.option("--force", is_flag=True, help="Overwrite the -o file if it exists.")
@click.option(
    "--strict",
    is_flag=True,
    help="Fail (exit code 3, nothing written) when the posting is not ready to publish: "
    "no pay range where the law asks for one, no location, no way to apply or no closing date.",
)
def generate(
    role: str,
    company_file: Path | None,
    size: str | None,
    industry: str | None,
    catalog_dirs: tuple[Path, ...],
    template_dirs: tuple[Path, ...],
    reference_docx: Path | None,
    docx_template: Path | None,
    fmt: str | None,
    output: Path | None,
    lint: bool,
    force: bool,
    kind: str,
    strict: bool,
    **choices: Any,
) -> None:
    """Generate a tailored job posting (or, with --kind description, the internal job
    description) for ROLE.

    ROLE is a catalog id, title or alias ("VP of Operations", "vpo").

    \b
    Examples:
      jdgen generate "Director of Operations" --size small --industry manufacturing -o do.docx
      jdgen generate vp-of-operations --company company.yaml > vpo.md
      jdgen generate "Operations Director" --size 250 --format md -o od.md
      jdgen generate director-of-operations --title "Head of Ops" --remove vendor-contract-review
      jdgen generate "Fulfillment Manager" --industry retail --sector grocery
      jdgen generate "Fulfillment Manager" --kind description --job-code OPS-210 -o fm-jd.docx
    """
    fmt = _output_format(fmt, output, force)
    _check_render_inputs(fmt, reference_docx, docx_template, template_dirs)
    jd = build_posting(
        role, company_file, size, industry, catalog_dirs, posting_choices(**choices), kind
    )
    if jd.metadata.unusual_title:
        click.echo(f"note: {jd.metadata.unusual_title}", err=True)
    from jdgen.render import RenderOptions, render

    options = RenderOptions(tuple(template_dirs), reference_docx, docx_template)
    data = render(jd, fmt, options)
    _report_readiness(jd, company_file, size, industry, catalog_dirs, strict)
    _write(data, output)
    from jdgen.render.google import JOBPOSTING_FORMATS, google_warning

    if fmt in JOBPOSTING_FORMATS and (warning := google_warning(jd)):
        click.secho(warning, err=True, fg="yellow")
    if lint:
        _lint_after(jd, str(output or role), company_file, size, industry, catalog_dirs)


def _to_stdout(output: Path | None) -> bool:
    return output is None or str(output) == "-"


def _output_format(fmt: str | None, output: Path | None, force: bool) -> str:
    """The format asked for (``--format``, else the ``-o`` suffix, else md), once the output
    file may be written: it agrees with ``--format``, it is not there (or ``--force``), and
    a binary format has a file to go to."""
    from jdgen.files import check_writable, refuse_overwrite
    from jdgen.render import FORMATS, format_for_path, format_for_suffix

    if output is not None and not _to_stdout(output):
        suffix_fmt = format_for_suffix(output)
        if fmt is not None and suffix_fmt is not None and suffix_fmt != fmt:
            raise JdgenError(f"{output}: the suffix says {suffix_fmt} but --format says {fmt}")
        fmt = fmt or format_for_path(output)
        refuse_overwrite(output, force)
        check_writable(output)
    fmt = fmt or "md"
    if _to_stdout(output) and FORMATS[fmt].binary:
        raise JdgenError(f"--format {fmt} writes a file: add -o PATH{FORMATS[fmt].suffixes[0]}")
    return fmt


def _check_render_inputs(
    fmt: str,
    reference_docx: Path | None,
    docx_template: Path | None,
    template_dirs: tuple[Path, ...],
) -> None:
    """The Word files and template folders given exist, and fit the format."""
    for option, path in (("--reference-docx", reference_docx), ("--docx-template", docx_template)):
        if path is not None and not path.is_file():
            raise JdgenError(f"{option}: {path}: file not found")
        if path is not None and fmt != "docx":
            raise JdgenError(f"{option} applies to .docx output only, not --format {fmt}")
    for path in template_dirs:
        if not path.is_dir():
            raise JdgenError(f"--templates: {path}: not a directory")


def _write(data: bytes, output: Path | None) -> None:
    """The rendered posting to stdout, or to the ``-o`` file (written whole, then renamed)."""
    if output is None or _to_stdout(output):
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
        return
    from jdgen.files import write_output

    write_output(output, data)
    click.secho(f"wrote {output}", err=True, fg="green")


def _lint_after(
    jd: Any,
    source: str,
    company_file: Path | None,
    size: str | None,
    industry: str | None,
    catalog_dirs: tuple[Path, ...],
) -> None:
    """``generate --lint``: the posting's findings, briefly, on stderr."""
    from jdgen.cli.common import print_lint_report
    from jdgen.cli.lint import headcount
    from jdgen.lint import lint_job_description

    employees = headcount(company_file, size, industry, catalog_dirs)
    report = lint_job_description(jd, source=source, employees=employees)
    print_lint_report(report, stderr=True, brief=True)


def _report_readiness(
    jd: Any,
    company_file: Path | None,
    size: str | None,
    industry: str | None,
    catalog_dirs: tuple[Path, ...],
    strict: bool,
) -> None:
    """On stderr, what the posting still needs to be published; with ``strict``, an error."""
    from jdgen.cli.common import load_catalog_for
    from jdgen.cli.lint import headcount
    from jdgen.errors import NotReadyError, one_line
    from jdgen.readiness import still_missing

    employees = headcount(company_file, size, industry, catalog_dirs)
    found = still_missing(jd, load_catalog_for(catalog_dirs), employees)
    if found.advice:  # usually stated, not given: a note, never an error
        advice = "".join(f"\n  - {item}" for item in found.advice)
        click.secho(f"note: {found.advice_intro}{advice}", err=True, fg="cyan")
    if found.ready:
        return
    items = "".join(f"\n  - {one_line(item)}" for item in found.items)
    if found.hint:
        click.secho(one_line(found.hint), err=True, fg="cyan")
    if strict:
        raise NotReadyError(one_line(found.strict_intro) + items)
    click.secho(f"warning: {one_line(found.intro)}{items}", err=True, fg="yellow")


@click.command()
@click.argument("role")
@company_options
@posting_options
@kind_option
@templates_option
@click.option(
    "--pager/--no-pager",
    default=True,
    help="At a terminal, page output taller than the screen (default: on).",
)
def preview(
    role: str,
    company_file: Path | None,
    size: str | None,
    industry: str | None,
    catalog_dirs: tuple[Path, ...],
    template_dirs: tuple[Path, ...],
    pager: bool,
    kind: str,
    **choices: Any,
) -> None:
    """Preview the posting for ROLE in the terminal.

    Rendered with rich at a terminal, through a pager ($PAGER, else less) when it
    is taller than the screen; plain Markdown when piped.

    \b
    Example:
      jdgen preview "VP Operations" --size enterprise --industry technology
    """
    from jdgen.render import RenderOptions, render

    jd = build_posting(
        role, company_file, size, industry, catalog_dirs, posting_choices(**choices), kind
    )
    text = render(jd, "md", RenderOptions(tuple(template_dirs))).decode("utf-8")
    print_markdown(text, page=pager)
