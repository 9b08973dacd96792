"""``--sector`` and ``--business-model`` on ``generate``, ``compare`` and ``batch`` work as
``--size`` and ``--industry`` do: they override the company file (a flag gives the posting
the file with that field would), are matched by id, name or alias, and a value the catalog
does not know is one line naming the choices, a non-zero exit and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from clirun import one_error_line, run

MODELS = (
    "b2b-products, b2c-stores, d2c-online, subscription-software, b2b-services, "
    "consumer-services, freight-brokerage, contract-logistics"
)


def company(tmp_path: Path, text: str, name: str = "company.yaml") -> str:
    path = tmp_path / name
    path.write_text("name: Acme\n" + text, encoding="utf-8")
    return str(path)


def generate(*args: str) -> str:
    code, out, err = run("generate", *args)
    assert code == 0, err
    return out


def test_sector_flag_gives_the_posting_the_company_file_would(tmp_path: Path) -> None:
    plain = company(tmp_path, "industry: manufacturing\n")
    cast = company(tmp_path, "industry: manufacturing\nsector: foundry\n", "foundry.yaml")
    by_flag = generate("director-of-operations", "--company", plain, "--sector", "foundry")
    assert by_flag == generate("director-of-operations", "--company", cast)
    assert by_flag != generate("director-of-operations", "--company", plain)
    assert "silica" in by_flag
    assert "silica" not in generate("director-of-operations", "--company", plain)
    # by name or alias, any case
    assert generate("director-of-operations", "--company", plain, "--sector", "Metal Casting") == (
        by_flag
    )


def test_sector_flag_overrides_the_files_and_empty_means_none(tmp_path: Path) -> None:
    plain = company(tmp_path, "industry: manufacturing\n")
    cast = company(tmp_path, "industry: manufacturing\nsector: foundry\n", "foundry.yaml")
    food = company(tmp_path, "industry: manufacturing\nsector: food-and-beverage\n", "food.yaml")
    role = "process-improvement-manager"
    assert generate(role, "--company", cast, "--sector", "food-and-beverage") == generate(
        role, "--company", food
    )
    assert generate(role, "--company", cast, "--sector", "") == generate(role, "--company", plain)


def test_sector_flag_is_checked_against_the_industry_given_with_it(tmp_path: Path) -> None:
    grocer = company(tmp_path, "industry: retail\nsector: grocery\n")
    out = generate("fulfillment-manager", "--industry", "manufacturing", "--sector", "foundry")
    assert "molten metal" in out
    assert generate(
        "fulfillment-manager", "--company", grocer, "--industry", "ecommerce", "--sector", "grocery"
    ) == generate("fulfillment-manager", "--company", grocer, "--industry", "ecommerce")


def test_business_model_flag_gives_the_posting_the_company_file_would(tmp_path: Path) -> None:
    plain = company(tmp_path, "industry: logistics\n")
    broker = company(
        tmp_path, "industry: logistics\nbusiness_model: freight-brokerage\n", "broker.yaml"
    )
    by_flag = generate(
        "logistics-manager", "--company", plain, "--business-model", "freight broker"
    )
    assert by_flag == generate("logistics-manager", "--company", broker)
    assert "5+ years of freight brokerage, dispatch or transportation experience" in by_flag
    default = generate("logistics-manager", "--company", plain)
    assert "5+ years of warehouse, distribution or transportation experience" in default


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ("generate", "vpo", "--industry", "manufacturing", "--sector", "sawmill"),
            "error: --sector: expected one of food-and-beverage, foundry for industry "
            "manufacturing, got 'sawmill'",
        ),
        (
            ("generate", "vpo", "--industry", "retail", "--sector", "foundry"),
            "error: --sector: 'foundry' is a sector of manufacturing, not retail "
            "(expected one of grocery, home-furnishings, outdoor-gear for industry retail)",
        ),
        (
            ("compare", "vpo", "coo", "--industry", "retail", "--sector", "sawmill"),
            "error: --sector: expected one of grocery, home-furnishings, outdoor-gear for industry retail, got 'sawmill'",
        ),
        (
            ("generate", "vpo", "--business-model", "barter"),
            f"error: --business-model: expected one of {MODELS}, got 'barter'",
        ),
        (
            ("compare", "vpo", "coo", "--business-model", "barter"),
            f"error: --business-model: expected one of {MODELS}, got 'barter'",
        ),
        (
            ("generate", "vpo", "--industry", "mining", "--sector", "foundry"),
            None,  # the industry is named first
        ),
    ],
)
def test_a_bad_value_is_one_line_naming_the_choices(
    args: tuple[str, ...], line: str | None, tmp_path: Path
) -> None:
    out = tmp_path / "out.md"
    code, stdout, err = run(*args, "-o", str(out))
    assert code == 1 and stdout == ""
    found = one_error_line(err)
    if line is None:
        assert found.startswith("error: --industry: expected one of ")
    else:
        assert found == line
    assert not out.exists()


def test_a_bad_business_model_in_a_company_file_names_the_file(tmp_path: Path) -> None:
    path = company(tmp_path, "business_model: barter\n")
    code, _, err = run("generate", "vpo", "--company", path)
    assert code == 1
    assert one_error_line(err) == (
        f"error: {path}: business_model: expected one of {MODELS}, got 'barter'"
    )


def test_compare_follows_the_flags() -> None:
    args = ("compare", "logistics-manager", "warehouse-supervisor", "--industry", "logistics")
    code, plain, err = run(*args, "--format", "md")
    assert code == 0, err
    code, broker, err = run(*args, "--business-model", "freight-brokerage", "--format", "md")
    assert code == 0, err
    line = "5+ years of freight brokerage, dispatch or transportation experience"
    assert line in broker and line not in plain
    code, cold, err = run(*args, "--sector", "cold-chain", "--format", "md")
    assert code == 0, err
    assert "temperature" in cold.lower() and "temperature" not in plain.lower()


def test_batch_flags_set_the_defaults_and_a_column_overrides_them(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "role,industry,sector,business_model,file\n"
        "director-of-operations,manufacturing,,,by-flag\n"
        "director-of-operations,manufacturing,food-and-beverage,,by-column\n"
        "director-of-operations,technology,,,other-industry\n"
        "logistics-manager,logistics,,3pl,model-column\n",
        encoding="utf-8",
    )
    outdir = tmp_path / "out"
    code, _, err = run(
        "batch", str(rows), "-o", str(outdir), "--format", "md", "-j", "1",
        "--industry", "manufacturing", "--sector", "foundry", "--business-model", "b2b-products",
    )  # fmt: skip
    assert code == 0, err
    texts = {p.stem: p.read_text(encoding="utf-8") for p in outdir.glob("*.md")}
    assert (
        generate("director-of-operations", "--industry", "manufacturing", "--sector", "foundry")
        == texts["by-flag"]
    )
    assert (
        generate(
            "director-of-operations", "--industry", "manufacturing", "--sector", "food-and-beverage"
        )
        == texts["by-column"]
    )
    # another industry drops the default sector it does not have, as --industry does
    assert texts["other-industry"] == generate(
        "director-of-operations", "--industry", "technology", "--business-model", "b2b-products"
    )
    assert texts["model-column"] == generate(
        "logistics-manager", "--industry", "logistics", "--business-model", "contract-logistics"
    )


@pytest.mark.parametrize(
    ("flag", "value", "line"),
    [
        (
            "--sector",
            "sawmill",
            "error: --sector: expected one of food-and-beverage, foundry for industry "
            "manufacturing, got 'sawmill'",
        ),
        (
            "--business-model",
            "barter",
            f"error: --business-model: expected one of {MODELS}, got 'barter'",
        ),
    ],
)
def test_batch_with_a_bad_flag_writes_nothing(
    flag: str, value: str, line: str, tmp_path: Path
) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("role\nvpo\n", encoding="utf-8")
    outdir = tmp_path / "out"
    code, _, err = run(
        "batch", str(rows), "-o", str(outdir), "--industry", "manufacturing", flag, value
    )
    assert code == 1
    assert one_error_line(err) == line
    assert not outdir.exists() or not any(outdir.iterdir())


def test_batch_rows_with_a_bad_column_are_named_by_line(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "role,industry,sector,business_model\n"
        "vpo,retail,foundry,\n"
        "vpo,retail,,barter\n"
        "vpo,retail,grocery,\n",
        encoding="utf-8",
    )
    code, _, err = run("batch", str(rows), "-o", str(tmp_path / "out"), "--format", "md")
    assert code == 1
    lines = err.splitlines()
    assert lines[0] == (
        f"error: {rows}:2: sector: 'foundry' is a sector of manufacturing, not retail "
        "(expected one of grocery, home-furnishings, outdoor-gear for industry retail)"
    )
    assert lines[1] == f"error: {rows}:3: business_model: expected one of {MODELS}, got 'barter'"
    assert lines[2].startswith("1 written, 2 failed (line 2, 3)")


def test_lint_takes_the_flags_for_a_role_and_refuses_them_for_a_file(tmp_path: Path) -> None:
    cast = tmp_path / "foundry.yaml"
    cast.write_text("industry: manufacturing\nsector: foundry\n", encoding="utf-8")
    code, by_flag, err = run(
        "lint", "director-of-operations", "--industry", "manufacturing", "--sector", "foundry"
    )
    assert code == 0, err
    assert by_flag.startswith("Posting check: Director of Operations")
    _, plain, _ = run("lint", "director-of-operations", "--industry", "manufacturing")
    assert by_flag == run("lint", "director-of-operations", "--company", str(cast))[1] != plain
    posting = tmp_path / "posting.md"
    posting.write_text(generate("director-of-operations"), encoding="utf-8")
    for flag, value in (("--sector", "foundry"), ("--business-model", "3pl")):
        code, _, err = run("lint", str(posting), flag, value)
        assert code == 1
        assert one_error_line(err) == (
            f"error: {flag}: applies only when SOURCE is a ROLE, not a file ({posting})"
        )


def test_the_options_override_the_company_on_the_fixture_catalog(tmp_path: Path) -> None:
    """The rule itself, on the fixture catalog and the glassworks sector of
    tests/test_sector_rules.py: names and aliases resolve to ids, a sector is checked
    against the industry given with it, and errors are exact."""
    from test_sector_rules import FIXTURE, overlay

    import jdgen
    from jdgen.cli.common import build_company
    from jdgen.errors import UnknownChoiceError

    cat = jdgen.load_catalog(FIXTURE, overlay(tmp_path), builtin=False)
    path = tmp_path / "company.yaml"
    path.write_text("industry: widgets\nbusiness_model: saas\n", encoding="utf-8")
    co = build_company(cat, path, None, None, "glass making", "B2B")
    assert (co.industry, co.sector, co.business_model) == (
        "widgets",
        "glassworks",
        "goods-to-business",
    )
    assert build_company(cat, path, None, None, "", None).sector is None
    assert build_company(cat, path, None, None, None, None).business_model == "saas"
    with pytest.raises(UnknownChoiceError) as err:
        build_company(cat, path, None, "software", "glass", None)
    assert str(err.value) == (
        "--sector: 'glass' is a sector of widgets, not software "
        "(expected no sector for industry software)"
    )
    with pytest.raises(UnknownChoiceError) as err:
        build_company(cat, path, None, None, None, "barter")
    assert str(err.value) == (
        "--business-model: expected one of goods-to-business, subscriptions, got 'barter'"
    )
    glass = jdgen.generate(
        "ops-manager", build_company(cat, path, "large", None, "glass"), catalog=cat
    )
    duties = [b.text for b in glass.section("responsibilities").all_bullets()]  # type: ignore[union-attr]
    assert "Keep people safe around the furnace and the molten glass." in duties
