"""Which country a posting is for, and that country's texts (``catalog/countries.yaml``).

The country decides the non-discrimination statement, the privacy-law wording,
whether US-only items apply, the gender-neutral title suffix ("(m/w/d)") and the
locale that money and dates are written in.  :func:`posting_country` reads it
from the company's first location (an ISO code or a name, via pycountry) or
else its first remote region; :meth:`CountryTable.texts` picks the entry.
"""

# No ``from __future__ import annotations`` here: pydantic would then compile every
# field's annotation from its text as each class is made, a seventh of the time a cold
# start spends building these classes.  Quote an annotation that names a class below.

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from jdgen.models import ALWAYS, Company, Location, Source, Strict, Units, When
from jdgen.spelling import Respeller, SpellingMap, respeller
from jdgen.text import babel_knows, join_words, valid_patterns


class ExpectedBenefit(Strict):
    """A benefit the country's postings are expected to state (the UK's workplace pension):
    readiness advice when no benefit names it; never added to a posting."""

    benefit: str
    #: Regular expressions that show a benefit line is this one.
    cues: list[str] = Field(min_length=1)
    why: str

    @field_validator("cues")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        return valid_patterns(value)


class LanguageWhere(Strict):
    """Where a country's own language is worth asking about (Canada's French: a job with a
    site in Quebec, or at a company with sites across the country)."""

    #: Region codes of the company's locations ("QC").
    regions: list[str] = Field(default_factory=list)
    #: At least this many sites (the company file's ``sites``).
    min_sites: int | None = Field(default=None, ge=1)

    def holds(self, regions: list[str], sites: int | None) -> bool:
        wanted = {r.upper() for r in self.regions}
        if any(r.strip().upper() in wanted for r in regions):
            return True
        return self.min_sites is not None and sites is not None and sites >= self.min_sites


class CollectivePay(Strict):
    """Pay and hours under a collective agreement, and the levels usually paid outside it
    (Germany's außertariflich executives): readiness advice when such a benefit is offered
    to them (give the benefit ``levels`` to keep it to the others)."""

    cues: list[str] = Field(min_length=1)
    levels: list[str] = Field(min_length=1)
    why: str

    @field_validator("cues")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        return valid_patterns(value)


class RegionLaw(Strict):
    """A state's or province's own law, in place of the country's wording."""

    safety_law: str | None = None
    privacy_laws: str | None = None
    working_time_law: str | None = None
    environment_law: str | None = None
    #: The state's or province's own named laws, key by key over the country's ``laws``.
    laws: dict[str, str] = Field(default_factory=dict)


class HiringLaw(Strict):
    """A sentence the law where the job is puts into a posting, or that postings there
    carry as a matter of course: the UK's right-to-work check, a California or New York
    City fair-chance statement, a bank's background check under Section 19 of the
    Federal Deposit Insurance Act.  It applies where every condition holds."""

    id: str
    text: str
    #: Where it goes: the location section (work authorization), How to apply (checks
    #: before an offer is final) or the equal-opportunity section (fair chance).
    section: Literal["location", "apply", "equal-opportunity"] = "apply"
    #: The job's state or province, as a code or a name (CA, California); any location.
    regions: list[str] = Field(default_factory=list)
    #: The job's city (New York, Brooklyn …), any case; any location.
    cities: list[str] = Field(default_factory=list)
    #: Catalog conditions on the company and role (industries, min_headcount …).
    when: When = Field(default_factory=lambda: ALWAYS)
    #: Regular expressions, one of which the company's name, about or description must
    #: match: what shows it is a bank or an FCA-authorised firm (case ignored).
    company_cues: list[str] = Field(default_factory=list)
    #: Only where the company file does not say whether it sponsors visas (its own
    #: sponsorship sentence then says who may work here).
    unless_sponsorship: bool = False
    #: Regular expressions that show the company's own wording already says it (its
    #: equal_opportunity or how_to_apply text): then it is not added.
    said_cues: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)

    @field_validator("company_cues", "said_cues")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        return valid_patterns(value)

    def where(self, locations: list[Location]) -> bool:
        """Is the job in one of the regions and cities named (when any are)?"""
        regions = {r.strip().lower() for r in self.regions}
        cities = {c.strip().lower() for c in self.cities}
        for loc in locations or [Location.trusted()]:  # no validator to build for a blank
            if regions and (loc.region or "").strip().lower() not in regions:
                continue
            if cities and (loc.city or "").strip().lower() not in cities:
                continue
            return True
        return False

    def about(self, company: Company) -> bool:
        """Does the company's own account of itself show what ``company_cues`` look for?"""
        if not self.company_cues:
            return True
        told = " ".join(t for t in (company.name, company.about, company.description) if t)
        return any(re.search(p, told, re.IGNORECASE) for p in self.company_cues)

    def said(self, company: Company) -> bool:
        own = " ".join(t for t in (company.equal_opportunity, company.how_to_apply) if t)
        return bool(own) and any(re.search(p, own, re.IGNORECASE) for p in self.said_cues)


