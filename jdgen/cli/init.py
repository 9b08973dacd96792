"""``jdgen init``: write a commented starter company file."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from jdgen.cli.common import CatalogHelpOption
from jdgen.errors import JdgenError

if TYPE_CHECKING:
    from jdgen.catalog import Catalog


#: The largest salary figure init takes (a finite number: ``inf`` is refused).
MAX_AMOUNT = 1e12


def interactive() -> bool:
    """Ask questions only when a person is at the keyboard."""
    return sys.stdin.isatty()


def yaml_scalar(value: Any, flow: bool = False) -> str:
    """A value written as a YAML scalar, quoted only when it must be (``flow``: inside ``{…}``)."""
    import yaml

    if flow:
        text: str = yaml.safe_dump(
            [value], default_flow_style=True, width=10_000, allow_unicode=True
        )
        return text.strip()[1:-1]
    text = yaml.safe_dump(value, default_flow_style=False, width=10_000, allow_unicode=True)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def _ask(label: str, default: Any, check: Any = None) -> Any:
    """One prompt; ``check`` turns the answer into the value or raises JdgenError."""

    def value_proc(raw: str) -> Any:
        raw = raw.strip()
        if raw and check is not None:
            try:
                return check(raw)
            except (JdgenError, ValueError) as exc:
                raise click.BadParameter(str(exc)) from None
        return raw

    shown = ", ".join(map(str, default)) if isinstance(default, (list, tuple)) else default
    if isinstance(shown, float) and shown.is_integer():
        shown = int(shown)
    return click.prompt(
        label,
        default="" if shown is None else str(shown),
        show_default=shown not in (None, ""),
        value_proc=value_proc,
    )


def one_of(choices: dict[str, tuple[str, ...]]) -> Callable[[str], str]:
    """A check accepting each choice in any case and its usual spellings ("Remote", "onsite")."""
    from jdgen import forgiving

    def check(raw: str) -> str:
        value = forgiving.choice(raw, choices)
        if value not in choices:
            raise JdgenError(f"expected one of {', '.join(choices)}, got '{raw}'")
        return str(value)

    return check


def amount(raw: str) -> float:
    from jdgen import forgiving

    value = forgiving.money(raw)
    if not isinstance(value, (int, float)) or not 0 < value <= MAX_AMOUNT:
        raise JdgenError(f"expected an amount such as 120000, 120k or $120,000, got '{raw}'")
    return float(value)


def a_date(raw: str) -> dt.date:
    from jdgen import forgiving

    value = forgiving.flexible_date(raw)
    if not isinstance(value, dt.date):
        raise JdgenError(f"expected a date such as 2026-12-31, got '{raw}'")
    return value


def business_model_id(catalog: Catalog, raw: str) -> str:
    """The catalog id of a business model given by id, name or alias."""
    from jdgen.names import normalize_choice

    key = normalize_choice(raw)
    for m in catalog.business_models.values():
        if key in {normalize_choice(x) for x in (m.id, m.name, *m.aliases)}:
            return m.id
    raise JdgenError(f"expected one of {', '.join(catalog.business_models)}, got '{raw}'")


#: The posting lengths and how each may be typed.
LENGTHS = {"short": ("short",), "standard": ("standard", "normal"), "long": ("long", "full")}


def count(raw: str) -> int:
    if not raw.strip().isdigit() or int(raw) < 1:
        raise JdgenError(f"expected a whole number such as 1 or 3, got '{raw}'")
    return int(raw)


def yes_no(raw: str) -> bool:
    answer = raw.strip().lower()
    if answer not in ("y", "yes", "n", "no", "true", "false"):
        raise JdgenError(f"expected yes or no, got '{raw}'")
    return answer in ("y", "yes", "true")


def items(separators: str) -> Callable[[str], list[str]]:
    """A check splitting a list answer ("US, Canada"; "Dental; 401(k)")."""

    def check(raw: str) -> list[str]:
        return [part.strip() for part in re.split(f"[{separators}]", raw) if part.strip()]

    return check


@dataclass(frozen=True)
class Question:
    """One prompt of ``jdgen init``: the value it sets, its label, how an answer is read,
    and when it is asked.  Add a company fact by adding a line to :func:`questions`."""

    key: str
    label: str
    check: Callable[[str], Any] | None = None
    #: Asked only when this is true of the answers so far (e.g. remote regions for remote).
    when: Callable[[dict[str, Any]], bool] = lambda values: True
    #: The default offered when no flag gave one.
    default: Any = None
    #: The choices for ``{}`` in the label, from the answers so far (a sector of the
    #: industry given).
    choices: Callable[[dict[str, Any]], list[str]] | None = None

    def prompt(self, values: dict[str, Any]) -> str:
        """The label, with the choices for these answers."""
        return self.label.format(", ".join(self.choices(values))) if self.choices else self.label


def questions(catalog: Catalog, answers: dict[str, Any] | None = None) -> list[Question]:
    """Everything a publishable posting needs, in the order a person thinks of it
    (``answers``: the answers so far, read by a question that depends on one)."""
    from jdgen import forgiving

    given = answers if answers is not None else {}

    def industry_id(values: dict[str, Any]) -> str:
        try:
            return catalog.find_industry(str(values.get("industry") or "general")).id
        except JdgenError:
            return ""

    def sectors_of(values: dict[str, Any]) -> list[str]:
        found = industry_id(values)
        return [s.id for s in catalog.sectors.values() if found in s.industries]

    def sector(raw: str) -> str:
        return catalog.find_sector(raw, industry_id(given)).id

    def size(raw: str) -> str:
        catalog.find_size(raw)
        return raw

    def industry(raw: str) -> str:
        catalog.find_industry(raw)
        return raw

    def business_model(raw: str) -> str:
        return business_model_id(catalog, raw)

    def paid(values: dict[str, Any]) -> bool:
        return bool(values.get("salary_min"))

    def us(values: dict[str, Any]) -> bool:
        return str(values.get("country") or "").upper() in ("US", "USA", "UNITED STATES")

    return [
        Question("name", "Company name"),
        Question("about", "About the company (one paragraph)"),
        Question("website", "Website"),
        Question(
            "size", f"Size ({', '.join(catalog.sizes)} or a headcount)", size, default="mid-size"
        ),
        Question(
            "industry", f"Industry ({', '.join(catalog.industries)})", industry, default="general"
        ),
        Question("city", "City"),
        Question("region", "State or region"),
        Question("country", "Country", default="US"),
        Question(
            "work_arrangement",
            "Work arrangement (on-site, hybrid or remote; Enter to leave it out)",
            one_of(forgiving.WORK_ARRANGEMENT_WORDS),
        ),
        Question(
            "remote_regions",
            "Where may remote applicants live (countries or states, e.g. US, Canada)",
            items(",;"),
            when=lambda values: values.get("work_arrangement") == "remote",
        ),
        Question(
            "employment_type",
            "Employment type (full-time, part-time, contract, temporary or internship)",
            one_of(forgiving.EMPLOYMENT_TYPE_WORDS),
        ),
        Question(
            "salary_min", "Pay range: lowest (e.g. 120000 or 120k; Enter to leave it out)", amount
        ),
        Question("salary_max", "Pay range: highest", amount, when=paid),
        Question(
            "period",
            "Pay per (hour, day, week, month or year)",
            one_of(forgiving.PERIOD_WORDS),
            when=paid,
        ),
        Question("currency", "Currency (e.g. USD, EUR, GBP)", str.upper, when=paid),
        Question("benefits", "Benefits (separated by ;)", items(";")),
        Question("how_to_apply", "How to apply (URL or e-mail)"),
        Question("closing_date", "Applications close on (e.g. 2026-12-31; Enter for none)", a_date),
        Question(
            "visa_sponsorship",
            "Can you sponsor a work visa (yes or no; Enter to leave it out)",
            yes_no,
            when=us,
        ),
        # the facts that shape the text of every posting (each may be skipped)
        Question("description", "What the company makes or does, in one line (Enter to skip)"),
        Question(
            "business_model",
            f"How it sells ({', '.join(catalog.business_models)}; Enter for the industry's usual)",
            business_model,
        ),
        Question(
            "sector",
            "Kind of business within the industry ({}; Enter for none)",
            sector,
            when=lambda values: bool(sectors_of(values)),
            choices=sectors_of,
        ),
        Question(
            "systems",
            "Business systems you use (e.g. NetSuite, Salesforce; Enter to skip)",
            items(",;"),
        ),
        Question("sites", "Number of sites (Enter for what is usual at your size)", count),
        Question("countries", "Number of countries (Enter for what is usual at your size)", count),
        Question("unionised", "Is the workforce unionised (yes or no)", yes_no, default="no"),
        Question(
            "length",
            "Posting length (short, standard or long)",
            one_of(LENGTHS),
            default="standard",
        ),
    ]


def ask_all(values: dict[str, Any], catalog: Catalog) -> None:
    """Ask every question that applies, offering the flags' values as defaults."""
    for q in questions(catalog, values):
        if q.when(values):
            given = values.get(q.key)
            answer = _ask(
                q.prompt(values), given if given not in (None, "", ()) else q.default, q.check
            )
            values[q.key] = None if answer == "" else answer
    if values.get("salary_min") and not values.get("salary_max"):
        values["salary_max"] = values["salary_min"]


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
    from jdgen.files import refuse_overwrite, write_files
    from jdgen.resources import data_dir

    if folder.exists() and not folder.is_dir():
        raise JdgenError(f"{folder}: not a folder (--example copies several files into one)")
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    targets = [(data_dir(kind) / name, folder / target) for kind, name, target in EXAMPLE_FILES]
    try:
        for _, target in targets:  # every clash first
            refuse_overwrite(target, force)
        write_files([(target, source.read_bytes()) for source, target in targets])  # all or none
    except BaseException:
        if created:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    names = ", ".join(target.name for _, target in targets)
    click.secho(f"wrote {names} in {folder}", err=True, fg="green")


