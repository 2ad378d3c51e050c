"""`brief watch`: rebuild whenever the inputs change, until interrupted."""

from __future__ import annotations

import argparse
import logging
import time
from collections.abc import Sequence
from typing import TextIO

from ..build import (
    Memory,
)
from ..errors import EXIT_OK, UserError
from ..watch import MAX_QUIET_WAIT_SECONDS, QUIET_SECONDS, Watched
from .arguments import MAX_INTERVAL_SECONDS, checked_formats
from .building import build_and_write, settle_heap
from .process import TERMINATION, Output

log = logging.getLogger("brief")


def cmd_watch(args: argparse.Namespace, stdout: Output, stderr: TextIO | None) -> int:
    """Build, then rebuild on every change of the inputs until interrupted. The first
    build's errors end the command (exit 2); later ones, whatever they are, are
    printed in one line and watching goes on, the previous outputs left in place."""
    formats = checked_formats(args)
    if not (0 < args.interval < MAX_INTERVAL_SECONDS):  # also refuses nan and inf
        raise UserError("--interval", f"{args.interval} is not a number of seconds between "
                        f"0 and {MAX_INTERVAL_SECONDS:,}", "give a positive number such as 1")
    memory = Memory()
    watched = Watched(args.outline)
    watched.changed()
    build_and_write(args, stderr, formats, memory)
    settle_heap()
    log.info("watching %s and its corpus for changes (Ctrl-C stops)", args.outline)
    try:
        pending = False  # inputs changed during the last build: build again at once
        while not TERMINATION.is_set():
            if not pending:
                time.sleep(args.interval)
                if not watched.changed():
                    continue
            if not _quiet(watched, args.interval):
                break
            pending = _rebuild(args, stderr, formats, memory, watched)
            settle_heap()  # while waiting: the outputs are written already
    except KeyboardInterrupt:
        pass
    log.info("stopped watching")
    return EXIT_OK


def _quiet(watched: Watched, interval: float) -> bool:
    """Wait until no watched file has been written for QUIET_SECONDS (an editor or a
    copy still writing; at most MAX_QUIET_WAIT_SECONDS); False when told to stop."""
    began = time.monotonic()
    while not TERMINATION.is_set():
        settled = time.time() - watched.newest_write() >= QUIET_SECONDS
        if settled or time.monotonic() - began >= MAX_QUIET_WAIT_SECONDS:
            return True
        time.sleep(min(interval, QUIET_SECONDS / 3))
        watched.changed()
    return False


def _rebuild(args: argparse.Namespace, stderr: TextIO | None, formats: Sequence[str],
             memory: Memory, watched: Watched) -> bool:
    """One rebuild of `brief watch`; True when the inputs changed while it ran (its
    outputs were not written, and it must run again)."""
    began = time.perf_counter()
    try:
        result = build_and_write(args, stderr, formats, memory, still_current=watched.settled)
    except UserError as exc:
        log.error("%s (waiting for the next change)", exc.line())
        return False
    except Exception as exc:
        log.error("internal error: %s: %s; rerun with -v for details and report it "
                  "(waiting for the next change)", type(exc).__name__, exc)
        log.debug("traceback", exc_info=True)
        return False
    if result is None:
        log.info("inputs changed during the rebuild; building again")
        watched.changed()
        return True
    log.info("rebuilt in %.2fs (%d of %d articles analysed again)",
             time.perf_counter() - began, result.stats.misses, len(result.analysed))
    return False


