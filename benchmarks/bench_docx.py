"""Print how fast .docx postings are made.  Figures only: nothing here is asserted.

    python benchmarks/bench_docx.py [--n 1000] [--workers 2] [--quick]

Measures, per posting (tailor + render to .docx bytes, no disk):

* the python-docx route jdgen used before (``Document()``, styles, paragraphs,
  ``save()`` on every posting), kept here as the "before" figure;
* jdgen's route now: the unchanging parts built once per process, only the body
  and core properties made per posting (default look, and ``--reference-docx``);
* ``--docx-template`` with the shipped example template (docxtpl);
* N postings cycling through roles × sizes × industries, in one process and
  across WORKERS processes (the way ``jdgen batch`` spreads work), as postings/s.
"""

from __future__ import annotations

import argparse
import io
import itertools
import multiprocessing
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from timing import add_quick, quick

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from jdgen.catalog import builtin_catalog  # noqa: E402
from jdgen.models import Company, JobDescription  # noqa: E402
from jdgen.render import RenderOptions, render  # noqa: E402
from jdgen.tailor import tailor  # noqa: E402


def python_docx_route(jd: JobDescription) -> bytes:
    """The "before": a python-docx Document built and saved for every posting."""
    from docx import Document

    from jdgen.render.docx import STYLES, blocks
    from jdgen.render.docx_parts import fill_properties, style_document

    doc = Document()
    style_document(doc)
    fill_properties(doc, jd)
    style_ids = {kind: doc.styles[name].style_id for kind, name in STYLES.items()}
    body = doc._body
    for kind, text in blocks(jd):
        paragraph = body._add_paragraph()
        if kind != "p":
            paragraph._p.style = style_ids[kind]
        paragraph.add_run(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def per_posting_ms(fn: Callable[[], object], n: int) -> tuple[float, float]:
    """(median, mean) milliseconds over n calls, after one warm-up call."""
    fn()
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, statistics.fmean(times) * 1000


def make_reference(folder: Path) -> Path:
    """A branded reference file: own fonts and colours, A4, a header and footer."""
    from docx import Document
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    doc.styles["Normal"].font.name = "Georgia"
    doc.styles["Heading 1"].font.color.rgb = RGBColor(0x8B, 0, 0)
    doc.styles["Heading 1"].font.size = Pt(16)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.header.paragraphs[0].text = "Acme Widgets · Careers"
    section.footer.paragraphs[0].text = "Acme Widgets Inc."
    doc.add_paragraph("replaced by the posting")
    path = folder / "brand.docx"
    doc.save(str(path))
    return path


_WORK: list[Any] = []


def _init_worker() -> None:
    catalog = builtin_catalog()
    combos = list(itertools.product(catalog.roles.values(), catalog.sizes, catalog.industries))
    _WORK[:] = [catalog, combos]


def _one(i: int) -> int:
    catalog, combos = _WORK
    role, size, industry = combos[i % len(combos)]
    jd = tailor(role, Company(size=size, industry=industry), catalog)
    return len(render(jd, "docx"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="postings in the loops (default 1000)")
    parser.add_argument("--workers", type=int, default=2, help="processes (default 2)")
    parser.add_argument("--repeat", type=int, default=50, help="calls per single-posting figure")
    add_quick(parser)
    args = parser.parse_args()
    if quick(args):
        args.n, args.repeat, args.workers = 4, 2, 2

    catalog = builtin_catalog()
    role = catalog.find_role("director-of-operations")
    company = Company(size="small", industry="manufacturing", name="Acme Widgets")
    jd = tailor(role, company, catalog)
    print(f"python {sys.version.split()[0]} on {sys.platform}, {multiprocessing.cpu_count()} cores")
    print("per posting (median / mean ms), one process:")

    with tempfile.TemporaryDirectory() as tmp:
        reference = make_reference(Path(tmp))
        template = REPO / "templates" / "posting-template.docx"
        rows: list[tuple[str, Callable[[], object]]] = [
            ("tailor only", lambda: tailor(role, company, catalog)),
            ("before: python-docx Document()+save()", lambda: python_docx_route(jd)),
            ("render docx (default look)", lambda: render(jd, "docx")),
            (
                "render docx --reference-docx",
                lambda: render(jd, "docx", RenderOptions(reference_docx=reference)),
            ),
            (
                "render docx --docx-template (docxtpl)",
                lambda: render(jd, "docx", RenderOptions(docx_template=template)),
            ),
            ("tailor + render docx", lambda: render(tailor(role, company, catalog), "docx")),
        ]
        for label, fn in rows:
            median, mean = per_posting_ms(fn, args.repeat)
            print(f"  {label:<42} {median:8.2f} / {mean:8.2f}")

    # Each loop runs twice: the first pass also fills the tailoring's caches (catalog
    # text compiled once per process), the second shows the steady state.
    _init_worker()
    for run in ("first pass", "second pass"):
        start = time.perf_counter()
        for i in range(args.n):
            _one(i)
        took = time.perf_counter() - start
        print(
            f"{args.n} postings, tailor + docx, 1 process, {run}:  {took:6.2f} s  "
            f"({args.n / took:7.1f} postings/s, {took / args.n * 1000:.2f} ms each)"
        )

    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(args.workers, initializer=_init_worker) as pool:
        pool.map(_one, range(args.workers * 4))  # start-up, not timed
        for run in ("first pass", "second pass"):
            start = time.perf_counter()
            sizes = pool.map(_one, range(args.n), chunksize=25)
            took = time.perf_counter() - start
            print(
                f"{args.n} postings, tailor + docx, {args.workers} processes, {run}: {took:6.2f} s  "
                f"({args.n / took:7.1f} postings/s; {took * args.workers / args.n * 1000:.2f} ms "
                f"each per core; mean size {statistics.fmean(sizes) / 1024:.1f} KiB)"
            )


if __name__ == "__main__":
    main()