def _terms(values: dict[str, Any]) -> list[str]:
    """The pay-and-terms lines of the starter file, for the flags given."""
    bonus = values["bonus_target"]
    pay = {"bonus_target_percent": bonus or None, "equity": values["equity"]}
    given = {k: v for k, v in pay.items() if v}
    lines = []
    if given:
        inner = ", ".join(
            f"{k}: {_number(v) if isinstance(v, float) else yaml_scalar(v, flow=True)}"
            for k, v in given.items()
        )
        lines.append(f"variable_pay: {{{inner}}}")
    for key in ("flsa_status", "security_clearance", "drivers_license", "travel"):
        value = values[key]
        if value is not None and value != "":
            text = str(value).lower() if isinstance(value, bool) else yaml_scalar(value)
            lines.append(f"{key}: {text}")
    return lines


@click.command()
@click.argument("path", type=click.Path(path_type=Path), required=False)
@click.option("--name", help="Company name.")
@click.option("--about", help="A paragraph about the company.")
@click.option("--website", help="The company's website.")
@click.option("--size", cls=CatalogHelpOption, help="{sizes} or a headcount.")
@click.option("--industry", cls=CatalogHelpOption, help="{industries}.")
@click.option("--description", help="What the company makes or does, in one line.")
@click.option("--business-model", help="How the company sells (default: the industry's usual).")
@click.option(
    "--sector", help="Kind of business within the industry, e.g. grocery, foundry, payments."
)
@click.option("--system", "systems", multiple=True, help="A business system you use; repeatable.")
@click.option("--sites", type=click.IntRange(min=1), help="Number of sites.")
@click.option("--countries", type=click.IntRange(min=1), help="Number of countries.")
@click.option(
    "--unionised/--not-unionised", default=None, help="Whether the workforce is unionised."
)
@click.option(
    "--length", type=click.Choice(list(LENGTHS)), help="Posting length (default: standard)."
)
@click.option("--city")
@click.option("--region", help="State, province or region, e.g. CO.")
@click.option("--country", help="Country code, e.g. US.")
@click.option(
    "--work-arrangement", type=click.Choice(["on-site", "hybrid", "remote"], case_sensitive=False)
)
@click.option(
    "--remote-region",
    "remote_regions",
    multiple=True,
    help="Where remote applicants may live; repeatable.",
)
@click.option(
    "--employment-type",
    type=click.Choice(
        ["full-time", "part-time", "contract", "temporary", "internship"], case_sensitive=False
    ),
    default="full-time",
    show_default=True,
)
@click.option("--salary-min", type=click.FloatRange(min=0, min_open=True, max=MAX_AMOUNT))
@click.option("--salary-max", type=click.FloatRange(min=0, min_open=True, max=MAX_AMOUNT))
@click.option("--currency", default="USD", show_default=True)
@click.option(
    "--period",
    type=click.Choice(["hour", "day", "week", "month", "year"], case_sensitive=False),
    default="year",
    show_default=True,
)
@click.option(
    "--bonus-target",
    type=click.FloatRange(min=0, min_open=True),
    help="Annual bonus target, % of base.",
)
@click.option(
    "--equity", help='Equity in your words, e.g. "stock options that vest over four years".'
)
@click.option(
    "--flsa-status", type=click.Choice(["exempt", "non-exempt"]), help="Override for US jobs."
)
@click.option(
    "--security-clearance", help='A clearance the jobs need, e.g. "U.S. government Secret".'
)
@click.option(
    "--drivers-license/--no-drivers-license", default=None, help="Jobs need a driver's license."
)
@click.option("--travel", type=click.IntRange(0, 100), help="Travel, % of working time.")
@click.option("--benefit", "benefits", multiple=True, help="A benefit; repeatable.")
@click.option("--how-to-apply", help="A URL, an e-mail address or a sentence.")
@click.option("--closing-date", metavar="YYYY-MM-DD", help="When applications close.")
@click.option(
    "--visa-sponsorship/--no-visa-sponsorship",
    default=None,
    help="Whether you can sponsor a work visa (default: not stated).",
)
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
    from jdgen.company import company_from_text
    from jdgen.files import check_writable, refuse_overwrite, write_output

    if example:
        copy_examples(path or Path("."), force)
        return
    path = target_path(path, global_)
    refuse_overwrite(path, force)
    check_writable(path)
    catalog = builtin_catalog()
    if interactive() and not no_input:
        click.echo(f"Writing {path}. Press Enter to keep a default or skip a field.", err=True)
        ask_all(values, catalog)
    check_values(values, catalog)
    text = company_yaml(path.name, values, catalog)
    company_from_text(text, str(path), catalog)  # it must load before it replaces anything
    write_output(path, text.encode("utf-8"))
    click.secho(f"wrote {path}", err=True, fg="green")


