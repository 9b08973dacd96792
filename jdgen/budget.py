"""Choosing what goes into a posting: one line per topic, and a length budget.

Pure functions over :class:`Candidate` lines, used by :mod:`jdgen.tailor`:

* :func:`one_per_topic` keeps, for each topic, the most specific line (ties: the first);
* :func:`within_budget` keeps at most ``limit`` lines, taking every group's best
  line before any group's second, more specific lines first, and returns them in
  their original order.

Specificity says how much a line is about *this* company and *this* job: a line
naming the company's own systems beats industry wording, which beats the role's own
wording for this size, which beats the role's own general wording, which beats what
is shared by many roles (the library, and the duties a size adds to every role).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: Specificity of a line, by where it comes from.
LIBRARY, SIZE, ROLE, SCALED, INDUSTRY, COMPANY = 0, 1, 2, 3, 4, 5


@dataclass(frozen=True)
class Candidate:
    """A line that may go into a posting."""

    key: str
    text: str
    topic: str | None = None
    specificity: int = ROLE
    #: Lines of one group (a heading of duties, a kind of skill) are balanced together.
    group: str = ""


def one_per_topic(items: Sequence[Candidate]) -> list[Candidate]:
    """Keep the most specific line of each topic (the first of equals), in order."""
    best: dict[str, Candidate] = {}
    for c in items:
        if c.topic is None:
            continue
        held = best.get(c.topic)
        if held is None or c.specificity > held.specificity:
            best[c.topic] = c
    return [c for c in items if c.topic is None or best[c.topic] is c]


def within_budget(items: Sequence[Candidate], limit: int) -> list[Candidate]:
    """At most ``limit`` lines: groups take turns, each offering its most specific
    remaining line; the kept lines come back in their original order."""
    if len(items) <= limit:
        return list(items)
    groups: dict[str, list[tuple[int, Candidate]]] = {}
    for index, c in enumerate(items):
        groups.setdefault(c.group, []).append((index, c))
    ranked: list[tuple[int, int, int, int]] = []
    for group_order, members in enumerate(groups.values()):
        members.sort(key=lambda m: (-m[1].specificity, m[0]))
        for turn, (index, c) in enumerate(members):
            ranked.append((turn, -c.specificity, group_order, index))
    keep = sorted(index for *_, index in sorted(ranked)[:limit])
    return [items[i] for i in keep]
