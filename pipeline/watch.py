"""What `brief watch` looks at: the files a brief is built from.

A desk adding articles through the day keeps one `brief watch` running. It
polls, rather than asking the operating system for events, because polling
works the same on every platform and on network folders, and one look at a
corpus of thousands of files (a `stat` each) takes milliseconds.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import UserError
from .outline import load_outline

# (path, modification time in ns, size) of each watched file; None for a missing one
Snapshot = frozenset[tuple[str, int, int] | tuple[str, None, None]]


def _state(path: Path) -> tuple[str, int, int] | tuple[str, None, None]:
    try:
        status = path.stat()
    except OSError:
        return (str(path), None, None)
    return (str(path), status.st_mtime_ns, status.st_size)


def snapshot(outline: Path) -> Snapshot:
    """The outline, every file under its corpus folder, its logo and its stylesheet.
    An outline that does not load is watched alone: its next edit may fix it."""
    states = [_state(outline)]
    try:
        loaded = load_outline(outline)
    except UserError:
        return frozenset(states)
    for root, folders, files in os.walk(loaded.corpus_dir):
        folders.sort()
        states.extend(_state(Path(root) / name) for name in files)
    for key in ("logo", "stylesheet"):
        path = loaded.layout_file(key)
        if path is not None:
            states.append(_state(path))
    return frozenset(states)


class Watched:
    """Tells whether the inputs of a brief changed since it last looked."""

    def __init__(self, outline: Path) -> None:
        self.outline = outline
        self.last: Snapshot | None = None

    def changed(self) -> bool:
        """True the first time, then whenever a watched file was added, removed or
        modified since the previous call."""
        now = snapshot(self.outline)
        changed = now != self.last
        self.last = now
        return changed
