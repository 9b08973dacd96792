"""What several commands share: catalog, company and output options, and building a posting."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from jdgen.catalog import Catalog
    from jdgen.models import Company, JobDescription, Salary

F = TypeVar("F", bound=Callable[..., Any])


def choices(kind: str) -> str:
    """The built-in catalog's size, industry, sector or business model ids, for help
    texts: "small, mid-size, enterprise"."""
    from jdgen.catalog import builtin_catalog

    catalog = builtin_catalog()
    tables: dict[str, list[str]] = {
        "size": list(catalog.sizes),
        "industry": list(catalog.industries),
        "sector": list(catalog.sectors),
        "business model": list(catalog.business_models),
    }
    return ", ".join(tables[kind])


class CatalogHelpOption(click.Option):
    """An option whose help names the catalog's sizes, industries, sectors or business
    models (``{sizes}``, ``{industries}``, ``{sectors}``, ``{business_models}``); the
    catalog is read only when the help is shown."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        raw = self.help or ""
        if "{" in raw:
            self.help = raw.format(
                sizes=choices("size"),
                industries=choices("industry"),
                sectors=choices("sector"),
                business_models=choices("business model"),
            )
        try:
            return super().get_help_record(ctx)
        finally:
            self.help = raw


def catalog_options(f: F) -> F:
    f = click.option(
        "--catalog",
        "catalog_dirs",
        multiple=True,
        type=click.Path(path_type=Path),
        help="Extra catalog directory (roles, library, industries); repeatable.",
    )(f)
    return f


def company_options(f: F) -> F:
    for decorator in reversed(
        [
            click.option(
                "--company",
                "company_file",
                type=click.Path(path_type=Path, dir_okay=False),
                help="Company profile (YAML; - reads standard input). Default: $JDGEN_COMPANY, "
                "else ./company.yaml or ./jdgen.yaml, else your default profile (jdgen init "
                "--global), else a built-in default company.",
            ),
            click.option(
                "--size",
                cls=CatalogHelpOption,
                help="{sizes}, or a headcount such as 40. Overrides the company file.",
            ),
            click.option(
                "--industry",
                cls=CatalogHelpOption,
                help="{industries}. Overrides the company file.",
            ),
            click.option(
                "--sector",
                cls=CatalogHelpOption,
                help="Kind of business within the industry: {sectors} (each belongs to "
                'its industries; "" for none). Overrides the company file.',
            ),
            click.option(
                "--business-model",
                cls=CatalogHelpOption,
                help="How the company sells: {business_models}. Overrides the company file "
                "(default: the industry's usual).",
            ),
            catalog_options,
        ]
    ):
        f = decorator(f)
    return f


def load_catalog_for(catalog_dirs: tuple[Path, ...]) -> Catalog:
    from jdgen.catalog import builtin_catalog, load_catalog
    from jdgen.catalog_cache import cached_catalog

    return cached_catalog(load_catalog, catalog_dirs) if catalog_dirs else builtin_catalog()


def run_company(catalog: Catalog, company_file: Path | None) -> Company:
    """The run's company: ``--company``, else the one found (see
    :func:`jdgen.company.find_company_file`), loaded once per command run (standard input
    can be read only once) and, when a file was found rather than named by ``--company``,
    announced on stderr (the built-in default is not: errors stay one line).
    """
    from jdgen.company import find_company_file, load_company

    ctx = click.get_current_context(silent=True)
    meta: dict[str, Any] = ctx.find_root().meta if ctx else {}
    cache: dict[tuple[Path | None, int], Company] = meta.setdefault("jdgen.company", {})
    source = find_company_file(company_file)
    key = (source.path, id(catalog))
    if key not in cache:
        cache[key] = load_company(source.path, catalog)
        quiet = bool(ctx and ctx.params.get("quiet"))
        if source.path is not None and source.how != "--company" and not quiet:
            click.secho(source.describe(), err=True, fg="cyan")
    return cache[key]


def build_company(
    catalog: Catalog,
    company_file: Path | None,
    size: str | None,
    industry: str | None,
    sector: str | None = None,
    business_model: str | None = None,
) -> Company:
    """The run's company with the options that override its file (``--size``,
    ``--industry``, ``--sector``, ``--business-model``); a value the catalog does not know
    is an error naming the option and the choices."""
    from jdgen.errors import UnknownChoiceError

    company = run_company(catalog, company_file)
    updates: dict[str, Any] = {}
    for option, value, finder in (
        ("--size", size, catalog.find_size),
        ("--industry", industry, catalog.find_industry),
    ):
        if value is None:
            continue
        try:
            finder(value)
        except UnknownChoiceError as exc:
            raise UnknownChoiceError(f"{option}: {exc}") from None
        updates[option.lstrip("-")] = value
    if business_model is not None:
        try:
            updates["business_model"] = catalog.find_business_model(business_model).id
        except UnknownChoiceError as exc:
            raise UnknownChoiceError(f"--business-model: {exc}") from None
    industry_id = catalog.find_industry(industry or company.industry).id
    if sector is not None:
        # one of the industry's sectors (--industry's when given); "" for none
        try:
            updates["sector"] = (
                catalog.find_sector(sector, industry_id).id if sector.strip() else None
            )
        except UnknownChoiceError as exc:
            raise UnknownChoiceError(f"--sector: {exc}") from None
    elif industry is not None and company.sector:
        # a sector of the company file's industry does not follow it into another one
        try:
            catalog.find_sector(company.sector, industry_id)
        except UnknownChoiceError:
            updates["sector"] = None
    return company.model_copy(update=updates) if updates else company