def target_path(path: Path | None, global_: bool) -> Path:
    """The company file to write: PATH, the default profile (--global) or ./company.yaml."""
    from jdgen.company import global_company_path

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
    return path


def check_values(values: dict[str, Any], catalog: Catalog) -> None:
    """The answers and flags that the company file cannot hold as they are: one line each.
    A closing date is read into a date."""
    if values["business_model"]:
        try:
            values["business_model"] = business_model_id(catalog, values["business_model"])
        except JdgenError as exc:
            raise JdgenError(f"--business-model: {exc}") from None
    for option, find in (("size", catalog.find_size), ("industry", catalog.find_industry)):
        if values[option]:
            try:
                find(values[option])
            except JdgenError as exc:
                raise JdgenError(f"--{option}: {exc}") from None
    if values["sector"]:
        industry = catalog.find_industry(values["industry"] or "general").id
        try:
            values["sector"] = catalog.find_sector(values["sector"], industry).id
        except JdgenError as exc:
            raise JdgenError(f"--sector: {exc}") from None
    if isinstance(values["closing_date"], str):
        try:
            values["closing_date"] = a_date(values["closing_date"])
        except (JdgenError, ValueError) as exc:
            raise JdgenError(f"--closing-date: {exc}") from None
    if (values["salary_min"] is None) != (values["salary_max"] is None):
        raise JdgenError("--salary-min and --salary-max go together: give both or neither")


