"""Holding SIGINT and SIGTERM while outputs are renamed into place."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator


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
