"""What the benchmark scripts share: the best of several timed calls, and ``--quick``.

``--quick`` (what CI runs: ``.ci/run``) makes every script do each of its measurements
once, on a few postings, so that a benchmark that no longer runs turns CI red; its
figures mean nothing.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

#: At most this many calls per figure (``--quick``: one).
_most = {"calls": 1_000_000}


def add_quick(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a tiny run of everything, for CI (figures meaningless)",
    )


def quick(args: argparse.Namespace) -> bool:
    """Whether ``--quick`` was given; if so, :func:`best_of` makes one call from now on."""
    if args.quick:
        _most["calls"] = 1
    return bool(args.quick)


def best_of(fn: Callable[[], object], repeat: int = 7) -> float:
    """The shortest of ``repeat`` calls of ``fn``, in seconds."""
    times = []
    for _ in range(min(repeat, _most["calls"])):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)
