"""The validated company and the compiled templates kept between runs never change what
jdgen writes: the same company file gives the same company and posting with and without
them, an edited file or template is seen on the next run, and a damaged or unwritable
cache falls back silently."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jdgen.catalog import builtin_catalog, load_catalog
from jdgen.company import load_company
from jdgen.errors import CompanyFileError
from jdgen.models import Company
from jdgen.render import render
from jdgen.tailor import tailor
from jdgen.templating import Sandbox, environment

REPO = Path(__file__).resolve().parents[1]
COMPANY = """\
name: Northwind Castings
about: Northwind Castings pours iron parts for pumps and valves.
size: 180
industry: manufacturing
locations:
  - {city: Toledo, region: OH, country: US}
salary: {min: 120000, max: 150000}
closing_date: December 31, 2026
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "cache"
    monkeypatch.setenv("JDGEN_CACHE_DIR", str(root))
    return root


def company_file(tmp_path: Path, text: str = COMPANY) -> Path:
    path = tmp_path / "company.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_remembered_company_is_the_company_the_file_gives(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = company_file(tmp_path)
    catalog = builtin_catalog()
    first = load_company(path, catalog)
    assert len(list(cache.glob("company-*.pickle"))) == 1
    again = load_company(path, catalog)
    assert again is not first
    assert again == first
    monkeypatch.setenv("JDGEN_NO_CACHE", "1")
    assert load_company(path, catalog) == first
    assert first.name == "Northwind Castings"
    assert str(first.closing_date) == "2026-12-31"


def test_an_edited_company_file_is_seen_on_the_next_load(cache: Path, tmp_path: Path) -> None:
    catalog = builtin_catalog()
    path = company_file(tmp_path)
    assert load_company(path, catalog).name == "Northwind Castings"
    company_file(tmp_path, COMPANY.replace("Northwind", "Southwind"))
    assert load_company(path, catalog).name == "Southwind Castings"


def test_a_bad_company_file_is_an_error_every_time(cache: Path, tmp_path: Path) -> None:
    catalog = builtin_catalog()
    path = company_file(tmp_path, COMPANY.replace("size: 180", "size: huge"))
    for _ in range(2):
        with pytest.raises(CompanyFileError, match="size: expected one of"):
            load_company(path, catalog)
    assert not list(cache.glob("company-*.pickle"))


def test_the_catalog_checks_run_on_a_remembered_company(cache: Path, tmp_path: Path) -> None:
    """A company that passed with a user catalog's extra industry is remembered, but with
    the built-in catalog alone its industry is still unknown."""
    extra = tmp_path / "cat"
    (extra / "industries").mkdir(parents=True)
    general = (REPO / "catalog" / "industries" / "general.yaml").read_text(encoding="utf-8")
    (extra / "industries" / "shipyards.yaml").write_text(
        general.replace("id: general", "id: shipyards").replace("name: General", "name: Yards"),
        encoding="utf-8",
    )
    path = company_file(tmp_path, COMPANY.replace("manufacturing", "shipyards"))
    assert load_company(path, load_catalog([extra])).industry == "shipyards"
    with pytest.raises(CompanyFileError, match="industry"):
        load_company(path, builtin_catalog())


