"""``jdgen init``: write a commented starter company file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from jdgen.cli.common import CatalogHelpOption
from jdgen.errors import JdgenError


def interactive() -> bool:
    """Ask questions only when a person is at the keyboard."""
    return sys.stdin.isatty()


def yaml_scalar(value: Any, flow: bool = False) -> str:
    """A value written as a YAML scalar, quoted only when it must be (``flow``: inside ``{…}``)."""
    import yaml

    if isinstance(value, str) and value.isdigit():
        return value  # a headcount
    if flow:
        text: str = yaml.safe_dump(
            [value], default_flow_style=True, width=10_000, allow_unicode=True
        )
        return text.strip()[1:-1]
    text = yaml.safe_dump(value, default_flow_style=False, width=10_000, allow_unicode=True)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def _ask(label: str, default: Any, check: Any = None) -> Any:
    def value_proc(raw: str) -> str:
        raw = raw.strip()
        if raw and check is not None:
            try:
                check(raw)
            except JdgenError as exc:
                raise click.BadParameter(str(exc)) from None
        return raw

    return click.prompt(
        label, default=default or "", show_default=bool(default), value_proc=value_proc
    )


#: What ``jdgen init --example`` copies: (data directory, file name there, name to write).
EXAMPLE_FILES = (
    ("examples", "company.yaml", "company.yaml"),
    ("examples", "requisitions.csv", "requisitions.csv"),
    ("examples", "brand.docx", "brand.docx"),
    ("examples", "posting.docx", "posting.docx"),
    ("templates", "posting-template.docx", "posting-template.docx"),
)


def copy_examples(folder: Path, force: bool) -> None:
    """``jdgen init --example``: the files the README's commands use, copied into ``folder``."""
    from jdgen.render import check_writable, refuse_overwrite, write_output
    from jdgen.resources import data_dir

    if folder.exists() and not folder.is_dir():
        raise JdgenError(f"{folder}: not a folder (--example copies several files into one)")
    folder.mkdir(parents=True, exist_ok=True)
    targets = [(data_dir(kind) / name, folder / target) for kind, name, target in EXAMPLE_FILES]
    for _, target in targets:  # every clash first: all files or none
        refuse_overwrite(target, force)
        check_writable(target)
    for source, target in targets:
        write_output(target, source.read_bytes())
    names = ", ".join(target.name for _, target in targets)
    click.secho(f"wrote {names} in {folder}", err=True, fg="green")


