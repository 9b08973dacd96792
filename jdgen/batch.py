"""Batch: one posting per row of a CSV or YAML file, written in parallel.

Each row names a ``role`` and may set any company or per-posting field as a
column (``size``, ``industry``, ``name``, ``city``, ``salary_min``, ``title`` …);
the company defaults (``--company``) fill in what a row leaves empty.  The work
runs in four steps:

1. :func:`iter_rows` reads the file (a CSV as it goes) and remembers each
   row's line number, so that a problem is reported as
   ``rows.csv:14: size: expected …``.
2. :func:`plan` gives every row a safe, unique file name (a slug of title,
   company and location, ``-2``, ``-3`` … on a collision) from the row's text
   alone, so names do not move when another row is fixed.
3. :func:`preflight` makes a first pass over the whole file: a problem with the
   file itself (not CSV, an unknown column) and any file that would be
   overwritten are found before anything is written.
4. :func:`run` makes the second pass: it builds each row's Company and
   PostingOptions, tailors, renders and writes (atomically) in a pool of worker
   processes, each of which has the catalog loaded once.  A bad row becomes a
   :class:`RowResult` with the error message; every other row is still
   written.  Rows stream to the workers a few chunks at a time and results
   stream back in row order, holding no documents, so memory stays flat in the
   batch size.
"""

from __future__ import annotations

import contextlib
import csv
import difflib
import itertools
import os
import re
import signal
import sys
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from jdgen.catalog import Catalog, builtin_catalog, load_catalog
from jdgen.errors import JdgenError, OutputError, Stopped
from jdgen.models import Company, PostingOptions
from jdgen.render import FORMATS, RenderOptions
from jdgen.validation import format_loc, problems_line

if TYPE_CHECKING:
    from collections import deque
    from concurrent.futures import Future

    from jdgen.files import CleanUp

# ---------------------------------------------------------------------------
# Columns
# ---------------------------------------------------------------------------

#: Company fields a row can set directly (``posting`` is split into its own columns).
COMPANY_COLUMNS = tuple(f for f in Company.model_fields if f != "posting")
#: Per-posting columns: PostingOptions fields, with ``sections`` written as "HEADING: TEXT".
POSTING_COLUMNS = (
    "title",
    "team",
    "add_responsibilities",
    "add_skills",
    "remove",
    "sections",
    "career_path",
    "job_code",
    "grade",
    "department",
)
LOCATION_COLUMNS = ("city", "region", "country", "postal_code", "street")
#: ``salary_min`` → ``salary.min`` …
SALARY_COLUMNS = {f"salary_{part}": part for part in ("min", "max", "currency", "period")}
#: ``ote_min`` → ``variable_pay.on_target_earnings.min`` …; the other variable-pay parts by name.
OTE_COLUMNS = {"ote_min": "min", "ote_max": "max"}
VARIABLE_PAY_COLUMNS = ("bonus_target_percent", "commission", "equity")
#: Columns that hold several values: ``;`` or a line break between them in a CSV cell.
LIST_COLUMNS = frozenset(
    {
        "remote_regions",
        "benefits",
        "systems",
        "languages",
        "preferred_languages",
        "add_responsibilities",
        "add_skills",
        "remove",
        "sections",
    }
)
#: Other spellings people use for a column.
COLUMN_ALIASES = {
    "add_responsibility": "add_responsibilities",
    "add_skill": "add_skills",
    "section": "sections",
    "extra_sections": "sections",
    "company_name": "name",
    "company": "name",
    "employer": "name",
    "job_title": "title",
    "state": "region",
    "province": "region",
    "zip": "postal_code",
    "zip_code": "postal_code",
    "postcode": "postal_code",
    "benefit": "benefits",
    "remote_region": "remote_regions",
    "bonus": "bonus_target_percent",
    "bonus_percent": "bonus_target_percent",
    "bonus_target": "bonus_target_percent",
    "on_target_earnings_min": "ote_min",
    "on_target_earnings_max": "ote_max",
    "flsa": "flsa_status",
    "travel_percent": "travel",
    "travel_to": "travel_destinations",
    "sponsorship": "visa_sponsorship",
    "visa": "visa_sponsorship",
    "clearance": "security_clearance",
    "driver_s_license": "drivers_license",
    "driving_licence": "drivers_license",
    "drivers_licence": "drivers_license",
    "filename": "file",
}
#: Every column a row may have.
COLUMNS = (
    "role",
    "file",
    *POSTING_COLUMNS,
    *COMPANY_COLUMNS,
    "location",
    *LOCATION_COLUMNS,
    *SALARY_COLUMNS,
    *VARIABLE_PAY_COLUMNS,
    *OTE_COLUMNS,
    "travel_destinations",
)

#: Suffixes of the input files this module reads.
CSV_SUFFIXES = {".csv": ",", ".tsv": "\t"}
YAML_SUFFIXES = (".yaml", ".yml", ".json")


