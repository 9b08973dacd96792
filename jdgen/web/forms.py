"""The build form ↔ a posting request: form fields are the company file's field paths.

``salary.min``, ``locations.0.city``, ``posting.title`` … name the same fields as
``company.yaml``; fields that hold a list in the file are one item per line in the form
(``benefits``) or comma-separated (``remote_regions``, ``posting.remove``).  A benefit for
some levels only (``{text: …, levels: [manager]}`` in the file) is its line with the level
ids after it: ``Overtime pay [for: manager, director]``.  Empty fields are left out, so
the default company's values apply, as for a file without them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from pydantic import TypeAdapter, ValidationError

from jdgen.edits import Edit
from jdgen.web.fields import kinds
from jdgen.web.service import FieldError, PostingRequest

#: Company fields that are yes, no or the company's own wording.
YES_NO_OR_TEXT = {"drivers_license", "title_suffix"}
#: Company fields written as a comma-separated list.
COMMA_LISTS = {"remote_regions", "systems", "languages", "preferred_languages", "posting.remove"}
#: Form fields that are not company fields.
OTHER_FIELDS = {
    "role",
    "kind",
    "salary_range",
    "edits",
    "csrf_token",
    "draft_id",
    "base_version",
    "draft_name",
    "note",
    "format",
    "reference_docx",
    "q",
    "new_text",
    "add_text",
    "op",
    "bullet",
    "target",
    "index",
    "profile_name",
    "had_errors",
}
MAX_ROWS = 20

_EDITS = TypeAdapter(list[Edit])
#: A benefit line for some levels only: "Overtime pay [for: manager, director]".
_FOR_LEVELS = re.compile(r"^(?P<text>.*?)\s*\[for:(?P<levels>[^\]]*)\]$")
_PATH = re.compile(r"^[a-z_]+(\.([a-z_]+|\d{1,2}))*$")


def _pattern(path: str) -> str:
    return re.sub(r"\.\d+(?=\.|$)", ".*", path)


def _value(path: str, raw: str) -> Any:
    pattern = _pattern(path)
    kind = kinds().get(pattern)
    if pattern in COMMA_LISTS:
        return [p.strip() for p in re.split(r"[,\n]", raw) if p.strip()]
    if kind == "lines":
        lines = [line.strip() for line in raw.splitlines() if line.strip()]
        return [_benefit(line) for line in lines] if pattern == "benefits" else lines
    if kind == "yes_no":
        return {"yes": True, "no": False}.get(raw, raw)
    if pattern in YES_NO_OR_TEXT:
        return {"yes": True, "no": False}.get(raw.lower(), raw)
    return raw


def _benefit(line: str) -> str | dict[str, Any]:
    """A benefit line: its text, or its text and levels when it ends in ``[for: …]``."""
    found = _FOR_LEVELS.match(line)
    if found is None or not found["text"]:
        return line
    levels = [lv.strip() for lv in found["levels"].split(",") if lv.strip()]
    return {"text": found["text"], "levels": levels} if levels else found["text"]


def benefit_line(value: Any) -> str:
    """The form's line for a benefit of a company mapping (the inverse of :func:`_benefit`)."""
    if isinstance(value, dict):
        levels = value.get("levels") or []
        return f"{value.get('text', '')} [for: {', '.join(str(lv) for lv in levels)}]"
    return str(value)


def _put(tree: dict[str, Any], parts: list[str], value: Any) -> None:
    node = tree
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def _lists(value: Any) -> Any:
    """Mappings keyed 0, 1, 2 … (``locations.0.city``) become lists, in index order."""
    if not isinstance(value, dict):
        return value
    if value and all(k.isdigit() for k in value):
        return [_lists(value[k]) for k in sorted(value, key=int)]
    return {k: _lists(v) for k, v in value.items()}


def _drop_empty(value: Any) -> Any:
    if isinstance(value, dict):
        kept = {k: _drop_empty(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in ({}, [], None, "")}
    if isinstance(value, list):
        kept_items = [_drop_empty(v) for v in value]
        return [v for v in kept_items if v not in ({}, [], None, "")]
    return value


def company_from_form(form: Mapping[str, str]) -> dict[str, Any]:
    """The company fields of a form, as the mapping a company file holds."""
    tree: dict[str, Any] = {}
    from jdgen.models import Company

    for name, raw in form.items():
        if name in OTHER_FIELDS or not isinstance(raw, str) or not _PATH.match(name):
            continue
        if name.split(".", 1)[0] not in Company.model_fields:
            continue  # not a company field (a button, a search box): never a path to read
        if not raw.strip():
            continue
        _put(tree, name.split("."), _value(name, raw.strip()))
    for holder, key in ((tree, "salary"), (tree.get("variable_pay"), "on_target_earnings")):
        if not isinstance(holder, dict):
            continue
        money = holder.get(key)
        if isinstance(money, dict) and not ({"min", "max"} & set(money)):
            del holder[key]  # currency and period alone are no pay range
    return dict(_drop_empty(_lists(tree)))


def edits_from_form(form: Mapping[str, str]) -> tuple[list[Edit], list[FieldError]]:
    raw = form.get("edits") or "[]"
    try:
        return _EDITS.validate_json(raw), []
    except ValidationError:
        return [], [FieldError(("edits",), "the edits could not be read; they were reset")]


def request_from_form(form: Mapping[str, str]) -> tuple[PostingRequest | None, list[FieldError]]:
    edits, problems = edits_from_form(form)
    role = (form.get("role") or "").strip()
    if not role:
        return None, [FieldError(("role",), "choose a role")]
    try:
        request = PostingRequest(
            role=role,
            company=company_from_form(form),
            edits=edits,
            kind=form.get("kind") or "posting",
            salary_range=(form.get("salary_range") or "").strip() or None,
        )
        return request, problems
    except ValidationError as err:
        return None, [FieldError(tuple(e["loc"]), e["msg"]) for e in err.errors()]


def flatten(company: Mapping[str, Any]) -> dict[str, str]:
    """Form field values for a company mapping (the inverse of :func:`company_from_form`)."""
    values: dict[str, str] = {}

    def walk(prefix: str, value: Any) -> None:
        pattern = _pattern(prefix)
        if isinstance(value, dict):
            for k, v in value.items():
                walk(f"{prefix}.{k}" if prefix else str(k), v)
        elif isinstance(value, list) and pattern in COMMA_LISTS:
            values[prefix] = ", ".join(str(v) for v in value)
        elif isinstance(value, list) and kinds().get(pattern) == "lines":
            values[prefix] = "\n".join(benefit_line(v) for v in value)
        elif isinstance(value, list):
            for i, v in enumerate(value[:MAX_ROWS]):
                walk(f"{prefix}.{i}", v)
        elif isinstance(value, bool):
            values[prefix] = "yes" if value else "no"
        elif isinstance(value, float) and value.is_integer():
            values[prefix] = str(int(value))
        elif value is not None:
            values[prefix] = str(value)

    walk("", dict(company))
    return values


def edits_json(edits: list[Edit]) -> str:
    return json.dumps([e.model_dump(exclude_none=True) for e in edits], ensure_ascii=False)
