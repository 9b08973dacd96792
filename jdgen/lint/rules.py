"""The data the checks read: ``catalog/lint/*.yaml``, validated strictly.

Word lists, thresholds and the pay-transparency table live in YAML so that an HR
person can read and extend them; this module loads them once, checks every field
(an unknown or misspelt field is an error naming the file and the field path)
and compiles the regular expressions.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from jdgen.errors import CatalogError
from jdgen.placeholders import filled
from jdgen.resources import data_dir
from jdgen.strict import Strict
from jdgen.text import valid_patterns
from jdgen.validation import validation_problems
from jdgen.yamlfile import read_yaml

if TYPE_CHECKING:
    from collections.abc import Iterable

    from jdgen.catalog import Catalog
    from jdgen.countries import CountryTable

Severity = Literal["error", "warning", "info"]

CHECK_IDS = (
    "pay-transparency",
    "exclusionary",
    "gender-coded",
    "readability",
    "length",
    "title",
    "completeness",
)


class _Strict(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, allow_inf_nan=False)


class SourceRef(_Strict):
    title: str
    url: str


# -- gender-coded.yaml ---------------------------------------------------------


class MasculineStem(_Strict):
    stem: str
    alternatives: list[str] = Field(default_factory=list)


class GenderThresholds(_Strict):
    strong: int = 3


class GenderRules(_Strict):
    sources: list[SourceRef]
    thresholds: GenderThresholds = Field(default_factory=GenderThresholds)
    masculine: list[MasculineStem]
    feminine: list[str]

    @field_validator("feminine")
    @classmethod
    def _lower(cls, value: list[str]) -> list[str]:
        return [v.lower() for v in value]

    @cached_property
    def masculine_regex(self) -> re.Pattern[str]:
        return re.compile("|".join(re.escape(m.stem) for m in self.masculine))

    @cached_property
    def feminine_regex(self) -> re.Pattern[str]:
        return re.compile("|".join(re.escape(f) for f in self.feminine))

    @cached_property
    def hyphenated(self) -> tuple[str, ...]:
        stems = [m.stem for m in self.masculine] + self.feminine
        return tuple(s for s in stems if "-" in s)


# -- exclusionary.yaml ---------------------------------------------------------


Category = Literal["jargon", "age", "ability", "culture", "gendered", "origin"]


class Term(_Strict):
    id: str
    category: Category
    severity: Severity
    patterns: list[str] = Field(min_length=1)
    reason: str
    alternative: str

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        return valid_patterns(value)


class ExclusionaryRules(_Strict):
    sources: list[SourceRef]
    terms: list[Term]

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """Every term in one pattern (one pass over the text); group ``t<i>`` is term ``i``."""
        return _terms_regex((i, t.patterns) for i, t in enumerate(self.terms))

    def term_of(self, match: re.Match[str]) -> Term:
        name = next(k for k, v in match.groupdict().items() if v is not None)
        return self.terms[int(name[1:])]

    def pattern_for(self, text: str) -> re.Pattern[str] | None:
        """A pattern that finds in ``text`` what :attr:`regex` finds, faster: only the
        terms whose leading words occur in ``text`` (a plain substring test) go into the
        pattern tried at every word; None when no term can match at all."""
        folded = text.casefold()
        wanted = tuple(
            i
            for i, anchors in enumerate(self._anchors)
            if anchors is None or any(a in folded for a in anchors)
        )
        if not wanted:
            return None
        patterns = self._patterns
        pattern = patterns.get(wanted)
        if pattern is None:
            if len(patterns) >= 256:
                patterns.clear()
            pattern = patterns[wanted] = _terms_regex((i, self.terms[i].patterns) for i in wanted)
        return pattern

    @cached_property
    def _anchors(self) -> list[tuple[str, ...] | None]:
        """Per term, the text one of whose pieces must be in a text (case-folded) for
        any of its patterns to match there; None when some pattern has no such piece."""
        found: list[tuple[str, ...] | None] = []
        for term in self.terms:
            anchors = [required_literal(p) for p in term.patterns]
            found.append(None if None in anchors else tuple(a for a in anchors if a))
        return found

    @cached_property
    def _patterns(self) -> dict[tuple[int, ...], re.Pattern[str]]:
        return {}


def _terms_regex(terms: Iterable[tuple[int, list[str]]]) -> re.Pattern[str]:
    alternatives = "|".join(f"(?P<t{i}>{'|'.join(patterns)})" for i, patterns in terms)
    return re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w])", re.IGNORECASE)


#: Characters with a meaning in a regular expression.
_REGEX_SYNTAX = frozenset(".^$*+?{}[]\\|()")


def required_literal(pattern: str) -> str | None:
    """The longest plain text every match of ``pattern`` contains, case-folded, when it
    is at least three characters long (``ninjas?`` → ``ninja``, ``(?:must|should) be
    able to (?:lift|stand)`` → `` be able to ``); None when there is none or the pattern
    has a top-level ``|``.  Groups, classes and escapes like ``\\d`` end a run of plain
    text; a quantifier takes the character before it out."""
    if _top_level_bar(pattern):
        return None
    runs: list[str] = []
    run: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch in "?*{":  # the item before is optional or repeated: not required as it is
            if run:
                run.pop()
            runs.append("".join(run))
            run = []
            i = pattern.find("}", i) + 1 if ch == "{" else i + 1
            if i == 0:
                return None  # an unclosed brace: leave the pattern alone
        elif ch == "\\" and i + 1 < len(pattern) and not pattern[i + 1].isalnum():
            run.append(pattern[i + 1])  # an escaped punctuation character: itself
            i += 2
        elif ch in _REGEX_SYNTAX:
            runs.append("".join(run))
            run = []
            i = _past_item(pattern, i)
        else:
            run.append(ch)
            i += 1
    runs.append("".join(run))
    best = max(runs, key=len)
    return best.casefold() if len(best) >= 3 else None


def _past_item(pattern: str, i: int) -> int:  # noqa: C901 - a small regex scanner (perf, issue 16)
    """The index just past the regex item at ``i`` (a group, a class, an escape …)."""
    ch = pattern[i]
    if ch == "\\":
        return i + 2
    if ch not in "([":
        return i + 1
    depth, escaped, opened = 0, False, -1  # opened: where the class we are in began
    for j in range(i, len(pattern)):
        c = pattern[j]
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif opened >= 0:
            first = j == opened + 1 or (j == opened + 2 and pattern[opened + 1] == "^")
            if c == "]" and not first:  # a "]" first in a class is itself
                if ch == "[":
                    return j + 1
                opened = -1
        elif c == "[":
            opened = j
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
    return len(pattern)


def _top_level_bar(pattern: str) -> bool:
    """Whether ``pattern`` has a ``|`` outside every group and class."""
    i = 0
    while i < len(pattern):
        if pattern[i] == "|":
            return True
        i = _past_item(pattern, i)
    return False


# -- pay-transparency.yaml -------------------------------------------------------

Verified = Literal["source", "summaries", "no"]
GroupId = Literal["US", "CA", "EU"]


class Match(_Strict):
    country: str
    regions: list[str] = Field(default_factory=list)
    cities: list[str] = Field(default_factory=list)


class MaxRange(_Strict):
    """The widest pay range a law allows, per year (hourly pay counted over ``hours_per_year``)."""

    width: float = Field(gt=0)
    currency: str
    hours_per_year: int = 2080


class LawRules(_Strict):
    """What a law asks of a posting beyond a pay range."""

    max_range: MaxRange | None = None
    vacancy_statement: bool = False
    ai_disclosure: bool = False
    #: Ids of ``banned_requirements`` the law forbids in postings.
    banned: list[str] = Field(default_factory=list)


class Amendment(_Strict):
    law: str
    effective: dt.date
    change: str
    source: str
    verified: Verified
    checked_with: list[str] = Field(default_factory=list)
    note: str | None = None


class Jurisdiction(_Strict):
    id: str
    name: str
    kind: Literal["state", "city", "district", "province", "country"]
    law: str
    #: What the posting must carry, in a phrase.
    posts: str
    effective: dt.date
    enforced_from: dt.date | None = None
    min_employees: int = Field(ge=1)
    benefits_required: bool
    in_posting: bool
    #: No pay is required when the top of the pay is above this yearly amount.
    pay_optional_above: float | None = None
    rules: LawRules = Field(default_factory=LawRules)
    amendments: list[Amendment] = Field(default_factory=list)
    match: Match
    group: GroupId
    source: str
    verified: Verified
    checked_with: list[str] = Field(default_factory=list)
    #: EU member states: how far the Directive is transposed.
    status: Literal["in-force", "partial", "draft", "none"] | None = None
    note: str | None = None

    def amendments_on(self, day: dt.date) -> list[Amendment]:
        return [a for a in self.amendments if a.effective <= day]


class MemberState(_Strict):
    code: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    status: Literal["in-force", "partial", "draft", "none"]
    #: When the national recruitment rules apply (default: the Directive's deadline).
    from_: dt.date | None = Field(default=None, alias="from")
    #: The national law asks for the pay in the advert itself.
    in_posting: bool = False
    verified: Verified = "no"
    note: str | None = None

    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, defer_build=True, allow_inf_nan=False
    )


class EuDirective(_Strict):
    law: str
    deadline: dt.date
    min_employees: int = Field(ge=1)
    benefits_required: bool
    source: str
    checked_with: list[str] = Field(default_factory=list)
    note: str | None = None
    member_states: list[MemberState]

    def jurisdiction(self, m: MemberState) -> Jurisdiction:
        # made from validated rules: not validated again (no validator to build per run)
        return Jurisdiction.trusted(
            rules=LawRules.trusted(),
            id=f"eu-{m.code.lower()}",
            name=m.name,
            kind="country",
            law=self.law,
            posts="the initial pay or its range, in the advert or before the interview",
            effective=m.from_ or self.deadline,
            min_employees=self.min_employees,
            benefits_required=self.benefits_required,
            in_posting=m.in_posting,
            match=Match.trusted(country=m.code),
            group="EU",
            source=self.source,
            verified=m.verified,
            checked_with=self.checked_with,
            status=m.status,
            note=m.note or self.note,
        )


class BannedRequirement(_Strict):
    id: str
    name: str
    patterns: list[str] = Field(min_length=1)
    try_: str = Field(alias="try")

    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, defer_build=True, allow_inf_nan=False
    )

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        return valid_patterns(value)

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return words_regex(self.patterns)


class Group(_Strict):
    countries: list[str]


#: A message of the check: text, why and try (or a phrase used inside them).
Message = dict[Literal["text", "why", "try"], str] | str


class PayRules(_Strict):
    jurisdictions: list[Jurisdiction]
    banned_requirements: list[BannedRequirement] = Field(default_factory=list)
    statements: dict[Literal["vacancy", "ai"], list[str]]
    eu_directive: EuDirective
    groups: dict[GroupId, Group]
    messages: dict[str, Message]

    @field_validator("statements")
    @classmethod
    def _statements_compile(
        cls, value: dict[Literal["vacancy", "ai"], list[str]]
    ) -> dict[Literal["vacancy", "ai"], list[str]]:
        for patterns in value.values():
            valid_patterns(patterns)
        return value

    @cached_property
    def all(self) -> list[Jurisdiction]:
        """Every jurisdiction, the EU directive expanded to one entry per member state."""
        eu = self.eu_directive
        return [*self.jurisdictions, *(eu.jurisdiction(m) for m in eu.member_states)]

    @cached_property
    def country_names(self) -> dict[str, str]:
        """Lower-case country name, code or alias → country code (US, Canada, EU members)."""
        names: dict[str, str] = {}
        for alias in self.groups["US"].countries:
            names[alias.lower()] = "US"
        for alias in self.groups["CA"].countries:
            names[alias.lower()] = "CA"
        for m in self.eu_directive.member_states:
            for alias in (m.code, m.name, *m.aliases):
                names[alias.lower().removeprefix("the ")] = m.code
        return names

    def group_of(self, name: str) -> str | None:
        """ "US" for "United States", "EU" for "Europe" …; None for anything else."""
        key = name.strip().lower().rstrip(".")
        for gid, group in self.groups.items():
            if key in {c.lower().rstrip(".") for c in group.countries}:
                return gid
        return None

    def banned_for(self, j: Jurisdiction) -> list[BannedRequirement]:
        return [b for b in self.banned_requirements if b.id in j.rules.banned]

    def statement_regex(self, kind: Literal["vacancy", "ai"]) -> re.Pattern[str]:
        return _statement_regex(tuple(self.statements[kind]))

    def say(self, key: str, **values: object) -> str:
        """A phrase of the check's wording, filled."""
        raw = self.messages[key]
        if not isinstance(raw, str):
            raise CatalogError(
                [f"catalog/lint/pay-transparency.yaml: messages.{key}: expected a phrase"]
            )
        return fill_message(raw, values)

    def message(self, key: str, **values: object) -> tuple[str, str, str]:
        """(text, why, try) of a finding, filled."""
        raw = self.messages[key]
        if isinstance(raw, str):
            raise CatalogError(
                [f"catalog/lint/pay-transparency.yaml: messages.{key}: expected text, why and try"]
            )
        return tuple(fill_message(raw.get(part, ""), values) for part in ("text", "why", "try"))  # type: ignore[return-value]


