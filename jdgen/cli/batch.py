"""``jdgen batch``: one posting per row of a CSV or YAML file."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from jdgen.cli.common import build_company, company_options, load_catalog_for, render_options
from jdgen.errors import JdgenError, Stopped, one_line

if TYPE_CHECKING:
    from jdgen.batch import BatchJob, Preflight, RowResult
    from jdgen.catalog import Catalog
    from jdgen.files import CleanUp


def _format_names() -> list[str]:
    from jdgen.render import FORMATS

    return list(FORMATS)


def _lines(numbers: list[int], limit: int = 10) -> str:
    shown = ", ".join(str(n) for n in numbers[:limit])
    return shown + (f" and {len(numbers) - limit} more" if len(numbers) > limit else "")


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder to write the postings into (created if missing).",
)
@company_options
@render_options
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(_format_names()),
    help="Output format, one file per row for each; repeatable (default: docx).",
)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(["posting", "description"]),
    help="posting (default) and/or description, the internal job description "
    "(files ending in --description); repeatable for both.",
)
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Worker processes (default: one per CPU core).",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="No progress bar, and no summary unless a row failed."
)
@click.pass_context
def batch(
    ctx: click.Context,
    file: Path,
    outdir: Path,
    company_file: Path | None,
    size: str | None,
    industry: str | None,
    sector: str | None,
    business_model: str | None,
    catalog_dirs: tuple[Path, ...],
    template_dirs: tuple[Path, ...],
    reference_docx: Path | None,
    docx_template: Path | None,
    formats: tuple[str, ...],
    kinds: tuple[str, ...],
    force: bool,
    jobs: int | None,
    quiet: bool,
) -> None:
    """Write one posting per row of FILE (CSV or YAML) into a folder.

    Each row has a role column and, optionally, any company or posting field:
    name, about, website, size, industry, sector, business_model, location (or city, region, country),
    work_arrangement, remote_regions, employment_type, salary_min, salary_max,
    salary_currency, salary_period, bonus_target_percent, ote_min, ote_max,
    commission, equity, flsa_status, visa_sponsorship, security_clearance,
    drivers_license, travel, travel_destinations, work_setting,
    work_environment, benefits, how_to_apply, date_posted,
    closing_date, title, team, add_responsibilities, add_skills, remove, sections,
    career_path, file.  Empty cells take the --company defaults; list cells
    separate items with ";".  A bad row is reported with its line number and
    the other rows are still written; the exit code is 1 if any row failed.

    \b
    Example rows.csv:
      role,title,size,industry,city,region,country,salary_min,salary_max,benefits
      Director of Operations,,60,manufacturing,Denver,CO,US,120000,150000,Health insurance;401(k)
      VP of Operations,VP Operations (EMEA),enterprise,technology,Berlin,,DE,,,
    \b
    Examples:
      jdgen batch rows.csv -o postings/
      jdgen batch rows.csv --company company.yaml -o postings/ --format docx --format md
      jdgen batch rows.yaml -o postings/ --reference-docx brand.docx --force
    """
    from jdgen.batch import BatchJob
    from jdgen.files import clean_up, output_folder
    from jdgen.render import RenderOptions

    start = time.perf_counter()
    formats = tuple(dict.fromkeys(formats)) or ("docx",)
    kinds = tuple(dict.fromkeys(kinds)) or ("posting",)
    if kinds == ("description",) and formats == ("jsonld",):
        raise JdgenError("--format jsonld is a JobPosting, for postings only: add --kind posting")
    check_paths(outdir, template_dirs, reference_docx, docx_template)
    # The folder is the batch's until it ends: a second batch into it fails at once.
    with output_folder(outdir):
        catalog = load_catalog_for(catalog_dirs)
        job = BatchJob(
            source=str(file),
            outdir=outdir,
            formats=formats,
            kinds=kinds,
            defaults=build_company(
                catalog, company_file, size, industry, sector, business_model
            ).model_dump(),
            catalog_dirs=catalog_dirs,
            render_options=RenderOptions(
                template_dirs=tuple(template_dirs),
                reference_docx=reference_docx,
                docx_template=docx_template,
            ),
            tag=f"jdgen-batch-{os.getpid()}",
        )
        cleaned_up(clean_up(outdir), outdir)  # what a batch killed outright left
        report = _write_all(file, job, catalog, force, jobs, quiet)
    if report.failed or not quiet:
        report.summary(time.perf_counter() - start, outdir)
    if report.failed:
        ctx.exit(1)


def _write_all(
    file: Path, job: BatchJob, catalog: Catalog, force: bool, jobs: int | None, quiet: bool
) -> _Report:
    """Check the whole file, then write every row; the rows' results, as reported."""
    from jdgen.batch import default_jobs, iter_rows, plan, preflight, run

    # Two passes over the file: the first (check) finds problems with the file itself
    # and files that would be overwritten, before anything is written; the second
    # streams the rows to the workers, which build the first rows while the first pass
    # runs and write nothing before it is done.
    def check() -> int:
        found = preflight(file, job.defaults, catalog, job.outdir, job.formats, job.kinds)
        refuse_clashes(found, file, force)
        return found.total

    report = _Report(show_progress=not quiet and sys.stderr.isatty())
    planned = plan(iter_rows(file), job.defaults, catalog)

    def on_clean_up(done: CleanUp) -> None:
        report.stop()  # the progress bar, before the line
        cleaned_up(done, job.outdir)

    try:
        run(
            planned, check, job, catalog, jobs or default_jobs(), report.result, report.start,
            on_clean_up,
        )  # fmt: skip
    except (KeyboardInterrupt, Stopped):
        report.stop()
        if report.checked:  # stopped while checking the file: nothing was written
            report.stopped(job.outdir)
        raise
    finally:
        report.stop()
    return report


