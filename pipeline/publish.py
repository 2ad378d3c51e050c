"""Writing outputs: checked before the build starts, published all together.

`check_targets` runs before any analysis: every output must be a file name the
system accepts, in a folder that exists or can be made and can be written, and
must not be an input of the brief (the outline, its logo, stylesheet or cache)
nor lie inside the corpus folder (the next build would read it back as an
article). A problem is a one-line UserError, before seconds of work are spent.

`publish` writes every output of a run so that they change together or not at
all. The protocol, in one folder (all outputs of a run share their folder):

1. take a lock: `.brief-<run>.lock`, created under another name, locked with
   `flock`, then renamed, so a lock file another run can see is always held;
2. write each output to `.brief-<run>.<i>.tmp` and fsync it;
3. hold SIGINT and SIGTERM, write the journal `.brief-<run>.journal` (which
   temporary goes where) and fsync the folder: this is the commit;
4. for each output, hard-link the old file to `.brief-<run>.<i>.bak`, then
   rename the temporary over it; if a rename fails, the journal is dropped and
   the old files are renamed back, so nothing changed;
5. remove the journal, backups and lock, then let held signals in.

A run killed before step 3 changed nothing; one killed (kill -9) within step 4
left a journal, and the next `publish` into that folder (`sweep`) completes its
renames before anything else. `sweep` also removes the temporaries of every run
whose lock is no longer held. An interruption (Ctrl-C, SIGTERM) during steps 3-5
is delivered after step 5, and `on_commit` has said by then what was written.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import shutil
import signal
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from .errors import UserError

try:  # POSIX; elsewhere staleness falls back to age
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

PREFIX = ".brief-"
# A temporary whose run holds no lock, or (without flock) older than this, is stale.
STALE_SECONDS = 60.0
# Temporaries of the writer before this protocol: `.NAME.xxxxxxxx.tmp` (mkstemp).
LEGACY_TEMP_RANDOM = 8
# Fallbacks when the system does not say (POSIX minimums are lower; Linux and macOS
# both use these).
DEFAULT_NAME_MAX = 255
DEFAULT_PATH_MAX = 4096

WRITE_FIXES = {
    errno.ENOSPC: "free some disk space, or write elsewhere with -o",
    errno.EDQUOT: "free some space within your quota, or write elsewhere with -o",
    errno.EACCES: "choose a folder you can write to with -o",
    errno.EPERM: "choose a folder you can write to with -o",
    errno.EROFS: "the disk is read-only: choose another folder with -o",
    errno.ENAMETOOLONG: "choose a shorter name with -o",
    errno.EISDIR: "a folder has that name: choose another name with -o",
    errno.ENOTDIR: "a file stands where a folder is needed: choose another path with -o",
}


# ------------------------------------------------------------------ checks


def _limit(folder: Path, name: str, default: int) -> int:
    try:
        return os.pathconf(folder, name)
    except (OSError, ValueError, AttributeError):
        return default


def _existing_ancestor(folder: Path) -> Path:
    """The nearest folder (or file) of `folder`'s ancestry that exists."""
    current = folder.absolute()
    while not os.path.lexists(current) and current != current.parent:
        current = current.parent
    return current


def _check_lengths(target: Path) -> None:
    """Name and path within the system's limits (checked first: looking at a path
    that is too long fails in other ways)."""
    where = str(target)
    ancestor = _existing_ancestor(target.parent)
    name_max = _limit(ancestor, "PC_NAME_MAX", DEFAULT_NAME_MAX)
    if len(os.fsencode(target.name)) > name_max:
        raise UserError(where, f"file name is longer than the system's limit of {name_max} "
                        "bytes", WRITE_FIXES[errno.ENAMETOOLONG])
    path_max = _limit(ancestor, "PC_PATH_MAX", DEFAULT_PATH_MAX)
    if len(os.fsencode(str(target.absolute()))) >= path_max:
        raise UserError(where, f"path is longer than the system's limit of {path_max} bytes",
                        WRITE_FIXES[errno.ENAMETOOLONG])


