"""The one place jdgen puts its output on disk (``generate -o``, ``compare -o``, ``ladder -o``,
``batch``, ``init``).

- :func:`refuse_overwrite` and :func:`check_writable` run before any work: an existing file
  is kept unless ``--force`` is given, a read-only one is named as such, and anything that
  is not a regular file (a symbolic link, a named pipe, a device, a folder) is never
  replaced, ``--force`` or not.
- :func:`write_files` writes one or several files all or none: they go to a hidden staging
  folder next to them, are flushed to disk (``fsync``) and only then renamed into place
  (``os.replace``); if any of them fails, the others are taken back and the files they
  replaced restored.  While it writes, SIGINT, SIGTERM and SIGHUP wait (where the platform
  can hold them), so a signal never leaves half a set of files or a temporary file; what a
  ``kill -9`` leaves, :func:`clean_up` finishes or removes the next time.
- :func:`built_file` is the same for a file a library builds at a path it is given (the
  SQLite table of syllable counts in jdgen's cache).
- Any ``OSError`` (no space left on device, permission denied …) becomes one
  :class:`OutputError` line naming the file.
- :func:`folder_lock` holds an output folder for the length of a batch, so a second batch
  into the same folder fails at once, naming the first.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import signal
import stat
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jdgen.errors import OutputError

#: The signals held while files are written (those that exist on this platform).
HELD_SIGNALS = frozenset(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
#: Temporary names end in this; :func:`clean_up` looks for it.
TEMP_SUFFIX = ".tmp"
#: The longest part of the target's name a temporary file's name repeats.
_NAME_IN_TEMP = 100
#: Temporary files being written by this process, removed by :func:`discard_temp_files`.
_in_progress: set[str] = set()

_KINDS = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return path.lstat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"{path}: {exc.strerror or exc}") from None


def not_regular(path: Path, st: os.stat_result | None = None) -> str | None:
    """What ``path`` is when it exists and is not a regular file (``"a symbolic link"``)."""
    st = st or _lstat(path)
    if st is None or stat.S_ISREG(st.st_mode):
        return None
    return next((kind for test, kind in _KINDS if test(st.st_mode)), "not a regular file")


def refuse_special(path: Path) -> None:
    """jdgen replaces regular files only, whatever ``--force`` says."""
    kind = not_regular(path)
    if kind:
        raise OutputError(
            f"{path}: is {kind}, not a regular file; jdgen replaces only regular files "
            "(remove it or choose another name)"
        )


def read_only(st: os.stat_result) -> bool:
    """No one may write the file (by its permission bits; root passes ``os.access``)."""
    return not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def refuse_overwrite(path: Path, force: bool) -> None:
    """jdgen's one overwrite rule (generate, compare, ladder, batch, init): an existing
    file is kept unless ``force``; anything but a regular file is never replaced."""
    refuse_special(path)
    st = _lstat(path)
    if st is None or force:
        return
    if read_only(st) or not os.access(path, os.W_OK):
        raise OutputError(f"{path} already exists and is read-only (use --force to replace it)")
    raise OutputError(f"{path} already exists (use --force to overwrite it)")


def check_writable(path: Path) -> None:
    """Fail early, before any work, if ``path`` cannot be written."""
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{path}: the folder '{parent}' does not exist")
    if path.is_dir():
        raise OutputError(f"{path}: is a directory")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{path}: the folder '{parent}' is not writable")


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP wait until the block ends (then act as they would have).
    Exact in a process with one thread; elsewhere a signal may still interrupt the block,
    which :func:`write_files` undoes."""
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None:
        yield
        return
    old = mask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, old)


def write_output(path: Path, data: bytes, sync_folders: bool = True) -> None:
    """Write ``data`` to ``path`` safely (see :func:`write_files`); first remove what a
    killed jdgen left of an earlier write of ``path``."""
    check_writable(path)
    clean_up(path.parent, path.name)
    write_files([(path, data)], sync_folders=sync_folders)


def process_tag(pid: int | None = None) -> str:
    """What the names of a process's temporary files end in: ``.jdgen-PID.tmp``."""
    return f"jdgen-{os.getpid() if pid is None else pid}"


