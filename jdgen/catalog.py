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
    sectors/<id>.yaml        one Sector each (a kind of business within an industry)
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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from jdgen import forgiving, seats
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
    Sector,
    Skill,
    Strict,
    TextItem,
    When,
)
from jdgen.names import C, choice_index, find_choice, normalize_choice
from jdgen.names import normalize_name as normalize_name  # re-exported: callers import it from here
from jdgen.resources import data_dir
from jdgen.scale import size_keys as size_keys_of
from jdgen.scale import team_count, team_size
from jdgen.text import join_words
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

    model_config = ConfigDict(extra="forbid", populate_by_name=True, allow_inf_nan=False)

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
    #: A required qualification from the company's ``languages`` ({{ languages }}, joined).
    languages: str = "Fluent {{ languages }}, spoken and written."
    #: A preferred qualification from ``preferred_languages`` ({{ languages }}, joined with "or").
    preferred_languages: str = "{{ languages }}, spoken and written."
    #: The education line where experience may stand in for the degree (``levels.yaml``
    #: ``education_or_experience``); {{ education }}: the role's line without its full stop.
    education_or_experience: str = "{{ education }}, or equivalent experience."
    #: A preferred qualification: the company's own systems for this function ({{ systems }}).
    own_systems: str = "Experience with {{ systems }}, which we use."


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
    same_rank: str
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
    #: "About us" from a company's ``description`` (when it has no ``about``): a verb
    #: phrase after the name ("makes valves …"), a noun phrase after "is" ("an online
    #: grocer …"); one that is a sentence already ("We make …") is used as written.
    description_sentence: str = "{{ company }} {{ description }}"
    description_noun_sentence: str = "{{ company }} is {{ description }}"
    #: First words that make a description a noun phrase ("a", "the" …); a first word
    #: not ending in "s" makes one too, and gets "a" or "an" ("family-owned foundry").
    description_noun_starts: list[str] = Field(default_factory=lambda: ["a", "an", "the", "one"])
    #: First words that make a description a sentence of its own.
    description_sentence_starts: list[str] = Field(default_factory=lambda: ["we", "our"])
    #: The note `generate` prints and `lint` reports when a title is unusual at the
    #: company's headcount ({{ a_title }}, {{ headcount }}, {{ usual }}).
    unusual_title: str = (
        "{{ a_title }} is unusual at {{ headcount }} people; "
        "at this size the work is usually done by {{ usual }}"
    )


#: :meth:`SystemsTable.kind_of`'s and :meth:`SystemsTable.words`' answers, per table
#: (kept with them).
_KINDS: dict[
    int, tuple[SystemsTable, dict[str, str | None], dict[tuple[Any, ...], dict[str, Any]]]
] = {}


