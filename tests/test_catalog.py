"""The catalog: strict validation, every problem at once, consistency."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jdgen.catalog import Catalog, load_catalog, normalize_name
from jdgen.errors import CatalogError
from jdgen.seats import refs


def write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_builtin_catalog_loads(catalog: Catalog) -> None:
    assert {"vp-of-operations", "director-of-operations", "operations-director"} <= set(
        catalog.roles
    )
    assert {"small", "mid-size", "enterprise"} <= set(catalog.sizes)
    assert {
        "ecommerce",
        "retail",
        "manufacturing",
        "technology",
        "healthcare",
        "logistics",
        "financial-services",
    } <= set(catalog.industries)


def test_every_problem_is_reported_at_once_with_file_and_field(tmp_path: Path) -> None:
    write(
        tmp_path,
        "roles/logistics-manager.yaml",
        """
id: logistics-manager
title: Logistics Manager
level: manager
domain: logistics
summary: Runs logistics.
reports_to: {default: Director of Logistics}
direct_reports: {default: a team}
responsibilities:
  - id: core
    heading: Core
    items:
      - {id: lm-a, text: Do a thing.}
      - {id: lm-b, text: Do another.}
      - {id: lm-c, text: Do a third.}
      - {id: lm-d}
skills: [no-such-skill]
qualifications: {experience: logistics, education: A degree.}
kpis: [On-time delivery]
sources: [{title: x}]
""",
    )
    write(
        tmp_path,
        "roles/bad-level.yaml",
        """
id: bad-level
title: Wrong Level
level: intern
domain: operations
summary: x
reports_to: {small: CEO, huge: Board}
direct_reports: {default: none}
responsibilities: [{id: g, heading: G, items: [translate-strategy]}]
skills: [leadership]
qualifications: {experience: x, education: x}
kpis: [x]
career: {to: [no-such-role]}
sources: [{title: x}]
colour: blue
""",
    )
    write(
        tmp_path,
        "roles/clash.yaml",
        """
id: clash
title: Clash
level: manager
domain: operations
aliases: [VPO]
summary: x
reports_to: {default: CEO}
direct_reports: {default: none}
responsibilities: [{id: g, heading: G, items: [translate-strategy]}]
skills: [leadership]
qualifications: {experience: x, education: x}
kpis: [x]
sources: [{title: x}]
""",
    )
    write(
        tmp_path,
        "library/extra.yaml",
        "responsibilities: [{id: x-1, text: Fine.}, {text: No id.}]\n",
    )
    write(tmp_path, "industries/broken.yaml", "id: broken\nname: [unclosed\n")
    with pytest.raises(CatalogError) as info:
        load_catalog([tmp_path])
    problems = info.value.problems
    label = str(tmp_path)
    expected = [
        f"{label}/roles/logistics-manager.yaml: responsibilities.0.items.3.text: required",
        f"{label}/roles/bad-level.yaml: colour: unknown field (check the spelling)",
        f"{label}/library/extra.yaml: responsibilities.1.id: required",
        f"{label}/industries/broken.yaml: not valid YAML (line 3, column 1)",
    ]
    for line in expected:
        assert any(p.startswith(line) for p in problems), (line, problems)
    joined = "\n".join(problems)
    # the catalog check runs on the files that did parse
    assert "roles/clash.yaml: aliases: 'VPO' also names role 'vp-of-operations'" in joined


def test_cross_reference_problems(tmp_path: Path) -> None:
    write(
        tmp_path,
        "roles/bad-level.yaml",
        """
