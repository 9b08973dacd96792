"""``jdgen init``: a commented company file, from flags or from answers at a terminal."""

from __future__ import annotations

import datetime as dt
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from jdgen.catalog import builtin_catalog
from jdgen.cli import cli
from jdgen.company import load_company


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_flags_without_a_terminal(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    result = invoke(
        "init",
        str(path),
        "--name",
        "Acme: Widgets",
        "--size",
        "60",
        "--industry",
        "e-commerce",
        "--city",
        "Denver",
        "--region",
        "CO",
        "--country",
        "US",
        "--work-arrangement",
        "hybrid",
        "--salary-min",
        "120000",
        "--salary-max",
        "150000",
        "--benefit",
        "Health, dental and vision insurance",
        "--how-to-apply",
        "jobs@acme.example",
    )
    assert result.exit_code == 0, result.stderr
    assert f"wrote {path}" in result.stderr
    text = path.read_text()
    assert text.startswith("# Company profile for jdgen.")
    assert (
        "# startup (under 20 people), small (20-99), mid-size (100-999), large (1,000-4,999)"
        in text
    )
    assert "# date_posted: 2026-11-21" in text  # optional fields stay as commented examples
    data = yaml.safe_load(text)
    assert data["name"] == "Acme: Widgets"
    assert data["size"] == 60
    assert data["locations"] == [{"city": "Denver", "region": "CO", "country": "US"}]
    assert data["salary"] == {"min": 120000, "max": 150000, "currency": "USD", "period": "year"}
    assert data["benefits"] == ["Health, dental and vision insurance"]
    company = load_company(path, builtin_catalog())
    assert company.industry == "e-commerce" and company.work_arrangement == "hybrid"


def test_no_flags_writes_a_valid_minimal_file(tmp_path: Path) -> None:
    path = tmp_path / "company.yaml"
    result = invoke("init", str(path), "--no-input")
    assert result.exit_code == 0
    data = yaml.safe_load(path.read_text())
    assert data == {"size": "mid-size", "industry": "general", "employment_type": "full-time"}
    # the starter file is usable as it is
    posting = invoke("generate", "vpo", "--company", str(path))
    assert posting.exit_code == 0 and posting.stdout.startswith("# VP of Operations")


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    path = tmp_path / "company.yaml"
    path.write_text("name: Mine\n")
    result = invoke("init", str(path), "--no-input")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {path} already exists (use --force to overwrite it)"
    assert path.read_text() == "name: Mine\n"
    assert invoke("init", str(path), "--no-input", "--force", "--name", "Theirs").exit_code == 0
    assert yaml.safe_load(path.read_text())["name"] == "Theirs"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--size", "huge"],
            "error: --size: expected one of startup, small, mid-size, large, enterprise or a headcount, got 'huge'",
        ),
        (["--industry", "mining"], "error: --industry: expected one of"),
        (["--salary-min", "100"], "error: --salary-min and --salary-max go together"),
    ],
)
def test_bad_flags_write_nothing(tmp_path: Path, args: list[str], message: str) -> None:
    path = tmp_path / "company.yaml"
    result = invoke("init", str(path), "--no-input", *args)
    assert result.exit_code == 1
    assert result.stderr.startswith(message)
    assert not path.exists()


