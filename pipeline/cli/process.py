"""The process around a command: one-line log messages and signals."""

from __future__ import annotations

import logging
import signal
import threading
from typing import TextIO

from ..errors import shown

log = logging.getLogger("brief")




class _OneLine(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = shown(" ".join(record.getMessage().split()))
        if record.levelno >= logging.WARNING:
            return f"brief: {record.levelname.lower()}: {message}"
        return f"brief: {message}"


def configure_logging(stderr: TextIO, quiet: bool, verbose: bool) -> logging.Handler:
    handler = logging.StreamHandler(stderr)
    handler.setFormatter(_OneLine())
    log.handlers = [handler]
    log.propagate = False
    log.setLevel(logging.ERROR if quiet else logging.DEBUG if verbose else logging.INFO)
    return handler


class Terminated(KeyboardInterrupt):
    """SIGTERM, turned into an exception so that temporary files are removed."""


# Set by SIGTERM as well as raised: an exception raised while the garbage collector
# runs a finalizer is swallowed, so `brief watch` also checks this between builds.
TERMINATION = threading.Event()


def _raise_terminated(signum: int, frame: object) -> None:
    TERMINATION.set()
    raise Terminated


def install_signal_handlers() -> object:
    """SIGTERM unwinds like Ctrl-C, so `finally` blocks clean up (main thread only).

    Returns the previous handler, for main() to put back."""
    try:
        return signal.signal(signal.SIGTERM, _raise_terminated)
    except ValueError:  # not the main thread (e.g. tests calling main() from a thread)
        return None


