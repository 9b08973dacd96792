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
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from jdgen.errors import CatalogError
from jdgen.resources import data_dir

#: libyaml's C loader when PyYAML was built with it (several times faster), else the pure one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is not a valid regular expression: {exc}") from None
        return value


class ExclusionaryRules(_Strict):
    sources: list[SourceRef]
    terms: list[Term]

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """Every term in one pattern (one pass over the text); group ``t<i>`` is term ``i``."""
        alternatives = "|".join(
            f"(?P<t{i}>{'|'.join(t.patterns)})" for i, t in enumerate(self.terms)
        )
        return re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w])", re.IGNORECASE)

    def term_of(self, match: re.Match[str]) -> Term:
        name = next(k for k, v in match.groupdict().items() if v is not None)
        return self.terms[int(name[1:])]


# -- pay-transparency.yaml -------------------------------------------------------


class Match(_Strict):
    country: str
    regions: list[str] = Field(default_factory=list)
    cities: list[str] = Field(default_factory=list)


class Jurisdiction(_Strict):
    id: str
    name: str
    kind: Literal["state", "city", "district", "country"]
    law: str
    effective: dt.date
    enforced_from: dt.date | None = None
    min_employees: int = Field(ge=1)
    benefits_required: bool
    in_posting: bool
    match: Match
    group: Literal["US", "EU"]
    source: str
    note: str | None = None


class MemberState(_Strict):
    code: str
    name: str
    aliases: list[str] = Field(default_factory=list)


class EuDirective(_Strict):
    law: str
    effective: dt.date
    min_employees: int = Field(ge=1)
    benefits_required: bool
    in_posting: bool
    source: str
    note: str | None = None
    member_states: list[MemberState]


class Group(_Strict):
    countries: list[str]


class PayRules(_Strict):
    jurisdictions: list[Jurisdiction]
    eu_directive: EuDirective
    groups: dict[Literal["US", "EU"], Group]

    @cached_property
    def all(self) -> list[Jurisdiction]:
        """Every jurisdiction, the EU directive expanded to one entry per member state."""
        eu = self.eu_directive
        states = [
            Jurisdiction(
                id=f"eu-{m.code.lower()}",
                name=m.name,
                kind="country",
                law=eu.law,
                effective=eu.effective,
                min_employees=eu.min_employees,
                benefits_required=eu.benefits_required,
                in_posting=eu.in_posting,
                match=Match(country=m.code, regions=[], cities=[]),
                group="EU",
                source=eu.source,
                note=eu.note,
            )
            for m in eu.member_states
        ]
        return [*self.jurisdictions, *states]

    @cached_property
    def country_names(self) -> dict[str, str]:
        """Lower-case country name, code or alias → country code (US and EU members)."""
        names: dict[str, str] = {}
        for alias in self.groups["US"].countries:
            names[alias.lower()] = "US"
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


def words_regex(words: list[str]) -> re.Pattern[str]:
    """One case-insensitive regex matching any of ``words`` (regexes) as whole words."""
    return re.compile(r"(?<![\w])(?:" + "|".join(words) + r")(?![\w])", re.IGNORECASE)


class Rules(BaseModel):
    """Everything in ``catalog/lint/``."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)

    gender: GenderRules
    exclusionary: ExclusionaryRules
    pay: PayRules
    checks: CheckRules

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
        }


FILES: dict[str, type[BaseModel]] = {
    "gender-coded.yaml": GenderRules,
    "exclusionary.yaml": ExclusionaryRules,
    "pay-transparency.yaml": PayRules,
    "checks.yaml": CheckRules,
}


def lint_dir() -> Path:
    return data_dir("catalog") / "lint"


def load_rules(root: Path | None = None) -> Rules:
    """Load and validate ``catalog/lint/`` (all problems at once)."""
    root = root or lint_dir()
    problems: list[str] = []
    loaded: dict[str, BaseModel] = {}
    for name, model in FILES.items():
        path = root / name
        label = f"catalog/lint/{name}" if root == lint_dir() else str(path)
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
        except FileNotFoundError:
            problems.append(f"{label}: missing")
            continue
        except yaml.YAMLError as exc:
            problems.append(f"{label}: not valid YAML: {exc}".replace("\n", " "))
            continue
        try:
            loaded[name] = model.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors():
                where = ".".join(str(p) for p in err["loc"]) or "(top)"
                problems.append(f"{label}: {where}: {err['msg']}")
    if problems:
        raise CatalogError(problems)
    return Rules(
        gender=loaded["gender-coded.yaml"],
        exclusionary=loaded["exclusionary.yaml"],
        pay=loaded["pay-transparency.yaml"],
        checks=loaded["checks.yaml"],
    )


@lru_cache(maxsize=1)
def builtin_rules() -> Rules:
    return load_rules()
