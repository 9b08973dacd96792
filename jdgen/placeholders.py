"""Catalog text with plain placeholders (``{{ title }}``, ``{{ vocab.site }}``) filled
without Jinja, exactly as the sandbox (:mod:`jdgen.templating`) would render it.

Nearly every catalog sentence and lint message is of this kind, and a batch, a web
preview or a lint run fills them for every new company; anything else (a filter, a
block, a missing name …) goes to the sandbox.  This module imports no Jinja, so a
caller can try it before loading the template engine (lint's messages do).
"""

from __future__ import annotations

import re
from typing import Any

#: Outputs longer than this go through the sandbox, which applies jdgen's output limit.
_MOST = 1_000_000


#: ``{{ name }}`` or ``{{ name.key.key }}``, single spaces or none inside the braces.
_PLACEHOLDER = re.compile(r"\{\{ ?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*) ?\}\}", re.ASCII)

#: Names Jinja reads as something other than a variable: constants, operators, and
#: names its compiler binds itself.
_NOT_VARIABLES = frozenset(
    [
        "true",
        "false",
        "True",
        "False",
        "none",
        "None",
        "not",
        "and",
        "or",
        "in",
        "is",
        "if",
        "else",
        "self",
        "caller",
        "varargs",
        "kwargs",
        "loop",
        "super",
    ]
)

#: What a placeholder's value may be for the short cut (Jinja prints these with ``str``).
_PLAIN = (str, int, float, bool)


def substituted(text: str, values: dict[str, Any]) -> str | None:
    """``text`` with its placeholders filled, exactly as the sandbox renders it, when
    every tag is a plain ``{{ name }}``/``{{ name.key }}`` naming a plain value in
    ``values`` (dict keys that are not dict methods); ``None`` for anything else (a
    filter, a block, a missing name, a brace or a carriage return in the text …), which
    then goes through Jinja.  Catalog text is nearly all of the first kind, and a batch
    or a web preview fills it for every new company."""
    parts = _PLACEHOLDER.split(text)
    if "\r" in text or any("{" in lit or "}" in lit for lit in parts[::2]):
        return None
    out = parts[::2]
    size = sum(map(len, out))
    for i, path in enumerate(parts[1::2]):
        value = _lookup(values, path)
        if value is None:
            return None
        size += len(value)
        out.insert(2 * i + 1, value)
    return None if size > _MOST else "".join(out)


def _lookup(values: dict[str, Any], path: str) -> str | None:
    """The printed value at ``path`` (``vocab.site``), or ``None`` when Jinja would do
    anything but fetch dict items (a global, an attribute, undefined, a constant)."""
    head, *keys = path.split(".")
    if head in _NOT_VARIABLES or head not in values:
        return None
    value = values[head]
    for key in keys:
        if type(value) is not dict or hasattr(dict, key) or key not in value:
            return None
        value = value[key]
    return str(value) if type(value) in _PLAIN else None
