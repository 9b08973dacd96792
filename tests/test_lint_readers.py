"""Lint's readers (one per kind of file, one registry) and lint with a user's ``--catalog``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from jdgen.cli import cli
from jdgen.lint.readers import READERS, SUFFIXES, reader_for, sniff_suffix

REPO = Path(__file__).resolve().parents[1]
GOOD = REPO / "tests" / "fixtures" / "lint"


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def findings(out: str, check: str) -> list[dict[str, str]]:
    return [f for f in json.loads(out)["findings"] if f["check"] == check]


# -- the registry ---------------------------------------------------------------------


def test_every_suffix_has_one_reader_and_the_list_comes_from_the_readers(tmp_path: Path) -> None:
    assert SUFFIXES == (".md", ".markdown", ".txt", ".html", ".htm", ".docx", ".json")
    assert len(set(SUFFIXES)) == len(SUFFIXES)
    for reader in READERS:
        for suffix in reader.suffixes:
            path = tmp_path / f"posting{suffix.upper()}"  # suffixes match in any case
            path.write_bytes(b"x")
            assert reader_for(path) is reader


def test_an_unknown_suffix_names_every_suffix_the_registry_reads(tmp_path: Path) -> None:
    path = tmp_path / "posting.odt"
    path.write_bytes(b"x")
    code, _out, err = run("lint", str(path))
    assert code == 1
    assert "cannot read '.odt' files (expected one of " + ", ".join(SUFFIXES) + ")" in err


@pytest.mark.parametrize(
    ("data", "suffix"),
    [
        (b"PK\x03\x04rest", ".docx"),
        (b'  {"title": "Director"}', ".json"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html>", ".html"),
        (b"# Director of Operations\n\nText.", ".md"),
        (b"Director of Operations\n\nText.", ".txt"),
    ],
)
def test_content_piped_in_is_told_by_its_first_bytes(data: bytes, suffix: str) -> None:
    assert sniff_suffix(data) == suffix


# -- jdgen's JSON ---------------------------------------------------------------------


def test_a_json_posting_reads_as_the_posting_it_was_written_from(tmp_path: Path) -> None:
    company = REPO / "tests" / "fixtures" / "acme.yaml"
    out = tmp_path / "vpo.json"
    code, _o, err = run("generate", "vpo", "--company", str(company), "-o", str(out))
    assert code == 0, err
    code, from_file, err = run("lint", str(out), "--format", "json", "--date", "2026-01-05")
    assert code == 0, err
    code, from_role, err = run(
        "lint", "vpo", "--company", str(company), "--format", "json", "--date", "2026-01-05"
    )
    assert code == 0, err
    a, b = json.loads(from_file), json.loads(from_role)
    assert a["source"] == str(out)
    a.pop("source"), b.pop("source")
    assert a == b  # the same findings and score: the structure and metadata are read whole
    code, piped, err = run("lint", "-", "--format", "json", stdin=out.read_bytes())
    assert code == 0, err
    assert json.loads(piped)["score"] == a["score"]


def test_json_that_is_not_a_jdgen_posting_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"title": "Director", "sections": "none"}', encoding="utf-8")
    code, _out, err = run("lint", str(path))
    assert code == 1
    line = err.strip()
    assert "\n" not in line and "Traceback" not in line
    assert line.startswith(f"error: {path}: ")
    assert "expected a posting written by 'jdgen generate --format json'" in line


# -- --catalog ------------------------------------------------------------------------


def test_lint_uses_the_size_bands_of_the_users_catalog(tmp_path: Path) -> None:
    """A user catalog where "small" means 1–9 people: California's law (15+ employees) then
    cannot apply, where the built-in "small" (20–99) leaves it possible."""
    scope = "You will run operations with the founders."
    small = {"id": "small", "name": "Small", "headcount_min": 1, "headcount_max": 9}
    small |= {"typical_headcount": 5, "scope": [{"text": scope}]}
    user = tmp_path / "cat"
    user.mkdir()
    (user / "sizes.yaml").write_text(yaml.safe_dump([small]), encoding="utf-8")
    company = tmp_path / "company.yaml"
    company.write_text(
        "locations: [{city: Sacramento, region: CA, country: US}]\nwork_arrangement: on-site\n",
        encoding="utf-8",
    )
    base = ("lint", "vpo", "--company", str(company), "--size", "small", "--format", "json")
    code, out, err = run(*base, "--date", "2026-01-05")
    assert code == 0, err
    assert [f["rule"] for f in findings(out, "pay-transparency")] == ["california"]
    code, out, err = run(*base, "--date", "2026-01-05", "--catalog", str(user))
    assert code == 0, err
    assert "california" not in [f["rule"] for f in findings(out, "pay-transparency")]


def test_lint_wording_and_thresholds_come_from_the_users_lint_folder(tmp_path: Path) -> None:
    lint = tmp_path / "cat" / "lint"
    lint.mkdir(parents=True)
    (lint / "messages.yaml").write_text(
        "title:\n  too-long:\n    why: Our careers site cuts titles at {{ max }} characters.\n",
        encoding="utf-8",
    )
    (lint / "checks.yaml").write_text("title:\n  max_chars: 20\n", encoding="utf-8")
    posting = GOOD / "warehouse-supervisor.md"
    code, out, err = run("lint", str(posting), "--format", "json")
    assert code == 0, err
    assert not [f for f in findings(out, "title") if f["rule"] == "too-long"]
    code, out, err = run("lint", str(posting), "--format", "json", "--catalog", str(lint.parent))
    assert code == 0, err
    too_long = [f for f in findings(out, "title") if f["rule"] == "too-long"]
    assert [f["why"] for f in too_long] == ["Our careers site cuts titles at 20 characters."]


def test_a_mistake_in_the_users_lint_folder_names_the_file_and_field(tmp_path: Path) -> None:
    lint = tmp_path / "cat" / "lint"
    lint.mkdir(parents=True)
    (lint / "checks.yaml").write_text("title:\n  max_chars: lots\n", encoding="utf-8")
    code, _out, err = run(
        "lint", str(GOOD / "warehouse-supervisor.md"), "--catalog", str(lint.parent)
    )
    assert code == 1
    assert f"{lint / 'checks.yaml'}: title.max_chars:" in err
    assert "Traceback" not in err


def test_lint_reads_the_countries_of_the_users_catalog(tmp_path: Path) -> None:
    """A country added in the user's countries.yaml: a posting there is checked for a
    statement naming its law."""
    table = yaml.safe_load((REPO / "catalog" / "countries.yaml").read_text(encoding="utf-8"))
    table["countries"].append(
        {
            "code": "AU",
            "name": "Australia",
            "locale": "en_AU",
            "privacy_laws": "the Privacy Act 1988",
            "statement_law": "the Fair Work Act 2009",
            "equal_opportunity": "We welcome applicants of every background.",
            "sources": [{"title": "Fair Work Act 2009", "url": "https://www.legislation.gov.au"}],
        }
    )
    user = tmp_path / "cat"
    user.mkdir()
    (user / "countries.yaml").write_text(yaml.safe_dump(table), encoding="utf-8")
    posting = tmp_path / "posting.md"
    posting.write_text(
        "# Warehouse Supervisor\n\n## About the role\n\nYou will lead the night shift at our "
        "warehouse and keep the team safe.\n\n## Location\n\nMelbourne, Australia (on-site).\n",
        encoding="utf-8",
    )
    code, out, err = run("lint", str(posting), "--format", "json")
    assert code == 0, err
    assert "Fair Work" not in out
    code, out, err = run("lint", str(posting), "--format", "json", "--catalog", str(user))
    assert code == 0, err
    statement = [f for f in findings(out, "completeness") if f["rule"] == "equal-opportunity"]
    assert statement and "Fair Work Act 2009" in json.dumps(statement)


def test_an_unknown_placeholder_in_a_users_lint_message_names_file_key_and_choices(
    tmp_path: Path,
) -> None:
    lint = tmp_path / "cat" / "lint"
    lint.mkdir(parents=True)
    (lint / "messages.yaml").write_text(
        "title:\n  too-long:\n    why: Titles over {{ maximum }} characters are cut.\n",
        encoding="utf-8",
    )
    code, _out, err = run(
        "lint", str(GOOD / "warehouse-supervisor.md"), "--catalog", str(lint.parent)
    )
    assert code == 1
    assert (
        f"{lint / 'messages.yaml'}: title.too-long.why: unknown placeholder 'maximum' "
        "(expected one of chars, max)"
    ) in err


def test_catalog_validate_checks_the_lint_folder_with_the_rest(tmp_path: Path) -> None:
    user = tmp_path / "cat"
    (user / "lint").mkdir(parents=True)
    (user / "lint" / "messages.yaml").write_text(
        "length:\n  too-short:\n    why: Only {{ wrds }} words.\n", encoding="utf-8"
    )
    (user / "compare.yaml").write_text('title: "{{ a }} or {{ bb }}"\n', encoding="utf-8")
    code, _out, err = run("catalog", "validate", str(user))
    assert code == 1
    assert "the catalog has 2 problems" in err
    assert (
        f"{user / 'compare.yaml'}: title: unknown placeholder 'bb' (expected one of a, b, company)"
        in err
    )
    assert (
        f"{user / 'lint' / 'messages.yaml'}: length.too-short.why: unknown placeholder 'wrds'"
        in err
    )
