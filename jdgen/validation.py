"""The one formatter for validation errors: a pydantic error becomes ``where: field: message``.

Used for the catalog, company files, batch rows and lint rules, so the same
mistake reads the same everywhere::

    acme.yaml: salary.min: expected a number, got '120k'
    rows.csv:4: salary_min: expected a number, got '120k'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel, ValidationError

#: loc entries pydantic adds for union members; they mean nothing to a user.
_UNION_TAGS = {"ref", "inline", "str", "int", "float", "bool"}

#: What a value must look like, for the patterns of the models (a regex means little to a user).
_PATTERNS = {
    r"^[A-Z]{3}$": "a three-letter currency code such as USD, EUR or GBP",
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "an id of lowercase letters, digits and hyphens (vendor-management)",
}

_NUMBER_ERRORS = {"float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"}


def format_loc(loc: Iterable[int | str]) -> str:
    """``('responsibilities', 3, 'inline', 'text')`` → ``responsibilities.3.text``."""
    parts = [str(p) for p in loc if not (isinstance(p, str) and p in _UNION_TAGS)]
    return ".".join(parts) if parts else "(top level)"


def shown(value: Any, limit: int = 60) -> str:
    """A user's value in a message: ``repr``-style (one line, escapes visible), shortened."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unknown_field_message(err: ValidationError | None, loc: tuple[int | str, ...]) -> str:
    """``unknown field (did you mean 'locations'?)`` when a known field is close."""
    import jdgen.models
    from jdgen.models import did_you_mean, known_fields

    model = getattr(jdgen.models, err.title, None) if err is not None else None
    names = (
        known_fields(model, loc) if isinstance(model, type) and issubclass(model, BaseModel) else []
    )
    close = did_you_mean(str(loc[-1]), names) if loc else None
    return (
        f"unknown field (did you mean '{close}'?)"
        if close
        else "unknown field (check the spelling)"
    )


def error_message(error: Any, err: ValidationError | None = None) -> str:
    """What is wrong, for one pydantic error (``dict`` from ``ValidationError.errors()``;
    ``err``, the whole error, lets an unknown field suggest the closest known one)."""
    msg = str(error["msg"]).removeprefix("Value error, ")
    value = error.get("input")
    kind = error["type"]
    if kind == "missing":
        return "required"
    if kind == "extra_forbidden":
        return unknown_field_message(err, tuple(error["loc"]))
    if kind == "literal_error":
        return f"expected one of {error['ctx']['expected']}, got {shown(value)}"
    if kind.startswith("date_"):
        return f"expected a date such as 2026-12-31, got {shown(value)}"
    if kind in _NUMBER_ERRORS:
        return f"expected a number, got {shown(value)}"
    if kind == "string_pattern_mismatch" and error["ctx"]["pattern"] in _PATTERNS:
        return f"expected {_PATTERNS[error['ctx']['pattern']]}, got {shown(value)}"
    if (
        isinstance(value, (str, int, float))
        and not isinstance(value, bool)
        and repr(value) not in msg
    ):
        return f"{msg}, got {shown(value)}"
    return msg


def validation_problems(
    err: ValidationError,
    where: str,
    prefix: str = "",
    field: Callable[[tuple[int | str, ...]], str] | None = None,
) -> list[str]:
    """One ``where: field.path: message`` line per pydantic error.  ``prefix`` goes in front
    of each field path; ``field`` maps a location to the name the user wrote (a batch column)."""
    problems = []
    for e in err.errors():
        loc = field(tuple(e["loc"])) if field else format_loc(e["loc"])
        if prefix:
            loc = prefix if loc == "(top level)" else f"{prefix}.{loc}"
        problems.append(f"{where}: {loc}: {error_message(e, err)}")
    return problems


def problems_line(
    err: ValidationError,
    where: str,
    field: Callable[[tuple[int | str, ...]], str] | None = None,
) -> str:
    """All of a record's problems on one line: ``where: a: …; b: …`` (a company file, a batch row)."""
    cut = len(where) + 2
    return f"{where}: " + "; ".join(p[cut:] for p in validation_problems(err, where, field=field))