class LabourRelations(Strict):
    """The duties of working with a union, in a country's own terms."""

    #: For a manager who runs frontline teams under the agreement.
    line: str
    #: For an executive or VP who sets the company's labour policy.
    policy: str
    #: For a supervisor who applies the agreement shift by shift; unset: ``line``.
    shift: str | None = None
    #: For improvement work (time studies, performance measures, new standard work),
    #: which co-determination or the agreement governs; unset: ``line``.
    improvement: str | None = None


def labour_relations(found: LabourRelations | None) -> dict[str, str]:
    """``{{ country.labour_relations.* }}``: a missing ``shift`` wording is the ``line`` one."""
    lr = found or LabourRelations.trusted(line="", policy="")
    return {
        "line": lr.line,
        "policy": lr.policy,
        "shift": lr.shift or lr.line,
        "improvement": lr.improvement or lr.line,
    }


class CountryEntry(Strict):
    """One country's texts (or the generic EU entry, or the fallback)."""

    code: str
    name: str
    #: How it reads in a sentence ("the United Kingdom"; default: ``name``).
    in_sentence: str | None = None
    #: How the country reads after a city in the location line (default: ``name``).
    label: str | None = None
    aliases: list[str] = Field(default_factory=list)
    #: Babel locale; ``en_{code}`` means the country's own English locale when Babel has one.
    locale: str
    #: US-only items apply: FLSA status, E-Verify, veteran status.
    us_items: bool = False
    #: Benefits its postings are expected to state (readiness advice when missing).
    expected_benefits: list[ExpectedBenefit] = Field(default_factory=list)
    #: Collective-agreement pay and the levels paid outside it (readiness advice).
    collective_pay: CollectivePay | None = None
    #: The country's own language where it is not English: a posting in English for a
    #: job there should say whether it is needed (readiness advice).
    language: str | None = None
    #: Only where this holds (default: every posting for the country).
    language_where: LanguageWhere | None = None
    #: How weights are written: ``imperial`` (pounds) in the US, else kilograms.
    units: Units = "metric"
    #: The variety of English its postings are spelt in (a key of ``spellings``); default:
    #: the table's ``spelling_countries``, else the catalog's own (American) spelling.
    spelling: str | None = None
    title_suffix: str | None = None
    privacy_laws: str
    #: The workplace-safety law a duty keeps to, named ("OSHA standards", "the Health and
    #: Safety at Work etc. Act 1974"): ``{{ country.safety_law }}``.
    safety_law: str = "workplace-safety law"
    #: The law on working time and schedules ("the Working Time Regulations 1998"):
    #: ``{{ country.working_time_law }}``.
    working_time_law: str = "working-time rules"
    #: The environmental law a plant's permits come under ("the Federal Immission
    #: Control Act (BImSchG)"): ``{{ country.environment_law }}``.
    environment_law: str = "environmental permits and rules on emissions and waste"
    #: The laws a kind of work comes under, named as the country names them (key: what
    #: the law is about, e.g. ``forklifts``, ``aml``): ``{{ country.laws.forklifts }}``.
    #: A key the entry does not give is the fallback entry's (its generic wording).
    laws: dict[str, str] = Field(default_factory=dict)
    #: Where a state or province has its own law (key: a region code of the job's
    #: location): Ontario's Occupational Health and Safety Act, Quebec's privacy law.
    regions: dict[str, RegionLaw] = Field(default_factory=dict)
    #: The duties of working with a union, in the country's own terms (the collective
    #: bargaining agreement and stewards in the US, the works council in Germany):
    #: ``{{ country.labour_relations.line }}`` / ``.policy``; default: the fallback's.
    labour_relations: LabourRelations | None = None
    #: Sentences the law where the job is puts into a posting (:class:`HiringLaw`).
    hiring_law: list[HiringLaw] = Field(default_factory=list)
    #: What the country's statement names, for lint ("the Equality Act 2010").
    statement_law: str | None = None
    #: Regular expressions that show a statement names it.
    statement_cues: list[str] = Field(default_factory=list)
    equal_opportunity: str
    #: The pay sentence where the country says pay its own way ("… gross per year" in
    #: Germany); default: posting.yaml's ``sentences.pay``.  {{ low }}, {{ high }}, {{ period }}.
    pay: str | None = None
    sources: list[Source] = Field(min_length=1)

    @field_validator("statement_cues")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        return valid_patterns(value)


