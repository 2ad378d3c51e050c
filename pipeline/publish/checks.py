"""Output paths, checked before the build starts.

Every output must be a file name the system accepts, in a folder that exists or can
be made and can be written, and must not be an input of the brief (the outline, its
logo, stylesheet or cache) nor lie inside the corpus folder (the next build would read
it back as an article; a link or a bind mount into the corpus counts as inside). A
problem is a one-line UserError, before seconds of work are spent. `publish` checks
the folder again, as it opened it, just before it commits.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from ..errors import UserError

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
        try:
            _check_one(target, inputs, corpus)
        except OSError as exc:  # a folder on the way that cannot be looked into
            raise UserError(str(target), f"cannot be looked at ({exc.strerror})",
                            WRITE_FIXES.get(exc.errno or 0, "check the path given with -o")
                            ) from None


def _check_one(target: Path, inputs: Mapping[str, Path | None], corpus: Path | None) -> None:
    where = str(target)
    _check_lengths(target)
    for what, path in inputs.items():
        if path is not None and _same_file(target, path):
            raise UserError(where, f"is {what} of this brief; writing it would destroy it",
                            "choose another output path with -o")
    if corpus is not None and inside(target, corpus):
        raise UserError(where, INSIDE_CORPUS, "write outside the corpus folder with -o")
    _check_target(target)
    _check_folder(target)


def write_error(exc: OSError, target: Path, changed: bool = False) -> UserError:
    """An OSError met while writing outputs, as the user's one-line error."""
    fix = WRITE_FIXES.get(exc.errno or 0, "check the path given with -o")
    state = "" if changed else "; nothing was changed"
    return UserError(str(target), f"cannot write ({exc.strerror or exc}){state}", fix)




INSIDE_CORPUS = "is inside the corpus folder: the next build would read it as an article"


def identity(path: Path | int) -> tuple[int, int]:
    """(device, inode) of a folder, by path or open descriptor."""
    status = os.stat(path)
    return status.st_dev, status.st_ino


def ancestry(folder: Path | int) -> Iterator[tuple[int, int]]:
    """(device, inode) of `folder` (a path or an open descriptor) and of each folder
    above it, as the system walks `..` (links and bind mounts as they really are)."""
    fd = os.dup(folder) if isinstance(folder, int) else \
        os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        while True:
            here = identity(fd)
            yield here
            parent = os.open("..", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = parent
            if identity(fd) == here:  # the root is its own parent
                return
    finally:
        os.close(fd)


def inside(target: Path, folder: Path) -> bool:
    """Whether `target` lies in `folder` (or would, once its missing folders are
    made): by path, and by the identities of the folders it would be written in, so a
    link or a bind mount into `folder` counts too."""
    if target.resolve().is_relative_to(folder.resolve()):
        return True
    try:
        forbidden = identity(folder)
        existing = _existing_ancestor(target.parent)
        return existing.is_dir() and forbidden in set(ancestry(existing))
    except OSError:
        return False