id: bad-level
title: Wrong Level
level: intern
domain: operations
summary: x
reports_to: {small: CEO, huge: Board}
direct_reports: {default: none}
responsibilities: [{id: g, heading: G, items: [translate-strategy, nope]}]
skills: [leadership, no-skill]
qualifications: {experience: x, education: x}
kpis: [x]
career: {to: [no-such-role]}
sources: [{title: x}]
""",
    )
    with pytest.raises(CatalogError) as info:
        load_catalog([tmp_path])
    joined = "\n".join(info.value.problems)
    at = f"{tmp_path}/roles/bad-level.yaml"
    assert f"{at}: level: unknown level 'intern'" in joined
    assert f"{at}: reports_to.huge: unknown size" in joined
    assert (
        f"{at}: reports_to: no value for enterprise, large, mid-size (add them or a 'default')"
        in joined
    )
    assert f"{at}: responsibilities.0.items.1: no responsibility 'nope' in the library" in joined
    assert f"{at}: skills.1: no skill 'no-skill' in the library" in joined
    assert f"{at}: career.to.0: no role 'no-such-role' in the catalog" in joined


def test_file_name_must_match_id(tmp_path: Path, catalog: Catalog) -> None:
    role = (Path(__file__).parents[1] / "catalog/roles/vp-of-operations.yaml").read_text()
    write(tmp_path, "roles/renamed.yaml", role)
    with pytest.raises(
        CatalogError, match="id: 'vp-of-operations' does not match the file name 'renamed'"
    ):
        load_catalog([tmp_path])


def test_user_catalog_replaces_a_role_by_id(tmp_path: Path) -> None:
    role = (Path(__file__).parents[1] / "catalog/roles/vp-of-operations.yaml").read_text()
    write(
        tmp_path,
        "roles/vp-of-operations.yaml",
        role.replace("title: VP of Operations", "title: VP, Operations"),
    )
    catalog = load_catalog([tmp_path])
    assert catalog.find_role("vpo").title == "VP, Operations"


def test_ids_unique_and_aliases_unambiguous(catalog: Catalog) -> None:
    owners: dict[str, str] = {}
    for role in catalog.roles.values():
        for name in (role.id, role.title, *role.aliases):
            assert owners.setdefault(normalize_name(name), role.id) == role.id, name
    # every responsibility id, library or inline, names one duty (so `remove: [id]` is exact)
    texts: dict[str, str] = {r.id: r.text for r in catalog.responsibilities.values()}
    for role in catalog.roles.values():
        for group in role.responsibilities:
            for item in group.items:
                if not isinstance(item, str):
                    assert texts.setdefault(item.id, item.text) == item.text, (role.id, item.id)


def test_references_resolve(catalog: Catalog) -> None:
    for role in catalog.roles.values():
        for group in role.responsibilities:
            for item in group.items:
                assert not isinstance(item, str) or item in catalog.responsibilities
        for skill in role.skills:
            assert not isinstance(skill, str) or skill in catalog.skills
        bosses = [r for value in role.reports_to.values() for r in refs(value)]
        for ref in (*role.career.from_roles, *role.career.to_roles, *bosses):
            if re.fullmatch(r"[a-z0-9-]+", ref):
                assert ref in catalog.roles, (role.id, ref)
            else:  # a title: must not be a catalog role written out (use its id)
                assert normalize_name(ref) not in catalog._role_index, (role.id, ref)


def test_catalog_validate_command(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from jdgen.cli import cli

    good = tmp_path / "good"
    role = (Path(__file__).parents[1] / "catalog/roles/vp-of-operations.yaml").read_text()
    write(good, "roles/vp-of-operations.yaml", role)
    write(good, "library/mine.yaml", "responsibilities: [{id: my-duty, text: Do my duty.}]\n")
    result = CliRunner().invoke(cli, ["catalog", "validate", str(good)])
    assert result.exit_code == 0, result.stderr
    assert f"{good}: valid (1 responsibility, 1 role)" in result.stdout

    bad = tmp_path / "bad"
    write(bad, "library/mine.yaml", "responsibilities: [{id: Bad Id, text: x}, {text: y}]\n")
    result = CliRunner().invoke(cli, ["catalog", "validate", str(bad)])
    assert result.exit_code == 1
    assert "the catalog has 2 problems" in result.stderr
    assert (
        f"{bad}/library/mine.yaml: responsibilities.0.id: expected an id of lowercase letters, "
        "digits and hyphens (vendor-management), got 'Bad Id'" in result.stderr
    )
    assert f"{bad}/library/mine.yaml: responsibilities.1.id: required" in result.stderr
