"""The validated catalog, cached between runs in the user's cache directory.

Loading the catalog means parsing some fifty YAML files and validating them with
pydantic; a command that only lists roles or writes one posting spends most of its
time there.  So the catalog is loaded once, validated, and kept as a pickle whose name
is a key of everything it was built from:

* the content (SHA-256) of every file under the built-in catalog and each ``--catalog``
  directory, with their paths as given (they appear in error messages),
* jdgen's version and the size and time of every jdgen source file (a model change
  without a version bump must not meet an old pickle), the Python version, and the
  installed pydantic.

Any change to any of them gives another key, so a stale entry is never read; a file
that cannot be read, unpickled or written is ignored and the catalog is loaded afresh.
The cache only ever holds a catalog that passed validation, and it is the same object
graph the loader built, so what is generated cannot differ (``tests/test_catalog_cache.py``
compares every posting with and without it).  The pickle lives in the user's own cache
directory, which only the user can write, like the rest of the user's files.

Next to the pickled catalog the entry holds a plain summary of the roles (ids, titles,
levels) and of the countries' names, so that ``jdgen roles`` answers without importing
pydantic and ``jdgen lint`` finds a posting's country without loading the catalog.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jdgen.cache import code_stamp, load_pickle, package_stamp, store_pickle
from jdgen.resources import data_dir

if TYPE_CHECKING:
    from jdgen.catalog import Catalog

#: Changes when the layout of a cache entry changes.
_FORMAT = "jdgen-catalog/2"


@dataclass(frozen=True)
class LevelRow:
    id: str
    name: str
    aliases: list[str]
    rank: int


@dataclass(frozen=True)
class RoleRow:
    id: str
    title: str
    level: str
    specialized: bool


@dataclass(frozen=True)
class Summary:
    """What ``jdgen roles`` shows, and the country names ``jdgen lint`` looks for, as
    plain data."""

    levels: dict[str, LevelRow]
    roles: list[RoleRow]
    #: :meth:`jdgen.countries.CountryTable.names`.
    country_names: dict[str, str] = field(default_factory=dict)


def cache_key(extra_dirs: Iterable[Path] = ()) -> str:
    """A key of every input of the catalog: its files' contents, jdgen's code, Python, pydantic."""
    digest = hashlib.sha256(
        f"{_FORMAT}|{code_stamp()}|{package_stamp('pydantic', 'pydantic_core')}".encode()
    )
    roots = [(data_dir("catalog"), "catalog")] + [(d, str(d)) for d in extra_dirs]
    for root, label in roots:
        digest.update(f"\0root\0{label}\0{root.resolve() if root.is_dir() else ''}".encode())
        if not root.is_dir():
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(f"\0file\0{path.relative_to(root).as_posix()}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


def _entry_name(key: str) -> str:
    return f"catalog-{key}.pickle"


def _read_entry(key: str) -> dict[str, Any] | None:
    entry = load_pickle(_entry_name(key))
    if not isinstance(entry, dict) or entry.get("format") != _FORMAT:
        return None
    return entry


def summarize(catalog: Catalog) -> Summary:
    """The plain summary of ``catalog``'s levels and roles."""
    levels = {
        lv.id: LevelRow(lv.id, lv.name, list(lv.aliases), lv.rank) for lv in catalog.levels.values()
    }
    roles = [RoleRow(r.id, r.title, r.level, r.specialized) for r in catalog.roles.values()]
    return Summary(levels, roles, catalog.countries.names())


def _store(key: str, catalog: Catalog) -> None:
    try:
        blob = pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # something in the catalog does not pickle: no cache, same result
        return
    store_pickle(
        _entry_name(key), {"format": _FORMAT, "summary": summarize(catalog), "catalog": blob}
    )


def cached_catalog(
    load: Callable[[tuple[Path, ...]], Catalog], extra_dirs: Iterable[Path] = ()
) -> Catalog:
    """``load(extra_dirs)``, from the cache when an entry for exactly these inputs exists."""
    dirs = tuple(extra_dirs)
    try:
        key = cache_key(dirs)
    except OSError:  # a catalog file vanished or cannot be read: let the loader report it
        return load(dirs)
    entry = _read_entry(key)
    if entry is not None:
        try:
            catalog: Catalog = pickle.loads(entry["catalog"])
            return catalog
        except Exception:
            pass
    catalog = load(dirs)
    _store(key, catalog)
    return catalog


def cached_summary(extra_dirs: Iterable[Path] = ()) -> Summary | None:
    """The roles summary from the cache, or None when there is no usable entry."""
    try:
        entry = _read_entry(cache_key(tuple(extra_dirs)))
    except OSError:
        return None
    summary = entry.get("summary") if entry else None
    return summary if isinstance(summary, Summary) else None
