"""The garbage collector in a ``jdgen`` command.

A command's start-up makes tens of thousands of objects that live until it ends:
modules, classes, the catalog read from its cache.  With Python's default thresholds
the cyclic garbage collector scans them again and again while they are made (about a
hundred collections in ``jdgen generate``, which find a few hundred objects between
them), and once more as the interpreter ends.  That was about a sixth of the CPU of a
cold ``generate`` or ``lint``.

So the command line collects young objects only every :data:`START_THRESHOLD`
allocations (garbage is still collected, in fewer and larger batches; nothing is
switched off), and at its end moves what is alive out of the collector's sight, so
the interpreter's last collection has nothing to scan.  A long-running command
(``jdgen serve``) calls :func:`settle` once it is ready: one full collection, the
start-up heap frozen, and Python's own thresholds back for what requests make.
Importing jdgen as a library changes nothing.

Internal module: the public API is :mod:`jdgen` (``jdgen.__all__``).
"""

from __future__ import annotations

import gc

#: Python's thresholds, as they were when jdgen was imported.
DEFAULT_THRESHOLDS = gc.get_threshold()

#: Allocations between collections of the youngest generation while a command runs
#: (Python's default is 700).
START_THRESHOLD = 100_000


def quiet() -> None:
    """Collect rarely: a command's objects are made to last until it ends."""
    gc.set_threshold(START_THRESHOLD, *DEFAULT_THRESHOLDS[1:])


def leave() -> None:
    """At a command's end: nothing alive needs scanning once more before the process exits."""
    gc.freeze()


def settle() -> None:
    """Before a long-running command serves: collect, freeze what start-up made, and go
    back to Python's thresholds.  Full collections then scan only what came later."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*DEFAULT_THRESHOLDS)
