"""The `brief` console script: quiet on Ctrl-C and SIGTERM from its first moment.

Importing the command line takes a good part of a second (WeasyPrint, NumPy). A
Ctrl-C in that time would print Python's traceback; these handlers end the process
with the usual exit code and one line instead. Nothing has been written yet then, so
there is nothing to clean up; `cli.main` installs the handlers that unwind a build.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys


def _interrupted_early(signum: int, frame: object) -> None:
    with contextlib.suppress(OSError):  # stderr closed: the exit code says it
        os.write(2, b"brief: interrupted; previous outputs left as they were\n")
    os._exit(128 + signum)


def entry() -> None:
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _interrupted_early)
    from .cli import main  # the long imports, interruptible quietly

    sys.exit(main())