@click.command()
@click.argument("path", type=click.Path(path_type=Path), required=False)
@click.option("--name", help="Company name.")
@click.option("--about", help="A paragraph about the company.")
@click.option("--website", help="The company's website.")
@click.option("--size", cls=CatalogHelpOption, help="{sizes} or a headcount.")
@click.option("--industry", cls=CatalogHelpOption, help="{industries}.")
@click.option("--city")
@click.option("--region", help="State, province or region, e.g. CO.")
@click.option("--country", help="Country code, e.g. US.")
@click.option("--work-arrangement", type=click.Choice(["on-site", "hybrid", "remote"]))
@click.option(
    "--remote-region",
    "remote_regions",
    multiple=True,
    help="Where remote applicants may live; repeatable.",
)
@click.option(
    "--employment-type",
    type=click.Choice(["full-time", "part-time", "contract", "temporary", "internship"]),
    default="full-time",
    show_default=True,
)
@click.option("--salary-min", type=click.FloatRange(min=0, min_open=True))
@click.option("--salary-max", type=click.FloatRange(min=0, min_open=True))
@click.option("--currency", default="USD", show_default=True)
@click.option(
    "--period",
    type=click.Choice(["hour", "day", "week", "month", "year"]),
    default="year",
    show_default=True,
)
@click.option("--benefit", "benefits", multiple=True, help="A benefit; repeatable.")
@click.option("--how-to-apply", help="A URL, an e-mail address or a sentence.")
@click.option("--no-input", is_flag=True, help="Never ask questions, even at a terminal.")
@click.option(
    "--global",
    "global_",
    is_flag=True,
    help="Write your default profile (used when no --company, JDGEN_COMPANY or ./company.yaml).",
)
@click.option(
    "--example",
    is_flag=True,
    help="Copy the examples (company.yaml, requisitions.csv, brand.docx, posting.docx, "
    "posting-template.docx) into the folder PATH (default: here).",
)
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def init(
    path: Path | None, no_input: bool, global_: bool, example: bool, force: bool, **values: Any
) -> None:
    """Write a commented starter company file (default: company.yaml).

    At a terminal it asks for the main fields, offering any flags you gave as
    defaults; otherwise (or with --no-input) it takes the flags as they are.
    It never overwrites a file unless you pass --force.

    \b
    Examples:
      jdgen init
      jdgen init acme.yaml --name "Acme Widgets" --size 60 --industry manufacturing --no-input
      jdgen init --global                  # your default profile, used in any folder
      jdgen init --example                 # the README's example files, here
    """
    from jdgen.catalog import builtin_catalog
    from jdgen.company import global_company_path, load_company
    from jdgen.render import check_writable, refuse_overwrite, write_output
    from jdgen.render.markdown import render_template

    if example:
        copy_examples(path or Path("."), force)
        return
    if global_ and path is not None:
        raise JdgenError("--global writes your default profile: give no PATH with it")
    if global_:
        path = global_company_path()
        path.parent.mkdir(parents=True, exist_ok=True)
    path = path or Path("company.yaml")
    if path.is_dir():
        raise JdgenError(
            f"{path}: is a folder; name the company file to write (e.g. {path / 'company.yaml'})"
        )
    refuse_overwrite(path, force)
    check_writable(path)
    catalog = builtin_catalog()

    def check_size(v: str) -> None:
        catalog.find_size(v)

    def check_industry(v: str) -> None:
        catalog.find_industry(v)

    if interactive() and not no_input:
        click.echo(f"Writing {path}. Press Enter to keep a default or skip a field.", err=True)
        values["name"] = _ask("Company name", values["name"])
        values["about"] = _ask("About the company (one paragraph)", values["about"])
        values["website"] = _ask("Website", values["website"])
        values["size"] = _ask(
            f"Size ({', '.join(catalog.sizes)} or a headcount)",
            values["size"] or "mid-size",
            check_size,
        )
        values["industry"] = _ask(
            f"Industry ({', '.join(catalog.industries)})",
            values["industry"] or "general",
            check_industry,
        )
        values["city"] = _ask("City", values["city"])
        values["region"] = _ask("State or region", values["region"])
        values["country"] = _ask("Country", values["country"] or "US")
        values["work_arrangement"] = click.prompt(
            "Work arrangement",
            type=click.Choice(["on-site", "hybrid", "remote", ""]),
            default=values["work_arrangement"] or "",
            show_choices=True,
        )
        values["how_to_apply"] = _ask("How to apply (URL or e-mail)", values["how_to_apply"])

    for option, check in (("size", check_size), ("industry", check_industry)):
        if values[option]:
            try:
                check(values[option])
            except JdgenError as exc:
                raise JdgenError(f"--{option}: {exc}") from None
    if (values["salary_min"] is None) != (values["salary_max"] is None):
        raise JdgenError("--salary-min and --salary-max go together: give both or neither")

    def number(v: float | None) -> str:
        return "" if v is None else (f"{v:.0f}" if float(v).is_integer() else f"{v:g}")

    def field(name: str, value: Any, example: str) -> str:
        if not value:
            return f"# {name}: {example}"
        if isinstance(value, (list, tuple)):
            return f"{name}: [{', '.join(yaml_scalar(v, flow=True) for v in value)}]"
        return f"{name}: {yaml_scalar(value)}"

    q = {
        k: (yaml_scalar(v, flow=True) if isinstance(v, str) and v else v) for k, v in values.items()
    }
    text = render_template(
        "company.yaml.j2",
        field=field,
        path=path.name,
        industries=", ".join(catalog.industries),
        name=values["name"],
        about=values["about"],
        website=values["website"],
        size=q["size"] or "mid-size",
        industry=q["industry"] or "general",
        location=", ".join(f"{k}: {q[k]}" for k in ("city", "region", "country") if q[k]),
        work_arrangement=values["work_arrangement"],
        remote_regions=list(values["remote_regions"]),
        employment_type=values["employment_type"],
        salary_min=number(values["salary_min"]),
        salary_max=number(values["salary_max"]),
        currency=q["currency"],
        period=values["period"],
        benefits=[yaml_scalar(b) for b in values["benefits"]],
        how_to_apply=values["how_to_apply"],
    )
    data = text.encode("utf-8")
    write_output(path, data)
    try:
        load_company(path, catalog)  # what we wrote must load; if not, it is our bug
    except JdgenError:
        path.unlink()
        raise
    click.secho(f"wrote {path}", err=True, fg="green")
