"""Benchmarks cannot rot (issue 9 item 8): CI runs every ``benchmarks/bench*.py`` with
``--quick`` (``.ci/run``), so each must offer it; a benchmark that no longer imports fails here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BENCHMARKS = sorted((REPO / "benchmarks").glob("bench*.py"))


def test_there_are_benchmarks_and_ci_runs_them_all() -> None:
    assert len(BENCHMARKS) >= 6
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "for bench in benchmarks/bench*.py; do" in ci
    assert 'python "$bench" --quick' in ci


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda p: p.name)
def test_every_benchmark_offers_a_quick_run(script: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, str(script), "--help"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "--quick" in done.stdout
