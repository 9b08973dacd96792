"""A posting in its country's English (``spellings`` in ``catalog/countries.yaml``).

The catalog is written in American English.  A posting for a country whose
entry names another variety (``spelling: en-GB``) is respelt here, once, after
tailoring: :func:`respell_posting` runs the variety's word map over every text
of the JobDescription.  The company's own words are never changed: a bullet
or section that comes from the company file or the command line is left as it
is, and inside a catalog sentence any stretch that is one of the company's
values (its name, a benefit, its commission plan …) is kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import Field

from jdgen.models import Bullet, JobDescription, Section, Strict

#: Company fields whose section or bullet is the company's own text, as a whole.
_OWN = frozenset({"about", "description", "equal_opportunity", "benefits"})


class SpellingMap(Strict):
    """One variety's changes to the catalog's American spelling."""

    #: Another variety whose changes this one makes too (en-GB on en-CA's).
    based_on: str | None = None
    #: Whole words or phrases: ``center: centre``, ``pallet jacks: pallet trucks``.
    words: dict[str, str] = Field(default_factory=dict)
    #: Word beginnings, with whatever follows: ``organiz: organis`` (organisation …).
    stems: dict[str, str] = Field(default_factory=dict)


#: A word the map changes in a text: where it stands, as found, and as respelt.
Change = tuple[int, int, str, str]


@dataclass(frozen=True)
class Respeller:
    """A compiled word map: :meth:`__call__` respells a text, keeping protected stretches."""

    words: Mapping[str, str]
    stems: Mapping[str, str]
    pattern: re.Pattern[str] | None
    #: The changes found in each text so far (catalog sentences recur in every posting,
    #: and the map's pattern is slow to run); cleared when it grows past :data:`_KEEP`.
    found: dict[str, tuple[Change, ...]] = field(default_factory=dict, compare=False, repr=False)

    def __call__(self, text: str, keep: Iterable[str] = ()) -> str:
        if self.pattern is None or not text:
            return text
        changes = self.found.get(text)
        if changes is None:
            changes = self._changes(text)
            if len(self.found) >= _KEEP:
                self.found.clear()
            self.found[text] = changes
        if not changes:
            return text
        spans = _spans(text, keep)
        out, done = [], 0
        for start, end, was, new in changes:
            kept = any(a < end and start < b for a, b in spans)
            out += [text[done:start], was if kept else new]
            done = end
        out.append(text[done:])
        return "".join(out)

    def _changes(self, text: str) -> tuple[Change, ...]:
        assert self.pattern is not None
        return tuple(
            (m.start(), m.end(), m.group(0), _same_case(m.group(0), self._replacement(m.group(0))))
            for m in self.pattern.finditer(text)
        )

    def _replacement(self, found: str) -> str:
        key = _key(found)
        if key in self.words:
            return self.words[key]
        stem = max((s for s in self.stems if key.startswith(s)), key=len)
        return self.stems[stem] + found[len(stem) :]


#: Texts whose changes a respeller keeps.
_KEEP = 20_000


def _key(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())


def _spans(text: str, keep: Iterable[str]) -> list[tuple[int, int]]:
    """Where the kept values stand in ``text`` as whole words (a value "standard" does not
    keep "standardized")."""
    spans = []
    for value in keep:
        if value not in text:
            continue
        for m in re.finditer(r"(?<!\w)" + re.escape(value) + r"(?!\w)", text):
            spans.append((m.start(), m.end()))
    return spans


def _same_case(found: str, new: str) -> str:
    """``new`` in the case of ``found``: Center → Centre, CENTER → CENTRE."""
    if found.isupper() and len(found) > 1:
        return new.upper()
    if found[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def _phrase(key: str) -> str:
    return re.escape(key).replace("'", "['\u2019]").replace(r"\ ", r"\s+")


@lru_cache(maxsize=32)
def _compile(words: tuple[tuple[str, str], ...], stems: tuple[tuple[str, str], ...]) -> Respeller:
    word_map = {_key(k): v for k, v in words}
    stem_map = {_key(k): v for k, v in stems}
    parts = [_phrase(k) for k in sorted(word_map, key=len, reverse=True)]
    parts += [_phrase(k) + r"[a-z]*" for k in sorted(stem_map, key=len, reverse=True)]
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)
    return Respeller(word_map, stem_map, pattern if parts else None)


def respeller(spellings: Mapping[str, SpellingMap], variety: str | None) -> Respeller | None:
    """The compiled map of ``variety`` and the varieties it is based on; None for the
    catalog's own spelling (no variety, or one that changes nothing)."""
    words: dict[str, str] = {}
    stems: dict[str, str] = {}
    seen: set[str] = set()
    while variety and variety not in seen and variety in spellings:
        seen.add(variety)
        entry = spellings[variety]
        words = {**entry.words, **words}
        stems = {**entry.stems, **stems}
        variety = entry.based_on
    if not words and not stems:
        return None
    return _compile(tuple(sorted(words.items())), tuple(sorted(stems.items())))


