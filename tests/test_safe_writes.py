"""Writes are safe (issue 14, class 3): nothing jdgen writes is lost, mixed, half-written or
left behind, and nothing that is not a regular file is ever replaced.

In-process runs (CliRunner) for the messages and for failures simulated at the operating
system call (a full disk is an ``fsync`` or ``rename`` that fails); real ``jdgen batch``
subprocesses for locks and signals.
"""

from __future__ import annotations

import errno
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdgen.cli import cli

LINUX = sys.platform == "linux"
REPO = Path(__file__).resolve().parents[1]
#: The jdgen processes these tests start run this tree's code (not another installed copy).
TREE_ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
}
needs_linux = pytest.mark.skipif(not LINUX, reason="reads /proc and sends POSIX signals")


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def rows_csv(path: Path, n: int) -> Path:
    lines = ["role,file"] + [f"Director of Operations,p{i}" for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def hidden(folder: Path) -> list[str]:
    return [name for name in listing(folder) if name.startswith(".")]


# -- -o never replaces what is not a regular file -----------------------------------


@needs_linux
@pytest.mark.parametrize("command", ["generate", "compare", "ladder"])
def test_o_refuses_a_symlink_even_with_force(tmp_path: Path, command: str) -> None:
    target = tmp_path / "target.md"
    target.write_text("keep me\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    roles = {"generate": ["vpo"], "compare": ["vpo", "coo"], "ladder": ["vpo"]}[command]
    code, _, err = invoke(command, *roles, "-o", str(link), "--force")
    assert code == 1
    assert errors(err) == [
        f"error: {link}: is a symbolic link, not a regular file; jdgen replaces only "
        "regular files (remove it or choose another name)"
    ]
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "keep me\n"
    assert listing(tmp_path) == ["link.md", "target.md"]


@needs_linux
def test_o_refuses_a_fifo_without_waiting_for_a_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    code, _, err = invoke("generate", "vpo", "-o", str(fifo), "--force")
    assert code == 1
    assert errors(err) == [
        f"error: {fifo}: is a named pipe (FIFO), not a regular file; jdgen replaces only "
        "regular files (remove it or choose another name)"
    ]
    assert listing(tmp_path) == ["pipe.md"]


@needs_linux
def test_o_refuses_a_device(tmp_path: Path) -> None:
    code, _, err = invoke("generate", "vpo", "--format", "md", "-o", "/dev/null", "--force")
    assert code == 1
    assert errors(err)[0].startswith("error: /dev/null: is a character device, not a regular")


def test_o_refuses_a_directory_with_force(tmp_path: Path) -> None:
    folder = tmp_path / "out.md"
    folder.mkdir()
    code, _, err = invoke("generate", "vpo", "-o", str(folder), "--force")
    assert code == 1
    assert errors(err) == [
        f"error: {folder}: is a directory, not a regular file; jdgen replaces only "
        "regular files (remove it or choose another name)"
    ]


def test_a_read_only_file_is_named_and_kept_without_force_and_replaced_with_it(
    tmp_path: Path,
) -> None:
    out = tmp_path / "vpo.md"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o444)
    code, _, err = invoke("generate", "vpo", "-o", str(out))
    assert code == 1
    assert errors(err) == [
        f"error: {out} already exists and is read-only (use --force to replace it)"
    ]
    assert out.read_text(encoding="utf-8") == "old\n"
    code, _, err = invoke("generate", "vpo", "-o", str(out), "--force")
    assert code == 0, err
    assert out.read_text(encoding="utf-8").startswith("# VP of Operations")
    assert hidden(tmp_path) == []


@pytest.mark.parametrize("command", [["compare", "vpo", "coo"], ["ladder", "vpo"]])
def test_compare_and_ladder_keep_an_existing_file_without_force(
    tmp_path: Path, command: list[str]
) -> None:
    out = tmp_path / "mine.md"
    out.write_text("my notes\n", encoding="utf-8")
    code, _, err = invoke(*command, "-o", str(out))
    assert code == 1
    assert errors(err) == [f"error: {out} already exists (use --force to overwrite it)"]
    assert out.read_text(encoding="utf-8") == "my notes\n"
    code, _, err = invoke(*command, "-o", str(out), "--force")
    assert code == 0, err
    assert out.read_text(encoding="utf-8") != "my notes\n"


def test_batch_refuses_a_symlink_among_its_targets_even_with_force(tmp_path: Path) -> None:
    rows = rows_csv(tmp_path / "rows.csv", 3)
    out = tmp_path / "out"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere.md"
    elsewhere.write_text("not yours\n", encoding="utf-8")
    (out / "p1.md").symlink_to(elsewhere)
    code, _, err = invoke("batch", str(rows), "-o", str(out), "--format", "md", "--force")
    assert code == 1
    assert errors(err) == [
        f"error: {out / 'p1.md'}: is a symbolic link, not a regular file; jdgen replaces "
        f"only regular files (remove it or choose another name) (row {rows}:3); "
        "nothing was written"
    ]
    assert listing(out) == ["p1.md"]
    assert elsewhere.read_text(encoding="utf-8") == "not yours\n"


# -- a full disk: every file of a set, or none -----------------------------------------


def fail_when(monkeypatch: pytest.MonkeyPatch, name: str, test: Callable[..., bool]) -> None:
    """The os call ``name`` fails with ENOSPC when ``test(*args)`` says so."""
    real = getattr(os, name)

    def failing(*args: object) -> object:
        if test(*args):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(*args)

    monkeypatch.setattr(os, name, failing)


def fd_name(fd: int) -> str:
    return os.readlink(f"/proc/self/fd/{fd}")


@needs_linux
def test_generate_on_a_full_disk_names_the_file_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "vpo.docx"
    out.write_bytes(b"the old posting")
    fail_when(monkeypatch, "fsync", lambda fd: ".vpo.docx." in fd_name(fd))
    code, _, err = invoke("generate", "vpo", "-o", str(out), "--force")
    assert code == 1
    assert errors(err) == [f"error: {out}: No space left on device"]
    assert out.read_bytes() == b"the old posting"
    assert listing(tmp_path) == ["vpo.docx"]


@needs_linux
def test_a_row_whose_second_file_fails_leaves_none_and_the_summary_counts_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = rows_csv(tmp_path / "rows.csv", 3)
    out = tmp_path / "out"
    fail_when(monkeypatch, "fsync", lambda fd: fd_name(fd).endswith("/n.p1.txt"))
    code, _, err = invoke(
        "batch", str(rows), "-o", str(out), "--format", "md", "--format", "txt", "-j", "1"
    )
    assert code == 1
    assert errors(err) == [f"error: {rows}:3: {out / 'p1.txt'}: No space left on device"]
    assert listing(out) == ["p0.md", "p0.txt", "p2.md", "p2.txt"]
    summary = err.strip().splitlines()[-1]
    assert summary.startswith("2 written, 1 failed (line 3), in ")
    assert summary.endswith(f"; 4 files in {out}")


@needs_linux
def test_a_row_that_fails_after_replacing_one_file_puts_the_old_one_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = rows_csv(tmp_path / "rows.csv", 2)
    out = tmp_path / "out"
    out.mkdir()
    for name in ("p1.md", "p1.txt"):
        (out / name).write_text(f"old {name}\n", encoding="utf-8")
    fail_when(monkeypatch, "replace", lambda src, dst: str(dst).endswith("/p1.txt"))
    code, _, err = invoke(
        "batch", str(rows), "-o", str(out), "--format", "md", "--format", "txt", "-j", "1",
        "--force",
    )  # fmt: skip
    assert code == 1
    assert errors(err) == [f"error: {rows}:3: {out / 'p1.txt'}: No space left on device"]
    assert (out / "p1.md").read_text(encoding="utf-8") == "old p1.md\n"
    assert (out / "p1.txt").read_text(encoding="utf-8") == "old p1.txt\n"
    assert (out / "p0.md").read_text(encoding="utf-8").startswith("# Director of Operations")
    assert listing(out) == ["p0.md", "p0.txt", "p1.md", "p1.txt"]


# -- init --force checks the new file before replacing the old one --------------------


def test_init_force_with_values_that_fail_leaves_the_old_file_byte_identical(
    tmp_path: Path,
) -> None:
    path = tmp_path / "company.yaml"
    old = b"name: Old Co  # mine\nsize: small\n"
    path.write_bytes(old)
    code, _, err = invoke(
        "init", str(path), "--force", "--no-input", "--salary-min", "200000",
        "--salary-max", "100000",
    )  # fmt: skip
    assert code == 1
    assert errors(err) == [f"error: {path}: salary: min (200000) is greater than max (100000)"]
    assert path.read_bytes() == old
    assert listing(tmp_path) == ["company.yaml"]


def test_a_failed_batch_removes_the_folder_it_created(tmp_path: Path) -> None:
    rows = rows_csv(tmp_path / "rows.csv", 2)
    company = tmp_path / "company.yaml"
    company.write_text("size: huge\n", encoding="utf-8")
    out = tmp_path / "new" / "out"
    code, _, err = invoke("batch", str(rows), "-o", str(out), "--company", str(company))
    assert code == 1
    assert len(errors(err)) == 1 and "size" in err
    assert not (tmp_path / "new").exists()


# -- a real batch: one per folder, stopped cleanly by a signal -------------------------


def start_batch(cwd: Path, *args: str, **popen: object) -> subprocess.Popen[str]:
    """``jdgen batch`` in its own process group (as a shell runs a job)."""
    return subprocess.Popen(
        [sys.executable, "-m", "jdgen", "batch", *args],
        cwd=cwd,
        env=TREE_ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        **popen,  # type: ignore[call-overload]
    )


def wait_for(check: Callable[[], bool], what: str, limit: float = 120.0) -> None:
    """Poll until ``check()`` holds (no assertion on how long that takes, only a limit on
    how long a broken build may hang the suite)."""
    deadline = time.monotonic() + limit
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.02)


