"""How much CPU tailoring one new posting costs, in this process.  Figures only.

    python benchmarks/bench_tailor.py [--rounds 4] [--profile N] [--quick]

Two sets of postings, each tailored once (nothing is rendered):

* "review": every catalog role at each company of ``tests/review/companies`` and at
  the default company in another industry, each at a headcount of its own turn
  (3 to 12,000 people): a batch of different companies;
* "web": what ``jdgen serve`` tailors while someone types a headcount (the roles and
  industries ``bench_serve.py`` cycles through, a new headcount each time), each with
  nothing kept from the postings before, then one after another.

It prints the CPU milliseconds per posting (the shortest of ``--rounds`` rounds over
a quarter of the set each); ``--profile N`` adds cProfile's N most costly functions
of a run over the review set.  Tailoring keeps what it worked out between postings
(filled texts, condition answers, duties shared by postings that differ only in
headcount): that is part of what is measured.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import time
from pathlib import Path
from typing import Any

from timing import add_quick, quick

REVIEW = Path(__file__).resolve().parents[1] / "tests" / "review" / "companies"
HEADCOUNTS = [3, 12, 40, 150, 600, 2500, 12000]
WEB_ROLES = ["director-of-operations", "vp-of-operations", "operations-manager"]
WEB_ROLES += ["chief-operating-officer"]
WEB_INDUSTRIES = ["manufacturing", "technology", "healthcare", "ecommerce", "logistics"]
WEB_INDUSTRIES += ["general"]


def review_set(catalog: Any) -> list[tuple[Any, Any]]:
    from jdgen.company import load_company

    companies = [load_company(p, catalog) for p in sorted(REVIEW.glob("*.yaml"))]
    industries = list(catalog.industries)
    default = load_company(None, catalog)
    cases = []
    for i, (company, role) in enumerate(itertools.product(companies, catalog.roles.values())):
        cases.append((role, company.model_copy(update={"size": str(HEADCOUNTS[i % 7])})))
        other = {"industry": industries[i % len(industries)], "size": str(HEADCOUNTS[(i + 3) % 7])}
        cases.append((role, default.model_copy(update=other)))
    return cases


def web_set(catalog: Any, n: int) -> list[tuple[Any, Any]]:
    from jdgen.company import load_company

    default = load_company(None, catalog)
    combos = itertools.cycle(itertools.product(WEB_ROLES, WEB_INDUSTRIES))
    return [
        (catalog.roles[role], default.model_copy(update={"size": str(1000 + i), "industry": ind}))
        for i, (role, ind) in zip(range(n), combos, strict=False)
    ]


def tailor_all(cases: list[tuple[Any, Any]], catalog: Any) -> None:
    from jdgen.errors import JdgenError
    from jdgen.tailor import tailor

    for role, company in cases:
        # a company file's choice the role cannot take is refused, as the CLI would
        with contextlib.suppress(JdgenError):
            tailor(role, company, catalog)


def ms_per_posting(cases: list[tuple[Any, Any]], catalog: Any, rounds: int) -> float:
    best = float("inf")
    for k in range(rounds):
        part = cases[k::rounds] or cases
        start = time.process_time()
        tailor_all(part, catalog)
        best = min(best, (time.process_time() - start) / len(part) * 1000)
    return best


def ms_alone(cases: list[tuple[Any, Any]], catalog: Any) -> float:
    """As :func:`ms_per_posting`, each posting with nothing kept from the ones before."""
    spent = 0.0
    for case in cases:
        forget()
        start = time.process_time()
        tailor_all([case], catalog)
        spent += time.process_time() - start
    return spent / len(cases) * 1000


def forget() -> None:
    """Empty what tailoring keeps between postings."""
    from jdgen import tailor

    for name in ("_FILLED", "_CONDITIONS", "_SHARED"):  # (older jdgen: fewer of them)
        getattr(tailor, name, {}).clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4, help="timed rounds per figure (4)")
    parser.add_argument("--profile", type=int, default=0, help="show the N most costly functions")
    add_quick(parser)
    args = parser.parse_args()
    from jdgen.catalog import builtin_catalog

    catalog = builtin_catalog()
    review = review_set(catalog)
    web = web_set(catalog, 600)
    if quick(args):
        review, web, args.rounds = review[:4], web[:4], 1
    tailor_all(review[:20], catalog)  # imports, the rapidfuzz memo, compiled texts
    print(
        f"{len(review)} review postings: {ms_per_posting(review, catalog, args.rounds):.2f} ms CPU each"
    )
    alone = ms_alone(web[: len(web) // 4], catalog)
    print(
        f"{len(web) // 4} web previews, a new headcount each, nothing kept from the ones "
        f"before: {alone:.2f} ms CPU each"
    )
    forget()
    shared = ms_per_posting(web, catalog, args.rounds)
    print(f"{len(web)} web previews, one after another: {shared:.2f} ms CPU each")
    if args.profile:
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.runcall(tailor_all, review, catalog)
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
