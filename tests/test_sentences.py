"""Every sentence of a posting comes from data: a user catalog can change any one of them
(issue 9 item 2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from jdgen.catalog import builtin_catalog, load_catalog
from jdgen.cli import cli
from jdgen.models import Company, Location, Salary
from jdgen.tailor import tailor


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def user_posting_yaml(tmp_path: Path, text: str) -> Path:
    root = tmp_path / "cat"
    root.mkdir()
    (root / "posting.yaml").write_text(text, encoding="utf-8")
    return root


def paragraphs(jd: object, section_id: str) -> list[str]:
    section = jd.section(section_id)  # type: ignore[attr-defined]
    return list(section.paragraphs) if section else []


def test_a_user_posting_yaml_changes_one_sentence_and_keeps_the_rest(tmp_path: Path) -> None:
    root = user_posting_yaml(
        tmp_path,
        "sentences:\n"
        "  reports_to: Your manager will be the {{ boss }} at {{ company }}.\n"
        "  location:\n"
        "    hybrid: '{{ title }}: hybrid, {{ employment_type }}, near {{ places }}.'\n"
        "  pay: Pay is {{ low }}–{{ high }} a {{ period }}.\n"
        "  closing_date: Apply by {{ date }}.\n",
    )
    catalog = load_catalog([root])
    company = Company(
        name="Acme",
        work_arrangement="hybrid",
        locations=[Location(city="Denver", region="CO")],
        salary=Salary(min=100000, max=120000),
        closing_date=dt.date(2030, 1, 31),
    )
    jd = tailor(catalog.find_role("vpo"), company, catalog)
    builtin = tailor(catalog.find_role("vpo"), company, builtin_catalog())
    reporting = paragraphs(jd, "reporting")[0]
    boss = jd.metadata.reports_to.title
    assert reporting.startswith(f"Your manager will be the {boss} at Acme. ")
    # the sentences the user left alone are the built-in ones
    assert reporting.split(". ", 1)[1] == paragraphs(builtin, "reporting")[0].split(". ", 1)[1]
    # the first paragraph is the location sentence; the role's travel follows (issue 11)
    assert paragraphs(jd, "location")[0] == "VP of Operations: hybrid, full-time, near Denver, CO."
    assert paragraphs(jd, "compensation")[0] == "Pay is $100,000–$120,000 a year."
    assert paragraphs(jd, "apply") == ["Apply by January 31, 2030."]
    assert [s.heading for s in jd.sections] == [s.heading for s in builtin.sections]


def test_builtin_sentences_read_as_before() -> None:
    catalog = builtin_catalog()
    company = Company(
        work_arrangement="remote",
        remote_regions=["US", "CA"],
        locations=[Location(city="Austin", region="TX")],
        how_to_apply="jobs@example.com",
    )
    jd = tailor(catalog.find_role("vpo"), company, catalog)
    assert paragraphs(jd, "location") == [
        "This is a full-time remote position open to applicants who live in the United States "
        "or Canada. Our team is based in Austin, TX.",
        # the role's travel (issue 11), at a mid-size company's two sites
        "Travel up to 10% of the time, mostly to our other location.",
    ]
    assert paragraphs(jd, "apply") == [
        "Email your résumé and a short note to jobs@example.com, with “VP of Operations” in the "
        "subject line."
    ]


def test_a_user_sentence_with_an_unknown_placeholder_is_one_clear_error(tmp_path: Path) -> None:
    root = user_posting_yaml(tmp_path, "sentences:\n  leads: You will lead {{ crew }}.\n")
    code, _, err = run("generate", "vpo", "--catalog", str(root))
    assert code != 0
    # caught when the catalog loads (issue 9), naming the file, the key and the choices
    lines = err.strip().splitlines()
    assert lines[0] == "error: the catalog has 1 problem:"
    assert (
        lines[1]
        .strip()
        .startswith(
            f"{root}/posting.yaml: sentences.leads: unknown placeholder 'crew' "
            "(expected one of a_title, boss, "
        )
    )
    assert len(lines) == 2


def test_a_user_posting_yaml_with_an_unknown_key_names_it(tmp_path: Path) -> None:
    root = user_posting_yaml(tmp_path, "sentences:\n  report_to: typo\n")
    code, _, err = run("generate", "vpo", "--catalog", str(root))
    assert code != 0
    assert "posting.yaml: sentences.report_to" in err


def test_help_lists_the_catalogs_sizes_and_industries() -> None:
    catalog = builtin_catalog()
    for command in ("generate", "init", "compare"):
        code, out, _ = run(command, "--help")
        assert code == 0
        flat = " ".join(out.split())
        assert ", ".join(catalog.industries) in flat, command
        assert ", ".join(catalog.sizes) in flat, command


def test_a_user_compare_yaml_changes_the_comparisons_wording(tmp_path: Path) -> None:
    from jdgen.compare import compare
    from jdgen.render.comparison import to_markdown

    root = tmp_path / "cat"
    root.mkdir()
    (root / "compare.yaml").write_text(
        "title: '{{ a }} compared with {{ b }}'\n"
        "headings: {shared: What both do}\n"
        "rows: {level: Seniority}\n"
        "summary:\n"
        "  same_boss: 'At {{ where }}, {{ a }} and {{ b }} share a boss: the {{ boss }}.'\n",
        encoding="utf-8",
    )
    catalog = load_catalog([root])
    company = Company(name="Acme", size="enterprise")
    ours = compare(
        catalog.find_role("vpo"), catalog.find_role("vp-of-process-improvement"), company, catalog
    )
    builtin = builtin_catalog()
    theirs = compare(
        builtin.find_role("vpo"), builtin.find_role("vp-of-process-improvement"), company, builtin
    )
    assert ours.title == "VP of Operations compared with VP of Process Improvement"
    assert ours.rows[0].label == "Seniority" and theirs.rows[0].label == "Level"
    boss = ours.a.reports_to
    assert boss == ours.b.reports_to
    line = (
        f"At Acme, the VP of Operations and the VP of Process Improvement share a boss: the {boss}."
    )
    assert line in ours.summary[1] and line not in theirs.summary[1]
    markdown = to_markdown(ours)
    assert "## What both do" in markdown and "## In short" in markdown
    # everything else reads as built in
    assert ours.summary[0] == theirs.summary[0]


def test_a_placeholder_in_a_users_countries_yaml_is_a_catalog_problem(tmp_path: Path) -> None:
    # a country's sentences are used as written: "{{ company }}" would reach the posting as is
    root = tmp_path / "cat"
    root.mkdir()
    (root / "countries.yaml").write_text(
        "hiring_statements:\n  existing_vacancy: '{{ company }} has this job open today.'\n",
        encoding="utf-8",
    )
    code, _, err = run("generate", "vpo", "--catalog", str(root))
    assert code == 1
    assert err.strip().splitlines() == [
        "error: the catalog has 1 problem:",
        f"  {root}/countries.yaml: hiring_statements.existing_vacancy: unknown placeholder "
        "'company' (expected one of none: this text takes none)",
    ]


def test_a_users_countries_yaml_changes_one_hiring_statement(tmp_path: Path) -> None:
    root = tmp_path / "cat"
    root.mkdir()
    (root / "countries.yaml").write_text(
        "hiring_statements:\n  existing_vacancy: This job is open today.\n", encoding="utf-8"
    )
    catalog = load_catalog([root])
    company = Company(name="Acme", existing_vacancy=True, ai_screening=False)
    jd = tailor(catalog.find_role("vpo"), company, catalog)
    assert paragraphs(jd, "apply")[-2:] == [
        "This job is open today.",
        "We do not use artificial intelligence to screen, assess or select applicants.",
    ]