def column_key(name: str) -> str:
    """``"Salary Min"`` → ``salary_min``; aliases resolved."""
    key = re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")
    return COLUMN_ALIASES.get(key, key)


def unknown_column(name: str) -> str:
    """Message for a column jdgen does not know, with a suggestion when one is close."""
    close = difflib.get_close_matches(column_key(name), COLUMNS, n=1, cutoff=0.75)
    hint = f"did you mean '{close[0]}'?" if close else f"known columns: {', '.join(COLUMNS)}"
    return f"{name}: unknown column ({hint})"


# ---------------------------------------------------------------------------
# Step 1: reading rows
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One posting request: its line in the source file and its columns (empty cells left out)."""

    line: int
    data: dict[str, Any]
    #: A problem found while reading (the row is reported as failed, never written).
    error: str | None = None


def iter_rows(path: Path, display: str | None = None) -> Iterator[Row]:
    """The rows of a CSV (``.csv``, ``.tsv``) or YAML (``.yaml``, ``.yml``, ``.json``) file.

    A CSV file is read as it is iterated, so a big batch is never held in memory
    (a YAML file is parsed whole).  Raises :class:`JdgenError` for problems with
    the file as a whole; a problem with one row is kept on that :class:`Row` so
    that the other rows still run.
    """
    where = display or str(path)
    suffix = path.suffix.lower()
    if suffix not in CSV_SUFFIXES and suffix not in YAML_SUFFIXES:
        raise JdgenError(
            f"{where}: expected a .csv, .tsv, .yaml, .yml or .json file, got "
            f"'{path.suffix or '(no suffix)'}' (save a spreadsheet as CSV UTF-8)"
        )
    if not path.exists():
        raise JdgenError(f"{where}: file not found")
    if path.is_dir():
        raise JdgenError(f"{where}: is a directory, expected a CSV or YAML file")
    count = 0
    encoding = text_encoding(path)
    try:
        if suffix in CSV_SUFFIXES:
            with path.open(encoding=encoding, newline="") as fh:
                delimiter = sniff_delimiter(fh.read(SNIFF_CHARS), CSV_SUFFIXES[suffix])
                fh.seek(0)
                for row in _read_csv(fh, where, delimiter):
                    count += 1
                    yield row
        else:
            for row in _read_yaml(path.read_text(encoding=encoding), where):
                count += 1
                yield row
    except UnicodeDecodeError:
        raise JdgenError(f"{where}: {not_utf8(path)}") from None
    if not count:
        raise JdgenError(f"{where}: no postings (expected a 'role' column and one row per posting)")


#: How much of a CSV file is read to tell its delimiter.
SNIFF_CHARS = 64 * 1024
#: The delimiters spreadsheets save CSV with: comma, semicolon (Excel where the decimal
#: separator is a comma), tab.
DELIMITERS = (",", ";", "\t")


def text_encoding(path: Path) -> str:
    """``utf-16`` for a file with a UTF-16 byte-order mark (Excel's "Unicode Text"),
    else UTF-8 (with or without its BOM)."""
    with path.open("rb") as fh:
        head = fh.read(2)
    return "utf-16" if head in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"


def not_utf8(path: Path) -> str:
    """What a file that is not UTF-8 probably is, and how to save it from a spreadsheet."""
    guess = ""
    try:
        path.read_bytes().decode("cp1252")
        guess = " (it looks like Windows-1252 or Latin-1)"
    except UnicodeDecodeError:
        pass
    return (
        f"not UTF-8 text{guess}; in Excel use File › Save As › CSV UTF-8, "
        "in LibreOffice choose the character set Unicode (UTF-8)"
    )


def sniff_delimiter(sample: str, default: str) -> str:
    """The delimiter of the header line: the one of ``, ; tab`` it has most of (outside
    quotes), else ``default``."""
    header = next((line for line in sample.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", header)
    counts = {d: unquoted.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else default


def read_rows(path: Path, display: str | None = None) -> list[Row]:
    """All rows of ``path`` at once (see :func:`iter_rows`)."""
    return list(iter_rows(path, display))


def clean_cell(value: Any, key: str) -> Any:
    """A cleaned value, or None for an empty one; list columns split on ``;`` and line breaks."""
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
        if key in LIST_COLUMNS or key == "location":
            parts = [p.strip() for p in re.split(r"[;\n]", value)]
            return [p for p in parts if p]
        if key in ("bonus_target_percent", "travel"):
            return value.removesuffix("%").strip()
        if key in ("salary_min", "salary_max", *OTE_COLUMNS):
            plain = re.sub(r"[,_\s]", "", value)
            return plain if re.fullmatch(r"\d+(\.\d+)?", plain) else value
        return value
    if isinstance(value, list) and key in LIST_COLUMNS and not value:
        return None
    return value


#: The longest CSV cell read, in characters (Python's csv module stops at 128 KB).
MAX_CELL = 1024 * 1024


def _read_csv(lines: Iterable[str], where: str, delimiter: str) -> Iterator[Row]:
    """Rows of a CSV text, strict about quotes: a quote left open, or text after a
    closing quote, is an error naming the line the row starts on (not rows merged)."""
    csv.field_size_limit(MAX_CELL)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    header: list[str] | None = None
    end = 0
    try:
        for cells in reader:
            start, end = end + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = _check_header(cells, f"{where}:{start}")
                continue
            yield _csv_row(header, cells, start, f"{where}:{start}")
    except csv.Error as exc:
        raise JdgenError(f"{where}:{end + 1}: {_csv_problem(str(exc))}") from None


def _csv_problem(message: str) -> str:
    """What went wrong in a row, in the words of a spreadsheet user."""
    if message.startswith("unexpected end of data"):
        return 'a quoted cell in this row is never closed (a " is missing)'
    if message.startswith("field larger than field limit"):
        return (
            f"a cell is longer than {MAX_CELL // (1024 * 1024)} MB, more than jdgen reads "
            "(or a quote is never closed)"
        )
    if "expected after" in message:
        return f'a quoted cell has text after its closing quote ({message}); write "" for a quote inside a cell'
    return f"not valid CSV: {message}"


def _check_header(cells: list[str], where: str) -> list[str]:
    keys: list[str] = []
    for name in cells:
        key = column_key(name)
        if key and key not in COLUMNS:
            raise JdgenError(f"{where}: {unknown_column(name)}")
        if key and key in keys:
            first = cells[keys.index(key)].strip()
            if first.lower() == name.strip().lower():
                raise JdgenError(f"{where}: {name.strip()}: the column appears twice; keep one")
            raise JdgenError(
                f"{where}: columns '{first}' and '{name.strip()}' both mean '{key}'; keep one"
            )
        keys.append(key)
    if "role" not in keys:
        raise JdgenError(f"{where}: no 'role' column (a catalog id, title or alias per row)")
    return keys


def _csv_row(header: list[str], cells: list[str], line: int, where: str) -> Row:
    data: dict[str, Any] = {}
    for i, raw in enumerate(cells):
        key = header[i] if i < len(header) else ""
        value = clean_cell(raw, key)
        if value is None:
            continue
        if not key:
            return Row(
                line, {}, f"{where}: column {i + 1}: has a value but no heading ({raw.strip()!r})"
            )
        data[key] = value
    return Row(line, data)


def _read_yaml(text: str, where: str) -> list[Row]:
    import yaml

    from jdgen.yamlfile import parse

    document, node = parse(text, where)
    if document is None:
        return []
    if not isinstance(document, list) or not isinstance(node, yaml.SequenceNode):
        raise JdgenError(
            f"{where}: expected a list of postings (- role: …), got {type(document).__name__}"
        )
    rows = []
    for item, item_node in zip(document, node.value, strict=True):
        line = item_node.start_mark.line + 1
        rows.append(_yaml_row(item, line, f"{where}:{line}"))
    return rows


def _yaml_row(item: Any, line: int, where: str) -> Row:
    if not isinstance(item, dict):
        return Row(
            line, {}, f"{where}: expected a mapping (role: …, size: …), got {type(item).__name__}"
        )
    data: dict[str, Any] = {}
    for name, raw in item.items():
        key = column_key(str(name))
        if key not in COLUMNS:
            return Row(line, {}, f"{where}: {unknown_column(str(name))}")
        value = clean_cell(raw, key)
        if value is not None:
            data[key] = value
    return Row(line, data)


# ---------------------------------------------------------------------------
# Step 2: file names
# ---------------------------------------------------------------------------

#: Names Windows reserves whatever the suffix.
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(1, 10)}


def slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII letters, digits and single hyphens; at most ``limit`` characters.

    Path separators, dots, reserved characters and control characters never
    survive, so a slug is always a plain name inside the output folder.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(words) > limit:
        cut = words[:limit]
        words = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return words.strip("-")


@dataclass(frozen=True)
class Planned:
    """A row with the stem of its file names (``director-of-operations--acme--denver-co``)."""

    row: Row
    stem: str


def _first_location(data: dict[str, Any], defaults: dict[str, Any]) -> str:
    parts = [str(data[k]) for k in ("city", "region", "country") if k in data]
    if parts:
        return ", ".join(parts)
    locations = data.get("location", data.get("locations", defaults.get("locations")))
    first = locations[0] if isinstance(locations, list) and locations else locations
    if isinstance(first, dict):
        return ", ".join(str(first[k]) for k in ("city", "region", "country") if first.get(k))
    return str(first) if isinstance(first, str) else ""


def natural_stem(data: dict[str, Any], defaults: dict[str, Any], catalog: Catalog) -> str:
    """Slug of the row's title, company name and first location (or of its ``file`` column)."""
    if "file" in data:
        return slug(str(data["file"]), 150) or "posting"
    role_text = str(data.get("role", ""))
    title = data.get("title") or (defaults.get("posting") or {}).get("title")
    if not title:
        try:
            title = catalog.find_role(role_text).title
        except JdgenError:
            title = role_text
    parts = [
        slug(str(title)) or slug(role_text) or "posting",
        slug(str(data.get("name") or defaults.get("name") or ""), 40),
        slug(_first_location(data, defaults), 40),
    ]
    return "--".join(p for p in parts if p)


def plan(rows: Iterable[Row], defaults: dict[str, Any], catalog: Catalog) -> Iterator[Planned]:
    """Give each row a unique stem, in row order: the first of a name keeps it, later ones
    get ``-2``, ``-3`` …  Names come from the row's text alone (even a row that will fail
    reserves its name), so fixing one row never renames another.  Lazy: only the names
    used so far are kept."""
    used: set[str] = set()
    last_n: dict[str, int] = {}
    for row in rows:
        if row.error:
            yield Planned(row, "")
            continue
        base = natural_stem(row.data, defaults, catalog)
        if base in _RESERVED:
            base = f"{base}-posting"
        stem, n = base, last_n.get(base, 1)
        while stem in used:
            n += 1
            stem = f"{base}-{n}"
        last_n[base] = n
        used.add(stem)
        yield Planned(row, stem)


def suffixes(formats: Sequence[str]) -> dict[str, str]:
    """The file suffix of each format; formats that share one get their name in front
    (``.jsonld.json``) so that no two files of a row collide."""
    first = {fmt: FORMATS[fmt].suffixes[0] for fmt in formats}
    taken = list(first.values())
    return {
        fmt: (f".{fmt}{suffix}" if taken.count(suffix) > 1 and suffix != f".{fmt}" else suffix)
        for fmt, suffix in first.items()
    }


#: The kinds of document a batch writes: the posting, and the internal job description.
POSTING_ONLY = ("posting",)


def outputs(
    formats: Sequence[str], kinds: Sequence[str] = POSTING_ONLY
) -> list[tuple[str, str, str]]:
    """(kind, format, end of the file name) of every file a row writes.  A description's
    files end in ``--description``; it has no JSON-LD (that is a JobPosting)."""
    ends = suffixes(formats)
    return [
        (kind, fmt, ("" if kind == "posting" else f"--{kind}") + suffix)
        for kind in kinds
        for fmt, suffix in ends.items()
        if kind == "posting" or fmt != "jsonld"
    ]


def targets(
    item: Planned, outdir: Path, formats: Sequence[str], kinds: Sequence[str] = POSTING_ONLY
) -> list[Path]:
    if not item.stem:
        return []
    return [outdir / f"{item.stem}{end}" for _, _, end in outputs(formats, kinds)]


def existing_targets(
    planned: Iterable[Planned],
    outdir: Path,
    formats: Sequence[str],
    kinds: Sequence[str] = POSTING_ONLY,
) -> Iterator[tuple[Planned, Path]]:
    """Files the batch would overwrite, in row order."""
    for item in planned:
        for path in targets(item, outdir, formats, kinds):
            if path.exists() or path.is_symlink():
                yield item, path


@dataclass(frozen=True)
class Preflight:
    """What a first pass over the file found, before anything is written."""

    #: Rows in the file.
    total: int
    #: Files that already exist and would be overwritten.
    clashes: int = 0
    #: The first of them, and the row that would write it.
    first_clash: tuple[Planned, Path] | None = None
    #: The first target that is not a regular file (never replaced, even with --force).
    first_special: tuple[Planned, Path] | None = None


def preflight(
    path: Path,
    defaults: dict[str, Any],
    catalog: Catalog,
    outdir: Path,
    formats: Sequence[str],
    kinds: Sequence[str] = POSTING_ONLY,
) -> Preflight:
    """Read the whole file once (any problem with the file itself raises here), count
    the rows and look for files the batch would overwrite; keeps only the names."""
    from jdgen.files import not_regular

    total, clashes, first, special = 0, 0, None, None
    for item in plan(iter_rows(path), defaults, catalog):
        total += 1
        if item.row.error:
            continue
        for clash in existing_targets([item], outdir, formats, kinds):
            clashes += 1
            first = first or clash
            if special is None and not_regular(clash[1]):
                special = clash
    return Preflight(total, clashes, first, special)


# ---------------------------------------------------------------------------
# Step 4: building and writing one posting (in a worker process)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchJob:
    """What every row of a batch shares; sent once to each worker."""

    source: str
    outdir: Path
    formats: tuple[str, ...]
    #: The company every row starts from (``Company.model_dump()``).
    defaults: dict[str, Any]
    catalog_dirs: tuple[Path, ...] = ()
    render_options: RenderOptions = field(default_factory=RenderOptions)
    #: ``posting`` and/or ``description`` (the internal job description).
    kinds: tuple[str, ...] = POSTING_ONLY
    #: In the names of the batch's temporary files, to find any a killed worker left.
    tag: str = ""


@dataclass(frozen=True)
class RowResult:
    line: int
    files: tuple[str, ...] = ()
    error: str | None = None


def _column_for(loc: tuple[int | str, ...], data: dict[str, Any]) -> str:
    """The column a pydantic error location came from (``salary.min`` → ``salary_min``)."""
    if loc and loc[0] == "salary" and len(loc) > 1 and f"salary_{loc[1]}" in SALARY_COLUMNS:
        return f"salary_{loc[1]}"
    if loc and loc[0] == "locations" and "locations" not in data:
        if "location" in data:
            return "location"
        return str(loc[-1]) if len(loc) > 2 and loc[-1] in LOCATION_COLUMNS else "location"
    if loc and loc[0] == "variable_pay" and len(loc) > 1:
        if loc[1] == "on_target_earnings" and len(loc) > 2 and f"ote_{loc[2]}" in OTE_COLUMNS:
            return f"ote_{loc[2]}"
        return str(loc[1]) if loc[1] in data else format_loc(loc)
    if loc and loc[0] == "travel" and "travel" in data:
        return "travel"
    if loc and loc[0] == "posting" and len(loc) > 1:
        return "sections" if loc[1] == "extra_sections" else str(loc[1])
    return format_loc(loc)


def parse_location(text: str) -> dict[str, str]:
    """``"Denver, CO, US"`` → city, region, country; ``"Denver, CO"`` → city, region."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        return {}
    if len(parts) == 1:
        return {"city": parts[0]}
    if len(parts) == 2:
        return {"city": parts[0], "region": parts[1]}
    return {"city": parts[0], "region": ", ".join(parts[1:-1]), "country": parts[-1]}


def _section(value: Any, where: str) -> Any:
    if not isinstance(value, str):
        return value
    heading, sep, text = value.partition(":")
    if not sep or not heading.strip() or not text.strip():
        raise JdgenError(f'{where}: sections: expected "HEADING: TEXT", got {value!r}')
    return {"heading": heading.strip(), "paragraphs": [text.strip()]}


#: What belongs to one employer: a row naming another company does not take these from
#: the defaults (``--company``), so another employer's posting never gets its text or pay.
EMPLOYER_FIELDS = frozenset(
    {
        "about",
        "website",
        "benefits",
        "how_to_apply",
        "equal_opportunity",
        "locations",
        "salary",
        "variable_pay",
        "confidential",
    }
)


def other_employer(data: dict[str, Any], defaults: dict[str, Any]) -> bool:
    """Whether the row names a company other than the defaults' (case and spacing ignored)."""
    mine, theirs = defaults.get("name"), data.get("name")
    if not mine or not theirs:
        return False
    return " ".join(str(mine).split()).casefold() != " ".join(str(theirs).split()).casefold()


def company_data(data: dict[str, Any], defaults: dict[str, Any], where: str) -> dict[str, Any]:
    """The company fields for one row: the defaults with the row's columns on top (for a
    row naming another company, the defaults without :data:`EMPLOYER_FIELDS`)."""
    skip = EMPLOYER_FIELDS if other_employer(data, defaults) else frozenset()
    merged = {k: v for k, v in defaults.items() if k != "posting" and k not in skip}
    for key in COMPANY_COLUMNS:
        if key in data:
            merged[key] = data[key]
    has_parts = [k for k in LOCATION_COLUMNS if k in data]
    if "location" in data and has_parts:
        raise JdgenError(
            f"{where}: location: give either location or {', '.join(has_parts)}, not both"
        )
    if "location" in data:
        values = data["location"] if isinstance(data["location"], list) else [data["location"]]
        merged["locations"] = [v if isinstance(v, dict) else parse_location(str(v)) for v in values]
    elif has_parts:
        merged["locations"] = [{k: data[k] for k in has_parts}]
    salary_parts = {part: data[col] for col, part in SALARY_COLUMNS.items() if col in data}
    if salary_parts:
        base = merged.get("salary")
        merged["salary"] = {**(base if isinstance(base, dict) else {}), **salary_parts}
    _variable_pay(data, merged)
    if "travel_destinations" in data:
        base = merged.get("travel")
        travel = dict(base) if isinstance(base, dict) else {}
        if "travel" in data:
            travel["percent"] = data["travel"]
        merged["travel"] = {**travel, "destinations": data["travel_destinations"]}
    return merged


def _variable_pay(data: dict[str, Any], merged: dict[str, Any]) -> None:
    """The row's bonus, commission, equity and on-target earnings on top of the company's."""
    parts = {k: data[k] for k in VARIABLE_PAY_COLUMNS if k in data}
    ote = {part: data[col] for col, part in OTE_COLUMNS.items() if col in data}
    if not parts and not ote:
        return
    base = merged.get("variable_pay")
    pay = dict(base) if isinstance(base, dict) else {}
    pay.update(parts)
    if ote:
        old = pay.get("on_target_earnings")
        found = merged.get("salary")
        salary: dict[str, Any] = found if isinstance(found, dict) else {}
        keep = {k: salary[k] for k in ("currency", "period") if k in salary}
        pay["on_target_earnings"] = {**keep, **(old if isinstance(old, dict) else {}), **ote}
    merged["variable_pay"] = pay


def posting_data(data: dict[str, Any], defaults: dict[str, Any], where: str) -> dict[str, Any]:
    """The per-posting options for one row: the company's ``posting:`` block, then the row's
    columns (lists add to the block's, single values replace them)."""
    merged = dict(defaults.get("posting") or PostingOptions().model_dump())
    for key in ("add_responsibilities", "add_skills", "remove"):
        if key in data:
            value = data[key]
            merged[key] = [*merged.get(key, []), *(value if isinstance(value, list) else [value])]
    if "sections" in data:
        value = data["sections"]
        items = value if isinstance(value, list) else [value]
        merged["extra_sections"] = [
            *merged.get("extra_sections", []),
            *(_section(v, where) for v in items),
        ]
    for key in ("title", "team", "career_path", "job_code", "grade", "department"):
        if key in data:
            merged[key] = data[key]
    return merged


def build_request(
    data: dict[str, Any], defaults: dict[str, Any], catalog: Catalog, where: str
) -> tuple[Any, Company, PostingOptions]:
    """The role, Company and PostingOptions of one row; errors name ``where`` and the column."""
    from jdgen.company import check_choices

    if "role" not in data:
        raise JdgenError(f"{where}: role: required (a catalog id, title or alias)")
    try:
        role = catalog.find_role(str(data["role"]))
    except JdgenError as exc:
        raise JdgenError(f"{where}: role: {exc}") from None
    merged = company_data(data, defaults, where)
    if "industry" in data and "sector" not in data and merged.get("sector"):
        # the defaults' sector does not follow a row into another industry (as --industry)
        try:
            catalog.find_sector(
                str(merged["sector"]), catalog.find_industry(str(data["industry"])).id
            )
        except JdgenError:
            merged["sector"] = None
    merged["posting"] = posting_data(data, defaults, where)
    try:
        company = Company.model_validate(merged)
    except ValidationError as err:
        raise JdgenError(problems_line(err, where, lambda loc: _column_for(loc, data))) from None
    check_choices(company, where, catalog)
    return role, company, company.posting


#: In a worker process: the job and its catalog, set once (inherited on fork, else loaded).
_worker: tuple[BatchJob, Catalog] | None = None
#: In a worker process: the batch's process; a worker whose parent is gone stops.
_parent: int | None = None
#: ``prctl`` option: the signal a process gets when its parent ends (Linux).
PR_SET_PDEATHSIG = 1
#: In a worker: set once the parent has checked the whole file (a multiprocessing
#: Event); rows are built before, but none is written until then.
_checked: Any = None


def _init_worker(job: BatchJob, checked: Any = None, parent: int | None = None) -> None:
    global _worker, _parent, _checked
    # Ctrl-C and a hang-up go to the whole process group; the parent stops the workers
    # itself (STOP_SIGNAL: finish the row, send back the rows done, wait to be let go).
    # SIGTERM from elsewhere ends a worker after its row (jdgen.files holds it while a
    # row's files are written).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    if STOP_SIGNAL is not None:
        signal.signal(STOP_SIGNAL, _stop_worker)
    signal.signal(signal.SIGTERM, _end_worker)
    _parent = os.getppid() if parent is None else parent
    _die_with_parent()
    if os.getppid() != _parent:
        os._exit(1)  # the batch ended before this worker was set up
    _checked = checked
    if _worker is None or _worker[0] != job:
        catalog = load_catalog(job.catalog_dirs) if job.catalog_dirs else builtin_catalog()
        _worker = (job, catalog)


def _die_with_parent() -> None:
    """Where the kernel can (Linux), it sends this worker SIGTERM when the batch process
    ends, however it ends (even ``kill -9``): the worker stops after the row it is
    writing (:func:`_end_worker`).  Elsewhere :func:`process` checks the parent before
    each row.  (The signal comes when the thread that started the worker ends: the
    pool is started and used by the batch's main thread.)"""
    if sys.platform != "linux":
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not the usual C library: the check before each row remains


#: The signal a batch sends its workers to stop them (none on Windows).
STOP_SIGNAL: int | None = getattr(signal, "SIGUSR1", None)
#: In a worker: the parent asked it to stop; it does after the row it is working on.
_stopping = False
#: In a worker: SIGTERM came while it was busy; it ends after the row.
_ending = 0
#: In a worker: a row is being built or written.
_busy = False


def _stop_worker(signum: int, frame: Any) -> None:
    """STOP_SIGNAL in a worker: take no more rows (the chunk returns the rows done)."""
    global _stopping
    _stopping = True


def _end_worker(signum: int, frame: Any) -> None:
    """SIGTERM in a worker: end now when idle, else after the row (all its files)."""
    global _ending
    if not _busy:
        os._exit(128 + signum)
    _ending = signum


def process(item: Planned) -> RowResult:
    """Build, tailor, render and write one row's files (all or none); never raises."""
    from jdgen.document import make_document
    from jdgen.files import write_files
    from jdgen.render import render

    assert _worker is not None, "process() runs in a worker set up by _init_worker"
    if _parent is not None and os.getppid() != _parent:
        os._exit(1)  # the batch was killed: write no more
    job, catalog = _worker
    row = item.row
    where = f"{job.source}:{row.line}"
    if row.error:
        return RowResult(row.line, error=row.error)
    try:
        role, company, options = build_request(row.data, job.defaults, catalog, where)
        try:
            jds = {kind: make_document(kind, role, company, catalog, options) for kind in job.kinds}
            written = [
                (path, render(jds[kind], fmt, job.render_options))
                for (kind, fmt, _), path in zip(
                    outputs(job.formats, job.kinds),
                    targets(item, job.outdir, job.formats, job.kinds),
                    strict=True,
                )
            ]
        except JdgenError as exc:
            raise JdgenError(f"{where}: {exc}") from None
        if _checked is not None:
            _checked.wait()  # nothing is written before the whole file has been checked
        # the worker in the names too: a batch started after this one was killed leaves
        # alone the rows its workers are still finishing
        tag = f"{job.tag}-{os.getpid()}" if job.tag else ""
        write_files(written, tag, sync_folders=False)  # run() syncs the folder once
    except OutputError as exc:
        return RowResult(row.line, error=f"{where}: {exc}")
    except JdgenError as exc:
        return RowResult(row.line, error=str(exc))
    except Exception as exc:  # a bug must not sink the other rows
        return RowResult(
            row.line,
            error=f"{where}: internal error: {type(exc).__name__}: {exc} (please report it)",
        )
    return RowResult(row.line, tuple(str(path) for path, _ in written))


def default_jobs() -> int:
    """Worker processes to use: the CPU cores this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else (os.cpu_count() or 1)


def chunk_size(n: int, jobs: int) -> int:
    """Rows per task sent to a worker: big enough to keep inter-process traffic small,
    small enough that both workers finish together and the progress bar moves."""
    return max(1, min(32, n // (jobs * 16)))


def process_chunk(items: list[Planned]) -> list[RowResult]:
    """The rows' results; fewer when the worker is told to stop (the rows done so far)."""
    global _busy
    results = []
    for item in items:
        if _stopping:
            break
        _busy = True
        try:
            results.append(process(item))
        finally:
            _busy = False
        if _ending:
            os._exit(128 + _ending)
    return results


def _chunks(items: Iterable[Planned], size: int) -> Iterator[list[Planned]]:
    chunk: list[Planned] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run(
    planned: Iterable[Planned],
    check: Callable[[], int],
    job: BatchJob,
    catalog: Catalog,
    jobs: int,
    on_result: Callable[[RowResult], None],
    on_start: Callable[[int], None] = lambda total: None,
    on_clean_up: Callable[[CleanUp], None] = lambda done: None,
) -> None:
    """Process every planned row, calling ``on_result`` in row order.

    ``check()`` reads the whole file before anything is written (it raises for a problem
    with the file, or for files the batch may not overwrite) and returns how many rows
    it has.  With ``jobs`` > 1 the rows run in a process pool, in chunks, with only a
    few chunks in flight: rows are read as they are needed and results are passed on
    as they arrive, so memory does not grow with the batch; the workers build the first
    rows while ``check()`` runs, and write them once it is done (:func:`_run_pool`).
    ``catalog`` (already loaded) is inherited by forked workers, otherwise each worker
    loads it once.  ``on_start(total)`` runs once the workers exist and the file is
    checked: start threads (a progress bar) there, not before, so that no thread is
    running when the workers are forked.

    SIGTERM and SIGHUP stop the batch as Ctrl-C does (:class:`Stopped`): the workers
    are stopped, each after the row it is writing, and no temporary file is left.  A
    row that a worker killed outright had written in full is finished, one it was still
    writing removed; ``on_clean_up`` hears which (:func:`jdgen.files.clean_up`).
    """
    from jdgen.files import clean_up, sync_folder

    global _worker
    _worker = (job, catalog)
    try:
        with stop_on_signals():
            rows = iter(planned)
            ahead = list(itertools.islice(rows, jobs)) if jobs > 1 else []
            if len(ahead) <= 1:
                on_start(check())
                for item in itertools.chain(ahead, rows):
                    with holding_signals():  # a row is written and counted, or neither
                        on_result(process(item))
            else:
                # no more workers than rows: ``ahead`` holds min(jobs, rows) of them
                _run_pool(itertools.chain(ahead, rows), check, job, len(ahead), on_result, on_start)
    finally:
        on_clean_up(clean_up(job.outdir, tag=job.tag))  # what a killed worker left
        sync_folder(job.outdir)  # the rows' renames, on disk


#: Rows per task while the file is being checked: small, so that every worker has
#: rows to build from the start.
FIRST_CHUNK = 4


def _run_pool(
    planned: Iterator[Planned],
    check: Callable[[], int],
    job: BatchJob,
    workers: int,
    on_result: Callable[[RowResult], None],
    on_start: Callable[[int], None],
) -> None:
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # fork shares the loaded catalog with the workers for free; elsewhere (macOS,
    # Windows) the platform default starts fresh interpreters that load it once.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    checked = context.Event()
    pool = Workers()
    executor = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(job, checked, os.getpid()),
    )
    pending: deque[Future[list[RowResult]]] = deque()
    try:
        # the first submit forks every worker: they build the first rows while this
        # process checks the whole file, and write them only once it is done
        for chunk in iter(lambda: list(itertools.islice(planned, FIRST_CHUNK)), []):
            pending.append(executor.submit(process_chunk, chunk))
            if len(pending) >= workers * 2:
                break
        total = _checked_file(check, pool, pending)
        checked.set()
        on_start(total)
        for chunk in _chunks(planned, chunk_size(total, workers)):
            pending.append(executor.submit(process_chunk, chunk))
            while len(pending) >= workers * 3:
                _report_next(pending, on_result)
        while pending:
            _report_next(pending, on_result)
    except BrokenProcessPool:
        raise JdgenError(
            "a worker process stopped unexpectedly (killed, or out of memory?); the batch "
            "stopped, and every file it wrote is complete"
        ) from None
    except BaseException:
        try:
            _drain(pool, pending, on_result)
        finally:
            pool.kill()
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _checked_file(
    check: Callable[[], int], pool: Workers, pending: deque[Future[list[RowResult]]]
) -> int:
    """``check()``; when it fails (or is interrupted) the workers, which have written
    nothing, are stopped at once and their rows dropped."""
    try:
        return check()
    except BaseException:
        for future in pending:
            future.cancel()
        pending.clear()
        pool.kill()
        raise


