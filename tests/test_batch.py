"""``jdgen batch``: one posting per row of a CSV or YAML file, as a user runs it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdgen.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["batch", *args])
    return result.exit_code, result.stdout, result.stderr


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def docx_paragraphs(path: Path) -> list[tuple[str, str]]:
    from docx import Document

    return [(p.style.name, p.text) for p in Document(str(path)).paragraphs if p.text]


# -- input files ----------------------------------------------------------------


def test_csv_rows_each_become_a_tailored_posting(tmp_path: Path) -> None:
    rows = write(
        tmp_path / "rows.csv",
        """
        role,size,industry,name,city,region,country,salary_min,salary_max,benefits
        Director of Operations,40,manufacturing,Acme Widgets,Denver,CO,US,"120,000",150000,Health insurance; 401(k) match
        VP of Operations,enterprise,healthcare,Mercy Health,,,,,,
        """,
    )
    out = tmp_path / "out"
    code, stdout, err = run(str(rows), "-o", str(out), "--format", "md", "--jobs", "1")
    assert code == 0, err
    assert stdout == ""
    assert files(out) == [
        "director-of-operations--acme-widgets--denver-co-us.md",
        "vp-of-operations--mercy-health.md",
    ]
    do = (out / "director-of-operations--acme-widgets--denver-co-us.md").read_text()
    assert do.startswith("# Director of Operations\n")
    assert "You will report to the Chief Executive Officer." in do  # small company: a COO from 250
    assert "OSHA" in do
    assert "$120,000 to $150,000 per year" in do
    assert "- Health insurance.\n- 401(k) match.\n" in do
    assert "Denver, CO, US" in do
    vpo = (out / "vp-of-operations--mercy-health.md").read_text()
    assert vpo.startswith("# VP of Operations\n")
    assert "HIPAA" in vpo and "directors responsible for functions, sites and regions" in vpo
    assert "2 written, 0 failed" in err
    assert f"2 files in {out}" in err


def test_yaml_rows_with_lists_dates_and_per_posting_fields(tmp_path: Path) -> None:
    rows = write(
        tmp_path / "rows.yaml",
        """
        - role: vpo
          title: Head of Operations
          size: small
          industry: ecommerce
          location: Austin, TX, US; Remote
          work_arrangement: hybrid
          benefits: [Equity, Four-day week]
          date_posted: 2026-11-01
          closing_date: 2026-12-01
          add_responsibilities: [Open our second fulfillment center in 2027]
          sections: ["Travel: Up to 20% travel to our sites"]
        - role: Operations Manager
          industry: logistics
        """,
    )
    out = tmp_path / "out"
    code, _, err = run(str(rows), "-o", str(out), "--format", "md", "-j", "1")
    assert code == 0, err
    assert files(out) == ["head-of-operations--austin-tx-us.md", "operations-manager.md"]
    text = (out / "head-of-operations--austin-tx-us.md").read_text()
    assert text.startswith("# Head of Operations\n")
    assert "- Open our second fulfillment center in 2027.\n" in text
    assert "## Travel\n\nUp to 20% travel to our sites." in text
    assert "- Equity.\n- Four-day week.\n" in text
    assert "Austin, TX, US" in text and "hybrid" in text
    assert "Applications close on December 1, 2026." in text
    assert (out / "operations-manager.md").read_text().startswith("# Operations Manager\n")


def test_company_file_gives_defaults_that_columns_override(tmp_path: Path) -> None:
    rows = write(
        tmp_path / "rows.csv",
        """
        role,name,city,region,salary_min,salary_max,industry
        Director of Operations,,,,,,
        Director of Operations,Acme Texas,Austin,TX,90000,110000,logistics
        """,
    )
    out = tmp_path / "out"
    company = str(FIXTURES / "acme.yaml")
    code, _, err = run(str(rows), "--company", company, "-o", str(out), "--format", "md", "-j", "1")
    assert code == 0, err
    assert files(out) == [
        "director-of-operations--acme-texas--austin-tx.md",
        "director-of-operations--acme-widgets--denver-co-us.md",
    ]
    plain = (out / "director-of-operations--acme-widgets--denver-co-us.md").read_text()
    assert "Acme Widgets makes precision valves" in plain
    assert "$120,000 to $150,000 per year" in plain
    assert "at our plant in Denver, CO, US" in plain
    texas = (out / "director-of-operations--acme-texas--austin-tx.md").read_text()
    assert "$90,000 to $110,000 per year" in texas  # currency and period still the company's
    assert "at our distribution center in Austin, TX." in texas and "Denver, CO" not in texas
    assert "OSHA" in plain and "FMCSA" in texas  # the row's industry, logistics
    # another employer's row: the --company file's benefits, about and website stay out
    assert "Three weeks of paid time off" not in texas and "precision valves" not in texas
    assert "Applications close on December 31, 2026." in texas


def test_several_formats_write_one_file_per_row_for_each(tmp_path: Path) -> None:
    rows = write(tmp_path / "rows.csv", "role,name\nvpo,Globex\nOperations Director,Initech\n")
    out = tmp_path / "out"
    from docx import Document

    code, _, err = run(str(rows), "-o", str(out), "--format", "docx", "--format", "md", "-j", "2")
    assert code == 0, err
    assert files(out) == [
        "operations-director--initech.docx",
        "operations-director--initech.md",
        "vp-of-operations--globex.docx",
        "vp-of-operations--globex.md",
    ]
    paragraphs = docx_paragraphs(out / "vp-of-operations--globex.docx")
    assert paragraphs[0] == ("Title", "VP of Operations")
    assert ("Heading 1", "What you will do") in paragraphs
    assert any(style == "List Bullet" for style, _ in paragraphs)
    assert Document(str(out / "vp-of-operations--globex.docx")).core_properties.author == "Globex"
    assert (out / "vp-of-operations--globex.md").read_text().startswith("# VP of Operations\n")
    assert "4 files in" in err


def test_templates_and_reference_docx_pass_through_to_every_row(tmp_path: Path) -> None:
    from docx import Document

    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "posting.md.j2").write_text(
        '{% extends "!default/posting.md.j2" %}'
        "{% block title %}# {{ jd.title }} at {{ jd.metadata.company_name }}{% endblock %}"
    )
    brand = Document()
    brand.sections[0].header.paragraphs[0].text = "GLOBEX BRAND HEADER"
    brand.save(str(tmp_path / "brand.docx"))
    rows = write(tmp_path / "rows.csv", "role,name\nvpo,Globex\nOperations Manager,Initech\n")
    out = tmp_path / "out"
    code, _, err = run(
        str(rows), "-o", str(out), "--format", "md", "--format", "docx", "-j", "2",
        "--templates", str(templates), "--reference-docx", str(tmp_path / "brand.docx"),
    )  # fmt: skip
    assert code == 0, err
    md = (out / "operations-manager--initech.md").read_text()
    assert md.startswith("# Operations Manager at Initech\n")
    docx = Document(str(out / "vp-of-operations--globex.docx"))
    assert docx.sections[0].header.paragraphs[0].text == "GLOBEX BRAND HEADER"
    assert docx.paragraphs[0].text == "VP of Operations"


# -- a bad row --------------------------------------------------------------------


def test_bad_row_is_reported_with_line_and_reason_and_the_others_are_written(
    tmp_path: Path,
) -> None:
    # The quoted cell spans two lines, so the bad row starts on line 4 of the file.
    rows = write(
        tmp_path / "rows.csv",
        """
        role,size,benefits
        vpo,small,"Health insurance
        Pension"
        Director of Operations,huge,
        Operations Manager,enterprise,
        """,
    )
    out = tmp_path / "out"
    code, _, err = run(str(rows), "-o", str(out), "--format", "md", "--jobs", "2")
    assert code == 1
    assert (
        f"error: {rows}:4: size: expected one of startup, small, mid-size, large, enterprise or a headcount, got 'huge'"
        in err
    )
    assert "Traceback" not in err
    assert files(out) == ["operations-manager.md", "vp-of-operations.md"]
    assert "- Health insurance.\n- Pension.\n" in (out / "vp-of-operations.md").read_text()
    assert "2 written, 1 failed (line 4)" in err


def test_bad_yaml_rows_name_their_line_and_column(tmp_path: Path) -> None:
    rows = write(
        tmp_path / "rows.yaml",
        """
        - role: vpo
          industry: retail
        - role: Director of Opps
        - role: vpo
          salary_min: 200000
          salary_max: 100000
        - role: vpo
          work_arrangement: sometimes
        - role: vpo
          closing_date: soon
        - role: vpo
          industy: retail
        """,
    )
    out = tmp_path / "out"
    code, _, err = run(str(rows), "-o", str(out), "--format", "md", "-j", "1")
    assert code == 1
    assert (
        f"{rows}:3: role: no role 'Director of Opps' — did you mean: director-of-operations" in err
    )
    assert f"{rows}:4: salary: min (200000) is greater than max (100000)" in err
    assert (
        f"{rows}:7: work_arrangement: expected one of 'on-site', 'hybrid' or 'remote', got 'sometimes'"
        in err
    )
    assert f"{rows}:9: closing_date: expected a date such as 2026-12-31, got 'soon'" in err
    assert f"{rows}:11: industy: unknown column (did you mean 'industry'?)" in err
    assert files(out) == ["vp-of-operations.md"]
    assert "1 written, 5 failed (line 3, 4, 7, 9, 11)" in err


def test_problem_with_the_file_itself_stops_before_writing(tmp_path: Path) -> None:
    rows = write(tmp_path / "rows.csv", "role,industy\nvpo,retail\n")
    out = tmp_path / "out"
    code, _, err = run(str(rows), "-o", str(out))
    assert code == 1
    assert err.strip() == f"error: {rows}:1: industy: unknown column (did you mean 'industry'?)"
    assert not out.exists()
    code, _, err = run(str(write(tmp_path / "rows.xlsx", "x")), "-o", str(out))
    assert code == 1
    assert "expected a .csv, .tsv, .yaml, .yml or .json file" in err
    code, _, err = run(str(write(tmp_path / "no-role.csv", "name\nAcme\n")), "-o", str(out))
    assert code == 1
    assert "no 'role' column" in err
    assert not out.exists()


# -- file names -------------------------------------------------------------------


def test_file_names_are_unique_safe_and_stay_in_the_folder(tmp_path: Path) -> None:
    rows = write(
        tmp_path / "rows.csv",
        """
        role,title,name
        vpo,Head of Ops,Acme
        vpo,Head of Ops,Acme
        vpo,../../Ops/Lead: West? <1>,Acme
        vpo,/etc/passwd,
        vpo,CON,
        vpo,,
        vpo,Head of Ops,Acme
        """,
    )
    work = tmp_path / "work"
    out = work / "out"
    # Seven rows, one per task, in a pool of two: names follow row order all the same.
    code, _, err = run(str(rows), "-o", str(out), "--format", "md", "-j", "2")
    assert code == 0, err
    assert files(work) == ["out"]  # nothing escaped the output folder
    assert files(out) == [
        "con-posting.md",
        "etc-passwd.md",
        "head-of-ops--acme-2.md",
        "head-of-ops--acme-3.md",
        "head-of-ops--acme.md",
        "ops-lead-west-1--acme.md",
        "vp-of-operations.md",
    ]
    assert (out / "ops-lead-west-1--acme.md").read_text().startswith("# ../../Ops/Lead: West? <1>")


def test_names_do_not_move_when_a_failing_row_is_fixed(tmp_path: Path, catalog) -> None:
    from jdgen.batch import plan, read_rows

    bad = write(tmp_path / "bad.csv", "role,size\nvpo,huge\nvpo,small\n")
    good = write(tmp_path / "good.csv", "role,size\nvpo,enterprise\nvpo,small\n")
    stems = [[p.stem for p in plan(read_rows(f), {}, catalog)] for f in (bad, good)]
    assert stems[0] == stems[1] == ["vp-of-operations", "vp-of-operations-2"]


def test_file_column_names_the_file(tmp_path: Path) -> None:
    rows = write(tmp_path / "rows.csv", "role,file\nvpo,REQ-1042 VPO\nvpo,REQ-1042 VPO\n")
    out = tmp_path / "out"
    code, _, err = run(str(rows), "-o", str(out), "--format", "md", "-j", "1")
    assert code == 0, err
    assert files(out) == ["req-1042-vpo-2.md", "req-1042-vpo.md"]


# -- overwriting ------------------------------------------------------------------


def test_existing_files_are_never_overwritten_without_force(tmp_path: Path) -> None:
    rows = write(tmp_path / "rows.csv", "role\nvpo\n")
    out = tmp_path / "out"
    assert run(str(rows), "-o", str(out), "--format", "md", "-j", "1")[0] == 0
    target = out / "vp-of-operations.md"
    target.write_text("my edits")
    write(tmp_path / "rows.csv", "role\nOperations Manager\nvpo\n")

    code, _, err = run(str(rows), "-o", str(out), "--format", "md", "-j", "1")
    assert code == 1
    assert err.strip() == (
        f"error: {target}: already exists (row {rows}:3); nothing was written: "
        "pass --force to overwrite, or choose another -o folder"
    )
    assert target.read_text() == "my edits"
    assert files(out) == ["vp-of-operations.md"]  # the new row was not written either

    code, _, err = run(str(rows), "-o", str(out), "--format", "md", "-j", "1", "--force")
    assert code == 0, err
    assert target.read_text().startswith("# VP of Operations\n")
    assert files(out) == ["operations-manager.md", "vp-of-operations.md"]


def test_with_workers_a_clash_late_in_the_file_still_writes_nothing(tmp_path: Path) -> None:
    # the workers build the first rows while the whole file is checked, and write
    # nothing until it is: the clash on the last row stops the batch with nothing written
    rows = write(tmp_path / "rows.csv", "role\n" + "vpo\n" * 40)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "vp-of-operations-40.md"
    target.write_text("my edits")
    code, _, err = run(str(rows), "-o", str(out), "--format", "md", "-j", "2")
    assert code == 1
    assert err.strip() == (
        f"error: {target}: already exists (row {rows}:41); nothing was written: "
        "pass --force to overwrite, or choose another -o folder"
    )
    assert files(out) == ["vp-of-operations-40.md"]
    assert target.read_text() == "my edits"

    code, _, err = run(str(rows), "-o", str(out), "--format", "md", "-j", "2", "--force")
    assert code == 0, err
    assert len(files(out)) == 40
    assert target.read_text().startswith("# VP of Operations\n")


def test_a_worker_writes_a_row_only_once_the_file_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # in a pool the parent checks the whole file while the workers build the first rows:
    # each worker waits for the check (an Event) between building a row and writing it
    import jdgen.files
    from jdgen import batch
    from jdgen.catalog import builtin_catalog

    events: list[str] = []

    class Check:
        def wait(self) -> None:
            events.append("checked")

    def write_files(written: list[tuple[Path, bytes]], tag: str, **options: object) -> None:
        events.append(f"write {len(written)}")

    rows = write(tmp_path / "rows.csv", "role\nvpo\n")
    job = batch.BatchJob(
        source=str(rows), outdir=tmp_path / "out", formats=("md", "docx"), defaults={}
    )
    [item] = batch.plan(batch.read_rows(rows), {}, builtin_catalog())
    monkeypatch.setattr(batch, "_worker", (job, builtin_catalog()))
    monkeypatch.setattr(batch, "_checked", Check())
    monkeypatch.setattr(jdgen.files, "write_files", write_files)
    assert batch.process(item).error is None
    assert events == ["checked", "write 2"]


# -- the command ------------------------------------------------------------------


def test_quiet_prints_nothing_when_every_row_is_written(tmp_path: Path) -> None:
    rows = write(tmp_path / "rows.csv", "role\nvpo\n")
    code, stdout, err = run(str(rows), "-o", str(tmp_path / "out"), "--format", "md", "-q")
    assert (code, stdout, err) == (0, "", "")


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["batch", "--help"])
    assert result.exit_code == 0
    assert "Example rows.csv:" in result.stdout
    assert "role,title,size,industry" in result.stdout
    assert "jdgen batch rows.csv -o postings/" in result.stdout


@pytest.mark.parametrize("value", ["Health insurance;401(k)", "Health insurance\n401(k)"])
def test_list_cells_split_on_semicolons_and_line_breaks(value: str) -> None:
    from jdgen.batch import clean_cell

    assert clean_cell(value, "benefits") == ["Health insurance", "401(k)"]
    assert clean_cell("  ", "benefits") is None
    assert clean_cell("120,000", "salary_min") == "120000"
