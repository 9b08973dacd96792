"""Stage 4: the command line.  Parses options, calls the stages, prints errors.

It decides nothing about content.  Every jdgen error reaches one boundary
(:class:`JdgenGroup`) that prints ``error: …`` in one line on stderr and exits
non-zero; ``--debug`` shows the traceback instead.  Heavy modules are imported
inside the commands so that ``jdgen --help`` starts instantly.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from jdgen import __version__
from jdgen.errors import JdgenError

if TYPE_CHECKING:
    from jdgen.catalog import Catalog
    from jdgen.models import Company, JobDescription, PostingOptions

F = TypeVar("F", bound=Callable[..., Any])


def _debug(ctx: click.Context | None) -> bool:
    root = ctx.find_root() if ctx else None
    flag = bool(root and root.params.get("debug"))
    return flag or os.environ.get("JDGEN_DEBUG", "") not in ("", "0")


def fail(message: str, code: int = 1) -> None:
    click.secho(f"error: {message}", fg="red", err=True)
    sys.exit(code)


class JdgenGroup(click.Group):
    """A click group whose commands' jdgen errors become one red line and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except JdgenError as exc:
            if _debug(ctx):
                raise
            fail(str(exc), exc.exit_code)
        except OSError as exc:
            if _debug(ctx):
                raise
            target = f"{exc.filename}: " if exc.filename else ""
            fail(f"{target}{exc.strerror or exc}")
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except Exception as exc:
            if _debug(ctx):
                raise
            fail(
                f"internal error: {type(exc).__name__}: {exc} "
                "(run with --debug for the traceback, and please report it)",
                70,
            )


# ---------------------------------------------------------------------------
# Shared options
# ---------------------------------------------------------------------------


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
                help="Company profile (YAML). Without it, a built-in default company is used.",
            ),
            click.option(
                "--size",
                help="small, mid-size, enterprise, or a headcount such as 40. Overrides the company file.",
            ),
            click.option(
                "--industry",
                help="manufacturing, technology, healthcare, ecommerce, retail, logistics, "
                "financial-services or general. Overrides the company file.",
            ),
            catalog_options,
        ]
    ):
        f = decorator(f)
    return f


def load_catalog_for(catalog_dirs: tuple[Path, ...]) -> Catalog:
    from jdgen.catalog import builtin_catalog, load_catalog

    return load_catalog(catalog_dirs) if catalog_dirs else builtin_catalog()


def build_company(
    catalog: Catalog, company_file: Path | None, size: str | None, industry: str | None
) -> Company:
    from jdgen.company import load_company
    from jdgen.errors import UnknownChoiceError

    company = load_company(company_file, catalog)
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
    return company.model_copy(update=updates) if updates else company


def build_posting(
    role_query: str,
    company_file: Path | None,
    size: str | None,
    industry: str | None,
    catalog_dirs: tuple[Path, ...],
    options: PostingOptions | None = None,
) -> JobDescription:
    from jdgen.tailor import tailor

    catalog = load_catalog_for(catalog_dirs)
    role = catalog.find_role(role_query)
    company = build_company(catalog, company_file, size, industry)
    return tailor(role, company, catalog, options)


