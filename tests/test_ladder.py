"""`jdgen ladder`: the career graph from the catalog's career fields, its checks, the text
tree and the Mermaid diagram, and the posting's "Where this role leads" section."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from jdgen.catalog import Catalog, load_catalog
from jdgen.errors import UnknownChoiceError
from jdgen.ladder import (
    build_ladder,
    check_ladder,
    family_view,
    feeder_roles,
    next_roles,
    role_view,
)
from jdgen.models import Company
from jdgen.render.ladder import family_markdown, role_markdown
from jdgen.tailor import tailor

REPO = Path(__file__).resolve().parent.parent
ID_LIKE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)+")


def run(*args: str) -> tuple[int, str, str]:
    from jdgen.cli import cli

    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def with_career(catalog: Catalog, role_id: str, **career: list[str]) -> Catalog:
    """A copy of the catalog in which one role's career lists are changed."""
    role = catalog.roles[role_id]
    changed = role.model_copy(update={"career": role.career.model_copy(update=career)})
    return dataclasses.replace(catalog, roles={**catalog.roles, role_id: changed})


# -- the built-in catalog's graph ------------------------------------------------


def test_every_career_reference_resolves(catalog: Catalog) -> None:
    ladder = build_ladder(catalog)
    for role in catalog.roles.values():
        for ref in [*role.career.from_roles, *role.career.to_roles]:
            if ID_LIKE.fullmatch(ref):
                assert ref in catalog.roles, f"{role.id}: career names unknown role {ref}"
            else:  # an outside title: not a title or alias of a catalog role in disguise
                with pytest.raises(UnknownChoiceError, match="no role"):
                    catalog.find_role(ref)
        # every role is on the ladder, with somewhere to come from and somewhere to go
        assert role.id in ladder.nodes
        assert next_roles(catalog, role, ladder), role.id
        assert feeder_roles(catalog, role, ladder), role.id
    for node in ladder.nodes.values():
        assert node.in_catalog == (node.role_id in catalog.roles)


def test_the_built_in_ladder_has_no_errors_or_warnings(catalog: Catalog) -> None:
    findings = check_ladder(catalog)
    assert [f.message for f in findings if f.severity != "note"] == []
    notes = {f.message for f in findings}
    # lateral moves and skipped levels are listed for a reviewer, not hidden
    assert (
        "Director of Operations → Operations Director is a lateral move (Director level)" in notes
    )
    assert (
        "Director of Operations → Chief Operating Officer skips a level (Director to Executive)"
        in notes
    )


def test_levels_never_go_down_along_a_step(catalog: Catalog) -> None:
    ladder = build_ladder(catalog)
    for step in ladder.steps.values():
        a, b = ladder.nodes[step.source], ladder.nodes[step.target]
        if a.rank is not None and b.rank is not None:
            assert b.rank >= a.rank, f"{a.title} → {b.title}"
    kinds = {s.kind for s in ladder.steps.values()}
    assert {"up", "skip", "lateral", "outside"} == kinds


def test_the_articles_career_steps(catalog: Catalog) -> None:
    """Director of Operations → VP of Operations → COO (reference articles 002 and 003)."""
    do, vpo = catalog.find_role("director-of-operations"), catalog.find_role("vpo")
    assert [n.title for n in next_roles(catalog, do)][:2] == [
        "VP of Operations",
        "Chief Operating Officer",
    ]
    assert next_roles(catalog, vpo)[0].title == "Chief Operating Officer"
    assert feeder_roles(catalog, vpo)[0].title == "Director of Operations"
    feeders = [n.title for n in feeder_roles(catalog, do)]
    assert {"Operations Manager", "Senior Operations Manager", "Department Head"} <= set(feeders)


def test_where_this_role_leads_matches_the_ladder(catalog: Catalog) -> None:
    """The posting names one of the role's own next steps, the ones the ladder lists first:
    the first step up the company has (review r5a pattern 11: one step, not a hedge)."""
    intro = catalog.text.career_intro
    checked = 0
    for role in catalog.roles.values():
        big = Company(size=50000, industry="manufacturing", length="long")  # nothing trimmed
        section = tailor(role, big, catalog).section("career")
        director_or_below = catalog.levels[role.level].rank <= catalog.levels["director"].rank
        assert (section is not None) == director_or_below, role.id
        if section is None:
            continue
        text = section.paragraphs[0]
        assert text.startswith(intro + " ") and text.endswith(".")
        own = [catalog.role_title(r) for r in role.career.to_roles]
        ladder = [n.title for n in next_roles(catalog, role)]
        assert ladder[: len(own)] == own
        named = text[len(intro) + 1 : -1]
        assert named in own
        checked += 1
    assert checked >= 20
    posting = tailor(catalog.find_role("director-of-operations"), Company(), catalog)
    career = posting.section("career")
    assert career is not None and career.heading == "Where this role leads"
    assert career.paragraphs == [
        "People who do well in this role often move on to VP of Operations."
    ]


