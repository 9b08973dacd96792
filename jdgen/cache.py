"""A small on-disk cache in the user's cache directory (``platformdirs``).

Everything here is an optimisation: a cache that cannot be read, written or
trusted is ignored and the caller computes the value afresh.  ``JDGEN_CACHE_DIR``
moves the cache (tests point it at a temporary directory); ``JDGEN_NO_CACHE=1``
turns it off.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


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
    """Write the cached file ``name`` atomically (a reader never sees half a file);
    False when the cache directory cannot be written."""
    path = cache_path(name)
    if path is None:
        return False
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return False