def _report_next(pending: deque[Future[list[RowResult]]], on_result: Callable[..., None]) -> None:
    """Wait for the first chunk in flight (a signal may stop the wait), then report its
    rows (a signal waits until they are all reported)."""
    results = pending[0].result()
    with holding_signals():
        pending.popleft()
        for result in results:
            on_result(result)


#: How long a stopped batch waits for its workers to finish the rows they are writing.
STOP_GRACE_SECONDS = 10.0


def _drain(
    pool: Workers, pending: deque[Future[list[RowResult]]], on_result: Callable[..., None]
) -> None:
    """Stop the workers, each after the row it is writing, and report the rows they
    finished, so that the summary counts every file on disk."""
    from concurrent.futures import CancelledError
    from concurrent.futures.process import BrokenProcessPool

    for future in pending:
        future.cancel()  # chunks no worker has started
    for worker in pool.processes():
        with contextlib.suppress(OSError):
            if STOP_SIGNAL is None:
                worker.terminate()
            elif worker.pid is not None:
                os.kill(worker.pid, STOP_SIGNAL)  # _stop_worker
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    while pending:
        try:
            results = pending[0].result(timeout=max(0.0, deadline - time.monotonic()))
        except (CancelledError, BrokenProcessPool, TimeoutError):
            results = []
        with holding_signals():
            pending.popleft()
            for result in results:
                on_result(result)