def test_no_career_path_option_turns_the_section_off() -> None:
    code, out, _ = run("generate", "director-of-operations")
    assert code == 0 and "## Where this role leads" in out
    code, out, _ = run("generate", "director-of-operations", "--no-career-path")
    assert code == 0 and "Where this role leads" not in out
    code, out, _ = run("generate", "vpo", "--career-path")
    assert code == 0
    assert "often move on to Chief Operating Officer." in out  # one step


# -- the checks find what is wrong ---------------------------------------------------


def test_check_reports_a_step_down_and_the_cycle_it_makes(catalog: Catalog) -> None:
    bad = with_career(
        catalog, "vp-of-operations", to_roles=["chief-operating-officer", "operations-manager"]
    )
    findings = check_ladder(bad)
    errors = [f.message for f in findings if f.severity == "error"]
    warnings = [f.message for f in findings if f.severity == "warning"]
    assert any(
        m.startswith(
            "VP of Operations → Operations Manager goes down a level (Vice president to Manager)"
        )
        and "vp-of-operations career.to" in m
        for m in warnings
    )
    assert len(errors) == 1
    assert errors[0].startswith("career cycle across levels: ")
    path = errors[0].split(": ", 1)[1].split(" (")[0].split(" → ")
    assert path[0] == path[-1]
    assert {"VP of Operations", "Operations Manager"} <= set(path)


def test_check_reports_self_reference_unknown_id_and_titles_of_catalog_roles(
    catalog: Catalog,
) -> None:
    bad = with_career(
        catalog,
        "operations-manager",
        from_roles=["operations-manager", "Operations Supervisor"],
        to_roles=["director-of-operation", "Head of Operations"],
    )
    prefix = "catalog/roles/operations-manager.yaml: "
    messages = {
        (f.severity, f.message.removeprefix(prefix))
        for f in check_ladder(bad)
        if f.message.startswith(prefix)
    }
    assert ("error", "career.from.0: lists the role itself") in messages
    assert ("error", "career.to.0: no role 'director-of-operation' in the catalog") in messages
    assert (
        "warning",
        "career.to.1: 'Head of Operations' names the catalog role director-of-operations; "
        "write its id so the step is linked",
    ) in messages


def test_two_way_lateral_moves_are_a_note_not_an_error(catalog: Catalog) -> None:
    both_ways = with_career(
        catalog, "operations-director", to_roles=["vp-of-operations", "director-of-operations"]
    )
    findings = check_ladder(both_ways)
    assert not [f for f in findings if f.severity == "error"]
    assert any(
        f.severity == "note"
        and f.message.startswith("two-way lateral moves: ")
        and "Operations Director" in f.message
        and "Director of Operations" in f.message
        for f in findings
    )


def test_check_command_exit_codes(tmp_path: Path) -> None:
    code, out, _ = run("ladder", "--check")
    assert code == 0
    assert re.search(
        r"career ladder of \d+ roles is consistent: 0 errors, 0 warnings, \d+ notes$", out.strip()
    )
    # a user catalog that replaces the VP of Operations with one that steps down
    data = yaml.safe_load((REPO / "catalog/roles/vp-of-operations.yaml").read_text())
    data["career"]["to"] = ["operations-manager"]
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles/vp-of-operations.yaml").write_text(yaml.safe_dump(data))
    code, out, _ = run("ladder", "--check", "--catalog", str(tmp_path))
    assert code == 1
    assert "error: career cycle across levels:" in out
    assert "warning: VP of Operations → Operations Manager goes down a level" in out
    assert "has problems: 1 error, 1 warning" in out
    load_catalog([tmp_path])  # the catalog itself is valid: only the ladder is wrong


# -- the text tree --------------------------------------------------------------------


