"""How fast ``jdgen batch`` writes tailored .docx postings on this machine.  Figures only.

    python benchmarks/bench_batch.py [--n 1000] [--small 100] [--pandoc-sample 100] [--jobs N] [--quick]

Writes a CSV of N tailored requisitions (every role × size × industry in turn,
with company names, cities, pay ranges and benefits), runs
``jdgen batch rows.csv -o DIR --format docx -q`` as a user would (a fresh
process, start-up included) at --small and at N rows, and prints postings per
second, milliseconds per posting per core and the peak resident memory of the
main process and of the largest worker (memory should not grow with the rows).
Then the route a user would otherwise take on the same rows: Markdown from
``jdgen batch --format md``, then ``pandoc -o x.docx x.md`` per posting, as many
pandoc processes at a time as there are cores; on a sample of rows, since
pandoc starts a process per posting.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from timing import add_quick, quick

CITIES = [
    ("Denver", "CO", "US"),
    ("Austin", "TX", "US"),
    ("Columbus", "OH", "US"),
    ("Toronto", "ON", "CA"),
    ("Manchester", "", "GB"),
    ("Berlin", "", "DE"),
]
CURRENCY = {"US": "USD", "CA": "CAD", "GB": "GBP", "DE": "EUR"}
ARRANGEMENTS = ["on-site", "hybrid", "remote"]
BENEFITS = [
    "Health, dental and vision insurance",
    "Retirement plan with a 4% match",
    "Three weeks of paid time off",
    "Paid parental leave",
    "Annual training budget",
]


def cores() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else (os.cpu_count() or 1)


def write_rows(path: Path, n: int) -> None:
    """N tailored requisitions: each role × size × industry in turn, varied company data."""
    from jdgen.catalog import builtin_catalog

    catalog = builtin_catalog()
    combos = itertools.product(catalog.roles, catalog.sizes, catalog.industries)
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(
            [
                "role",
                "size",
                "industry",
                "name",
                "city",
                "region",
                "country",
                "work_arrangement",
                "salary_min",
                "salary_max",
                "salary_currency",
                "benefits",
                "closing_date",
            ]
        )
        for i, (role, size, industry) in enumerate(itertools.islice(itertools.cycle(combos), n)):
            city, region, country = CITIES[i % len(CITIES)]
            low = 70_000 + (i % 40) * 2_500
            out.writerow(
                [
                    role,
                    size,
                    industry,
                    f"Company {i % 97}",
                    city,
                    region,
                    country,
                    ARRANGEMENTS[i % 3],
                    low,
                    low + 30_000,
                    CURRENCY[country],
                    ";".join(BENEFITS[: 2 + i % 4]),
                    "2026-12-31",
                ]
            )


# -- peak memory of a process tree (Linux /proc; sampled) ----------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid:
            found.append(int(entry))
    return found


def _hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


#: Run jdgen as an installed copy runs: with compiled bytecode (pip compiles it on
#: install), even where PYTHONDONTWRITEBYTECODE is set; cached outside the source tree.
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": str(Path(tempfile.gettempdir()) / "jdgen-bench-pycache"),
}


@dataclass
class Run:
    rows: int
    seconds: float
    main_kb: int
    worker_kb: int
    workers: int
    #: CPU seconds (user + system) of jdgen and its workers.
    cpu: float


def run_batch(argv: list[str], rows: int) -> Run:
    """Run a jdgen command, sampling the peak RSS (VmHWM) of it and its workers."""
    before = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "jdgen", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    )
    peaks: dict[int, int] = {}
    can_sample = Path("/proc/self/status").exists()
    pids = [proc.pid]
    last_scan = 0.0
    while proc.poll() is None:
        if can_sample:
            # Finding the workers means reading every /proc/N/stat: do it seldom, and
            # read the known processes' VmHWM often (it only grows).
            if time.perf_counter() - last_scan > 0.25:
                pids = [proc.pid, *_children(proc.pid)]
                last_scan = time.perf_counter()
            for pid in pids:
                peaks[pid] = max(peaks.get(pid, 0), _hwm_kb(pid))
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    _, err = proc.communicate()
    if proc.returncode != 0:
        sys.exit(f"jdgen {' '.join(argv)} failed ({proc.returncode}):\n{err.decode()}")
    workers = [kb for pid, kb in peaks.items() if pid != proc.pid]
    cpu = _children_cpu() - before
    return Run(rows, seconds, peaks.get(proc.pid, 0), max(workers, default=0), len(workers), cpu)


def _children_cpu() -> float:
    """CPU seconds of the finished child processes (and theirs, once waited for)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def mb(kb: int) -> str:
    return f"{kb / 1024:6.1f} MB" if kb else "     n/a"


