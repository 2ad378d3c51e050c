"""Publishing the outputs of a run: all of them change, or none does.

All outputs of a run share one folder. It is opened once, and every name below is
relative to that open folder, so a folder swapped for a link after it was opened gets
nothing. The protocol:

1. take a run lock: `.brief-<run>.lock`, created under another name, locked with
   `flock`, then renamed, so a run lock another run can see is always held;
2. write each output to `.brief-<run>.<i>.tmp` (with the mode of the file it replaces,
   so a private brief stays private) and fsync it;
3. hold SIGINT and SIGTERM and take the folder lock (`flock` on the folder itself):
   two runs writing into one folder commit one after the other, never interleaved;
   finish what dead runs left (`sweep`), check again that the folder is not inside
   the corpus, write the journal `.brief-<run>.journal` (which temporary goes where)
   and fsync the folder: this is the commit;
4. for each output, hard-link the old file to `.brief-<run>.<i>.bak`, then rename the
   temporary over it; if a rename fails, the journal is dropped and the old files are
   renamed back, so nothing changed;
5. remove the journal, backups and run lock, release the folder lock, then let held
   signals in.

A run killed before step 3 changed nothing; one killed (kill -9) within step 4 left a
journal, and the next run into that folder completes its renames first. `sweep` also
removes the files of every run whose lock is no longer held; it touches only names of
exactly the shape `.brief-<12 hex digits>.<lock|journal|N.tmp|N.bak>`, regular files,
never anything else in the folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import stat
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from ..errors import UserError
from .checks import INSIDE_CORPUS, ancestry, identity, write_error
from .signals import signals_held

try:  # POSIX; elsewhere runs cannot be told alive, and staleness falls back to age
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

PREFIX = ".brief-"
# The hidden files of a run, and nothing else: `sweep` removes only these.
RUN_FILE = re.compile(r"\.brief-([0-9a-f]{12})\.(lock|lock\.new|journal|journal\.new"
                      r"|[0-9]+\.tmp|[0-9]+\.bak)")
# A run file whose run holds no lock, or (without flock) older than this, is stale.
STALE_SECONDS = 60.0
# Another run committing into the same folder holds its lock for milliseconds; one
# that holds it this long is stuck, and this run gives up rather than wait for ever.
FOLDER_LOCK_SECONDS = 60.0
# Temporaries of the writer before this protocol: `.NAME.xxxxxxxx.tmp` (mkstemp),
# removed only beside an output of that NAME, when stale.
LEGACY_TEMP = re.compile(r"\.(.+)\.[A-Za-z0-9_]{8}\.tmp")


class Folder:
    """An open folder: names are resolved against it, not against its path."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
                          | getattr(os, "O_CLOEXEC", 0))

    def close(self) -> None:
        os.close(self.fd)

    def names(self) -> list[str]:
        return os.listdir(self.fd)

    def status(self, name: str) -> os.stat_result | None:
        try:
            return os.stat(name, dir_fd=self.fd, follow_symlinks=False)
        except FileNotFoundError:
            return None

    def write(self, name: str, data: bytes, mode: int | None) -> None:
        """A new file `name` holding `data`, synced; `mode` when given, else 0o666
        less the umask, as any new file."""
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0),
                     0o666, dir_fd=self.fd)
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())

    def replace(self, source: str, target: str) -> None:
        os.replace(source, target, src_dir_fd=self.fd, dst_dir_fd=self.fd)

    def link(self, source: str, target: str) -> None:
        os.link(source, target, src_dir_fd=self.fd, dst_dir_fd=self.fd,
                follow_symlinks=False)

    def unlink(self, name: str) -> None:
        with contextlib.suppress(FileNotFoundError):  # another sweep was quicker
            os.unlink(name, dir_fd=self.fd)

    def sync(self) -> None:
        # some file systems cannot sync a folder; the renames still happened
        with contextlib.suppress(OSError):
            os.fsync(self.fd)

    def lock(self) -> None:
        """The folder lock: wait for another run's commit, at most FOLDER_LOCK_SECONDS."""
        if fcntl is None:
            return
        deadline = time.monotonic() + FOLDER_LOCK_SECONDS
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise UserError(str(self.path), "another brief has been writing into "
                                    f"this folder for {FOLDER_LOCK_SECONDS:.0f} s",
                                    "wait for it or write elsewhere with -o") from None
                time.sleep(0.05)

    def unlock(self) -> None:
        if fcntl is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)