def test_text_tree_when_piped() -> None:
    code, out, err = run("ladder", "Director of Operations")
    assert code == 0, err
    assert "\x1b[" not in out
    lines = out.splitlines()
    assert lines[0] == "Director of Operations (director)"
    assert lines[1] == "├── Comes from"
    assert "│   ├── Operations Manager (manager)" in lines
    assert "│   ├── Senior Operations Manager (outside the catalog)" in lines
    assert "│   ├── Director of Logistics (director, lateral move)" in lines
    leads = lines.index("└── Leads to")
    assert lines[leads + 1 :] == [
        "    ├── VP of Operations (vice president)",
        "    ├── Chief Operating Officer (executive, skips a level)",
        "    └── Operations Director (director, lateral move)",
    ]


def test_text_tree_through_a_real_pipe() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "jdgen", "ladder", "vpo"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("VP of Operations (vice president)\n├── Comes from\n")
    assert "\x1b[" not in done.stdout


def test_deeper_trees_do_not_repeat_what_they_already_show() -> None:
    code, out, _ = run("ladder", "operations-manager", "--depth", "3")
    assert code == 0
    assert (
        "    ├── Director of Operations (director)\n"
        "    │   ├── VP of Operations (vice president)\n"
        "    │   │   ├── Chief Operating Officer (executive)\n"
    ) in out
    # the VP of Operations' next steps are shown once, under the Director of Operations
    assert (
        "    ├── Director of Continuous Improvement (director)\n"
        "    │   ├── VP of Process Improvement (vice president)\n"
    ) in out
    assert "    │   └── VP of Operations (vice president, next steps shown above)\n" in out
    # a role shown again with nothing more below it is not marked
    assert "Chief Executive Officer (outside the catalog, next steps" not in out
    code, _, err = run("ladder", "operations-manager", "--depth", "0")
    assert code == 2 and "--depth" in err


def test_whole_family_by_level() -> None:
    code, out, _ = run("ladder")
    assert code == 0
    lines = out.splitlines()
    assert re.fullmatch(r"Operations career ladder: \d+ roles by level", lines[0])
    levels = [line[4:] for line in lines if re.match(r"[├└]── \S", line)]
    assert levels == [
        "Executive",
        "Vice president",
        "Director",
        "Manager",
        "Supervisor",
        "Coordinator",
    ]
    assert "│   ├── Chief Operating Officer (chief-operating-officer)" in lines
    assert any("leads to: Chief Executive Officer, President" in line for line in lines)


# -- the Mermaid diagram ------------------------------------------------------------


NODE = re.compile(r'^\s+(\w+)\["([^"]*)"\]$')
EDGE = re.compile(r"^\s+(\w+) (-->|-\. lateral \.->|-- skips a level -->|-\. down \.->) (\w+)$")


def mermaid_block(md: str) -> list[str]:
    block = re.search(r"```mermaid\n(.*?)\n```", md, re.S)
    assert block is not None
    return block.group(1).splitlines()


def test_role_mermaid_structure(catalog: Catalog) -> None:
    view = role_view(catalog, catalog.find_role("director-of-operations"))
    md = role_markdown(view, catalog.ladder_text)
    assert md.startswith("# Career ladder: Director of Operations\n\n```mermaid\nflowchart LR\n")
    lines = mermaid_block(md)
    nodes = {m.group(1): m.group(2) for line in lines if (m := NODE.match(line))}
    edges = [m.groups() for line in lines if (m := EDGE.match(line))]
    assert len(nodes) == len(view.nodes) and len(edges) == len(view.steps)
    assert nodes["director_of_operations"] == "Director of Operations"
    assert nodes["x_plant_manager"] == "Plant Manager"
    for source, _, target in edges:
        assert source in nodes and target in nodes
    assert ("director_of_operations", "-->", "vp_of_operations") in edges
    assert ("director_of_operations", "-. lateral .->", "operations_director") in edges
    assert ("director_of_operations", "-- skips a level -->", "chief_operating_officer") in edges
    assert ("operations_manager", "-->", "director_of_operations") in edges
    assert "    class director_of_operations focus" in lines
    outside = next(line for line in lines if line.endswith(" outside") and "class " in line)
    assert "x_plant_manager" in outside and "vp_of_operations" not in outside
    every_line = len(nodes) + len(edges) + 1 + 2 + 2  # flowchart, classDefs, class lines
    assert len(lines) == every_line
    assert "## Comes from\n\n- Operations Manager (manager)\n" in md
    assert "## Leads to\n\n- VP of Operations (vice president)\n" in md


