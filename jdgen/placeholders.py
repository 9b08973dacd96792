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
    found = _value(values, path)
    return None if found is None else str(found[0])


def _value(values: dict[str, Any], path: str) -> tuple[Any] | None:
    """The plain value at ``path`` (``vocab.site``) as a one-tuple (it may be falsy), or
    ``None`` when Jinja would do anything but fetch dict items (a global, an attribute,
    undefined, a constant) or the value is not plain."""
    head, *keys = path.split(".")
    if head in _NOT_VARIABLES or head not in values:
        return None
    value = values[head]
    for key in keys:
        if type(value) is not dict or hasattr(dict, key) or key not in value:
            return None
        value = value[key]
    return (value,) if type(value) in _PLAIN else None


# -- small conditions ------------------------------------------------------------
#
# Lint's messages and some catalog sentences also choose a word by a count or a flag
# ("word{{ 's' if forms > 1 else '' }}", "{% if country.us_items %}…{% else %}…{% endif %}").
# Loading Jinja for them costs a lint run more than all its checks (and a .docx posting
# needs no other template), so :func:`filled` reads this small part of the template
# language itself and leaves everything else to the sandbox.

#: A ``{{ … }}`` or ``{% … %}`` tag, with its whitespace-control dashes.
_TAG = re.compile(r"\{\{(-?)(.*?)(-?)\}\}|\{%(-?)(.*?)(-?)%\}", re.S)

#: The words of an expression: a quoted string without escapes, a whole number, a name,
#: a comparison.
_WORD = re.compile(
    r"\s*('[^'\\]*'|\"[^\"\\]*\"|0|[1-9]\d*|[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*|[<>!=]=|[<>])", re.ASCII
)

_COMPARE = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}

#: Text where the sandbox's ``lstrip_blocks``/``trim_blocks`` would remove whitespace
#: around a block tag, or that Jinja reads in ways not handled here (``{%+``, ``+%}``).
_BLOCK_WHITESPACE = re.compile(r"(?:^|\n)[ \t]+\{%|%\}\n|\{%\+|\+%\}")


def filled(text: str, values: dict[str, Any]) -> str | None:
    """``text`` filled exactly as the sandbox renders it, when it has only plain
    placeholders (:func:`substituted`) and, besides them, ``{{ a if test else b }}`` and
    ``{% if test %}…{% else %}…{% endif %}``, where ``a``, ``b`` and the sides of
    ``test`` are names of plain values (``name`` or ``name.key``, dict items as for
    :func:`substituted`), quoted strings without escapes or whole numbers, compared with
    ``==``, ``!=``, ``<``, ``<=``, ``>`` or ``>=``; a brace outside the tags that starts
    none (``{bonus_target_percent: …}``) is text, as Jinja reads it.  ``None`` for
    anything else, which then goes through Jinja.  Hand-written so that lint's messages
    and most catalog sentences need no template engine; ``tests/test_placeholders.py``
    and ``tests/test_fill_shortcut.py`` check it against the sandbox."""
    simple = substituted(text, values)
    if simple is not None or "\r" in text or _BLOCK_WHITESPACE.search(text):
        return simple
    pieces = _pieces(text)
    if pieces is None:
        return None
    out = _run(pieces, values)
    return out if out is not None and len(out) <= _MOST else None


#: ("text", literal) | ("out", expression) | ("block", statement)
_Piece = tuple[str, str]


#: In literal text: what Jinja would read as the start of a tag or a comment.
_STARTS_TAG = re.compile(r"\{[{%#]")


def _pieces(text: str) -> list[_Piece] | None:
    """The literal text and the tags of ``text``, whitespace control applied; None when a
    literal holds what Jinja reads as a tag (a comment, a stray or unclosed tag) or ends
    in a brace that the next tag would join."""
    pieces: list[_Piece] = []
    pos, strip_next = 0, False
    for m in _TAG.finditer(text):
        literal = text[pos : m.start()]
        literal = literal.lstrip() if strip_next else literal
        if m[1] or m[4]:  # {{- or {%-: the whitespace before the tag goes
            literal = literal.rstrip()
        pieces.append(("text", literal))
        pieces.append(("out", m[2]) if m[0].startswith("{{") else ("block", m[5]))
        strip_next, pos = bool(m[3] or m[6]), m.end()
    tail = text[pos:]
    pieces.append(("text", tail.lstrip() if strip_next else tail))
    texts = [p for kind, p in pieces if kind == "text"]
    if any(_STARTS_TAG.search(p) for p in texts) or any(p.endswith("{") for p in texts[:-1]):
        return None
    return pieces