def test_prompts_offer_flags_as_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("jdgen.cli.init.interactive", lambda: True)
    path = tmp_path / "company.yaml"
    answers = [
        "",  # name: keep the flag's
        "We make valves.",
        "",  # website
        "huge",  # size: refused, asked again
        "250",
        "healthcare",
        "Boston",
        "MA",
        "",  # country: US
        "Remote",  # any case
        "US, Canada",  # remote regions: asked because remote
        "Full Time",
        "120k",
        "$150,000",
        "annual",
        "",  # currency: USD
        "Dental; 401(k) with 4% match",
        "https://x.example/jobs",
        "December 31, 2026",
        "no",  # visa sponsorship (a US job)
        "makes valves for water utilities",
        "B2B",  # business model: an alias
        "",  # sector: healthcare has one (hospitals); none
        "NetSuite, Zendesk",
        "2",  # sites
        "",  # countries: what is usual
        "yes",  # unionised
        "short",
    ]
    result = invoke("init", str(path), "--name", "Acme", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert (
        "expected one of startup, small, mid-size, large, enterprise or a headcount, got 'huge'"
        in result.output
    )
    assert ", ]" not in result.output and "/]" not in result.output  # no empty choice shown
    data = yaml.safe_load(path.read_text())
    assert data["name"] == "Acme" and data["about"] == "We make valves."
    assert data["size"] == 250 and data["industry"] == "healthcare"
    assert data["locations"] == [{"city": "Boston", "region": "MA", "country": "US"}]
    assert data["work_arrangement"] == "remote" and data["remote_regions"] == ["US", "Canada"]
    assert data["employment_type"] == "full-time"
    assert data["salary"] == {"min": 120000, "max": 150000, "currency": "USD", "period": "year"}
    assert data["benefits"] == ["Dental", "401(k) with 4% match"]
    assert data["how_to_apply"] == "https://x.example/jobs"
    assert data["closing_date"] == dt.date(2026, 12, 31)
    assert data["visa_sponsorship"] is False
    assert "website" not in data
    assert data["description"] == "makes valves for water utilities"
    assert data["business_model"] == "b2b-products" and data["systems"] == ["NetSuite", "Zendesk"]
    assert data["sites"] == 2 and "countries" not in data and "sector" not in data
    assert data["unionised"] is True and data["length"] == "short"


def test_remote_regions_are_asked_only_for_remote_and_pay_only_when_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("jdgen.cli.init.interactive", lambda: True)
    path = tmp_path / "company.yaml"
    answers = ["Acme", "", "", "", "", "", "", "DE", "on-site", "", "", "", "", "", ""]
    answers += [""] * 7  # the company facts: all skipped
    result = invoke("init", str(path), input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    for asked_only_sometimes in ("remote applicants", "highest", "Pay per", "sponsor"):
        assert asked_only_sometimes not in result.output
    data = yaml.safe_load(path.read_text())
    assert data["work_arrangement"] == "on-site" and "salary" not in data


def test_a_real_terminal_session(tmp_path: Path) -> None:
    """Drive `jdgen init` through a pseudo-terminal, as a person would."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "jdgen", "init", "c.yaml"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=tmp_path,
        close_fds=True,
    )
    os.close(slave)
    seen = b""

    def expect(text: str, timeout: float = 30) -> None:
        nonlocal seen
        end = time.monotonic() + timeout
        while text.encode() not in seen:
            assert time.monotonic() < end, f"no {text!r} in {seen.decode(errors='replace')!r}"
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    seen += os.read(master, 4096)
                except OSError:
                    break

    for prompt, answer in [
        ("Company name", "Northwind"),
        ("About the company", ""),
        ("Website", ""),
        ("Size", "small"),
        ("Industry", "logistics"),
        ("City", ""),
        ("State or region", ""),
        ("Country", ""),
        ("Work arrangement", "On-site"),
        ("Employment type", ""),
        ("Pay range: lowest", "95k"),
        ("Pay range: highest", "110k"),
        ("Pay per", "Year"),
        ("Currency", "usd"),
        ("Benefits", ""),
        ("How to apply", ""),
        ("Applications close on", ""),
        ("sponsor a work visa", ""),
        ("makes or does", ""),
        ("How it sells", ""),
        ("Kind of business", ""),  # logistics has sectors (cold-chain)
        ("Business systems", ""),
        ("Number of sites", ""),
        ("Number of countries", ""),
        ("unionised", ""),
        ("Posting length", ""),
    ]:
        expect(prompt)
        os.write(master, answer.encode() + b"\r")
    expect("wrote c.yaml")
    assert proc.wait(timeout=30) == 0
    os.close(master)
    data = yaml.safe_load((tmp_path / "c.yaml").read_text())
    assert data["name"] == "Northwind" and data["size"] == "small"
    assert data["industry"] == "logistics" and data["work_arrangement"] == "on-site"
    assert data["locations"] == [{"country": "US"}]
    assert data["salary"] == {"min": 95000, "max": 110000, "currency": "USD", "period": "year"}


def test_the_sector_is_asked_for_an_industry_that_has_sectors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("jdgen.cli.init.interactive", lambda: True)
    path = tmp_path / "company.yaml"
    answers = ["Northfield", "", "", "40", "manufacturing", "", "", ""]  # ... country
    answers += [""] * 7  # work arrangement ... visa sponsorship
    answers += ["casts iron parts", ""]  # description, business model
    answers += ["grocery", "metal casting"]  # sector: another industry's refused, then an alias
    answers += [""] * 5
    result = invoke("init", str(path), input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "Kind of business within the industry (food-and-beverage, foundry;" in result.output
    assert "'grocery' is a sector of retail and ecommerce, not manufacturing" in result.output
    data = yaml.safe_load(path.read_text())
    assert data["sector"] == "foundry"
    assert load_company(path, builtin_catalog()).sector == "foundry"


def test_the_sector_flag_must_belong_to_the_industry(tmp_path: Path) -> None:
    path = tmp_path / "company.yaml"
    ok = invoke("init", str(path), "--no-input", "--industry", "retail", "--sector", "Grocer")
    assert ok.exit_code == 0, ok.stderr
    assert yaml.safe_load(path.read_text())["sector"] == "grocery"
    bad = invoke(
        "init",
        str(tmp_path / "b.yaml"),
        "--no-input",
        "--industry",
        "retail",
        "--sector",
        "foundry",
    )
    assert bad.exit_code == 1
    assert bad.stderr.strip() == (
        "error: --sector: 'foundry' is a sector of manufacturing, not retail "
        "(expected one of grocery, home-furnishings, outdoor-gear for industry retail)"
    )
    assert not (tmp_path / "b.yaml").exists()