@lru_cache(maxsize=16)
def _statement_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    return words_regex(list(words))


def fill_message(text: str, values: dict[str, object]) -> str:
    """A lint message with its placeholders filled; plain ones and small conditions
    (:func:`jdgen.placeholders.filled`) without loading Jinja."""
    if "{" not in text:
        return text
    simple = filled(text, dict(values))
    if simple is not None:
        return simple
    from jdgen.templating import render_string

    return render_string(text, dict(values))


# -- checks.yaml -----------------------------------------------------------------


class Readability(_Strict):
    reading_ease_warning_below: float
    reading_ease_info_below: float
    grade_warning_above: float
    grade_info_above: float
    long_sentence_words: int
    too_few_words: int


class Length(_Strict):
    min_words: int
    max_words: int
    ideal_max_words: int


class TitleRules(_Strict):
    max_chars: int
    hype: list[str]
    #: Regular expressions for a gender-neutral marker such as "(m/w/d)" (whole words, any case).
    gender_neutral: list[str] = Field(default_factory=list)


class Language(_Strict):
    """How the gender-coded check tells that a posting is not in English."""

    #: Common English words; a posting where they are rarer than ``min_share`` is not English.
    english_words: list[str]
    min_share: float
    #: Below this many words the test is not made.
    min_words: int