#: A staging folder is renamed to end in this once every file in it is on disk: from then
#: on the set is written, and what a kill leaves of it is finished, not removed.
READY = ".ready"
#: In a staging folder: ``n.NAME`` is the new ``NAME``, ``o.NAME`` the file it replaces.
NEW, OLD = "n.", "o."


def write_files(
    items: Sequence[tuple[Path, bytes]], tag: str = "", sync_folders: bool = True
) -> None:
    """Write every ``(path, data)`` (all in one folder) or none of them.

    The files are written into a hidden staging folder next to them
    (``.NAME.RANDOM.TAG.tmp``, NAME the first file's, ``tag`` by default this
    process's) and flushed to disk; the folder is then renamed to end in
    ``.ready.tmp``, and only then is each file renamed into place.  A kill before that
    rename leaves a staging folder with none of the files placed, after it one whose
    files are all complete: :func:`clean_up` removes the first and finishes the second,
    so a set is never left half-written.  ``sync_folders=False`` leaves flushing the
    renames to disk to the caller (:func:`sync_folder`: a batch does it once, at the end)."""
    if not items:
        return
    folders = {path.parent for path, _ in items}
    if len(folders) > 1:
        raise ValueError(f"write_files writes into one folder, got {sorted(map(str, folders))}")
    for path, _ in items:
        check_writable(path)
        refuse_special(path)
    with signals_held():
        _commit(items, tag or process_tag(), sync_folders)


def _commit(items: Sequence[tuple[Path, bytes]], tag: str, sync_folders: bool) -> None:
    current = items[0][0]
    stage: Path | None = None
    try:
        stage = _staging_folder(current, tag)
        for current, data in items:
            _stage(stage / f"{NEW}{current.name}", data)
        _publish(stage, [path for path, _ in items], sync_folders)
        stage = None  # removed by _publish
    except OSError as exc:
        raise OutputError(f"{current}: {exc.strerror or exc}") from None
    finally:
        _discard(stage)


@contextlib.contextmanager
def built_file(path: Path, sync_folders: bool = True) -> Iterator[Path]:
    """For a file that a library must build itself, given a path (a SQLite database):
    the block builds the file at the path it is given, which is then put at ``path``
    as :func:`write_files` puts its files (all of it or nothing)."""
    check_writable(path)
    refuse_special(path)
    clean_up(path.parent, path.name)
    stage: Path | None = None
    try:
        stage = _staging_folder(path, process_tag())
        built = stage / f"{NEW}{path.name}"
        yield built
        _sync_file(built)
        with signals_held():
            _publish(stage, [path], sync_folders)
        stage = None  # removed by _publish
    except OSError as exc:
        raise OutputError(f"{path}: {exc.strerror or exc}") from None
    finally:
        _discard(stage)


def _publish(stage: Path, paths: Sequence[Path], sync_folders: bool) -> None:
    """Mark the staging folder ready, then rename each of its files into place and
    remove it.  If a file cannot be placed, those placed are taken back."""
    ready = stage.with_name(stage.name.removesuffix(TEMP_SUFFIX) + READY + TEMP_SUFFIX)
    os.rename(stage, ready)
    _in_progress.discard(str(stage))
    _in_progress.add(str(ready))
    #: (target, whether a file was there, a backup of it), in the order they were placed.
    placed: list[tuple[Path, bool, Path | None]] = []
    current = paths[0]
    try:
        for current in paths:
            placed.append(_place(current, ready))
        if sync_folders:
            sync_folder(ready.parent)
    except BaseException as exc:
        _undo(placed)
        _discard(ready)
        if isinstance(exc, OSError):
            raise OutputError(f"{current}: {exc.strerror or exc}") from None
        raise
    for _, _, backup in placed:
        if backup is not None:
            with contextlib.suppress(OSError):
                os.unlink(backup)
    try:
        os.rmdir(ready)  # empty now: cheaper than a tree walk
        _in_progress.discard(str(ready))
    except OSError:
        _discard(ready)


def _staging_folder(first: Path, tag: str) -> Path:
    """A new hidden folder next to ``first`` for the files of one set."""
    name = tempfile.mkdtemp(
        prefix=f".{first.name[:_NAME_IN_TEMP]}.",
        suffix=f".{tag}{TEMP_SUFFIX}",
        dir=first.parent if str(first.parent) else ".",
    )
    _in_progress.add(name)
    return Path(name)


