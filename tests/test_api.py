"""The public Python API: the README's example runs as written; ``__all__`` is what
``import jdgen`` offers (issue 9 item 6)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import jdgen

REPO = Path(__file__).resolve().parent.parent


def readme_example() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- python-api:[^>]*-->\s*```python\n(.*?)```", text, re.S)
    assert m, "README.md has no python-api example"
    return m.group(1)


def test_the_readme_example_runs(tmp_path: Path) -> None:
    script = tmp_path / "example.py"
    script.write_text(readme_example(), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()
    duty_id, kind, text = first.split(" ", 2)
    assert kind == "library" and text.endswith(".")
    assert duty_id in jdgen.load_catalog().responsibilities
    assert second.startswith("# Director of Operations ")
    assert 0 <= int(second.rsplit(" ", 1)[1]) <= 100


def test_every_public_name_resolves() -> None:
    for name in jdgen.__all__:
        assert getattr(jdgen, name) is not None, name
    assert jdgen.generate.__module__ == "jdgen.api"


def test_import_jdgen_loads_no_heavy_module() -> None:
    code = "import sys, jdgen; print(sorted(m for m in sys.modules if m.split('.')[0] in ('jdgen', 'pydantic', 'jinja2', 'yaml')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['jdgen']"


def test_unknown_attribute_is_an_attribute_error() -> None:
    try:
        jdgen.tailor_everything  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as exc:
        assert "tailor_everything" in str(exc)
    else:
        raise AssertionError("expected AttributeError")
