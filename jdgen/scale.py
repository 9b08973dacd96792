"""Headcount rules: what follows from the size of the company, not only its band.

Pure functions of catalog data and numbers, used by :mod:`jdgen.tailor`:

* :func:`headcount` — the company's headcount (its own number, else the band's
  typical one);
* :func:`sites` and :func:`countries` — the company's own numbers, else the
  band's defaults;
* :func:`team_size` — one team figure for the headcount ("eight", "30"), never more than
  a sensible share of the company;
* :func:`years` — years of experience interpolated between the bands on a log
  scale, so that 99 and 100 people ask for almost the same;
* :func:`below_usual` and :func:`usual_titles` — whether the role's title is
  unusual at this headcount, and which roles usually do the work there.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping

from jdgen.models import DEFAULT_KEY, Company, CompanySize, Level, Role

#: Team sizes are rounded down to one of these, so postings say "about 12", not "about 13".
NICE = (2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 150, 200, 300, 500)

#: The largest share of a company one team may hold.
TEAM_SHARE = 0.4


def headcount(company: Company, size: CompanySize) -> int:
    """The company's headcount: the number it gave, else the band's typical headcount."""
    value = company.size
    if isinstance(value, int):
        return value
    if value.strip().isdigit():
        return int(value.strip())
    return size.typical_headcount


def sites(company: Company, size: CompanySize, people: int) -> int:
    """Number of sites: the company's own, else the band's default (never more than people)."""
    return company.sites or max(1, min(size.sites, people))


def countries(company: Company, size: CompanySize, n_sites: int) -> int:
    """Number of countries: the company's own, else the band's default (never more than sites)."""
    return company.countries or max(1, min(size.countries, n_sites))


def _nice_floor(n: float) -> int:
    best = 1
    for v in NICE:
        if v <= n:
            best = v
    return best


#: Team figures up to this are written as words ("eight people"), larger ones as digits.
_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def team_count(
    low: int, high: int, people: int, band: tuple[int, int | None], share: float = TEAM_SHARE
) -> int:
    """One team figure between ``low`` and ``high`` for ``people``: where the headcount
    sits in its band (``band``: the band's smallest and largest headcount; no largest:
    ten times the smallest), on a log scale as for years, so a team grows with the
    company and 99 and 100 people lead alike; rounded to a figure a person would say
    ("eight", "30") and never more than ``share`` of the company, but two at the least
    where ``low`` is (a text written for "people" is never about one)."""
    first, last = band
    top = last if last is not None and last > first else first * 10
    span = math.log10(max(top, 2)) - math.log10(max(first, 1))
    pos = (math.log10(max(people, 1)) - math.log10(max(first, 1))) / span if span > 0 else 0.0
    pos = min(max(pos, 0.0), 1.0)
    n = math.floor(low + (high - low) * pos + 0.5)
    n = _nice_floor(n) if n > 6 else n
    cap = _nice_floor(people * share) if people * share >= 2 else 1
    return max(min(n, cap), min(low, 2), 1)


def team_size(n: int, one: str = "", many: str = "") -> str:
    """``n`` as a posting says it: a word up to ten, digits above; with nouns, the noun
    for one ("a CRM administrator") or for several ("four analysts")."""
    if n == 1 and one:
        from jdgen.text import article

        return f"{article(one)} {one}"
    said = _WORDS[n - 1] if 1 <= n <= len(_WORDS) else str(n)
    return f"{said} {many}" if many else said


def size_keys(sizes: Mapping[str, CompanySize], size_id: str) -> tuple[str, ...]:
    """The chain of size ids a by-size map is read with: the band, then its fallbacks."""
    chain: list[str] = []
    current: str | None = size_id
    while current is not None and current not in chain:
        chain.append(current)
        band = sizes.get(current)
        current = band.fallback if band else None
    return tuple(chain)


def years(role: Role, level: Level, sizes: Mapping[str, CompanySize], people: int) -> int | None:
    """Years of experience for ``people``: the role's by-size values over the level's,
    interpolated between band anchors on a log scale and clamped at the ends."""
    own = role.qualifications.years
    merged: dict[str, int] = dict(level.years)
    if DEFAULT_KEY in own:
        merged = {k: own[DEFAULT_KEY] for k in (merged or {DEFAULT_KEY: 0})}
    merged.update({k: v for k, v in own.items() if k != DEFAULT_KEY})
    anchors = sorted(
        (math.log10(band.typical_headcount), float(merged[band.id]))
        for band in sizes.values()
        if band.id in merged
    )
    if not anchors:
        return merged.get(DEFAULT_KEY)
    x = math.log10(max(people, 1))
    if x <= anchors[0][0]:
        return round(anchors[0][1])
    for (x0, y0), (x1, y1) in itertools.pairwise(anchors):
        if x <= x1:
            y = y0 + (y1 - y0) * (x - x0) / (x1 - x0) if x1 > x0 else y1
            return math.floor(y + 0.5)
    return round(anchors[-1][1])


def below_usual(role: Role, people: int) -> bool:
    """Is the company smaller than where the role's title is usual?"""
    return people < role.min_headcount


def usual_titles(role: Role, titles: Mapping[str, str]) -> list[str]:
    """Titles of the roles that usually do this work below ``min_headcount``."""
    return [titles.get(ref, ref) for ref in role.usual_below]
