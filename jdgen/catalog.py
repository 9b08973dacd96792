"""Stage 1: load and validate the catalog; look up roles, sizes, industries and levels.

Layout of a catalog directory (the built-in one is ``catalog/`` in the repository)::

    levels.yaml              list of Level
    sizes.yaml               list of CompanySize
    functions.yaml           list of Function (narrower kinds of operations job)
    business-models.yaml     list of BusinessModel
    lengths.yaml             Budget by posting length (short, standard, long)
    systems.yaml             business systems by kind (SystemsTable)
    posting.yaml             section headings and the sentences of a posting (PostingText)
    compare.yaml             the wording of jdgen compare (CompareText)
    ladder.yaml              the wording of jdgen ladder (LadderText)
    countries.yaml           texts by country: EEO statement, privacy, locale (CountryTable)
    default-company.yaml     the company used when no --company file is given
    industries/<id>.yaml     one Industry each
    library/*.yaml           shared ``responsibilities:`` and ``skills:`` referenced by id
    roles/<id>.yaml          one Role each

User catalogs (``--catalog DIR``) have the same layout, every part optional; their
entries are added to the built-in ones, replacing any with the same id.

Every problem in every file is collected and reported at once, each as
``file: field.path: message``.

Internal module: the public API is :mod:`jdgen` (``jdgen.__all__``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from jdgen import forgiving
from jdgen.countries import CountryTable
from jdgen.errors import CatalogError, UnknownChoiceError
from jdgen.models import (
    DEFAULT_KEY,
    Addition,
    Budget,
    BusinessModel,
    CompanySize,
    Domain,
    Function,
    Industry,
    Level,
    Responsibility,
    Role,
    Skill,
    Strict,
    TextItem,
    When,
)
from jdgen.names import C, choice_index, find_choice, normalize_choice
from jdgen.names import normalize_name as normalize_name  # re-exported: callers import it from here
from jdgen.resources import data_dir
from jdgen.scale import size_keys as size_keys_of
from jdgen.scale import team_span
from jdgen.validation import validation_problems
from jdgen.work import WorkCatalog
from jdgen.yamlfile import read_yaml

M = TypeVar("M", bound=BaseModel)


class LocationSentences(Strict):
    """The location sentence for each work arrangement (``unstated``: none given)."""

    remote: str
    hybrid: str
    on_site: str = Field(alias="on-site")
    unstated: str

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def for_arrangement(self, arrangement: str | None) -> str:
        return {
            "remote": self.remote,
            "hybrid": self.hybrid,
            "on-site": self.on_site,
        }.get(arrangement or "", self.unstated)


class PostingSentences(Strict):
    """The sentences that join a role's facts into a posting (``posting.yaml: sentences``)."""

    reports_to: str
    leads: str
    works_with: str
    experience: str
    certification: str
    regulations: str
    skill: str
    additional_responsibilities: str
    career: str
    pay: str
    location: LocationSentences
    apply_url: str
    apply_email: str
    closing_date: str


class CompareContext(Strict):
    industry: str
    general: str
    company: str


class PeoplePhrases(Strict):
    headcount: str
    open_ended: str
    under: str
    band: str


class CompareHeadings(Strict):
    summary: str
    table: str
    shared: str
    only: str
    unique: str
    only_this_role: str


class CompareRows(Strict):
    level: str
    reports_to: str
    direct_reports: str
    scope: str
    focus: str
    decision_authority: str
    experience: str
    education: str
    no_team: str
    experience_by_size: str
    experience_size_item: str
    education_preferred: str


class NounPhrase(Strict):
    starts: str
    say: str


class FocusLabels(Strict):
    strategic: str
    both: str
    tactical: str


class CompareSummary(Strict):
    same_level_focus: str
    same_level: str
    more_senior: str
    one_step: str
    steps: str
    more_strategic: str
    closer_to_execution: str
    same_focus: str
    focus_labels: FocusLabels
    same_scope: str
    scope: str
    same_authority: str
    authority_a: str
    authority_b: str
    noun_phrases: list[NounPhrase] = Field(default_factory=list)
    b_reports_to_a: str
    a_reports_to_b: str
    same_boss: str
    bosses: str
    same_experience: str
    experience: str
    no_duties_shared: str
    duties_shared: str
    duties_even: str
    duties_uneven: str
    career_step: str


class CompareText(Strict):
    """The wording of ``jdgen compare`` (``compare.yaml``)."""

    title: str
    context: CompareContext
    size_phrase: str
    people: PeoplePhrases
    role: str
    last_clause: str
    number_words: list[str] = Field(min_length=1)
    headings: CompareHeadings
    none_shared: str
    none_shared_short: str
    other_wording: str
    document_subject: str
    document_category: str
    rows: CompareRows
    summary: CompareSummary


class LadderSteps(Strict):
    """How each kind of step reads next to the role it leads to."""

    up: str
    outside: str
    skip: str
    lateral: str
    down: str


class LadderArrows(Strict):
    """Labels of the Mermaid diagram's arrows that are not an ordinary step up."""

    skip: str
    lateral: str
    down: str


