"""Read a posting into what the checks look at: its title, blocks of text and facts.

A :class:`Posting` holds the title, the text as blocks (headings, paragraphs,
bullets, each knowing the section it is in) and the facts the pay-transparency
and completeness checks need: where the job is, how it is worked, the pay, the
benefits, how to apply, the equal-opportunity statement and the posting date.

From a :class:`~jdgen.models.JobDescription` the facts come from its metadata;
from a file (.md, .txt, .html, .docx: :mod:`jdgen.lint.readers`) they are read from the text as well as
plain patterns allow: pay ranges such as "$120,000–$150,000 per year", places
such as "Denver, CO" or "Remote (US)", and "Posted: 2025-03-01".
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from jdgen.errors import JdgenError
from jdgen.lint.readers import Block as Block  # re-exported: what a posting is made of
from jdgen.lint.readers import check_size, jsonld_objects, jsonld_text, reader_for
from jdgen.lint.rules import Rules

if TYPE_CHECKING:
    from jdgen.models import JobDescription, Salary

#: Section ids of a JobDescription, and the kinds recognised from file headings.
EEO = "equal-opportunity"


@dataclass
class Place:
    """A place the job is at or open to.  ``country`` is an ISO code when known."""

    text: str
    country: str | None = None
    region: str | None = None
    city: str | None = None


@dataclass
class Pay:
    """Pay stated in the posting: a range, a single figure, or an open-ended one ("up to $X")."""

    kind: Literal["range", "single", "open"]
    text: str
    #: The figures, when they could be read (a single figure is both).
    low: float | None = None
    high: float | None = None
    #: ISO code when the text says it ("CA$", "EUR", "€"); a bare "$" is not known.
    currency: str | None = None
    period: str = "year"

    def yearly(self, amount: float, hours_per_year: int = 2080) -> float:
        per_year = {"hour": hours_per_year, "day": 260, "week": 52, "month": 12}
        return amount * per_year.get(self.period, 1)

    def yearly_high(self, hours_per_year: int = 2080) -> float | None:
        return None if self.high is None else self.yearly(self.high, hours_per_year)

    def yearly_width(self, hours_per_year: int = 2080) -> float | None:
        if self.low is None or self.high is None:
            return None
        return self.yearly(self.high - self.low, hours_per_year)


@dataclass
class Facts:
    places: list[Place] = field(default_factory=list)
    work_arrangement: str | None = None
    #: Where remote applicants may live, as written ("US", "Colorado", "EU").
    remote_regions: list[str] = field(default_factory=list)
    pay: Pay | None = None
    benefits: bool = False
    how_to_apply: bool = False
    equal_opportunity: bool = False
    date_posted: dt.date | None = None
    #: Headcount band of the employer (min, max) when known.
    employees: tuple[int, int | None] | None = None
    #: ISO code of the country the posting is for, when it can be told.
    country: str | None = None
    #: The posting is known to be in English (a jdgen posting); None: not known.
    english: bool | None = None
    #: A jdgen posting whose title is unusual at the company's headcount: the note, and
    #: the roles that usually do the work there.
    unusual_title: str | None = None
    usual_titles: list[str] = field(default_factory=list)


@dataclass
class Posting:
    source: str
    title: str
    blocks: list[Block]
    facts: Facts

    def body(self, *, include_eeo: bool = False) -> list[Block]:
        """Paragraphs and bullets (no headings); without the equal-opportunity statement."""
        return [
            b for b in self.blocks if b.kind != "heading" and (include_eeo or b.section_kind != EEO)
        ]

    def body_text(self) -> str:
        return "\n".join(b.text for b in self.body())


# ---------------------------------------------------------------------------
# From a JobDescription
# ---------------------------------------------------------------------------


def _pay_text(salary: Salary) -> str:
    """The pay as figures ("$120,000 to $150,000 per year"), from the posting's metadata."""
    from jdgen.text import money

    low, high = money(salary.min, salary.currency), money(salary.max, salary.currency)
    amount = low if salary.min == salary.max else f"{low} to {high}"
    return f"{amount} per {salary.period}"