def _check_folder(target: Path) -> None:
    where = str(target)
    ancestor = _existing_ancestor(target.parent)
    if not ancestor.is_dir():
        raise UserError(where, f"'{ancestor}' is a file, so no folder can be made in it",
                        WRITE_FIXES[errno.ENOTDIR])
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise UserError(where, f"folder '{ancestor}' cannot be written",
                        WRITE_FIXES[errno.EACCES])


def _check_target(target: Path) -> None:
    where = str(target)
    if target.is_dir():
        raise UserError(where, "is a folder", WRITE_FIXES[errno.EISDIR])
    if os.path.lexists(target) and not target.is_file():
        raise UserError(where, "exists and is not a regular file",
                        "choose another name with -o")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def check_targets(targets: Sequence[Path], inputs: Mapping[str, Path | None],
                  corpus: Path | None) -> None:
    """Raise UserError unless every target can be written without harm: see the
    module docstring. `inputs` names the brief's input files ("the outline": path)."""
    for target in targets:
        where = str(target)
        _check_lengths(target)
        for what, path in inputs.items():
            if path is not None and _same_file(target, path):
                raise UserError(where, f"is {what} of this brief; writing it would destroy it",
                                "choose another output path with -o")
        if corpus is not None and target.resolve().is_relative_to(corpus.resolve()):
            raise UserError(where, "is inside the corpus folder: the next build would read "
                            "it as an article", "write outside the corpus folder with -o")
        _check_target(target)
        _check_folder(target)


def write_error(exc: OSError, target: Path, changed: bool = False) -> UserError:
    """An OSError met while writing outputs, as the user's one-line error."""
    fix = WRITE_FIXES.get(exc.errno or 0, "check the path given with -o")
    state = "" if changed else "; nothing was changed"
    return UserError(str(exc.filename or target),
                     f"cannot write ({exc.strerror or exc}){state}", fix)


# ------------------------------------------------------------------ signals


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM that arrive during the block are delivered when it ends.

    Python runs signal handlers in the main thread, whichever thread the system
    delivered the signal to, so swapping the handlers for a recorder holds them
    even while other threads (a progress bar's, Dask's) run; blocking the signals
    with a thread mask would not. Elsewhere than the main thread, nothing is held."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[signal.Signals] = []
    held = (signal.SIGINT, signal.SIGTERM)
    def hold(signum: int, frame: object) -> None:
        arrived.append(signal.Signals(signum))

    previous = {signum: signal.signal(signum, hold) for signum in held}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
        for signum in dict.fromkeys(arrived):
            signal.raise_signal(signum)  # now handled as it would have been


# ------------------------------------------------------------------ one run


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the renames still happened
    finally:
        os.close(fd)