def in_process_costs(rows_csv: Path, out: Path, n: int = 100) -> tuple[float, float, float]:
    """One core, in this process: ms per posting to build+tailor, render docx, write."""
    from jdgen.batch import build_request, plan, read_rows
    from jdgen.catalog import builtin_catalog
    from jdgen.files import write_output
    from jdgen.models import Company
    from jdgen.render import render
    from jdgen.tailor import tailor

    catalog = builtin_catalog()
    defaults = Company().model_dump()
    planned = list(plan(read_rows(rows_csv)[:n], defaults, catalog))
    role, company, options = build_request(planned[0].row.data, defaults, catalog, "warm-up")
    render(tailor(role, company, catalog, options), "docx")  # imports and caches
    t_tailor = t_render = t_write = 0.0
    for item in planned:
        t0 = time.perf_counter()
        role, company, options = build_request(item.row.data, defaults, catalog, "bench")
        jd = tailor(role, company, catalog, options)
        t1 = time.perf_counter()
        data = render(jd, "docx")
        t2 = time.perf_counter()
        write_output(out / f"{item.stem}.docx", data)
        t3 = time.perf_counter()
        t_tailor, t_render, t_write = t_tailor + t1 - t0, t_render + t2 - t1, t_write + t3 - t2
    k = 1000 / len(planned)
    return t_tailor * k, t_render * k, t_write * k