def console(stderr: bool = False) -> Any:
    """A rich console; when output is piped, wide enough that tables are never cut."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else 200
    return Console(stderr=stderr, highlight=False, soft_wrap=False, width=width)


# ---------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------


@click.group(cls=JdgenGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="jdgen")
@click.option("--debug", is_flag=True, help="Show a traceback on errors.")
def cli(debug: bool) -> None:
    """Write tailored, publishable job descriptions.

    \b
    Examples:
      jdgen roles --level director
      jdgen generate "Director of Operations" --size small --industry manufacturing -o do.docx
      jdgen preview "VP of Operations" --company company.yaml
    """


@cli.command()
@click.option("--level", help="Only roles of this level: executive, vp, director or manager.")
@click.option("--search", help="Only roles whose title, aliases or duties mention this text.")
@catalog_options
def roles(level: str | None, search: str | None, catalog_dirs: tuple[Path, ...]) -> None:
    """List the roles in the catalog: id, title and level.

    \b
    Examples:
      jdgen roles
      jdgen roles --level director --search supply
    """
    from rich.table import Table

    from jdgen.catalog import normalize_name

    catalog = load_catalog_for(catalog_dirs)
    chosen = sorted(
        catalog.roles.values(),
        key=lambda r: (-catalog.levels[r.level].rank, r.specialized, r.title),
    )
    if level:
        wanted = catalog.find_level(level).id
        chosen = [r for r in chosen if r.level == wanted]
    if search:
        needle = normalize_name(search)
        chosen = [r for r in chosen if needle in normalize_name(_search_text(catalog, r))]
    if not chosen:
        raise JdgenError("no roles match" + (f" '{search}'" if search else ""))
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("id", "title", "level"):
        table.add_column(column, no_wrap=True)
    for r in chosen:
        table.add_row(r.id, r.title, catalog.levels[r.level].name)
    console().print(table)


def _search_text(catalog: Catalog, role: Any) -> str:
    parts = [role.id, role.title, *role.aliases]
    for group in role.responsibilities:
        parts.append(group.heading)
        for item in group.items:
            r = catalog.responsibilities[item] if isinstance(item, str) else item
            parts.append(r.text)
    return " ".join(parts)


@cli.command()
@click.argument("role")
@catalog_options
def show(role: str, catalog_dirs: tuple[Path, ...]) -> None:
    """Show a catalog role: summary, duties, skills, qualifications, career path, sources.

    ROLE is an id, title or alias, in any case.

    \b
    Example:
      jdgen show "VP Operations"
    """
    from jdgen.render.catalog_view import role_markdown

    catalog = load_catalog_for(catalog_dirs)
    text = role_markdown(catalog, catalog.find_role(role))
    _print_markdown(text)


def _print_markdown(text: str) -> None:
    if sys.stdout.isatty():
        from rich.markdown import Markdown

        console().print(Markdown(text))
    else:
        click.echo(text, nl=False)


@cli.command()
@click.argument("role")
@company_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "docx"]),
    help="Output format; by default taken from the -o suffix, else md.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write to this file (.md or .docx). Without it, Markdown goes to stdout.",
)
def generate(
    role: str,
    company_file: Path | None,
    size: str | None,
    industry: str | None,
    catalog_dirs: tuple[Path, ...],
    fmt: str | None,
    output: Path | None,
) -> None:
    """Generate a tailored job posting for ROLE.

    ROLE is a catalog id, title or alias ("VP of Operations", "vpo").

    \b
    Examples:
      jdgen generate "Director of Operations" --size small --industry manufacturing -o do.docx
      jdgen generate vp-of-operations --company company.yaml > vpo.md
      jdgen generate "Operations Director" --size 250 --format md -o od.md
    """
    from jdgen.render import check_writable, format_for_path, render, write_output

    to_stdout = output is None or str(output) == "-"
    if not to_stdout:
        assert output is not None
        inferred = format_for_path(output) if fmt is None else fmt
        if fmt is not None and output.suffix and output.suffix.lower() in (".md", ".docx"):
            suffix_fmt = format_for_path(output)
            if suffix_fmt != fmt:
                raise JdgenError(f"{output}: the suffix says {suffix_fmt} but --format says {fmt}")
        fmt = inferred
        check_writable(output)
    elif fmt == "docx":
        raise JdgenError("--format docx writes a file: add -o PATH.docx")

    jd = build_posting(role, company_file, size, industry, catalog_dirs)
    data = render(jd, fmt or "md")
    if to_stdout:
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
    else:
        assert output is not None
        write_output(output, data)
        click.secho(f"wrote {output}", err=True, fg="green")


@cli.command()
@click.argument("role")
@company_options
def preview(
    role: str,
    company_file: Path | None,
    size: str | None,
    industry: str | None,
    catalog_dirs: tuple[Path, ...],
) -> None:
    """Preview the posting for ROLE in the terminal.

    Rendered with rich at a terminal; plain Markdown when piped.

    \b
    Example:
      jdgen preview "VP Operations" --size enterprise --industry technology
    """
    from jdgen.render import render

    jd = build_posting(role, company_file, size, industry, catalog_dirs)
    _print_markdown(render(jd, "md").decode("utf-8"))


@cli.group(name="catalog")
def catalog_group() -> None:
    """Check catalog directories of your own.

    \b
    Example:
      jdgen catalog validate my-catalog/
    """


@catalog_group.command()
@click.argument("directory", type=click.Path(path_type=Path))
def validate(directory: Path) -> None:
    """Validate DIRECTORY as an extra catalog, reporting every problem at once.

    DIRECTORY has the layout of the built-in catalog (roles/, library/, industries/ …,
    every part optional); it is checked together with the built-in catalog, so it may
    reference built-in ids and replace built-in entries.

    \b
    Example:
      jdgen catalog validate my-catalog/
    """
    from jdgen.catalog import load_catalog

    if not directory.is_dir():
        raise JdgenError(f"{directory}: not a directory")
    catalog = load_catalog([directory])
    mine = [k for k, where in catalog.origin.items() if not where.startswith("catalog/")]
    counts: dict[str, int] = {}
    for kind, _ in mine:
        counts[kind] = counts.get(kind, 0) + 1
    summary = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in sorted(counts.items()))
    click.secho(f"{directory}: valid ({summary or 'no entries'})", fg="green")


def main() -> None:
    cli(prog_name="jdgen")