class _Run:
    """The hidden files of one publishing run in one folder."""

    def __init__(self, folder: Folder) -> None:
        self.folder = folder
        self.token = secrets.token_hex(6)
        self.lock_fd: int | None = None
        self._lock()

    def name(self, suffix: str) -> str:
        return f"{PREFIX}{self.token}.{suffix}"

    def _lock(self) -> None:
        """Create the run lock under a temporary name, lock it, then give it its name:
        a run lock that another run sees is held from its first moment."""
        making = self.name("lock.new")
        fd = os.open(making, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600,
                     dir_fd=self.folder.fd)
        self.lock_fd = fd
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        self.folder.replace(making, self.name("lock"))

    def write_journal(self, staged: Sequence[tuple[str, str]]) -> None:
        self.folder.write(self.name("journal.new"), json.dumps(staged).encode("utf-8"), 0o600)
        self.folder.replace(self.name("journal.new"), self.name("journal"))
        self.folder.sync()

    def close(self) -> None:
        """Remove every file of this run; the run lock goes last."""
        for name in sorted(self.folder.names()):
            if name.startswith(f"{PREFIX}{self.token}.") and name != self.name("lock"):
                self.folder.unlink(name)
        self.folder.unlink(self.name("lock"))
        if self.lock_fd is not None:
            os.close(self.lock_fd)
            self.lock_fd = None


def _mode_of(folder: Folder, name: str) -> int | None:
    """The permissions of the output a new one replaces (None: there is none)."""
    status = folder.status(name)
    if status is None or not stat.S_ISREG(status.st_mode):
        return None
    return stat.S_IMODE(status.st_mode)


def _replace_all(run: _Run, staged: Sequence[tuple[str, str]]) -> None:
    """Step 4: rename every temporary over its target, or none."""
    folder = run.folder
    done: list[tuple[str, str | None]] = []
    try:
        for i, (tmp, target) in enumerate(staged):
            backup = None
            if folder.status(target) is not None:
                backup = run.name(f"{i}.bak")
                folder.link(target, backup)
            folder.replace(tmp, target)
            done.append((target, backup))
    except OSError:
        folder.unlink(run.name("journal"))  # a later sweep must not finish this commit
        for target, backup in reversed(done):
            if backup is not None:
                folder.replace(backup, target)
            else:
                folder.unlink(target)
        raise


def publish(outputs: Mapping[Path, bytes],
            on_commit: Callable[[Sequence[Path]], None] | None = None,
            not_inside: Sequence[Path] = ()) -> None:
    """Write every output, all together or not at all (see the module docstring).
    `not_inside`: folders the outputs may not be written into (the corpus), checked on
    the folder as opened. Raises UserError naming the output when the system refuses."""
    if not outputs:
        return
    folders = {target.parent for target in outputs}
    if len(folders) != 1:
        raise ValueError("outputs of one run share one folder")
    path = folders.pop()
    targets = list(outputs)
    try:
        path.mkdir(parents=True, exist_ok=True)
        folder = Folder(path)
    except OSError as exc:
        raise write_error(exc, targets[0]) from None
    try:
        _publish(folder, outputs, on_commit, not_inside)
    finally:
        folder.close()