def company_words(*models: Any) -> tuple[str, ...]:
    """Every string the company file and the posting options give (names, benefits,
    the about text …), longest first: the stretches a respelling keeps."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            if len(value.strip()) > 2:
                found.add(value.strip())
        elif isinstance(value, Mapping):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)

    for model in models:
        if model is not None:
            walk(model.model_dump(mode="json", exclude_defaults=True))
    return tuple(sorted(found, key=len, reverse=True))


def respell_posting(
    jd: JobDescription, spell: Respeller | None, keep: tuple[str, ...]
) -> JobDescription:
    """``jd`` in the variety of ``spell``: headings, paragraphs, bullets and the text facts
    of its metadata, leaving the company's own words as they are."""
    if spell is None:
        return jd

    def text(value: str) -> str:
        return spell(value, keep)

    sections = [_section(s, text) for s in jd.sections]
    m = jd.metadata
    metadata = m.updated(
        travel=text(m.travel) if m.travel else m.travel,
        physical_demands=[text(d) for d in m.physical_demands],
        education=text(m.education) if m.education else m.education,
        team=text(m.team) if m.team else m.team,
        reports_to=m.reports_to.updated(title=text(m.reports_to.title)),
        skills=[s.updated(name=text(s.name)) for s in m.skills],
        incentive_compensation=(
            text(m.incentive_compensation) if m.incentive_compensation else None
        ),
        eligibility_to_work=text(m.eligibility_to_work) if m.eligibility_to_work else None,
    )
    title = jd.title if jd.title in keep else text(jd.title)
    return jd.updated(title=title, sections=sections, metadata=metadata)


def _own(source: Any) -> bool:
    """Is this the company's or the user's own text, as a whole (not a catalog sentence
    filled with their values, such as the standard driving-licence line)?"""
    if source is None:
        return False
    return source.kind == "user" or (source.kind == "company" and source.ref in _OWN)


def _bullets(bullets: list[Bullet], text: Any) -> list[Bullet]:
    return [b if _own(b.source) else b.updated(text=text(b.text)) for b in bullets]


def _section(s: Section, text: Any) -> Section:
    if _own(s.source):
        return s
    subsections = [
        sub.updated(
            heading=sub.heading if _own(sub.source) else text(sub.heading),
            paragraphs=sub.paragraphs if _own(sub.source) else [text(p) for p in sub.paragraphs],
            bullets=_bullets(sub.bullets, text),
        )
        for sub in s.subsections
    ]
    facts = [f.updated(label=text(f.label), value=text(f.value)) for f in s.facts]
    return s.updated(
        heading=text(s.heading),
        paragraphs=[text(p) for p in s.paragraphs],
        bullets=_bullets(s.bullets, text),
        subsections=subsections,
        facts=facts,
    )
