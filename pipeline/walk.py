"""Finding the files of a corpus folder, without leaving it.

The walk is a loop over a stack of folders, not a recursion, so a corpus
thousands of folders deep is walked like a flat one. It stays inside the
corpus folder: a link whose target lies outside it (a private file, `/`) is
skipped with a warning naming it, while links inside it are followed (each
folder once, so link loops end). Hidden entries (a leading dot) are skipped,
as are folders the system will not list and entries that are neither files
nor folders (a FIFO would block a read for ever); each with a warning.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Walk:
    """The wanted files under a corpus folder, sorted, and what was skipped."""

    files: tuple[Path, ...]
    warnings: tuple[str, ...]
    # (device, inode) of each file as the walk saw it (links followed): a reader checks
    # it is reading the same file (files.read_regular), not one swapped in since
    identities: dict[Path, tuple[int, int]] = field(default_factory=dict)


def _outside(path: Path, root: Path) -> Path | None:
    """Where a link leads when that is outside `root`, else None."""
    target = Path(os.path.realpath(path))
    return None if target.is_relative_to(root) else target


def _entries(folder: Path, warnings: list[str]) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as listing:
            return sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        warnings.append(f"{folder}: cannot read this folder ({exc.strerror}), skipped")
        return []


def walk_corpus(corpus_dir: Path, wanted: Callable[[str], bool]) -> Walk:
    """Files under `corpus_dir` whose name `wanted` accepts, sorted by path."""
    root = Path(os.path.realpath(corpus_dir))
    warnings: list[str] = []
    files: list[Path] = []
    identities: dict[Path, tuple[int, int]] = {}
    seen = {(root.stat().st_dev, root.stat().st_ino)}
    stack = [corpus_dir]
    while stack:
        folder = stack.pop()
        subfolders: list[Path] = []
        for entry in _entries(folder, warnings):
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                target = _outside(path, root) if entry.is_symlink() else None
                if target is not None:
                    warnings.append(f"{path}: a link to '{target}', outside the corpus folder, "
                                    "skipped; copy the file into the corpus to include it")
                    continue
                if entry.is_dir():
                    status = entry.stat()
                    if (status.st_dev, status.st_ino) not in seen:
                        seen.add((status.st_dev, status.st_ino))
                        subfolders.append(path)
                elif wanted(entry.name):
                    if entry.is_file():
                        files.append(path)
                        status = entry.stat()
                        identities[path] = (status.st_dev, status.st_ino)
                    else:
                        warnings.append(f"{path}: not a regular file (a link to nothing, a "
                                        "device or a pipe), skipped")
            except OSError as exc:
                warnings.append(f"{path}: cannot be looked at ({exc.strerror}), skipped")
        stack.extend(reversed(subfolders))
    return Walk(files=tuple(sorted(files)), warnings=tuple(warnings), identities=identities)