def test_family_mermaid_structure(catalog: Catalog) -> None:
    view = family_view(catalog)
    md = family_markdown(view, catalog.ladder_text)
    lines = mermaid_block(md)
    assert lines[0] == "flowchart BT"
    subgraphs = [line.strip() for line in lines if line.strip().startswith("subgraph ")]
    assert subgraphs == [
        'subgraph level_executive["Executive"]',
        'subgraph level_vp["Vice president"]',
        'subgraph level_director["Director"]',
        'subgraph level_manager["Manager"]',
        'subgraph level_supervisor["Supervisor"]',
        'subgraph level_coordinator["Coordinator"]',
    ]
    assert sum(line.strip() == "end" for line in lines) == 6
    nodes = {m.group(1) for line in lines if (m := NODE.match(line))}
    assert nodes == {r.replace("-", "_") for r in catalog.roles}  # catalog roles only
    edges = [m.groups() for line in lines if (m := EDGE.match(line))]
    assert all(s in nodes and t in nodes for s, _, t in edges)
    assert ("vp_of_operations", "-->", "chief_operating_officer") in edges
    assert len(edges) == len(view.steps)
    assert "## Director\n\n" in md
    assert (
        "- **Director of Operations** (`director-of-operations`): leads to VP of Operations, "
        "Chief Operating Officer, Operations Director; comes from Operations Manager" in md
    )


def test_markdown_file_output_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "ladder.md"
    code, out, err = run("ladder", "-o", str(path))
    assert code == 0 and out == ""
    assert f"wrote {path}" in err
    assert path.read_text().startswith("# Operations career ladder\n")
    code, out, _ = run("ladder", "vpo", "--format", "md")
    assert code == 0 and out.startswith("# Career ladder: VP of Operations\n")

    bad = tmp_path / "ladder.docx"
    code, _, err = run("ladder", "-o", str(bad))
    assert code == 1
    assert err.strip() == (
        f"error: {bad}: cannot tell the format from the suffix '.docx' "
        "(expected one of .md, .markdown)"
    )
    assert not bad.exists()

    code, _, err = run("ladder", "Director of Opps")
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert err.startswith(
        "error: no role 'Director of Opps' — did you mean: director-of-operations"
    )


def test_ladder_help_has_examples() -> None:
    code, out, _ = run("ladder", "--help")
    assert code == 0
    assert 'jdgen ladder "Director of Operations"' in out
    assert "jdgen ladder -o ladder.md" in out


def test_the_ladders_wording_comes_from_the_catalog(tmp_path: Path) -> None:
    """A user catalog's ladder.yaml changes one sentence; the rest stay as shipped."""
    user = tmp_path / "cat"
    user.mkdir()
    (user / "ladder.yaml").write_text(
        "leads_to: Next steps\nsteps: {lateral: a sideways move}\narrows: {lateral: sideways}\n"
        'role_title: "Where {{ title }} goes"\n',
        encoding="utf-8",
    )
    out = tmp_path / "ladder.md"
    code, _out, err = run(
        "ladder", "director-of-operations", "--catalog", str(user), "-o", str(out)
    )
    assert code == 0, err
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Where Director of Operations goes\n")
    assert "## Next steps\n" in md and "## Leads to" not in md
    assert "## Comes from\n" in md  # not overridden: the built-in sentence
    assert "Operations Director (director, a sideways move)" in md
    assert "director_of_operations -. sideways .-> operations_director" in md
    code, tree, err = run("ladder", "director-of-operations", "--catalog", str(user))
    assert code == 0, err
    assert "Next steps" in tree and "a sideways move" in tree


def test_a_ladder_sentence_with_an_unknown_placeholder_is_a_catalog_problem(
    tmp_path: Path,
) -> None:
    user = tmp_path / "cat"
    user.mkdir()
    (user / "ladder.yaml").write_text('role_title: "Ladder of {{ role }}"\n', encoding="utf-8")
    code, _out, err = run("catalog", "validate", str(user))
    assert code == 1
    assert (
        f"{user}/ladder.yaml: role_title: unknown placeholder 'role' (expected one of title)" in err
    )