def posting_options(f: F) -> F:
    """Per-posting choices; they add to (or override) the company file's ``posting:`` block."""
    for decorator in reversed(
        [
            click.option(
                "--title", help='Posted title, e.g. "Head of Ops" (default: the catalog title).'
            ),
            click.option(
                "--team",
                metavar='"TEAM"',
                help='Whom the role leads, in your words, e.g. "a team of six planners and two '
                'buyers" (default: the usual team for the role at your size).',
            ),
            click.option(
                "--add-responsibility",
                "add_responsibilities",
                multiple=True,
                metavar="TEXT",
                help="An extra responsibility; repeatable.",
            ),
            click.option(
                "--add-skill",
                "add_skills",
                multiple=True,
                metavar="TEXT",
                help="An extra skill; repeatable.",
            ),
            click.option(
                "--remove",
                multiple=True,
                metavar="ID",
                help=(
                    "Leave out a bullet or a responsibility group by id: a catalog "
                    "responsibility or skill id (see jdgen show), or any bullet id of "
                    "--format json; repeatable."
                ),
            ),
            click.option(
                "--section",
                "sections",
                multiple=True,
                metavar='"HEADING: TEXT"',
                help="An extra section with a heading and a paragraph; repeatable.",
            ),
            click.option(
                "--salary",
                metavar='"MIN-MAX"',
                help=(
                    'Pay range for this posting, e.g. "120k-150k" or "€65,000-€80,000" '
                    "(currency and period as in the company file unless given). Overrides the "
                    "company file's salary."
                ),
            ),
            click.option(
                "--career-path/--no-career-path",
                default=None,
                help='Include "Where this role leads" (default: on for director level and below).',
            ),
            click.option(
                "--length",
                type=click.Choice(["short", "standard", "long"]),
                default=None,
                help="short (250-450 words, for boards with tight limits), standard "
                "(450-750, the default) or long (every line that applies).",
            ),
            click.option("--job-code", help="Job code in your HR system (internal description)."),
            click.option("--grade", help="Pay grade or band (internal description)."),
            click.option(
                "--department",
                help="Department (internal description; default: the role's kind of work).",
            ),
        ]
    ):
        f = decorator(f)
    return f


kind_option = click.option(
    "--kind",
    type=click.Choice(["posting", "description"]),
    default="posting",
    show_default=True,
    help="posting: the job ad; description: the internal job description HR keeps on file "
    "(essential functions, FLSA status, physical demands, signature block).",
)


def _team(value: str) -> str:
    from jdgen.errors import JdgenError
    from jdgen.models import team_phrase

    try:
        return team_phrase(value)
    except ValueError as err:
        raise JdgenError(f"--team: {err}") from None


def posting_choices(
    title: str | None = None,
    team: str | None = None,
    add_responsibilities: tuple[str, ...] = (),
    add_skills: tuple[str, ...] = (),
    remove: tuple[str, ...] = (),
    sections: tuple[str, ...] = (),
    career_path: bool | None = None,
    length: str | None = None,
    job_code: str | None = None,
    grade: str | None = None,
    department: str | None = None,
    salary: str | None = None,
    sector: str | None = None,
    business_model: str | None = None,
) -> dict[str, Any]:
    """The CLI's per-posting options as a partial ``posting:`` block (``salary``,
    ``sector`` and ``business_model``, company settings, are taken out again by
    :func:`build_posting`)."""
    from jdgen.errors import JdgenError

    extra = []
    for value in sections:
        heading, sep, text = value.partition(":")
        if not sep or not heading.strip() or not text.strip():
            raise JdgenError(f'--section: expected "HEADING: TEXT", got {value!r}')
        extra.append({"heading": heading.strip(), "paragraphs": [text.strip()]})
    choices: dict[str, Any] = {
        "add_responsibilities": list(add_responsibilities),
        "add_skills": list(add_skills),
        "remove": list(remove),
        "extra_sections": extra,
    }
    if title:
        choices["title"] = title
    if team is not None:
        choices["team"] = _team(team)
    if career_path is not None:
        choices["career_path"] = career_path
    if length is not None:
        choices["length"] = length
    details = {"job_code": job_code, "grade": grade, "department": department}
    choices.update({k: v for k, v in details.items() if v})
    company = {"salary": salary, "sector": sector, "business_model": business_model}
    choices.update({k: v for k, v in company.items() if v is not None})
    return choices


def salary_option(text: str, company: Company) -> Salary:
    """``--salary "120k-150k"`` as a Salary (:func:`jdgen.document.pay_range`); a bad
    value is an error naming the option."""
    from jdgen.document import pay_range
    from jdgen.errors import JdgenError

    try:
        return pay_range(text, company)
    except JdgenError as exc:
        raise JdgenError(f"--salary: {exc}") from None