def lock_holder(folder: Path) -> str:
    try:
        return (folder / ".jdgen-batch.lock").read_text(encoding="utf-8")
    except OSError:
        return ""


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def running(pid: int) -> bool:
    """The process exists and is not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


COMPANY = "name: Stdin Widgets\nabout: Stdin Widgets makes pumps.\nsize: small\n"


def batch_holding_the_folder(tmp_path: Path, n: int) -> tuple[subprocess.Popen[str], Path]:
    """A batch of ``n`` rows into ``out`` that holds the folder while it waits for its
    company file on stdin (so that it is certainly still running)."""
    rows_csv(tmp_path / "rows.csv", n)
    out = tmp_path / "out"
    first = start_batch(
        tmp_path, "rows.csv", "-o", "out", "--format", "md", "--company", "-",
        stdin=subprocess.PIPE,
    )  # fmt: skip
    wait_for(lambda: lock_holder(out).startswith(f"pid {first.pid},"), "the first batch's lock")
    return first, out


def batch(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jdgen", "batch", *args],
        cwd=cwd,
        env=TREE_ENV,
        capture_output=True,
        text=True,
        timeout=120,
    )


@needs_linux
def test_a_second_batch_into_a_folder_in_use_fails_at_once_naming_the_first(
    tmp_path: Path,
) -> None:
    first, out = batch_holding_the_folder(tmp_path, 3)
    second = batch(tmp_path, "rows.csv", "-o", str(out) + "/.", "--force")
    assert second.returncode == 1
    holder = lock_holder(out).strip()
    assert re.fullmatch(rf"pid {first.pid}, started \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d \S+", holder)
    assert second.stderr.splitlines() == [
        f"error: {out}: another jdgen batch is writing into this folder ({holder}); "
        "wait for it to finish or choose another -o folder"
    ]
    assert listing(out) == [".jdgen-batch.lock"]
    _, err = first.communicate(COMPANY, timeout=120)
    assert first.returncode == 0, err
    assert listing(out) == ["p0.md", "p1.md", "p2.md"]  # the lock is gone too
    assert "Stdin Widgets" in (out / "p2.md").read_text(encoding="utf-8")


@needs_linux
def test_the_lock_goes_with_a_killed_batch(tmp_path: Path) -> None:
    first, out = batch_holding_the_folder(tmp_path, 2)
    first.kill()
    first.communicate(timeout=120)
    again = batch(tmp_path, "rows.csv", "-o", "out", "--format", "md")
    assert again.returncode == 0, again.stderr
    assert listing(out) == ["p0.md", "p1.md"]


def stems(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for name in listing(folder):
        if name.startswith("."):
            continue
        stem, suffix = name.rsplit(".", 1)
        found.setdefault(stem, set()).add(suffix)
    return found


def batch_under_way(tmp_path: Path) -> tuple[subprocess.Popen[str], list[int], Path]:
    """A two-worker batch of 3,000 rows, frozen (SIGSTOP) once its first files are out."""
    rows_csv(tmp_path / "rows.csv", 3000)
    out = tmp_path / "out"
    args = ("rows.csv", "-o", "out", "--format", "md", "--format", "txt", "-j", "2")
    job = start_batch(tmp_path, *args)
    wait_for(lambda: out.is_dir() and len(listing(out)) >= 5, "the first postings")
    os.killpg(job.pid, signal.SIGSTOP)
    workers = children(job.pid)
    assert len(workers) == 2
    return job, workers, out


@needs_linux
@pytest.mark.parametrize(
    ("signum", "to_group", "code", "line"),
    [
        (signal.SIGINT, True, 130, "error: interrupted"),  # Ctrl-C: the whole job
        (signal.SIGTERM, False, 143, "error: stopped by SIGTERM"),  # kill PID
        (signal.SIGHUP, True, 129, "error: stopped by SIGHUP"),  # the terminal closed
    ],
    ids=["SIGINT", "SIGTERM", "SIGHUP"],
)
def test_a_signal_to_the_batch_stops_its_workers_and_leaves_only_whole_rows(
    tmp_path: Path, signum: int, to_group: bool, code: int, line: str
) -> None:
    job, workers, out = batch_under_way(tmp_path)
    (os.killpg if to_group else os.kill)(job.pid, signum)
    os.killpg(job.pid, signal.SIGCONT)
    _, err = job.communicate(timeout=120)
    assert job.returncode == code, err
    lines = err.strip().splitlines()
    assert lines[-1] == line
    stopped = re.fullmatch(
        r"stopped after (\d+) of 3000 rows: (\d+) written, 0 failed; (\d+) files in out",
        lines[-2],
    )
    assert stopped, lines[-2:]
    done, written, files = map(int, stopped.groups())
    assert done == written < 3000
    assert not [pid for pid in workers if running(pid)]
    assert hidden(out) == []  # no temporary file, no lock file
    by_row = stems(out)
    assert len(by_row) == written and files == 2 * written == len(listing(out))
    assert all(suffixes == {"md", "txt"} for suffixes in by_row.values())


@needs_linux
def test_workers_of_a_batch_killed_outright_stop_after_their_row(tmp_path: Path) -> None:
    job, workers, out = batch_under_way(tmp_path)
    job.kill()  # SIGKILL: no clean-up in the parent is possible
    os.killpg(job.pid, signal.SIGCONT)
    wait_for(lambda: not [pid for pid in workers if running(pid)], "the orphaned workers")
    job.communicate(timeout=120)
    assert hidden(out) == [".jdgen-batch.lock"]  # a stale file: the lock itself is gone
    assert all(suffixes == {"md", "txt"} for suffixes in stems(out).values())
    assert len(listing(out)) < 2 * 3000 + 1
    before = set(listing(out))
    (tmp_path / "more.csv").write_text("role,file\nVP of Operations,q0\n", encoding="utf-8")
    again = batch(tmp_path, "more.csv", "-o", "out", "--format", "md")
    assert again.returncode == 0, again.stderr
    assert set(listing(out)) == before - {".jdgen-batch.lock"} | {"q0.md"}


#: A process that forks a child set up as a batch worker is (it dies with its parent),
#: prints the child's id and waits.
PARENT_OF_A_WORKER = """
import os, signal, time
from jdgen import batch
child = os.fork()
if child == 0:
    batch._die_with_parent()
    print(os.getpid(), flush=True)
    signal.pause()
    os._exit(0)