def pandoc_route(rows_csv: Path, work: Path, sample: int, jobs: int) -> tuple[int, float, float]:
    """Markdown by jdgen batch, then pandoc per posting: (postings, md seconds, pandoc seconds)."""
    sample_csv = work / "sample.csv"
    with rows_csv.open(encoding="utf-8") as src:
        lines = src.readlines()
    sample_csv.write_text("".join(lines[: sample + 1]), encoding="utf-8")
    md_dir = work / "pandoc"
    md = run_batch(
        ["batch", str(sample_csv), "-o", str(md_dir), "--format", "md", "-q", "-j", str(jobs)],
        sample,
    )
    sources = sorted(md_dir.glob("*.md"))

    def convert(path: Path) -> None:
        subprocess.run(
            ["pandoc", "-o", str(path.with_suffix(".docx")), str(path)],
            check=True,
            capture_output=True,
        )

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(convert, sources))
    return len(sources), md.seconds, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="rows in the big batch (1000)")
    parser.add_argument("--small", type=int, default=100, help="rows in the small batch (100)")
    parser.add_argument(
        "--pandoc-sample", type=int, default=100, help="rows converted with pandoc (100)"
    )
    parser.add_argument("--jobs", type=int, default=cores(), help="worker processes (all cores)")
    add_quick(parser)
    args = parser.parse_args()
    if quick(args):
        args.n, args.small, args.pandoc_sample, args.jobs = 6, 3, 2, min(args.jobs, 2)
    n_cores = args.jobs

    with tempfile.TemporaryDirectory(prefix="jdgen-bench-") as tmp:
        work = Path(tmp)
        rows_csv = work / "rows.csv"
        write_rows(rows_csv, max(args.n, args.small, args.pandoc_sample))
        small_csv = work / "small.csv"
        with rows_csv.open(encoding="utf-8") as fh:
            small_csv.write_text("".join(fh.readlines()[: args.small + 1]), encoding="utf-8")
        big_csv = work / "big.csv"
        with rows_csv.open(encoding="utf-8") as fh:
            big_csv.write_text("".join(fh.readlines()[: args.n + 1]), encoding="utf-8")

        def batch(csv_path: Path, rows: int, out: str) -> Run:
            argv = ["batch", str(csv_path), "-o", str(work / out), "--format", "docx", "-q"]
            return run_batch([*argv, "-j", str(args.jobs)], rows)

        batch(small_csv, args.small, "warm-up")  # file cache, .pyc
        runs = [batch(small_csv, args.small, "small"), batch(big_csv, args.n, "big")]
        written = len(list((work / "big").glob("*.docx")))

        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(
            f"jdgen batch --format docx: python {sys.version.split()[0]}, {n_cores} worker(s) "
            f"on {cores()} core(s), load average {load:.2f} at the end; wall time of the whole "
            "command, start-up included"
        )
        print(
            f"{'rows':>6} {'seconds':>8} {'postings/s':>11} {'ms/posting/core':>16} "
            f"{'CPU ms/posting':>15} {'peak RSS main':>14} {'largest worker':>15}"
        )
        for r in runs:
            print(
                f"{r.rows:>6} {r.seconds:>8.2f} {r.rows / r.seconds:>11.1f} "
                f"{r.seconds * n_cores / r.rows * 1000:>16.2f} {r.cpu / r.rows * 1000:>15.2f} "
                f"{mb(r.main_kb):>14} "
                f"{mb(r.worker_kb):>15}"
            )
        small, big = runs
        extra = big.rows - small.rows
        if extra > 0:
            marginal = extra / (big.seconds - small.seconds)
            cpu_each = (big.cpu - small.cpu) / extra
            print(
                f"rows {small.rows + 1}–{big.rows} alone (start-up excluded): {marginal:.1f} "
                f"postings/s, {n_cores * 1000 / marginal:.2f} ms per posting per core; CPU "
                f"{cpu_each * 1000:.2f} ms per posting (all cores busy with jdgen alone: "
                f"{n_cores / cpu_each:.0f} postings/s)"
                if cpu_each > 0
                else f"rows {small.rows + 1}–{big.rows} alone: {marginal:.1f} postings/s"
            )
        rate = big.rows / big.seconds
        print(
            f"target ≥ 200 postings/s for {big.rows} rows: {'met' if rate >= 200 else 'NOT met'} "
            f"({rate:.1f}/s); {written} .docx files written.  Wall times grow when other "
            "programs share the cores: see the load average"
        )
        if small.main_kb and big.main_kb:
            print(
                f"memory, {big.rows} vs {small.rows} rows: main {mb(big.main_kb - small.main_kb).strip()} "
                f"more, largest worker {mb(big.worker_kb - small.worker_kb).strip()} more "
                f"({big.workers} worker processes; sampled every 50 ms from /proc VmHWM)"
            )

        tailor_ms, render_ms, write_ms = in_process_costs(rows_csv, work / "big")
        print(
            f"one core, in process, per posting: build+tailor {tailor_ms:.2f} ms, "
            f"render docx {render_ms:.2f} ms, write {write_ms:.2f} ms"
        )

        sample = min(args.pandoc_sample, args.n)
        if shutil.which("pandoc") is None or sample <= 0:
            print(
                f"pandoc route: skipped ({'pandoc is not installed' if sample > 0 else 'no sample'})"
            )
            return
        count, md_s, pandoc_s = pandoc_route(rows_csv, work, sample, args.jobs)
        route_rate = count / (md_s + pandoc_s)
        print(
            f"pandoc route on a sample of {count} rows (jdgen batch --format md {md_s:.2f} s, then "
            f"pandoc -o x.docx per posting, {args.jobs} at a time, {pandoc_s:.2f} s): "
            f"{route_rate:.1f} postings/s, {args.jobs * 1000 / route_rate:.1f} ms per posting per core"
        )
        print(f"jdgen batch --format docx is {rate / route_rate:.1f}× the pandoc route's rate")


if __name__ == "__main__":
    main()