class SystemsTable(Strict):
    """``systems.yaml``: generic words for each kind of system, known product names, and
    the kinds each function works in."""

    generic: dict[str, str]
    known: dict[str, list[str]]
    #: The kinds of system a role of each function works in, the most central first
    #: (revenue: [crm]); a function not listed works in the ERP and the CRM.
    by_function: dict[str, list[str]] = Field(default_factory=dict)
    #: The levels whose postings state the company's own systems as a preferred
    #: qualification (an executive is not hired for a tool).
    own_systems_levels: list[str] = Field(default_factory=lambda: ["manager", "director"])

    def problems(self) -> list[str]:
        """``by_function`` kinds that ``generic`` does not name (checked once merged)."""
        return [
            f"by_function.{function}: unknown kind '{kind}' "
            f"(expected one of {', '.join(self.generic)})"
            for function, kinds in self.by_function.items()
            for kind in kinds
            if kind not in self.generic
        ]

    def kind_of(self, name: str) -> str | None:
        """The kind of a product: the known name it is, else the longest known name it
        starts with as whole words ("Epicor Kinetic" is Epicor's, an ERP); remembered
        per table, since every posting asks it of the company's systems."""
        known = self._remembered()[0]
        if name not in known:
            if len(known) >= 4096:
                known.clear()
            known[name] = self._kind_of(name)
        return known[name]

    def _remembered(self) -> tuple[dict[str, str | None], dict[tuple[Any, ...], dict[str, Any]]]:
        """This table's remembered kinds and words (:data:`_KINDS`)."""
        held = _KINDS.get(id(self))
        if held is None or held[0] is not self:
            if len(_KINDS) >= 16:
                _KINDS.clear()
            held = _KINDS[id(self)] = (self, {}, {})
        return held[1], held[2]

    def _kind_of(self, name: str) -> str | None:
        key = " ".join(name.split()).casefold()
        best: tuple[int, str] | None = None
        for kind, names in self.known.items():
            for n in names:
                known = n.casefold()
                if key == known:
                    return kind
                if key.startswith(known + " ") and (best is None or len(known) > best[0]):
                    best = (len(known), kind)
        return best[1] if best else None

    def kinds_for(self, function: str) -> list[str]:
        """The kinds of system a role of ``function`` works in."""
        return self.by_function.get(function, ["erp", "crm"])

    def words(self, names: list[str], function: str) -> dict[str, Any]:
        """``{{ systems.* }}``: each kind's word (the company's own product, else the
        generic word); ``other``: the products of no known kind; ``named.<kind>``: the
        company's own products of a kind, else empty; ``own``: its products of the kinds
        ``function`` works in; ``function``: those, else the generic words of the
        function's first two kinds ("Salesforce" for revenue work, "ERP and CRM");
        remembered per table (a copy each time: every posting asks)."""
        said = self._remembered()[1]
        key = (tuple(names), function)
        if key not in said:
            if len(said) >= 4096:
                said.clear()
            said[key] = self._words(names, function)
        return dict(said[key])

    def _words(self, names: list[str], function: str) -> dict[str, Any]:
        named: dict[str, list[str]] = {}
        others = []
        for name in (n.strip() for n in names):
            kind = self.kind_of(name)
            if kind is None:
                others.append(name)
            else:
                named.setdefault(kind, []).append(name)
        kinds = self.kinds_for(function)
        own = [n for k in kinds for n in named.get(k, [])]
        generic = [self.generic[k] for k in kinds[:2] if k in self.generic]
        return {
            **self.generic,
            **{k: join_words(v) for k, v in named.items()},
            "other": join_words(others),
            "named": {k: join_words(named.get(k, [])) for k in self.generic},
            "own": join_words(own),
            "function": join_words(own or generic),
        }


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
    sectors: dict[str, Sector] = field(default_factory=dict)
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
        raise UnknownChoiceError(f"no role {query!r}{self._suggest_roles(query)}")

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

    def find_business_model(self, query: str) -> BusinessModel:
        """A business model by id, name or alias; else an error naming the choices."""
        return self._find("business model", self.business_models, query)

    def find_sector(self, query: str, industry: str) -> Sector:
        """The sector ``query`` names (id, name or alias), which must be one of the
        industry's; else an error naming the industry's sectors in one line."""
        own = [s.id for s in self.sectors.values() if industry in s.industries]
        choices = f"one of {', '.join(own)}" if own else "no sector"
        try:
            found = self._find("sector", self.sectors, query)
        except UnknownChoiceError:
            raise UnknownChoiceError(
                f"expected {choices} for industry {industry}, got '{query}'"
            ) from None
        if industry not in found.industries:
            raise UnknownChoiceError(
                f"'{query}' is a sector of {' and '.join(found.industries)}, not {industry} "
                f"(expected {choices} for industry {industry})"
            )
        return found

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
        self.root = Path()
        #: Which catalog directory defined each entry: a later directory may replace an
        #: entry of an earlier one, but one directory may not define an id twice.  Keyed by
        #: the directory's position, not its label: a user's ``catalog/`` is not the built-in one.
        self.defined_in: dict[tuple[str, str], int] = {}
        self.dir_index = -1
        #: The merged data of each single-model file so far (posting.yaml, work.yaml).
        self.singles: dict[str, Any] = {}

    def load_dir(self, root: Path, label: str) -> None:
        """Every file of one catalog directory, over what the earlier directories defined."""
        self.root, self.label = root, label
        self.dir_index += 1
        self._load_lists()
        self._load_lengths()
        self._load_systems()
        self._load_texts()
        self._load_default_company()
        self._load_library()
        self._load_entries()

    def display(self, path: Path) -> str:
        """A file as error messages name it: the directory's label and the path inside it."""
        return f"{self.label}/{path.relative_to(self.root).as_posix()}"

    def _read(self, path: Path) -> tuple[Any, list[str]]:
        data, errs = read_yaml(path, self.display(path))
        self.problems += errs
        return data, errs

    def _load_lists(self) -> None:
        """The files holding a list of entries: levels, domains, sizes, functions, models."""
        c = self.catalog
        lists: list[tuple[str, type[BaseModel], dict[str, Any], str]] = [
            ("levels.yaml", Level, c.levels, "level"),
            ("domains.yaml", Domain, c.domains, "domain"),
            ("sizes.yaml", CompanySize, c.sizes, "size"),
            ("functions.yaml", Function, c.functions, "function"),
            ("business-models.yaml", BusinessModel, c.business_models, "business model"),
        ]
        for name, model, table, kind in lists:
            path = self.root / name
            if path.is_file():
                data, _ = self._read(path)
                items, errs = _validate_list(model, data, self.display(path))
                self.problems += errs
                for item in items:
                    self._put(table, item, kind, self.display(path))

    def _load_texts(self) -> None:
        """The files holding one model each, merged over the earlier directories' ones."""
        c, root = self.catalog, self.root
        posting = self._single(root / "posting.yaml", PostingText)
        if posting is not None:
            c.posting_text = posting
            c.origin[("posting", "posting")] = self.display(root / "posting.yaml")
        c.compare_data = self._single(root / "compare.yaml", CompareText) or c.compare_data
        c.ladder_data = self._single(root / "ladder.yaml", LadderText) or c.ladder_data
        work = self._single(root / "work.yaml", WorkCatalog)
        if work is not None:
            c.work_data = work
            c.origin[("work", "work")] = self.display(root / "work.yaml")
        c.country_table = self._single(root / "countries.yaml", CountryTable) or c.country_table

    def _load_default_company(self) -> None:
        path = self.root / "default-company.yaml"
        if not path.is_file():
            return
        data, errs = self._read(path)
        if isinstance(data, dict):
            self.catalog.default_company = data
        elif not errs:
            self.problems.append(f"{self.display(path)}: expected a mapping of company fields")

    def _load_library(self) -> None:
        """library/*.yaml: shared responsibilities and skills that roles name by id."""
        c = self.catalog
        for path in sorted((self.root / "library").glob("*.yaml")):
            data, errs = self._read(path)
            if errs:
                continue
            at = self.display(path)
            if not isinstance(data, dict) or not set(data) <= {"responsibilities", "skills"}:
                self.problems.append(
                    f"{at}: expected a mapping with 'responsibilities' and/or 'skills'"
                )
                continue
            resps, errs = _validate_list(
                Responsibility, data.get("responsibilities"), at, "responsibilities"
            )
            self.problems += errs
            for r in resps:
                self._put(c.responsibilities, r, "responsibility", at)
            skills, errs = _validate_list(Skill, data.get("skills"), at, "skills")
            self.problems += errs
            for s in skills:
                self._put(c.skills, s, "skill", at)

    def _load_entries(self) -> None:
        """industries/, sectors/ and roles/*.yaml: one entry a file, named by its id."""
        c = self.catalog
        singles: list[tuple[str, type[BaseModel], dict[str, Any], str]] = [
            ("industries", Industry, c.industries, "industry"),
            ("sectors", Sector, c.sectors, "sector"),
            ("roles", Role, c.roles, "role"),
        ]
        for sub, model, table, kind in singles:
            for path in sorted((self.root / sub).glob("*.yaml")):
                data, errs = self._read(path)
                if errs:
                    continue
                entry, errs = _validate(model, data, self.display(path))
                self.problems += errs
                if entry is None:
                    continue
                entry_id = getattr(entry, "id", "")
                if entry_id != path.stem:
                    self.problems.append(
                        f"{self.display(path)}: id: '{entry_id}' does not match the file name "
                        f"'{path.stem}'"
                    )
                self._put(table, entry, kind, self.display(path))

    def _single(self, path: Path, model: type[M]) -> M | None:
        """A file holding one model (posting.yaml, work.yaml), or None when absent or invalid.

        A later directory's file changes only the keys it names: it is merged over the
        earlier ones (mappings key by key), so a user's posting.yaml may hold one sentence.
        """
        if not path.is_file():
            return None
        data, errs = self._read(path)
        if errs:
            return None
        merged = merge_over(self.singles.get(path.name), data)
        entry, errs = _validate(model, merged, self.display(path))
        self.problems += errs + _wording_problems(path, data, self.display(path))
        if entry is not None:
            self.singles[path.name] = merged
        return entry

    def _load_lengths(self) -> None:
        path = self.root / "lengths.yaml"
        if not path.is_file():
            return
        data, errs = self._read(path)
        if not isinstance(data, dict):
            if not errs:
                self.problems.append(f"{self.display(path)}: expected a mapping of lengths")
            return
        for name, value in data.items():
            budget, errs = _validate(Budget, value, self.display(path), str(name))
            self.problems += errs
            if budget is not None:
                self.catalog.lengths[str(name)] = budget

    def _load_systems(self) -> None:
        path = self.root / "systems.yaml"
        if not path.is_file():
            return
        data, _ = self._read(path)
        table, errs = _validate(SystemsTable, data, self.display(path))
        self.problems += errs
        if table is not None:
            old = self.catalog.systems
            self.catalog.systems = SystemsTable(
                generic={**old.generic, **table.generic},
                known={**old.known, **table.known},
                by_function={**old.by_function, **table.by_function},
                own_systems_levels=(
                    table.own_systems_levels
                    if "own_systems_levels" in (data or {})
                    else old.own_systems_levels
                ),
            )
            self.problems += [f"{self.display(path)}: {p}" for p in self.catalog.systems.problems()]

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
    "owns",
    "countries",
)


