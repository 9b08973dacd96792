"""Print how fast jdgen lint is on this machine.  Figures only: nothing here is asserted.

    python benchmarks/bench_lint.py [--n 200] [--quick]

Measures: the first lint in a process (loading the rules and the syllable
table), one file of each type (.md, .txt, .html,
.docx, rendered from the same posting), a full `jdgen lint` run, and N distinct
postings in a loop over roles × sizes × industries.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import add_quick, best_of, quick


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="postings in the loop (default 200)")
    add_quick(parser)
    args = parser.parse_args()
    if quick(args):
        args.n = 3
    print(f"python {sys.version.split()[0]} on {sys.platform}")

    start = time.perf_counter()
    from jdgen.catalog import builtin_catalog
    from jdgen.lint import lint_file, lint_job_description
    from jdgen.models import Company, Location, Salary
    from jdgen.render import FORMATS, render
    from jdgen.tailor import tailor

    catalog = builtin_catalog()
    day = dt.date(2025, 11, 3)
    company = Company(
        name="Acme",
        locations=[Location(city="Denver", region="CO", country="US")],
        work_arrangement="hybrid",
        salary=Salary(min=95000, max=140000),
        benefits=["Health insurance"],
        how_to_apply="https://acme.example/careers",
    )
    jd = tailor(catalog.find_role("director-of-operations"), company, catalog)
    lint_job_description(jd, as_of=day)
    print(
        f"first lint in a process (imports, rules, dictionary)  {time.perf_counter() - start:7.3f} s"
    )

    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("md", "txt", "html", "docx", "json"):
            if fmt not in FORMATS:
                continue
            path = Path(tmp) / f"posting.{fmt}"
            path.write_bytes(render(jd, fmt))
            took = best_of(lambda p=path: lint_file(p, as_of=day), 5)
            print(f"one .{fmt:<5} file                                      {took * 1000:7.1f} ms")
        md = Path(tmp) / "posting.md"
        run = best_of(
            lambda: subprocess.run(
                [sys.executable, "-m", "jdgen", "lint", str(md)], check=True, capture_output=True
            ),
            repeat=3,
        )
        print(f"jdgen lint posting.md (whole process)                 {run:7.3f} s")

    combos = itertools.islice(
        itertools.cycle(
            itertools.product(sorted(catalog.roles), catalog.sizes, catalog.industries)
        ),
        args.n,
    )
    jds = [
        tailor(catalog.roles[r], company.model_copy(update={"size": s, "industry": i}), catalog)
        for r, s, i in combos
    ]
    start = time.perf_counter()
    for posting in jds:
        lint_job_description(posting, as_of=day)
    took = time.perf_counter() - start
    print(
        f"{args.n} postings in a loop                                {took:7.2f} s  ({took / args.n * 1000:.1f} ms each)"
    )


if __name__ == "__main__":
    main()
