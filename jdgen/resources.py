"""Find the data shipped with jdgen (the catalog, the templates and the examples).

In the repository, ``catalog/``, ``templates/`` and ``examples/`` sit at the top
level, next to the ``jdgen/`` package.  The wheel maps them to ``jdgen/_data/catalog``,
``jdgen/_data/templates`` and ``jdgen/_data/examples`` (see ``pyproject.toml``).  :func:`data_dir` is the one
place that knows both layouts.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent

DATA_NAMES = ("catalog", "templates", "examples")


def data_dir(name: str, package_dir: Path = PACKAGE_DIR) -> Path:
    """Return the directory holding the built-in ``catalog``, ``templates`` or ``examples``.

    Looks first inside the installed package (a wheel install), then next to the
    package (a source checkout or an editable install).
    """
    if name not in DATA_NAMES:
        raise ValueError(
            f"unknown data directory {name!r}; expected one of {', '.join(DATA_NAMES)}"
        )
    candidates = (package_dir / "_data" / name, package_dir.parent / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    looked = " or ".join(str(c) for c in candidates)
    raise FileNotFoundError(
        f"jdgen's built-in {name} is missing (looked in {looked}); reinstall jdgen"
    )