def from_job_description(jd: JobDescription, source: str, rules: Rules) -> Posting:
    """What the checks read from a tailored posting: its structure and its metadata."""
    blocks: list[Block] = []
    for s in jd.sections:
        blocks.append(Block("heading", s.heading, s.heading, s.id, 2))
        blocks += [Block("paragraph", p, s.heading, s.id) for p in s.paragraphs]
        blocks += [Block("bullet", b.text, s.heading, s.id) for b in s.bullets]
        for sub in s.subsections:
            blocks.append(Block("heading", sub.heading, s.heading, s.id, 3))
            blocks += [Block("paragraph", p, s.heading, s.id) for p in sub.paragraphs]
            blocks += [Block("bullet", b.text, s.heading, s.id) for b in sub.bullets]
    m = jd.metadata
    pay = None
    if m.salary is not None:
        kind: Literal["range", "single"] = "range" if m.salary.min < m.salary.max else "single"
        sal = m.salary
        pay = Pay(kind, _pay_text(sal), sal.min, sal.max, sal.currency, sal.period)
    apply = jd.section("apply")
    eeo = jd.section(EEO)
    facts = Facts(
        places=[
            Place(loc.label(), loc.country, loc.region, loc.city)
            for loc in m.locations
            if loc.label()
        ],
        work_arrangement=m.work_arrangement,
        remote_regions=list(m.remote_regions),
        pay=pay,
        benefits=bool(m.benefits),
        how_to_apply=bool(m.how_to_apply or (apply and apply.paragraphs)),
        equal_opportunity=bool(eeo and eeo.paragraphs),
        date_posted=m.date_posted,
        employees=rules.size_band(m.size),
        country=m.country,
        english=m.locale.startswith("en"),
        unusual_title=m.unusual_title,
        usual_titles=list(m.usual_titles),
    )
    return Posting(source or jd.metadata.role_id, jd.title, blocks, facts)


# ---------------------------------------------------------------------------
# From a file
# ---------------------------------------------------------------------------


def read_file(path: Path, rules: Rules) -> Posting:
    """Read a posting file with the reader its suffix names (:mod:`jdgen.lint.readers`)."""
    parsed = reader_for(path).parse(path)
    check_size(path, parsed)
    if parsed.job is not None:
        return from_job_description(parsed.job, str(path), rules)
    blocks = _classify(parsed.blocks, rules)
    title = parsed.title or next((b.text for b in blocks if b.text), "")
    if not any(b.text.strip() for b in blocks):
        raise JdgenError(f"{path}: no text found")
    # The name as shown: a file name in another encoding shows its odd bytes as "�".
    shown = os.fsencode(path).decode("utf-8", "replace")
    posting = Posting(shown, title, blocks, Facts())
    posting.facts = detect_facts(posting, rules, parsed.jsonld)
    return posting


def _classify(blocks: list[Block], rules: Rules) -> list[Block]:
    """Give every block the heading and the kind of the section it is in."""
    kinds = {
        kind: re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
        for kind, words in rules.checks.sections.items()
    }
    eeo = rules.cues["equal_opportunity"]
    heading, kind = "", ""
    out: list[Block] = []
    for b in blocks:
        if b.kind == "heading":
            heading = b.text
            kind = next((k for k, rx in kinds.items() if rx.search(b.text)), "")
        # An equal-opportunity paragraph under another heading is still the statement.
        this = EEO if b.kind != "heading" and kind != EEO and eeo.search(b.text) else kind
        out.append(Block(b.kind, b.text, heading, this, b.level))
    return out


# ---------------------------------------------------------------------------
# Facts from text
# ---------------------------------------------------------------------------


def _us_states() -> dict[str, str]:
    """The US states and DC by postal code ("CO": "Colorado"), from ISO 3166-2 via
    pycountry; kept in jdgen's on-disk cache so that linting need not load pycountry."""
    from jdgen import cache

    name = f"us-states-{cache.key_of('pycountry', cache.package_stamp('pycountry'))}.json"
    data = cache.read_bytes(name)
    if data is not None:
        try:
            table = json.loads(data)
            if isinstance(table, dict) and table:
                return {str(k): str(v) for k, v in table.items()}
        except ValueError:
            pass
    import pycountry

    subdivisions = pycountry.subdivisions.get(country_code="US")  # type: ignore[no-untyped-call]
    table = {
        sub.code.removeprefix("US-"): sub.name
        for sub in sorted(subdivisions, key=lambda s: s.code)
        if sub.type in ("State", "District")
    }
    cache.write_bytes(name, json.dumps(table).encode("utf-8"))
    return table