def _stage(tmp: Path, data: bytes) -> None:
    """``data`` in the staging file ``tmp``, on disk."""
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(tmp, 0o644)


def _sync_file(path: Path) -> None:
    """``path`` (written by someone else) on disk, readable as :func:`_stage` leaves it."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(path, 0o644)


def _place(path: Path, stage: Path) -> tuple[Path, bool, Path | None]:
    """Rename the staged ``path`` into place, first keeping a hard link to the file it
    replaces in the staging folder (to restore it if a later file of the set fails; none
    where the file system has no hard links)."""
    existed = _lstat(path) is not None
    backup: Path | None = None
    if existed:
        backup = stage / f"{OLD}{path.name}"
        try:
            os.link(path, backup)
        except OSError:
            backup = None
    os.replace(stage / f"{NEW}{path.name}", path)
    return path, existed, backup


def _undo(placed: list[tuple[Path, bool, Path | None]]) -> None:
    """Take back the files placed so far, restoring what they replaced."""
    for path, existed, backup in reversed(placed):
        with contextlib.suppress(OSError):
            if backup is not None:
                os.replace(backup, path)
            elif not existed:
                path.unlink(missing_ok=True)


def _discard(name: str | Path | None) -> None:
    """Remove a temporary file, or a staging folder and what is left in it."""
    if name is None:
        return
    with contextlib.suppress(FileNotFoundError):
        if os.path.isdir(name) and not os.path.islink(name):
            shutil.rmtree(name, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                os.unlink(name)
    _in_progress.discard(str(name))


def sync_folder(folder: Path) -> None:
    """Flush a rename to disk (POSIX); a no-op where folders cannot be opened (Windows)."""
    flag = getattr(os, "O_DIRECTORY", None)
    if flag is None:
        return
    try:
        fd = os.open(folder if str(folder) else ".", os.O_RDONLY | flag)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def discard_temp_files() -> None:
    """Remove the staging folders this process is writing (a worker told to stop)."""
    for name in list(_in_progress):
        _discard(name)


# ---------------------------------------------------------------------------
# What a killed jdgen left
# ---------------------------------------------------------------------------

#: The end of a jdgen temporary name: ``.jdgen-PID``, or ``.jdgen-batch-PID-WORKER`` for a
#: batch's worker (``.jdgen-batch-PID`` before), then ``.ready`` for a staging folder whose
#: files are all written.
_ENDING = (
    r"(?:-(?P<worker>\d+))?(?P<ready>" + re.escape(READY) + ")?" + re.escape(TEMP_SUFFIX) + "$"
)
_WRITER = re.compile(r"\.jdgen-(?:batch-)?(?P<pid>\d+)" + _ENDING)


def _writer(found: re.Match[str]) -> int:
    """The process that wrote a temporary name (a batch's worker, if it says)."""
    return int(found.group("worker") or found.group("pid"))


def _running(pid: int) -> bool:
    if pid == os.getpid() or sys.platform == "win32":  # os.kill(pid, 0) is not a probe there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process
        return True
    return not _ended(pid)


def _ended(pid: int) -> bool:
    """The process has ended but is not yet reaped (a zombie: a killed batch's worker
    before init collects it); Linux only, False elsewhere."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    fields = stat.rsplit(")", 1)[-1].split()
    return bool(fields) and fields[0] in ("Z", "X")


@dataclass
class CleanUp:
    """What :func:`clean_up` did in a folder."""

    #: Files of sets that were fully written when the writer was killed, now in place.
    finished: list[str] = field(default_factory=list)
    #: Files of sets that were still being written: none of them had been placed.
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.finished or self.removed)

    def line(self, folder: Path) -> str:
        """One line naming what was done: ``finished a.md, a.txt; removed …``."""
        parts = []
        if self.finished:
            parts.append(f"finished {', '.join(self.finished)} (written in full before the kill)")
        if self.removed:
            parts.append(f"removed the unfinished {', '.join(self.removed)}")
        return f"{folder}: a jdgen that was killed while writing left files: " + "; ".join(parts)


def clean_up(folder: Path, name: str = "", tag: str = "") -> CleanUp:
    """Deal with what a killed jdgen left in ``folder``: a set whose files were all
    written is finished (its files renamed into place), one still being written is
    removed, as are stray temporary files.  With ``tag``, the temporary names carrying
    that tag (a batch's own, once its workers are gone); otherwise those of writers no
    longer running (for a batch, the worker that wrote it: one whose batch was killed
    may still be finishing its row), for the file ``name`` (the first of a set) or all.
    Never touches another program's files, nor those of a jdgen still running."""
    done = CleanUp()
    if tag:
        pattern = f".*.{tag}*{TEMP_SUFFIX}"
    elif name:
        pattern = f".{glob.escape(name[:_NAME_IN_TEMP])}.*{TEMP_SUFFIX}"
    else:
        pattern = f".*{TEMP_SUFFIX}"
    tagged = re.compile(re.escape(f".{tag}") + _ENDING)
    for path in sorted(folder.glob(pattern)):
        writer = (tagged if tag else _WRITER).search(path.name)
        if writer is None or (not tag and _running(_writer(writer))):
            continue
        if writer.group("ready") and path.is_dir():
            done.finished += _finish(path, folder)
        else:
            done.removed += _staged_names(path)
        _discard(path)
    if done.finished:
        sync_folder(folder)
    return done


def _staged_names(stage: Path) -> list[str]:
    """The files a staging folder was writing (a stray temporary file: its own name)."""
    if not stage.is_dir():
        return [stage.name]
    with contextlib.suppress(OSError):
        return sorted(p.name[len(NEW) :] for p in stage.iterdir() if p.name.startswith(NEW))
    return []


def _finish(stage: Path, folder: Path) -> list[str]:
    """Rename into place the files of a ready staging folder not yet placed."""
    finished = []
    for name in _staged_names(stage):
        target = folder / name
        if not_regular(target):
            continue  # a link or a pipe put there since: never replaced
        with contextlib.suppress(OSError):
            os.replace(stage / f"{NEW}{name}", target)
            finished.append(name)
    return finished


# ---------------------------------------------------------------------------
# Locking an output folder
# ---------------------------------------------------------------------------

#: The lock file a batch holds in its output folder.
LOCK_NAME = ".jdgen-batch.lock"


def _try_lock(fd: int) -> bool:
    """An exclusive lock on the open file ``fd`` without waiting; False if another holds it.
    The operating system releases it when the process ends, however it ends."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _holder(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        text = ""
    return text or "a process that has not said who it is yet"


@contextlib.contextmanager
def folder_lock(folder: Path, what: str = "jdgen batch") -> Iterator[None]:
    """Hold ``folder`` (which exists) for the length of the block: a second holder fails at
    once with one line naming the first (its pid and start time).  The lock file is removed
    when the block ends; the lock itself goes with the process, however it ends."""
    path = folder / LOCK_NAME
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"{path}: cannot lock the folder: {exc.strerror or exc}") from None
        if not _try_lock(fd):
            os.close(fd)
            raise OutputError(
                f"{folder}: another {what} is writing into this folder ({_holder(path)}); "
                "wait for it to finish or choose another -o folder"
            )
        # The file may have been removed by a holder that just finished: lock the new one.
        st = _lstat(path)
        if st is not None and os.path.samestat(os.fstat(fd), st):
            break
        os.close(fd)
    started = time.strftime("%Y-%m-%d %H:%M:%S %Z", time.localtime())
    os.ftruncate(fd, 0)
    os.write(fd, f"pid {os.getpid()}, started {started}\n".encode())
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        os.close(fd)


@contextlib.contextmanager
def output_folder(folder: Path, what: str = "jdgen batch") -> Iterator[None]:
    """The folder ``folder``, created if missing and locked (:func:`folder_lock`) for the
    block; folders it created are removed again if they are still empty at the end."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: exists and is not a folder")
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create the folder: {exc.strerror or exc}") from None
    try:
        with folder_lock(folder, what):
            yield
    finally:
        for created in missing:
            with contextlib.suppress(OSError):
                created.rmdir()  # only if empty
