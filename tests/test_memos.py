"""What jdgen remembers to tailor faster answers as if it had worked everything out
afresh, also past the size of its caches."""

from __future__ import annotations

from pathlib import Path

import pytest

from jdgen.cache import DiskMemo, load_pickle
from jdgen.spelling import SpellingMap, respeller


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "cache"
    monkeypatch.setenv("JDGEN_CACHE_DIR", str(root))
    return root


def test_a_full_disk_memo_keeps_further_answers_in_memory(cache: Path) -> None:
    memo: DiskMemo[str, int] = DiskMemo("test-memo", "test/1", (), limit=2)
    asked: list[str] = []

    def work_out(key: str) -> int:
        asked.append(key)
        return len(key)

    for key in ["a", "bb", "ccc", "dddd", "ccc", "a", "dddd"]:
        assert memo.get(key, int, work_out) == len(key)
    assert asked == ["a", "bb", "ccc", "dddd"]
    memo._save()
    assert load_pickle(memo.name()) == {"a": 1, "bb": 2}  # the disk keeps the limit


def test_answers_past_the_limit_are_forgotten_when_too_many(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(DiskMemo, "MORE", 2)
    memo: DiskMemo[str, int] = DiskMemo("test-memo", "test/1", (), limit=0)
    asked: list[str] = []

    def work_out(key: str) -> int:
        asked.append(key)
        return len(key)

    for key in ["a", "bb", "ccc", "a", "ccc"]:
        assert memo.get(key, int, work_out) == len(key)
    assert asked == ["a", "bb", "ccc", "a"]


def test_a_respelt_text_seen_before_keeps_what_this_posting_keeps() -> None:
    spell = respeller(
        {"en-GB": SpellingMap(words={"center": "centre"}, stems={"organiz": "organis"})},
        "en-GB",
    )
    assert spell is not None
    text = "The Center organizes the Service Center."
    for _ in range(2):  # worked out, then remembered
        assert spell(text) == "The Centre organises the Service Centre."
        assert spell(text, ("Service Center",)) == "The Centre organises the Service Center."
        assert spell("No change here.") == "No change here."


HEADCOUNTS = [3, 5, 19, 20, 21, 49, 50, 51, 99, 100, 101, 249, 250, 251, 999, 1000, 1001, 5000]


def forget_shared() -> None:
    """Empty what tailoring keeps between postings."""
    from jdgen import tailor as tailoring

    tailoring._CONDITIONS.clear()
    tailoring._SHARED.clear()
    tailoring._FILLED.clear()


def _postings(role_ids: list[str], forget: bool) -> list[str]:
    from jdgen import tailor as tailoring
    from jdgen.catalog import builtin_catalog
    from jdgen.company import load_company

    catalog = builtin_catalog()
    review = sorted((Path(__file__).parent / "review" / "companies").glob("*.yaml"))
    companies = [load_company(None, catalog), *(load_company(p, catalog) for p in review)]
    out = []
    for role_id in role_ids:
        for people in HEADCOUNTS:
            for i, company in enumerate(companies):
                if forget:
                    forget_shared()
                update = {"size": str(people)}
                if i == 0:
                    update["industry"] = ("logistics", "healthcare")[people % 2]
                company = company.model_copy(update=update)
                try:
                    jd = tailoring.tailor(catalog.roles[role_id], company, catalog)
                except Exception as exc:  # the same refusal either way
                    out.append(repr(exc))
                else:
                    out.append(jd.model_dump_json())
    return out


def test_what_is_shared_across_postings_is_what_each_would_work_out() -> None:
    """Conditions, filled texts and duties kept between postings (by facts, values and
    headcount bounds) give each posting what it gets with nothing kept."""
    roles = ["chief-operating-officer", "operations-manager", "warehouse-supervisor"]
    forget_shared()
    assert _postings(roles, forget=False) == _postings(roles, forget=True)


def test_a_condition_is_its_headcount_bounds_and_the_rest() -> None:
    from jdgen.catalog import builtin_catalog
    from jdgen.models import Facts, When

    catalog = builtin_catalog()
    whens = {id(w): w for w in _all_whens(catalog)}
    assert any(w.min_headcount is not None for w in whens.values())
    for people in HEADCOUNTS:
        facts = Facts("small", "logistics", "manager", "operations", True, headcount=people)
        for when in [*whens.values(), When(min_headcount=20, max_headcount=250)]:
            both = when.matches_besides_headcount(facts) and when.fits_headcount(people)
            assert when.matches(facts) == both


def _all_whens(value: object, seen: set[int] | None = None) -> list[object]:
    """Every When in the catalog's models."""
    from dataclasses import is_dataclass

    from pydantic import BaseModel

    from jdgen.models import When

    seen = set() if seen is None else seen
    if id(value) in seen:
        return []
    seen.add(id(value))
    if isinstance(value, When):
        return [value]
    if isinstance(value, BaseModel) or is_dataclass(value):
        value = list(vars(value).values())
    elif isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return [w for v in value for w in _all_whens(v, seen)]
    return []


def test_a_text_naming_the_headcount_is_filled_for_each_headcount() -> None:
    from jdgen.catalog import TeamSpan
    from jdgen.tailor import fill_memo, steady_key

    for people in (12, 4000, 12):
        values = {"company": "Acme", "headcount": people, "team": TeamSpan(people)}
        key, steady = repr(values), steady_key(values)
        assert fill_memo("{{ company }} hires.", values, key, steady) == "Acme hires."
        said = fill_memo("{{ company }} has {{ headcount }} people.", values, key, steady)
        assert said == f"Acme has {people} people."
        team = fill_memo("{{ company }}: {{ team(5, 15) }}.", values, key, steady)
        assert team == f"Acme: {TeamSpan(people)(5, 15)}."


def test_updated_is_model_copy_with_an_update() -> None:
    from jdgen import generate
    from jdgen.models import JobDescription, Strict

    jd = generate("operations-manager")
    validated = JobDescription.model_validate(jd.model_dump())
    models: list[Strict] = [jd, validated, jd.metadata, validated.metadata.reports_to]
    models += [*jd.sections, *validated.sections]
    models += [b for s in jd.sections for b in s.all_bullets()]
    for model in models:
        field = next(iter(type(model).model_fields))
        for changes in ({}, {field: getattr(model, field)}, {field: None}):
            ours, theirs = model.updated(**changes), model.model_copy(update=changes)
            assert type(ours) is type(theirs)
            assert ours.__dict__ == theirs.__dict__
            assert list(ours.__dict__) == list(theirs.__dict__)
            assert ours.model_fields_set == theirs.model_fields_set
            assert ours.__pydantic_extra__ == theirs.__pydantic_extra__
            assert ours.__pydantic_private__ == theirs.__pydantic_private__
            assert ours.model_dump_json(exclude_unset=True) == theirs.model_dump_json(
                exclude_unset=True
            )
            assert ours.__dict__ is not model.__dict__


def test_the_kind_of_a_system_is_remembered_per_table() -> None:
    from jdgen.catalog import SystemsTable

    erp = SystemsTable(generic={"erp": "ERP"}, known={"erp": ["Epicor", "Epicor Kinetic"]})
    crm = SystemsTable(generic={"crm": "CRM"}, known={"crm": ["Epicor"]})
    for _ in range(2):
        assert erp.kind_of("Epicor  Kinetic Cloud") == "erp"
        assert erp.kind_of("Salesforce") is None
        assert crm.kind_of("Epicor Kinetic Cloud") == "crm"
        assert crm.kind_of("epicor") == "crm"


def test_a_rule_that_fills_the_headcount_is_not_shared() -> None:
    from jdgen.catalog import builtin_catalog
    from jdgen.company import load_company
    from jdgen.tailor import resolve

    catalog = builtin_catalog()
    base = load_company(None, catalog)
    role = catalog.roles["operations-manager"]
    forget_shared()
    for people in (1201, 1202):
        ctx = resolve(role, base.model_copy(update={"size": str(people)}), catalog, None)
        said = ctx.shared(("test-headcount",), lambda c=ctx: c.text("We are {{ headcount }}."))
        assert said == f"We are {people}."
        team = ctx.shared(("test-team",), lambda c=ctx: c.render("Lead {{ team(5, 15) }}."))
        assert team == ctx.render("Lead {{ team(5, 15) }}.")
        plain = ctx.shared(("test-plain",), lambda c=ctx: c.text("Lead the team at {{ company }}."))
        assert plain == ctx.text("Lead the team at {{ company }}.")
