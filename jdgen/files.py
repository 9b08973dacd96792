"""The one place jdgen puts its output on disk (``generate -o``, ``compare -o``, ``ladder -o``,
``batch``, ``init``).

- :func:`refuse_overwrite` and :func:`check_writable` run before any work: an existing file
  is kept unless ``--force`` is given, a read-only one is named as such, and anything that
  is not a regular file (a symbolic link, a named pipe, a device, a folder) is never
  replaced, ``--force`` or not.
- :func:`write_files` writes one or several files all or none: each goes to a temporary
  file in its own folder, is flushed to disk (``fsync``) and only then renamed into place
  (``os.replace``); if any of them fails, the others are taken back and the files they
  replaced restored.  While it writes, SIGINT, SIGTERM and SIGHUP wait (where the platform
  can hold them), so a signal never leaves half a set of files or a temporary file.
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
import signal
import stat
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from jdgen.errors import OutputError

#: The signals held while files are written (those that exist on this platform).
HELD_SIGNALS = frozenset(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
#: Temporary files end in this; :func:`remove_temp_files` looks for it.
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


def write_output(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` safely (see :func:`write_files`); first remove what a
    killed jdgen left of an earlier write of ``path``."""
    check_writable(path)
    remove_stale_temp_files(path.parent, path.name)
    write_files([(path, data)])


def process_tag(pid: int | None = None) -> str:
    """What the names of a process's temporary files end in: ``.jdgen-PID.tmp``."""
    return f"jdgen-{os.getpid() if pid is None else pid}"


def write_files(
    items: Sequence[tuple[Path, bytes]], tag: str = "", sync_folders: bool = True
) -> None:
    """Write every ``(path, data)`` or none of them.  ``tag`` (default: this process's)
    goes into the names of the temporary files (``.NAME.RANDOM.TAG.tmp``), so that
    :func:`remove_temp_files` and :func:`remove_stale_temp_files` can find any that a
    killed process left.  ``sync_folders=False`` leaves flushing the renames to disk to
    the caller (:func:`sync_folder`: a batch does it once, at the end)."""
    for path, _ in items:
        check_writable(path)
        refuse_special(path)
    with signals_held():
        _commit(items, tag or process_tag(), sync_folders)


def _commit(items: Sequence[tuple[Path, bytes]], tag: str, sync_folders: bool) -> None:
    staged: list[tuple[Path, str]] = []
    #: (target, whether a file was there, a backup of it), in the order they were placed.
    placed: list[tuple[Path, bool, str | None]] = []
    current = items[0][0] if items else Path()
    try:
        for current, data in items:
            staged.append((current, _stage(current, data, tag)))
        for current, tmp in staged:
            placed.append(_place(current, tmp, tag))
        for folder in dict.fromkeys(path.parent for path, _ in staged if sync_folders):
            sync_folder(folder)
    except BaseException as exc:
        _undo(staged, placed)
        if isinstance(exc, OSError):
            raise OutputError(f"{current}: {exc.strerror or exc}") from None
        raise
    for _, _, backup in placed:
        _discard(backup)


def _stage(path: Path, data: bytes, tag: str) -> str:
    """``data`` in a temporary file next to ``path``, on disk; its name."""
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name[:_NAME_IN_TEMP]}.",
        suffix=f".{tag}{TEMP_SUFFIX}",
        dir=path.parent if str(path.parent) else ".",
    )
    _in_progress.add(tmp)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        _discard(tmp)
        raise
    return tmp


def _place(path: Path, tmp: str, tag: str) -> tuple[Path, bool, str | None]:
    """Rename ``tmp`` to ``path``, first keeping a hard link to the file it replaces (to
    restore it if a later file of the set fails; none where the file system has no hard
    links)."""
    existed = _lstat(path) is not None
    backup = None
    if existed:
        name = f".{path.name[:_NAME_IN_TEMP]}.{os.getpid()}.old.{tag}{TEMP_SUFFIX}"
        backup = str(path.parent / name)
        try:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(backup)
            os.link(path, backup)
            _in_progress.add(backup)
        except OSError:
            backup = None
    try:
        os.replace(tmp, path)
    except BaseException:
        _discard(backup)
        raise
    _in_progress.discard(tmp)
    return path, existed, backup


def _undo(staged: list[tuple[Path, str]], placed: list[tuple[Path, bool, str | None]]) -> None:
    """Take back the files placed so far (restoring what they replaced), drop the rest."""
    for path, existed, backup in reversed(placed):
        with contextlib.suppress(OSError):
            if backup is not None:
                os.replace(backup, path)
                _in_progress.discard(backup)
            elif not existed:
                path.unlink(missing_ok=True)
    for _, tmp in staged:
        _discard(tmp)


def _discard(name: str | None) -> None:
    if name is None:
        return
    with contextlib.suppress(OSError):
        os.unlink(name)
    _in_progress.discard(name)


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
    """Remove the temporary files this process is writing (a worker told to stop)."""
    for name in list(_in_progress):
        _discard(name)


#: The process a jdgen temporary file's name says wrote it (a batch's files: the batch's).
_WRITER = re.compile(r"\.jdgen-(?:batch-)?(\d+)" + re.escape(TEMP_SUFFIX) + "$")


def _running(pid: int) -> bool:
    if pid == os.getpid() or sys.platform == "win32":  # os.kill(pid, 0) is not a probe there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process
        return True
    return True


def remove_stale_temp_files(folder: Path, name: str = "") -> int:
    """Remove jdgen's temporary files in ``folder`` (for the file ``name``, else all) whose
    writer is no longer running: what a ``kill -9`` left.  Never touches another program's
    files, nor those of a jdgen still running; how many were removed."""
    pattern = f".{glob.escape(name[:_NAME_IN_TEMP])}.*{TEMP_SUFFIX}" if name else f".*{TEMP_SUFFIX}"
    found = 0
    for path in folder.glob(pattern):
        writer = _WRITER.search(path.name)
        if writer and not _running(int(writer.group(1))):
            with contextlib.suppress(OSError):
                path.unlink()
                found += 1
    return found


def remove_temp_files(folder: Path, tag: str) -> int:
    """Remove the temporary files tagged ``tag`` in ``folder`` (left by a process that was
    killed while writing); how many there were."""
    if not tag:
        return 0
    found = 0
    for path in folder.glob(f".*.{tag}{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            path.unlink()
            found += 1
    return found


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