class LadderText(Strict):
    """The wording of ``jdgen ladder`` (``ladder.yaml``)."""

    steps: LadderSteps
    outside_catalog: str
    repeat: str
    node: str
    notes_separator: str
    comes_from: str
    leads_to: str
    none_tree: str
    none: str
    role_title: str
    family_tree_title: str
    family_title: str
    family_intro: str
    tree_leads_to: str
    tree_comes_from: str
    page_leads_to: str
    page_comes_from: str
    page_separator: str
    arrows: LadderArrows


class PostingText(Strict):
    """Section headings and standard sentences (``posting.yaml``)."""

    sentences: PostingSentences

    headings: dict[str, str]
    skill_headings: dict[str, str]
    qualification_headings: dict[str, str]
    #: One statement for every country, instead of ``countries.yaml``'s (for a user catalog).
    equal_opportunity: str | None = None
    #: A sentence above the KPI list; empty (the default): the heading says it all.
    kpi_intro: str = ""
    career_intro: str
    #: How region codes in remote_regions read in a sentence ("US" → "the United States").
    place_names: dict[str, str] = Field(default_factory=dict)
    #: "At <company>, we …": the sentence a company's ``description`` completes.
    description_sentence: str = "{{ company }} {{ description }}"
    #: The note `generate` prints and `lint` reports when a title is unusual at the
    #: company's headcount ({{ title }}, {{ headcount }}, {{ usual }}).
    unusual_title: str = (
        "a {{ title }} is unusual at {{ headcount }} people; "
        "at this size the work is usually done by {{ usual }}"
    )


class SystemsTable(Strict):
    """``systems.yaml``: generic words for each kind of system and known product names."""

    generic: dict[str, str]
    known: dict[str, list[str]]

    def kind_of(self, name: str) -> str | None:
        key = name.strip().casefold()
        for kind, names in self.known.items():
            if key in {n.casefold() for n in names}:
                return kind
        return None


# ---------------------------------------------------------------------------
# Reading files
# ---------------------------------------------------------------------------


def _validate(
    model: type[M], data: Any, where: str, prefix: str = ""
) -> tuple[M | None, list[str]]:
    try:
        return model.model_validate(data), []
    except ValidationError as err:
        return None, validation_problems(err, where, prefix)


def _validate_list(
    model: type[M], data: Any, where: str, key: str | None = None
) -> tuple[list[M], list[str]]:
    """Validate a YAML list (or the list under ``key``) item by item, so one bad item
    does not hide the others."""
    label = key or "(top level)"
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [], [f"{where}: {label}: expected a list, got {type(data).__name__}"]
    items: list[M] = []
    problems: list[str] = []
    for i, raw in enumerate(data):
        item, errs = _validate(model, raw, where, prefix=f"{key}.{i}" if key else str(i))
        problems += errs
        if item is not None:
            items.append(item)
    return items, problems


# ---------------------------------------------------------------------------
# The catalog
# ---------------------------------------------------------------------------


