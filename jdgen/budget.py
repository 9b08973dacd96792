"""Choosing what goes into a posting: one line per topic, and a length budget.

Pure functions over :class:`Candidate` lines, used by :mod:`jdgen.tailor`:

* :func:`one_per_topic` keeps, for each topic, the most specific line (ties: the first);
* :func:`within_budget` keeps at most ``limit`` lines, giving each group it keeps at
  least two (a heading over one bullet shows the skeleton), more specific lines
  first, and returns them in their original order;
* :class:`Said` is what a posting's duties already say, so that a skill, a
  qualification or a law that only repeats one of them is left out.

Specificity says how much a line is about *this* company and *this* job: a line
naming the company's own systems beats its sector's wording (a foundry's, a grocer's),
which beats industry wording, which beats the role's own
wording for this size, which beats the role's own general wording, which beats what
is shared by many roles (the library, and the duties a size adds to every role).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from jdgen.cache import DiskMemo

#: Specificity of a line, by where it comes from.
LIBRARY, SIZE, ROLE, SCALED, INDUSTRY, SECTOR, COMPANY = 0, 1, 2, 3, 4, 5, 6


@dataclass(frozen=True)
class Candidate:
    """A line that may go into a posting."""

    key: str
    text: str
    topic: str | None = None
    specificity: int = ROLE
    #: Lines of one group (a heading of duties, a kind of skill) are balanced together.
    group: str = ""
    #: How many roles share the line (library duties); of two shared lines, the one
    #: fewer roles carry says more about this job.
    shared_by: int = 0


#: A skill this similar to a duty (rapidfuzz token_set_ratio of its name and detail
#: against the duty) repeats it: "Lean manufacturing: value-stream mapping, 5S, kaizen"
#: next to "Apply Lean tools such as value-stream mapping, 5S and kaizen …".
ECHO = 60

#: Names of laws and standards: acronyms and numbers ("ISO 9001", "DOT and FMCSA").
_NAME_TOKEN = re.compile(r"\b(?:[A-Z][A-Z0-9&-]{1,}|[0-9]{3,})\b")


@dataclass(frozen=True)
class Said:
    """What the chosen duties of a posting say: their topics and their texts."""

    topics: frozenset[str] = frozenset()
    texts: tuple[str, ...] = ()

    @classmethod
    def of(cls, lines: Iterable[tuple[str | None, str]]) -> Said:
        pairs = list(lines)
        return cls(frozenset(t for t, _ in pairs if t), tuple(x for _, x in pairs if x))

    def covers(self, topic: str | None) -> bool:
        return topic is not None and topic in self.topics

    def echoed(self, text: str, threshold: int = ECHO) -> bool:
        """Does one of the duties already say ``text``?"""
        if not self.texts:
            return False
        texts = self.texts
        return remembered(
            ("echoed", threshold, text, texts), lambda: _echoed(text, texts, threshold)
        )

    def names(self, law: str) -> bool:
        """Does a duty already name this law or standard (all its acronyms and numbers)?"""
        tokens = set(_NAME_TOKEN.findall(law))
        return bool(tokens) and any(tokens <= named for named in self._names)

    @cached_property
    def _names(self) -> tuple[frozenset[str], ...]:
        """The acronyms and numbers each duty names, found once."""
        return tuple(frozenset(_NAME_TOKEN.findall(t)) for t in self.texts)


def _echoed(text: str, texts: tuple[str, ...], threshold: int) -> bool:
    from rapidfuzz import fuzz, process

    found = process.extractOne(text, texts, scorer=fuzz.token_set_ratio, score_cutoff=threshold)
    return found is not None


#: Answers of rapidfuzz comparisons (:func:`remembered`), by a digest of the question.
_SIMILAR: DiskMemo[bytes, bool] = DiskMemo("similar", "similar/1", ("rapidfuzz",))


def remembered(question: tuple[object, ...], work_out: Callable[[], bool]) -> bool:
    """``work_out()``, a rapidfuzz comparison that ``question`` (plain values: what is
    compared, how and with which threshold) names exactly, remembered between runs: a
    posting asks a handful, and importing rapidfuzz took longer than its tailoring."""
    known = _ASKED.get(question)
    if known is None:
        asked = hashlib.blake2b(repr(question).encode(), digest_size=16).digest()
        known = _SIMILAR.get(asked, bool, lambda _: work_out())
        if len(_ASKED) >= _ASKED_KEPT:
            _ASKED.clear()
        _ASKED[question] = known
    return known


#: The answers of :func:`remembered` in this process, by the question itself (no digest).
_ASKED: dict[tuple[object, ...], bool] = {}
_ASKED_KEPT = 65_536


NOTHING_SAID = Said()

#: Where size lines rank among shared lines: after every library line.
SHARED_BY_ALL = 10_000

#: A line's place in the budget: (alone in its group, shared by many roles, turn,
#: group's best specificity negated, group order, index).
Ranked = tuple[int, int, int, int, int, int]


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


def within_budget(
    items: Sequence[Candidate], limit: int, pairs: bool = False, floor: int | None = None
) -> list[Candidate]:
    """At most ``limit`` lines: groups take turns, each offering its most specific
    remaining line; the kept lines come back in their original order.

    ``pairs`` (duties under headings): a group is only started when it can hold two
    lines (its first turn takes two), so that no heading stands over a single bullet;
    lines shared by many roles (library and size lines) come in only after every line
    written for this job, and groups of one line only when the others cannot fill the
    budget; a line left alone under its heading is dropped while more than ``floor``
    lines remain."""
    if len(items) <= limit and not pairs:
        return list(items)
    groups: dict[str, list[tuple[int, Candidate]]] = {}
    for index, c in enumerate(items):
        groups.setdefault(c.group, []).append((index, c))
    ranked: list[Ranked] = []
    for group_order, members in enumerate(groups.values()):
        members.sort(key=lambda m: (-m[1].specificity, m[0]))
        single = int(pairs and len(members) < 2)
        best = -members[0][1].specificity
        for turn, (index, c) in enumerate(members):
            # in pairs, a group's first two lines share its first turn, and lines many
            # roles share (library, size) come after every line written for this job
            rank = max(0, turn - 1) if pairs else turn
            shared = int(pairs and c.specificity <= SIZE)
            if shared:  # size lines go to every role of a band: the most shared of all
                rank = c.shared_by if c.specificity == LIBRARY else SHARED_BY_ALL
            ranked.append((single, shared, rank, best, group_order, index))
    chosen = sorted(ranked)
    if pairs:
        chosen = _no_lone_lines(_whole_pairs(chosen, limit), limit if floor is None else floor)
    keep = sorted(index for *_, index in chosen[:limit])
    return [items[i] for i in keep]


def _no_lone_lines(kept: list[Ranked], floor: int) -> list[Ranked]:
    """``kept`` without the lines alone in their group, the least wanted first, while
    more than ``floor`` lines remain."""
    group = 4
    kept = list(kept)
    counts = Counter(r[group] for r in kept)
    for lone in sorted((r for r in kept if counts[r[group]] == 1), reverse=True):
        if len(kept) <= floor:
            break
        kept.remove(lone)
    return kept


def _whole_pairs(ranked: list[Ranked], limit: int) -> list[Ranked]:
    """Ranked lines cut at ``limit`` without leaving a group with one line where a further
    line of a group that already has two can take its place."""
    kept, rest = list(ranked[:limit]), list(ranked[limit:])
    group = 4  # the group order's place in Ranked
    counts = Counter(r[group] for r in kept)
    for lone in [r for r in kept if counts[r[group]] == 1 and r[0] == 0]:
        spare = next((r for r in rest if counts[r[group]] >= 2), None)
        if spare is None:
            break
        kept.remove(lone)
        counts[lone[group]] -= 1
        rest.remove(spare)
        kept.append(spare)
        counts[spare[group]] += 1
    return kept
