"""The review set for blind content reviews (issue 10, tests/review/): every line of
postings.txt generates a posting with no template residue, and write.py's index
gives a reviewer the company facts of each posting."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

import pytest

import jdgen

_spec = importlib.util.spec_from_file_location(
    "review_write", Path(__file__).parent / "review" / "write.py"
)
assert _spec is not None and _spec.loader is not None
review = sys.modules["review_write"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(review)

LINES = review.lines()
EMPTY_BULLET = re.compile(r"^\s*[-*+]\s*[.,;:]?\s*$", re.MULTILINE)


def test_the_set_spans_levels_sizes_and_industries() -> None:
    catalog = jdgen.load_catalog()
    roles = [catalog.find_role(line.args[0]) for line in LINES]
    companies = [jdgen.load_company(line.option("--company"), catalog) for line in LINES]
    assert len(LINES) == 46  # the 44 of the last blind review, and two frontline postings
    assert len({line.label for line in LINES}) == 46
    assert {r.level for r in roles} == {r.level for r in catalog.roles.values()}
    assert {catalog.find_industry(c.industry).id for c in companies} == set(catalog.industries)
    assert {5, 50_000} <= {c.size for c in companies}


@pytest.mark.parametrize("line", LINES, ids=[line.label for line in LINES])
def test_every_line_generates_a_clean_posting(line: Any) -> None:
    code, stdout, stderr = review.run(line)
    assert code == 0, stderr
    assert "error" not in stderr
    assert "{{" not in stdout and "{%" not in stdout
    assert not re.search(r"\bNone\b", stdout)
    assert not EMPTY_BULLET.search(stdout)
    assert stdout.startswith("# ")


def test_write_puts_every_posting_and_its_facts_in_the_index(tmp_path: Path) -> None:
    review.main([str(tmp_path)])
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    for line in LINES:
        assert (tmp_path / f"{line.stem}.md").read_text(encoding="utf-8").startswith("# ")
        assert (tmp_path / f"{line.stem}.err").exists()
        assert f"]({line.stem}.md): " in index
    assert index.count("Pay range for this role: ") == 46
    assert "FAILED" not in index
    assert "Company: Meridian Bank, 50,000 people, industry: Financial services" in index
    assert "Pay range for this role: €200,000 to €260,000 a year" in index
    assert "Location: Berlin, Germany\n" in index
