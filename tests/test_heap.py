"""The garbage collector in a jdgen command (:mod:`jdgen.heap`, issue 16): the command
line collects rarely while it runs, a library import changes nothing, and ``serve``
goes back to Python's own thresholds once it is ready."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from jdgen import heap

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str, cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r})\n{code}"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_importing_jdgen_leaves_the_collector_as_python_set_it(tmp_path: Path) -> None:
    out = _run(
        "import gc; before = gc.get_threshold()\n"
        "import jdgen, jdgen.cli, jdgen.heap, jdgen.api\n"
        "print(gc.get_threshold() == before, gc.isenabled(), gc.get_freeze_count())",
        tmp_path,
    )
    assert out.split() == ["True", "True", "0"]


def test_a_command_collects_rarely_and_freezes_what_is_alive_at_its_end(tmp_path: Path) -> None:
    out = _run(
        "import atexit, gc, sys\n"
        "from jdgen import heap\n"
        "seen = []\n"
        "atexit.register(lambda: print(seen[0], gc.get_freeze_count() > 0, gc.isenabled()))\n"
        "sys.argv = ['jdgen', 'roles']\n"
        "from jdgen.cli import main, cli\n"
        "cli.callback = lambda **kw: seen.append(gc.get_threshold()[0] == heap.START_THRESHOLD)\n"
        "main()",
        tmp_path,
    )
    assert out.splitlines()[-1].split() == ["True", "True", "True"]


def test_settle_goes_back_to_pythons_thresholds() -> None:
    saved = gc.get_threshold()
    try:
        heap.quiet()
        assert gc.get_threshold()[0] == heap.START_THRESHOLD
        heap.settle()
        assert gc.get_threshold() == heap.DEFAULT_THRESHOLDS
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*saved)