@dataclass
class Catalog:
    levels: dict[str, Level] = field(default_factory=dict)
    domains: dict[str, Domain] = field(default_factory=dict)
    sizes: dict[str, CompanySize] = field(default_factory=dict)
    industries: dict[str, Industry] = field(default_factory=dict)
    responsibilities: dict[str, Responsibility] = field(default_factory=dict)
    skills: dict[str, Skill] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    functions: dict[str, Function] = field(default_factory=dict)
    business_models: dict[str, BusinessModel] = field(default_factory=dict)
    lengths: dict[str, Budget] = field(default_factory=dict)
    systems: SystemsTable = field(default_factory=lambda: SystemsTable(generic={}, known={}))
    posting_text: PostingText | None = None
    #: ``compare.yaml``: the wording of ``jdgen compare``.
    compare_data: CompareText | None = None
    #: ``ladder.yaml``: the wording of ``jdgen ladder``.
    ladder_data: LadderText | None = None
    #: ``work.yaml``: FLSA rules and the sentences for pay and terms beyond the duties.
    work_data: WorkCatalog | None = None
    #: ``countries.yaml``: what postings say differently by country.
    country_table: CountryTable | None = None
    default_company: dict[str, Any] = field(default_factory=dict)
    #: Where each entry came from, for error messages: ("role", id) → display path.
    origin: dict[tuple[str, str], str] = field(default_factory=dict)
    #: Entries defined (or replaced) by a user catalog directory, not the built-in one.
    user_entries: set[tuple[str, str]] = field(default_factory=set)
    _role_index: dict[str, str] = field(default_factory=dict, repr=False)
    #: Lookup indexes built on first use: kind → (entries indexed, index).
    _indexes: dict[str, tuple[int, Any]] = field(default_factory=dict, repr=False, compare=False)

    # -- lookups -----------------------------------------------------------

    @property
    def countries(self) -> CountryTable:
        if self.country_table is None:
            raise CatalogError(["countries.yaml: missing (texts by country)"])
        return self.country_table

    @property
    def text(self) -> PostingText:
        if self.posting_text is None:
            raise CatalogError(["posting.yaml: missing (section headings and standard wording)"])
        return self.posting_text

    @property
    def compare_text(self) -> CompareText:
        if self.compare_data is None:
            raise CatalogError(["compare.yaml: missing (the wording of jdgen compare)"])
        return self.compare_data

    @property
    def ladder_text(self) -> LadderText:
        if self.ladder_data is None:
            raise CatalogError(["ladder.yaml: missing (the wording of jdgen ladder)"])
        return self.ladder_data

    @property
    def work(self) -> WorkCatalog:
        if self.work_data is None:
            raise CatalogError(["work.yaml: missing (FLSA rules, pay and terms wording)"])
        return self.work_data

    def role_keys(self, role: Role) -> Iterator[str]:
        yield normalize_name(role.id)
        yield normalize_name(role.title)
        for alias in role.aliases:
            yield normalize_name(alias)

    def find_role(self, query: str) -> Role:
        """A role by id, title or alias, ignoring case and punctuation."""
        role = self.named_role(query)
        if role is not None:
            return role
        raise UnknownChoiceError(f"no role '{query}'{self._suggest_roles(query)}")

    def named_role(self, query: str) -> Role | None:
        """The role ``query`` names exactly (id, title or alias in any case), or None."""
        role_id = self._role_index.get(normalize_name(query))
        return self.roles[role_id] if role_id is not None else None

    def _suggest_roles(self, query: str) -> str:
        ids = self.near_roles(query)
        if not ids:
            return " (run 'jdgen roles' to list them)"
        names = ", ".join(f"{rid} ({self.roles[rid].title})" for rid in ids[:3])
        return f" — did you mean: {names}?"

    def near_roles(self, query: str) -> list[str]:
        """Ids of the roles whose names are near ``query`` (fuzzy), best first."""
        from rapidfuzz import fuzz, process, utils

        def scorer(a: str, b: str, **kwargs: Any) -> float:
            # Whole-string measures, so that a short alias ("DO", "CI") does not win by
            # partial overlap; token_sort forgives word order, ratio prefers the same order
            # ("Director of Opps" is nearer Director of Operations than Operations Director).
            return float(fuzz.ratio(a, b) + fuzz.token_sort_ratio(a, b)) / 2

        choices = dict(self._role_index)
        found = process.extract(
            normalize_name(query),
            list(choices),
            scorer=scorer,
            limit=12,
            processor=utils.default_process,
        )
        ids: list[str] = []
        for key, score, _ in found:
            rid = choices[key]
            if score >= 60 and rid not in ids:
                ids.append(rid)
        return ids

    def _index(self, kind: str, table: dict[str, Any], build: Callable[[], Any]) -> Any:
        cached = self._indexes.get(kind)
        if cached is None or cached[0] != len(table):
            cached = self._indexes[kind] = (len(table), build())
        return cached[1]

    def shared_by(self, item_id: str) -> int:
        """How many roles list the library duty ``item_id`` (0 for one that is not shared)."""
        index: dict[str, int] = self._index("shared", self.roles, self._count_shared)
        return index.get(item_id, 0)

    def _count_shared(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for role in self.roles.values():
            for item in {i for g in role.responsibilities for i in g.items if isinstance(i, str)}:
                counts[item] = counts.get(item, 0) + 1
        return counts

    def _find(self, kind: str, table: dict[str, C], query: str) -> C:
        """``find_choice(table, query)`` through an index (a batch looks up every row)."""
        index = self._index(kind, table, lambda: choice_index(table))
        found: C | None = index.get(normalize_choice(query))
        return found if found is not None else find_choice(table, query)

    def find_level(self, query: str) -> Level:
        return self._find("level", self.levels, query)

    def find_industry(self, query: str) -> Industry:
        return self._find("industry", self.industries, query)

    def find_size(self, query: str | int) -> CompanySize:
        """A size by id, name or alias, or the band a headcount falls in."""
        headcount = forgiving.headcount(query)
        if headcount is not None:
            if not 1 <= headcount <= forgiving.MAX_HEADCOUNT:
                bound = "at least 1" if headcount < 1 else f"at most {forgiving.MAX_HEADCOUNT:,}"
                raise UnknownChoiceError(
                    f"expected a headcount of {bound} or one of {self.size_choices()}, "
                    f"got {query!r}"
                )
            bands = self._index(
                "headcount",
                self.sizes,
                lambda: sorted(self.sizes.values(), key=lambda s: s.headcount_min, reverse=True),
            )
            for size in bands:
                if headcount >= size.headcount_min:
                    return size  # type: ignore[no-any-return]
        assert not isinstance(query, int)
        try:
            return self._find("size", self.sizes, query)
        except UnknownChoiceError:
            raise UnknownChoiceError(
                f"expected one of {self.size_choices()} or a headcount, got {query!r}"
            ) from None

    def size_keys(self, size_id: str) -> tuple[str, ...]:
        """A band's id and its fallbacks: the keys a by-size map is read with."""
        return size_keys_of(self.sizes, size_id)

    def size_choices(self) -> str:
        return ", ".join(self.sizes)

    def role_title(self, ref: str) -> str:
        """The title for a reporting-line or career-path entry: a catalog id or a plain title."""
        role = self.roles.get(ref)
        return role.title if role else ref

    def level_of(self, role: Role) -> Level:
        return self.levels[role.level]

    def responsibility(self, ref: str | Responsibility) -> Responsibility:
        """The one lookup for responsibility references: a library id, or the inline entry."""
        return self.responsibilities[ref] if isinstance(ref, str) else ref

    def skill(self, ref: str | Skill) -> Skill:
        """The one lookup for skill references: a library id, or the inline entry."""
        return self.skills[ref] if isinstance(ref, str) else ref


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------


def merge_over(base: Any, data: Any) -> Any:
    """``data`` over ``base``: mappings merged key by key, anything else replaced."""
    if isinstance(base, dict) and isinstance(data, dict):
        out = dict(base)
        for key, value in data.items():
            out[key] = merge_over(base.get(key), value)
        return out
    return data


class _Loader:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.problems: list[str] = []
        self.label = ""
        #: Which catalog directory defined each entry: a later directory may replace an
        #: entry of an earlier one, but one directory may not define an id twice.  Keyed by
        #: the directory's position, not its label: a user's ``catalog/`` is not the built-in one.
        self.defined_in: dict[tuple[str, str], int] = {}
        self.dir_index = -1
        #: The merged data of each single-model file so far (posting.yaml, work.yaml).
        self.singles: dict[str, Any] = {}

    def load_dir(self, root: Path, label: str) -> None:  # noqa: C901, PLR0912, PLR0915
        def display(p: Path) -> str:
            return f"{label}/{p.relative_to(root).as_posix()}"

        c = self.catalog
        self.label = label
        self.dir_index += 1
        lists: list[tuple[str, type[BaseModel], dict[str, Any], str]] = [
            ("levels.yaml", Level, c.levels, "level"),
            ("domains.yaml", Domain, c.domains, "domain"),
            ("sizes.yaml", CompanySize, c.sizes, "size"),
            ("functions.yaml", Function, c.functions, "function"),
            ("business-models.yaml", BusinessModel, c.business_models, "business model"),
        ]
        for name, model, table, kind in lists:
            path = root / name
            if path.is_file():
                data, errs = read_yaml(path, display(path))
                self.problems += errs
                items, errs = _validate_list(model, data, display(path))
                self.problems += errs
                for item in items:
                    self._put(table, item, kind, display(path))

        self._load_lengths(root, display)
        self._load_systems(root, display)
        posting = self._single(root / "posting.yaml", PostingText, display)
        if posting is not None:
            c.posting_text = posting
            c.origin[("posting", "posting")] = display(root / "posting.yaml")
        c.compare_data = self._single(root / "compare.yaml", CompareText, display) or c.compare_data
        c.ladder_data = self._single(root / "ladder.yaml", LadderText, display) or c.ladder_data
        work = self._single(root / "work.yaml", WorkCatalog, display)
        if work is not None:
            c.work_data = work
            c.origin[("work", "work")] = display(root / "work.yaml")
        c.country_table = self._single(root / "countries.yaml", CountryTable, display) or (
            c.country_table
        )

        path = root / "default-company.yaml"
        if path.is_file():
            data, errs = read_yaml(path, display(path))
            self.problems += errs
            if isinstance(data, dict):
                c.default_company = data
            elif not errs:
                self.problems.append(f"{display(path)}: expected a mapping of company fields")

        for path in sorted((root / "library").glob("*.yaml")):
            data, errs = read_yaml(path, display(path))
            self.problems += errs
            if errs:
                continue
            if not isinstance(data, dict) or not set(data) <= {"responsibilities", "skills"}:
                self.problems.append(
                    f"{display(path)}: expected a mapping with 'responsibilities' and/or 'skills'"
                )
                continue
            resps, errs = _validate_list(
                Responsibility, data.get("responsibilities"), display(path), "responsibilities"
            )
            self.problems += errs
            for r in resps:
                self._put(c.responsibilities, r, "responsibility", display(path))
            skills, errs = _validate_list(Skill, data.get("skills"), display(path), "skills")
            self.problems += errs
            for s in skills:
                self._put(c.skills, s, "skill", display(path))

        singles: list[tuple[str, type[BaseModel], dict[str, Any], str]] = [
            ("industries", Industry, c.industries, "industry"),
            ("roles", Role, c.roles, "role"),
        ]
        for sub, model, table, kind in singles:
            for path in sorted((root / sub).glob("*.yaml")):
                data, errs = read_yaml(path, display(path))
                self.problems += errs
                if errs:
                    continue
                entry, errs = _validate(model, data, display(path))
                self.problems += errs
                if entry is None:
                    continue
                entry_id = getattr(entry, "id", "")
                if entry_id != path.stem:
                    self.problems.append(
                        f"{display(path)}: id: '{entry_id}' does not match the file name "
                        f"'{path.stem}'"
                    )
                self._put(table, entry, kind, display(path))

    def _single(self, path: Path, model: type[M], display: Callable[[Path], str]) -> M | None:
        """A file holding one model (posting.yaml, work.yaml), or None when absent or invalid.

        A later directory's file changes only the keys it names: it is merged over the
        earlier ones (mappings key by key), so a user's posting.yaml may hold one sentence.
        """
        if not path.is_file():
            return None
        data, errs = read_yaml(path, display(path))
        self.problems += errs
        if errs:
            return None
        merged = merge_over(self.singles.get(path.name), data)
        entry, errs = _validate(model, merged, display(path))
        self.problems += errs + _wording_problems(path, data, display(path))
        if entry is not None:
            self.singles[path.name] = merged
        return entry

    def _load_lengths(self, root: Path, display: Any) -> None:
        path = root / "lengths.yaml"
        if not path.is_file():
            return
        data, errs = read_yaml(path, display(path))
        self.problems += errs
        if not isinstance(data, dict):
            if not errs:
                self.problems.append(f"{display(path)}: expected a mapping of lengths")
            return
        for name, value in data.items():
            budget, errs = _validate(Budget, value, display(path), str(name))
            self.problems += errs
            if budget is not None:
                self.catalog.lengths[str(name)] = budget

    def _load_systems(self, root: Path, display: Any) -> None:
        path = root / "systems.yaml"
        if not path.is_file():
            return
        data, errs = read_yaml(path, display(path))
        self.problems += errs
        table, errs = _validate(SystemsTable, data, display(path))
        self.problems += errs
        if table is not None:
            old = self.catalog.systems
            self.catalog.systems = SystemsTable(
                generic={**old.generic, **table.generic}, known={**old.known, **table.known}
            )

    def _put(self, table: dict[str, Any], item: Any, kind: str, where: str) -> None:
        key = (kind, item.id)
        if self.defined_in.get(key) == self.dir_index:
            previous = self.catalog.origin[key]
            self.problems.append(f"{where}: id: '{item.id}' is already defined in {previous}")
            return
        table[item.id] = item
        self.catalog.origin[key] = where
        self.defined_in[key] = self.dir_index
        if self.dir_index > 0:
            self.catalog.user_entries.add(key)


#: The placeholders catalog text may use: the keys of :func:`placeholder_values`.
PLACEHOLDERS = (
    "title",
    "a_title",
    "company",
    "vocab",
    "size",
    "industry",
    "country",
    "systems",
    "team",
    "headcount",
    "description",
    "usual",
)


@dataclass(frozen=True)
class TeamSpan:
    """``{{ team(5, 15) }}``: "about 5 to 15", capped at a sensible share of the company.
    A value with a stable ``repr``, so filled texts can be remembered by their values."""

    people: int

    def __call__(self, low: int, high: int) -> str:
        return team_span(low, high, self.people)


#: The wording files whose sentences are checked for placeholders (:mod:`jdgen.wording`),
#: with the placeholders every sentence of the file gets.
WORDING_FILES: dict[str, tuple[str, ...]] = {
    "posting.yaml": PLACEHOLDERS,
    "work.yaml": PLACEHOLDERS,
    "compare.yaml": ("company",),
    "ladder.yaml": (),
}


def _wording_problems(path: Path, data: Any, label: str) -> list[str]:
    """Unknown placeholders in a user's wording file (the shipped files are checked by the
    test suite, which fills every sentence)."""
    shipped = data_dir("catalog")
    if path.name not in WORDING_FILES or path.parent.resolve() == shipped.resolve():
        return []
    from jdgen.wording import wording_problems

    return wording_problems(data, label, shipped / path.name, WORDING_FILES[path.name])


def placeholder_values(
    title: str,
    company: str | None,
    size: CompanySize,
    industry: Industry,
    country: dict[str, Any],
    *,
    systems: dict[str, str],
    headcount: int | None = None,
    description: str = "",
    usual: str = "",
) -> dict[str, Any]:
    """The one placeholder context for catalog text: tailoring, ``jdgen show`` and
    validation all fill ``{{ title }}``, ``{{ vocab.site }}`` … from this.  ``headcount``
    defaults to the band's typical headcount."""
    from jdgen.text import article

    people = headcount if headcount is not None else size.typical_headcount
    values = {
        "title": title,
        "a_title": f"{article(title)} {title}",
        "company": company or "our company",
        "vocab": industry.vocab.model_dump(),
        "size": size.id,
        "industry": industry.id,
        "country": country,
        "systems": systems,
        "team": TeamSpan(people),
        "headcount": people,
        "description": description.strip().rstrip("."),
        "usual": usual,
    }
    assert tuple(values) == PLACEHOLDERS
    return values


def sample_values(c: Catalog, title: str, size: CompanySize | None = None) -> dict[str, Any]:
    """Placeholder values without a company: the default company's industry, and its size
    unless ``size`` is given (``jdgen show`` and ``catalog validate``)."""
    company = c.default_company
    if size is None:
        size = _default_choice(c.sizes, c.find_size, company.get("size"))
    industry = _default_choice(c.industries, c.find_industry, company.get("industry"))
    return placeholder_values(
        title,
        None,
        size,
        industry,
        c.countries.texts(None).placeholders(),
        systems={**c.systems.generic, "other": ""},
    )


def _default_choice(table: dict[str, M], find: Any, wanted: Any) -> M:
    try:
        return find(wanted if isinstance(wanted, (str, int)) else "")  # type: ignore[no-any-return]
    except UnknownChoiceError:
        return table.get("general") or next(iter(table.values()))


def _placeholder_problems(
    value: Any, where: str, samples: list[dict[str, Any]], path: str = ""
) -> list[str]:
    """Problems in every text of a catalog entry: template syntax, unknown names, and
    anything that fails when the text is filled in (for each size)."""
    if isinstance(value, dict):
        return [
            p
            for k, v in value.items()
            for p in _placeholder_problems(v, where, samples, f"{path}.{k}" if path else str(k))
        ]
    if isinstance(value, list):
        return [
            p
            for i, v in enumerate(value)
            for p in _placeholder_problems(v, where, samples, f"{path}.{i}")
        ]
    if not isinstance(value, str) or ("{{" not in value and "{%" not in value):
        return []
    return [f"{where}: {path}: {p}" for p in text_problems(value, samples)]


def text_problems(text: str, samples: list[dict[str, Any]]) -> list[str]:
    """What is wrong with one piece of catalog text, filled in with each of ``samples``."""
    from jinja2 import TemplateError, TemplateSyntaxError, meta
    from jinja2.exceptions import SecurityError

    from jdgen.template_limits import TemplateLimit
    from jdgen.templating import environment

    env = environment()
    try:
        names = meta.find_undeclared_variables(env.parse(text))
    except TemplateSyntaxError as exc:
        return [f"placeholder syntax: {exc.message}"]
    unknown = sorted(names - set(PLACEHOLDERS))
    if unknown:
        return [
            f"unknown placeholder '{name}' (expected one of {', '.join(PLACEHOLDERS)})"
            for name in unknown
        ]
    for values in samples:
        try:
            env.from_string(text).render(values)
        except TemplateLimit as exc:
            return [f"over jdgen's template limits: {exc}"]
        except SecurityError as exc:
            return [f"not allowed in jdgen templates: {exc}"]
        except RecursionError:
            return ["calls itself without end"]
        except (ArithmeticError, TypeError, ValueError, LookupError) as exc:
            return [f"cannot be filled in for size {values['size']}: {type(exc).__name__}: {exc}"]
        except TemplateError as exc:
            return [f"cannot be filled in for size {values['size']}: {exc.message or exc}"]
    return []


def placeholder_problems(c: Catalog, only_outside: str | None = None) -> list[str]:
    """Placeholder problems in every text of the catalog (or only in entries whose file is not
    under ``only_outside``, i.e. a user's catalog)."""
    problems: list[str] = []
    roles = list(c.roles.values())
    title = roles[0].title if roles else "Director of Operations"
    complete = c.sizes and c.industries and c.country_table is not None
    samples = [sample_values(c, title, size) for size in c.sizes.values()] if complete else []
    for kind, table in (
        ("role", c.roles),
        ("industry", c.industries),
        ("size", c.sizes),
        ("responsibility", c.responsibilities),
        ("skill", c.skills),
    ):
        for ident, entry in table.items():
            where = c.origin.get((kind, ident), f"{kind} {ident}")
            if only_outside is None or not where.startswith(only_outside):
                problems += _placeholder_problems(entry.model_dump(by_alias=True), where, samples)
    return problems


# The sections a posting can have, each needing a heading in posting.yaml.
POSTING_SECTIONS = (
    "about-company", "about-role", "reporting", "responsibilities", "qualifications", "skills",
    "kpis", "career", "compensation", "location", "work-environment", "apply",
    "equal-opportunity",
)  # fmt: skip


def _check(c: Catalog) -> list[str]:  # noqa: C901, PLR0912, PLR0915 - to split (issue 9)
    """Cross-references: every id a file names must exist."""
    problems: list[str] = []
    sizes, levels, industries = set(c.sizes), set(c.levels), set(c.industries)
    domains = set(c.domains)
    functions, models = set(c.functions), set(c.business_models)
    size_keys = sizes | {DEFAULT_KEY}

    def where(kind: str, ident: str) -> str:
        return c.origin.get((kind, ident), f"{kind} {ident}")

    def check_when(w: When, at: str, path: str) -> None:
        for name, valid, values in (
            ("sizes", sizes, w.sizes),
            ("industries", industries, w.industries),
            ("not_industries", industries, w.not_industries),
            ("levels", levels, w.levels),
            ("domains", domains, w.domains),
            ("functions", functions, w.functions),
            ("not_functions", functions, w.not_functions),
            ("business_models", models, w.business_models),
            ("not_business_models", models, w.not_business_models),
            ("kinds", {"line", "programme", "executive"}, w.kinds),
            ("roles", set(c.roles), w.roles),
            ("not_roles", set(c.roles), w.not_roles),
        ):
            for i, v in enumerate(values or []):
                if v not in valid:
                    problems.append(
                        f"{at}: {path}.when.{name}.{i}: unknown {name.rstrip('s')} '{v}' "
                        f"(expected one of {', '.join(sorted(valid))})"
                    )

    def check_size_map(m: dict[str, Any], at: str, path: str, complete: bool = True) -> None:
        for k in m:
            if k not in size_keys:
                problems.append(
                    f"{at}: {path}.{k}: unknown size (expected one of {', '.join(sorted(size_keys))})"
                )
        covered = {s for s in sizes if any(k in m for k in size_keys_of(c.sizes, s))}
        if complete and DEFAULT_KEY not in m and covered != sizes:
            missing = ", ".join(sorted(sizes - covered))
            problems.append(f"{at}: {path}: no value for {missing} (add them or a 'default')")

    def check_resp(r: Responsibility, at: str, path: str) -> None:
        check_size_map(r.by_size, at, f"{path}.by_size", complete=False)
        for k in r.by_industry:
            if k not in industries:
                problems.append(f"{at}: {path}.by_industry.{k}: unknown industry")
        check_when(r.when, at, path)

    def check_ref(ref: object, table: dict[str, Any], kind: str, at: str, path: str) -> None:
        if isinstance(ref, str):
            if ref not in table:
                problems.append(f"{at}: {path}: no {kind} '{ref}' in the library")
        elif isinstance(ref, Responsibility):
            check_resp(ref, at, path)
        elif isinstance(ref, Skill):
            check_when(ref.when, at, path)

    def check_lines(lines: list[str | TextItem], at: str, path: str) -> None:
        for i, line in enumerate(lines):
            if isinstance(line, TextItem):
                check_when(line.when, at, f"{path}.{i}")

    def check_additions(additions: list[Addition], at: str) -> None:
        for i, add in enumerate(additions):
            check_ref(add.item, c.responsibilities, "responsibility", at, f"additions.{i}.item")
            check_when(add.when, at, f"additions.{i}")
            for j, rid in enumerate(add.replaces):
                if rid not in c.responsibilities:
                    problems.append(
                        f"{at}: additions.{i}.replaces.{j}: no responsibility '{rid}' in the library"
                    )

    for rid, r in c.responsibilities.items():
        check_resp(r, where("responsibility", rid), "")
    for sid, s in c.skills.items():
        check_when(s.when, where("skill", sid), "")

    for level in c.levels.values():
        check_size_map(level.years, where("level", level.id), "years")

    for size in c.sizes.values():
        at = where("size", size.id)
        if size.fallback is not None and size.fallback not in sizes:
            problems.append(f"{at}: fallback: unknown size '{size.fallback}'")
        check_lines(list(size.scope), at, "scope")
        for lv in set(size.direct_reports) - levels:
            problems.append(f"{at}: direct_reports.{lv}: unknown level")
        check_additions(size.additions, at)
        check_lines(size.qualifications.required, at, "qualifications.required")
        check_lines(size.qualifications.preferred, at, "qualifications.preferred")

    for ind in c.industries.values():
        at = where("industry", ind.id)
        check_additions(ind.additions, at)
        if ind.business_model not in models:
            problems.append(
                f"{at}: business_model: unknown business model '{ind.business_model}' "
                f"(expected one of {', '.join(sorted(models))})"
            )
        for name, keys in (
            ("context_by_function", list(ind.context_by_function)),
            ("core_functions", ind.core_functions or []),
        ):
            problems += [
                f"{at}: {name}.{key}: unknown function "
                f"(expected one of {', '.join(sorted(functions))})"
                for key in keys
                if key not in functions
            ]
        for key in ind.context_by_domain:
            if key not in domains:
                problems.append(
                    f"{at}: context_by_domain.{key}: unknown domain "
                    f"(expected one of {', '.join(sorted(domains))})"
                )
        check_lines(ind.kpis, at, "kpis")
        check_lines(ind.regulations, at, "regulations")
        check_lines(ind.qualifications.required, at, "qualifications.required")
        check_lines(ind.qualifications.preferred, at, "qualifications.preferred")
        for i, sk in enumerate(ind.skills):
            check_when(sk.when, at, f"skills.{i}")

    for d in c.domains.values():
        if d.function is not None and d.function not in functions:
            problems.append(f"{where('domain', d.id)}: function: unknown function '{d.function}'")

    inline_owner: dict[str, str] = {rid: where("responsibility", rid) for rid in c.responsibilities}
    alias_owner: dict[str, str] = {}
    for role in c.roles.values():
        at = where("role", role.id)
        if role.level not in levels:
            problems.append(
                f"{at}: level: unknown level '{role.level}' (expected one of {', '.join(levels)})"
            )
        if role.domain not in domains:
            problems.append(
                f"{at}: domain: unknown domain '{role.domain}' "
                f"(expected one of {', '.join(sorted(domains))})"
            )
        if role.function is not None and role.function not in functions:
            problems.append(
                f"{at}: function: unknown function '{role.function}' "
                f"(expected one of {', '.join(sorted(functions))})"
            )
        for name, lines in (
            ("kpis", role.kpis),
            ("qualifications.required", role.qualifications.required),
            ("qualifications.preferred", role.qualifications.preferred),
        ):
            check_lines(lines, at, name)
        check_size_map(role.reports_to, at, "reports_to")
        for key, ref in role.reports_to.items():
            if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", ref) and ref not in c.roles:
                problems.append(f"{at}: reports_to.{key}: no role '{ref}' in the catalog")
        check_size_map(role.direct_reports, at, "direct_reports")
        check_size_map(role.qualifications.years, at, "qualifications.years", complete=False)
        for gi, group in enumerate(role.responsibilities):
            check_when(group.when, at, f"responsibilities.{gi}")
            for ii, item in enumerate(group.items):
                if isinstance(item, Responsibility):
                    owner = inline_owner.setdefault(item.id, at)
                    if owner != at:
                        problems.append(
                            f"{at}: responsibilities.{gi}.items.{ii}.id: '{item.id}' is already "
                            f"used in {owner}"
                        )
                check_ref(
                    item,
                    c.responsibilities,
                    "responsibility",
                    at,
                    f"responsibilities.{gi}.items.{ii}",
                )
        for si, skill_ref in enumerate(role.skills):
            check_ref(skill_ref, c.skills, "skill", at, f"skills.{si}")
        for direction, refs in (("from", role.career.from_roles), ("to", role.career.to_roles)):
            for i, ref in enumerate(refs):
                if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", ref) and ref not in c.roles:
                    problems.append(f"{at}: career.{direction}.{i}: no role '{ref}' in the catalog")
        for name in (role.id, role.title, *role.aliases):
            key = normalize_name(name)
            other = alias_owner.setdefault(key, role.id)
            if other != role.id:
                problems.append(
                    f"{at}: aliases: '{name}' also names role '{other}' ({where('role', other)})"
                )
    if c.posting_text is None:
        problems.append("posting.yaml: missing (section headings and standard wording)")
    else:
        missing = [h for h in POSTING_SECTIONS if h not in c.posting_text.headings]
        if missing:
            problems.append(
                f"{where('posting', 'posting')}: headings: no heading for {', '.join(missing)}"
            )
    problems += _work_problems(c, where("work", "work"), set(inline_owner))
    if c.country_table is None:
        problems.append("countries.yaml: missing (texts by country)")
    return problems


def _work_problems(c: Catalog, at: str, duty_ids: set[str]) -> list[str]:
    """work.yaml: every role, domain, size, industry, level and duty id it names exists."""
    work = c.work_data
    if work is None:
        return ["work.yaml: missing (FLSA rules, pay and terms wording)"]
    problems = work.problems(at, set(c.roles), set(c.domains), set(c.sizes), set(c.industries))
    problems += [
        f"{at}: flsa.exempt_levels.{i}: unknown level '{lv}' (expected one of {', '.join(c.levels)})"
        for i, lv in enumerate(work.flsa.exempt_levels)
        if lv not in c.levels
    ]
    problems += [
        f"{at}: description.marginal.{i}: no responsibility '{rid}' in the library or a role"
        for i, rid in enumerate(work.description.marginal)
        if rid not in duty_ids
    ]
    return problems


def load_catalog(extra_dirs: Iterable[Path] = (), *, builtin: bool = True) -> Catalog:
    """Load the built-in catalog plus any user catalog directories; raise
    :class:`CatalogError` listing every problem.

    ``builtin=False`` loads the directories alone, without the built-in catalog
    underneath: they must hold a whole catalog (levels, sizes, industries, roles,
    posting.yaml, work.yaml, countries.yaml; compare.yaml only for ``compare``).
    """
    extra_dirs = tuple(extra_dirs)
    catalog = Catalog()
    loader = _Loader(catalog)
    shipped = data_dir("catalog")
    if builtin:
        loader.load_dir(shipped, "catalog")
    for extra in extra_dirs:
        if not extra.is_dir():
            loader.problems.append(f"{extra}: not a directory")
            continue
        if builtin and extra.resolve() == shipped.resolve():
            continue  # the built-in catalog itself (jdgen catalog validate catalog): loaded once
        loader.load_dir(extra, str(extra).rstrip("/"))
    problems = loader.problems + _check(catalog)
    if not builtin:
        problems += placeholder_problems(catalog)
    elif extra_dirs:
        # the built-in catalog's text is checked by the test suite; a user's is checked here
        problems += placeholder_problems(catalog, only_outside="catalog/")
    if problems:
        raise CatalogError(problems)
    for role in catalog.roles.values():
        for key in catalog.role_keys(role):
            catalog._role_index.setdefault(key, role.id)
    return catalog


@lru_cache(maxsize=1)
def builtin_catalog() -> Catalog:
    """The built-in catalog, loaded once per process (from the cache of validated
    catalogs when its files have not changed: :mod:`jdgen.catalog_cache`)."""
    from jdgen.catalog_cache import cached_catalog

    return cached_catalog(load_catalog)
