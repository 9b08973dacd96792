"""Print how fast jdgen is on this machine.  Figures only: nothing here is asserted.

    python benchmarks/bench.py [--n 200] [--quick]

Measures: CLI start-up (`jdgen --help`, and a full `jdgen generate` run), one
posting in-process as Markdown and as .docx (tailor + render), and N postings in
a loop cycling through roles × sizes × industries.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from timing import add_quick, best_of, quick


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="postings in the loop (default 200)")
    add_quick(parser)
    args = parser.parse_args()
    if quick(args):
        args.n = 3

    def cli(*argv: str) -> Callable[[], object]:
        return lambda: subprocess.run(
            [sys.executable, "-m", "jdgen", *argv], check=True, capture_output=True
        )

    print(f"python {sys.version.split()[0]} on {sys.platform}")
    print(f"CLI start-up, jdgen --help:            {best_of(cli('--help'), 5) * 1000:8.1f} ms")
    print(
        f"CLI generate vpo (Markdown to stdout): {best_of(cli('generate', 'vpo'), 5) * 1000:8.1f} ms"
    )

    from jdgen.catalog import builtin_catalog
    from jdgen.models import Company
    from jdgen.render import render
    from jdgen.tailor import tailor

    start = time.perf_counter()
    catalog = builtin_catalog()
    print(
        f"catalog load ({len(catalog.roles)} roles):           {(time.perf_counter() - start) * 1000:8.1f} ms"
    )
    role = catalog.find_role("director-of-operations")
    company = Company(size="small", industry="manufacturing")
    render(tailor(role, company, catalog), "docx")  # warm caches and imports
    print(
        f"one posting, tailor only:              {best_of(lambda: tailor(role, company, catalog)) * 1000:8.2f} ms"
    )
    fresh = itertools.count()

    def tailor_fresh() -> object:  # a company never seen before: nothing remembered
        return tailor(role, Company(name=f"Acme {next(fresh)}", size="small"), catalog)

    print(f"one posting, tailor, new company:      {best_of(tailor_fresh) * 1000:8.2f} ms")
    for fmt in ("md", "docx"):
        t = best_of(lambda: render(tailor(role, company, catalog), fmt))  # noqa: B023
        print(f"one posting, tailor + {fmt:<4}:            {t * 1000:8.2f} ms")

    combos = list(itertools.product(catalog.roles.values(), catalog.sizes, catalog.industries))
    for fmt in ("md", "docx"):
        per = []
        start = time.perf_counter()
        for role_, size, industry in itertools.islice(itertools.cycle(combos), args.n):
            t0 = time.perf_counter()
            render(tailor(role_, Company(size=size, industry=industry), catalog), fmt)
            per.append(time.perf_counter() - t0)
        total = time.perf_counter() - start
        print(
            f"{args.n} postings as {fmt:<4} in a loop:      {total:8.2f} s  "
            f"({args.n / total:7.1f}/s, median {statistics.median(per) * 1000:.2f} ms)"
        )


if __name__ == "__main__":
    main()