@dataclass(frozen=True)
class TeamSpan:
    """``{{ team(5, 15) }}``: one team figure between 5 and 15 for the company's headcount
    and its band ("eight"), never more than a sensible share of the company;
    ``{{ team(1, 3, 'analyst', 'analysts') }}``: with its noun ("an analyst", "two
    analysts").  A value with a stable ``repr``, so filled texts can be remembered by
    their values."""

    people: int
    band: tuple[int, int | None] = (1, None)

    def __call__(self, low: int, high: int, one: str = "", many: str = "") -> str:
        return team_size(team_count(low, high, self.people, self.band), one, many)

    def times(self, low: int, high: int, each_low: int, each_high: int) -> str:
        """``{{ team.times(3, 5, 25, 50) }}``: the people a role leads through the ``team(3,
        5)`` leads who report to it, each leading ``team(25, 50)`` (the reporting role's
        own figure), so that the two postings add up: four shift supervisors and, through
        them, 120 associates where each supervisor leads a shift of 30."""
        n = team_count(low, high, self.people, self.band)
        each = team_count(each_low, each_high, self.people, self.band)
        return team_size(n * each)


#: The wording files whose sentences are checked for placeholders (:mod:`jdgen.wording`),
#: with the placeholders every sentence of the file gets.
WORDING_FILES: dict[str, tuple[str, ...]] = {
    "posting.yaml": PLACEHOLDERS,
    "work.yaml": PLACEHOLDERS,
    "compare.yaml": ("company",),
    "ladder.yaml": (),
    "countries.yaml": (),  # used as written: a country's sentences take no placeholders
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
    vocab: dict[str, str] | None = None,
    owns: Iterable[str] | None = None,
    countries: int | None = None,
) -> dict[str, Any]:
    """The one placeholder context for catalog text: tailoring, ``jdgen show`` and
    validation all fill ``{{ title }}``, ``{{ vocab.site }}`` … from this.  ``headcount``
    defaults to the band's typical headcount; ``owns`` (what the company owns: fleet,
    warehouses …, for "{{ 'the warehouse team' if 'warehouses' in owns else … }}") to
    the industry's; ``countries`` (how many countries the company works in) to the
    band's."""
    from jdgen.text import article

    people = headcount if headcount is not None else size.typical_headcount
    values = {
        "title": title,
        "a_title": f"{article(title)} {title}",
        "company": company or "our company",
        "vocab": vocab if vocab is not None else dict(industry.vocab),
        "size": size.id,
        "industry": industry.id,
        "country": country,
        "systems": systems,
        "team": TeamSpan(people, (size.headcount_min, size.headcount_max)),
        "headcount": people,
        "description": description.strip().rstrip("."),
        "usual": usual,
        "owns": tuple(sorted(owns if owns is not None else industry.owns)),
        "countries": countries if countries is not None else max(1, size.countries),
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
        systems=c.systems.words([], ""),
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
        ("sector", c.sectors),
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


_ROLE_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)+")