def _number(v: float | None) -> str:
    return "" if v is None else (f"{v:.0f}" if float(v).is_integer() else f"{v:g}")


def _field(name: str, value: Any, example: str) -> str:
    """One line of the company file: the value, or a commented example when there is none."""
    if not value:
        return f"# {name}: {example}"
    if isinstance(value, (list, tuple)):
        return f"{name}: [{', '.join(yaml_scalar(v, flow=True) for v in value)}]"
    return f"{name}: {yaml_scalar(value)}"


def company_yaml(name: str, values: dict[str, Any], catalog: Catalog) -> str:
    """The commented company file (``templates/company.yaml.j2``) filled with ``values``."""
    from jdgen.templating import render_template

    q = {
        k: (yaml_scalar(v, flow=True) if isinstance(v, str) and v else v) for k, v in values.items()
    }
    if isinstance(values["size"], str) and values["size"].isascii() and values["size"].isdigit():
        q["size"] = values["size"]  # a headcount, written as a number
    return render_template(
        "company.yaml.j2",
        field=_field,
        path=name,
        industries=", ".join(catalog.industries),
        business_models=", ".join(catalog.business_models),
        name=values["name"],
        about=values["about"],
        website=values["website"],
        size=q["size"] or "mid-size",
        industry=q["industry"] or "general",
        location=", ".join(f"{k}: {q[k]}" for k in ("city", "region", "country") if q[k]),
        work_arrangement=values["work_arrangement"],
        remote_regions=list(values["remote_regions"] or []),
        employment_type=values["employment_type"],
        salary_min=_number(values["salary_min"]),
        salary_max=_number(values["salary_max"]),
        currency=q["currency"],
        period=values["period"],
        benefits=[yaml_scalar(b) for b in values["benefits"] or []],
        how_to_apply=values["how_to_apply"],
        closing_date=values["closing_date"],
        visa_sponsorship=values["visa_sponsorship"],
        description=values["description"],
        business_model=values["business_model"],
        sector=values["sector"],
        sectors=", ".join(catalog.sectors),
        systems=list(values["systems"] or []),
        sites=values["sites"],
        countries=values["countries"],
        unionised=values["unionised"],
        length=values["length"],
        terms=_terms(values),
    )