def _run(pieces: list[_Piece], values: dict[str, Any]) -> str | None:
    """The output of ``pieces``: literals and values where every enclosing ``if`` holds."""
    out: list[str] = []
    #: per open ``if``: (output was on outside it, its test held, its else was seen)
    opened: list[tuple[bool, bool, bool]] = []
    on = True
    for kind, body in pieces:
        if kind == "text":
            out.append(body if on else "")
            continue
        if kind == "out":
            value = _team_span(body, values) or _expression(_words(body), values)
            if value is None:
                return None
            out.append(str(value[0]) if on else "")
            continue
        words = _words(body)
        if words is None or not words:
            return None
        if words[0] == "if":
            test = _test(words[1:], values)
            if test is None:
                return None
            opened.append((on, test, False))
            on = on and test
        elif words == ["else"] and opened and not opened[-1][2]:
            outside, test, _ = opened.pop()
            opened.append((outside, test, True))
            on = outside and not test
        elif words == ["endif"] and opened:
            on = opened.pop()[0]
        else:
            return None
    return None if opened else "".join(out)


#: ``team(5, 15)``: the team-size placeholder (jdgen.catalog.TeamSpan) called with two
#: whole numbers, and maybe its nouns for one and for several (``'analyst', 'analysts'``).
_TEAM_CALL = re.compile(
    r"\s*team\((0|[1-9]\d*), (0|[1-9]\d*)(?:, '([^'\\{}]*)', '([^'\\{}]*)')?\)\s*", re.ASCII
)


def _team_span(body: str, values: dict[str, Any]) -> tuple[Any] | None:
    """``{{ team(5, 15) }}`` as the sandbox renders it ("eight"), or None."""
    m = _TEAM_CALL.fullmatch(body)
    span: Any = values.get("team")
    if m is None or type(span).__name__ != "TeamSpan":
        return None
    return (str(span(int(m[1]), int(m[2]), m[3] or "", m[4] or "")),)


def _words(expression: str) -> list[str] | None:
    """The words of ``expression``, or None when something in it is not one."""
    words, pos = [], 0
    while pos < len(expression.rstrip()):
        m = _WORD.match(expression, pos)
        if m is None:
            return None
        words.append(m[1])
        pos = m.end()
    return words


def _expression(words: list[str] | None, values: dict[str, Any]) -> tuple[Any] | None:
    """``a`` or ``a if test else b``, as a one-tuple (its value may be falsy), or None."""
    if words is None:
        return None
    if len(words) == 1:
        return _atom(words[0], values)
    if len(words) >= 5 and words[1] == "if" and words[-2] == "else":
        test = _test(words[2:-2], values)
        if test is None:
            return None
        return _atom(words[0] if test else words[-1], values)
    return None


def _test(words: list[str], values: dict[str, Any]) -> bool | None:
    """``a`` or ``a OP b`` as Python (and so Jinja) decides it; None when it cannot be told."""
    if len(words) == 1:
        value = _atom(words[0], values)
        return None if value is None else bool(value[0])
    if len(words) != 3 or words[1] not in _COMPARE:
        return None
    left, right = _atom(words[0], values), _atom(words[2], values)
    if left is None or right is None:
        return None
    try:
        return bool(_COMPARE[words[1]](left[0], right[0]))
    except TypeError:  # "a" < 1: Jinja raises too; let it say so
        return None


def _atom(word: str, values: dict[str, Any]) -> tuple[Any] | None:
    """A quoted string, a whole number or a plain value's name, as a one-tuple."""
    if word[0] in "'\"":
        return (word[1:-1],)
    if word.isdigit():
        return (int(word),)
    return _value(values, word)