class _Checker:
    """Cross-reference checks, one method per kind of catalog entry; every problem found is
    appended to :attr:`problems`, in the order the entries are checked."""

    def __init__(self, c: Catalog) -> None:
        self.c = c
        self.problems: list[str] = []
        self.sizes, self.levels, self.industries = set(c.sizes), set(c.levels), set(c.industries)
        self.domains, self.roles = set(c.domains), set(c.roles)
        self.functions, self.models = set(c.functions), set(c.business_models)
        self.sectors = set(c.sectors)
        self.size_keys = self.sizes | {DEFAULT_KEY}
        table = c.country_table
        self.countries = {e.code for e in table.countries} if table else set()
        #: Which file defined each responsibility id (library or inline in a role).
        self.duty_owner: dict[str, str] = {
            rid: self.where("responsibility", rid) for rid in c.responsibilities
        }
        self.alias_owner: dict[str, str] = {}

    def where(self, kind: str, ident: str) -> str:
        return self.c.origin.get((kind, ident), f"{kind} {ident}")

    def unknown(self, at: str, path: str, what: str, value: str, valid: Iterable[str]) -> None:
        self.problems.append(
            f"{at}: {path}: unknown {what} '{value}' (expected one of {', '.join(valid)})"
        )

    # -- pieces shared by several kinds of entry ------------------------------------------

    def when(self, w: When, at: str, path: str) -> None:
        for name, valid, values in (
            ("sizes", self.sizes, w.sizes),
            ("industries", self.industries, w.industries),
            ("not_industries", self.industries, w.not_industries),
            ("levels", self.levels, w.levels),
            ("domains", self.domains, w.domains),
            ("functions", self.functions, w.functions),
            ("not_functions", self.functions, w.not_functions),
            ("business_models", self.models, w.business_models),
            ("not_business_models", self.models, w.not_business_models),
            ("sectors", self.sectors, w.sectors),
            ("not_sectors", self.sectors, w.not_sectors),
            ("kinds", {"line", "programme", "executive"}, w.kinds),
            ("roles", self.roles, w.roles),
            ("not_roles", self.roles, w.not_roles),
            ("countries", self.countries, w.countries),
        ):
            for i, v in enumerate(values or []):
                if v not in valid:
                    what = name[:-3] + "y" if name.endswith("ies") else name.rstrip("s")
                    self.unknown(at, f"{path}.when.{name}.{i}", what, v, sorted(valid))

    def size_map(self, m: dict[str, Any], at: str, path: str, complete: bool = True) -> None:
        for k in m:
            if k not in self.size_keys:
                self.problems.append(
                    f"{at}: {path}.{k}: unknown size "
                    f"(expected one of {', '.join(sorted(self.size_keys))})"
                )
        sizes = self.sizes
        covered = {s for s in sizes if any(k in m for k in size_keys_of(self.c.sizes, s))}
        if complete and DEFAULT_KEY not in m and covered != sizes:
            missing = ", ".join(sorted(sizes - covered))
            self.problems.append(f"{at}: {path}: no value for {missing} (add them or a 'default')")

    def resp(self, r: Responsibility, at: str, path: str) -> None:
        self.size_map(r.by_size, at, f"{path}.by_size", complete=False)
        for k in r.by_industry:
            if k not in self.industries:
                self.problems.append(f"{at}: {path}.by_industry.{k}: unknown industry")
        for k in r.by_business_model:
            if k not in self.models:
                self.unknown(
                    at, f"{path}.by_business_model", "business model", k, sorted(self.models)
                )
        self.when(r.when, at, path)

    def ref(self, ref: object, table: dict[str, Any], kind: str, at: str, path: str) -> None:
        if isinstance(ref, str):
            if ref not in table:
                self.problems.append(f"{at}: {path}: no {kind} '{ref}' in the library")
        elif isinstance(ref, Responsibility):
            self.resp(ref, at, path)
        elif isinstance(ref, Skill):
            self.when(ref.when, at, path)

    def lines(self, lines: Sequence[str | TextItem], at: str, path: str) -> None:
        for i, line in enumerate(lines):
            if isinstance(line, TextItem):
                self.when(line.when, at, f"{path}.{i}")

    def qualifications(self, required: list[Any], preferred: list[Any], at: str) -> None:
        self.lines(required, at, "qualifications.required")
        self.lines(preferred, at, "qualifications.preferred")

    def additions(
        self, additions: list[Addition], at: str, replaceable: set[str] | None = None
    ) -> None:
        """Each addition's duty and conditions; what it replaces must exist (a library
        duty, or any of ``replaceable``: a sector may replace a role's or an industry's)."""
        duties = self.c.responsibilities
        where = "in the library" if replaceable is None else "in the catalog"
        for i, add in enumerate(additions):
            self.ref(add.item, duties, "responsibility", at, f"additions.{i}.item")
            self.when(add.when, at, f"additions.{i}")
            for j, rid in enumerate(add.replaces):
                if rid not in duties and rid not in (replaceable or ()):
                    self.problems.append(
                        f"{at}: additions.{i}.replaces.{j}: no responsibility '{rid}' {where}"
                    )

    def seat_holders(self, holders: dict[str, str], at: str) -> None:
        for key, ref in holders.items():
            self.role_ref(key, at, f"seat_holders.{key}")
            self.role_ref(ref, at, f"seat_holders.{key}")

    def business_model(self, m: BusinessModel) -> None:
        at = self.where("business model", m.id)
        self.seat_holders(m.seat_holders, at)
        self.problems += [
            f"{at}: context_by_function.{key}: unknown function "
            f"(expected one of {', '.join(sorted(self.functions))})"
            for key in m.context_by_function
            if key not in self.functions
        ]

    def role_ref(self, ref: str, at: str, path: str) -> None:
        """A reporting line or career step naming a catalog id (not a plain title) must exist."""
        if _ROLE_ID.fullmatch(ref) and ref not in self.c.roles:
            self.problems.append(f"{at}: {path}: no role '{ref}' in the catalog")

    # -- one step per kind of entry ---------------------------------------------------------

    def library(self) -> None:
        for rid, r in self.c.responsibilities.items():
            self.resp(r, self.where("responsibility", rid), "")
        for sid, s in self.c.skills.items():
            self.when(s.when, self.where("skill", sid), "")

    def level_years(self) -> None:
        for level in self.c.levels.values():
            self.size_map(level.years, self.where("level", level.id), "years")
            if level.advanced_degree is not None:
                self.when(level.advanced_degree, self.where("level", level.id), "advanced_degree")
            if level.education_or_experience is not None:
                at = self.where("level", level.id)
                self.when(level.education_or_experience, at, "education_or_experience")

    def size(self, size: CompanySize) -> None:
        at = self.where("size", size.id)
        if size.fallback is not None and size.fallback not in self.sizes:
            self.problems.append(f"{at}: fallback: unknown size '{size.fallback}'")
        self.lines(list(size.scope), at, "scope")
        for name in ("direct_reports", "new_team"):
            for lv in set(getattr(size, name)) - self.levels:
                self.problems.append(f"{at}: {name}.{lv}: unknown level")
        if size.reports_to is not None:
            self.role_ref(size.reports_to, at, "reports_to")
        self.additions(size.additions, at)
        self.qualifications(size.qualifications.required, size.qualifications.preferred, at)

    def industry(self, ind: Industry) -> None:
        at = self.where("industry", ind.id)
        self.additions(ind.additions, at)
        self.seat_holders(ind.seat_holders, at)
        if ind.business_model not in self.models:
            self.unknown(
                at, "business_model", "business model", ind.business_model, sorted(self.models)
            )
        functions = ", ".join(sorted(self.functions))
        for name, keys in (
            ("context_by_function", list(ind.context_by_function)),
            ("core_functions", ind.core_functions or []),
        ):
            self.problems += [
                f"{at}: {name}.{key}: unknown function (expected one of {functions})"
                for key in keys
                if key not in self.functions
            ]
        for key in ind.context_by_domain:
            if key not in self.domains:
                self.problems.append(
                    f"{at}: context_by_domain.{key}: unknown domain "
                    f"(expected one of {', '.join(sorted(self.domains))})"
                )
        self.lines(ind.kpis, at, "kpis")
        self.lines(ind.regulations, at, "regulations")
        self.qualifications(ind.qualifications.required, ind.qualifications.preferred, at)
        for i, sk in enumerate(ind.skills):
            self.when(sk.when, at, f"skills.{i}")

    def sector(self, sector: Sector) -> None:
        at = self.where("sector", sector.id)
        for i, ind in enumerate(sector.industries):
            if ind not in self.industries:
                self.unknown(at, f"industries.{i}", "industry", ind, sorted(self.industries))
        owners: list[list[Addition]] = [i.additions for i in self.c.industries.values()]
        owners += [s.additions for s in self.c.sizes.values()]
        added = {a.item if isinstance(a.item, str) else a.item.id for own in owners for a in own}
        duties = set(self.duty_owner) | added
        self.additions(sector.additions, at, duties)
        self.lines(sector.kpis, at, "kpis")
        self.lines(sector.regulations, at, "regulations")
        self.qualifications(sector.qualifications.required, sector.qualifications.preferred, at)
        for i, sk in enumerate(sector.skills):
            self.when(sk.when, at, f"skills.{i}")
        known = duties | set(self.c.skills)
        known |= {s.id for ind in self.c.industries.values() for s in ind.skills}
        known |= {
            s.id for role in self.c.roles.values() for s in role.skills if isinstance(s, Skill)
        }
        for i, ident in enumerate(sector.drops):
            if ident not in known:
                self.problems.append(
                    f"{at}: drops.{i}: no responsibility or skill '{ident}' in the catalog"
                )

    def domain_functions(self) -> None:
        for d in self.c.domains.values():
            if d.function is not None and d.function not in self.functions:
                self.problems.append(
                    f"{self.where('domain', d.id)}: function: unknown function '{d.function}'"
                )

    def role_career(self, role: Role, at: str) -> None:
        """Career steps name roles that exist; a step's ``where`` names one of them."""
        for direction, refs in (("from", role.career.from_roles), ("to", role.career.to_roles)):
            for i, ref in enumerate(refs):
                self.role_ref(ref, at, f"career.{direction}.{i}")
        for key, cond in role.career.where.items():
            if key not in role.career.to_roles:
                self.problems.append(f"{at}: career.where.{key}: not one of career.to")
            self.when(cond, at, f"career.where.{key}")

    def bosses(self, role: Role, at: str) -> None:
        for key, value in role.reports_to.items():
            for ref in seats.refs(value):
                self.role_ref(ref, at, f"reports_to.{key}")

    def role(self, role: Role) -> None:
        at = self.where("role", role.id)
        self.role_kinds(role, at)
        self.lines(role.kpis, at, "kpis")
        self.qualifications(role.qualifications.required, role.qualifications.preferred, at)
        self.size_map(role.reports_to, at, "reports_to")
        for k in role.summary_by_business_model:
            if k not in self.models:
                self.unknown(
                    at, "summary_by_business_model", "business model", k, sorted(self.models)
                )
        for k in role.summary_by_industry:
            if k not in self.industries:
                self.unknown(at, "summary_by_industry", "industry", k, sorted(self.industries))
        for i, item in enumerate(role.summaries):
            self.when(item.when, at, f"summaries.{i}")
        self.bosses(role, at)
        self.size_map(role.direct_reports, at, "direct_reports")
        self.size_map(role.qualifications.years, at, "qualifications.years", complete=False)
        for i, variant in enumerate(role.qualifications.education_variants):
            self.when(variant.when, at, f"qualifications.education_variants.{i}")
        for i, item in enumerate(role.qualifications.experience_variants):
            self.when(item.when, at, f"qualifications.experience_variants.{i}")
        self.role_duties(role, at)
        for si, skill_ref in enumerate(role.skills):
            self.ref(skill_ref, self.c.skills, "skill", at, f"skills.{si}")
        self.role_career(role, at)
        self.role_names(role, at)
        self.role_credentials(role, at)
        if isinstance(role.works_with, dict):
            keys = sorted(self.industries | self.sectors | {DEFAULT_KEY})
            self.problems += [
                f"{at}: works_with.{key}: unknown industry or sector "
                f"(expected one of {', '.join(keys)})"
                for key in role.works_with
                if key not in keys
            ]

    def role_credentials(self, role: Role, at: str) -> None:
        """A required certification names the law or rule that demands it; an advanced
        degree only where the role's level may ask for one (levels.yaml advanced_degree)."""
        q = role.qualifications
        for i, c in enumerate(q.certifications):
            self.when(c.when, at, f"qualifications.certifications.{i}")
            if c.required and not c.required_by:
                self.problems.append(
                    f"{at}: qualifications.certifications.{i}.required: a required "
                    "certification needs required_by (the law or industry rule that demands it)"
                )
        level = self.c.levels.get(role.level)
        if q.education_preferred and level is not None and level.advanced_degree is None:
            self.problems.append(
                f"{at}: qualifications.education_preferred: a {role.level} role asks for no "
                f"advanced degree (levels.yaml: {role.level} has no advanced_degree)"
            )

    def role_kinds(self, role: Role, at: str) -> None:
        """The role's level, domain and function exist."""
        if role.level not in self.levels:
            self.unknown(at, "level", "level", role.level, self.c.levels)
        if role.domain not in self.domains:
            self.unknown(at, "domain", "domain", role.domain, sorted(self.domains))
        if role.function is not None and role.function not in self.functions:
            self.unknown(at, "function", "function", role.function, sorted(self.functions))

    def role_duties(self, role: Role, at: str) -> None:
        """Library duties exist; an inline duty's id is used by no other file."""
        for gi, group in enumerate(role.responsibilities):
            self.when(group.when, at, f"responsibilities.{gi}")
            for ii, item in enumerate(group.items):
                path = f"responsibilities.{gi}.items.{ii}"
                if isinstance(item, Responsibility):
                    owner = self.duty_owner.setdefault(item.id, at)
                    if owner != at:
                        self.problems.append(
                            f"{at}: {path}.id: '{item.id}' is already used in {owner}"
                        )
                self.ref(item, self.c.responsibilities, "responsibility", at, path)

    def role_names(self, role: Role, at: str) -> None:
        """No two roles answer to one name (id, title or alias)."""
        for name in (role.id, role.title, *role.aliases):
            other = self.alias_owner.setdefault(normalize_name(name), role.id)
            if other != role.id:
                self.problems.append(
                    f"{at}: aliases: '{name}' also names role '{other}' "
                    f"({self.where('role', other)})"
                )

    def posting(self) -> None:
        c = self.c
        if c.posting_text is None:
            self.problems.append("posting.yaml: missing (section headings and standard wording)")
            return
        missing = [h for h in POSTING_SECTIONS if h not in c.posting_text.headings]
        if missing:
            self.problems.append(
                f"{self.where('posting', 'posting')}: headings: no heading for {', '.join(missing)}"
            )


