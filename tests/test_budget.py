"""Rules of jdgen.budget on tiny hand-built inputs: one line per topic, length budgets."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from postingcheck import word_count

import jdgen
from jdgen.budget import INDUSTRY, LIBRARY, ROLE, SIZE, Candidate, one_per_topic, within_budget
from jdgen.catalog import builtin_catalog
from jdgen.models import Budget, Company, JobDescription
from jdgen.tailor import tailor

SHIPPED = Path(__file__).parent.parent / "catalog"
FIXTURE = Path(__file__).parent / "fixtures" / "catalog"


def c(key: str, topic: str | None = None, spec: int = ROLE, group: str = "g") -> Candidate:
    return Candidate(key, f"text of {key}", topic, spec, group)


def keys(items: list[Candidate]) -> list[str]:
    return [i.key for i in items]


def test_one_line_per_topic_the_most_specific_wins_in_place() -> None:
    items = [c("lib-lean", "lean", LIBRARY), c("a"), c("mfg-lean", "lean", INDUSTRY), c("b")]
    assert keys(one_per_topic(items)) == ["a", "mfg-lean", "b"]


def test_equal_specificity_keeps_the_first_and_untopical_lines_all_stay() -> None:
    items = [c("x", "budget", SIZE), c("y", "budget", SIZE), c("n1"), c("n2")]
    assert keys(one_per_topic(items)) == ["x", "n1", "n2"]


def test_budget_takes_every_groups_first_line_before_any_second() -> None:
    items = [c("a1", group="a"), c("a2", group="a"), c("a3", group="a"), c("b1", group="b")]
    assert keys(within_budget(items, 2)) == ["a1", "b1"]
    assert keys(within_budget(items, 3)) == ["a1", "a2", "b1"]


def test_budget_prefers_specific_lines_and_keeps_the_original_order() -> None:
    items = [
        c("lib", spec=LIBRARY, group="a"),
        c("role", spec=ROLE, group="a"),
        c("ind", spec=INDUSTRY, group="a"),
        c("other", spec=LIBRARY, group="b"),
    ]
    # group a offers its industry line first, then group b its only line, then a's role line
    assert keys(within_budget(items, 1)) == ["ind"]
    assert keys(within_budget(items, 2)) == ["ind", "other"]
    assert keys(within_budget(items, 3)) == ["role", "ind", "other"]


def test_budget_larger_than_the_lines_keeps_them_all() -> None:
    items = [c("a"), c("b")]
    assert within_budget(items, 10) == items


def test_in_pairs_no_heading_stands_over_one_line() -> None:
    items = [
        *(c(f"a{i}", group="a") for i in range(3)),
        *(c(f"b{i}", group="b") for i in range(3)),
        c("lone", group="c"),
    ]
    # turns: a's first two, b's first two, then the thirds; c only when needed
    assert keys(within_budget(items, 4, pairs=True)) == ["a0", "a1", "b0", "b1"]
    # three: a lone b line would show, so a third line of a takes its place
    assert keys(within_budget(items, 3, pairs=True)) == ["a0", "a1", "a2"]
    assert keys(within_budget(items, 6, pairs=True)) == ["a0", "a1", "a2", "b0", "b1", "b2"]
    assert keys(within_budget(items, 7, pairs=True)) == keys(items)


def test_a_word_limit_may_differ_by_level() -> None:
    parts = {"duties": {"default": 9}, "required": 6, "preferred": 4, "hard_skills": 4}
    by_level = Budget(**parts, soft_skills=2, kpis=5, max_words={"executive": 590, "default": 520})
    assert by_level.words("executive") == 590
    assert by_level.words("manager") == by_level.words("director") == 520
    assert Budget(**parts, soft_skills=2, kpis=5, max_words=500).words("executive") == 500
    assert Budget(**parts, soft_skills=2, kpis=5).words("manager") is None


def test_an_executive_posting_may_be_longer_than_a_managers() -> None:
    catalog = builtin_catalog()
    company = Company(size="enterprise", industry="manufacturing")
    coo = word_count(tailor(catalog.roles["chief-operating-officer"], company, catalog))
    limits = catalog.lengths["standard"]
    assert limits.words("executive") > limits.words("manager")
    assert limits.words("manager") < coo <= limits.words("executive") + 40


def _many_duties(role: dict, prefix: str) -> None:
    """Three headings of five duties each, every one the role's own."""
    role["responsibilities"] = [
        {
            "id": f"group-{g}",
            "heading": f"Group {g}",
            "items": [
                {"id": f"{prefix}-{g}-{n}", "text": f"Do task {g}.{n} well."} for n in range(5)
            ],
        }
        for g in range(3)
    ]


def test_a_manager_posting_carries_fewer_duties_than_an_executive_one(tmp_path: Path) -> None:
    # the fixture catalog, with an executive level and role and the shipped lengths: two
    # roles offering the same fifteen duties get as many as their level's budget allows
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURE, root)
    shutil.copy(SHIPPED / "lengths.yaml", root / "lengths.yaml")
    levels = yaml.safe_load((root / "levels.yaml").read_text())
    chief = {**levels[0], "id": "executive", "name": "Executive", "rank": 3}
    (root / "levels.yaml").write_text(yaml.safe_dump([chief, *levels], sort_keys=False))
    for source, target, level in (
        ("ops-director", "ops-chief", "executive"),
        ("ops-manager", "ops-manager", "manager"),
    ):
        role = yaml.safe_load((root / "roles" / f"{source}.yaml").read_text())
        role.update(id=target, title=target.replace("-", " ").title(), level=level)
        _many_duties(role, target)
        (root / "roles" / f"{target}.yaml").write_text(yaml.safe_dump(role, sort_keys=False))
    catalog = jdgen.load_catalog(root, builtin=False)
    company = Company(size=400, industry="widgets")
    n = {
        r: _duty_count(jdgen.generate(r, company, catalog=catalog))
        for r in ("ops-chief", "ops-manager")
    }
    assert n["ops-manager"] < n["ops-chief"] <= 12, n
    assert 8 <= n["ops-manager"] <= 9, n


def _duty_count(jd: JobDescription) -> int:
    resp = jd.section("responsibilities")
    assert resp is not None
    return sum(len(s.bullets) for s in resp.subsections)
