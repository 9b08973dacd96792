"""Input that used to be accepted but wrong, and messages that misled (issue 14, classes 4-6)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from clirun import one_error_line, run

ROLE = "Director of Operations"


# --- CSV is strict about quotes ------------------------------------------------------


def test_an_unclosed_quote_in_a_batch_csv_names_the_row_and_writes_nothing(
    tmp_path: Path,
) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text(
        'role,name\nVP of Operations,Globex\n"Director of Operations,Acme\nVP of Operations,Initech\n'
    )
    code, _, err = run("batch", str(rows), "-o", str(tmp_path / "out"))
    assert code == 1
    line = one_error_line(err)
    assert line.startswith(f"error: {rows}:3: a quoted cell in this row is never closed")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_text_after_a_closing_quote_is_an_error_not_a_merged_cell(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text('role,name\n"Director of Operations"x,Acme\n')
    code, _, err = run("batch", str(rows), "-o", str(tmp_path / "out"))
    assert code == 1
    assert one_error_line(err).startswith(f"error: {rows}:2: a quoted cell has text after")


def test_a_csv_cell_over_128_kb_is_read(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    about = "We make valves. " * 10_000  # 160 KB, more than csv's default field limit
    rows.write_text(f'role,name,about\n{ROLE},Acme,"{about}"\n')
    out = tmp_path / "out"
    code, _, err = run("batch", str(rows), "-o", str(out), "--format", "md")
    assert code == 0, err
    (posting,) = out.glob("*.md")
    assert "We make valves." in posting.read_text()


def test_a_csv_cell_over_the_documented_bound_is_one_line_naming_the_row(tmp_path: Path) -> None:
    from jdgen.batch import MAX_CELL

    rows = tmp_path / "rows.csv"
    rows.write_text(f'role,name\n{ROLE},Acme\n{ROLE},"{"a" * (MAX_CELL + 1)}"\n')
    code, _, err = run("batch", str(rows), "-o", str(tmp_path / "out"))
    assert code == 1
    assert one_error_line(err) == (
        f"error: {rows}:3: a cell is longer than 1 MB, more than jdgen reads "
        "(or a quote is never closed)"
    )


# --- finite, sane numbers --------------------------------------------------------------


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "1e400"])
def test_a_salary_that_is_not_a_finite_number_is_refused(tmp_path: Path, value: str) -> None:
    company = tmp_path / "company.yaml"
    company.write_text(f"name: Acme\nsalary: {{min: 1000, max: {value}}}\n")
    code, out, err = run("generate", ROLE, "--company", str(company), "--format", "jsonld")
    assert code == 1 and out == ""
    line = one_error_line(err)
    assert line.startswith(f"error: {company}: salary.max: ")


@pytest.mark.parametrize("text", ["1-inf", "nan-nan", "1k-1e999", "inf"])
def test_salary_option_refuses_infinity(text: str) -> None:
    code, out, err = run("generate", ROLE, "--salary", text)
    assert code == 1 and out == ""
    assert one_error_line(err).startswith("error: --salary: expected a range such as 120k-150k")


def test_init_refuses_an_infinite_salary(tmp_path: Path) -> None:
    target = tmp_path / "company.yaml"
    code, _, err = run(
        "init", str(target), "--no-input", "--salary-min", "1", "--salary-max", "inf"
    )
    assert code == 2 and "--salary-max" in err and "inf" in err
    assert not target.exists()


# --- duplicate keys -------------------------------------------------------------------


def test_a_duplicate_key_in_a_company_file_names_the_key_and_both_lines(tmp_path: Path) -> None:
    company = tmp_path / "company.yaml"
    company.write_text("name: Acme\nsize: 40\nname: Globex\n")
    code, _, err = run("generate", ROLE, "--company", str(company))
    assert code == 1
    assert one_error_line(err) == (
        f"error: {company}: line 3: duplicate key 'name' (first on line 1); keep one"
    )


def test_a_duplicate_key_in_a_batch_yaml_row_is_an_error(tmp_path: Path) -> None:
    rows = tmp_path / "rows.yaml"
    rows.write_text(f"- role: {ROLE}\n  name: Acme\n- role: {ROLE}\n  size: 40\n  size: 400\n")
    code, _, err = run("batch", str(rows), "-o", str(tmp_path / "out"))
    assert code == 1
    assert one_error_line(err) == (
        f"error: {rows}: line 5: duplicate key 'size' (first on line 4); keep one"
    )


def test_a_duplicate_key_in_a_user_catalog_is_a_catalog_problem(tmp_path: Path) -> None:
    industry = tmp_path / "industries" / "mine.yaml"
    industry.parent.mkdir()
    industry.write_text("id: mine\nname: Mine\nname: Ours\n")
    code, _, err = run("catalog", "validate", str(tmp_path))
    assert code == 1
    assert "mine.yaml: line 3: duplicate key 'name' (first on line 2); keep one" in err


def test_a_duplicate_key_in_lint_rules_is_named(tmp_path: Path) -> None:
    rules = tmp_path / "lint" / "gender-coded.yaml"
    rules.parent.mkdir()
    rules.write_text("masculine: [ninja]\nmasculine: [rockstar]\n")
    posting = tmp_path / "p.md"
    posting.write_text("# Director of Operations\n\nWe hire.\n")
    code, _, err = run("lint", str(posting), "--catalog", str(tmp_path))
    assert code == 1
    assert "gender-coded.yaml: line 2: duplicate key 'masculine' (first on line 1)" in err


def test_merge_keys_and_shared_anchors_are_still_read(tmp_path: Path) -> None:
    from jdgen.yamlfile import parse

    text = "base: &b {city: Denver, country: US}\nhere: {<<: *b, city: Boulder}\nboth: [*b, *b]\n"
    document, _ = parse(text, "x.yaml")
    assert document["here"] == {"city": "Boulder", "country": "US"}
    assert document["both"] == [{"city": "Denver", "country": "US"}] * 2


# --- init writes what it can read -------------------------------------------------------


def test_init_region_75_reads_back(tmp_path: Path) -> None:
    target = tmp_path / "company.yaml"
    code, _, err = run(
        "init", str(target), "--no-input", "--city", "Paris", "--region", "75", "--country", "FR"
    )
    assert code == 0, err
    code, out, err = run("generate", ROLE, "--company", str(target), "--format", "json")
    assert code == 0, err
    (place,) = json.loads(out)["metadata"]["locations"]
    assert (place["city"], place["region"]) == ("Paris", "75")


def test_init_headcount_stays_a_number(tmp_path: Path) -> None:
    target = tmp_path / "company.yaml"
    code, _, err = run("init", str(target), "--no-input", "--size", "40")
    assert code == 0, err
    assert "\nsize: 40\n" in target.read_text()


# --- messages ----------------------------------------------------------------------------


def test_a_newline_in_a_value_stays_escaped_on_one_line() -> None:
    code, _, err = run("generate", "Nope\nsecond line")
    assert code == 1
    assert one_error_line(err).startswith("error: no role 'Nope\\nsecond line'")


def test_a_newline_in_a_batch_cell_stays_on_one_line(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text('role,name\n"Nope\nrow",Acme\n')
    code, _, err = run("batch", str(rows), "-o", str(tmp_path / "out"))
    assert code == 1
    first = err.splitlines()[0]
    assert first.startswith(f"error: {rows}:2: role: no role 'Nope\\nrow'")
    assert err.splitlines()[1].startswith("0 written, 1 failed (line 2)")


def test_lint_on_a_directory_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "postings.md"
    folder.mkdir()
    code, _, err = run("lint", str(folder))
    assert code == 1
    assert one_error_line(err).startswith(f"error: {folder}: is a directory; give a posting file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_lint_on_a_fifo_says_so_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "posting.md"
    os.mkfifo(fifo)
    code, _, err = run("lint", str(fifo))
    assert code == 1
    assert one_error_line(err).startswith(f"error: {fifo}: not a regular file")


@pytest.mark.parametrize("term", ["Ωμέγα", "!!!", "директор"])
def test_a_search_that_matches_nothing_lists_nothing(term: str) -> None:
    code, out, err = run("roles", "--search", term)
    assert code == 1 and out == ""
    assert one_error_line(err) == (
        f"error: no roles match {term!r} (run 'jdgen roles' to list them all)"
    )


def test_a_search_still_finds_roles() -> None:
    code, out, _ = run("roles", "--search", "supply")
    assert code == 0 and "chief-supply-chain-officer" in out


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (["--bogus"], "jdgen"),
        (["bogus"], "jdgen"),
        (["generate", ROLE, "--bogus"], "jdgen generate"),
    ],
)
def test_a_usage_error_is_one_line_and_a_hint(args: list[str], command: str) -> None:
    code, out, err = run(*args)
    assert code == 2 and out == ""
    error, hint = err.splitlines()
    assert error.startswith("error: No such ") and "bogus" in error
    assert hint == f"hint: run '{command} --help' for the options"