def build_posting(
    role_query: str,
    company_file: Path | None,
    size: str | None,
    industry: str | None,
    catalog_dirs: tuple[Path, ...],
    choices: dict[str, Any] | None = None,
    kind: str = "posting",
) -> JobDescription:
    """Load, resolve and tailor: the stages a posting command runs (``kind``: ``posting``
    or the internal ``description``)."""
    from jdgen.models import PostingOptions

    catalog = load_catalog_for(catalog_dirs)
    role = catalog.find_role(role_query)
    choices = {k: v for k, v in (choices or {}).items() if v != []}  # [] adds nothing
    sector, model = choices.pop("sector", None), choices.pop("business_model", None)
    company = build_company(catalog, company_file, size, industry, sector, model)
    if (salary := choices.pop("salary", None)) is not None:
        company = company.model_copy(update={"salary": salary_option(salary, company)})
    options: PostingOptions | None = None
    if choices:
        merged = company.posting.model_dump()
        for key, value in choices.items():
            merged[key] = merged[key] + value if isinstance(value, list) else value
        options = PostingOptions.model_validate(merged)
    from jdgen.document import make_document

    return make_document(kind, role, company, catalog, options or company.posting)


templates_option = click.option(
    "--templates",
    "template_dirs",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Directory of your own templates, used before the built-in ones; repeatable.",
)


def render_options(f: F) -> F:
    """Options that change how a posting is rendered (templates, Word branding)."""
    for decorator in reversed(
        [
            templates_option,
            click.option(
                "--reference-docx",
                type=click.Path(path_type=Path, dir_okay=False),
                help="Build the .docx inside this Word file, keeping its styles, header and footer.",
            ),
            click.option(
                "--docx-template",
                type=click.Path(path_type=Path, dir_okay=False),
                help="A Word file with Jinja tags ({{ title }} …) to fill in (docxtpl).",
            ),
        ]
    ):
        f = decorator(f)
    return f


#: How wide piped output may be (:func:`console`).
PIPED_WIDTH = 200


def print_columns(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """A table of columns that never wrap: rich's (bold headers) at a terminal; piped, the
    same text written without loading rich, where that is certain to be what rich writes
    (each column as wide as its widest cell, two spaces between columns; cells of
    :func:`_plain_cell` within :data:`PIPED_WIDTH`, and no FORCE_COLOR or TTY_COMPATIBLE to
    make rich write colours anyway)."""
    cells = [headers, *rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    plain = (
        piped(sys.stdout)
        and sum(widths) + 2 * (len(widths) - 1) <= PIPED_WIDTH
        and all(_plain_cell(c) for row in cells for c in row)
    )
    if plain:
        lines = ("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells)
        click.echo("".join(line + "\n" for line in lines), nl=False)
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, header_style="bold")
    for header in headers:
        table.add_column(header, no_wrap=True)
    for row in rows:  # cells are text: "[Interim] COO" is no markup, ":star:" no emoji code
        table.add_row(*(Text(cell) for cell in row))
    console().print(table)


def piped(stream: Any) -> bool:
    """``stream`` is no terminal, and no FORCE_COLOR or TTY_COMPATIBLE makes rich write
    colours to it anyway: what rich writes there is plain text."""
    return not stream.isatty() and not {"FORCE_COLOR", "TTY_COMPATIBLE"} & set(os.environ)


def print_lint_report(report: Any, *, stderr: bool = False, brief: bool = False) -> None:
    """A lint report (:func:`jdgen.lint.print_report`); piped, the same text made without
    loading rich where :func:`jdgen.lint.plain.plain_report` can be sure of it."""
    stream = sys.stderr if stderr else sys.stdout
    if piped(stream):
        from jdgen.lint.plain import plain_report

        text = plain_report(report, brief)
        if text is not None:
            click.echo(text, nl=False, err=stderr)
            return
    from jdgen.lint import print_report

    print_report(report, console(stderr), brief=brief)


def _plain_cell(text: str) -> bool:
    """Printable ASCII, which rich writes as it is (cells are :class:`rich.text.Text`,
    so brackets and colons are not read as markup or emoji codes)."""
    return text.isascii() and text.isprintable()


def console(stderr: bool = False) -> Any:
    """A rich console; when output is piped, wide enough that tables are never cut."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else PIPED_WIDTH
    return Console(stderr=stderr, highlight=False, soft_wrap=False, width=width)


def print_markdown(text: str, page: bool = True) -> None:
    """Markdown rendered with rich at a terminal, plain when piped.

    Output taller than the terminal goes through rich's pager (``$PAGER``, else
    ``less``; jdgen sets ``LESS=-R`` so colours show) unless ``page`` is False.
    """
    if not sys.stdout.isatty():
        click.echo(text, nl=False)
        return
    import os

    from rich.markdown import Markdown

    out = console()
    document = Markdown(text)
    if page and len(out.render_lines(document, pad=False)) > out.height:
        os.environ.setdefault("LESS", "-R")
        with out.pager(styles=True):
            out.print(document)
    else:
        out.print(document)
