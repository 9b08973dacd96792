"""A small on-disk cache in the user's cache directory (``platformdirs``).

Everything here is an optimisation: a cache that cannot be read, written or
trusted is ignored and the caller computes the value afresh.  ``JDGEN_CACHE_DIR``
moves the cache (tests point it at a temporary directory); ``JDGEN_NO_CACHE=1``
turns it off.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")
K = TypeVar("K")


def cache_dir() -> Path | None:
    """Where jdgen keeps its caches, or None when caching is turned off."""
    if os.environ.get("JDGEN_NO_CACHE", "") not in ("", "0"):
        return None
    override = os.environ.get("JDGEN_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("jdgen", appauthor=False))


def cache_path(name: str) -> Path | None:
    root = cache_dir()
    return root / name if root is not None else None


def read_bytes(name: str) -> bytes | None:
    """The cached file ``name``, or None when it is missing or unreadable."""
    path = cache_path(name)
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def write_bytes(name: str, data: bytes) -> bool:
    """Write the cached file ``name`` as jdgen writes every file (:mod:`jdgen.files`: a
    reader never sees half a file); False when the cache directory cannot be written."""
    from jdgen.errors import OutputError
    from jdgen.files import write_output

    path = cache_path(name)
    if path is None:
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_output(path, data, sync_folders=False)
    except (OSError, OutputError):
        return False
    return True


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """A key of the jdgen code in use: its version, the Python version and the size and
    time of every jdgen source file (so an edited model never meets an old pickle)."""
    from jdgen import __version__
    from jdgen.resources import PACKAGE_DIR

    digest = hashlib.sha256(f"{__version__}|{sys.version}".encode())
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(_stat_key(path).encode())
    return digest.hexdigest()


def package_stamp(*packages: str) -> str:
    """A key of installed packages (their ``__init__`` files' size and time), found
    without importing them."""
    from importlib.util import find_spec

    parts = []
    for package in packages:
        spec = find_spec(package)
        parts.append(_stat_key(Path(spec.origin) if spec and spec.origin else None))
    return "|".join(parts)


def _stat_key(path: Path | None) -> str:
    try:
        stat = path.stat() if path else None
    except OSError:
        stat = None
    return f"\0{path}\0{stat.st_size if stat else ''}\0{stat.st_mtime_ns if stat else ''}"


def key_of(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def load_pickle(name: str) -> Any:
    """The object pickled in the cache file ``name``, or None when there is none usable.

    Pickles are read only from the user's own cache directory, which only the user
    can write, and only under a name that keys exactly the inputs they were made from.
    """
    data = read_bytes(name)
    if data is None:
        return None
    try:
        return pickle.loads(data)
    except Exception:  # damaged, truncated, or made by other code: ignore it
        return None


def store_pickle(name: str, value: object) -> None:
    """Pickle ``value`` into the cache file ``name`` (``<kind>-<key>.pickle``), keeping at
    most :data:`KEEP` files of that kind (the newest)."""
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # something that does not pickle: no cache, same result
        return
    if write_bytes(name, data):
        _prune(name.rsplit("-", 1)[0])


#: Cache files kept per kind: a few user catalogs and jdgen versions side by side.
KEEP = 16


def _prune(kind: str) -> None:
    root = cache_dir()
    if root is None:
        return
    try:
        found = sorted(root.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime_ns)
        for old in found[:-KEEP]:
            old.unlink()
    except OSError:
        pass  # another process pruned first, or the directory went away


def cached_pickle(name: str, kind: type[T], build: Callable[[], T]) -> T:
    """``build()``, kept in the cache file ``name`` (which must key every input of it);
    a cached object that is not a ``kind`` is ignored."""
    value = load_pickle(name)
    if isinstance(value, kind):
        return value
    value = build()
    store_pickle(name, value)
    return value


class DiskMemo(Generic[K, T]):
    """Answers of a pure function of plain keys, kept between runs in the cache file
    ``<kind>-<key>.pickle`` (:func:`key_of` of ``version`` and the installed ``packages``
    whose code decides the answers), so that a run whose answers are known imports none
    of them.  New answers are saved once, when the process ends; a memo that cannot be
    read is ignored, and at most :attr:`limit` answers are kept on disk.  Answers beyond
    the limit are kept in this process only (at most :attr:`MORE`, then forgotten at
    once): a server or a batch asks new questions long after the file is full, and
    working each out again on every posting cost more than the rest of its tailoring."""

    #: Answers kept in memory beyond :attr:`limit`.
    MORE = 65_536

    def __init__(self, kind: str, version: str, packages: tuple[str, ...], limit: int = 4096):
        self.kind, self.version, self.packages, self.limit = kind, version, packages, limit
        self._answers: dict[K, T] | None = None
        self._more: dict[K, T] = {}
        self._changed = False

    def name(self) -> str:
        return f"{self.kind}-{key_of(self.version, package_stamp(*self.packages))}.pickle"

    def get(self, key: K, kind: type[T], work_out: Callable[[K], T]) -> T:
        """The answer for ``key`` (a cached one that is not a ``kind`` is worked out again)."""
        if self._answers is None:
            found = load_pickle(self.name())
            self._answers = found if isinstance(found, dict) else {}
        answer = self._answers.get(key)
        if answer is None:
            answer = self._more.get(key)
        if isinstance(answer, kind):
            return answer
        answer = work_out(key)
        if len(self._answers) < self.limit:
            self._answers[key] = answer
            if not self._changed:
                self._changed = True
                atexit.register(self._save)
        else:
            if len(self._more) >= self.MORE:
                self._more.clear()
            self._more[key] = answer
        return answer

    def _save(self) -> None:
        if self._answers is not None:
            store_pickle(self.name(), self._answers)