def test_a_damaged_company_entry_is_ignored(cache: Path, tmp_path: Path) -> None:
    catalog = builtin_catalog()
    path = company_file(tmp_path)
    fresh = load_company(path, catalog)
    (entry,) = cache.glob("company-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert load_company(path, catalog) == fresh
    entry.write_bytes(entry.read_bytes()[:10])
    assert load_company(path, catalog) == fresh


def run_generate(cwd: Path, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "jdgen", "generate", "Director of Operations", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_postings_are_the_same_with_and_without_the_caches(tmp_path: Path) -> None:
    company_file(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(REPO), "SOURCE_DATE_EPOCH": "1767225600"}
    env["JDGEN_CACHE_DIR"] = str(tmp_path / "cache")
    # Markdown from the built-in template needs no Jinja; plain text goes through it
    for args in ((), ("--format", "txt")):
        fresh = run_generate(tmp_path, {**env, "JDGEN_NO_CACHE": "1"}, *args)
        assert "Northwind Castings" in fresh
        first = run_generate(tmp_path, env, *args)  # fills the caches
        assert run_generate(tmp_path, env, *args) == first == fresh
    assert list((tmp_path / "cache").glob("company-*.pickle"))
    assert list((tmp_path / "cache" / "templates").glob("template-*.jinja"))
    assert list((tmp_path / "cache").glob("similar-*.pickle"))


def test_an_edited_user_template_is_seen_on_the_next_run(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    template = templates / "posting.md.j2"
    env = {**os.environ, "PYTHONPATH": str(REPO), "JDGEN_CACHE_DIR": str(tmp_path / "cache")}
    for word in ("FIRST", "SECOND"):
        template.write_text(
            '{% extends "!default/posting.md.j2" %}{% block title %}# ' + word + "\n{% endblock %}",
            encoding="utf-8",
        )
        out = run_generate(tmp_path, env, "--templates", str(templates))
        assert out.startswith(f"# {word}\n")


def test_damaged_or_unwritable_compiled_templates_are_ignored(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = builtin_catalog()
    jd = tailor(catalog.find_role("vp-of-operations"), Company(name="Acme"), catalog)
    environment.cache_clear()
    expected = render(jd, "txt")  # compiles the template and keeps it
    entries = list((cache / "templates").glob("template-*.jinja"))
    assert entries
    for damage in (b"", b"garbage" * 10, entries[0].read_bytes()[:20]):
        for entry in entries:
            entry.write_bytes(damage)
        environment.cache_clear()
        assert render(jd, "txt") == expected
    blocked = tmp_path / "blocked"  # a file where the cache directory should be
    blocked.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("JDGEN_CACHE_DIR", str(blocked))
    environment.cache_clear()
    assert render(jd, "txt") == expected
    environment.cache_clear()  # the next test's environment uses its own cache directory


def test_catalog_text_compiled_in_an_earlier_run_renders_as_jinja_does(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from jdgen.templating import render_string

    text = "our {{ vocab.sites }}{% if places %} in {{ places }}{% endif %}{{ 's' if n != 1 }}"
    jinja = ImmutableSandboxedEnvironment(undefined=StrictUndefined).from_string(text)
    cases = [
        {"vocab": {"sites": "plants"}, "places": "Ohio and Iowa", "n": 2},
        {"vocab": {"sites": "stores"}, "places": "", "n": 1},
    ]
    expected = [jinja.render(values) for values in cases]
    assert expected == ["our plants in Ohio and Iowas", "our stores"]

    def fresh_process() -> list[str]:
        environment.cache_clear()
        return [render_string(text, values) for values in cases]

    assert fresh_process() == expected  # compiles the text and keeps its code
    entries = list((cache / "templates").glob("template-*.jinja"))
    assert len(entries) == 1
    with monkeypatch.context() as m:  # the next run compiles nothing
        m.setattr(Sandbox, "compile", lambda *a, **k: pytest.fail("compiled again"))
        assert fresh_process() == expected
    for damage in (b"", b"garbage" * 10, entries[0].read_bytes()[:20]):
        entries[0].write_bytes(damage)
        assert fresh_process() == expected
    blocked = tmp_path / "blocked"  # a file where the cache directory should be
    blocked.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("JDGEN_CACHE_DIR", str(blocked))
    environment.cache_clear()
    assert [render_string(text, values) for values in cases] == expected
    environment.cache_clear()  # the next test's environment uses its own cache directory


def test_money_and_dates_remembered_between_runs_are_babels_own(cache: Path) -> None:
    # each run is a fresh process: the first asks Babel and saves its answers when it
    # ends, the second reads them without importing Babel; a damaged memo is ignored
    code = (
        "import datetime as dt, sys\n"
        "from jdgen.text import long_date, money\n"
        "print(money(120000, 'USD'), money(52.5, 'USD'), money(65000, 'EUR', 'en_DE'),"
        " money(120000, 'USD', 'en_GB'), long_date(dt.date(2026, 12, 31), 'en_GB'),"
        " 'babel' in sys.modules, sep='|')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}

    def run() -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.strip().split("|")

    answers = ["$120,000", "$52.50", "65.000\u00a0€", "US$120,000", "31 December 2026"]
    assert run() == [*answers, "True"]
    assert len(list(cache.glob("babel-*.pickle"))) == 1
    assert run() == [*answers, "False"]
    for memo in cache.glob("babel-*.pickle"):
        memo.write_bytes(b"not a pickle")
    assert run() == [*answers, "True"]
    env["JDGEN_NO_CACHE"] = "1"
    assert run() == [*answers, "True"]


def test_wording_comparisons_remembered_between_runs_are_rapidfuzzs_own(cache: Path) -> None:
    # as for Babel: the second run answers from the memo without importing rapidfuzz
    code = (
        "import sys\n"
        "from jdgen.budget import Said\n"
        "said = Said.of([(None, 'Apply Lean tools such as value-stream mapping, 5S and kaizen'),"
        " (None, 'Run the weekly operations review')])\n"
        "print(said.echoed('Lean manufacturing: value-stream mapping, 5S, kaizen'),"
        " said.echoed('Budgeting and forecasting'), said.echoed('Budgeting and forecasting', 0),"
        " Said().echoed('anything'), 'rapidfuzz' in sys.modules, sep='|')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}

    def run() -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.strip().split("|")

    answers = ["True", "False", "True", "False"]  # the threshold is part of the question
    assert run() == [*answers, "True"]
    assert len(list(cache.glob("similar-*.pickle"))) == 1
    assert run() == [*answers, "False"]
    for memo in cache.glob("similar-*.pickle"):
        memo.write_bytes(b"not a pickle")
    assert run() == [*answers, "True"]
    env["JDGEN_NO_CACHE"] = "1"
    assert run() == [*answers, "True"]


def test_a_posting_from_the_cached_catalog_builds_no_validator(cache: Path) -> None:
    # models defer building their validators; the catalog from the cache and the
    # built-in company are valid already, so tailoring and rendering build none (the
    # first one also loads pydantic's plugins, which scans every installed package)
    code = (
        "import sys\n"
        "from jdgen.catalog import builtin_catalog\n"
        "from jdgen.company import load_company\n"
        "from jdgen.render import render\n"
        "from jdgen.strict import Strict\n"
        "from jdgen.tailor import tailor\n"
        "catalog = builtin_catalog()\n"
        "company = load_company(None, catalog)\n"
        "for role in ('director-of-operations', 'warehouse-supervisor'):\n"
        "    jd = tailor(catalog.roles[role], company, catalog)\n"
        "    render(jd, 'md'), render(jd, 'docx')\n"
        "def subclasses(cls):\n"
        "    for sub in cls.__subclasses__():\n"
        "        yield sub\n"
        "        yield from subclasses(sub)\n"
        "print(sorted({c.__name__ for c in subclasses(Strict) if c.__pydantic_complete__}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for _ in range(2):  # the first run fills the cache
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
    assert done.stdout.strip() == "[]"