class Completeness(_Strict):
    equal_opportunity: list[str]
    how_to_apply: list[str]
    work_arrangement: list[str]
    benefits: list[str]
    benefits_in_section: list[str]


class Scoring(_Strict):
    weights: dict[str, int]
    penalties: dict[Severity, float]
    gender_verdicts: dict[str, float]

    @field_validator("weights")
    @classmethod
    def _known_checks(cls, value: dict[str, int]) -> dict[str, int]:
        unknown = sorted(set(value) - set(CHECK_IDS))
        if unknown:
            raise ValueError(
                f"unknown check {', '.join(unknown)} (expected {', '.join(CHECK_IDS)})"
            )
        if sum(value.values()) != 100:
            raise ValueError(f"the weights add up to {sum(value.values())}, not 100")
        return value


class CheckRules(_Strict):
    sources: list[SourceRef]
    readability: Readability
    length: Length
    title: TitleRules
    completeness: Completeness
    sections: dict[str, list[str]]
    scoring: Scoring
    language: Language
    #: The wording of findings about the posting's country: text, why and try.
    messages: dict[str, dict[Literal["text", "why", "try"], str]] = Field(default_factory=dict)

    def message(self, key: str, **values: object) -> tuple[str, str, str]:
        raw = self.messages[key]
        parts = tuple(fill_message(raw.get(part, ""), values) for part in ("text", "why", "try"))
        return parts[0], parts[1], parts[2]


