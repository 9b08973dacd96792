"""What a cold command loads (issue 16), its caches warm: a lint of a file neither rich
(piped output: :mod:`jdgen.lint.plain`), nor Jinja, nor jdgen's posting and catalog
models (lint's own models stand on :mod:`jdgen.strict`); a .docx posting no Jinja (its
catalog sentences are filled by :func:`jdgen.placeholders.filled`)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def warm_run(tmp_path: Path, argv: list[str], loaded: str) -> tuple[str, list[str]]:
    """Run ``jdgen ARGV`` twice with one cache (the first run fills it); the second run's
    output, and which of its modules ``loaded`` (a Python test on ``m``) holds for."""
    code = (
        "import sys\n"
        "from jdgen.cli import main\n"
        f"sys.argv = ['jdgen', *{argv!r}]\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass\n"
        f"print(sorted(m for m in sys.modules if {loaded}), file=sys.stderr)\n"
    )
    env = {**os.environ, "JDGEN_CACHE_DIR": str(tmp_path / "cache")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        for _ in range(2)
    ]
    assert runs[0].stdout == runs[1].stdout
    return runs[1].stdout, ast.literal_eval(runs[1].stderr.strip().splitlines()[-1])


def test_a_warm_lint_of_a_file_loads_no_rich_jinja_or_posting_models(tmp_path: Path) -> None:
    posting = tmp_path / "p.md"
    posting.write_text(
        "# Operations Manager\n\nWe want a competitive, assertive leader to drive the team. "
        "Our support staff are warm and collaborative.\n" * 3,
        encoding="utf-8",
    )
    out, loaded = warm_run(
        tmp_path,
        ["lint", str(posting)],
        "m.split('.')[0] in ('rich', 'jinja2') or m in ('jdgen.models', 'jdgen.catalog', 'jdgen.countries')",
    )
    assert "Gender-coded wording" in out
    assert loaded == []


def test_a_warm_docx_posting_loads_no_template_engine(tmp_path: Path) -> None:
    argv = ["generate", "VP of Operations", "--industry", "healthcare", "-o", "x.docx", "--force"]
    _, loaded = warm_run(tmp_path, argv, "m.split('.')[0] == 'jinja2'")
    assert (tmp_path / "x.docx").is_file()
    assert loaded == []