class HiringStatements(Strict):
    existing_vacancy: str
    future_vacancy: str
    ai_screening: str
    no_ai_screening: str


#: :meth:`CountryTable.code_of`'s answers, per table (kept with them).
_CODES: "dict[int, tuple[CountryTable, dict[str, str | None]]]" = {}


class CountryTable(Strict):
    """``catalog/countries.yaml``."""

    default: str
    default_locale: str
    eu_members: list[str]
    countries: list[CountryEntry]
    fallback: CountryEntry
    #: Wording that belongs only in US postings (regular expressions).
    us_only_terms: list[str] = Field(default_factory=list)
    #: Sentences saying whether the vacancy exists and whether AI screens applicants.
    hiring_statements: HiringStatements
    #: Countries outside the EU where the GDPR (or the UK GDPR) applies too.
    gdpr_area: list[str] = Field(default_factory=list)
    #: How the GDPR is named beside another country's privacy laws.
    gdpr_laws: str = "the GDPR"
    #: Word maps from the catalog's American spelling to other varieties (en-GB, en-CA).
    spellings: dict[str, SpellingMap] = Field(default_factory=dict)
    #: Countries without an entry of their own that write a variety: ``en-GB: [AU, NZ]``.
    spelling_countries: dict[str, list[str]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _known_spellings(self) -> "CountryTable":
        named = [(f"countries.{c.code}.spelling", c.spelling) for c in self.countries]
        named.append(("fallback.spelling", self.fallback.spelling))
        named += [(f"spellings.{k}.based_on", v.based_on) for k, v in self.spellings.items()]
        named += [(f"spelling_countries.{k}", k) for k in self.spelling_countries]
        for where, variety in named:
            if variety and variety not in self.spellings:
                choices = ", ".join(sorted(self.spellings)) or "none defined"
                raise ValueError(
                    f"{where}: unknown spelling '{variety}' (expected one of {choices})"
                )
        return self

    def respeller(self, variety: str | None) -> Respeller | None:
        """The compiled word map of a variety (None: the catalog's own spelling)."""
        return respeller(self.spellings, variety)

    def spelling_of(self, code: str, entry: CountryEntry) -> str | None:
        """The variety a country's postings are spelt in."""
        if entry.spelling:
            return entry.spelling
        return next((v for v, codes in self.spelling_countries.items() if code in codes), None)

    @field_validator("us_only_terms")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        return valid_patterns(value)

    def entry(self, code: str) -> CountryEntry | None:
        return next((c for c in self.countries if c.code == code), None)

    def names(self) -> dict[str, str]:
        """The countries' names and aliases, lower case without "the " → ISO code."""
        names: dict[str, str] = {}
        for c in self.countries:
            if len(c.code) == 2 and c.code != "EU":
                for alias in (c.code, c.name, *c.aliases):
                    names[alias.lower().removeprefix("the ")] = c.code
        return names

    def us_only(self) -> re.Pattern[str] | None:
        """One case-insensitive pattern for :attr:`us_only_terms` as whole words (a term
        may say ``(?-i:DOT)`` to match its case only), or None when there are none."""
        return _words_pattern(tuple(self.us_only_terms)) if self.us_only_terms else None

    def code_of(self, text: str) -> str | None:
        """ISO code (or ``EU``) for a country name, alias or code; None if not a country.
        Remembered per table: every posting asks it of the company's places."""
        held = _CODES.get(id(self))
        if held is None or held[0] is not self:
            if len(_CODES) >= 16:
                _CODES.clear()
            held = _CODES[id(self)] = (self, {})
        known = held[1]
        if text not in known:
            if len(known) >= 4096:
                known.clear()
            known[text] = self._code_of(text)
        return known[text]

    def _code_of(self, text: str) -> str | None:
        key = text.strip().lower().rstrip(".")
        if not key:
            return None
        for c in self.countries:
            if key in {c.code.lower(), c.name.lower(), *(a.lower().rstrip(".") for a in c.aliases)}:
                return c.code
        if key in ("eu", "european union", "eea", "european economic area", "europe"):
            return "EU"
        return _pycountry_code(text.strip())

    def texts(self, code: str | None) -> "Country":
        """The texts for a posting in country ``code`` (None: the default country)."""
        code = code or self.default
        entry = self.entry(code)
        if entry is None:
            generic = self.entry("EU") if code in self.eu_members else None
            entry = generic or self.fallback
            name = _pycountry_name(code) or entry.name
            entry = entry.model_copy(update={"name": name, "label": None, "in_sentence": None})
        if entry.labour_relations is None:
            entry = entry.model_copy(update={"labour_relations": self.fallback.labour_relations})
        if entry is not self.fallback:
            entry = entry.model_copy(update={"laws": {**self.fallback.laws, **entry.laws}})
        locale = _locale(entry.locale.replace("{code}", code), self.default_locale)
        spelling = self.spelling_of(code, entry)
        return Country(
            code=None if code in ("EU", "other") else code,
            entry=entry,
            locale=locale,
            spelling=spelling,
        )


@dataclass(frozen=True)
class Country:
    """The country a posting is for: its ISO code (None when not one country) and texts."""

    code: str | None
    entry: CountryEntry
    locale: str
    #: The variety of English the posting is spelt in (None: the catalog's own).
    spelling: str | None = None

    @property
    def label(self) -> str:
        return self.entry.label or self.entry.name

    def placeholders(self) -> dict[str, Any]:
        """``{{ country.* }}`` in catalog text."""
        e = self.entry
        return {
            "code": self.code or e.code,
            "name": e.name,
            "privacy_laws": e.privacy_laws,
            "safety_law": e.safety_law,
            "working_time_law": e.working_time_law,
            "environment_law": e.environment_law,
            "us_items": e.us_items,
            "laws": dict(e.laws),
            "labour_relations": labour_relations(e.labour_relations),
        }


@lru_cache(maxsize=8)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(words) + r")(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=512)
def _pycountry_code(text: str) -> str | None:
    import pycountry

    try:
        return str(pycountry.countries.lookup(text).alpha_2)
    except LookupError:
        return None


@lru_cache(maxsize=512)
def _pycountry_name(code: str) -> str | None:
    import pycountry

    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        return None
    return str(getattr(found, "common_name", None) or found.name)


@lru_cache(maxsize=64)
def _locale(wanted: str, default: str) -> str:
    """``wanted`` if Babel knows it, else ``default``."""
    return wanted if babel_knows(wanted) else default


def check_locale(value: str) -> str | None:
    """A problem with a ``locale`` setting, or None when Babel knows it."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(value)
    except (UnknownLocaleError, ValueError):
        return f"unknown locale '{value}' (expected a Babel locale such as en_US, en_GB, en_DE)"
    return None


def posting_country(company: Company, table: CountryTable) -> Country:
    """The country of the company's first location with a country, else of its first
    remote region that names one, else the default country; its privacy laws name the
    GDPR too when the company works where it applies (:func:`with_gdpr`)."""
    return with_gdpr(with_region(_first_country(company, table), company), company, table)


def with_region(country: Country, company: Company) -> Country:
    """The country with its state's or province's own laws, for the first location that
    names a region with an entry (Ontario's Occupational Health and Safety Act)."""
    by_region = {k.upper(): v for k, v in country.entry.regions.items()}
    for loc in company.locations:
        law = by_region.get((loc.region or "").strip().upper())
        if law:
            own = {k: v for k, v in law.model_dump().items() if v is not None and k != "laws"}
            own["laws"] = {**country.entry.laws, **law.laws}
            return replace(country, entry=country.entry.model_copy(update=own))
    return country


def _first_country(company: Company, table: CountryTable) -> Country:
    for loc in company.locations:
        if loc.country:
            code = table.code_of(loc.country)
            return table.texts(code or "other")
    for region in company.remote_regions:
        code = table.code_of(region)
        if code:
            return table.texts(code)
    return table.texts(None)


def in_gdpr_area(code: str | None, table: CountryTable) -> bool:
    return bool(code) and (code == "EU" or code in table.eu_members or code in table.gdpr_area)


def with_gdpr(country: Country, company: Company, table: CountryTable) -> Country:
    """A country outside the GDPR's reach whose company has a location or hires remotely
    in the EU, the EEA or the UK: its privacy laws and the GDPR ("US state privacy laws
    and the GDPR").  A company that works only outside it is not told about the GDPR."""
    if in_gdpr_area(country.code, table):
        return country
    places = [loc.country for loc in company.locations if loc.country]
    places += list(company.remote_regions)
    if not any(in_gdpr_area(table.code_of(p), table) for p in places):
        return country
    laws = join_words([country.entry.privacy_laws, table.gdpr_laws])
    entry = country.entry.model_copy(update={"privacy_laws": laws})
    return replace(country, entry=entry)


def written_out(loc: Location, table: CountryTable) -> Location:
    """The location with its country written out ("DE" → "Germany"; the US stays "US")."""
    if not loc.country:
        return loc
    code = table.code_of(loc.country)
    if code is None or code == "EU":
        return loc
    return loc.model_copy(update={"country": table.texts(code).label})


def hiring_statements(company: Company, table: CountryTable) -> list[str]:
    """What the company says about the vacancy and AI screening (settings left out: nothing)."""
    text = table.hiring_statements
    out = []
    if company.existing_vacancy is not None:
        out.append(text.existing_vacancy if company.existing_vacancy else text.future_vacancy)
    if company.ai_screening is not None:
        out.append(text.ai_screening if company.ai_screening else text.no_ai_screening)
    return out


def title_with_suffix(title: str, company: Company, country: Country) -> str:
    """The posted title with the country's gender-neutral suffix, unless the company
    setting ``title_suffix`` turns it off (false) or gives another one."""
    setting = company.title_suffix
    if setting is False:
        return title
    suffix = setting if isinstance(setting, str) else country.entry.title_suffix
    if not suffix or suffix.lower() in title.lower():
        return title
    return f"{title} {suffix}"
