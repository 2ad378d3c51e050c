"""The process around a command: one-line log messages and signals."""

from __future__ import annotations

import contextlib
import logging
import signal
import sys
import threading
from collections.abc import Iterator
from typing import Any, TextIO

from ..errors import UserError, shown

log = logging.getLogger("brief")




class _OneLine(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = shown(" ".join(record.getMessage().split()))
        if record.levelno >= logging.WARNING:
            return f"brief: {record.levelname.lower()}: {message}"
        return f"brief: {message}"


def configure_logging(stderr: TextIO | None, quiet: bool, verbose: bool) -> logging.Handler:
    # a closed stderr logs nowhere; a failing one is not worth a second traceback
    logging.raiseExceptions = False
    handler = logging.StreamHandler(stderr) if stderr is not None else logging.NullHandler()
    handler.setFormatter(_OneLine())
    log.handlers = [handler]
    log.propagate = False
    log.setLevel(logging.ERROR if quiet else logging.DEBUG if verbose else logging.INFO)
    return handler


class Terminated(KeyboardInterrupt):
    """SIGTERM, turned into an exception so that temporary files are removed."""


class PipeClosed(Exception):
    """The reader of standard output went away (`brief check | head -c 0`)."""


# Set by SIGINT and SIGTERM as well as raised: an exception raised while the garbage
# collector runs a finalizer is swallowed, so `brief watch` checks this between builds
# and a build checks it before it writes.
TERMINATION = threading.Event()


def _raise_interrupted(signum: int, frame: object) -> None:
    TERMINATION.set()
    raise KeyboardInterrupt


def _raise_terminated(signum: int, frame: object) -> None:
    TERMINATION.set()
    raise Terminated


def _quiet_unraisable(unraisable: Any) -> None:
    """An interruption raised inside a finalizer is not lost (TERMINATION) nor printed
    as a traceback; anything else is reported as Python would."""
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        TERMINATION.set()
        return
    sys.__unraisablehook__(unraisable)


@contextlib.contextmanager
def signals_installed() -> Iterator[None]:
    """Ctrl-C and SIGTERM unwind as exceptions, so `finally` blocks clean up (main
    thread only; elsewhere, as in tests calling `main` from a thread, nothing changes)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signal.SIGINT: signal.signal(signal.SIGINT, _raise_interrupted),
                signal.SIGTERM: signal.signal(signal.SIGTERM, _raise_terminated)}
    hook, sys.unraisablehook = sys.unraisablehook, _quiet_unraisable
    try:
        yield
    finally:
        sys.unraisablehook = hook
        for signum, handler in previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)


class Output:
    """A standard stream as a command writes to it: text as UTF-8 bytes where the
    stream takes bytes (JSON lines are UTF-8 whatever the locale), and a failed write
    (closed, full disk) as the user's one-line error."""

    def __init__(self, stream: TextIO | None, name: str) -> None:
        self.stream = stream
        self.name = name

    def write(self, text: str) -> int:
        if self.stream is None:
            raise UserError(self.name, "is closed", "write to a file with -o")
        try:
            buffer = getattr(self.stream, "buffer", None)
            if buffer is not None:
                self.stream.flush()
                buffer.write(text.encode("utf-8"))
                buffer.flush()
            else:
                self.stream.write(text)
        except BrokenPipeError:
            raise PipeClosed from None
        except OSError as exc:
            raise UserError(self.name, f"cannot write ({exc.strerror})",
                            "write to a file with -o, or free the disk") from None
        return len(text)

    def flush(self) -> None:
        """(written at once: nothing to flush)"""


def say(stream: TextIO | None, line: str) -> None:
    """The last line of a run on stderr: never a second failure if stderr fails too."""
    if stream is None:
        return
    with contextlib.suppress(OSError, ValueError):
        stream.write(line + "\n")
        stream.flush()