def _publish(folder: Folder, outputs: Mapping[Path, bytes],
             on_commit: Callable[[Sequence[Path]], None] | None,
             not_inside: Sequence[Path]) -> None:
    targets = list(outputs)
    current = targets[0]
    try:
        run = _Run(folder)
    except OSError as exc:
        raise write_error(exc, current) from None
    try:
        staged = []
        for i, (target, data) in enumerate(outputs.items()):
            current = target
            folder.write(run.name(f"{i}.tmp"), data, _mode_of(folder, target.name))
            staged.append((run.name(f"{i}.tmp"), target.name))
        with signals_held():
            folder.lock()
            try:
                sweep_open(folder, tuple(t.name for t in targets))
                _refuse_inside(folder, targets[0], not_inside)
                run.write_journal(staged)
                _replace_all(run, staged)
                folder.sync()
                if on_commit is not None:
                    on_commit(targets)
                run.close()
            finally:
                folder.unlock()
    except OSError as exc:
        raise write_error(exc, current) from None
    finally:
        run.close()


def _refuse_inside(folder: Folder, target: Path, not_inside: Sequence[Path]) -> None:
    """The folder as opened must not be (under) a forbidden one: a folder swapped for
    a link into the corpus after the checks before the build is caught here."""
    forbidden = set()
    for path in not_inside:
        try:
            forbidden.add(identity(path))
        except OSError:
            continue
    if forbidden and forbidden & set(ancestry(folder.fd)):
        raise UserError(str(target), INSIDE_CORPUS + "; nothing was changed",
                        "write outside the corpus folder with -o")


# ------------------------------------------------------------------ sweeping


def _held(folder: Folder, lock: str) -> bool:
    """Whether a live run holds the run lock `lock`."""
    if fcntl is None:
        status = folder.status(lock)
        return status is not None and time.time() - status.st_mtime < STALE_SECONDS
    try:
        fd = os.open(lock, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0), dir_fd=folder.fd)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def _finish_commit(folder: Folder, journal: str) -> None:
    """Complete the renames of a committed run that was killed (step 4)."""
    try:
        fd = os.open(journal, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0), dir_fd=folder.fd)
        with os.fdopen(fd, "rb") as handle:
            entries = json.loads(handle.read(1 << 20))
    except (OSError, ValueError):
        return
    if not isinstance(entries, list):
        return
    for entry in entries:
        if not (isinstance(entry, list) and len(entry) == 2
                and all(isinstance(n, str) for n in entry)):
            continue
        tmp, target = entry
        if RUN_FILE.fullmatch(tmp) and "/" not in target and os.sep not in target \
                and target not in ("", ".", "..") and not RUN_FILE.fullmatch(target):
            with contextlib.suppress(FileNotFoundError):  # renamed before the run died
                folder.replace(tmp, target)


def _stale(folder: Folder, name: str) -> bool:
    status = folder.status(name)
    return status is not None and stat.S_ISREG(status.st_mode) \
        and time.time() - status.st_mtime > STALE_SECONDS


def sweep_open(folder: Folder, targets: Sequence[str] = ()) -> None:
    """Finish or remove what killed runs left in an open folder (module docstring);
    with `targets`, also stale temporaries the writer before this one left beside them."""
    runs: dict[str, list[str]] = {}
    for name in folder.names():
        match = RUN_FILE.fullmatch(name)
        status = folder.status(name)
        if match and status is not None and stat.S_ISREG(status.st_mode):
            runs.setdefault(match.group(1), []).append(name)
            continue
        legacy = LEGACY_TEMP.fullmatch(name)
        if legacy and legacy.group(1) in targets and _stale(folder, name):
            folder.unlink(name)
    for token, names in sorted(runs.items()):
        lock = f"{PREFIX}{token}.lock"
        if _held(folder, lock) or (lock not in names and
                                   not all(_stale(folder, n) for n in names)):
            continue  # a live run (or one that is just starting)
        journal = f"{PREFIX}{token}.journal"
        if journal in names:
            _finish_commit(folder, journal)
        for name in sorted(names, key=lambda n: n == lock):
            folder.unlink(name)


def sweep(path: Path) -> None:
    """`sweep_open` on a folder by path, under the folder lock."""
    try:
        folder = Folder(path)
    except OSError:
        return
    try:
        folder.lock()
        try:
            sweep_open(folder)
        finally:
            folder.unlock()
    finally:
        folder.close()