def _write_file(path: Path, data: bytes, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


class _Run:
    """The hidden files of one publishing run in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.token = secrets.token_hex(6)
        self.lock_fd: int | None = None
        self._lock()

    def name(self, suffix: str) -> Path:
        return self.folder / f"{PREFIX}{self.token}.{suffix}"

    def _lock(self) -> None:
        """Create the lock file under a temporary name, lock it, then give it its
        name: a lock file that another run sees is held from its first moment."""
        making = self.name("lock.new")
        fd = os.open(making, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self.lock_fd = fd
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.replace(making, self.name("lock"))

    def temporary(self, i: int) -> Path:
        return self.name(f"{i}.tmp")

    def backup(self, i: int) -> Path:
        return self.name(f"{i}.bak")

    @property
    def journal(self) -> Path:
        return self.name("journal")

    def write_journal(self, staged: Sequence[tuple[Path, Path]]) -> None:
        entries = [[tmp.name, target.name] for tmp, target in staged]
        _write_file(self.name("journal.new"), json.dumps(entries).encode("utf-8"), 0o600)
        os.replace(self.name("journal.new"), self.journal)
        _fsync_folder(self.folder)

    def close(self) -> None:
        """Remove every file of this run; the lock goes last."""
        for path in sorted(self.folder.glob(f"{PREFIX}{self.token}.*")):
            if path.name != self.name("lock").name:
                path.unlink(missing_ok=True)
        self.name("lock").unlink(missing_ok=True)
        if self.lock_fd is not None:
            os.close(self.lock_fd)
            self.lock_fd = None


def _keep_old(target: Path, backup: Path) -> None:
    """A second name for the current output, to put back if the commit fails."""
    try:
        os.link(target, backup)
    except OSError:  # no hard links here: a copy does the same job
        shutil.copy2(target, backup)


def _replace_all(run: _Run, staged: Sequence[tuple[Path, Path]]) -> None:
    """Step 4: rename every temporary over its target, or none."""
    done: list[tuple[Path, Path | None]] = []
    try:
        for i, (tmp, target) in enumerate(staged):
            backup = None
            if os.path.lexists(target):
                backup = run.backup(i)
                _keep_old(target, backup)
            os.replace(tmp, target)
            done.append((target, backup))
    except OSError:
        run.journal.unlink(missing_ok=True)  # a later sweep must not finish this commit
        for target, backup in reversed(done):
            if backup is not None:
                os.replace(backup, target)
            else:
                target.unlink(missing_ok=True)
        raise


def publish(outputs: Mapping[Path, bytes],
            on_commit: Callable[[Sequence[Path]], None] | None = None) -> None:
    """Write every output, all together or not at all (see the module docstring).
    Raises UserError naming the file when the system refuses a write."""
    if not outputs:
        return
    folders = {target.parent for target in outputs}
    if len(folders) != 1:
        raise ValueError("outputs of one run share one folder")
    folder = folders.pop()
    targets = list(outputs)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        sweep(folder)
        run = _Run(folder)
    except OSError as exc:
        raise write_error(exc, targets[0]) from None
    try:
        staged = []
        for i, (target, data) in enumerate(outputs.items()):
            _write_file(run.temporary(i), data, 0o666)  # as any new file: umask applies
            staged.append((run.temporary(i), target))
        with signals_held():
            run.write_journal(staged)
            _replace_all(run, staged)
            _fsync_folder(folder)
            if on_commit is not None:
                on_commit(targets)
            run.close()
    except OSError as exc:
        raise write_error(exc, targets[0]) from None
    finally:
        run.close()


# ------------------------------------------------------------------ sweeping


def _held(lock: Path) -> bool:
    """Whether a live run holds `lock`."""
    if fcntl is None:
        try:
            return time.time() - lock.stat().st_mtime < STALE_SECONDS
        except OSError:
            return False
    try:
        fd = os.open(lock, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def _finish_commit(folder: Path, journal: Path) -> None:
    """Complete the renames of a committed run that was killed (step 4)."""
    try:
        entries = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if not isinstance(entries, list):
        return
    for entry in entries:
        if not (isinstance(entry, list) and len(entry) == 2 and all(
                isinstance(n, str) and n and "/" not in n and os.sep not in n
                and n not in (".", "..") for n in entry)):
            continue
        tmp, target = folder / entry[0], folder / entry[1]
        if tmp.name.startswith(PREFIX) and not target.name.startswith(PREFIX):
            with contextlib.suppress(FileNotFoundError):  # another sweep was quicker
                os.replace(tmp, target)


def _legacy_temporary(name: str) -> bool:
    """`.NAME.xxxxxxxx.tmp`, as the writer before this module named temporaries."""
    if not (name.startswith(".") and name.endswith(".tmp")):
        return False
    parts = name[1:-4].rsplit(".", 1)
    return len(parts) == 2 and len(parts[1]) == LEGACY_TEMP_RANDOM and bool(parts[0])


def _old(path: Path) -> bool:
    try:
        return time.time() - path.stat().st_mtime > STALE_SECONDS
    except OSError:
        return False


def sweep(folder: Path) -> None:
    """Finish or remove what killed runs left in `folder` (see the module docstring)."""
    runs: dict[str, list[Path]] = {}
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for path in entries:
        if path.name.startswith(PREFIX):
            runs.setdefault(path.name[len(PREFIX):].split(".", 1)[0], []).append(path)
        elif _legacy_temporary(path.name) and _old(path):
            path.unlink(missing_ok=True)
    for token, paths in sorted(runs.items()):
        lock = folder / f"{PREFIX}{token}.lock"
        if _held(lock) or (not lock.exists() and not all(_old(p) for p in paths)):
            continue  # a live run (or one that is just starting)
        journal = folder / f"{PREFIX}{token}.journal"
        if journal.exists():
            _finish_commit(folder, journal)
        for path in sorted(paths, key=lambda p: p == lock):
            path.unlink(missing_ok=True)