class Workers:
    """The worker processes of a pool started after this object: the children of this
    process that :func:`multiprocessing.active_children` lists and that were not there
    before (a process pool starts its workers as :mod:`multiprocessing` processes)."""

    def __init__(self) -> None:
        import multiprocessing

        self._before = {p.pid for p in multiprocessing.active_children()}

    def processes(self) -> list[Any]:
        import multiprocessing

        return [p for p in multiprocessing.active_children() if p.pid not in self._before]

    def kill(self) -> None:
        """Workers still running after :func:`_drain` (stuck, or a second Ctrl-C) end now."""
        for worker in self.processes():
            with contextlib.suppress(OSError):
                worker.kill()


#: Signals that arrived while :func:`holding_signals` held them, in order.
_pending_signals: list[int] = []
#: How many :func:`holding_signals` blocks are open.
_holding = 0


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """SIGINT raises KeyboardInterrupt and SIGTERM and SIGHUP :class:`Stopped`, so that
    the batch unwinds and stops its workers; the old handlers come back after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    names = [n for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n)]
    _pending_signals.clear()
    old = {n: signal.signal(getattr(signal, n), _on_signal) for n in names}
    try:
        yield
    finally:
        for n, handler in old.items():
            signal.signal(getattr(signal, n), handler)


@contextlib.contextmanager
def holding_signals() -> Iterator[None]:
    """A signal that arrives in the block acts when the block ends (when it ends normally)."""
    global _holding
    _holding += 1
    try:
        yield
    finally:
        _holding -= 1
    if not _holding and _pending_signals:
        signum = _pending_signals[0]
        _pending_signals.clear()
        _raise_for(signum)


def _on_signal(signum: int, frame: Any) -> None:
    if _holding:
        _pending_signals.append(signum)
        return
    _raise_for(signum)


def _raise_for(signum: int) -> None:
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Stopped(signum)