def _check(c: Catalog) -> list[str]:
    """Cross-references: every id a file names must exist."""
    check = _Checker(c)
    check.library()
    check.level_years()
    for size in c.sizes.values():
        check.size(size)
    for ind in c.industries.values():
        check.industry(ind)
    for model in c.business_models.values():
        check.business_model(model)
    check.domain_functions()
    for role in c.roles.values():
        check.role(role)
    for sector in c.sectors.values():  # after the roles: drops may name their inline duties
        check.sector(sector)
    check.posting()
    check.problems += _work_problems(c, check.where("work", "work"), set(check.duty_owner))
    if c.country_table is None:
        check.problems.append("countries.yaml: missing (texts by country)")
    else:
        at = c.origin.get(("countries", "countries"), "countries.yaml")
        for entry in [*c.country_table.countries, c.country_table.fallback]:
            for i, law in enumerate(entry.hiring_law):
                check.when(law.when, at, f"countries.{entry.code}.hiring_law.{i}")
    return check.problems


def _work_problems(c: Catalog, at: str, duty_ids: set[str]) -> list[str]:
    """work.yaml: every role, domain, size, industry, level and duty id it names exists."""
    work = c.work_data
    if work is None:
        return ["work.yaml: missing (FLSA rules, pay and terms wording)"]
    places = set(c.industries) | set(c.sectors)  # environment.floors: by industry or sector
    problems = work.problems(at, set(c.roles), set(c.domains), set(c.sizes), places)
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
    problems += [
        f"{at}: site_based.{fn}: unknown function (expected one of {', '.join(sorted(c.functions))})"
        for fn in work.site_based
        if c.functions and fn not in c.functions
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