def words_regex(words: list[str]) -> re.Pattern[str]:
    """One case-insensitive regex matching any of ``words`` (regexes) as whole words."""
    return re.compile(r"(?<![\w])(?:" + "|".join(words) + r")(?![\w])", re.IGNORECASE)


# -- places.yaml -----------------------------------------------------------------


class City(_Strict):
    region: str
    name: str


class Places(_Strict):
    """Cities named on their own that pin down a US place (``places.yaml``)."""

    cities: dict[str, City]


# -- messages.yaml ---------------------------------------------------------------


class FindingText(_Strict):
    """What a finding says: the quoted ``text`` (when not the matched words), ``why`` and ``try``."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, allow_inf_nan=False
    )

    text: str | None = None
    why: str
    try_: str | None = Field(default=None, alias="try")


class Messages(_Strict):
    """The wording of the findings and summaries (``messages.yaml``), by check and rule."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, allow_inf_nan=False
    )

    gender_coded: dict[str, FindingText] = Field(alias="gender-coded")
    readability: dict[str, FindingText]
    length: dict[str, FindingText]
    title: dict[str, FindingText]
    completeness: dict[str, FindingText]
    summaries: dict[str, str]

    def of(self, check: str, rule: str) -> FindingText:
        table: dict[str, FindingText] = getattr(self, check.replace("-", "_"))
        return table[rule]


