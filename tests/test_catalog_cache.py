"""The caches between runs (validated catalog, roles summary, the .docx base package) never
change what jdgen writes: every role × size and a sample of industries give the same
posting with and without them, a user catalog's edit is seen on the next run, and a damaged,
unwritable or switched-off cache falls back silently to a fresh load."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from jdgen.catalog import load_catalog
from jdgen.catalog_cache import cache_key, cached_catalog, cached_summary, summarize
from jdgen.company import load_company
from jdgen.render import render
from jdgen.tailor import tailor

REPO = Path(__file__).resolve().parents[1]
EPOCH = "1767225600"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "cache"
    monkeypatch.setenv("JDGEN_CACHE_DIR", str(root))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return root


def test_a_cached_catalog_is_the_catalog_the_loader_builds(cache: Path) -> None:
    fresh = load_catalog()
    first = cached_catalog(load_catalog)  # loads and stores
    assert [p.name for p in cache.iterdir()] == [f"catalog-{cache_key()}.pickle"]
    cached = cached_catalog(load_catalog)  # from the file
    assert cached is not first
    for table in (
        "levels",
        "domains",
        "sizes",
        "industries",
        "responsibilities",
        "skills",
        "roles",
    ):
        assert getattr(cached, table) == getattr(fresh, table), table
        assert list(getattr(cached, table)) == list(getattr(fresh, table)), table
    assert cached.posting_text == fresh.posting_text
    assert cached.default_company == fresh.default_company
    assert cached.origin == fresh.origin
    assert cached._role_index == fresh._role_index
    assert cached_summary() == summarize(fresh)
    assert cached_summary().country_names == fresh.countries.names()  # type: ignore[union-attr]
    assert fresh.countries.names()["deutschland"] == "DE"


def test_every_posting_is_the_same_with_and_without_the_cache(cache: Path) -> None:
    fresh = load_catalog()
    cached_catalog(load_catalog)
    cached = cached_catalog(load_catalog)
    industries = sorted(fresh.industries)
    checked = 0
    for i, role_id in enumerate(sorted(fresh.roles)):
        for j, size in enumerate(sorted(fresh.sizes)):
            industry = industries[(i + j) % len(industries)]
            postings = []
            for catalog in (fresh, cached):
                company = load_company(None, catalog).model_copy(
                    update={"size": size, "industry": industry}
                )
                postings.append(tailor(catalog.roles[role_id], company, catalog))
            assert postings[0] == postings[1], (role_id, size, industry)
            if j == 0:
                for fmt in ("md", "txt", "html"):
                    assert render(postings[0], fmt) == render(postings[1], fmt)
            checked += 1
    assert checked == len(fresh.roles) * len(fresh.sizes)


def cli(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[bytes]:
    done = subprocess.run(
        [sys.executable, "-m", "jdgen", *args], cwd=cwd, env=env, capture_output=True
    )
    assert done.returncode == 0, done.stderr.decode()
    return done


def cli_env(cache: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "JDGEN_CACHE_DIR": str(cache), "SOURCE_DATE_EPOCH": EPOCH}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.pop("JDGEN_NO_CACHE", None)
    return {**env, **extra}


COMMANDS = [
    ("roles",),
    ("roles", "--level", "director", "--search", "supply"),
    ("generate", "Director of Operations", "--size", "small", "--industry", "manufacturing"),
    ("generate", "coo", "--industry", "healthcare", "-o", "out.docx", "--force"),
]


def outputs(tmp_path: Path, env: dict[str, str]) -> list[bytes]:
    found = []
    for args in COMMANDS:
        done = cli(tmp_path, env, *args)
        found.append((tmp_path / "out.docx").read_bytes() if "-o" in args else done.stdout)
    return found


def test_commands_write_the_same_bytes_without_a_cache_cold_and_warm(
    tmp_path: Path, cache: Path, uncached: list[bytes]
) -> None:
    cold = outputs(tmp_path, cli_env(cache))
    kinds = sorted(p.name.split("-")[0] for p in cache.iterdir() if p.suffix == ".pickle")
    # babel: locales, money and dates; similar: wording comparisons (rapidfuzz)
    assert kinds == ["babel", "catalog", "company", "docx", "similar"]
    warm = outputs(tmp_path, cli_env(cache))
    assert uncached == cold == warm
    assert b"director-of-supply-chain" in warm[1]


@pytest.fixture(scope="module")
def uncached(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    """What the commands write with the cache switched off."""
    where = tmp_path_factory.mktemp("uncached")
    return outputs(where, cli_env(where / "cache", JDGEN_NO_CACHE="1"))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong-object", "unwritable"])
def test_a_damaged_or_unwritable_cache_falls_back_silently(
    tmp_path: Path, cache: Path, damage: str, uncached: list[bytes]
) -> None:
    env = cli_env(cache)
    cli(tmp_path, env, "generate", "vpo", "-o", "fill.docx", "--force")  # fill the cache
    kinds = sorted(p.name.split("-")[0] for p in cache.glob("*.pickle"))
    assert kinds == ["babel", "catalog", "company", "docx", "similar"]
    for entry in cache.glob("*.pickle"):
        data = entry.read_bytes()
        if damage == "garbage":
            entry.write_bytes(b"\x80\x05 not a pickle at all")
        elif damage == "truncated":
            entry.write_bytes(data[: len(data) // 2])
        elif damage == "wrong-object":
            entry.write_bytes(pickle.dumps({"format": "something else", "catalog": b""}))
    if damage == "unwritable":
        blocker = tmp_path / "not-a-dir"
        blocker.write_text("a file where the cache directory would be")
        env = cli_env(blocker / "cache")
    assert outputs(tmp_path, env) == uncached


def user_catalog(root: Path, summary: str, title: str = "VP, Operations") -> Path:
    (root / "roles").mkdir(parents=True, exist_ok=True)
    text = (REPO / "catalog/roles/vp-of-operations.yaml").read_text()
    start, end = text.index("summary: >-"), text.index("reports_to:")
    text = text[:start] + f"summary: {summary!r}\n" + text[end:]
    (root / "roles/vp-of-operations.yaml").write_text(
        text.replace("title: VP of Operations", f"title: {title}")
    )
    return root


def test_a_change_to_a_user_catalog_file_is_seen_on_the_next_run(
    tmp_path: Path, cache: Path
) -> None:
    root = user_catalog(tmp_path / "mine", "You will run every site we have.")
    env = cli_env(cache)
    first = cli(tmp_path, env, "generate", "vpo", "--catalog", str(root)).stdout.decode()
    assert first.startswith("# VP, Operations\n")
    assert "You will run every site we have." in first
    again = cli(tmp_path, env, "generate", "vpo", "--catalog", str(root)).stdout.decode()
    assert again == first
    user_catalog(root, "You will look after all our sites.", title="VP, Plant Operations")
    changed = cli(tmp_path, env, "generate", "vpo", "--catalog", str(root)).stdout.decode()
    assert changed.startswith("# VP, Plant Operations\n")
    assert "You will look after all our sites." in changed
    assert "run every site" not in changed
    listed = cli(tmp_path, env, "roles", "--catalog", str(root)).stdout.decode()
    assert "VP, Plant Operations" in listed and "VP, Operations" not in listed
    # a new file in the user catalog counts as a change too
    (root / "library").mkdir()
    (root / "library/extra.yaml").write_text("skills: []\n")
    assert cache_key([root]) != cache_key([root.parent / "mine-elsewhere"])
    entries = len(list(cache.glob("catalog-*.pickle")))
    cli(tmp_path, env, "roles", "--catalog", str(root))
    assert len(list(cache.glob("catalog-*.pickle"))) == entries + 1


@pytest.mark.parametrize("extra", [{}, {"TTY_COMPATIBLE": "0"}])  # plain text; rich's table
def test_roles_shows_a_title_with_brackets_as_written(
    tmp_path: Path, cache: Path, extra: dict[str, str]
) -> None:
    root = user_catalog(
        tmp_path / "mine", "You will run every site.", title="'[Interim] VP [b] :star:'"
    )
    for _ in range(2):  # the loader's catalog, then the cached summary
        listed = cli(tmp_path, cli_env(cache, **extra), "roles", "--catalog", str(root))
        line = next(ln for ln in listed.stdout.decode().splitlines() if "vp-of-operations" in ln)
        assert "  [Interim] VP [b] :star:  " in line


def test_a_user_catalog_with_an_error_is_never_cached(tmp_path: Path, cache: Path) -> None:
    root = user_catalog(tmp_path / "mine", "As our {{ nope }}, you will run things.")
    env = cli_env(cache)
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-m", "jdgen", "generate", "vpo", "--catalog", str(root)],
            cwd=tmp_path,
            env=env,
            capture_output=True,
        )
        assert done.returncode == 1
        assert b"unknown placeholder 'nope'" in done.stderr
    assert cached_summary([root]) is None


def test_cached_lint_rules_and_word_styles_lint_alike(cache: Path, tmp_path: Path) -> None:
    from jdgen.lint import lint_file, lint_job_description
    from jdgen.lint.docx_text import _STYLE_NAMES, read_docx_text
    from jdgen.lint.rules import builtin_rules, load_rules

    builtin_rules.__wrapped__()  # loads and stores
    cached = builtin_rules.__wrapped__()  # from the file
    kinds = sorted(p.name.rsplit("-", 1)[0] for p in cache.glob("*.pickle"))
    assert kinds == ["lint-rules"]
    fresh = load_rules()
    catalog = load_catalog()
    docx = tmp_path / "posting.docx"
    for role in ("vp-of-operations", "warehouse-manager", "coo"):
        jd = tailor(catalog.find_role(role), load_company(None, catalog), catalog)
        assert lint_job_description(jd, rules=cached) == lint_job_description(jd, rules=fresh)
        docx.write_bytes(render(jd, "docx"))
        _STYLE_NAMES.clear()
        first = read_docx_text(docx)  # styles parsed and stored
        _STYLE_NAMES.clear()
        assert read_docx_text(docx) == first  # styles from the cache file
        assert lint_file(docx, rules=cached) == lint_file(docx, rules=fresh)
    assert any(p.name.startswith("docx-styles-") for p in cache.glob("*.pickle"))


def test_a_model_pickles_with_its_fields_and_which_were_set() -> None:
    from pydantic import BaseModel

    from jdgen.models import Company

    company = Company(name="Acme", size=40, locations=[{"city": "Toledo"}])
    back = pickle.loads(pickle.dumps(company))
    assert back == company
    assert back.model_fields_set == {"name", "size", "locations"}
    assert back.locations[0].model_fields_set == {"city"}
    assert back.__pydantic_extra__ is None and back.__pydantic_private__ is None
    again = Company.__new__(Company)  # the state pydantic itself pickles still loads
    again.__setstate__(BaseModel.__getstate__(company))
    assert again == company and again.model_fields_set == company.model_fields_set


def test_items_without_a_condition_share_one_in_the_cache_too(cache: Path) -> None:
    from jdgen.models import ALWAYS

    fresh = load_catalog()
    blank = [r.when for r in fresh.responsibilities.values() if r.when == ALWAYS]
    assert len(blank) > 50 and all(w is ALWAYS for w in blank)
    cached_catalog(load_catalog)
    cached = cached_catalog(load_catalog)  # from the file: one When for all of them again
    assert len({id(r.when) for r in cached.responsibilities.values() if r.when == ALWAYS}) == 1
