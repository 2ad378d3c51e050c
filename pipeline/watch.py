"""What `brief watch` looks at: the files a brief is built from.

A desk adding articles through the day keeps one `brief watch` running. It
polls, rather than asking the operating system for events, because polling
works the same on every platform and on network folders, and one look at a
corpus of thousands of files (a `stat` each) takes milliseconds.
"""

from __future__ import annotations

import time
from pathlib import Path

from .errors import UserError
from .outline import load_outline
from .walk import walk_corpus

# Two guards keep a file that is still being written (a half-saved outline may be
# valid YAML) out of the brief, both measured from the newest modification time of
# the watched files:
# - a rebuild starts once none has been written for QUIET_SECONDS. Saves and copies
#   take milliseconds; kept short because it adds to every rebuild (0.3 s took the
#   1,250-article watch rebuild from 14.6% to 17.1% of a cold build);
# - its outputs are written only once none has been written for SETTLED_SECONDS and
#   nothing changed since the rebuild started (`Watched.settled`). A rebuild that
#   takes longer than that (a large corpus) waits for nothing; a quick one waits, so
#   a writer that pauses up to a second between two writes is never published.
QUIET_SECONDS = 0.15
SETTLED_SECONDS = 1.0
# A file dated in the future (another machine's clock) does not hold a rebuild back
# longer than this.
MAX_QUIET_WAIT_SECONDS = 5.0

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
    if loaded.corpus_dir.is_dir():  # every file the build may read, as ingest finds them
        states.extend(_state(path) for path in walk_corpus(loaded.corpus_dir,
                                                           lambda name: True).files)
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

    def newest_write(self) -> float:
        """Modification time (seconds since the epoch) of the most recently written
        watched file at the last look; 0 when none exists."""
        times = [state[1] for state in self.last or () if state[1] is not None]
        return max(times) / 1e9 if times else 0.0

    def same(self) -> bool:
        """Whether nothing changed since the last `changed()` (it does not move on)."""
        return snapshot(self.outline) == self.last

    def settled(self) -> bool:
        """Whether nothing changed since the last `changed()`, asked once no watched
        file has been written for SETTLED_SECONDS (waiting for that, at most
        MAX_QUIET_WAIT_SECONDS)."""
        wait = SETTLED_SECONDS - (time.time() - self.newest_write())
        if wait > 0:
            time.sleep(min(wait, MAX_QUIET_WAIT_SECONDS))
        return self.same()
