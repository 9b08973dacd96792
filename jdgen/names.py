"""Matching what a user types against catalog names: role names, sizes, industries, levels.

No heavy imports here: ``jdgen roles`` uses these on the cached catalog summary without
loading pydantic.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol, TypeVar

from jdgen.errors import UnknownChoiceError


class Named(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> list[str]: ...


C = TypeVar("C", bound=Named)


def normalize_name(text: str) -> str:
    """Key for matching role names: case, punctuation, "of/the", "&"/"and",
    "vice president"/"vp" and "ops"/"operations" do not matter."""
    t = text.lower().replace("&", " and ")
    t = re.sub(r"[^a-z0-9]+", " ", t)
    t = re.sub(r"\bvice president\b", "vp", t)
    words = ["operations" if w == "ops" else w for w in t.split()]
    return " ".join(w for w in words if w not in {"of", "the", "and", "a", "an", "for"})


@lru_cache(maxsize=4096)
def normalize_choice(text: str) -> str:
    """Key for matching sizes, industries and levels: letters and digits only."""
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def find_choice(table: dict[str, C], query: str) -> C:
    """The entry of ``table`` whose id, name or an alias is ``query`` (case and punctuation aside)."""
    key = normalize_choice(query)
    for choice in table.values():
        names = [choice.id, choice.name, *choice.aliases]
        if key in {normalize_choice(n) for n in names}:
            return choice
    raise UnknownChoiceError(f"expected one of {', '.join(table)}, got '{query}'")


def choice_index(table: dict[str, C]) -> dict[str, C]:
    """Every normalised id, name and alias → its entry: :func:`find_choice` as one dict
    lookup (the first entry wins a shared name, as in :func:`find_choice`)."""
    index: dict[str, C] = {}
    for choice in table.values():
        for name in (choice.id, choice.name, *choice.aliases):
            index.setdefault(normalize_choice(name), choice)
    return index
