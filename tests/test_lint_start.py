"""What a cold ``jdgen lint`` of a file loads (issue 16): with its caches warm, neither
rich (piped output: :mod:`jdgen.lint.plain`), nor Jinja, nor jdgen's posting and catalog
models (lint's own models stand on :mod:`jdgen.strict`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_a_warm_lint_of_a_file_loads_no_rich_jinja_or_posting_models(tmp_path: Path) -> None:
    posting = tmp_path / "p.md"
    posting.write_text(
        "# Operations Manager\n\nWe want a competitive, assertive leader to drive the team. "
        "Our support staff are warm and collaborative.\n" * 3,
        encoding="utf-8",
    )
    code = (
        "import sys\n"
        "from jdgen.cli import main\n"
        f"sys.argv = ['jdgen', 'lint', {str(posting)!r}]\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'jinja2')\n"
        "    or m in ('jdgen.models', 'jdgen.catalog', 'jdgen.countries')), file=sys.stderr)\n"
    )
    env = {**os.environ, "JDGEN_CACHE_DIR": str(tmp_path / "cache")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        for _ in range(2)  # the first fills the caches
    ]
    assert runs[0].stdout == runs[1].stdout
    assert "Gender-coded wording" in runs[1].stdout
    assert runs[1].stderr.strip().splitlines()[-1] == "[]", runs[1].stderr