US_STATES = _us_states()
STATE_CODES = {name.lower(): code for code, name in US_STATES.items()}

_CUR = r"(?:US\$|CA\$|A\$|[$€£]|USD|EUR|GBP|CAD|AUD|CHF)"
_NUM = r"\d{1,3}(?:[,.\u202f ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_K = r"(?:\s?[kK](?![a-zA-Z]))?"
AMOUNT = rf"(?:{_CUR}\s?(?:{_NUM}){_K}|(?:{_NUM}){_K}\s?{_CUR})"
_DASH = r"\s*(?:-|–|—|to|and)\s*"
_BIG = r"(?!\s*(?:million|billion|thousand|mn\b|bn\b|m\b|b\b|M\b))"
#: A currency: every pay pattern below has one, so a text without one is not searched
#: with them (compiling them takes longer than the rest of a lint of such a posting).
_CURRENCY = re.compile(_CUR, re.IGNORECASE)
_PERIOD = (
    r"(?:per|an?|/)\s?(?:hour|hr|year|yr|annum|month|week|day)\b|hourly|annually|yearly|p\.?a\.?\b"
)


@lru_cache(maxsize=1)
def _pay_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A pay range, an open-ended figure ("up to $90,000") and a single figure with its
    period, compiled on first use."""
    pay_range = re.compile(
        rf"(?:{AMOUNT}{_DASH}{_CUR}?\s?(?:{_NUM}){_K}(?:\s?{_CUR})?|(?:{_NUM}){_K}{_DASH}(?:{_NUM}){_K}\s?{_CUR}){_BIG}",
        re.IGNORECASE,
    )
    open_ended = re.compile(
        rf"(?:up to|starting (?:at|from)|from|at least|as much as|minimum of)\s+{AMOUNT}{_BIG}|{AMOUNT}\s?\+|{AMOUNT}\s+(?:and|or) (?:up|above|more){_BIG}",
        re.IGNORECASE,
    )
    single = re.compile(rf"{AMOUNT}{_BIG}\s*(?:{_PERIOD})", re.IGNORECASE)
    return pay_range, open_ended, single


_PAY_WORDS = re.compile(
    r"\b(?:salary|salaries|pay|compensation|wage|wages|base|ote|earnings|per hour|per year|hourly|annual|annually)\b",
    re.IGNORECASE,
)

_LOCATION_CUES = re.compile(
    r"\b(?:location|located|based in|based out of|office in|offices in|headquarter\w*|remote|hybrid|"
    r"on-?site|in-office|work from|this (?:role|position|job) is in|position in|open to (?:applicants|candidates|people))\b",
    re.IGNORECASE,
)
_CITY_STATE = re.compile(
    r"\b([A-Z][A-Za-z.'’-]+(?:\s[A-Z][A-Za-z.'’-]+){0,3}),\s*("
    + "|".join(US_STATES)
    + "|"
    + "|".join(sorted(US_STATES.values(), key=len, reverse=True))
    + r")\b"
)
_STATE_NAME = re.compile(
    r"\b(" + "|".join(sorted(US_STATES.values(), key=len, reverse=True)) + r")\b"
)
_REMOTE = re.compile(
    r"\b(?:(?:fully|100%|completely) remote|remote(?:[- ](?:first|friendly|only))?(?= (?:position|role|job|work|opportunity|employee|team))|"
    r"work(?:ing)? (?:from home|remotely)|telecommut\w*|wfh)\b|^remote\b|\bremote\s*[(\-–—:,]|\bremote$",
    re.IGNORECASE,
)
HYBRID = re.compile(r"\bhybrid\b", re.IGNORECASE)
ONSITE = re.compile(r"\b(?:on-?site|in-office|in office|in person|in-person)\b", re.IGNORECASE)

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE = (
    rf"\d{{4}}-\d{{2}}-\d{{2}}|(?:{_MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTHS})\.?,? \d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}"
)
_POSTED = re.compile(
    rf"\b(?:date posted|posted on|posted|posting date|published on|published|date)\s*:?\s*({_DATE})",
    re.IGNORECASE,
)


def parse_date(text: str) -> dt.date | None:
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip()).replace(",", "")
    text = re.sub(r"\.(?= )", "", text)
    for fmt in ("%Y-%m-%d", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%m/%d/%Y"):
        try:
            return dt.datetime.strptime(text.replace("Sept ", "Sep "), fmt).date()
        except ValueError:
            continue
    return None


_FIGURE = re.compile(rf"({_NUM})(\s?[kK](?![a-zA-Z]))?")
_CURRENCIES = {"CA$": "CAD", "CAD": "CAD", "US$": "USD", "USD": "USD", "€": "EUR", "EUR": "EUR",
               "£": "GBP", "GBP": "GBP", "A$": "AUD", "AUD": "AUD", "CHF": "CHF"}  # fmt: skip
_PERIOD_WORDS = re.compile(r"\b(hour|hr|hourly|day|daily|week|weekly|month|monthly)\b", re.I)


def _figure(number: str, thousands: str | None) -> float:
    digits = re.sub(r"[\s\u202f\u00a0]", "", number)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        value = float(re.sub(r"[.,]", "", digits))
    else:
        value = float(digits.replace(",", "."))
    return value * 1000 if thousands else value


def read_figures(pay: Pay, context: str) -> Pay:
    """The figures, currency and period of a pay text ("CA$90,000–CA$120,000 per year")."""
    values = [_figure(m.group(1), m.group(2)) for m in _FIGURE.finditer(pay.text)]
    if values:
        pay.low, pay.high = min(values), max(values)
    pay.currency = next((code for sym, code in _CURRENCIES.items() if sym in pay.text), None)
    period = _PERIOD_WORDS.search(context[context.find(pay.text) :] if pay.text in context else "")
    if period:
        word = period.group(1).lower()
        pay.period = {"hr": "hour", "hourly": "hour", "daily": "day", "weekly": "week"}.get(
            word, word.removesuffix("ly")
        )
    return pay


def find_pay(blocks: list[Block]) -> Pay | None:
    """The pay a posting states: a range wins; otherwise the first single or open-ended figure.

    "Up to $90,000" and "from $25 an hour" are open-ended: pay laws ask for a minimum
    and a maximum.  Blocks count when they are in a pay section or talk about pay.
    """
    first: tuple[int, int, Pay] | None = None  # (block index, position, pay)
    for i, b in enumerate(blocks):
        if not (b.section_kind == "compensation" or _PAY_WORDS.search(b.text)):
            continue
        if not _CURRENCY.search(b.text):
            continue
        pay_range, open_ended, single_figure = _pay_patterns()
        m = pay_range.search(b.text)
        if m:
            return read_figures(Pay("range", m.group(0).strip()), b.text)
        opens = [(o.start(), o.end()) for o in open_ended.finditer(b.text)]
        candidates: list[tuple[int, Pay]] = [
            (start, Pay("open", b.text[start:end].strip())) for start, end in opens
        ]
        for single in single_figure.finditer(b.text):
            if not any(start < single.end() and single.start() < end for start, end in opens):
                found = Pay("single", single.group(0).strip())
                candidates.append((single.start(), read_figures(found, b.text)))
        if candidates and first is None:
            pos, pay = min(candidates, key=lambda c: c[0])
            first = (i, pos, pay)
    return first[2] if first else None


def _province_codes() -> dict[str, str]:
    import pycountry

    return {
        str(sub.name): str(sub.code).split("-")[1]
        for sub in pycountry.subdivisions.get(country_code="CA") or []  # type: ignore[no-untyped-call]
    }


@lru_cache(maxsize=1)
def _provinces() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """Canada's provinces and territories (pycountry): name → code, "City, ON", "Ontario".
    The names are kept in the user cache directory (pycountry loads every country's
    subdivisions to give them)."""
    from jdgen.cache import cached_pickle, code_stamp, key_of, package_stamp

    key = key_of("provinces/1", code_stamp(), package_stamp("pycountry"))
    codes = cached_pickle(f"provinces-{key}.pickle", dict, _province_codes)
    names = sorted(codes, key=len, reverse=True)
    alternatives = "|".join([*sorted(codes.values()), *(re.escape(n) for n in names)])
    city = re.compile(
        rf"\b([A-Z][A-Za-z.'’-]+(?:\s[A-Z][A-Za-z.'’-]+){{0,3}}),\s*({alternatives})\b"
    )
    alone = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")
    return codes, city, alone


def _find_provinces(text: str, taken: list[tuple[int, int]], add: Callable[[Place], None]) -> None:
    codes, city_rx, alone_rx = _provinces()
    for m in city_rx.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            province = m.group(2)
            add(Place(m.group(0), "CA", codes.get(province, province), m.group(1)))
            taken.append(m.span())
    for m in alone_rx.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            add(Place(m.group(1), "CA", codes[m.group(1)]))
            taken.append(m.span())


def _find_us_places(
    text: str, rules: Rules, taken: list[tuple[int, int]], add: Callable[[Place], None]
) -> None:
    """US places: cities named alone (places.yaml), "Denver, CO", state names."""
    lowered = text.lower()
    for name, city_entry in rules.places.cities.items():
        at = lowered.find(name)
        if at >= 0 and (at == 0 or not lowered[at - 1].isalnum()):
            add(Place(city_entry.name, "US", city_entry.region, city_entry.name))
            taken.append((at, at + len(name)))
    for m in _CITY_STATE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        city, state = m.group(1), m.group(2)
        code = state if state in US_STATES else STATE_CODES.get(state.lower())
        add(Place(m.group(0), "US", code, city))
        taken.append(m.span())
    for m in _STATE_NAME.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        name = m.group(1)
        add(Place(name, "US", STATE_CODES[name.lower()]))
        taken.append(m.span())


def find_places(texts: Iterable[str], rules: Rules) -> list[Place]:
    """Places named in location wording: "Denver, CO", "New York City", "Germany" …"""
    places: list[Place] = []
    seen: set[tuple[str | None, str | None, str | None]] = set()

    def add(place: Place) -> None:
        key = (place.country, place.region, (place.city or "").lower() or None)
        if key not in seen:
            seen.add(key)
            places.append(place)

    countries = country_names(rules)
    country_rx = re.compile(
        r"(?<![\w])("
        + "|".join(re.escape(c) for c in sorted(countries, key=len, reverse=True) if len(c) > 2)
        + r")(?![\w])",
        re.IGNORECASE,
    )
    for text in texts:
        taken: list[tuple[int, int]] = []  # spans already read as a place
        _find_us_places(text, rules, taken, add)
        _find_provinces(text, taken, add)
        for m in country_rx.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            name = m.group(1).lower().removeprefix("the ")
            code = countries.get(name)
            known = any(p.country == code for p in places)
            if code and not (code in ("US", "CA") and known):
                add(Place(m.group(1), code))
    return places


def detect_facts(posting: Posting, rules: Rules, jsonld: dict[str, Any] | None = None) -> Facts:
    body = posting.body()
    texts = [b.text for b in body]
    everything = " \n".join([posting.title, *(b.text for b in posting.blocks)])
    cues = rules.cues
    location_texts = [posting.title] + [
        b.text
        for b in posting.blocks
        if b.section_kind == "location" or (b.kind != "heading" and _LOCATION_CUES.search(b.text))
    ]
    places = find_places(location_texts, rules)
    arrangement = None
    location_blob = "\n".join(location_texts)
    if HYBRID.search(location_blob):
        arrangement = "hybrid"
    elif any(_REMOTE.search(t) for t in location_texts):
        arrangement = "remote"
    elif ONSITE.search(location_blob):
        arrangement = "on-site"
    remote_regions: list[str] = []
    if arrangement == "remote":
        remote_regions = _remote_regions(location_texts, rules)
    in_section = [b.text for b in posting.blocks if b.section_kind == "compensation"]
    benefits = any(cues["benefits"].search(t) for t in texts) or any(
        cues["benefits_in_section"].search(t) for t in in_section
    )
    date_posted = None
    m = _POSTED.search(everything)
    if m:
        date_posted = parse_date(m.group(1))
    facts = Facts(
        places=places,
        work_arrangement=arrangement,
        remote_regions=remote_regions,
        pay=find_pay(body),
        benefits=benefits,
        how_to_apply=any(b.section_kind == "apply" for b in body)
        or bool(cues["how_to_apply"].search(everything)),
        equal_opportunity=any(b.section_kind == EEO for b in posting.body(include_eeo=True))
        or bool(cues["equal_opportunity"].search(everything)),
        date_posted=date_posted,
    )
    if jsonld:
        _merge_jsonld(facts, jsonld, rules)
    facts.country = _country_of(facts, rules)
    return facts


def _country_of(facts: Facts, rules: Rules) -> str | None:
    """The country of the first place that names one, else of the first remote region."""
    for place in facts.places:
        if place.country:
            return country_names(rules).get(place.country.lower(), place.country)
    for region in facts.remote_regions:
        code = country_names(rules).get(region.strip().lower().removeprefix("the "))
        if code:
            return code
    return None


def country_names(rules: Rules) -> dict[str, str]:
    """Lower-case country name or alias → ISO code: the pay table's and the catalog's."""
    return {**rules.catalog_country_names, **rules.pay.country_names}


def _remote_regions(texts: list[str], rules: Rules) -> list[str]:
    """Where a remote job is open: "Remote (US)", "anywhere in the United States" …"""
    regions: list[str] = []
    names = [
        *(c for g in rules.pay.groups.values() for c in g.countries),
        *US_STATES.values(),
        *(m.name for m in rules.pay.eu_directive.member_states),
    ]
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    rx = re.compile(
        rf"(?:remote\s*[(\-–—:,]\s*|anywhere in (?:the )?|open to (?:applicants|candidates|people)"
        rf"(?: who live| based| located)? in (?:the )?|within (?:the )?|across (?:the )?)({alternatives})(?![\w])"
        rf"|(?<![\w])({alternatives})[- ]based remote",
        re.IGNORECASE,
    )
    for text in texts:
        for m in rx.finditer(text):
            name = m.group(1) or m.group(2)
            if name not in regions:
                regions.append(name)
    return regions


def _merge_jsonld(facts: Facts, data: dict[str, Any], rules: Rules) -> None:
    """Facts from a schema.org JobPosting fill what the text did not show."""
    if facts.date_posted is None and isinstance(data.get("datePosted"), str):
        facts.date_posted = parse_date(data["datePosted"][:10])
    salary = data.get("baseSalary")
    if facts.pay is None and isinstance(salary, dict):
        facts.pay = _jsonld_pay(salary)
    if data.get("jobLocationType") == "TELECOMMUTE" and facts.work_arrangement is None:
        facts.work_arrangement = "remote"
    for req in jsonld_objects(data.get("applicantLocationRequirements")):
        name = req.get("name")
        if isinstance(name, str) and name not in facts.remote_regions:
            facts.remote_regions.append(name)
    for loc in jsonld_objects(data.get("jobLocation")):
        address = loc.get("address")
        if isinstance(address, dict):
            _add_jsonld_place(facts, address, rules)


def _jsonld_pay(salary: dict[str, Any]) -> Pay | None:
    """The pay of a JobPosting's ``baseSalary``: a range, a single figure, or None."""
    value = salary.get("value")
    value = value if isinstance(value, dict) else {}
    currency = jsonld_text(salary.get("currency")) or ""
    low, high, single = (jsonld_text(value.get(k)) for k in ("minValue", "maxValue", "value"))
    if low and high:
        return Pay("range", f"{low}–{high} {currency}")
    if single:
        return Pay("single", f"{single} {currency}")
    return None


def _add_jsonld_place(facts: Facts, address: dict[str, Any], rules: Rules) -> None:
    """A ``jobLocation`` address as a place, unless the text named it already."""
    country = address.get("addressCountry")
    if isinstance(country, dict):
        country = country.get("name")
    country = jsonld_text(country)
    code = rules.pay.country_names.get((country or "").lower(), country)
    region = jsonld_text(address.get("addressRegion"))
    if code == "US" and region is not None:
        region = STATE_CODES.get(region.lower(), region)
    city = jsonld_text(address.get("addressLocality"))
    if not any((p.country, p.region, p.city) == (code, region, city) for p in facts.places):
        label = ", ".join(str(x) for x in (city, region, country) if x)
        facts.places.append(Place(label, code, region, city))