time.sleep(600)
"""


@needs_linux
def test_the_kernel_ends_a_worker_whose_batch_process_is_killed_outright() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT_OF_A_WORKER], stdout=subprocess.PIPE, text=True, env=TREE_ENV
    )
    assert parent.stdout is not None
    worker = int(parent.stdout.readline())
    assert running(worker)
    parent.kill()
    parent.wait(timeout=120)
    wait_for(lambda: not running(worker), "the worker to end with its parent")


@needs_linux
def test_a_worker_killed_outright_stops_the_batch_with_one_line_and_no_temporary_files(
    tmp_path: Path,
) -> None:
    job, workers, out = batch_under_way(tmp_path)
    os.kill(workers[0], signal.SIGKILL)
    os.killpg(job.pid, signal.SIGCONT)
    _, err = job.communicate(timeout=120)
    assert job.returncode == 1
    assert errors(err) == [
        "error: a worker process stopped unexpectedly (killed, or out of memory?); the "
        "batch stopped, and every file it wrote is complete"
    ]
    assert not [pid for pid in workers if running(pid)]
    assert hidden(out) == []


# -- what a kill -9 left is cleaned up by the next write --------------------------------


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@needs_linux
def test_generate_removes_temporary_files_a_killed_jdgen_left_and_only_those(
    tmp_path: Path,
) -> None:
    stale = tmp_path / f".vpo.md.k3j2x.jdgen-{dead_pid()}.tmp"
    running_ = tmp_path / f".vpo.md.a8b7c.jdgen-{os.getpid()}.tmp"
    foreign = tmp_path / ".vpo.md.swp.tmp"
    other = tmp_path / f".other.md.q1w2e.jdgen-{dead_pid()}.tmp"
    for path in (stale, running_, foreign, other):
        path.write_bytes(b"half a posting")
    code, _, err = invoke("generate", "vpo", "-o", str(tmp_path / "vpo.md"))
    assert code == 0, err
    assert hidden(tmp_path) == sorted([running_.name, foreign.name, other.name])


@needs_linux
def test_a_batch_removes_what_a_batch_killed_outright_left_in_its_folder(tmp_path: Path) -> None:
    rows = rows_csv(tmp_path / "rows.csv", 2)
    out = tmp_path / "out"
    out.mkdir()
    stray = f".p0.md.x1y2z.jdgen-batch-{dead_pid()}.tmp"
    (out / stray).write_bytes(b"half")
    staging = out / f".p5.md.a1b2c.jdgen-batch-{dead_pid()}.tmp"
    staging.mkdir()
    (staging / "n.p5.md").write_bytes(b"half a posting")
    code, _, err = invoke("batch", str(rows), "-o", str(out), "--format", "md", "-j", "1")
    assert code == 0, err
    assert err.splitlines()[0] == (
        f"note: {out}: a jdgen that was killed while writing left files: "
        f"removed the unfinished {stray}, p5.md"
    )
    assert listing(out) == ["p0.md", "p1.md"]


@needs_linux
def test_a_batch_leaves_alone_the_row_a_worker_of_a_killed_batch_is_still_finishing(
    tmp_path: Path,
) -> None:
    rows = rows_csv(tmp_path / "rows.csv", 1)
    out = tmp_path / "out"
    out.mkdir()
    killed = dead_pid()
    finishing = out / f".p5.md.a1b2c.jdgen-batch-{killed}-{os.getpid()}.tmp"  # a live writer
    finishing.mkdir()
    (finishing / "n.p5.md").write_bytes(b"half a posting")
    gone = out / f".p6.md.d3e4f.jdgen-batch-{killed}-{dead_pid()}.ready.tmp"
    gone.mkdir()
    (gone / "n.p6.md").write_bytes(b"a whole posting")
    code, _, err = invoke("batch", str(rows), "-o", str(out), "--format", "md", "-j", "1")
    assert code == 0, err
    assert err.splitlines()[0] == (
        f"note: {out}: a jdgen that was killed while writing left files: "
        "finished p6.md (written in full before the kill)"
    )
    assert listing(out) == [finishing.name, "p0.md", "p6.md"]


#: Runs ``jdgen batch ARGS…`` in one process (``-j 1``) that kills itself (SIGKILL) when
#: it is about to call os.WHEN on a path ending in AT.
KILLED_AT = """
import os, signal, sys
from jdgen.cli import cli
when, at, args = sys.argv[1], sys.argv[2], sys.argv[3:]
real = getattr(os, when)
def fatal(path, *rest, **options):
    name = path if isinstance(path, (str, os.PathLike)) else os.readlink(f"/proc/self/fd/{path}")
    if str(name).endswith(at):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(path, *rest, **options)
