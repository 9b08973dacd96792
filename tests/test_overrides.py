"""User overrides (issue 5): templates found before the built-in ones, user catalogs validated like
the built-in one, and both rendered in a sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from jdgen.catalog import builtin_catalog, placeholder_problems
from jdgen.cli import cli
from jdgen.templating import environment, template_loader

REPO = Path(__file__).resolve().parents[1]


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_loader_order_user_dirs_first_then_builtin_then_prefix(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    loader = template_loader([a, b])
    search = loader.loaders[0].searchpath  # type: ignore[attr-defined]
    assert search == [str(a), str(b), str(REPO / "templates")]
    assert list(loader.loaders[1].mapping) == ["!default"]  # type: ignore[attr-defined]


def test_override_extends_the_builtin_template_and_changes_one_block(tmp_path: Path) -> None:
    (tmp_path / "posting.md.j2").write_text(
        '{% extends "!default/posting.md.j2" %}\n'
        "{% block title %}# {{ jd.title }} ({{ jd.metadata.size_name }} company){% endblock %}\n"
    )
    plain = run("generate", "vpo").stdout
    custom = run("generate", "vpo", "--templates", str(tmp_path))
    assert custom.exit_code == 0, custom.stderr
    assert custom.stdout.startswith("# VP of Operations (Mid-size company)\n")
    # everything else is the built-in template's output
    assert custom.stdout.split("\n", 1)[1] == plain.split("\n", 1)[1]


def test_a_whole_replacement_template_wins(tmp_path: Path) -> None:
    (tmp_path / "posting.md.j2").write_text(
        "{{ jd.title }}{% for s in jd.sections %}|{{ s.heading }}{% endfor %}\n"
    )
    out = run("generate", "director-of-operations", "--templates", str(tmp_path)).stdout
    assert out.startswith("Director of Operations|About the role|Reporting line and team|")


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (
            "{{ ''.__class__.__mro__ }}",
            "line 1: not allowed in jdgen templates: access to attribute '__class__' of 'str' object is unsafe",
        ),
        ("x\n{{ jd.__class__.__init__.__globals__ }}", "line 2: not allowed in jdgen templates"),
        ("{{ jd.sections.append(1) }}", "not allowed in jdgen templates"),
        ("{{ lipsum.__globals__ }}", "not allowed in jdgen templates"),
        ("\n\n{{ nope }}", "line 3: 'nope' is undefined"),
        ("{% for x in %}", "line 1: Expected an expression"),
    ],
)
def test_user_templates_run_in_a_sandbox(tmp_path: Path, template: str, message: str) -> None:
    (tmp_path / "posting.md.j2").write_text(template)
    out = tmp_path / "out.md"
    result = run("generate", "vpo", "--templates", str(tmp_path), "-o", str(out))
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert line.startswith(f"error: template {tmp_path / 'posting.md.j2'}")
    assert message in line
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_templates_option_must_be_a_directory(tmp_path: Path) -> None:
    result = run("generate", "vpo", "--templates", str(tmp_path / "missing"))
    assert result.exit_code == 1
    assert "missing" in result.stderr


def user_role(tmp_path: Path, summary: str) -> Path:
    root = tmp_path / "cat"
    (root / "roles").mkdir(parents=True)
    text = (REPO / "catalog/roles/vp-of-operations.yaml").read_text()
    start = text.index("summary: >-")
    end = text.index("reports_to:")
    text = text[:start] + f"summary: {summary!r}\n" + text[end:]
    (root / "roles/vp-of-operations.yaml").write_text(
        text.replace("title: VP of Operations", "title: VP, Operations")
    )
    return root


def test_user_catalog_replaces_a_role_and_renders_its_placeholders(tmp_path: Path) -> None:
    root = user_role(tmp_path, "As our {{ title }}, you will run every {{ vocab.site }} we have.")
    result = run("generate", "vpo", "--catalog", str(root), "--industry", "retail")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# VP, Operations\n")
    assert "As our VP, Operations, you will run every store we have." in result.stdout


def test_user_catalog_text_runs_in_the_sandbox(tmp_path: Path) -> None:
    root = user_role(tmp_path, "As our {{ ''.__class__.__mro__ }}, you will run things.")
    for args in (("generate", "vpo", "--catalog", str(root)), ("catalog", "validate", str(root))):
        result = run(*args)
        assert result.exit_code == 1
        assert (
            f"{root}/roles/vp-of-operations.yaml: summary: not allowed in jdgen templates: "
            "access to attribute '__class__' of 'str' object is unsafe"
        ) in result.stderr


def test_every_placeholder_that_validates_also_works_in_show_and_generate(
    tmp_path: Path,
) -> None:
    """One placeholder context: {{ size }} and {{ industry }} pass validation, so show and
    generate fill them too (show used to fail with "'size' is undefined")."""
    root = user_role(
        tmp_path, "You will run a {{ size }} {{ industry }} business as {{ a_title }}."
    )
    assert run("catalog", "validate", str(root)).exit_code == 0
    shown = run("show", "vpo", "--catalog", str(root))
    assert shown.exit_code == 0, shown.stderr
    assert "You will run a mid-size general business as a VP, Operations." in shown.stdout
    made = run("generate", "vpo", "--size", "small", "--industry", "retail", "--catalog", str(root))
    assert made.exit_code == 0, made.stderr
    assert "You will run a small retail business as a VP, Operations." in made.stdout


def test_catalog_text_that_fails_for_one_size_is_caught_by_validate(tmp_path: Path) -> None:
    root = user_role(tmp_path, "{% if size == 'small' %}{{ vocab.nothing }}{% endif %}Run it.")
    result = run("catalog", "validate", str(root))
    assert result.exit_code == 1
    assert (
        f"{root}/roles/vp-of-operations.yaml: summary: cannot be filled in for size small: "
        in result.stderr
    )


def test_user_catalog_placeholders_are_validated_with_file_and_field(tmp_path: Path) -> None:
    root = user_role(tmp_path, "As our {{ titel }}, you will run every {{ vocab.site }.")
    result = run("catalog", "validate", str(root))
    assert result.exit_code == 1
    assert (
        f"{root}/roles/vp-of-operations.yaml: summary: placeholder syntax: unexpected '}}'"
        in result.stderr
    )
    root2 = user_role(tmp_path / "2", "As our {{ titel }}, you will run things.")
    result = run("catalog", "validate", str(root2))
    assert (
        f"{root2}/roles/vp-of-operations.yaml: summary: unknown placeholder 'titel' "
        "(expected one of title, a_title, company, vocab, size, industry, country, systems, "
        "team, headcount, description, usual, owns, countries)"
    ) in result.stderr


def test_builtin_catalog_placeholders_are_all_known() -> None:
    assert placeholder_problems(builtin_catalog()) == []


def test_environment_is_sandboxed_and_strict() -> None:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = environment(())
    assert isinstance(env, SandboxedEnvironment)
    assert env.undefined is StrictUndefined
