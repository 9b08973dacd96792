"""Write the review set (issue 10) for a blind content review.

    python tests/review/write.py OUTDIR [--tree PATH]

Each line of postings.txt (``label|jdgen generate arguments``, ``C/`` standing for
the companies folder next to this file) becomes OUTDIR/NN-label.md (the posting,
stdout) and OUTDIR/NN-label.err (what jdgen printed on stderr).  OUTDIR/index.md lists
every posting with the company's facts in plain words, for a reviewer who reads no
code.  ``--tree PATH`` runs the jdgen of another checkout (default: this one).
"""

from __future__ import annotations

import argparse
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


@dataclass(frozen=True)
class Line:
    number: int
    label: str
    args: list[str]

    @property
    def stem(self) -> str:
        return f"{self.number:02d}-{self.label}"

    def option(self, name: str) -> str:
        return self.args[self.args.index(name) + 1]


def lines(path: Path = HERE / "postings.txt") -> list[Line]:
    """The review set's lines, with ``C/`` made a path to the companies folder."""
    found: list[Line] = []
    for text in path.read_text(encoding="utf-8").splitlines():
        if not text.strip() or text.startswith("#"):
            continue
        label, _, args = text.partition("|")
        argv = [re.sub(r"^C/", f"{HERE / 'companies'}/", a) for a in shlex.split(args)]
        found.append(Line(len(found) + 1, label.strip(), argv))
    return found


def run(line: Line) -> tuple[int, str, str]:
    """``jdgen generate`` for one line, in this process: exit code, stdout, stderr."""
    from click.testing import CliRunner

    from jdgen.cli import cli

    result = CliRunner().invoke(cli, ["generate", *line.args])
    return result.exit_code, result.stdout, result.stderr


def facts(line: Line, catalog: Any, company: Any) -> list[str]:
    """The company and the pay for one line, in plain words."""
    from babel.numbers import format_currency

    from jdgen.cli.common import salary_option
    from jdgen.countries import posting_country, written_out
    from jdgen.tailor import business_model

    industry = catalog.find_industry(company.industry)
    model = catalog.business_models[business_model(company, industry, catalog)]
    size = f"{company.size:,} people" if isinstance(company.size, int) else str(company.size)
    place = "; ".join(written_out(loc, catalog.countries).label() for loc in company.locations)
    pay = salary_option(line.option("--salary"), company)
    money = [
        format_currency(v, pay.currency, "¤#,##0", locale="en", currency_digits=False)
        for v in (pay.min, pay.max)
    ]
    country = posting_country(company, catalog.countries).entry.name
    where = place if country in place else f"{place} (country: {country})"
    union = "unionised" if company.unionised else "not unionised"
    return [
        f"Company: {company.name}, {size}, industry: {industry.name}",
        f"Location: {where}",
        f"Sites: {company.sites}, countries: {company.countries}, workforce {union}",
        f"Business model: {model.name}",
        f"What it does: {company.description}",
        f"Pay range for this role: {money[0]} to {money[1]} a {pay.period}",
    ] + ([f"About us, in the company's own words: {company.about}"] if company.about else [])


def words(markdown: str) -> int:
    return len(re.findall(r"\w[\w'’-]*", markdown))


def entry(line: Line, catalog: Any, out: Path) -> str:
    import jdgen

    code, stdout, stderr = run(line)
    (out / f"{line.stem}.md").write_text(stdout, encoding="utf-8")
    (out / f"{line.stem}.err").write_text(stderr, encoding="utf-8")
    title = catalog.find_role(line.args[0]).title
    company = jdgen.load_company(line.option("--company"), catalog)
    counted = jdgen.lint_posting(out / f"{line.stem}.md").stats.words if not code else 0
    text = [f"## {line.number:02d}. {title} at {company.name}", ""]
    text += [f"[{line.stem}.md]({line.stem}.md): {words(stdout)} words ({counted} by jdgen lint)"]
    text.append("")
    text += [f"- {fact}" for fact in facts(line, catalog, company)]
    text += [f"- jdgen printed: {note}" for note in stderr.splitlines()]
    if code:
        text.append(f"- FAILED with exit code {code}")
    return "\n".join(text) + "\n"


def commit(tree: Path) -> str:
    done = subprocess.run(
        ["git", "-C", str(tree), "log", "-1", "--format=commit %h (%cs): %s"],
        capture_output=True,
        text=True,
    )
    return done.stdout.strip() or str(tree)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--tree", type=Path, help="the jdgen checkout to run (default: this one)")
    ns = parser.parse_args(argv)
    sys.path.insert(0, str((ns.tree or REPO).resolve()))  # before jdgen is first imported
    import jdgen

    catalog = jdgen.load_catalog()
    ns.outdir.mkdir(parents=True, exist_ok=True)
    todo = lines()
    head = [
        f"# Review set: {len(todo)} job postings",
        "",
        f"Written by jdgen {commit(Path(jdgen.__file__).resolve().parents[1])}.",
        "",
        "Each posting is a Markdown file. Below each link: the company it was written for",
        "and the pay range given for this role.",
        "",
    ]
    body = [entry(line, catalog, ns.outdir) for line in todo]
    (ns.outdir / "index.md").write_text("\n".join(head + body), encoding="utf-8")
    print(f"wrote {len(todo)} postings and index.md to {ns.outdir}")


if __name__ == "__main__":
    main()