def cleaned_up(done: CleanUp, outdir: Path) -> None:
    """One line naming the files a killed batch (or worker) left that were finished or
    removed, if there were any."""
    if done:
        click.secho(f"note: {one_line(done.line(outdir))}", err=True, fg="yellow")


def check_paths(
    outdir: Path,
    template_dirs: tuple[Path, ...],
    reference_docx: Path | None,
    docx_template: Path | None,
) -> None:
    """The folders and files the options name exist and are of the right kind."""
    for option, path in (("--reference-docx", reference_docx), ("--docx-template", docx_template)):
        if path is not None and not path.is_file():
            raise JdgenError(f"{option}: {path}: file not found")
    for path in template_dirs:
        if not path.is_dir():
            raise JdgenError(f"--templates: {path}: not a directory")
    if outdir.exists() and not outdir.is_dir():
        raise JdgenError(f"-o {outdir}: not a folder")


def refuse_clashes(check: Preflight, file: Path, force: bool) -> None:
    """Nothing is written when a posting would replace something that is not a regular
    file, or overwrite a file without --force."""
    if check.first_special:
        from jdgen.files import refuse_special

        item, path = check.first_special
        try:
            refuse_special(path)
        except JdgenError as exc:
            raise JdgenError(f"{exc} (row {file}:{item.row.line}); nothing was written") from None
    if check.first_clash and not force:
        item, path = check.first_clash
        more = f" ({check.clashes - 1} more would be too)" if check.clashes > 1 else ""
        raise JdgenError(
            f"{path}: already exists (row {file}:{item.row.line}){more}; "
            "nothing was written: pass --force to overwrite, or choose another -o folder"
        )


class _Report:
    """Row results as they arrive: a rich progress bar at a terminal, error lines always."""

    def __init__(self, show_progress: bool) -> None:
        #: Rows in the file, once it has been checked.
        self.total = 0
        self.checked = False
        self.show_progress = show_progress
        self.written = 0
        self.files = 0
        #: Line numbers of the rows that failed, in row order.
        self.failed: list[int] = []
        self.progress: Any = None
        self.task: Any = None

    def start(self, total: int) -> None:
        self.total, self.checked = total, True
        if not self.show_progress:
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        from jdgen.cli.common import console

        self.progress = Progress(
            TextColumn("writing postings"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console(stderr=True),
        )
        self.task = self.progress.add_task("batch", total=self.total, failed=0)
        self.progress.start()

    def result(self, result: RowResult) -> None:
        if result.error:
            self.failed.append(result.line)
            self.error(result.error)
        else:
            self.written += 1
            self.files += len(result.files)
        if self.progress is not None:
            self.progress.update(self.task, advance=1, failed=len(self.failed))

    def error(self, message: str) -> None:
        message = one_line(message)
        if self.progress is not None:
            from rich.text import Text

            self.progress.console.print(Text(f"error: {message}", style="red"))
        else:
            click.secho(f"error: {message}", err=True, fg="red")

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()

    def stopped(self, outdir: Path) -> None:
        """What a stopped batch wrote: the rows it finished are complete."""
        done = self.written + len(self.failed)
        click.secho(
            f"stopped after {done} of {self.total} rows: {self.written} written, "
            f"{len(self.failed)} failed; {self.files} files in {outdir}",
            err=True,
            fg="yellow",
        )

    def summary(self, seconds: float, outdir: Path) -> None:
        """The last line: postings written and failed (with their lines), speed, files."""
        failed = self.failed
        lines = f" (line {_lines(failed)})" if failed else ""
        click.secho(
            f"{self.written} written, {len(failed)} failed{lines}, in {seconds:.1f} s "
            f"({self.total / seconds:.0f} postings/s); {self.files} files in {outdir}",
            err=True,
            fg="red" if failed else "green",
        )
