from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# The jdgen under test is this tree's, in this process, in pytest-xdist's workers and in
# the commands tests start: not another checkout the environment has installed as
# editable (a shared venv's install of the main worktree would otherwise win).
sys.path.insert(0, str(REPO))
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))

sys.path.insert(0, str(Path(__file__).parent))

# The tree these tests are in is the jdgen they test, ahead of any installed copy (an
# editable install of another checkout would otherwise be imported instead).
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(REPO))


@pytest.fixture(scope="session")
def catalog():
    from jdgen.catalog import builtin_catalog

    return builtin_catalog()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden/*.md from current output"
    )


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """jdgen's caches (catalog, syllable table) go to a directory of the test session's,
    never the user's; CLI subprocesses inherit it."""

    os.environ["JDGEN_CACHE_DIR"] = str(tmp_path_factory.mktemp("jdgen-cache"))
    os.environ.pop("JDGEN_NO_CACHE", None)


@pytest.fixture(autouse=True)
def _no_user_company(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Tests never see the developer's own company profile or JDGEN_COMPANY."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("JDGEN_COMPANY", raising=False)
