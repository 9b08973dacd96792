"""Which placeholders each sentence of a wording file may use, and the check of a user's file.

The wording files (``posting.yaml``, ``compare.yaml``, ``ladder.yaml``, ``work.yaml``,
``countries.yaml`` and ``lint/*.yaml``) hold sentences that jdgen fills in with values of its
own: every posting sentence gets the catalog placeholders (``{{ title }}``, ``{{ company }}``
…) and some get more (``{{ reports_to }}``, ``{{ percent }}``); a comparison sentence gets
``{{ a }}``, ``{{ b }}`` …; a lint message the figures of its finding; a country's sentences
(its equal-opportunity statement, the hiring statements) are used as written and take none.  What a sentence may use is
taken from the shipped file (the test suite fills every shipped sentence): what the
shipped sentences beside it (under the same parent key) use, plus the placeholders every
sentence of that file gets.  A user's file is checked against that: a misspelt or
unknown placeholder is a problem naming the file, the key and the name, instead of an
error when a posting is made.  (The check is as wide as a group of sentences: a name
that a sibling sentence gets but this one does not is still found only when filled.)

Internal module: the public API is :mod:`jdgen` (``jdgen.__all__``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any


def _texts(data: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    """Every string in ``data`` with its key path (list positions as ``*``), templated or not."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, (*path, str(key)))
    elif isinstance(data, list):
        for value in data:
            yield from _texts(value, (*path, "*"))
    elif isinstance(data, str):
        yield path, data


def names_in(text: str) -> set[str]:
    """The placeholders a piece of text uses (raises jinja2's TemplateSyntaxError)."""
    from jinja2 import meta

    from jdgen.templating import environment

    return set(meta.find_undeclared_variables(environment().parse(text)))


@lru_cache(maxsize=16)
def _shipped_names(path: Path) -> dict[tuple[str, ...], frozenset[str]]:
    """Key path → the placeholders the shipped file's sentence(s) there use."""
    from jdgen.yamlfile import read_yaml

    data, _problems = read_yaml(path, str(path))
    found: dict[tuple[str, ...], set[str]] = {}
    for key, text in _texts(data):
        names = found.setdefault(key, set())
        if "{{" in text or "{%" in text:
            names.update(names_in(text))
    return {key: frozenset(names) for key, names in found.items()}


#: Keys whose sentences are filled with the same values wherever they are in the file:
#: every travel rule's destinations (work.yaml) takes ``our_sites``, ``customers`` and
#: ``places``, whichever of them the shipped rule beside it uses.
SHARED_KEYS = frozenset({"destinations"})


def _allowed(shipped: dict[tuple[str, ...], frozenset[str]], key: tuple[str, ...]) -> set[str]:
    """What the shipped sentences beside ``key`` use (those under the same parent key: the
    sentences of one group are filled with the same values, though each uses a few); for
    a top-level key, what its own sentence uses; for a key the shipped file lacks (a new
    heading, a new country), what the sentences under the nearest shipped parent use."""
    if key in shipped and len(key) < 2:
        return set(shipped[key])
    if key[-1] in SHARED_KEYS:
        alike = [names for k, names in shipped.items() if (k[0], k[-1]) == (key[0], key[-1])]
        if alike:
            return set().union(*alike)
    start = len(key) - 1 if key in shipped else len(key)
    for depth in range(start, 0, -1):
        parent = key[:depth]
        under = [names for k, names in shipped.items() if k[:depth] == parent]
        if under:
            return set().union(*under)
    return set()


def wording_problems(
    data: Any, label: str, shipped_file: Path, every: Iterable[str] = ()
) -> list[str]:
    """Problems with the placeholders of a user's wording file: ``file: key: message``.

    ``shipped_file`` is the built-in file of the same name; ``every`` the placeholders
    each of its sentences gets.
    """
    from jinja2 import TemplateSyntaxError

    shipped = _shipped_names(shipped_file)
    common = set(every)
    problems: list[str] = []
    for key, text in _numbered(data):
        try:
            names = names_in(text)
        except TemplateSyntaxError as exc:
            problems.append(f"{label}: {key}: placeholder syntax: {exc.message}")
            continue
        plain = tuple("*" if part.isdigit() else part for part in key.split("."))
        allowed = common | _allowed(shipped, plain)
        for name in sorted(names - allowed):
            choices = ", ".join(sorted(allowed)) if allowed else "none: this text takes none"
            problems.append(
                f"{label}: {key}: unknown placeholder '{name}' (expected one of {choices})"
            )
    return problems


def _numbered(data: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every templated string with its key path, list positions by number ("kpis.2")."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _numbered(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _numbered(value, f"{path}.{i}" if path else str(i))
    elif isinstance(data, str) and ("{{" in data or "{%" in data):
        yield path or "(top level)", data