class Rules(BaseModel):
    """Everything in ``catalog/lint/``."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True, defer_build=True)

    gender: GenderRules
    exclusionary: ExclusionaryRules
    pay: PayRules
    checks: CheckRules
    messages: Messages
    places: Places
    #: The jdgen catalog the postings are checked against (``--catalog``): its size bands
    #: and countries.  None: the built-in catalog.
    catalog: Any = None

    def jd_catalog(self) -> Catalog:
        from jdgen.catalog import Catalog, builtin_catalog

        return self.catalog if isinstance(self.catalog, Catalog) else builtin_catalog()

    def size_band(self, size_id: str) -> tuple[int, int | None] | None:
        """The headcount band (min, max) of a size id of the catalog."""
        size = self.jd_catalog().sizes.get(size_id)
        return (size.headcount_min, size.headcount_max) if size else None

    @property
    def countries(self) -> CountryTable:
        return self.jd_catalog().countries

    @cached_property
    def catalog_country_names(self) -> dict[str, str]:
        """Names and aliases of the catalog's countries (``countries.yaml``) → ISO code;
        for the built-in catalog from the cached summary when there is one (a posting
        checked for its places needs no more of the catalog)."""
        if self.catalog is None:
            from jdgen.catalog_cache import cached_summary

            summary = cached_summary()
            if summary is not None:
                return dict(summary.country_names)
        return self.countries.names()

    @cached_property
    def cues(self) -> dict[str, re.Pattern[str]]:
        c = self.checks.completeness
        return {
            "equal_opportunity": words_regex(c.equal_opportunity),
            "how_to_apply": words_regex(c.how_to_apply),
            "work_arrangement": words_regex(c.work_arrangement),
            "benefits": words_regex(c.benefits),
            "benefits_in_section": words_regex(c.benefits_in_section),
            "hype": words_regex([re.escape(h) for h in self.checks.title.hype if h != "!"]),
            "gender_neutral": words_regex(self.checks.title.gender_neutral or ["(?!)"]),
        }


FILES: dict[str, type[BaseModel]] = {
    "gender-coded.yaml": GenderRules,
    "exclusionary.yaml": ExclusionaryRules,
    "pay-transparency.yaml": PayRules,
    "checks.yaml": CheckRules,
    "messages.yaml": Messages,
    "places.yaml": Places,
}


def lint_dir() -> Path:
    return data_dir("catalog") / "lint"


def load_rules(root: Path | None = None, extra_dirs: tuple[Path, ...] = ()) -> Rules:
    """Load and validate ``catalog/lint/`` (all problems at once).

    Each of ``extra_dirs`` is a user catalog directory: a file in its ``lint/`` folder
    changes only the keys it names (mappings merged key by key over the built-in file,
    anything else replaced), as ``posting.yaml`` does.
    """
    root = root or lint_dir()
    problems: list[str] = []
    loaded: dict[str, BaseModel] = {}
    for name, model in FILES.items():
        data, label, errs = _merged_file(root, name, extra_dirs)
        problems += errs
        if errs:
            continue
        try:
            loaded[name] = model.model_validate(data)
        except ValidationError as exc:
            problems += validation_problems(exc, label)
    if problems:
        raise CatalogError(problems)
    return Rules(
        gender=loaded["gender-coded.yaml"],
        exclusionary=loaded["exclusionary.yaml"],
        pay=loaded["pay-transparency.yaml"],
        checks=loaded["checks.yaml"],
        messages=loaded["messages.yaml"],
        places=loaded["places.yaml"],
    )


def _merged_file(
    root: Path, name: str, extra_dirs: tuple[Path, ...]
) -> tuple[object, str, list[str]]:
    """One rules file's data with the user catalogs' ``lint/<name>`` merged over it; the label
    of the last file read (for messages); problems."""
    from jdgen.catalog import merge_over

    path = root / name
    label = f"catalog/lint/{name}" if root == lint_dir() else str(path)
    if not path.is_file():
        return None, label, [f"{label}: missing"]
    data, problems = read_yaml(path, label)
    for extra in extra_dirs:
        user = extra / "lint" / name
        if user.is_file() and not problems:
            from jdgen.wording import wording_problems

            label = str(user)
            more, problems = read_yaml(user, label)
            problems += wording_problems(more, label, path)
            data = merge_over(data, more)
    return data, label, problems


def rules_for(catalog: Catalog | None = None, catalog_dirs: tuple[Path, ...] = ()) -> Rules:
    """The rules to check postings of ``catalog`` with: the built-in ones, the ``lint/``
    files of the user catalog directories merged over them, and the catalog's sizes and
    countries (default: the built-in catalog)."""
    users = tuple(d for d in catalog_dirs if (d / "lint").is_dir())
    base = load_rules(extra_dirs=users) if users else builtin_rules()
    if catalog is None:
        return base
    fields = {name: getattr(base, name) for name in FILES_FIELDS}
    return Rules(**fields, catalog=catalog)


#: The fields of :class:`Rules` read from ``catalog/lint/``.
FILES_FIELDS = ("gender", "exclusionary", "pay", "checks", "messages", "places")


@lru_cache(maxsize=1)
def builtin_rules() -> Rules:
    """The built-in rules, validated once and kept in the user cache directory, keyed by
    the content of every file in ``catalog/lint/``, jdgen's code and pydantic."""
    import hashlib

    from jdgen.cache import cached_pickle, code_stamp, key_of, package_stamp

    root = lint_dir()
    try:
        files = [
            (p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in sorted(root.iterdir())
        ]
    except OSError:
        return load_rules()  # let the loader report what is missing
    key = key_of(
        "lint-rules/1", code_stamp(), package_stamp("pydantic", "pydantic_core"), repr(files)
    )
    return cached_pickle(f"lint-rules-{key}.pickle", Rules, load_rules)
