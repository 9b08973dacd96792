"""Lint findings say what messages.yaml says; the US states come from ISO 3166-2
(issue 9 item 2)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jdgen.errors import CatalogError
from jdgen.lint import lint_file
from jdgen.lint.rules import lint_dir, load_rules


def lint_rules_with(tmp_path: Path, old: str, new: str) -> Path:
    root = tmp_path / "lint"
    shutil.copytree(lint_dir(), root)
    path = root / "messages.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return root


def test_a_findings_why_and_try_come_from_messages_yaml(tmp_path: Path) -> None:
    posting = tmp_path / "p.txt"
    posting.write_text("OPERATIONS MANAGER\n\nWe need someone to run the warehouse.\n")
    root = lint_rules_with(
        tmp_path,
        "    why: A title in capitals reads as shouting.\n    try: Use title case.",
        "    why: '{{ 1 + 1 }} capitals: too loud.'\n    try: Write it in Title Case.",
    )
    builtin = lint_file(posting)
    ours = lint_file(posting, rules=load_rules(root))
    caps = [f for f in builtin.findings if f.rule == "caps"]
    assert [(f.why, f.suggestion) for f in caps] == [
        ("A title in capitals reads as shouting.", "Use title case.")
    ]
    assert [(f.why, f.suggestion) for f in ours.findings if f.rule == "caps"] == [
        ("2 capitals: too loud.", "Write it in Title Case.")
    ]
    # the other findings are unchanged
    rest = [f for f in ours.findings if f.rule != "caps"]
    assert rest == [f for f in builtin.findings if f.rule != "caps"]


def test_length_finding_fills_its_numbers(tmp_path: Path) -> None:
    posting = tmp_path / "p.txt"
    posting.write_text("Operations Manager\n\nRun the warehouse.\n")
    (finding,) = [f for f in lint_file(posting).findings if f.check == "length"]
    rules = load_rules()
    assert finding.text == "3 words"
    assert finding.why.startswith(f"Under {rules.checks.length.min_words} words of body text")


def test_a_missing_message_file_is_named(tmp_path: Path) -> None:
    root = tmp_path / "lint"
    shutil.copytree(lint_dir(), root)
    (root / "messages.yaml").unlink()
    with pytest.raises(CatalogError, match=r"messages\.yaml: missing"):
        load_rules(root)


def test_us_states_come_from_iso_3166_2() -> None:
    import pycountry

    from jdgen.lint.sources import US_STATES as table

    assert len(table) == 51 and table["CO"] == "Colorado" and table["DC"] == "District of Columbia"
    assert table == {
        s.code[3:]: s.name
        for s in pycountry.subdivisions.get(country_code="US")
        if s.type in ("State", "District")
    }