setattr(os, when, fatal)
cli(["batch", *args])
"""


def killed_batch_at(tmp_path: Path, when: str, at: str) -> Path:
    """A three-row batch into ``out`` (md and txt per row) killed outright at os.WHEN(…AT)."""
    rows_csv(tmp_path / "rows.csv", 3)
    args = ("rows.csv", "-o", "out", "--format", "md", "--format", "txt", "-j", "1")
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_AT, when, at, *args],
        cwd=tmp_path, env=TREE_ENV, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    return tmp_path / "out"


def next_batch(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    (tmp_path / "more.csv").write_text("role,file\nVP of Operations,q0\n", encoding="utf-8")
    return batch(tmp_path, "more.csv", "-o", "out", "--format", "md", "--format", "txt")


@needs_linux
def test_a_row_killed_between_its_files_is_finished_by_the_next_batch(tmp_path: Path) -> None:
    out = killed_batch_at(tmp_path, "replace", "/n.p1.txt")  # p1.md is already in place
    assert [n for n in listing(out) if not n.startswith(".")] == ["p0.md", "p0.txt", "p1.md"]
    again = next_batch(tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stderr.splitlines()[0] == (
        "note: out: a jdgen that was killed while writing left files: "
        "finished p1.txt (written in full before the kill)"
    )
    assert listing(out) == ["p0.md", "p0.txt", "p1.md", "p1.txt", "q0.md", "q0.txt"]
    assert (out / "p1.txt").read_bytes() == (out / "p0.txt").read_bytes()  # the same row


@needs_linux
def test_a_row_killed_while_its_files_are_written_is_removed_by_the_next_batch(
    tmp_path: Path,
) -> None:
    out = killed_batch_at(tmp_path, "fsync", "/n.p1.txt")  # p1.md is written, not placed
    assert [n for n in listing(out) if not n.startswith(".")] == ["p0.md", "p0.txt"]
    again = next_batch(tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stderr.splitlines()[0] == (
        "note: out: a jdgen that was killed while writing left files: "
        "removed the unfinished p1.md, p1.txt"
    )
    assert listing(out) == ["p0.md", "p0.txt", "q0.md", "q0.txt"]


@needs_linux
def test_after_a_batch_and_its_workers_are_killed_outright_every_row_is_whole_or_absent(
    tmp_path: Path,
) -> None:
    rows_csv(tmp_path / "rows.csv", 3000)
    out = tmp_path / "out"
    args = ("rows.csv", "-o", "out", "--format", "md", "--format", "txt", "-j", "2")
    job = start_batch(tmp_path, *args)
    wait_for(lambda: out.is_dir() and len(listing(out)) >= 20, "the first postings")
    workers = children(job.pid)
    os.killpg(job.pid, signal.SIGKILL)  # the batch and its workers, mid-row or not
    job.communicate(timeout=120)
    wait_for(lambda: not [pid for pid in workers if running(pid)], "the killed workers")
    again = next_batch(tmp_path)
    assert again.returncode == 0, again.stderr
    assert hidden(out) == []
    by_row = stems(out)
    assert "q0" in by_row and len(by_row) > 1
    assert [stem for stem, found in by_row.items() if found != {"md", "txt"}] == []


@needs_linux
def test_init_example_copies_all_its_files_or_none(tmp_path: Path) -> None:
    demo = tmp_path / "demo"
    with pytest.MonkeyPatch.context() as full_disk:
        fail_when(full_disk, "fsync", lambda fd: fd_name(fd).endswith("/n.posting-template.docx"))
        code, _, err = invoke("init", "--example", str(demo))
    assert code == 1
    assert errors(err) == [f"error: {demo / 'posting-template.docx'}: No space left on device"]
    assert not demo.exists()
    code, _, err = invoke("init", "--example", str(demo))
    assert code == 0, err
    assert listing(demo) == sorted(
        ["company.yaml", "requisitions.csv", "brand.docx", "posting.docx", "posting-template.docx"]
    )


# -- jdgen's own caches are written the same way ----------------------------------------


@needs_linux
def test_a_cache_file_is_written_whole_and_clears_what_a_killed_writer_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jdgen import cache

    monkeypatch.setenv("JDGEN_CACHE_DIR", str(tmp_path))
    stale = tmp_path / f".company-abc.pickle.x1y2z.jdgen-{dead_pid()}.tmp"
    stale.mkdir()
    (stale / "n.company-abc.pickle").write_bytes(b"half a pickle")
    assert cache.write_bytes("company-abc.pickle", b"the whole pickle")
    assert listing(tmp_path) == ["company-abc.pickle"]
    assert (tmp_path / "company-abc.pickle").read_bytes() == b"the whole pickle"
    fail_when(monkeypatch, "fsync", lambda fd: fd_name(fd).endswith("/n.company-abc.pickle"))
    assert not cache.write_bytes("company-abc.pickle", b"a new pickle")  # a full disk
    assert listing(tmp_path) == ["company-abc.pickle"]
    assert (tmp_path / "company-abc.pickle").read_bytes() == b"the whole pickle"


@needs_linux
def test_the_syllable_table_is_built_aside_and_moved_into_the_cache_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jdgen.lint.syllables import SyllableTable, table_name

    monkeypatch.setenv("JDGEN_CACHE_DIR", str(tmp_path))
    stale = tmp_path / f".{table_name()}.x1y2z.jdgen-{dead_pid()}.tmp"
    stale.mkdir()
    (stale / f"n.{table_name()}").write_bytes(b"half a database")
    built: list[str] = []
    real_replace = os.replace

    def replace(src: object, dst: object) -> None:
        built.append(f"{Path(str(src)).parent.name}/{Path(str(src)).name} -> {Path(str(dst)).name}")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    assert SyllableTable().counts(["warehouse"]) == {"warehouse": 2}
    assert listing(tmp_path) == [table_name()]
    [move] = built
    assert re.fullmatch(
        rf"\.{re.escape(table_name())}\.\w+\.jdgen-{os.getpid()}\.ready\.tmp/"
        rf"n\.{re.escape(table_name())} -> {re.escape(table_name())}",
        move,
    ), move
